"""The Merge side at run time: the pack's connectors (from the store until detected again), their live tools through
one MCP session on the pack's endpoint (a Merge tool named `linear__create_issue` belongs to `merge:linear`),
connecting one in the browser and disconnecting it."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from vector_desktop.domain.connectors import (
    CachedTools,
    ConnectorError,
    ConnectorState,
    ConnectorStore,
    ConnectorUnavailable,
    MergeConnector,
    merge_key,
)
from vector_desktop.domain.connectors_api import ServerLogLine
from vector_desktop.services.connectors.managed_server import CLOSE_WAIT, LOG_LINES, SessionFactory, sdk_session
from vector_desktop.services.connectors.mcp_endpoint import SessionHooks
from vector_desktop.services.connectors.merge_service import MergeService

if TYPE_CHECKING:
    from vector_desktop.services.connectors.mcp_session import McpSession

log = logging.getLogger(__name__)

MERGE_LOG_KEY = "merge:"  # log lines of the pack's session (shared by every Merge connector)


def tool_slug(tool_name: str) -> str:
    """`linear__create_issue` -> `linear`; "" for Merge's own tools (search_tools, authenticate_...)."""
    head, separator, _rest = tool_name.partition("__")
    return head if separator and head else ""


class _Hooks(SessionHooks):
    def __init__(self, side: MergeTools, generation: int) -> None:
        self._side = side
        self._generation = generation

    def tools_list_changed(self) -> None:
        self._side.list_changed(self._generation)

    def log_message(self, level: str, text: str) -> None:
        self._side.add_log(level, text)

    def closed(self, error: ConnectorError | None) -> None:
        self._side.session_closed(self._generation, error)


