"""databases: saved connections (no secrets), query history, saved queries

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "database_connections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("host", sa.Text(), nullable=False),
        sa.Column("port", sa.Integer(), nullable=True),
        sa.Column("database", sa.Text(), nullable=False),
        sa.Column("username", sa.Text(), nullable=False),
        sa.Column("tls_mode", sa.String(length=20), nullable=False),
        sa.Column("ca_file", sa.Text(), nullable=False),
        sa.Column("color", sa.String(length=20), nullable=False),
        sa.Column("read_only", sa.Boolean(), nullable=False),
        sa.Column("supabase_url", sa.Text(), nullable=False),
        sa.Column("expose_to_ai", sa.Boolean(), nullable=False),
        sa.Column("last_tested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_test_ok", sa.Boolean(), nullable=True),
        sa.Column("last_test_message", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_database_connections")),
        sa.UniqueConstraint("name", name=op.f("uq_database_connections_name")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "database_query_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("connection_id", sa.Integer(), nullable=True),
        sa.Column("default_connection", sa.Boolean(), nullable=False),
        sa.Column("sql", sa.Text(), nullable=False),
        sa.Column("ran_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["connection_id"],
            ["database_connections.id"],
            name=op.f("fk_database_query_history_connection_id_database_connections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_database_query_history")),
    )
    with op.batch_alter_table("database_query_history", schema=None) as batch_op:
        batch_op.create_index("ix_database_query_history_connection_ran", ["connection_id", "ran_at"], unique=False)
    op.create_table(
        "database_saved_queries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("connection_id", sa.Integer(), nullable=True),
        sa.Column("default_connection", sa.Boolean(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sql", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["connection_id"],
            ["database_connections.id"],
            name=op.f("fk_database_saved_queries_connection_id_database_connections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_database_saved_queries")),
    )
    with op.batch_alter_table("database_saved_queries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_database_saved_queries_connection_id"), ["connection_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("database_saved_queries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_database_saved_queries_connection_id"))
    op.drop_table("database_saved_queries")
    with op.batch_alter_table("database_query_history", schema=None) as batch_op:
        batch_op.drop_index("ix_database_query_history_connection_ran")
    op.drop_table("database_query_history")
    op.drop_table("database_connections")
