"""Database connections in a real SQLite store: every field but the secrets, unique names, "last tested",
history kept per connection (the DATABASE_URL connection too), saved queries, and deletes that cascade."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from vector_desktop.domain.databases import (
    DEFAULT_CONNECTION_ID,
    ColorTag,
    ConnectionDraft,
    ConnectionNotFoundError,
    ConnectionValidationError,
    DatabaseKind,
    TlsMode,
)
from vector_desktop.domain.databases import TestOutcome as Outcome
from vector_desktop.store.database_repository import DatabaseRepository

SECRET = "pw-4f9a2c7e1b"


@pytest.fixture
def repo(store: Any) -> DatabaseRepository:
    return DatabaseRepository(store)


def stored_text(path: Path) -> str:
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("select name from sqlite_master where type = 'table'")]
        return json.dumps([list(map(str, r)) for t in tables for r in db.execute(f'select * from "{t}"')])


def pg(name: str = "Sales", **kw: Any) -> ConnectionDraft:
    return ConnectionDraft(name, DatabaseKind.POSTGRESQL, host="db.example.com", database="sales", user="app", **kw)


def test_every_field_is_kept_but_the_secrets(repo: DatabaseRepository, store: Any) -> None:
    draft = ConnectionDraft(
        "Prod 🐘",
        DatabaseKind.SUPABASE,
        host="db.abc.supabase.co",
        port=6543,
        database="postgres",
        user="postgres.abc",
        tls_mode=TlsMode.VERIFY_FULL,
        ca_file="/etc/ssl/ca.pem",
        color=ColorTag.RED,
        read_only=False,
        supabase_url="https://abc.supabase.co",
        expose_to_ai=True,
        password=SECRET,
        api_key=SECRET + "-key",
    )
    added = repo.add_connection(draft)
    assert added.id >= 1 and added.created_at is not None and added.created_at.tzinfo is not None
    again = repo.connection(added.id)
    assert again == added
    assert (again.name, again.kind, again.host, again.port, again.database, again.user) == (
        "Prod 🐘",
        DatabaseKind.SUPABASE,
        "db.abc.supabase.co",
        6543,
        "postgres",
        "postgres.abc",
    )
    assert (again.tls_mode, again.ca_file, again.color, again.read_only, again.expose_to_ai) == (
        TlsMode.VERIFY_FULL,
        "/etc/ssl/ca.pem",
        ColorTag.RED,
        False,
        True,
    )
    assert again.supabase_url == "https://abc.supabase.co" and not again.from_environment
    assert SECRET not in stored_text(store.path)


def test_names_are_unique_whatever_their_case(repo: DatabaseRepository) -> None:
    first = repo.add_connection(pg("Sales"))
    with pytest.raises(ConnectionValidationError) as caught:
        repo.add_connection(pg("sales"))
    assert caught.value.field == "name"
    other = repo.add_connection(pg("Reports"))
    with pytest.raises(ConnectionValidationError):
        repo.update_connection(other.id, pg("SALES"))
    renamed = repo.update_connection(first.id, pg("sales", read_only=False))
    assert (renamed.name, renamed.read_only) == ("sales", False)
    assert [c.name for c in repo.connections()] == ["Reports", "sales"]
    with pytest.raises(ConnectionNotFoundError):
        repo.update_connection(999, pg("Gone"))


def test_last_test_is_recorded_and_forgotten_when_the_target_changes(repo: DatabaseRepository) -> None:
    added = repo.add_connection(pg())
    at = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    repo.record_test(added.id, Outcome(False, "The password was refused.", at))
    tested = repo.connection(added.id)
    assert tested is not None
    assert (tested.last_tested_at, tested.last_test_ok, tested.last_test_message) == (
        at,
        False,
        "The password was refused.",
    )
    recolored = repo.update_connection(added.id, pg(color=ColorTag.GREEN))
    assert recolored.last_test_ok is False  # same server: still true
    moved = repo.update_connection(added.id, ConnectionDraft("Sales", DatabaseKind.POSTGRESQL, host="other"))
    assert (moved.last_tested_at, moved.last_test_ok, moved.last_test_message) == (None, None, "")


def test_history_newest_first_searchable_and_capped(repo: DatabaseRepository) -> None:
    one = repo.add_connection(pg("One"))
    two = repo.add_connection(pg("Two"))
    for n in range(7):
        repo.add_history(one.id, f"SELECT {n} AS n_{n}", duration_ms=n, rows=1, error="", origin="editor", keep=5)
    repo.add_history(two.id, "SELECT 'two'", duration_ms=None, rows=None, error="boom.", origin="cli")
    entries = repo.history(one.id)
    assert [e.sql for e in entries] == [f"SELECT {n} AS n_{n}" for n in (6, 5, 4, 3, 2)]
    assert entries[0].ran_at.tzinfo is not None and entries[0].duration_ms == 6
    assert [e.sql for e in repo.history(one.id, text="n_4")] == ["SELECT 4 AS n_4"]
    assert repo.history(one.id, text="%") == []  # the search text is literal, not a LIKE pattern
    assert [e.sql for e in repo.history(one.id, limit=2)] == ["SELECT 6 AS n_6", "SELECT 5 AS n_5"]
    [other] = repo.history(two.id)
    assert (other.error, other.origin, other.rows, other.connection_id) == ("boom.", "cli", None, two.id)
    with pytest.raises(ConnectionNotFoundError):
        repo.add_history(999, "SELECT 1", duration_ms=1, rows=1, error="", origin="editor")


def test_the_default_connection_has_history_and_saved_queries_without_a_row(repo: DatabaseRepository) -> None:
    saved = repo.add_connection(pg())
    entry = repo.add_history(DEFAULT_CONNECTION_ID, "SELECT now()", duration_ms=3, rows=1, error="", origin="cli")
    assert entry.connection_id == DEFAULT_CONNECTION_ID
    assert [e.sql for e in repo.history(DEFAULT_CONNECTION_ID)] == ["SELECT now()"]
    assert repo.history(saved.id) == []
    query = repo.save_query("Clock", "SELECT now()", DEFAULT_CONNECTION_ID)
    assert query.connection_id == DEFAULT_CONNECTION_ID
    assert [q.name for q in repo.saved_queries(DEFAULT_CONNECTION_ID)] == ["Clock"]
    assert repo.saved_queries(saved.id) == []


def test_saved_queries_per_connection_and_for_any(repo: DatabaseRepository) -> None:
    one = repo.add_connection(pg("One"))
    two = repo.add_connection(pg("Two"))
    anywhere = repo.save_query("Version", "SELECT version()", None)
    mine = repo.save_query("big tables", "SELECT 1", one.id)
    assert [q.name for q in repo.saved_queries(one.id)] == ["big tables", "Version"]
    assert [q.name for q in repo.saved_queries(two.id)] == ["Version"]
    assert {q.name for q in repo.saved_queries()} == {"big tables", "Version"}
    edited = repo.save_query("Big tables", "SELECT 2", one.id, query_id=mine.id)
    assert (edited.id, edited.name, edited.sql) == (mine.id, "Big tables", "SELECT 2")
    assert anywhere.connection_id is None and anywhere.updated_at is not None
    repo.delete_saved_query(anywhere.id)
    assert [q.name for q in repo.saved_queries(two.id)] == []
    with pytest.raises(ConnectionValidationError):
        repo.save_query("x", "SELECT 1", one.id, query_id=anywhere.id)


def test_deleting_a_connection_takes_its_history_and_saved_queries(repo: DatabaseRepository, store: Any) -> None:
    doomed = repo.add_connection(pg("Doomed"))
    kept = repo.add_connection(pg("Kept"))
    repo.add_history(doomed.id, "SELECT 'doomed'", duration_ms=1, rows=1, error="", origin="editor")
    repo.add_history(kept.id, "SELECT 'kept'", duration_ms=1, rows=1, error="", origin="editor")
    repo.save_query("doomed query", "SELECT 1", doomed.id)
    repo.save_query("for all", "SELECT 1", None)
    repo.delete_connection(doomed.id)
    assert repo.connection(doomed.id) is None
    assert "doomed" not in stored_text(store.path)
    assert [e.sql for e in repo.history(kept.id)] == ["SELECT 'kept'"]
    assert [q.name for q in repo.saved_queries()] == ["for all"]
    again = repo.add_connection(pg("Doomed"))
    assert again.id > kept.id  # ids are never reused: a new connection never inherits keychain entries


def test_the_foreign_keys_cascade_in_sqlite_itself(repo: DatabaseRepository, store: Any) -> None:
    doomed = repo.add_connection(pg("Doomed"))
    repo.add_history(doomed.id, "SELECT 1", duration_ms=1, rows=1, error="", origin="editor")
    repo.save_query("q", "SELECT 1", doomed.id)
    with sqlite3.connect(store.path) as db:
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("DELETE FROM database_connections WHERE id = ?", (doomed.id,))
        counts = [
            db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("database_query_history", "database_saved_queries")
        ]
    assert counts == [0, 0]
