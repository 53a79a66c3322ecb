"""The outbox dialog's view-model: the rows (read in a thread, refreshed when the outbox changes: the worker's events
arrive on its thread and reach the GUI thread through a queued signal), and Retry / Send again / Discard."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from vector_desktop.domain.email import EmailApi, EmailError, OutboxState
from vector_desktop.presentation.email.outbox_model import OutboxTableModel

log = logging.getLogger(__name__)


class OutboxViewModel(QObject):
    failed = Signal(str)  # a sentence for the user
    reloaded = Signal()
    _outbox_changed = Signal()  # emitted on the worker's thread, delivered on the GUI thread

    def __init__(self, email: EmailApi, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._email = email
        self.model = OutboxTableModel(self)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._reloading = False
        self._again = False
        self._outbox_changed.connect(self.reload, Qt.ConnectionType.QueuedConnection)
        self._listener = self._outbox_changed.emit  # one object, so remove_listener finds it
        email.add_listener(self._listener)

    def close(self) -> None:
        self._email.remove_listener(self._listener)
        for task in list(self._tasks):
            task.cancel()

    # ------------------------------------------------------------------------------------------------ rows

    def reload(self) -> None:
        """Read the rows again; bursts of changes (a worker step) coalesce into one read in flight plus one after."""
        if self._reloading:
            self._again = True
            return
        self._reloading = True
        self._spawn(self._reload())

    async def _reload(self) -> None:
        try:
            while True:
                self._again = False
                messages = await self._email.outbox()
                self.model.set_messages(messages)
                if not self._again:
                    break
        finally:
            self._reloading = False
        self.reloaded.emit()

    def actions_for(self, row: int) -> set[str]:
        """Which of "retry", "send_again", "discard" apply to the row."""
        message = self.model.message(row)
        if message is None:
            return set()
        allowed = {
            OutboxState.QUEUED: {"retry", "discard"},
            OutboxState.FAILED: {"retry", "discard"},
            OutboxState.UNCERTAIN: {"send_again", "discard"},
            OutboxState.SENT: {"discard"},
            OutboxState.SENDING: set(),
        }
        return allowed[message.state]

    # ------------------------------------------------------------------------------------------------ actions

    def retry(self, message_id: int) -> None:
        self._spawn(self._act(self._email.retry(message_id)))

    def send_again(self, message_id: int) -> None:
        self._spawn(self._act(self._email.send_again(message_id)))

    def discard(self, message_id: int) -> None:
        self._spawn(self._act(self._email.discard(message_id)))

    async def _act(self, coro: Coroutine[Any, Any, None]) -> None:
        try:
            await coro
        except EmailError as error:
            self.failed.emit(str(error))

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("an outbox action failed", exc_info=error)
            self.failed.emit(self.tr("The outbox could not be read or changed; see the log."))
