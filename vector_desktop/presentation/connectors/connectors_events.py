"""The way the connectors' view-models call the service's coroutines: `ConnectorCalls` runs a coroutine of the service
on the connectors' loop and awaits it from a task of the GUI's loop that the view-model owns (cancelled on close).
The service's events as Qt signals: presentation.tools.tool_events (still importable from here for
bench/connectors_rig.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from vector_desktop.domain.connectors import ConnectorError
from vector_desktop.domain.connectors_api import ConnectorsRuntime
from vector_desktop.qtsupport.tasks import TaskOwner

log = logging.getLogger(__name__)
T = TypeVar("T")


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
