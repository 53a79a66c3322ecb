"""The email outbox: every message is a row before it is sent, so nothing is lost to a crash or a network error.

`message` holds the whole RFC 5322 message as built once (same Message-ID on every attempt). States:
queued → sending → sent; sending → queued (temporary error, retried at `next_attempt_at`) or failed (permanent
error, the server's reply kept); a row still `sending` at start-up was cut between DATA and the server's reply and
becomes `uncertain`: the user decides whether to send it again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vector_desktop.store.tables import Base, utcnow


class OutboxMessageRow(Base):
    __tablename__ = "email_outbox"
    __table_args__ = (Index("ix_email_outbox_state_next", "state", "next_attempt_at"), {"sqlite_autoincrement": True})
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    state: Mapped[str] = mapped_column(String(20), default="queued")
    source: Mapped[str] = mapped_column(String(40), default="")  # test, conversation, file, query, ai, cli
    message_id: Mapped[str] = mapped_column(Text)  # the Message-ID header
    sender: Mapped[str] = mapped_column(Text)
    recipients: Mapped[str] = mapped_column(Text)  # JSON list of envelope recipients
    subject: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[bytes] = mapped_column(LargeBinary)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")  # the server's reply or what went wrong, scrubbed
    queue_id: Mapped[str] = mapped_column(Text, default="")  # the server's reply to DATA (e.g. "250 queued as X")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
