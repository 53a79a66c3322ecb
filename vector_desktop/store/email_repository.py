"""The email outbox rows (implements domain.email.OutboxStore). Blocking: call it from a worker thread.

Listings never load the message bytes (a 10 MB attachment stays on disk until it is sent)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, defer, sessionmaker

from vector_desktop.domain.email import NewOutboxMessage, OutboxActionError, OutboxMessage, OutboxState
from vector_desktop.store.tables import utcnow
from vector_desktop.store.tables_email import OutboxMessageRow
from vector_desktop.store.timestamps import aware

_ROW = OutboxMessageRow
BLOB_CHUNK = 256 * 1024


def _recipients(text: str) -> tuple[str, ...]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return (text,)
    return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)


def _message(row: OutboxMessageRow) -> OutboxMessage:
    return OutboxMessage(
        id=row.id,
        state=OutboxState(row.state),
        source=row.source,
        message_id=row.message_id,
        sender=row.sender,
        recipients=_recipients(row.recipients),
        subject=row.subject,
        size=row.size,
        attempts=row.attempts,
        next_attempt_at=aware(row.next_attempt_at),
        last_code=row.last_code,
        last_error=row.last_error,
        queue_id=row.queue_id,
        created_at=aware(row.created_at),
        updated_at=aware(row.updated_at),
        sent_at=aware(row.sent_at),
    )


class EmailRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def add(self, message: NewOutboxMessage) -> OutboxMessage:
        with self._sessions.begin() as session:
            row = OutboxMessageRow(
                state=OutboxState.QUEUED.value,
                source=message.source,
                message_id=message.message_id,
                sender=message.sender,
                recipients=json.dumps(list(message.recipients)),
                subject=message.subject,
                size=len(message.message),
                message=message.message,
                attempts=0,
                last_error="",
                queue_id="",
            )
            session.add(row)
            session.flush()
            return _message(row)

    def get(self, message_id: int) -> OutboxMessage | None:
        with self._sessions() as session:
            row = session.get(OutboxMessageRow, message_id, options=[defer(_ROW.message)])
            return _message(row) if row is not None else None

    def message_bytes(self, message_id: int) -> bytes:
        """Read in pieces (sqlite3's incremental blob I/O): one fetch of a 14 MB blob holds the GIL for ~10 ms,
        which the GUI thread would feel while the outbox sends an attachment."""
        import sqlite3

        with self._sessions() as session:
            raw: Any = session.connection().connection.dbapi_connection
            try:
                with raw.blobopen("email_outbox", "message", message_id, readonly=True) as blob:
                    pieces = []
                    while chunk := blob.read(BLOB_CHUNK):
                        pieces.append(chunk)
            except sqlite3.OperationalError:
                raise OutboxActionError(f"Message #{message_id} is no longer in the outbox.") from None
        return b"".join(pieces)

    def list_messages(self, limit: int = 500) -> list[OutboxMessage]:
        with self._sessions() as session:
            rows = session.scalars(select(_ROW).options(defer(_ROW.message)).order_by(_ROW.id.desc()).limit(limit))
            return [_message(row) for row in rows]

    def head(self) -> OutboxMessage | None:
        with self._sessions() as session:
            row = session.scalars(
                select(_ROW)
                .options(defer(_ROW.message))
                .where(_ROW.state == OutboxState.QUEUED.value)
                .order_by(_ROW.id)
                .limit(1)
            ).first()
            return _message(row) if row is not None else None

    def _update(self, message_id: int, **values: object) -> None:
        with self._sessions.begin() as session:
            session.execute(update(_ROW).where(_ROW.id == message_id).values(updated_at=utcnow(), **values))

    def mark_sending(self, message_id: int) -> None:
        self._update(message_id, state=OutboxState.SENDING.value, attempts=_ROW.attempts + 1)

    def mark_sent(self, message_id: int, queue_id: str) -> None:
        now = utcnow()
        self._update(
            message_id,
            state=OutboxState.SENT.value,
            queue_id=queue_id,
            sent_at=now,
            next_attempt_at=None,
            last_error="",
            last_code=None,
        )

    def mark_retry(self, message_id: int, *, code: int | None, error: str, next_attempt_at: datetime) -> None:
        # A failure before DATA did not count the attempt yet (mark_sending does that).
        with self._sessions.begin() as session:
            row = session.get(OutboxMessageRow, message_id, options=[defer(_ROW.message)])
            if row is None:
                return
            if row.state != OutboxState.SENDING.value:
                row.attempts += 1
            row.state = OutboxState.QUEUED.value
            row.last_code = code
            row.last_error = error
            row.next_attempt_at = next_attempt_at
            row.updated_at = utcnow()

    def mark_failed(self, message_id: int, *, code: int | None, error: str) -> None:
        with self._sessions.begin() as session:
            row = session.get(OutboxMessageRow, message_id, options=[defer(_ROW.message)])
            if row is None:
                return
            if row.state != OutboxState.SENDING.value:
                row.attempts += 1
            row.state = OutboxState.FAILED.value
            row.last_code = code
            row.last_error = error
            row.next_attempt_at = None
            row.updated_at = utcnow()

    def mark_waiting(self, message_id: int, reason: str) -> None:
        self._update(message_id, state=OutboxState.QUEUED.value, last_error=reason, next_attempt_at=None)

    def mark_uncertain(self, message_id: int, reason: str) -> None:
        self._update(message_id, state=OutboxState.UNCERTAIN.value, last_error=reason, next_attempt_at=None)

    def recover_interrupted(self, reason: str) -> int:
        with self._sessions.begin() as session:
            result = session.execute(
                update(_ROW)
                .where(_ROW.state == OutboxState.SENDING.value)
                .values(state=OutboxState.UNCERTAIN.value, last_error=reason, updated_at=utcnow())
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def make_due(self) -> int:
        with self._sessions.begin() as session:
            result = session.execute(
                update(_ROW)
                .where(_ROW.state == OutboxState.QUEUED.value, _ROW.next_attempt_at.is_not(None))
                .values(next_attempt_at=None)
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def requeue(self, message_id: int, allowed: tuple[OutboxState, ...]) -> OutboxMessage:
        with self._sessions.begin() as session:
            row = session.get(OutboxMessageRow, message_id, options=[defer(_ROW.message)])
            if row is None:
                raise OutboxActionError(f"Message #{message_id} is no longer in the outbox.")
            state = OutboxState(row.state)
            if state not in allowed:
                raise OutboxActionError(f"Message #{message_id} is {state.label.lower()}: it cannot be sent again.")
            row.state = OutboxState.QUEUED.value
            row.next_attempt_at = None
            row.updated_at = utcnow()
            session.flush()
            return _message(row)

    def delete(self, message_id: int, allowed: tuple[OutboxState, ...]) -> None:
        with self._sessions.begin() as session:
            state = session.scalar(select(_ROW.state).where(_ROW.id == message_id))
            if state is None:
                return
            if OutboxState(state) not in allowed:
                label = OutboxState(state).label.lower()
                raise OutboxActionError(f"Message #{message_id} is {label}: it cannot be discarded now.")
            session.execute(delete(_ROW).where(_ROW.id == message_id))
