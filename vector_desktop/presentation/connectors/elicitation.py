"""Elicitation in the app: a server asks the user for input in the middle of a call.

`DialogElicitationAsker.ask` runs on the connectors' loop (it is the ElicitationAsker given to tool calls). It
hands an `ElicitationPrompt` to the GUI thread through a queued signal; the view opens the dialog and calls
`prompt.answer(...)`, which completes the waiting coroutine on the connectors' loop. When the call is cancelled
while the dialog is open, `withdrawn` tells the view to close it. With nobody listening, the request is cancelled.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from typing import Any

from PySide6.QtCore import SIGNAL, QObject, Qt, Signal

from vector_desktop.domain.connectors import ElicitationAction, ElicitationRequest, ElicitationResponse


class ElicitationPrompt:
    """One question: answer it once, from any thread."""

    def __init__(self, request: ElicitationRequest, loop: asyncio.AbstractEventLoop) -> None:
        self.request = request
        self._loop = loop
        self._future: asyncio.Future[ElicitationResponse] = loop.create_future()
        self._answered = threading.Event()

    @property
    def answered(self) -> bool:
        return self._answered.is_set()

    def answer(self, action: ElicitationAction, content: dict[str, Any] | None = None) -> None:
        if self._answered.is_set():
            return
        self._answered.set()
        response = ElicitationResponse(action, content if action is ElicitationAction.ACCEPT else None)
        with contextlib.suppress(RuntimeError):  # the connectors' loop is closed: nobody waits any more
            self._loop.call_soon_threadsafe(self._settle, response)

    def _settle(self, response: ElicitationResponse) -> None:
        if not self._future.done():
            self._future.set_result(response)

    async def wait(self) -> ElicitationResponse:
        return await self._future


class DialogElicitationAsker(QObject):
    requested = Signal(object)  # ElicitationPrompt, on the GUI thread
    withdrawn = Signal(object)  # ElicitationPrompt whose call ended before the answer

    _posted = Signal(object)
    _posted_withdrawn = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        queued = Qt.ConnectionType.QueuedConnection
        self._posted.connect(self._deliver, queued)
        self._posted_withdrawn.connect(self.withdrawn, queued)

    def _deliver(self, prompt: ElicitationPrompt) -> None:
        if not self.receivers(SIGNAL("requested(PyObject)")):
            prompt.answer(ElicitationAction.CANCEL)
            return
        self.requested.emit(prompt)

    async def ask(self, request: ElicitationRequest) -> ElicitationResponse:
        prompt = ElicitationPrompt(request, asyncio.get_running_loop())
        try:
            self._posted.emit(prompt)
        except RuntimeError:  # the asker is gone (shutdown)
            return ElicitationResponse(ElicitationAction.CANCEL)
        try:
            return await prompt.wait()
        except asyncio.CancelledError:
            with contextlib.suppress(RuntimeError):
                self._posted_withdrawn.emit(prompt)
            raise
