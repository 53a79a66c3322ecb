"""Account tables: the signed-in Google profile, cached so the account menu shows it offline too.

Tokens are never stored here: the refresh token lives in the keychain. At most one row (id 1) exists.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vector_desktop.store.tables import Base, utcnow


class AccountProfileRow(Base):
    __tablename__ = "account_profile"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    provider: Mapped[str] = mapped_column(String(20), default="google")
    subject: Mapped[str] = mapped_column(Text)  # the ID token's `sub`: stable across email changes
    email: Mapped[str] = mapped_column(Text, default="")
    name: Mapped[str] = mapped_column(Text, default="")
    picture_url: Mapped[str] = mapped_column(Text, default="")
    picture: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # the image itself, for offline
    signed_in_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
