"""Connector tables, with the web app's model names: MergeIntegrationProvider (the tool pack's connectors as last
detected), ConnectorCache (tools, resources and prompts as last fetched, readable offline), ConnectorToolAction
(every tool run). Also the MCP servers the user added, enable toggles and a few state values.

No secret is stored here: header and environment values marked secret, OAuth tokens and the Merge key are in the
keychain; `headers_json` / `env_json` keep only `{"name", "value", "secret"}` with an empty value for secrets.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vector_desktop.store.tables import Base, utcnow


class MergeIntegrationProvider(Base):
    """One connector of the Merge tool pack (Linear, Jira, Slack...), and whether the user authenticated it."""

    __tablename__ = "merge_integration_providers"
    slug: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    logo_url: Mapped[str] = mapped_column(Text, default="")
    source_url: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    categories_json: Mapped[str] = mapped_column(Text, default="[]")
    auth_scope: Mapped[str] = mapped_column(String(50), default="")
    connected: Mapped[bool] = mapped_column(Boolean, default=False)
    tools_json: Mapped[str] = mapped_column(Text, default="[]")
    position: Mapped[int] = mapped_column(Integer, default=0)
    refreshed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ConnectorCache(Base):
    """What a connector offered when last fetched: one row per connector and kind (tools, resources, prompts)."""

    __tablename__ = "connector_cache"
    connector_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    items_json: Mapped[str] = mapped_column(Text, default="[]")
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class McpServerRow(Base):
    __tablename__ = "mcp_servers"
    # AUTOINCREMENT: an id is never reused, so a new server never inherits a removed one's keychain entries.
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    transport: Mapped[str] = mapped_column(String(10))
    url: Mapped[str] = mapped_column(Text, default="")
    headers_json: Mapped[str] = mapped_column(Text, default="[]")
    command: Mapped[str] = mapped_column(Text, default="")
    args_json: Mapped[str] = mapped_column(Text, default="[]")
    env_json: Mapped[str] = mapped_column(Text, default="[]")
    cwd: Mapped[str] = mapped_column(Text, default="")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    use_oauth: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class ConnectorPrefRow(Base):
    """An enable toggle: of a whole connector (`tool_name` "") or of one of its tools."""

    __tablename__ = "connector_prefs"
    connector_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    tool_name: Mapped[str] = mapped_column(String(300), primary_key=True, default="")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class ConnectorStateRow(Base):
    """Small values the connectors feature keeps (the Merge registered user id and the origin id it was made for)."""

    __tablename__ = "connector_state"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class ConnectorToolAction(Base):
    """One tool run: written as "running" before the call and completed after it, so a crash leaves a trace."""

    __tablename__ = "connector_tool_actions"
    __table_args__ = (Index("ix_connector_tool_actions_connector_started", "connector_key", "started_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    connector_key: Mapped[str] = mapped_column(String(300))
    connector_name: Mapped[str] = mapped_column(String(300), default="")
    tool_name: Mapped[str] = mapped_column(String(300))
    qualified_name: Mapped[str] = mapped_column(String(100))
    arguments_json: Mapped[str] = mapped_column(Text, default="{}")
    status: Mapped[str] = mapped_column(String(20), index=True)
    origin: Mapped[str] = mapped_column(String(100), default="")
    allowed_by: Mapped[str] = mapped_column(String(300), default="")
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    result_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    result_truncated: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str] = mapped_column(Text, default="")
