"""The email façade (implements domain.email.EmailApi): queue a message (built once, stored before anything is
sent), a test message, the outbox listing, Retry / Send again / Discard, and the outbox worker's life cycle.

Coroutines send their blocking work (building a 10 MB message, SQLite) to a thread, so they may be awaited on the
GUI's loop or the connectors' loop alike. Listeners are called on the thread that changed the outbox."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from vector_desktop.domain.account import AccountIdentity
from vector_desktop.domain.email import (
    BACKOFF_S,
    EmailDraft,
    EmailNotConfiguredError,
    InvalidAddressError,
    MailSender,
    OutboxListener,
    OutboxMessage,
    OutboxState,
    OutboxStore,
)
from vector_desktop.services.email.message_builder import build_message, clean_address
from vector_desktop.services.email.outbox_worker import OutboxWorker
from vector_desktop.services.email.sender_lock import SenderLock

log = logging.getLogger(__name__)

TEST_SUBJECT = "Vector Desktop test email"
TEST_BODY = (
    "This is a test message from **Vector Desktop**.\n\n"
    "If you can read it, the SMTP settings work: mail you share from the app will arrive like this one.\n"
)
RETRYABLE = (OutboxState.FAILED, OutboxState.QUEUED)
DISCARDABLE = (OutboxState.QUEUED, OutboxState.FAILED, OutboxState.UNCERTAIN, OutboxState.SENT)


class EmailService:
    def __init__(
        self,
        config: Any,
        store: OutboxStore,
        sender_factory: Callable[[], MailSender],
        *,
        identity: AccountIdentity | None = None,
        online: bool = True,
        backoff: Sequence[float] = BACKOFF_S,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        sender_lock: SenderLock | None = None,
    ) -> None:
        self._config = config
        self._store = store
        self._identity = identity
        self._listeners: list[OutboxListener] = []
        self.worker = OutboxWorker(
            store, sender_factory, on_change=self._changed, backoff=backoff, clock=clock, online=online,
            sender_lock=sender_lock,
        )  # fmt: skip

    # ------------------------------------------------------------------------------------------------ listeners

    def add_listener(self, listener: OutboxListener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: OutboxListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:
                log.exception("an outbox listener failed")

    # ------------------------------------------------------------------------------------------------ life cycle

    def start(self) -> None:
        """Start the worker thread (it first marks rows cut by a crash `uncertain`, then sends what waits)."""
        self.worker.start()

    def close(self) -> None:
        self.worker.stop()

    def set_online(self, online: bool) -> None:
        self.worker.set_online(online)

    def settings_changed(self, keys: set[str]) -> None:
        """A Config listener: new SMTP settings may let waiting messages go now (cheap: wakes the worker)."""
        if any(key.startswith("EMAIL_") or key == "DEFAULT_FROM_EMAIL" for key in keys):
            self.worker.wake(due_now=True)

    # ------------------------------------------------------------------------------------------------ composing

    def from_address(self) -> str:
        return str(self._config.get("DEFAULT_FROM_EMAIL") or "")

    def default_test_address(self) -> str:
        profile = self._identity.current() if self._identity is not None else None
        if profile is not None and profile.email:
            return profile.email
        address = self.from_address()
        try:
            return clean_address(address) if address else ""
        except InvalidAddressError:
            return ""

    def check_draft(self, draft: EmailDraft) -> None:
        if not self.from_address():
            raise EmailNotConfiguredError("No From address is set. Set DEFAULT_FROM_EMAIL in Settings → Email.")
        if not draft.to:
            raise InvalidAddressError("Give at least one recipient.")
        for address in draft.to:
            clean_address(address)

    def queue_blocking(self, draft: EmailDraft) -> OutboxMessage:
        """Build and store the message, then wake the worker (blocking)."""
        self.check_draft(draft)
        profile = self._identity.current() if self._identity is not None else None
        built = build_message(draft, from_address=self.from_address(), identity=profile)
        stored = self._store.add(built)
        log.info("email #%d queued (%s, %d bytes)", stored.id, draft.source or "message", stored.size)
        self._changed()
        self.worker.wake()
        return stored

    async def queue(self, draft: EmailDraft) -> OutboxMessage:
        return await asyncio.to_thread(self.queue_blocking, draft)

    def test_draft(self, to: str) -> EmailDraft:
        return EmailDraft(to=(to.strip(),), subject=TEST_SUBJECT, body=TEST_BODY, source="test")

    async def send_test(self, to: str) -> OutboxMessage:
        return await self.queue(self.test_draft(to))

    # ------------------------------------------------------------------------------------------------ outbox

    def outbox_blocking(self, limit: int = 500) -> list[OutboxMessage]:
        return self._store.list_messages(limit)

    async def outbox(self, limit: int = 500) -> list[OutboxMessage]:
        return await asyncio.to_thread(self.outbox_blocking, limit)

    async def get(self, message_id: int) -> OutboxMessage | None:
        return await asyncio.to_thread(self._store.get, message_id)

    def _requeue(self, message_id: int, allowed: tuple[OutboxState, ...]) -> None:
        self._store.requeue(message_id, allowed)
        self._changed()
        self.worker.wake(due_now=True)

    async def retry(self, message_id: int) -> None:
        """A failed (or waiting) message: try it now."""
        await asyncio.to_thread(self._requeue, message_id, RETRYABLE)

    async def send_again(self, message_id: int) -> None:
        """An uncertain message: the user chose to send it again (the recipient may get it twice)."""
        await asyncio.to_thread(self._requeue, message_id, (OutboxState.UNCERTAIN,))

    def _discard(self, message_id: int) -> None:
        self._store.delete(message_id, DISCARDABLE)
        self._changed()

    async def discard(self, message_id: int) -> None:
        await asyncio.to_thread(self._discard, message_id)

    # ------------------------------------------------------------------------------------------------ command line

    def send_pending_blocking(self, until_id: int | None = None, *, due_now: bool = False) -> OutboxMessage | None:
        """In this process: mark rows cut by a crash, then send due messages in order until `until_id` was tried
        (or nothing more is due); `due_now` ends every backoff first (the user asks now). Returns the row of
        `until_id` afterwards, or None when another process (the running app) is sending the outbox."""
        if not self.worker.hold_lock():
            return None  # the app (or another command) is sending the outbox now: it sends this one too
        self.worker.recover()
        if due_now:
            self._store.make_due()
        while True:
            tried = self.worker.send_due()
            if tried is None or tried.id == until_id or tried.state is OutboxState.QUEUED:
                break
        return self._store.get(until_id) if until_id is not None else tried
