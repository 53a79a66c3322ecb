"""Opening the store: new, migrated with a backup, corrupt (moved aside), newer (untouched), unwritable."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from tests.support.small_disk import fill, remount_read_only, tiny_filesystem
from vector_desktop.domain.errors import ProfileNotWritableError, StoreNewerError
from vector_desktop.store import schema
from vector_desktop.store.engine import open_store, read_revision
from vector_desktop.store.tables import Base


def test_new_store_is_created_at_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    opened = open_store(tmp_path / "s.sqlite3", tmp_path / "backups")
    try:
        assert read_revision(opened.path) == schema.HEAD
        with opened.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert opened.notice == ""
        assert not (tmp_path / "backups").exists()
    finally:
        opened.dispose()


def test_head_constant_matches_alembic_head() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(schema.alembic_config(Path("unused.sqlite3")))
    assert script.get_heads() == [schema.HEAD]
    assert {rev.revision for rev in script.walk_revisions()} == set(schema.known_revisions())


def test_migrated_schema_matches_the_table_metadata(tmp_path: Path) -> None:
    """Hand-written migrations must create exactly what the SQLAlchemy tables declare."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import vector_desktop.store.all_tables  # noqa: F401  (registers every area's tables)
    from vector_desktop.store.tables_chat import UNMANAGED_TABLES

    opened = open_store(tmp_path / "s.sqlite3", tmp_path / "backups")
    try:
        with opened.engine.connect() as connection:
            # FTS5 shadow tables are made by the migration's raw SQL, not by the metadata.
            only_managed = {
                "include_name": lambda name, kind, _parent: not (kind == "table" and name in UNMANAGED_TABLES)
            }
            diff = compare_metadata(MigrationContext.configure(connection, opts=only_managed), Base.metadata)
        assert diff == []
    finally:
        opened.dispose()


def test_older_store_is_backed_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    schema.upgrade(path, "0001")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES ('VECTOR_THEME', 'dark', '2026-01-01')"
        )
    opened = open_store(path, tmp_path / "backups")
    try:
        assert opened.backup is not None and opened.backup.exists()
        with sqlite3.connect(opened.backup) as backup:
            assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
            assert backup.execute("SELECT value FROM settings").fetchone() == ("dark",)
        with opened.engine.connect() as connection:
            assert connection.execute(text("SELECT value FROM settings")).scalar() == "dark"
        assert read_revision(path) == schema.HEAD
    finally:
        opened.dispose()


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["garbage", "damaged-header"],
)
def test_corrupt_store_is_moved_aside_never_deleted(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(content)
    opened = open_store(path, tmp_path / "backups")
    try:
        assert opened.moved_aside is not None
        assert opened.moved_aside.read_bytes() == content
        assert "kept aside" in opened.notice and str(opened.moved_aside) in opened.notice
        assert read_revision(path) == schema.HEAD
    finally:
        opened.dispose()


def test_store_from_newer_version_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    opened = open_store(path, tmp_path / "backups")
    opened.dispose()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StoreNewerError, match="newer version"):
        open_store(path, tmp_path / "backups")
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("s.sqlite3")] == []
    assert not [p for p in tmp_path.iterdir() if ".newer" in p.name or ".corrupt" in p.name]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_folder_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ProfileNotWritableError):
            open_store(folder / "s.sqlite3", folder / "backups")
    finally:
        folder.chmod(0o700)


def test_full_disk_is_reported_clearly(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "disk", 256) as disk:
        fill(disk, leave_bytes=8 * 1024)
        with pytest.raises(ProfileNotWritableError, match="is full"):
            open_store(disk / "s.sqlite3", disk / "backups")


def test_read_only_filesystem_is_reported_and_store_unchanged(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "disk", 2048) as disk:
        path = disk / "s.sqlite3"
        open_store(path, disk / "backups").dispose()
        before = path.read_bytes()
        remount_read_only(disk)
        with pytest.raises(ProfileNotWritableError, match="read-only"):
            open_store(path, disk / "backups")
        assert path.read_bytes() == before


def test_inspect_lists_foundation_tables(store) -> None:  # type: ignore[no-untyped-def]
    names = set(inspect(store.engine).get_table_names())
    assert {"settings", "jobs", "telemetry_events", "alembic_version"} <= names


def test_opening_the_store_and_reading_settings_wait_for_no_sqlalchemy(tmp_path: Path) -> None:
    """A command reads its settings before SQLAlchemy (~150 ms) is loaded; the first session loads it."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from vector_desktop.store.engine import open_store
        from vector_desktop.store.settings_repository import SettingsRepository

        opened = open_store(Path({str(tmp_path / "s.sqlite3")!r}), Path({str(tmp_path / "b")!r}))
        settings = SettingsRepository(opened)
        print(settings.load_all(), "sqlalchemy" in sys.modules)
        settings.save({{"VECTOR_LOG_LEVEL": "DEBUG"}})
        print(settings.load_all(), "sqlalchemy" in sys.modules)
        opened.dispose()
        reopened = open_store(opened.path, Path({str(tmp_path / "b")!r}))
        reopened.dispose()  # never loaded: nothing to dispose of
        print(SettingsRepository(reopened).load_all())
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [
        "{} False",
        "{'VECTOR_LOG_LEVEL': 'DEBUG'} True",
        "{'VECTOR_LOG_LEVEL': 'DEBUG'}",
    ]
