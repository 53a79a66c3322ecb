"""Database connection tables: the saved connections (every field of ConnectionConfig but the secrets, which live in
the keychain; `has_password` / `has_api_key` only say whether the keychain holds one, NULL = not known), the
statements run on them, and the saved queries.

The connection made from DATABASE_URL (DEFAULT_CONNECTION_ID) is never a row of `database_connections`; its history
and saved queries are rows with `connection_id` NULL and `default_connection` true. A saved query with neither is
offered on every connection.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vector_desktop.store.tables import Base, utcnow


class DatabaseConnectionRow(Base):
    __tablename__ = "database_connections"
    # AUTOINCREMENT: an id is never reused, so a new connection never inherits a removed one's keychain entries.
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    host: Mapped[str] = mapped_column(Text, default="")
    port: Mapped[int | None] = mapped_column(Integer, nullable=True)
    database: Mapped[str] = mapped_column(Text, default="")
    username: Mapped[str] = mapped_column(Text, default="")
    tls_mode: Mapped[str] = mapped_column(String(20), default="prefer")
    ca_file: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str] = mapped_column(String(20), default="")
    read_only: Mapped[bool] = mapped_column(Boolean, default=True)
    supabase_url: Mapped[str] = mapped_column(Text, default="")
    expose_to_ai: Mapped[bool] = mapped_column(Boolean, default=False)
    last_tested_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_test_ok: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    last_test_message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    has_password: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    has_api_key: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class DatabaseQueryHistoryRow(Base):
    """One statement run from the editor, the command line or the AI, with how long it took and its rows."""

    __tablename__ = "database_query_history"
    __table_args__ = (Index("ix_database_query_history_connection_ran", "connection_id", "ran_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    connection_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("database_connections.id", ondelete="CASCADE"), nullable=True
    )
    default_connection: Mapped[bool] = mapped_column(Boolean, default=False)
    sql: Mapped[str] = mapped_column(Text)
    ran_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rows: Mapped[int | None] = mapped_column(Integer, nullable=True)
    error: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(100), default="editor")


class DatabaseSavedQueryRow(Base):
    __tablename__ = "database_saved_queries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    connection_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("database_connections.id", ondelete="CASCADE"), nullable=True, index=True
    )
    default_connection: Mapped[bool] = mapped_column(Boolean, default=False)
    name: Mapped[str] = mapped_column(String(200))
    sql: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
