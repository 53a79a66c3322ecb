"""The tool registry's events as Qt signals on the GUI thread (the connectors service, or the combined registry of
connectors, databases and email tools: both are a `ConnectorsListener`'s source).

The source calls its listeners on the connectors' own loop thread; `ConnectorsEventBridge` re-emits them through
queued connections, and coalesces bursts of list changes (a server sending list_changed, 500 tools toggled) into
one signal per ~30 ms.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from vector_desktop.domain.connectors_api import CallProgress, ConnectorsListener, ServerLogLine

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
