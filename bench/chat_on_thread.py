"""A measurement of an architecture before building it: the chat service on a loop of its own, off the GUI thread
(`tool_round.py --service-thread`).

The view-model is the app's, unchanged; it reaches a ChatService that runs on the connectors' loop thread (its store
calls inline there, an LLM client of its own), through ServiceOnThread: each coroutine method is run on that loop and
awaited from the GUI's; the service's events reach the view-model's listener on the GUI loop, in order, in one
hand-over per turn of that loop (EventsToGui), so the GUI thread only handles events and paints.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from bench.tool_round_rig import RoundClock


class EventsToGui:
    """Calls made on the service's thread, run on the GUI loop in the order they were made."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._lock = threading.Lock()
        self._waiting: list[Callable[[], Any]] = []

    def put(self, call: Callable[[], Any]) -> None:
        with self._lock:
            self._waiting.append(call)
            first = len(self._waiting) == 1
        if first:  # one wake-up of the GUI loop for all the calls made before it runs
            self._loop.call_soon_threadsafe(self._run)

    def _run(self) -> None:
        with self._lock:
            calls, self._waiting = self._waiting, []
        for call in calls:
            call()


class ListenerOnGui:
    """A ChatListener the service calls on its thread; each event goes to `listener` on the GUI loop."""

    def __init__(self, listener: Any, events: EventsToGui) -> None:
        self._listener, self._events = listener, events

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._listener, name)

        def handed_over(*args: Any, **kwargs: Any) -> None:
            self._events.put(partial(method, *args, **kwargs))

        return handed_over


class ServiceOnThread:
    """The ChatService as the view-model sees it, while it runs on `service_loop` (another thread's)."""

    def __init__(self, service: Any, service_loop: asyncio.AbstractEventLoop, gui_loop: asyncio.AbstractEventLoop):
        self._service, self._service_loop = service, service_loop
        self._events = EventsToGui(gui_loop)
        self._listeners: dict[int, ListenerOnGui] = {}

    def add_listener(self, listener: Any) -> None:
        wrapped = self._listeners.setdefault(id(listener), ListenerOnGui(listener, self._events))
        self._service_loop.call_soon_threadsafe(self._service.add_listener, wrapped)

    def remove_listener(self, listener: Any) -> None:
        wrapped = self._listeners.pop(id(listener), None)
        if wrapped is not None:
            self._service_loop.call_soon_threadsafe(self._service.remove_listener, wrapped)

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._service, name)
        if not inspect.iscoroutinefunction(attribute):
            return attribute

        async def on_service_loop(*args: Any, **kwargs: Any) -> Any:
            future = asyncio.run_coroutine_threadsafe(attribute(*args, **kwargs), self._service_loop)
            return await asyncio.wrap_future(future)

        return on_service_loop


class ClockOnThread(RoundClock):
    """RoundClock for a service on another thread: each step is timed when the service reaches it; the round's end
    is told to the GUI loop's event through that loop."""

    gui_loop: asyncio.AbstractEventLoop | None = None

    def tell_done(self, done: asyncio.Event) -> None:
        assert self.gui_loop is not None
        self.gui_loop.call_soon_threadsafe(done.set)
