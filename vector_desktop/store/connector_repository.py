"""Connector settings and caches in the local store (implements domain.connectors.ConnectorStore).

Every method opens its own short session and commits before returning. No secret is written here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from vector_desktop.domain.connectors import (
    CachedTools,
    ConnectorValidationError,
    McpServerConfig,
    McpServerDraft,
    McpTransport,
    MergeConnector,
    NamedValue,
)
from vector_desktop.store.tables import utcnow
from vector_desktop.store.tables_connectors import (
    ConnectorCache,
    ConnectorPrefRow,
    ConnectorStateRow,
    McpServerRow,
    MergeIntegrationProvider,
)
from vector_desktop.store.timestamps import aware


def _values_json(values: Sequence[NamedValue]) -> str:
    # A secret's value never reaches the store, whatever the caller passed.
    return json.dumps([{"name": v.name, "value": "" if v.secret else v.value, "secret": v.secret} for v in values])


def _values(text: str) -> tuple[NamedValue, ...]:
    items = json.loads(text or "[]")
    return tuple(NamedValue(str(i["name"]), str(i.get("value", "")), bool(i.get("secret"))) for i in items)


def _server(row: McpServerRow) -> McpServerConfig:
    return McpServerConfig(
        id=row.id,
        name=row.name,
        transport=McpTransport(row.transport),
        url=row.url,
        headers=_values(row.headers_json),
        command=row.command,
        args=tuple(json.loads(row.args_json or "[]")),
        env=_values(row.env_json),
        cwd=row.cwd,
        enabled=row.enabled,
        use_oauth=row.use_oauth,
        created_at=aware(row.created_at),
        updated_at=aware(row.updated_at),
    )


def _fill(row: McpServerRow, draft: McpServerDraft) -> None:
    row.name = draft.name
    row.transport = draft.transport.value
    row.url = draft.url
    row.headers_json = _values_json(draft.headers)
    row.command = draft.command
    row.args_json = json.dumps(list(draft.args))
    row.env_json = _values_json(draft.env)
    row.cwd = draft.cwd
    row.enabled = draft.enabled
    row.use_oauth = draft.use_oauth


def _merge(row: MergeIntegrationProvider) -> MergeConnector:
    return MergeConnector(
        slug=row.slug,
        name=row.name,
        logo_url=row.logo_url,
        source_url=row.source_url,
        description=row.description,
        categories=tuple(json.loads(row.categories_json or "[]")),
        auth_scope=row.auth_scope,
        connected=row.connected,
        pack_tools=tuple(json.loads(row.tools_json or "[]")),
        position=row.position,
        refreshed_at=aware(row.refreshed_at),
    )


def _name_taken(name: str) -> ConnectorValidationError:
    return ConnectorValidationError("name", f"There is already a server named “{name}”. Choose another name.")


class ConnectorRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- MCP servers

    def list_mcp_servers(self) -> list[McpServerConfig]:
        with self._sessions() as session:
            return [_server(row) for row in session.scalars(select(McpServerRow).order_by(McpServerRow.id))]

    def get_mcp_server(self, server_id: int) -> McpServerConfig | None:
        with self._sessions() as session:
            row = session.get(McpServerRow, server_id)
            return _server(row) if row is not None else None

    def find_mcp_server(self, name: str) -> McpServerConfig | None:
        with self._sessions() as session:
            for row in session.scalars(select(McpServerRow)):
                if row.name.casefold() == name.casefold():
                    return _server(row)
        return None

    def add_mcp_server(self, draft: McpServerDraft) -> McpServerConfig:
        if self.find_mcp_server(draft.name) is not None:
            raise _name_taken(draft.name)
        try:
            with self._sessions.begin() as session:
                now = utcnow()
                row = McpServerRow(created_at=now, updated_at=now)
                _fill(row, draft)
                session.add(row)
                session.flush()
                return _server(row)
        except IntegrityError as error:
            raise _name_taken(draft.name) from error

    def update_mcp_server(self, server_id: int, draft: McpServerDraft) -> McpServerConfig:
        other = self.find_mcp_server(draft.name)
        if other is not None and other.id != server_id:
            raise _name_taken(draft.name)
        try:
            with self._sessions.begin() as session:
                row = session.get(McpServerRow, server_id)
                if row is None:
                    raise ConnectorValidationError("", "This server was removed in the meantime.")
                _fill(row, draft)
                row.updated_at = utcnow()
                session.flush()
                return _server(row)
        except IntegrityError as error:
            raise _name_taken(draft.name) from error

    def set_mcp_server_enabled(self, server_id: int, enabled: bool) -> McpServerConfig:
        with self._sessions.begin() as session:
            row = session.get(McpServerRow, server_id)
            if row is None:
                raise ConnectorValidationError("", "This server was removed in the meantime.")
            row.enabled = enabled
            row.updated_at = utcnow()
            session.flush()
            return _server(row)

    def delete_mcp_server(self, server_id: int) -> McpServerConfig | None:
        with self._sessions.begin() as session:
            row = session.get(McpServerRow, server_id)
            if row is None:
                return None
            server = _server(row)
            session.delete(row)
            key = server.key
            session.execute(delete(ConnectorCache).where(ConnectorCache.connector_key == key))
            session.execute(delete(ConnectorPrefRow).where(ConnectorPrefRow.connector_key == key))
            return server

    # -- Merge connectors

    def list_merge_connectors(self) -> list[MergeConnector]:
        with self._sessions() as session:
            rows = session.scalars(select(MergeIntegrationProvider).order_by(MergeIntegrationProvider.position))
            return [_merge(row) for row in rows]

    def replace_merge_connectors(self, connectors: Sequence[MergeConnector]) -> None:
        """The pack's connectors as just detected: rows of connectors no longer in the pack go (their cached
        tools too); enable toggles stay, so a connector that comes back keeps the user's choices."""
        now = utcnow()
        keep = {c.slug for c in connectors}
        with self._sessions.begin() as session:
            gone = [slug for slug in session.scalars(select(MergeIntegrationProvider.slug)) if slug not in keep]
            if gone:
                session.execute(delete(MergeIntegrationProvider).where(MergeIntegrationProvider.slug.in_(gone)))
                keys = [f"merge:{slug}" for slug in gone]
                session.execute(delete(ConnectorCache).where(ConnectorCache.connector_key.in_(keys)))
            for position, connector in enumerate(connectors):
                values: dict[str, Any] = {
                    "slug": connector.slug,
                    "name": connector.name,
                    "logo_url": connector.logo_url,
                    "source_url": connector.source_url,
                    "description": connector.description,
                    "categories_json": json.dumps(list(connector.categories)),
                    "auth_scope": connector.auth_scope,
                    "connected": connector.connected,
                    "tools_json": json.dumps(list(connector.pack_tools)),
                    "position": position,
                    "refreshed_at": now,
                }
                statement = insert(MergeIntegrationProvider).values(**values)
                session.execute(
                    statement.on_conflict_do_update(
                        index_elements=[MergeIntegrationProvider.slug],
                        set_={k: v for k, v in values.items() if k != "slug"},
                    )
                )

    def set_merge_connected(self, slug: str, connected: bool) -> None:
        with self._sessions.begin() as session:
            row = session.get(MergeIntegrationProvider, slug)
            if row is not None:
                row.connected = connected

    # -- ConnectorCache

    def save_cache(self, connector_key: str, kind: str, items: Sequence[dict[str, Any]]) -> None:
        values = {"connector_key": connector_key, "kind": kind, "items_json": json.dumps(list(items))}
        values["fetched_at"] = utcnow()  # type: ignore[assignment]
        with self._sessions.begin() as session:
            statement = insert(ConnectorCache).values(**values)
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=[ConnectorCache.connector_key, ConnectorCache.kind],
                    set_={"items_json": values["items_json"], "fetched_at": values["fetched_at"]},
                )
            )

    def load_cache(self, connector_key: str, kind: str) -> CachedTools | None:
        with self._sessions() as session:
            row = session.get(ConnectorCache, (connector_key, kind))
            if row is None:
                return None
            items = json.loads(row.items_json or "[]")
            return CachedTools(connector_key, kind, tuple(items), aware(row.fetched_at))

    def load_all_caches(self, kind: str) -> dict[str, CachedTools]:
        with self._sessions() as session:
            rows = session.scalars(select(ConnectorCache).where(ConnectorCache.kind == kind))
            return {
                row.connector_key: CachedTools(
                    row.connector_key, kind, tuple(json.loads(row.items_json or "[]")), aware(row.fetched_at)
                )
                for row in rows
            }

    def drop_cache(self, connector_key: str) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(ConnectorCache).where(ConnectorCache.connector_key == connector_key))

    # -- enable toggles

    def tool_enabled_map(self) -> dict[tuple[str, str], bool]:
        with self._sessions() as session:
            rows = session.execute(
                select(ConnectorPrefRow.connector_key, ConnectorPrefRow.tool_name, ConnectorPrefRow.enabled).where(
                    ConnectorPrefRow.tool_name != ""
                )
            )
            return {(key, name): enabled for key, name, enabled in rows}

    def set_tools_enabled(self, connector_key: str, names: Sequence[str], enabled: bool) -> None:
        self._set_prefs(connector_key, [n for n in names if n], enabled)

    def connector_enabled_map(self) -> dict[str, bool]:
        with self._sessions() as session:
            rows = session.execute(
                select(ConnectorPrefRow.connector_key, ConnectorPrefRow.enabled).where(ConnectorPrefRow.tool_name == "")
            )
            return {key: enabled for key, enabled in rows}

    def set_connector_enabled(self, connector_key: str, enabled: bool) -> None:
        self._set_prefs(connector_key, [""], enabled)

    def _set_prefs(self, connector_key: str, names: Sequence[str], enabled: bool) -> None:
        if not names:
            return
        now = utcnow()
        with self._sessions.begin() as session:
            for name in names:
                statement = insert(ConnectorPrefRow).values(
                    connector_key=connector_key, tool_name=name, enabled=enabled, updated_at=now
                )
                session.execute(
                    statement.on_conflict_do_update(
                        index_elements=[ConnectorPrefRow.connector_key, ConnectorPrefRow.tool_name],
                        set_={"enabled": enabled, "updated_at": now},
                    )
                )

    # -- state values

    def get_state(self, key: str) -> str | None:
        with self._sessions() as session:
            row = session.get(ConnectorStateRow, key)
            return row.value if row is not None else None

    def set_state(self, key: str, value: str | None) -> None:
        with self._sessions.begin() as session:
            if value is None:
                session.execute(delete(ConnectorStateRow).where(ConnectorStateRow.key == key))
                return
            now = utcnow()
            statement = insert(ConnectorStateRow).values(key=key, value=value, updated_at=now)
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=[ConnectorStateRow.key], set_={"value": value, "updated_at": now}
                )
            )
