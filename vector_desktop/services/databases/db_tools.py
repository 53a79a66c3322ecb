"""The databases' tools for the chat: each connection the user exposed to the AI offers `list_tables`,
`describe_table` and `run_query` (always in a read-only transaction, enforced by the server), and a writable
connection also `run_write` (declared destructive, so the policy engine asks for it every time unless a grant
allows it). Implements domain.connectors_api.ToolSource, so the chat's toolbox, the composer and the Permissions
tab see these tools beside the connectors' ones.

Every call is recorded as a ConnectorToolAction before it starts and after it ends, like a connector's. The model
never sees a password or a full connection URL: the tools name the connection, and the results hold rows, not
settings. Results are capped in rows and bytes, with a note saying so.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vector_desktop.domain.connectors import (
    ActionFilter,
    ConnectorInfo,
    ConnectorKind,
    ConnectorState,
    ElicitationAsker,
    ToolAction,
    ToolActionStore,
    ToolNotFound,
    is_loopback_url,
)
from vector_desktop.domain.connectors_api import ConnectorsListener, ToolRun
from vector_desktop.domain.databases import (
    DB_PREFIX,
    ConnectionConfig,
    DatabaseError,
    QueryTimeoutError,
    TableDetail,
    TableInfo,
)
from vector_desktop.domain.databases_api import DatabasesApi, DatabasesListener, QueryHandle
from vector_desktop.domain.db_values import json_value
from vector_desktop.domain.tools import ToolAnnotations, ToolResult, ToolSpec, ToolStatus

MAX_ROWS = 200
MAX_BYTES = 16_000
MAX_TABLES = 500
SUMMARY_CHARS = 200
SQL_SCHEMA = {
    "type": "object",
    "properties": {
        "sql": {"type": "string", "description": "One SQL statement. Use %s placeholders for values."},
        "params": {
            "type": "array",
            "description": "Values bound to the %s placeholders, in order (never put values into the SQL text).",
            "items": {},
        },
    },
    "required": ["sql"],
}


@dataclass(frozen=True)
class DbToolCaps:
    max_rows: int = MAX_ROWS
    max_bytes: int = MAX_BYTES


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return slug[:30] or "db"


def _definitions(config: ConnectionConfig) -> list[tuple[str, str, dict[str, Any], ToolAnnotations]]:
    where = f"the {config.kind.label} database “{config.name}”"
    read = ToolAnnotations(read_only=True, destructive=False, idempotent=True, open_world=False)
    tools = [
        (
            "list_tables",
            f"List the tables and views of {where}, with estimated row counts. Give `schema` for one schema.",
            {"type": "object", "properties": {"schema": {"type": "string"}}},
            read,
        ),
        (
            "describe_table",
            f"Describe a table of {where}: columns with types, nullability and defaults, keys and indexes.",
            {
                "type": "object",
                "properties": {"table": {"type": "string"}, "schema": {"type": "string"}},
                "required": ["table"],
            },
            read,
        ),
    ]
    if config.has_sql:
        tools.append(
            (
                "run_query",
                f"Run one read-only SQL statement on {where} and get the rows (at most {MAX_ROWS}). "
                "The server refuses writes here.",
                SQL_SCHEMA,
                read,
            )
        )
        if not config.read_only:
            tools.append(
                (
                    "run_write",
                    f"Run one SQL statement that changes {where} (INSERT, UPDATE, DELETE, DDL); it is committed.",
                    SQL_SCHEMA,
                    ToolAnnotations(read_only=False, destructive=True, idempotent=False, open_world=False),
                )
            )
    return tools


def _token_cost(spec_json: dict[str, Any]) -> int:
    return max(1, len(json.dumps(spec_json)) // 4)


class DatabaseTools:
    """Implements ToolSource over the databases service. `connectors()`/`tools()` read memory; `call_tool` runs on
    whatever loop awaits it (the service's blocking work goes to its sessions' threads)."""

    def __init__(
        self,
        databases: DatabasesApi,
        actions: ToolActionStore,
        *,
        scrub_arguments: Callable[[dict[str, Any]], dict[str, Any]] = dict,
        caps: DbToolCaps = DbToolCaps(),
    ) -> None:
        self._databases = databases
        self._actions = actions
        self._scrub = scrub_arguments
        self.caps = caps
        self._relays: dict[int, _Relay] = {}

    def add_listener(self, listener: ConnectorsListener) -> None:
        """Connector events for the tools' readers: a connection added, edited, exposed or removed changes them."""
        relay = _Relay(listener, self)
        self._relays[id(listener)] = relay
        self._databases.add_listener(relay)

    def remove_listener(self, listener: ConnectorsListener) -> None:
        relay = self._relays.pop(id(listener), None)
        if relay is not None:
            self._databases.remove_listener(relay)

    # ------------------------------------------------------------------------------------------------ listing

    def _exposed(self) -> list[ConnectionConfig]:
        return [c for c in self._databases.connections() if c.expose_to_ai]

    def _prefixes(self) -> dict[int, str]:
        """`db_<slug>` per exposed connection, unique (a clash gets the connection's id)."""
        seen: dict[str, int] = {}
        prefixes: dict[int, str] = {}
        for config in sorted(self._exposed(), key=lambda c: c.id):
            prefix = f"db_{_slug(config.name)}"
            if prefix in seen:
                prefix = f"{prefix}_{config.id}".replace("-", "m")
            seen[prefix] = config.id
            prefixes[config.id] = prefix
        return prefixes

    def connectors(self) -> list[ConnectorInfo]:
        infos = []
        for config in self._exposed():
            count = len(_definitions(config))
            infos.append(
                ConnectorInfo(
                    key=config.key,
                    kind=ConnectorKind.DATABASE,
                    name=config.name,
                    state=ConnectorState.READY,
                    enabled=True,
                    connected=True,
                    tool_count=count,
                    enabled_tool_count=count,
                    detail=config.display_target(),
                    needs_network=_needs_network(config),
                )
            )
        return infos

    def tools(self, connector_key: str | None = None) -> list[ToolSpec]:
        prefixes = self._prefixes()
        specs = []
        for config in self._exposed():
            if connector_key is not None and config.key != connector_key:
                continue
            for name, description, schema, hints in _definitions(config):
                qualified = f"{prefixes[config.id]}__{name}"
                wire = {"name": qualified, "description": description, "parameters": schema}
                specs.append(
                    ToolSpec(
                        connector_key=config.key,
                        name=name,
                        qualified_name=qualified,
                        description=description,
                        title=f"{name.replace('_', ' ').capitalize()} ({config.name})",
                        input_schema=schema,
                        annotations=hints,
                        token_cost=_token_cost(wire),
                    )
                )
        return specs

    # ------------------------------------------------------------------------------------------------ calling

    async def call_tool(
        self,
        qualified_name: str,
        arguments: dict[str, Any],
        *,
        origin: str,
        allowed_by: str,
        timeout: float | None = None,
        elicitation: ElicitationAsker | None = None,
    ) -> ToolRun:
        spec = next((s for s in self.tools() if s.qualified_name == qualified_name), None)
        if spec is None:
            raise ToolNotFound(f"There is no database tool named {qualified_name}.")
        config = self._databases.find(spec.connector_key)
        action = self._actions.start_action(
            connector_key=config.key,
            connector_name=config.name,
            tool_name=spec.name,
            qualified_name=qualified_name,
            arguments=self._scrub(dict(arguments)),
            origin=origin,
            allowed_by=allowed_by,
        )
        began = time.monotonic()
        try:
            value = await self._run(spec.name, config, arguments, origin, timeout)
        except asyncio.CancelledError:
            self._finish(action, ToolStatus.CANCELLED, began, error="The call was stopped.")
            raise
        except DatabaseError as error:
            message = _error_sentence(error)
            status = ToolStatus.TIMED_OUT if isinstance(error, QueryTimeoutError) else ToolStatus.FAILED
            finished = self._finish(action, status, began, error=message)
            return ToolRun(finished, ToolResult(status, is_error=True, error=message, duration_ms=_ms(began)))
        text = json.dumps(value, ensure_ascii=False)
        finished = self._finish(action, ToolStatus.SUCCEEDED, began, result=text, summary=_summary(spec.name, value))
        result = ToolResult(ToolStatus.SUCCEEDED, structured=value, text=text, duration_ms=_ms(began))
        return ToolRun(finished, result)

    def _finish(
        self,
        action: ToolAction,
        status: ToolStatus,
        began: float,
        *,
        error: str = "",
        result: str = "",
        summary: str = "",
    ) -> ToolAction:
        cap = self.caps.max_bytes
        return self._actions.finish_action(
            action.id,
            status=status,
            duration_ms=_ms(began),
            summary=summary or error[:SUMMARY_CHARS],
            result_json=result[:cap] if result else None,
            result_truncated=len(result) > cap,
            error=error,
        )

    async def _run(
        self, tool: str, config: ConnectionConfig, arguments: dict[str, Any], origin: str, timeout: float | None
    ) -> Any:
        if tool == "list_tables":
            return await self._list_tables(config, str(arguments.get("schema") or ""))
        if tool == "describe_table":
            return await self._describe(config, str(arguments.get("table") or ""), str(arguments.get("schema") or ""))
        sql = str(arguments.get("sql") or "").strip()
        if not sql:
            raise DatabaseError("The call gave no SQL statement.")
        params = arguments.get("params")
        if params is not None and not isinstance(params, list):
            raise DatabaseError("`params` must be a list of values.")
        read_only = tool == "run_query"
        handle = await self._databases.run(
            config.id, sql, params, origin=origin, read_only=read_only, timeout_s=timeout
        )
        try:
            return await self._rows(handle)
        finally:
            await handle.close()

    async def _rows(self, handle: QueryHandle) -> dict[str, Any]:
        run = handle.run
        if not run.columns:
            return {"status": run.status, "rows_affected": run.rowcount}
        wanted = self.caps.max_rows + 1
        rows: list[tuple[Any, ...]] = []
        while len(rows) < wanted:
            page = await handle.fetch(wanted - len(rows))
            if not page:
                break
            rows.extend(page)
        cut = len(rows) > self.caps.max_rows
        rows = rows[: self.caps.max_rows]
        out = [[json_value(v) for v in row] for row in rows]
        value: dict[str, Any] = {"columns": [c.name for c in run.columns], "rows": out}
        while out and len(json.dumps(value, ensure_ascii=False).encode()) > self.caps.max_bytes:
            out = out[: max(0, len(out) * 3 // 4)]
            value["rows"] = out
            cut = True
        value["row_count"] = len(out)
        if cut:
            value["note"] = (
                f"The result was cut to {len(out)} rows; the query returns more. Narrow it (WHERE, LIMIT, "
                "aggregates) to see the rest."
            )
        return value

    async def _list_tables(self, config: ConnectionConfig, schema: str) -> dict[str, Any]:
        if schema:
            schemas = [schema]
        else:
            listed = await self._databases.schemas(config.id)
            schemas = [s.name for s in listed]
        tables: list[TableInfo] = []
        for name in schemas:
            tables.extend(await self._databases.tables(config.id, name))
            if len(tables) >= MAX_TABLES:
                break
        value: dict[str, Any] = {
            "tables": [
                {"schema": t.schema, "name": t.name, "kind": t.kind.value, "estimated_rows": t.estimated_rows}
                for t in tables[:MAX_TABLES]
            ]
        }
        if len(tables) > MAX_TABLES:
            value["note"] = f"Only the first {MAX_TABLES} tables are listed; give `schema` to list one schema."
        return value

    async def _describe(self, config: ConnectionConfig, table: str, schema: str) -> dict[str, Any]:
        if not table:
            raise DatabaseError("The call did not say which table to describe.")
        if "." in table and not schema:
            schema, table = table.split(".", 1)
        if not schema:
            schema = await self._schema_of(config, table)
        return _detail_value(await self._databases.describe(config.id, schema, table))

    async def _schema_of(self, config: ConnectionConfig, table: str) -> str:
        schemas = await self._databases.schemas(config.id)
        ordered = sorted(schemas, key=lambda s: not s.is_default)
        for schema in ordered:
            if any(t.name == table for t in await self._databases.tables(config.id, schema.name)):
                return schema.name
        raise DatabaseError(f"There is no table named {table} in {config.name}.")

    async def history(self, query: ActionFilter = ActionFilter()) -> list[ToolAction]:  # noqa: B008
        found = self._actions.list_actions(query)
        return found if query.connector_key else [a for a in found if a.connector_key.startswith(DB_PREFIX)]


def _detail_value(detail: TableDetail) -> dict[str, Any]:
    return {
        "schema": detail.table.schema,
        "table": detail.table.name,
        "kind": detail.table.kind.value,
        "estimated_rows": detail.table.estimated_rows,
        "columns": [
            {"name": c.name, "type": c.type, "nullable": c.nullable, "default": c.default, "primary_key": c.primary_key}
            for c in detail.columns
        ],
        "primary_key": list(detail.primary_key),
        "foreign_keys": [
            {
                "columns": list(fk.columns),
                "references": f"{fk.ref_schema}.{fk.ref_table}",
                "ref_columns": list(fk.ref_columns),
            }
            for fk in detail.foreign_keys
        ],
        "indexes": [{"name": i.name, "columns": list(i.columns), "unique": i.unique} for i in detail.indexes],
    }


def _error_sentence(error: DatabaseError) -> str:
    text = str(error)
    server = error.server_message.strip()
    if server and server not in text:
        text = f"{text} The server said: {server}"
    return text


def _summary(tool: str, value: Any) -> str:
    if isinstance(value, dict):
        if "row_count" in value:
            return f"{value['row_count']} rows"
        if "rows_affected" in value:
            return f"{value.get('status') or 'done'} ({value['rows_affected']} rows)"
        if "tables" in value:
            return f"{len(value['tables'])} tables"
        if "columns" in value:
            return f"{len(value['columns'])} columns"
    return tool


def _ms(began: float) -> int:
    return int((time.monotonic() - began) * 1000)


class _Relay(DatabasesListener):
    def __init__(self, listener: ConnectorsListener, tools: DatabaseTools) -> None:
        self._listener = listener
        self._tools = tools

    def connections_changed(self) -> None:
        self._listener.connectors_changed()
        for config in self._tools._databases.connections():
            self._listener.tools_changed(config.key)

    def history_changed(self, connection_id: int) -> None:
        self._listener.actions_changed()


def _needs_network(config: ConnectionConfig) -> bool:
    if not config.host:
        return bool(config.supabase_url) and not is_loopback_url(config.supabase_url)
    return not (config.host.startswith("/") or is_loopback_url(f"//{config.host}"))
