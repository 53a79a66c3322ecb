"""tool policy: per-tool and per-connector policies, connector trust, rules, grants, conversation tool choices

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tool_policies",
        sa.Column("connector_key", sa.String(length=300), nullable=False),
        sa.Column("tool_name", sa.String(length=300), nullable=False),
        sa.Column("policy", sa.String(length=10), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("connector_key", "tool_name", name=op.f("pk_tool_policies")),
    )
    op.create_table(
        "tool_policy_trust",
        sa.Column("connector_key", sa.String(length=300), nullable=False),
        sa.Column("trusted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("connector_key", name=op.f("pk_tool_policy_trust")),
    )
    op.create_table(
        "tool_rules",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tool", sa.String(length=300), nullable=False),
        sa.Column("connector_key", sa.String(length=300), nullable=False),
        sa.Column("matchers_json", sa.Text(), nullable=False),
        sa.Column("effect", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tool_rules")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "tool_grants",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("qualified_name", sa.String(length=100), nullable=False),
        sa.Column("connector_key", sa.String(length=300), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("conversation_id", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("matchers_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tool_grants")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "conversation_tools",
        sa.Column("conversation_id", sa.String(length=64), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("chosen_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("conversation_id", name=op.f("pk_conversation_tools")),
    )


def downgrade() -> None:
    op.drop_table("conversation_tools")
    op.drop_table("tool_grants")
    op.drop_table("tool_rules")
    op.drop_table("tool_policy_trust")
    op.drop_table("tool_policies")
