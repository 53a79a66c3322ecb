"""The connectors service's events as Qt signals on the GUI thread, and the way view-models call its coroutines.

The service calls its listeners on the connectors' own loop thread; `ConnectorsEventBridge` re-emits them through
queued connections, and coalesces bursts of list changes (a server sending list_changed, 500 tools toggled) into
one signal per ~30 ms. `ConnectorCalls` runs a coroutine of the service on the connectors' loop and awaits it from
a task of the GUI's loop that the view-model owns (cancelled on close).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from vector_desktop.domain.connectors import ConnectorError
from vector_desktop.domain.connectors_api import CallProgress, ConnectorsListener, ConnectorsRuntime, ServerLogLine
from vector_desktop.qtsupport.tasks import TaskOwner

log = logging.getLogger(__name__)
T = TypeVar("T")
COALESCE_MS = 30


class _Listener(ConnectorsListener):
    """Runs on the connectors' loop thread: only emits (queued) signals of the bridge."""

    def __init__(self, bridge: ConnectorsEventBridge) -> None:
        self._bridge = bridge

    def connectors_changed(self) -> None:
        self._post(self._bridge._posted_connectors)

    def tools_changed(self, connector_key: str) -> None:
        self._post(self._bridge._posted_tools, connector_key)

    def actions_changed(self) -> None:
        self._post(self._bridge._posted_actions)

    def call_progress(self, progress: CallProgress) -> None:
        self._post(self._bridge._posted_progress, progress)

    def server_log(self, line: ServerLogLine) -> None:
        self._post(self._bridge._posted_log, line)

    @staticmethod
    def _post(signal: Any, *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the bridge is gone (shutdown): nobody is left to tell
            signal.emit(*args)


class ConnectorsEventBridge(QObject):
    connectors_changed = Signal()
    tools_changed = Signal(list)  # keys of the connectors whose tools changed since the last emission
    actions_changed = Signal()
    call_progress = Signal(object)  # CallProgress
    server_log = Signal(object)  # ServerLogLine

    _posted_connectors = Signal()
    _posted_tools = Signal(str)
    _posted_actions = Signal()
    _posted_progress = Signal(object)
    _posted_log = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listener: ConnectorsListener = _Listener(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._posted_connectors.connect(self._on_connectors, queued)
        self._posted_tools.connect(self._on_tools, queued)
        self._posted_actions.connect(self._on_actions, queued)
        self._posted_progress.connect(self.call_progress, queued)
        self._posted_log.connect(self.server_log, queued)
        self._dirty_connectors = False
        self._dirty_actions = False
        self._dirty_tools: dict[str, None] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self.flush)

    @Slot()
    def _on_connectors(self) -> None:
        self._dirty_connectors = True
        self._schedule()

    @Slot(str)
    def _on_tools(self, key: str) -> None:
        self._dirty_tools[key] = None
        self._schedule()

    @Slot()
    def _on_actions(self) -> None:
        self._dirty_actions = True
        self._schedule()

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def flush(self) -> None:
        """Emit what changed since the last flush (connectors first: tool lists name their connectors)."""
        self._timer.stop()
        connectors, self._dirty_connectors = self._dirty_connectors, False
        tools, self._dirty_tools = list(self._dirty_tools), {}
        actions, self._dirty_actions = self._dirty_actions, False
        if connectors:
            self.connectors_changed.emit()
        if tools:
            self.tools_changed.emit(tools)
        if actions:
            self.actions_changed.emit()


class ConnectorCalls:
    """Runs the service's coroutines on the connectors' loop from tasks of the GUI loop, owned here.

    A ConnectorError ends up in `on_error` as its sentence; anything else is logged and reported generically."""

    def __init__(self, runtime: ConnectorsRuntime, on_error: Callable[[str], None]) -> None:
        self._runtime = runtime
        self._on_error = on_error
        self._tasks = TaskOwner(self._task_failed)
        self.closed = False

    async def call(self, coro: Coroutine[Any, Any, T]) -> T:
        """Await `coro` running on the connectors' loop (cancelling this cancels it there too)."""
        return await asyncio.wrap_future(self._runtime.submit(coro))

    def start(self, coro: Coroutine[Any, Any, Any], name: str = "connectors") -> asyncio.Task[Any] | None:
        """The task running `coro`; None after close (a late event: nothing may start any more)."""
        if self.closed:
            coro.close()
            return None
        return self._tasks.start(self._guard(coro), name)

    async def _guard(self, coro: Coroutine[Any, Any, T]) -> T | None:
        try:
            return await coro
        except ConnectorError as error:
            if not self.closed:
                self._on_error(str(error))
            return None

    def _task_failed(self, error: BaseException) -> None:
        log.error("connectors panel action failed", exc_info=error)
        if not self.closed:
            self._on_error("Something went wrong with the connectors; the log has the details.")

    @property
    def running(self) -> int:
        return self._tasks.running

    def close(self) -> None:
        self.closed = True
        self._tasks.cancel_all()
