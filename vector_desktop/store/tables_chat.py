"""Chat tables: conversations, messages, composer drafts, and the cached model list.

Besides these, migration 0002 creates objects SQLAlchemy's metadata does not know (listed in UNMANAGED_TABLES so
Alembic's autogenerate and the schema test leave them alone):
- `messages_fts`, an FTS5 table over messages.content with external content (content='messages',
  content_rowid='id'): it stores only the index, the text stays in `messages`;
- triggers `messages_fts_ai/ad/au` that keep it in step with INSERT/DELETE/UPDATE OF content on user and assistant
  messages (tool results are not searchable). Message ids are INTEGER PRIMARY KEY AUTOINCREMENT, so a VACUUM never
  renumbers them under the index and ids are never reused.
The outbox is not a table: it is the messages with status 'queued', in `queued_at` order.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vector_desktop.store.tables import Base, utcnow

FTS_TABLE = "messages_fts"
# FTS5 creates shadow tables named after the virtual table (messages_fts_data, _idx, _docsize, _config).
UNMANAGED_TABLES = frozenset(
    {FTS_TABLE, f"{FTS_TABLE}_data", f"{FTS_TABLE}_idx", f"{FTS_TABLE}_docsize", f"{FTS_TABLE}_config"}
)


class ConversationRow(Base):
    __tablename__ = "conversations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    system_prompt: Mapped[str] = mapped_column(Text, default="")
    model: Mapped[str] = mapped_column(String(300), default="")
    fallback_models_json: Mapped[str] = mapped_column(Text, default="[]")
    temperature: Mapped[float | None] = mapped_column(Float, nullable=True)
    json_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True, index=True)


class MessageRow(Base):
    __tablename__ = "messages"
    __table_args__ = (
        # Paging (newest first, older pages on demand) and seq allocation both walk this index.
        Index("ix_messages_conversation_id_seq", "conversation_id", "seq", unique=True),
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(20))
    content: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), index=True)
    model: Mapped[str] = mapped_column(String(300), default="")
    provider: Mapped[str] = mapped_column(String(100), default="")
    finish_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    prompt_tokens: Mapped[int] = mapped_column(Integer, default=0)
    completion_tokens: Mapped[int] = mapped_column(Integer, default=0)
    cost: Mapped[float | None] = mapped_column(Float, nullable=True)
    error: Mapped[str] = mapped_column(Text, default="")
    tool_calls_json: Mapped[str] = mapped_column(Text, default="")
    tool_call_id: Mapped[str] = mapped_column(String(200), default="")
    tool_name: Mapped[str] = mapped_column(String(200), default="")
    images_json: Mapped[str] = mapped_column(Text, default="")
    duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    parent_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    queued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DraftRow(Base):
    """The composer's unsent text, one per conversation (no foreign key: the 'new conversation' composer has one
    too, under a key that is not a conversation id)."""

    __tablename__ = "chat_drafts"
    conversation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ModelCacheRow(Base):
    """The model list last fetched from a provider's GET /models, for the picker (and offline)."""

    __tablename__ = "model_cache"
    provider: Mapped[str] = mapped_column(String(100), primary_key=True)
    model_id: Mapped[str] = mapped_column(String(300), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    data_json: Mapped[str] = mapped_column(Text, default="{}")
    position: Mapped[int] = mapped_column(Integer, default=0)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
