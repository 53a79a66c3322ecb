"""The user's MCP servers at run time: one McpSession per enabled server, started on first use, its state for the
panel, its tools / resources / prompts (from the cache until fetched), restarts with backoff when a session ends by
itself, and the stdio children written down so none outlives the app."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from vector_desktop.domain.connectors import (
    CachedTools,
    ConnectorConfigError,
    ConnectorError,
    ConnectorNotFound,
    ConnectorSignInRequired,
    ConnectorState,
    ConnectorStore,
    ConnectorUnavailable,
    McpServerConfig,
)
from vector_desktop.domain.connectors_api import ServerLogLine
from vector_desktop.services.connectors.managed_server import (
    CLOSE_WAIT,
    AuthFactory,
    ManagedServer,
    SessionFactory,
    sdk_session,
)
from vector_desktop.services.connectors.mcp_endpoint import SessionHooks
from vector_desktop.services.connectors.mcp_secrets import SecretKeeper, endpoint_for
from vector_desktop.services.connectors.process_registry import ProcessRegistry

if TYPE_CHECKING:
    from vector_desktop.services.connectors.mcp_session import McpSession

log = logging.getLogger(__name__)

LIST_KINDS = ("tools", "resources", "prompts")
RESTART_BACKOFF = (0.5, 2.0, 5.0, 15.0, 30.0)  # seconds before each automatic restart; then the user restarts
STABLE_AFTER = 60.0  # a session that lived this long earns a fresh set of automatic restarts


class _Hooks(SessionHooks):
    def __init__(self, servers: McpServers, key: str, generation: int) -> None:
        self._servers = servers
        self._key = key
        self._generation = generation

    def tools_list_changed(self) -> None:
        self._servers.list_changed(self._key, "tools")

    def resources_list_changed(self) -> None:
        self._servers.list_changed(self._key, "resources")

    def prompts_list_changed(self) -> None:
        self._servers.list_changed(self._key, "prompts")

    def log_message(self, level: str, text: str) -> None:
        self._servers.add_log(self._key, level, text)

    def stderr_line(self, text: str) -> None:
        self._servers.add_log(self._key, "stderr", text)

    def closed(self, error: ConnectorError | None) -> None:
        self._servers.session_closed(self._key, self._generation, error)


class McpServers:
    def __init__(
        self,
        store: ConnectorStore,
        secrets: SecretKeeper,
        registry: ProcessRegistry,
        *,
        on_state: Callable[[str], None],
        on_lists: Callable[[str], None],
        on_log: Callable[[ServerLogLine], None],
        session_factory: SessionFactory = sdk_session,
        auth_for: AuthFactory | None = None,
        backoff: Sequence[float] = RESTART_BACKOFF,
        timeout: float = 30.0,
    ) -> None:
        self._store = store
        self._secrets = secrets
        self._registry = registry
        self._on_state = on_state
        self._on_lists = on_lists
        self._on_log = on_log
        self._factory = session_factory
        self._auth_for = auth_for
        self._backoff = tuple(backoff)
        self._timeout = timeout
        self._servers: dict[str, ManagedServer] = {}
        self._tasks: set[asyncio.Task[Any]] = set()
        self.offline = False

    # ------------------------------------------------------------------ memory (any thread)

    def load(self, configs: Iterable[McpServerConfig], caches: dict[str, dict[str, CachedTools]]) -> None:
        """The servers as saved, with their lists as last fetched (no network)."""
        servers = {}
        for config in configs:
            server = ManagedServer(config, state=self._idle_state(config))
            for kind in LIST_KINDS:
                cached = caches.get(kind, {}).get(config.key)
                if cached is not None:
                    server.lists[kind] = [dict(item) for item in cached.items]
                    if kind == "tools":
                        server.fetched_at = cached.fetched_at
            servers[config.key] = server
        self._servers = servers

    def configs(self) -> list[McpServerConfig]:
        return sorted((s.config for s in self._servers.values()), key=lambda c: c.name.casefold())

    def get(self, key: str) -> ManagedServer | None:
        return self._servers.get(key)

    def shown_state(self, server: ManagedServer) -> ConnectorState:
        if not server.config.enabled:
            return ConnectorState.DISABLED
        if self.offline and server.session is None and server.config.needs_network:
            return ConnectorState.OFFLINE
        return server.state

    def tools(self, key: str) -> list[dict[str, Any]]:
        server = self._servers.get(key)
        return list(server.lists.get("tools", [])) if server is not None else []

    def log_lines(self, key: str) -> list[ServerLogLine]:
        return list(self._require(key).log)

    def _require(self, key: str) -> ManagedServer:
        server = self._servers.get(key)
        if server is None:
            raise ConnectorNotFound("This MCP server was removed.")
        return server

    def _idle_state(self, config: McpServerConfig) -> ConnectorState:
        return ConnectorState.STOPPED if config.enabled else ConnectorState.DISABLED

    # ------------------------------------------------------------------ configuration

    def add(self, config: McpServerConfig) -> None:
        # Copy on write: connectors() iterates the servers from other threads.
        self._servers = {**self._servers, config.key: ManagedServer(config, state=self._idle_state(config))}

    async def replace(self, config: McpServerConfig) -> None:
        """New settings: the running session (made with the old ones) stops; the next use starts it again."""
        server = self._servers.get(config.key)
        if server is None:
            self.add(config)
            return
        await self.stop(config.key)
        server.config = config
        server.attempts = 0
        self._set_state(server, self._idle_state(config))

    async def forget(self, key: str) -> McpServerConfig | None:
        if key not in self._servers:
            return None
        await self.stop(key)
        remaining = dict(self._servers)
        server = remaining.pop(key)
        self._servers = remaining
        return server.config

    # ------------------------------------------------------------------ sessions

    async def session(self, key: str) -> McpSession:
        """The server's live session, started when it is not (raises a ConnectorError when it cannot start)."""
        server = self._require(key)
        if server.session is not None and server.state is ConnectorState.READY:
            return server.session
        async with server.lock:
            if server.session is None or server.state is not ConnectorState.READY:
                await self._start(server)
        assert server.session is not None
        return server.session

    async def refresh(self, key: str) -> None:
        """Connect when needed and list tools, resources and prompts again."""
        server = self._require(key)
        async with server.lock:
            if server.session is None or server.state is not ConnectorState.READY:
                await self._start(server)  # lists are fetched as part of starting
                return
            session = server.session
        await self._fetch_lists(server, session)

    async def restart(self, key: str) -> None:
        """The user's Restart: a fresh set of automatic restarts, and a new session now."""
        server = self._require(key)
        await self.stop(key)
        server.attempts = 0
        await self.session(key)

    async def stop(self, key: str, state: ConnectorState | None = None) -> None:
        server = self._require(key)
        self._cancel_restart(server)
        async with server.lock:
            await self._close(server.config.name, *self._detach(server))
            self._set_state(server, state or self._idle_state(server.config), "")

    async def set_offline(self, offline: bool) -> None:
        self.offline = offline
        if offline:
            for server in list(self._servers.values()):
                if server.config.needs_network and server.session is not None:
                    await self.stop(server.key)
        for key in list(self._servers):
            self._on_state(key)

    async def close(self) -> None:
        for server in list(self._servers.values()):
            self._cancel_restart(server)
        for task in list(self._tasks):
            task.cancel()
        closing = [self._close(s.config.name, *self._detach(s)) for s in self._servers.values()]
        await asyncio.gather(*closing, return_exceptions=True)

    async def _start(self, server: ManagedServer) -> None:
        config = server.config
        if not config.enabled:
            raise ConnectorConfigError(f"{config.name} is turned off; turn it on to use its tools.")
        if self.offline and config.needs_network:
            raise ConnectorUnavailable(f"The app is offline, so {config.name} cannot be reached.")
        await self._close(config.name, *self._detach(server))
        server.stderr.clear()
        server.stderr_tail = ()
        self._set_state(server, ConnectorState.CONNECTING, "")
        session: McpSession | None = None
        try:
            auth = self._auth_for(config) if self._auth_for is not None and config.use_oauth else None
            endpoint = endpoint_for(config, self._secrets, timeout=self._timeout, auth=auth)
            session = self._factory(endpoint, _Hooks(self, config.key, server.generation))
            await session.start()
            server.session = session
            server.pid = session.pid
            if server.pid is not None:
                self._registry.add(server.pid, config.name)
            await self._fetch_lists(server, session)
        except BaseException as error:
            if server.session is session:
                self._detach(server)
            await self._close(config.name, session, session.pid if session is not None else None)
            if isinstance(error, ConnectorSignInRequired):
                self._set_state(server, ConnectorState.NEEDS_SIGN_IN, str(error))
            elif isinstance(error, ConnectorError):
                self._set_state(server, ConnectorState.FAILED, str(error))
            elif isinstance(error, asyncio.CancelledError):
                self._set_state(server, self._idle_state(config), "")
            else:
                log.exception("MCP server %s could not start", config.name)
                self._set_state(server, ConnectorState.FAILED, f"{config.name} could not start.")
                raise ConnectorError(f"{config.name} could not start ({type(error).__name__}).") from error
            raise
        server.ready_since = time.monotonic()
        self._set_state(server, ConnectorState.READY, "")

    async def _fetch_lists(self, server: ManagedServer, session: McpSession) -> None:
        fetched = {"tools": await session.list_tools()}
        fetched["resources"] = await session.list_resources()
        fetched["prompts"] = await session.list_prompts()
        for kind, items in fetched.items():
            self._keep_list(server, kind, items)
        self._on_lists(server.key)

    def _keep_list(self, server: ManagedServer, kind: str, items: list[dict[str, Any]]) -> None:
        server.lists[kind] = items
        if kind == "tools":
            server.fetched_at = datetime.now(UTC)
        self._store.save_cache(server.key, kind, items)

    def _detach(self, server: ManagedServer) -> tuple[McpSession | None, int | None]:
        """Take the session away from the server (its events are ignored from now on) to close it."""
        session, pid = server.session, server.pid
        server.session, server.pid = None, None
        server.generation += 1
        return session, pid

    async def _close(self, name: str, session: McpSession | None, pid: int | None) -> None:
        if session is not None:
            try:
                await asyncio.wait_for(session.close(), CLOSE_WAIT)
            except (Exception, TimeoutError):
                log.warning("MCP server %s did not close cleanly", name, exc_info=True)
        if pid is not None:
            self._registry.remove(pid)

    # ------------------------------------------------------------------ session events (on the loop)

    def list_changed(self, key: str, kind: str) -> None:
        self._spawn(self._refetch(key, kind))

    async def _refetch(self, key: str, kind: str) -> None:
        server = self._servers.get(key)
        session = server.session if server is not None else None
        if server is None or session is None:
            return
        try:
            lister = {"tools": session.list_tools, "resources": session.list_resources, "prompts": session.list_prompts}
            items = await lister[kind]()
        except ConnectorError as error:
            log.warning("could not fetch the %s of %s again: %s", kind, server.config.name, error)
            return
        if server.session is session:
            self._keep_list(server, kind, items)
            self._on_lists(key)

    def add_log(self, key: str, level: str, text: str) -> None:
        server = self._servers.get(key)
        if server is None:
            return
        line = ServerLogLine(key, level, text)
        server.log.append(line)
        if level == "stderr":
            server.stderr.append(text)
            server.stderr_tail = tuple(server.stderr)  # read from other threads: a tuple, never the deque
        self._on_log(line)

    def session_closed(self, key: str, generation: int, error: ConnectorError | None) -> None:
        """A session ended by itself (the process died, the connection dropped): restart it after a while."""
        server = self._servers.get(key)
        if server is None or generation != server.generation or server.session is None:
            return
        self._spawn(self._close(server.config.name, *self._detach(server)))
        reason = str(error) if error is not None else f"{server.config.name} stopped."
        if server.ready_since and time.monotonic() - server.ready_since > STABLE_AFTER:
            server.attempts = 0
        self._set_state(server, ConnectorState.FAILED, reason)
        self._schedule_restart(server)

    def _schedule_restart(self, server: ManagedServer) -> None:
        if server.attempts >= len(self._backoff) or not server.config.enabled:
            return
        delay = self._backoff[server.attempts]
        server.attempts += 1
        self._cancel_restart(server)
        server.restart_task = asyncio.get_running_loop().create_task(self._restart_later(server, delay))

    async def _restart_later(self, server: ManagedServer, delay: float) -> None:
        await asyncio.sleep(delay)
        if self._servers.get(server.key) is not server or server.session is not None:
            return
        server.restart_task = None
        try:
            await self.session(server.key)
        except ConnectorError as error:
            log.info("restarting %s failed: %s", server.config.name, error)
            self._schedule_restart(server)

    def _cancel_restart(self, server: ManagedServer) -> None:
        task, server.restart_task = server.restart_task, None
        if task is not None and task is not asyncio.current_task():
            task.cancel()

    def _set_state(self, server: ManagedServer, state: ConnectorState, error: str | None = None) -> None:
        changed = server.state is not state or (error is not None and error != server.error)
        server.state = state
        if error is not None:
            server.error = error
        if changed:
            self._on_state(server.key)

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def wait_idle(self) -> None:
        """Wait for list refetches and session clean-ups in flight (tests, close)."""
        while self._tasks:
            with contextlib.suppress(Exception):
                await asyncio.gather(*list(self._tasks), return_exceptions=True)
