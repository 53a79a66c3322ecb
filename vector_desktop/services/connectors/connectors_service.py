"""ConnectorsService: the connectors façade (domain/connectors_api.py) over the Merge tool pack and the user's MCP
servers. Its coroutines run on the connectors' own loop (runtime.py); `connectors()` and `tools()` read memory that
`open()` fills from the store's cache, so they answer offline and from any thread."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from vector_desktop.config import Config
from vector_desktop.domain.connectors import (
    ActionFilter,
    ConnectorError,
    ConnectorInfo,
    ConnectorNotFound,
    ConnectorStore,
    ConnectorValidationError,
    ElicitationAsker,
    McpServerConfig,
    McpServerDraft,
    MergeConnector,
    ToolAction,
    ToolActionStore,
    ToolNotFound,
    mcp_server_id,
    merge_key,
)
from vector_desktop.domain.connectors_api import ConnectorsListener, ServerLogLine, ToolRun
from vector_desktop.domain.tools import ToolSpec
from vector_desktop.services.connectors.catalog import ToolSource, build_specs, connector_infos
from vector_desktop.services.connectors.events import ListenerSet
from vector_desktop.services.connectors.managed_server import AuthFactory, SessionFactory, sdk_session
from vector_desktop.services.connectors.mcp_import import parse_mcp_servers, validate_draft
from vector_desktop.services.connectors.mcp_secrets import SecretKeeper, delete_secrets, save_secrets
from vector_desktop.services.connectors.mcp_servers import RESTART_BACKOFF, McpServers
from vector_desktop.services.connectors.merge_service import MergeService
from vector_desktop.services.connectors.merge_tools import MergeTools
from vector_desktop.services.connectors.process_registry import ProcessRegistry
from vector_desktop.services.connectors.tool_calls import ToolCaller
from vector_desktop.services.connectors.tool_runs import ToolRunRecorder
from vector_desktop.services.scrubber import Scrubber

log = logging.getLogger(__name__)

_MERGE_PREFIX = merge_key("")


class ConnectorsService:
    def __init__(
        self,
        config: Config,
        store: ConnectorStore,
        actions: ToolActionStore,
        secrets: SecretKeeper,
        merge: MergeService,
        scrubber: Scrubber,
        pid_folder: Path,
        *,
        offline: bool = False,
        session_factory: SessionFactory = sdk_session,
        auth_for: AuthFactory | None = None,
        restart_backoff: Sequence[float] = RESTART_BACKOFF,
    ) -> None:
        self._store = store
        self._actions = actions
        self._secrets = secrets
        self._listeners = ListenerSet()
        self._recorder = ToolRunRecorder(actions, scrubber)
        self._registry = ProcessRegistry(pid_folder)
        self._servers = McpServers(
            store,
            secrets,
            self._registry,
            on_state=lambda _key: self._listeners.connectors_changed(),
            on_lists=self._lists_fetched,
            on_log=self._listeners.server_log,
            session_factory=session_factory,
            auth_for=auth_for,
            backoff=restart_backoff,
        )
        self._merge = MergeTools(
            merge,
            store,
            on_state=self._listeners.connectors_changed,
            on_tools=self._merge_tools_fetched,
            on_log=self._listeners.server_log,
            session_factory=session_factory,
        )
        self._caller = ToolCaller(self._recorder, self._listeners, self._servers, self._merge)
        self._offline = offline
        self._servers.offline = self._merge.offline = offline
        self._tool_prefs: dict[tuple[str, str], bool] = {}
        self._connector_prefs: dict[str, bool] = {}
        self._specs: dict[str, tuple[ToolSpec, ...]] = {}
        self._by_qualified: dict[str, ToolSpec] = {}

    # ---------------------------------------------------------------- listeners

    def add_listener(self, listener: ConnectorsListener) -> None:
        self._listeners.add(listener)

    def remove_listener(self, listener: ConnectorsListener) -> None:
        self._listeners.remove(listener)

    # ---------------------------------------------------------------- memory (any thread)

    def connectors(self) -> list[ConnectorInfo]:
        return connector_infos(self._merge, self._servers, self._connector_prefs, self._specs, offline=self._offline)

    def tools(self, connector_key: str | None = None) -> list[ToolSpec]:
        specs = self._specs
        if connector_key is not None:
            return list(specs.get(connector_key, ()))
        return [spec for group in specs.values() for spec in group]

    def merge_connectors(self) -> list[MergeConnector]:
        return list(self._merge.connectors)

    def merge_configured(self) -> bool:
        return self._merge.configured()

    @property
    def merge_error(self) -> str:
        """Why the Merge pack could not be read or reached the last time (empty when it could)."""
        return self._merge.error

    def mcp_servers(self) -> list[McpServerConfig]:
        return self._servers.configs()

    @property
    def offline(self) -> bool:
        return self._offline

    def _rebuild(self) -> None:
        sources: list[ToolSource] = []
        for connector in self._merge.connectors:
            if connector.connected:  # a connector the user has not connected offers nothing to run yet
                sources.append((connector.key, "", self._merge.tools.get(connector.key, [])))
        for config in self._servers.configs():
            sources.append((config.key, config.name, self._servers.tools(config.key)))
        specs = build_specs(sources, self._tool_prefs)
        self._specs = specs
        self._by_qualified = {spec.qualified_name: spec for group in specs.values() for spec in group}

    def _lists_fetched(self, key: str) -> None:
        self._rebuild()
        self._listeners.tools_changed(key)
        self._listeners.connectors_changed()

    def _merge_tools_fetched(self, keys: set[str]) -> None:
        self._rebuild()
        for key in sorted(keys):
            self._listeners.tools_changed(key)
        self._listeners.connectors_changed()

    # ---------------------------------------------------------------- life cycle

    async def open(self) -> None:
        interrupted = self._recorder.mark_interrupted()
        if interrupted:
            log.info("%d tool run(s) were cut by the app stopping", interrupted)
        self._load()
        reaped = await asyncio.to_thread(self._registry.reap_orphans)
        if reaped:
            log.info("stopped MCP server processes left running by an earlier run: %s", reaped)

    def _load(self) -> None:
        self._tool_prefs = self._store.tool_enabled_map()
        self._connector_prefs = self._store.connector_enabled_map()
        caches = {kind: self._store.load_all_caches(kind) for kind in ("tools", "resources", "prompts")}
        self._merge.load(self._store.list_merge_connectors(), caches["tools"])
        self._servers.load(self._store.list_mcp_servers(), caches)
        self._rebuild()

    async def reload(self) -> None:
        """Read everything again from the store (after a setup import): running MCP sessions are stopped (they
        start again on first use, with what was imported) and the listeners are told."""
        await self._servers.close()
        self._load()
        self._listeners.connectors_changed()

    async def start(self) -> None:
        if self._offline or not self._merge.configured():
            return
        try:
            await self._merge.refresh()
        except ConnectorError as error:
            log.warning("Merge connectors could not be refreshed: %s", error)

    async def set_offline(self, offline: bool) -> None:
        self._offline = offline
        self._merge.offline = offline
        if offline:
            await self._merge.close_session()
        await self._servers.set_offline(offline)
        self._listeners.connectors_changed()

    async def close(self) -> None:
        await asyncio.gather(self._servers.close(), self._merge.close(), return_exceptions=True)
        await asyncio.to_thread(self._registry.forget_own)

    # ---------------------------------------------------------------- fetching

    async def refresh(self, connector_key: str | None = None) -> None:
        if connector_key is None:
            jobs = [self._servers.refresh(c.key) for c in self._servers.configs() if c.enabled]
            if self._merge.configured() and not self._offline:
                jobs.append(self._merge.refresh())
            for outcome in await asyncio.gather(*jobs, return_exceptions=True):
                if isinstance(outcome, BaseException) and not isinstance(outcome, ConnectorError):
                    raise outcome
            return
        if connector_key.startswith(_MERGE_PREFIX):
            await self._merge.refresh()
        else:
            await self._servers.refresh(self._server_key(connector_key))

    async def ensure_tools(self, connector_key: str | None = None) -> list[ToolSpec]:
        jobs = []
        wants_merge = connector_key is None or connector_key.startswith(_MERGE_PREFIX)
        if wants_merge and self._merge.configured() and not self._offline and not self._merge.live:
            jobs.append(self._merge.refresh() if not self._merge.connectors else self._merge.session())
        for config in self._servers.configs():
            server = self._servers.get(config.key)
            wanted = connector_key is None or connector_key == config.key
            if wanted and config.enabled and server is not None and server.session is None:
                jobs.append(self._servers.session(config.key))
        for outcome in await asyncio.gather(*jobs, return_exceptions=True):
            if isinstance(outcome, ConnectorError):
                log.info("using cached tools: %s", outcome)
            elif isinstance(outcome, BaseException):
                raise outcome
        return self.tools(connector_key)

    # ---------------------------------------------------------------- Merge

    async def connect_link(self, slug: str) -> str:
        self._merge_connector(slug)
        return await self._merge.merge.link_url(slug)

    async def wait_connected(self, slug: str, *, timeout: float = 600.0, interval: float = 3.0) -> bool:
        self._merge_connector(slug)
        connected = await self._merge.wait_connected(slug, timeout, interval)
        if connected:
            self._rebuild()
            self._listeners.tools_changed(merge_key(slug))
            self._listeners.connectors_changed()
        return connected

    async def disconnect(self, slug: str) -> None:
        self._merge_connector(slug)
        await self._merge.disconnect(slug)
        self._rebuild()
        self._listeners.tools_changed(merge_key(slug))
        self._listeners.connectors_changed()

    def _merge_connector(self, slug: str) -> MergeConnector:
        connector = self._merge.connector(slug)
        if connector is None:
            raise ConnectorNotFound(f"The Merge tool pack has no connector “{slug}”.")
        return connector

    # ---------------------------------------------------------------- MCP servers

    async def add_mcp_server(self, draft: McpServerDraft) -> McpServerConfig:
        draft = validate_draft(draft)
        config = self._store.add_mcp_server(draft)
        save_secrets(self._secrets, config.id, draft)
        self._servers.add(config)
        self._rebuild()
        self._listeners.connectors_changed()
        return config

    async def update_mcp_server(self, server_id: int, draft: McpServerDraft) -> McpServerConfig:
        draft = validate_draft(draft)
        previous = self._store.get_mcp_server(server_id)
        if previous is None:
            raise ConnectorNotFound("This MCP server was removed.")
        config = self._store.update_mcp_server(server_id, draft)
        save_secrets(self._secrets, server_id, draft, previous)
        await self._servers.replace(config)
        self._rebuild()
        self._listeners.tools_changed(config.key)
        self._listeners.connectors_changed()
        return config

    async def import_mcp_servers(self, text: str) -> list[McpServerConfig]:
        drafts = parse_mcp_servers(text)
        for draft in drafts:
            if self._store.find_mcp_server(draft.name) is not None:
                raise ConnectorValidationError(
                    "json", f"There is already a server named “{draft.name}”; rename one of them first."
                )
        return [await self.add_mcp_server(draft) for draft in drafts]

    async def remove(self, connector_key: str) -> None:
        key = self._server_key(connector_key)
        server_id = mcp_server_id(key)
        assert server_id is not None
        await self._servers.forget(key)
        removed = self._store.delete_mcp_server(server_id)
        if removed is not None:
            delete_secrets(self._secrets, removed)
        self._rebuild()
        self._listeners.tools_changed(key)
        self._listeners.connectors_changed()

    async def restart(self, connector_key: str) -> None:
        if connector_key.startswith(_MERGE_PREFIX):
            await self._merge.close_session()
            await self._merge.refresh()
            return
        await self._servers.restart(self._server_key(connector_key))

    async def server_log(self, connector_key: str) -> list[ServerLogLine]:
        if connector_key.startswith(_MERGE_PREFIX):
            return list(self._merge.log)
        return self._servers.log_lines(self._server_key(connector_key))

    def _server_key(self, connector_key: str) -> str:
        if connector_key.startswith(_MERGE_PREFIX):
            raise ConnectorValidationError(
                "", "Merge connectors come from your tool pack; change the pack in Merge's dashboard."
            )
        if mcp_server_id(connector_key) is None or self._servers.get(connector_key) is None:
            raise ConnectorNotFound("There is no such MCP server (it may have been removed).")
        return connector_key

    # ---------------------------------------------------------------- toggles

    async def set_enabled(self, connector_key: str, enabled: bool) -> None:
        if connector_key.startswith(_MERGE_PREFIX):
            self._store.set_connector_enabled(connector_key, enabled)
            self._connector_prefs = self._store.connector_enabled_map()
        else:
            key = self._server_key(connector_key)
            server_id = mcp_server_id(key)
            assert server_id is not None
            config = self._store.set_mcp_server_enabled(server_id, enabled)
            await self._servers.replace(config)
        self._rebuild()
        self._listeners.connectors_changed()

    async def set_tools_enabled(self, connector_key: str, names: Sequence[str], enabled: bool) -> None:
        self._store.set_tools_enabled(connector_key, names, enabled)
        self._tool_prefs = self._store.tool_enabled_map()
        self._rebuild()
        self._listeners.tools_changed(connector_key)
        self._listeners.connectors_changed()

    # ---------------------------------------------------------------- running tools

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
        spec = await self._find_tool(qualified_name)
        name = self._connector_name(spec.connector_key)
        return await self._caller.run(
            spec, name, arguments, origin=origin, allowed_by=allowed_by, timeout=timeout, elicitation=elicitation
        )

    async def _find_tool(self, qualified_name: str) -> ToolSpec:
        spec = self._by_qualified.get(qualified_name)
        if spec is None:
            await self.ensure_tools()
            spec = self._by_qualified.get(qualified_name)
        if spec is None:
            matches = [s for s in self._by_qualified.values() if s.name == qualified_name]
            spec = matches[0] if len(matches) == 1 else None
        if spec is None:
            raise ToolNotFound(f"No connector offers a tool named “{qualified_name}”.")
        if not self._enabled(spec.connector_key):
            name = self._connector_name(spec.connector_key)
            raise ConnectorValidationError("", f"{name} is turned off; turn it on to run its tools.")
        return spec

    def _starts_ahead(self, connector_key: str) -> bool:
        """Whether a session may be started before a call asks for it: enabled, reachable now, and never a server
        that signs in with OAuth (its start may open the browser: only the user's call or Connect may do that)."""
        if not self._enabled(connector_key):
            return False
        if connector_key.startswith(_MERGE_PREFIX):
            return not self.offline
        server = self._servers.get(connector_key)
        if server is None:
            return False
        return not server.config.use_oauth and not (self.offline and server.config.needs_network)

    def _enabled(self, connector_key: str) -> bool:
        if connector_key.startswith(_MERGE_PREFIX):
            return self._connector_prefs.get(connector_key, True)
        server = self._servers.get(connector_key)
        return server is not None and server.config.enabled

    async def prepare(self, connector_keys: Collection[str]) -> None:
        """A call to these connectors may come soon (the user is writing in a chat that offers their tools): their
        sessions start now, side by side, instead of at the first call (an MCP server's start, and the MCP SDK's
        ~0.7 s import the first time). A connector that cannot start is left for the call to report."""
        keys = [key for key in dict.fromkeys(connector_keys) if self._starts_ahead(key)]
        if not keys:
            return
        outcomes = await asyncio.gather(*(self._caller.session(key) for key in keys), return_exceptions=True)
        for key, outcome in zip(keys, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                log.debug("%s did not start ahead of a call: %s", key, outcome)

    def _connector_name(self, key: str) -> str:
        if key.startswith(_MERGE_PREFIX):
            connector = self._merge.connector(key[len(_MERGE_PREFIX) :])
            return connector.name if connector is not None else key
        server = self._servers.get(key)
        return server.config.name if server is not None else key

    async def history(self, query: ActionFilter = ActionFilter()) -> list[ToolAction]:  # noqa: B008
        return self._actions.list_actions(query)

    async def action(self, action_id: int) -> ToolAction | None:
        return self._actions.get_action(action_id)
