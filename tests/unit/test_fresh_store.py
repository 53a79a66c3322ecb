"""A new store is made in one step from migrations/head_schema.sql, without Alembic, and is the same store the
migrations make: same objects, same SQL, same revision; its full-text search and triggers work."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support.small_disk import fill, tiny_filesystem
from vector_desktop.domain.chat import Role
from vector_desktop.domain.errors import ProfileNotWritableError
from vector_desktop.store import schema
from vector_desktop.store.chat_repository import ChatRepository
from vector_desktop.store.engine import open_store, read_revision
from vector_desktop.store.fresh_store import HEAD_SCHEMA_FILE, create_at_head, render_schema, split_statements


def schema_of(path: Path) -> dict[str, object]:
    connection = sqlite3.connect(path)
    try:
        objects = sorted(
            (kind, name, table, re.sub(r"\s+", " ", sql or "").strip())
            for kind, name, table, sql in connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
        )
        return {
            "objects": objects,
            "user_version": connection.execute("PRAGMA user_version").fetchone()[0],
            "revision": connection.execute("SELECT version_num FROM alembic_version").fetchall(),
        }
    finally:
        connection.close()


@pytest.fixture(scope="module")
def migrated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store made the old way: Alembic through every migration."""
    path = tmp_path_factory.mktemp("migrated") / "s.sqlite3"
    schema.upgrade(path)
    return path


def test_new_store_has_exactly_the_schema_the_migrations_make(tmp_path: Path, migrated_store: Path) -> None:
    opened = open_store(tmp_path / "s.sqlite3", tmp_path / "backups")
    opened.dispose()
    fresh, migrated = schema_of(opened.path), schema_of(migrated_store)
    assert fresh == migrated
    assert fresh["revision"] == [(schema.HEAD,)]
    names = {name for _kind, name, _table, _sql in fresh["objects"]}  # type: ignore[attr-defined]
    assert {"messages_fts", "messages_fts_ai", "messages_fts_ad", "messages_fts_au", "email_outbox"} <= names


def test_head_schema_file_is_what_the_migrations_make(migrated_store: Path) -> None:
    connection = sqlite3.connect(migrated_store)
    try:
        expected = render_schema(connection, schema.HEAD)
    finally:
        connection.close()
    assert HEAD_SCHEMA_FILE.read_text(encoding="utf-8") == expected, (
        "store/migrations/head_schema.sql is stale: run python scripts/build_store_schema.py"
    )


def test_new_store_is_made_without_importing_alembic(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from vector_desktop.store.engine import open_store
        open_store(Path({str(tmp_path / "s.sqlite3")!r}), Path({str(tmp_path / "backups")!r})).dispose()
        print(sorted(name for name in sys.modules if name.split(".")[0] == "alembic"))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert read_revision(tmp_path / "s.sqlite3") == schema.HEAD


def test_search_and_its_triggers_work_in_a_new_store(tmp_path: Path) -> None:
    opened = open_store(tmp_path / "s.sqlite3", tmp_path / "backups")
    try:
        chats = ChatRepository(opened.sessions)
        conversation = chats.create_conversation(title="Trip")
        question = chats.add_message(conversation.id, Role.USER, "Which ferry goes to Hydra?")
        chats.add_message(conversation.id, Role.TOOL, "ferry timetable output", tool_call_id="c1")
        assert [hit.message_id for hit in chats.search("ferry")] == [question.id]  # tool results are not indexed
        chats.update_message(question.id, content="Which boat goes to Hydra?")
        assert chats.search("ferry") == []
        assert [hit.message_id for hit in chats.search("boat")] == [question.id]
        chats.delete_messages([question.id])
        assert chats.search("boat") == []
    finally:
        opened.dispose()


def test_an_empty_file_gets_the_schema_too(tmp_path: Path, migrated_store: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.touch()
    open_store(path, tmp_path / "backups").dispose()
    assert schema_of(path) == schema_of(migrated_store)


def test_a_first_run_on_a_full_disk_leaves_nothing_half_made(tmp_path: Path, migrated_store: Path) -> None:
    with tiny_filesystem(tmp_path / "disk", 2048) as disk:
        fill(disk, leave_bytes=16 * 1024)
        with pytest.raises(ProfileNotWritableError, match="is full"):
            open_store(disk / "s.sqlite3", disk / "backups")
        (disk / "filler.bin").unlink()
        opened = open_store(disk / "s.sqlite3", disk / "backups")  # the next run, with space again
        opened.dispose()
        assert opened.moved_aside is None
        assert schema_of(disk / "s.sqlite3") == schema_of(migrated_store)


def test_a_store_someone_else_made_first_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    open_store(path, tmp_path / "backups").dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO settings (key, value, updated_at) VALUES ('VECTOR_THEME', 'dark', 'now')")
    connection.close()
    assert create_at_head(path, schema.HEAD) is False
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT value FROM settings").fetchall() == [("dark",)]
    connection.close()


def test_a_schema_file_of_another_revision_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    assert create_at_head(path, "0001") is False
    assert not path.exists()


def test_statements_split_at_their_end_not_inside_a_trigger() -> None:
    script = (
        "-- revision: 0001\n\nCREATE TABLE t (\n\ta INTEGER, \n\tb TEXT\n);\n\n"
        "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN INSERT INTO t (a) VALUES (1); DELETE FROM t; END;\n"
    )
    assert split_statements(script) == [
        "CREATE TABLE t (\n\ta INTEGER, \n\tb TEXT\n)",
        "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN INSERT INTO t (a) VALUES (1); DELETE FROM t; END",
    ]
    with pytest.raises(ValueError, match="incomplete"):
        split_statements("CREATE TABLE t (a INTEGER")
