"""The compose form's view-model. `send()` checks the form at once (addresses, a From address set) and queues the
message in the background: the dialog closes immediately and never waits for SMTP. If queueing fails after that,
`failed` carries the sentence and the draft, so the root can show the form again with nothing lost."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from vector_desktop.domain.email import Attachment, EmailApi, EmailDraft, EmailError, split_addresses

log = logging.getLogger(__name__)


class ComposeViewModel(QObject):
    queued = Signal(int)  # outbox id
    failed = Signal(str, object)  # sentence, the EmailDraft as it was sent

    def __init__(self, email: EmailApi, draft: EmailDraft, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._email = email
        self.draft = draft
        self.attachments: list[Attachment] = list(draft.attachments)
        self._task: asyncio.Task[Any] | None = None

    @property
    def to_text(self) -> str:
        return ", ".join(self.draft.to)

    @property
    def from_address(self) -> str:
        return self._email.from_address()

    def remove_attachment(self, row: int) -> None:
        if 0 <= row < len(self.attachments):
            del self.attachments[row]

    def make_draft(self, to_text: str, subject: str, body: str) -> EmailDraft:
        """Raises EmailError subclasses with a sentence about what to correct."""
        to = split_addresses(to_text)
        if not subject.strip() and not body.strip():
            raise EmailError(self.tr("Write a subject or a message first."))
        return EmailDraft(to, subject.strip(), body, tuple(self.attachments), self.draft.source)

    def send(self, to_text: str, subject: str, body: str) -> str:
        """Queue the message in the background; returns "" when it goes, or what to correct (nothing was queued)."""
        try:
            draft = self.make_draft(to_text, subject, body)
            self._email.check_draft(draft)
        except EmailError as error:
            return str(error)
        self.draft = draft
        self._task = asyncio.ensure_future(self._queue(draft))
        return ""

    async def _queue(self, draft: EmailDraft) -> None:
        try:
            message = await self._email.queue(draft)
        except EmailError as error:
            self.failed.emit(str(error), draft)
        except Exception:
            log.exception("the message could not be queued")
            self.failed.emit(self.tr("The message could not be stored in the outbox; see the log."), draft)
        else:
            self.queued.emit(message.id)
