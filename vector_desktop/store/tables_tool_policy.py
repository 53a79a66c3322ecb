"""Tool-policy tables: the user's policy per tool and per connector, connector trust, rules on arguments, grants
from the approval dialog, and which tools each conversation offers the model.

Grant and rule ids are never reused (AUTOINCREMENT): the audit log names them, so an id always means one grant.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vector_desktop.store.tables import Base, utcnow


class ToolPolicyRow(Base):
    """auto / ask / deny for one tool (`tool_name` its real name) or a whole connector (`tool_name` "")."""

    __tablename__ = "tool_policies"
    connector_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    tool_name: Mapped[str] = mapped_column(String(300), primary_key=True, default="")
    policy: Mapped[str] = mapped_column(String(10))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class ToolPolicyTrustRow(Base):
    """Whether the user trusts a connector's annotations (no row: trusted)."""

    __tablename__ = "tool_policy_trust"
    connector_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    trusted: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class ToolRuleRow(Base):
    __tablename__ = "tool_rules"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tool: Mapped[str] = mapped_column(String(300))
    connector_key: Mapped[str] = mapped_column(String(300), default="")
    matchers_json: Mapped[str] = mapped_column(Text, default="[]")
    effect: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ToolGrantRow(Base):
    """A grant from the approval dialog; revoking sets `revoked_at` (the row stays for the audit's sake)."""

    __tablename__ = "tool_grants"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    qualified_name: Mapped[str] = mapped_column(String(100))
    connector_key: Mapped[str] = mapped_column(String(300))
    scope: Mapped[str] = mapped_column(String(20))
    conversation_id: Mapped[str] = mapped_column(String(64), default="")
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    matchers_json: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ConversationToolsRow(Base):
    """The tools a conversation offers (no row: all). No foreign key: a new conversation's composer chooses before
    the conversation is saved, like chat_drafts."""

    __tablename__ = "conversation_tools"
    conversation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    mode: Mapped[str] = mapped_column(String(10), default="all")
    chosen_json: Mapped[str] = mapped_column(Text, default="[]")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
