"""The outbox's sender: one message at a time, oldest first, on a thread of its own (SQLite and smtplib block).

A temporary failure puts the message back with a backoff (30 s, 1, 2, 5, 15, 60 min) and the queue waits behind it,
so messages leave in the order they were written. The worker wakes when a message is queued, when the app goes
online and on Retry. The row is `sending` before the message is handed over and `sent` with the server's reply
after it; a row still `sending` when the worker starts was cut by a crash and becomes `uncertain`: it is never
sent again by itself.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from vector_desktop.domain.email import (
    BACKOFF_S,
    EmailError,
    EmailNotConfiguredError,
    MailSender,
    OutboxMessage,
    OutboxStore,
    PermanentEmailError,
    TemporaryEmailError,
    UncertainDeliveryError,
)
from vector_desktop.services.email.sender_lock import SenderLock

log = logging.getLogger(__name__)

INTERRUPTED = (
    "The app stopped after handing this message to the server and before the server confirmed it. It may have "
    "been sent: check with the recipient, then choose Send again or Discard."
)
OFFLINE = "Waiting until the app is online."
LOCK_RETRY_S = 2.0  # how often the app's worker looks whether the command line has finished sending


def backoff_delay(attempts: int, backoff: Sequence[float] = BACKOFF_S) -> float:
    """Seconds to wait after the `attempts`-th temporary failure (1-based)."""
    return backoff[min(max(attempts, 1), len(backoff)) - 1]


class OutboxWorker:
    """`sender_factory()` reads the settings (blocking: the keychain) and returns a sender, or raises
    EmailNotConfiguredError. `on_change()` is called on the worker's thread after each change of a row."""

    def __init__(
        self,
        store: OutboxStore,
        sender_factory: Callable[[], MailSender],
        *,
        on_change: Callable[[], None] = lambda: None,
        backoff: Sequence[float] = BACKOFF_S,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        online: bool = True,
        sender_lock: SenderLock | None = None,
    ) -> None:
        self._store = store
        self._sender_lock = sender_lock
        self._sender_factory = sender_factory
        self._on_change = on_change
        self._backoff = tuple(backoff)
        self._clock = clock
        self._online = online
        self._due_now = False
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # one delivery at a time, whoever drives it (thread or send_due)

    # ------------------------------------------------------------------------------------------------ control

    def hold_lock(self) -> bool:
        """True when this process may send and recover the outbox (no other process is doing it now)."""
        return self._sender_lock is None or self._sender_lock.acquire()

    def recover(self) -> int:
        """Rows left `sending` by a crash become `uncertain` (blocking). Call once before the first send."""
        count = self._store.recover_interrupted(INTERRUPTED)
        if count:
            log.warning("%d outbox message(s) were cut between DATA and the reply: marked uncertain", count)
            self._on_change()
        return count

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="email-outbox", daemon=True)
        self._thread.start()

    def wake(self, *, due_now: bool = False) -> None:
        """Look at the outbox again; `due_now` also ends every backoff (the app went online, Retry)."""
        self._due_now = due_now or self._due_now
        self._wake.set()

    def set_online(self, online: bool) -> None:
        was = self._online
        self._online = online
        if online and not was:
            self.wake(due_now=True)

    def stop(self, timeout: float = 2.0) -> None:
        """Stop after the current delivery (bounded wait; a delivery cut here becomes `uncertain` next start)."""
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
        if self._sender_lock is not None and (thread is None or not thread.is_alive()):
            self._sender_lock.release()  # (a delivery still running keeps it until the process ends)

    # ------------------------------------------------------------------------------------------------ sending

    def send_due(self) -> OutboxMessage | None:
        """Send the head of the queue if it is due (blocking). Returns its row afterwards, None if nothing was due."""
        with self._lock:
            head = self._store.head()
            if head is None or not self._is_due(head):
                return None
            if not self._online:
                self._store.mark_waiting(head.id, OFFLINE)
                self._on_change()
                return self._store.get(head.id)
            self._deliver(head)
            return self._store.get(head.id)

    def _is_due(self, message: OutboxMessage) -> bool:
        return message.next_attempt_at is None or message.next_attempt_at <= self._clock()

    def _deliver(self, message: OutboxMessage) -> None:
        try:
            sender = self._sender_factory()
            data = self._store.message_bytes(message.id)

            def before_data() -> None:
                self._store.mark_sending(message.id)
                self._on_change()

            queue_id = sender.send(message.sender, message.recipients, data, before_data)
        except EmailNotConfiguredError as error:
            self._store.mark_waiting(message.id, str(error))
        except TemporaryEmailError as error:
            attempts = message.attempts + 1
            when = self._clock() + timedelta(seconds=backoff_delay(attempts, self._backoff))
            self._store.mark_retry(message.id, code=error.code, error=str(error), next_attempt_at=when)
        except UncertainDeliveryError as error:
            self._store.mark_uncertain(message.id, str(error))
        except PermanentEmailError as error:
            self._store.mark_failed(message.id, code=error.code, error=str(error))
        except EmailError as error:
            self._store.mark_failed(message.id, code=error.code, error=str(error))
        except Exception:
            log.exception("the outbox could not send message #%d", message.id)
            self._store.mark_failed(
                message.id, code=None, error="Sending failed because of an error in the app; see the log."
            )
        else:
            self._store.mark_sent(message.id, queue_id)
        self._on_change()

    def _run(self) -> None:
        while not self.hold_lock():  # the command line is sending: take over when it is done
            if self._stop.wait(LOCK_RETRY_S):
                return
        try:
            self.recover()
        except Exception:
            log.exception("the outbox could not be read")
        while not self._stop.is_set():
            self._wake.clear()
            timeout: float | None = None
            try:
                if self._due_now:
                    self._due_now = False
                    if self._store.make_due():
                        self._on_change()
                timeout = self._step()
            except Exception:  # the store failed (disk full?): try again later rather than die
                log.exception("the outbox worker failed")
                timeout = float(self._backoff[0])
            if timeout != 0:
                self._wake.wait(timeout)

    def _step(self) -> float | None:
        """Do one thing; return how long to sleep (0: go on at once, None: until woken)."""
        head = self._store.head()
        if head is None:
            return None
        if not self._online:
            if head.last_error != OFFLINE:
                self._store.mark_waiting(head.id, OFFLINE)
                self._on_change()
            return None
        if not self._is_due(head):
            assert head.next_attempt_at is not None
            return max(0.05, (head.next_attempt_at - self._clock()).total_seconds())
        self.send_due()
        after = self._store.get(head.id)
        if after is not None and after.next_attempt_at is None and after.state == "queued":
            return None  # not tried (settings missing): wait until something changes
        return 0
