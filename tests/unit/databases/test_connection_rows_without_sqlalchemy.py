"""The saved connections read with the standard library's sqlite3 (what a `db` command does before SQLAlchemy is
loaded) are the connections the ORM reads, field for field; and finding one costs no SQLAlchemy import."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vector_desktop.domain.databases import ColorTag, ConnectionDraft, DatabaseKind, TlsMode
from vector_desktop.domain.databases import TestOutcome as Outcome
from vector_desktop.store.database_connection_rows import COLUMNS, connection_config, saved_connections
from vector_desktop.store.database_repository import DatabaseRepository
from vector_desktop.store.tables_databases import DatabaseConnectionRow

ROOT = Path(__file__).resolve().parents[3]


def _orm_connections(store: Any) -> list[Any]:
    with store.sessions() as session:
        rows = session.query(DatabaseConnectionRow).all()
        return sorted((connection_config({c: getattr(r, c) for c in COLUMNS}) for r in rows), key=lambda c: c.id)


def test_the_columns_read_are_every_column_of_the_table_but_the_update_time() -> None:
    table_columns = {column.name for column in DatabaseConnectionRow.__table__.columns}
    assert set(COLUMNS) == table_columns - {"updated_at"}


def test_sqlite3_and_the_orm_read_the_same_connections(store: Any) -> None:
    repo = DatabaseRepository(store)
    full = repo.add_connection(
        ConnectionDraft(
            "Prod ünïcode",
            DatabaseKind.POSTGRESQL,
            host="db.example.com",
            port=6543,
            database="sales",
            user="app",
            tls_mode=TlsMode.VERIFY_FULL,
            ca_file="/etc/ca.pem",
            color=ColorTag.RED,
            read_only=False,
            expose_to_ai=True,
            password="pw-1",
        )
    )
    repo.record_test(full.id, Outcome(ok=False, message="password authentication failed", at=datetime.now(UTC)))
    repo.add_connection(ConnectionDraft("bare", DatabaseKind.MYSQL))  # defaults, no port, never tested
    repo.add_connection(
        ConnectionDraft("supa", DatabaseKind.SUPABASE, supabase_url="https://ref.supabase.co", api_key="key-1")
    )
    with store.sessions.begin() as session:  # a row saved before the flags existed
        session.query(DatabaseConnectionRow).filter_by(name="bare").update({"has_password": None})

    plain = saved_connections(store)

    assert sorted(plain, key=lambda c: c.id) == _orm_connections(store)
    assert [c.name for c in plain] == ["bare", "Prod ünïcode", "supa"]  # by name, any case
    prod = next(c for c in plain if c.name == "Prod ünïcode")
    assert prod.last_tested_at is not None and prod.last_tested_at.tzinfo is UTC and prod.last_test_ok is False
    assert (prod.read_only, prod.expose_to_ai, prod.has_password, prod.has_api_key) == (False, True, True, False)
    assert next(c for c in plain if c.name == "bare").has_password is None
    assert repo.connections() == plain


def test_a_command_finds_its_connection_without_importing_sqlalchemy(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from pathlib import Path
        from vector_desktop.store.engine import open_store
        from vector_desktop.store.deferred_database_repository import DeferredDatabaseRepository

        store = open_store(Path({str(tmp_path / "s.sqlite3")!r}), Path({str(tmp_path / "b")!r}))
        deferred = DeferredDatabaseRepository(store)
        print(sorted(m for m in sys.modules if m.startswith("sqlalchemy"))[:3])
        print([c.name for c in deferred.connections()])
        print(sorted(m for m in sys.modules if m.startswith("sqlalchemy"))[:3])
        deferred.load_in_background()
        entry = deferred.add_history(1, "select 1", duration_ms=1, rows=1, error="", origin="cli")
        print(entry.sql, "sqlalchemy.orm" in sys.modules)
        """
    )
    seed = textwrap.dedent(
        f"""
        from pathlib import Path
        from vector_desktop.domain.databases import ConnectionDraft, DatabaseKind
        from vector_desktop.store.engine import open_store
        from vector_desktop.store.database_repository import DatabaseRepository

        store = open_store(Path({str(tmp_path / "s.sqlite3")!r}), Path({str(tmp_path / "b")!r}))
        DatabaseRepository(store).add_connection(ConnectionDraft("local", DatabaseKind.POSTGRESQL, host="127.0.0.1"))
        store.dispose()
        """
    )
    subprocess.run([sys.executable, "-c", seed], check=True, cwd=ROOT)
    done = subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT, capture_output=True, text=True)

    assert done.stdout.splitlines() == ["[]", "['local']", "[]", "select 1 True"]
