"""Storage tables: multipart uploads in progress (for resume after a crash) and the presigned links issued."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from vector_desktop.store.tables import Base, utcnow


class StorageUploadRow(Base):
    """One multipart upload started and not yet completed or aborted."""

    __tablename__ = "storage_uploads"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    backend_id: Mapped[str] = mapped_column(String(500), index=True)
    key: Mapped[str] = mapped_column(Text)
    upload_id: Mapped[str] = mapped_column(Text)
    local_path: Mapped[str] = mapped_column(Text)
    file_size: Mapped[int] = mapped_column(BigInteger)
    file_mtime_ns: Mapped[int] = mapped_column(BigInteger)
    part_size: Mapped[int] = mapped_column(BigInteger)
    content_type: Mapped[str] = mapped_column(String(255), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    parts: Mapped[list[StorageUploadPartRow]] = relationship(
        back_populates="upload", cascade="all, delete-orphan", passive_deletes=True
    )


class StorageUploadPartRow(Base):
    """A part the server confirmed (its ETag), written right after each part finishes."""

    __tablename__ = "storage_upload_parts"
    upload_row_id: Mapped[int] = mapped_column(ForeignKey("storage_uploads.id", ondelete="CASCADE"), primary_key=True)
    part_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    etag: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(BigInteger)
    upload: Mapped[StorageUploadRow] = relationship(back_populates="parts")


class IssuedLinkRow(Base):
    """A presigned link handed out. The URL is not kept (it is a bearer credential until it expires)."""

    __tablename__ = "storage_issued_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    backend_id: Mapped[str] = mapped_column(String(500), index=True)
    key: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
