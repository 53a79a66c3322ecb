"""Email as the rest of the app sees it: the outbox's messages and states, what the outbox store and the SMTP sender
must offer, the façade other features and the UI use, and the errors (each a sentence for the user).

Every message is a row of the outbox before anything is sent (see store/tables_email.py for the states), so a crash
or a network error never loses one, and a message whose server reply was never read is `uncertain`: the user
decides whether it goes again.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from vector_desktop.domain.errors import VectorError

EMAIL_CONNECTOR_KEY = "email"
# Seconds to wait after the 1st, 2nd, ... temporary failure; the last value repeats.
BACKOFF_S: tuple[int, ...] = (30, 60, 120, 300, 900, 3600)


class OutboxState(enum.StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNCERTAIN = "uncertain"

    @property
    def label(self) -> str:
        return {
            "queued": "Waiting",
            "sending": "Sending",
            "sent": "Sent",
            "failed": "Failed",
            "uncertain": "Not confirmed",
        }[self.value]


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str  # "text/csv"
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class EmailDraft:
    """What the compose dialog edits: a Markdown body, sent as text/plain with a text/html alternative."""

    to: tuple[str, ...]
    subject: str
    body: str
    attachments: tuple[Attachment, ...] = ()
    source: str = ""  # test, conversation, file, query, ai, cli


@dataclass(frozen=True)
class NewOutboxMessage:
    """A built message, ready to be stored."""

    source: str
    message_id: str
    sender: str  # the envelope sender (the From address)
    recipients: tuple[str, ...]
    subject: str
    message: bytes  # the whole RFC 5322 message, built once


@dataclass(frozen=True)
class OutboxMessage:
    """One outbox row without its bytes (listings never load the message itself)."""

    id: int
    state: OutboxState
    source: str
    message_id: str
    sender: str
    recipients: tuple[str, ...]
    subject: str
    size: int
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_code: int | None = None
    last_error: str = ""
    queue_id: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    sent_at: datetime | None = None

    @property
    def to_text(self) -> str:
        return ", ".join(self.recipients)


# ---------------------------------------------------------------------------------------------------- errors


class EmailError(VectorError):
    """Email could not be sent or queued; `str()` is a sentence for the user."""

    def __init__(self, message: str, *, code: int | None = None, reply: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.reply = reply  # the server's reply, scrubbed


class EmailNotConfiguredError(EmailError):
    """A setting is missing or refused (no From address, a port without TLS...): nothing was tried."""


class InvalidAddressError(EmailError):
    """An address the user typed is not an email address."""


class TemporaryEmailError(EmailError):
    """Try again later: a 4xx reply, the server unreachable, the connection reset or timed out, offline."""


class PermanentEmailError(EmailError):
    """Trying again will not help until something changes: a 5xx reply, a refused recipient, a refused login."""


class EmailAuthError(PermanentEmailError):
    """The server refused the user name or password."""


class UncertainDeliveryError(EmailError):
    """The connection ended after the message was handed over and before the server answered."""


class OutboxActionError(EmailError):
    """Retry / Send again / Discard does not apply to the message in its current state."""


# ---------------------------------------------------------------------------------------------------- addresses

_ADDRESS = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]+$")


def clean_address(text: str) -> str:
    """The bare address of "Name <a@b.c>" or "a@b.c"; raises InvalidAddressError."""
    from email.utils import parseaddr

    _name, address = parseaddr(text.strip())
    if not address or not _ADDRESS.match(address):
        raise InvalidAddressError(f"“{text.strip()}” is not an email address.")
    return address


def split_addresses(text: str) -> tuple[str, ...]:
    """Addresses separated by commas, semicolons or spaces, each checked."""
    parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
    if not parts:
        raise InvalidAddressError("Give at least one recipient.")
    return tuple(clean_address(p) for p in parts)


# ---------------------------------------------------------------------------------------------------- ports


class OutboxStore(Protocol):
    """The outbox rows (blocking: SQLite)."""

    def add(self, message: NewOutboxMessage) -> OutboxMessage: ...

    def get(self, message_id: int) -> OutboxMessage | None: ...

    def message_bytes(self, message_id: int) -> bytes: ...

    def list_messages(self, limit: int = 500) -> list[OutboxMessage]:
        """Newest first."""
        ...

    def head(self) -> OutboxMessage | None:
        """The oldest `queued` message (the next to send, whether or not it is due yet)."""
        ...

    def mark_sending(self, message_id: int) -> None: ...

    def mark_sent(self, message_id: int, queue_id: str) -> None: ...

    def mark_retry(self, message_id: int, *, code: int | None, error: str, next_attempt_at: datetime) -> None:
        """A temporary failure: attempts + 1, back to `queued` until `next_attempt_at`."""
        ...

    def mark_failed(self, message_id: int, *, code: int | None, error: str) -> None: ...

    def mark_waiting(self, message_id: int, reason: str) -> None:
        """Not tried (settings missing): stays `queued` with the reason, attempts unchanged."""
        ...

    def mark_uncertain(self, message_id: int, reason: str) -> None: ...

    def recover_interrupted(self, reason: str) -> int:
        """Rows left `sending` by a crash become `uncertain`; returns how many."""
        ...

    def make_due(self) -> int:
        """Every `queued` row may be tried now (the app went online, the user asked)."""
        ...

    def requeue(self, message_id: int, allowed: tuple[OutboxState, ...]) -> OutboxMessage:
        """Back to `queued`, due now, when in one of `allowed`; raises OutboxActionError otherwise."""
        ...

    def delete(self, message_id: int, allowed: tuple[OutboxState, ...]) -> None: ...


class MailSender(Protocol):
    """One SMTP delivery (blocking). `before_data` is called just before the message is handed over."""

    def send(self, sender: str, recipients: tuple[str, ...], message: bytes, before_data: Callable[[], None]) -> str:
        """Returns the server's reply to the message (its queue id); raises EmailError subclasses."""
        ...


OutboxListener = Callable[[], None]


class EmailApi(Protocol):
    """The email façade (services/email/email_service.py). Coroutines run their blocking work in threads; listeners
    are called on whatever thread changed the outbox (Qt receivers go through queued signals)."""

    def from_address(self) -> str:
        """The From address (reads memory); "" when DEFAULT_FROM_EMAIL is not set."""
        ...

    def check_draft(self, draft: EmailDraft) -> None:
        """Raises InvalidAddressError / EmailNotConfiguredError before anything is queued (reads memory)."""
        ...

    async def queue(self, draft: EmailDraft) -> OutboxMessage: ...

    async def send_test(self, to: str) -> OutboxMessage: ...

    def default_test_address(self) -> str:
        """The signed-in user's address, else the From address (reads memory)."""
        ...

    async def outbox(self, limit: int = 500) -> list[OutboxMessage]: ...

    async def get(self, message_id: int) -> OutboxMessage | None: ...

    async def retry(self, message_id: int) -> None: ...

    async def send_again(self, message_id: int) -> None: ...

    async def discard(self, message_id: int) -> None: ...

    def set_online(self, online: bool) -> None: ...

    def add_listener(self, listener: OutboxListener) -> None: ...

    def remove_listener(self, listener: OutboxListener) -> None: ...
