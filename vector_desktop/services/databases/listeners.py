"""Listeners of the databases service: one fan-out object; a listener that raises is logged, the others still hear."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from vector_desktop.domain.databases_api import DatabasesListener

log = logging.getLogger(__name__)


class DatabasesListeners(DatabasesListener):
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: tuple[DatabasesListener, ...] = ()

    def add(self, listener: DatabasesListener) -> None:
        with self._lock:
            if listener not in self._listeners:
                self._listeners = (*self._listeners, listener)

    def remove(self, listener: DatabasesListener) -> None:
        with self._lock:
            self._listeners = tuple(item for item in self._listeners if item is not listener)

    def _each(self, call: Callable[[DatabasesListener], None]) -> None:
        for listener in self._listeners:
            try:
                call(listener)
            except Exception:
                log.exception("a databases listener failed")

    def connections_changed(self) -> None:
        self._each(lambda listener: listener.connections_changed())

    def history_changed(self, connection_id: int) -> None:
        self._each(lambda listener: listener.history_changed(connection_id))

    def saved_queries_changed(self) -> None:
        self._each(lambda listener: listener.saved_queries_changed())
