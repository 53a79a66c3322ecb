"""connectors: Merge providers (MergeIntegrationProvider), ConnectorCache, MCP servers, enable toggles, state and
ConnectorToolAction

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "connector_cache",
        sa.Column("connector_key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("items_json", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("connector_key", "kind", name=op.f("pk_connector_cache")),
    )
    op.create_table(
        "connector_prefs",
        sa.Column("connector_key", sa.String(length=300), nullable=False),
        sa.Column("tool_name", sa.String(length=300), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("connector_key", "tool_name", name=op.f("pk_connector_prefs")),
    )
    op.create_table(
        "connector_state",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_connector_state")),
    )
    op.create_table(
        "connector_tool_actions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("connector_key", sa.String(length=300), nullable=False),
        sa.Column("connector_name", sa.String(length=300), nullable=False),
        sa.Column("tool_name", sa.String(length=300), nullable=False),
        sa.Column("qualified_name", sa.String(length=100), nullable=False),
        sa.Column("arguments_json", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("origin", sa.String(length=100), nullable=False),
        sa.Column("allowed_by", sa.String(length=300), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("result_json", sa.Text(), nullable=True),
        sa.Column("result_truncated", sa.Boolean(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_connector_tool_actions")),
    )
    with op.batch_alter_table("connector_tool_actions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_connector_tool_actions_connector_started", ["connector_key", "started_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_connector_tool_actions_started_at"), ["started_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_connector_tool_actions_status"), ["status"], unique=False)

    op.create_table(
        "mcp_servers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("transport", sa.String(length=10), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("headers_json", sa.Text(), nullable=False),
        sa.Column("command", sa.Text(), nullable=False),
        sa.Column("args_json", sa.Text(), nullable=False),
        sa.Column("env_json", sa.Text(), nullable=False),
        sa.Column("cwd", sa.Text(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("use_oauth", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mcp_servers")),
        sa.UniqueConstraint("name", name=op.f("uq_mcp_servers_name")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "merge_integration_providers",
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("logo_url", sa.Text(), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("categories_json", sa.Text(), nullable=False),
        sa.Column("auth_scope", sa.String(length=50), nullable=False),
        sa.Column("connected", sa.Boolean(), nullable=False),
        sa.Column("tools_json", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_merge_integration_providers")),
    )


def downgrade() -> None:
    op.drop_table("merge_integration_providers")
    op.drop_table("mcp_servers")
    with op.batch_alter_table("connector_tool_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_connector_tool_actions_status"))
        batch_op.drop_index(batch_op.f("ix_connector_tool_actions_started_at"))
        batch_op.drop_index("ix_connector_tool_actions_connector_started")

    op.drop_table("connector_tool_actions")
    op.drop_table("connector_state")
    op.drop_table("connector_prefs")
    op.drop_table("connector_cache")
