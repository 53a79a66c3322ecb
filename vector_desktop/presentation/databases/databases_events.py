"""The databases service's events as Qt signals on the GUI thread, and the task owner the view-models run the
service's coroutines with.

The service calls its listeners on the thread of the loop that made the change: the GUI's loop for the panel, the
connectors' loop for a query the AI ran. `DatabasesEventBridge` re-emits them through queued connections, so the
receivers always run on the GUI thread. `DatabaseCalls` keeps the view-model's tasks (cancelled on close) and turns
a DatabaseError into its sentence."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from vector_desktop.domain.databases import DatabaseError
from vector_desktop.domain.databases_api import DatabasesListener
from vector_desktop.qtsupport.tasks import TaskOwner

log = logging.getLogger(__name__)


class _Listener(DatabasesListener):
    def __init__(self, bridge: DatabasesEventBridge) -> None:
        self._bridge = bridge

    def connections_changed(self) -> None:
        self._post(self._bridge._posted_connections)

    def history_changed(self, connection_id: int) -> None:
        self._post(self._bridge._posted_history, connection_id)

    def saved_queries_changed(self) -> None:
        self._post(self._bridge._posted_saved)

    @staticmethod
    def _post(signal: Any, *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the bridge is gone (shutdown): nobody is left to tell
            signal.emit(*args)


class DatabasesEventBridge(QObject):
    connections_changed = Signal()
    history_changed = Signal(int)  # connection id
    saved_queries_changed = Signal()

    _posted_connections = Signal()
    _posted_history = Signal(int)
    _posted_saved = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listener: DatabasesListener = _Listener(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._posted_connections.connect(self.connections_changed, queued)
        self._posted_history.connect(self.history_changed, queued)
        self._posted_saved.connect(self.saved_queries_changed, queued)


def unexpected_error_text() -> str:
    return QCoreApplication.translate(
        "DatabasesViewModel", "Something went wrong with the databases; the log has the details."
    )


class DatabaseCalls:
    """Tasks of one view-model. A DatabaseError ends in `on_error` as its sentence; anything else is logged and
    reported as one generic sentence."""

    def __init__(self, on_error: Callable[[str], None]) -> None:
        self._on_error = on_error
        self._tasks = TaskOwner(self._task_failed)
        self.closed = False

    def start(self, coro: Coroutine[Any, Any, Any], name: str = "databases") -> Any:
        """The task running `coro` (None after close: nothing may start any more)."""
        if self.closed:
            coro.close()
            return None
        return self._tasks.start(self._guard(coro), name)

    async def _guard(self, coro: Coroutine[Any, Any, Any]) -> Any:
        try:
            return await coro
        except DatabaseError as error:
            if not self.closed:
                self._on_error(str(error))
            return None

    def _task_failed(self, error: BaseException) -> None:
        log.error("databases panel action failed", exc_info=error)
        if not self.closed:
            self._on_error(unexpected_error_text())

    @property
    def running(self) -> int:
        return self._tasks.running

    def close(self) -> None:
        self.closed = True
        self._tasks.cancel_all()
