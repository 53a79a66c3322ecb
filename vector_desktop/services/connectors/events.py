"""Listeners of the connectors service: one fan-out object the parts of the service tell what happened."""

from __future__ import annotations

import logging
from collections.abc import Callable

from vector_desktop.domain.connectors_api import CallProgress, ConnectorsListener, ServerLogLine

log = logging.getLogger(__name__)


class ListenerSet(ConnectorsListener):
    """Calls every listener in turn; one that raises is logged and the others still hear the event."""

    def __init__(self) -> None:
        self._listeners: list[ConnectorsListener] = []

    def add(self, listener: ConnectorsListener) -> None:
        if listener not in self._listeners:
            self._listeners = [*self._listeners, listener]

    def remove(self, listener: ConnectorsListener) -> None:
        self._listeners = [item for item in self._listeners if item is not listener]

    def _each(self, call: Callable[[ConnectorsListener], None]) -> None:
        for listener in self._listeners:
            try:
                call(listener)
            except Exception:
                log.exception("a connectors listener failed")

    def connectors_changed(self) -> None:
        self._each(lambda listener: listener.connectors_changed())

    def tools_changed(self, connector_key: str) -> None:
        self._each(lambda listener: listener.tools_changed(connector_key))

    def actions_changed(self) -> None:
        self._each(lambda listener: listener.actions_changed())

    def call_progress(self, progress: CallProgress) -> None:
        self._each(lambda listener: listener.call_progress(progress))

    def server_log(self, line: ServerLogLine) -> None:
        self._each(lambda listener: listener.server_log(line))
