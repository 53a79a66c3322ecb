"""Alembic environment: runs migrations on the SQLite file named in the config."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from vector_desktop.store import all_tables, tables_chat  # noqa: F401
from vector_desktop.store.tables import Base

config = context.config
target_metadata = Base.metadata


def include_name(name, type_, parent_names):  # type: ignore[no-untyped-def]
    # FTS5 tables are made by hand-written SQL in the migrations; autogenerate must not try to drop them.
    return not (type_ == "table" and name in tables_chat.UNMANAGED_TABLES)


def run_migrations_online() -> None:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
