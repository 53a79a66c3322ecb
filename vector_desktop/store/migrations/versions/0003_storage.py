"""storage tables: multipart uploads (resume), their parts, issued presigned links

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "storage_uploads",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("backend_id", sa.String(length=500), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("upload_id", sa.Text(), nullable=False),
        sa.Column("local_path", sa.Text(), nullable=False),
        sa.Column("file_size", sa.BigInteger(), nullable=False),
        sa.Column("file_mtime_ns", sa.BigInteger(), nullable=False),
        sa.Column("part_size", sa.BigInteger(), nullable=False),
        sa.Column("content_type", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_storage_uploads")),
    )
    with op.batch_alter_table("storage_uploads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_storage_uploads_backend_id"), ["backend_id"], unique=False)

    op.create_table(
        "storage_upload_parts",
        sa.Column("upload_row_id", sa.Integer(), nullable=False),
        sa.Column("part_number", sa.Integer(), nullable=False),
        sa.Column("etag", sa.String(length=200), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["upload_row_id"],
            ["storage_uploads.id"],
            name=op.f("fk_storage_upload_parts_upload_row_id_storage_uploads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("upload_row_id", "part_number", name=op.f("pk_storage_upload_parts")),
    )

    op.create_table(
        "storage_issued_links",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("backend_id", sa.String(length=500), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_storage_issued_links")),
    )
    with op.batch_alter_table("storage_issued_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_storage_issued_links_backend_id"), ["backend_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_storage_issued_links_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_storage_issued_links_expires_at"), ["expires_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("storage_issued_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_storage_issued_links_expires_at"))
        batch_op.drop_index(batch_op.f("ix_storage_issued_links_created_at"))
        batch_op.drop_index(batch_op.f("ix_storage_issued_links_backend_id"))
    op.drop_table("storage_issued_links")
    op.drop_table("storage_upload_parts")
    with op.batch_alter_table("storage_uploads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_storage_uploads_backend_id"))
    op.drop_table("storage_uploads")