class MergeTools:
    def __init__(
        self,
        merge: MergeService,
        store: ConnectorStore,
        *,
        on_state: Callable[[], None],
        on_tools: Callable[[set[str]], None],
        on_log: Callable[[ServerLogLine], None],
        session_factory: SessionFactory = sdk_session,
    ) -> None:
        self.merge = merge
        self._store = store
        self._on_state = on_state
        self._on_tools = on_tools
        self._on_log = on_log
        self._factory = session_factory
        self.connectors: list[MergeConnector] = []
        self.tools: dict[str, list[dict[str, Any]]] = {}  # by connector key
        self.fetched_at: dict[str, datetime | None] = {}
        self.state = ConnectorState.STOPPED
        self.error = ""
        self.offline = False
        self.log: deque[ServerLogLine] = deque(maxlen=LOG_LINES)
        self._session: McpSession | None = None
        self._generation = 0
        self._lock: asyncio.Lock | None = None
        self._tasks: set[asyncio.Task[Any]] = set()

    def configured(self) -> bool:
        return self.merge.configured()

    def load(self, connectors: list[MergeConnector], caches: dict[str, CachedTools]) -> None:
        self.connectors = connectors
        self.tools = {}
        self.fetched_at = {}
        for connector in connectors:
            cached = caches.get(connector.key)
            if cached is not None:
                self.tools[connector.key] = [dict(item) for item in cached.items]
                self.fetched_at[connector.key] = cached.fetched_at

    def connector(self, slug: str) -> MergeConnector | None:
        return next((c for c in self.connectors if c.slug == slug), None)

    @property
    def live(self) -> bool:
        return self._session is not None

    # ------------------------------------------------------------------ detection and tools

    async def detect(self) -> None:
        self._require_online()
        try:
            self.connectors = await self.merge.detect()
        except ConnectorError as error:
            self._set_state(ConnectorState.FAILED, str(error))
            raise
        if self.state is ConnectorState.FAILED:
            self._set_state(ConnectorState.READY if self.live else ConnectorState.STOPPED, "")
        self._on_state()

    async def refresh(self) -> None:
        """Detect the pack's connectors, then fetch their tools live."""
        await self.detect()
        if self._session is not None:
            await self._fetch_tools(self._session)
        else:
            await self.session()  # a new session fetches the tools

    async def session(self) -> McpSession:
        self._require_online()
        if self._session is not None:
            return self._session
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._session is None:
                await self._start()
        assert self._session is not None
        return self._session

    async def _start(self) -> None:
        self._generation += 1
        self._set_state(ConnectorState.CONNECTING, "")
        session: McpSession | None = None
        try:
            endpoint = await self.merge.mcp_endpoint()
            session = self._factory(endpoint, _Hooks(self, self._generation))
            await session.start()
            self._session = session
            await self._fetch_tools(session)
        except BaseException as error:
            self._session = None
            self._generation += 1
            if session is not None:
                await _close_quietly(session)
            if isinstance(error, ConnectorError):
                self._set_state(ConnectorState.FAILED, str(error))
            else:
                self._set_state(ConnectorState.STOPPED, "")
            raise
        self._set_state(ConnectorState.READY, "")

    async def _fetch_tools(self, session: McpSession) -> None:
        tools = await session.list_tools()
        known = {c.slug for c in self.connectors}
        by_key: dict[str, list[dict[str, Any]]] = {c.key: [] for c in self.connectors}
        for tool in tools:
            slug = tool_slug(str(tool.get("name", "")))
            if slug in known:
                by_key[merge_key(slug)].append(tool)
        now = datetime.now(UTC)
        for key, items in by_key.items():
            self._store.save_cache(key, "tools", items)
            self.fetched_at[key] = now
        changed = {key for key, items in by_key.items() if self.tools.get(key) != items}
        self.tools = by_key
        self._on_tools(changed)

    async def close_session(self) -> None:
        session, self._session = self._session, None
        self._generation += 1
        if session is not None:
            await _close_quietly(session)
        if self.state is ConnectorState.READY or self.state is ConnectorState.CONNECTING:
            self._set_state(ConnectorState.STOPPED, "")

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await self.close_session()
        await self.merge.aclose()

    def _require_online(self) -> None:
        if self.offline:
            raise ConnectorUnavailable("The app is offline, so Merge cannot be reached.")

    # ------------------------------------------------------------------ connecting

    async def wait_connected(self, slug: str, timeout: float, interval: float) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if slug in await self.merge.authenticated():
                self.connectors = self._store.list_merge_connectors()
                self._on_state()
                await self.close_session()  # tools of a newly connected connector come with a new session
                await self.session()
                return True
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            await asyncio.sleep(min(interval, remaining))

    async def disconnect(self, slug: str) -> None:
        await self.merge.disconnect(slug)
        self.connectors = self._store.list_merge_connectors()
        self._on_state()
        try:
            await self.refresh()
        except ConnectorError as error:  # the credential is gone; the list catches up at the next refresh
            log.warning("refreshing Merge after disconnecting %s failed: %s", slug, error)

    # ------------------------------------------------------------------ session events (on the loop)

    def list_changed(self, generation: int) -> None:
        if generation == self._generation and self._session is not None:
            self._spawn(self._refetch(self._session))

    async def _refetch(self, session: McpSession) -> None:
        try:
            await self._fetch_tools(session)
        except ConnectorError as error:
            log.warning("could not fetch Merge's tools again: %s", error)

    def add_log(self, level: str, text: str) -> None:
        line = ServerLogLine(MERGE_LOG_KEY, level, text)
        self.log.append(line)
        self._on_log(line)

    def session_closed(self, generation: int, error: ConnectorError | None) -> None:
        """The pack's session ended by itself: the next use connects again."""
        if generation != self._generation or self._session is None:
            return
        session, self._session = self._session, None
        self._generation += 1
        self._spawn(_close_quietly(session))
        self._set_state(ConnectorState.STOPPED, str(error) if error is not None else "")

    def _set_state(self, state: ConnectorState, error: str) -> None:
        if (state, error) != (self.state, self.error):
            self.state, self.error = state, error
            self._on_state()

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


async def _close_quietly(session: McpSession) -> None:
    try:
        await asyncio.wait_for(session.close(), CLOSE_WAIT)
    except (Exception, TimeoutError):
        log.warning("the Merge MCP session did not close cleanly", exc_info=True)
