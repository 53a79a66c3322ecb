"""The app's `Approver` (domain.tool_policy): asks the user in the approval dialog, one question at a time.

`ask` runs on the chat's loop (the GUI thread with qasync). Questions queue: the first is shown (`request_shown`),
the next one when it is answered or withdrawn (a stopped answer cancels its `ask`; `request_closed` tells the view
to close the dialog). `close()` (the chat view-model closing) denies every question still open. A question asked
from another thread is handed to the GUI loop given at construction.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from vector_desktop.domain.tool_policy import ApprovalAnswer, ApprovalRequest

DENIED = ApprovalAnswer(allowed=False)


@dataclass
class _Pending:
    id: int
    request: ApprovalRequest
    future: asyncio.Future[ApprovalAnswer]


class GuiApprover(QObject):
    request_shown = Signal(int, object)  # request id, ApprovalRequest: open the dialog for it
    request_closed = Signal(int)  # answered, withdrawn or denied at close: close its dialog
    pending_changed = Signal(int)  # how many questions wait (the shown one included)

    def __init__(self, parent: QObject | None = None, *, loop: asyncio.AbstractEventLoop | None = None) -> None:
        super().__init__(parent)
        self._loop = loop
        self._thread = threading.get_ident()
        self._queue: list[_Pending] = []
        self._counter = 0
        self._closed = False

    async def ask(self, request: ApprovalRequest) -> ApprovalAnswer:
        if threading.get_ident() != self._thread and self._loop is not None:
            future = asyncio.run_coroutine_threadsafe(self._ask(request), self._loop)
            return await asyncio.wrap_future(future)
        return await self._ask(request)

    async def _ask(self, request: ApprovalRequest) -> ApprovalAnswer:
        if self._closed:
            return DENIED
        self._counter += 1
        pending = _Pending(self._counter, request, asyncio.get_running_loop().create_future())
        self._queue.append(pending)
        self.pending_changed.emit(len(self._queue))
        if len(self._queue) == 1:
            self.request_shown.emit(pending.id, request)
        try:
            return await pending.future
        finally:
            self._withdraw(pending)

    def _withdraw(self, pending: _Pending) -> None:
        if pending not in self._queue:
            return
        was_shown = self._queue[0] is pending
        self._queue.remove(pending)
        with contextlib.suppress(RuntimeError):  # the approver is gone (shutdown)
            self.request_closed.emit(pending.id)
            self.pending_changed.emit(len(self._queue))
            if was_shown and self._queue and not self._closed:
                self.request_shown.emit(self._queue[0].id, self._queue[0].request)

    def answer(self, request_id: int, answer: ApprovalAnswer) -> bool:
        """The user's answer to the question `request_id`; False when it is no longer open."""
        for pending in self._queue:
            if pending.id == request_id and not pending.future.done():
                pending.future.set_result(answer)
                return True
        return False

    @property
    def pending(self) -> list[int]:
        return [p.id for p in self._queue]

    @property
    def current(self) -> tuple[int, ApprovalRequest] | None:
        return (self._queue[0].id, self._queue[0].request) if self._queue else None

    def close(self) -> None:
        """Deny every open question; later ones are denied at once."""
        self._closed = True
        for pending in list(self._queue):
            if not pending.future.done():
                pending.future.set_result(DENIED)
