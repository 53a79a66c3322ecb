"""View-model of the Connectors panel: the connectors and their tools, connecting Merge connectors in the browser,
the user's MCP servers (add, edit, import, restart, remove), enable toggles, server logs, offline state.

The service's state (`connectors()`, `tools()`) is memory, read on the GUI thread when its events arrive; every
action is one of its coroutines, run on the connectors' loop through `ConnectorCalls`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from vector_desktop.domain.connectors import (
    MERGE_PREFIX,
    ConnectorError,
    ConnectorInfo,
    ConnectorKind,
    ConnectorState,
    ConnectorValidationError,
    McpServerConfig,
    McpServerDraft,
    mcp_server_id,
)
from vector_desktop.domain.connectors_api import ConnectorsApi, ConnectorsRuntime, ServerLogLine
from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.jobs import JobQueue, JobState
from vector_desktop.domain.tools import ToolSpec
from vector_desktop.presentation.connectors.connectors_events import ConnectorCalls
from vector_desktop.presentation.connectors.connectors_models import (
    ConnectorsFilterProxy,
    ConnectorsModel,
    needs_network,
)
from vector_desktop.presentation.jobs_bridge import JobsBridge
from vector_desktop.presentation.tools.tool_events import ConnectorsEventBridge
from vector_desktop.presentation.tools.tools_model import ToolsFilterProxy, ToolsModel
from vector_desktop.services.connectors.tasks import REFRESH as REFRESH_TASK
from vector_desktop.services.connectors.tasks import REFRESH_MERGE

log = logging.getLogger(__name__)


def _REFRESH_TITLE() -> str:
    return _tr("Refresh connectors")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConnectorsViewModel", text)


def offline_reason() -> str:
    return _tr("You are offline: this needs the network.")


class ConnectorsViewModel(QObject):
    state_changed = Signal()  # offline, Merge configured, connectors present: banners and empty states
    error_occurred = Signal(str)
    message = Signal(str)
    busy_changed = Signal(str, bool)  # connector key, an action on it is running
    connect_waiting = Signal(str, str)  # key, text ("Waiting for you to finish in the browser…")
    connect_finished = Signal(str, bool, str)  # key, connected, text
    server_saved = Signal(object)  # McpServerConfig
    server_failed = Signal(str, str)  # field ("" when the problem is not one field's), message
    servers_imported = Signal(list)  # [McpServerConfig]
    import_failed = Signal(str)
    server_log_ready = Signal(str, list)  # key, [ServerLogLine]
    log_line = Signal(object)  # ServerLogLine as it arrives

    def __init__(
        self,
        api: ConnectorsApi,
        runtime: ConnectorsRuntime,
        *,
        open_url: Callable[[str], object],
        events: ConnectorsEventBridge | None = None,
        jobs: JobQueue | None = None,
        jobs_bridge: JobsBridge | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._api = api
        self._jobs = jobs
        self._jobs_bridge = jobs_bridge
        self._open_url = open_url
        self.calls = ConnectorCalls(runtime, self.error_occurred.emit)
        self.events = events or ConnectorsEventBridge(self)
        self.model = ConnectorsModel(self)
        self.proxy = ConnectorsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tools = ToolsModel(self)
        self.tools_proxy = ToolsFilterProxy(self)
        self.tools_proxy.setSourceModel(self.tools)
        self._offline = False
        self._merge_configured = False
        self._busy: set[str] = set()
        self._connecting: dict[str, asyncio.Task[object]] = {}
        self.tools.toggle_requested.connect(self.set_tools_enabled)
        self.events.connectors_changed.connect(self.reload)
        self.events.tools_changed.connect(lambda _keys: self._reload_tools())
        self.events.server_log.connect(self.log_line)
        api.add_listener(self.events.listener)

    # -- state
    @property
    def offline(self) -> bool:
        return self._offline

    @property
    def merge_configured(self) -> bool:
        return self._merge_configured

    @property
    def merge_problem(self) -> str:
        """Why the Merge tool pack could not be read the last time ("" when it could, or when unknown)."""
        return self._api.merge_error

    @property
    def has_local_servers(self) -> bool:
        """Some server runs on this machine (refreshing it needs no network)."""
        return any(not info.needs_network for info in self.model.connectors())

    def is_busy(self, key: str) -> bool:
        return key in self._busy

    def is_connecting(self, key: str) -> bool:
        return key in self._connecting

    def network_block(self, info: ConnectorInfo | None) -> str:
        """Why a network action on `info` cannot run now ("" when it can)."""
        if info is not None and self._offline and needs_network(info):
            return offline_reason()
        return ""

    def server_config(self, key: str) -> McpServerConfig | None:
        server_id = mcp_server_id(key)
        return next((s for s in self._api.mcp_servers() if s.id == server_id), None)

    def connector_names(self) -> dict[str, str]:
        return {info.key: info.name for info in self.model.connectors()}

    @Slot()
    def reload(self) -> None:
        """Read the service's state into the models (memory only: cheap)."""
        self.model.set_connectors(self._api.connectors())
        self._offline = bool(self._api.offline)
        self._merge_configured = bool(self._api.merge_configured())
        self._reload_tools()
        self.state_changed.emit()

    def _reload_tools(self) -> None:
        self.tools.set_tools(self._api.tools(), self.connector_names())

    # -- life
    def close(self) -> None:
        self.calls.close()
        with contextlib.suppress(KeyError, ValueError):
            self._api.remove_listener(self.events.listener)
        for signal in (self.events.connectors_changed, self.events.tools_changed, self.events.server_log):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect()

    def _track(self, key: str, busy: bool) -> None:
        if busy:
            self._busy.add(key)
        else:
            self._busy.discard(key)
        self.busy_changed.emit(key, busy)

    def _run_on(self, key: str, work: Callable[[], Awaitable[None]], name: str) -> asyncio.Task[object] | None:
        async def guarded() -> None:
            self._track(key, True)
            try:
                await work()
            finally:
                self._track(key, False)

        return self.calls.start(guarded(), name)

    # -- offline and fetching
    def set_offline(self, offline: bool) -> asyncio.Task[object] | None:
        async def work() -> None:
            await self.calls.call(self._api.set_offline(offline))
            self.reload()

        return self.calls.start(work(), "connectors-offline")

    def ensure_tools(self, key: str | None = None) -> asyncio.Task[object] | None:
        """Start what has not started yet (MCP servers start on first use) and show the tools."""

        async def work() -> None:
            await self.calls.call(self._api.ensure_tools(key))
            self.reload()

        return self.calls.start(work(), "connectors-ensure-tools")

    def refresh(self, key: str | None = None) -> asyncio.Task[object] | None:
        """Fetch connectors and tools again: as a `connectors.refresh` background job when the view-model has the
        job pool (it shows in the Jobs panel), else directly."""

        async def work() -> None:
            if self._jobs is None or self._jobs_bridge is None:
                await self.calls.call(self._api.refresh(key))
            else:
                await self._refresh_job(key or "")
            self.reload()

        return self._run_on(key or "", work, "connectors-refresh")

    async def _refresh_job(self, connector_key: str) -> None:
        assert self._jobs is not None and self._jobs_bridge is not None
        try:
            job_id = self._jobs.apply_async(
                REFRESH_TASK, kwargs={"connector_key": connector_key}, title=_REFRESH_TITLE()
            )
        except VectorError as error:
            self.error_occurred.emit(str(error))
            return
        snapshot = await self._jobs_bridge.finished(job_id)
        if snapshot.state is JobState.FAILED and snapshot.error:
            self.error_occurred.emit(snapshot.error)

    def refresh_merge(self) -> asyncio.Task[object] | None:
        """Detect the Merge pack's connectors (at start when online, and when the Merge settings change)."""
        return self.refresh(REFRESH_MERGE)

    # -- connecting a Merge connector in the browser
    def connect_connector(self, key: str) -> asyncio.Task[object] | None:
        """Merge: open the magic link, wait until the user finished in the browser, show the result.
        MCP server: (re)start it (a server that needs a sign-in opens the browser by itself)."""
        info = self.model.info(key)
        if info is not None and info.kind is not ConnectorKind.MERGE:
            return self.refresh(key)
        if key in self._connecting:
            return self._connecting[key]
        slug = key[len(MERGE_PREFIX) :]
        name = info.name if info is not None else slug
        task = self.calls.start(self._connect(key, slug, name), "connectors-connect")
        if task is not None:
            self._connecting[key] = task
            task.add_done_callback(lambda done: self._forget_connect(key, done))
        return task

    async def _connect(self, key: str, slug: str, name: str) -> None:
        self.connect_waiting.emit(key, _tr("Opening the sign-in page of %1…").replace("%1", name))
        try:
            url = await self.calls.call(self._api.connect_link(slug))
            self._open_url(url)
            self.connect_waiting.emit(key, _tr("Waiting for you to finish in the browser…"))
            connected = await self.calls.call(self._api.wait_connected(slug))
        except asyncio.CancelledError:
            if not self.calls.closed:
                self._connect_done(key, False, _tr("Connecting %1 was cancelled.").replace("%1", name))
            raise
        except ConnectorError as error:
            self._connect_done(key, False, str(error))
            return
        self.reload()
        if connected:
            self._connect_done(key, True, _tr("%1 is connected.").replace("%1", name))
        else:
            text = _tr("%1 was not connected in time. Try again when you are ready.").replace("%1", name)
            self._connect_done(key, False, text)

    def _forget_connect(self, key: str, task: asyncio.Task[object]) -> None:
        if self._connecting.get(key) is task:
            del self._connecting[key]

    def _connect_done(self, key: str, connected: bool, text: str) -> None:
        self._connecting.pop(key, None)  # before telling: the view reads is_connecting()
        self.connect_finished.emit(key, connected, text)

    def open_link(self, url: str) -> None:
        """Open a sign-in link a tool result gave (an MCP server's own connect page) in the browser."""
        self._open_url(url)

    def cancel_connect(self, key: str) -> None:
        task = self._connecting.get(key)
        if task is not None:
            task.cancel()

    def disconnect_connector(self, key: str) -> asyncio.Task[object] | None:
        slug = key[len(MERGE_PREFIX) :]

        async def work() -> None:
            await self.calls.call(self._api.disconnect(slug))
            self.reload()
            self.message.emit(_tr("%1 is disconnected.").replace("%1", self._name(key)))

        return self._run_on(key, work, "connectors-disconnect")

    def _name(self, key: str) -> str:
        info = self.model.info(key)
        return info.name if info is not None else key

    # -- toggles
    def set_enabled(self, key: str, enabled: bool) -> asyncio.Task[object] | None:
        async def work() -> None:
            await self.calls.call(self._api.set_enabled(key, enabled))
            self.reload()

        return self._run_on(key, work, "connectors-enable")

    @Slot(str, list, bool)
    def set_tools_enabled(self, key: str, names: Sequence[str], enabled: bool) -> asyncio.Task[object] | None:
        self.tools.set_enabled(key, names, enabled)

        async def work() -> None:
            try:
                await self.calls.call(self._api.set_tools_enabled(key, list(names), enabled))
            finally:
                self._reload_tools()  # the truth, also when the change failed
            self.model.set_connectors(self._api.connectors())  # enabled counts

        return self.calls.start(work(), "connectors-tool-toggle")

    def set_visible_tools_enabled(self, enabled: bool) -> list[asyncio.Task[object] | None]:
        """Bulk toggle: every tool the browser shows now (search and connector filter applied)."""
        by_connector: dict[str, list[str]] = defaultdict(list)
        for spec in self.tools_proxy.visible_specs():
            if spec.enabled != enabled:
                by_connector[spec.connector_key].append(spec.name)
        return [self.set_tools_enabled(key, names, enabled) for key, names in by_connector.items()]

    # -- MCP servers
    def add_server(self, draft: McpServerDraft) -> asyncio.Task[object] | None:
        return self.calls.start(self._save(None, draft), "connectors-add-server")

    def update_server(self, server_id: int, draft: McpServerDraft) -> asyncio.Task[object] | None:
        return self.calls.start(self._save(server_id, draft), "connectors-update-server")

    async def _save(self, server_id: int | None, draft: McpServerDraft) -> None:
        try:
            if server_id is None:
                config = await self.calls.call(self._api.add_mcp_server(draft))
            else:
                config = await self.calls.call(self._api.update_mcp_server(server_id, draft))
        except ConnectorValidationError as error:
            self.server_failed.emit(error.field, str(error))
            return
        except ConnectorError as error:
            self.server_failed.emit("", str(error))
            return
        self.reload()
        self.server_saved.emit(config)
        if config.enabled:
            await self.calls.call(self._api.ensure_tools(config.key))
            self.reload()

    def import_servers(self, text: str) -> asyncio.Task[object] | None:
        async def work() -> None:
            try:
                added = await self.calls.call(self._api.import_mcp_servers(text))
            except ConnectorError as error:
                self.import_failed.emit(str(error))
                return
            self.reload()
            self.servers_imported.emit(list(added))
            names = ", ".join(config.name for config in added)
            self.message.emit(_tr("Added: %1.").replace("%1", names) if added else _tr("No server was added."))
            for config in added:
                if config.enabled:
                    await self.calls.call(self._api.ensure_tools(config.key))
            self.reload()

        return self.calls.start(work(), "connectors-import")

    def restart(self, key: str) -> asyncio.Task[object] | None:
        async def work() -> None:
            await self.calls.call(self._api.restart(key))
            self.reload()

        return self._run_on(key, work, "connectors-restart")

    def remove(self, key: str) -> asyncio.Task[object] | None:
        name = self._name(key)

        async def work() -> None:
            await self.calls.call(self._api.remove(key))
            self.reload()
            self.message.emit(_tr("%1 was removed.").replace("%1", name))

        return self._run_on(key, work, "connectors-remove")

    def load_server_log(self, key: str) -> asyncio.Task[object] | None:
        async def work() -> None:
            lines: list[ServerLogLine] = await self.calls.call(self._api.server_log(key))
            self.server_log_ready.emit(key, list(lines))

        return self.calls.start(work(), "connectors-log")

    # -- helpers for the view
    def tool(self, qualified_name: str) -> ToolSpec | None:
        return self.tools.spec(qualified_name)

    def can_connect(self, info: ConnectorInfo) -> bool:
        if info.kind is ConnectorKind.MERGE:
            return not info.connected
        return info.enabled and info.state in (
            ConnectorState.STOPPED,
            ConnectorState.FAILED,
            ConnectorState.NEEDS_SIGN_IN,
        )
