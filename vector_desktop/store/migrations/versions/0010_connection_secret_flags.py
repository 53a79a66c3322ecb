"""saved database connections record whether the keychain holds their password / API key (NULL = not known)

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("database_connections") as batch:
        batch.add_column(sa.Column("has_password", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("has_api_key", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("database_connections") as batch:
        batch.drop_column("has_api_key")
        batch.drop_column("has_password")
