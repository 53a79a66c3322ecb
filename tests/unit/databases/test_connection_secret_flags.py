"""A saved connection records whether the keychain holds its password / Supabase key (issue 12): the store sets the
flags from the draft (never the secret), an older store's rows upgrade as "not known", setup import sets them, and
a secret known to be absent is never looked up."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.support.memory_keyring import MemoryKeyring
from vector_desktop.domain.databases import ConnectionConfig, ConnectionDraft, DatabaseKind, db_secret_ref
from vector_desktop.paths import AppPaths
from vector_desktop.secrets import SecretStore
from vector_desktop.services.databases.connection_secrets import read_secrets
from vector_desktop.services.setup.sections.databases import DatabasesSection
from vector_desktop.store import schema
from vector_desktop.store.database_repository import DatabaseRepository
from vector_desktop.store.engine import open_store, read_revision

SECRET = "pw-7d1e0c93aa"


class AskedKeeper:
    """A SecretKeeper that records every key asked for."""

    def __init__(self, values: dict[str, str] | None = None) -> None:
        self.values = dict(values or {})
        self.asked: list[str] = []

    def get(self, key: str) -> str | None:
        self.asked.append(key)
        return self.values.get(key)

    def set(self, key: str, value: str) -> None:
        self.values[key] = value

    def delete(self, key: str) -> None:
        self.values.pop(key, None)


@pytest.fixture
def repo(store: Any) -> DatabaseRepository:
    return DatabaseRepository(store)


def pg(name: str = "Local", **kw: Any) -> ConnectionDraft:
    return ConnectionDraft(name, DatabaseKind.POSTGRESQL, host="127.0.0.1", database="app", user="app", **kw)


def flags(config: ConnectionConfig | None) -> tuple[bool | None, bool | None]:
    assert config is not None
    return config.has_password, config.has_api_key


def test_the_flags_follow_what_the_draft_does_to_the_keychain(repo: DatabaseRepository, store: Any) -> None:
    bare = repo.add_connection(pg("Bare"))
    assert flags(bare) == (False, False) == flags(repo.connection(bare.id))
    given = repo.add_connection(pg("Given", password=SECRET))
    assert flags(repo.connection(given.id)) == (True, False)
    emptied = repo.add_connection(pg("Emptied", password="", api_key=""))
    assert flags(emptied) == (False, False)
    # Editing: None leaves the flag as it was, "" removes the secret, text stores one.
    assert flags(repo.update_connection(given.id, pg("Given", read_only=False))) == (True, False)
    assert flags(repo.update_connection(given.id, pg("Given", password=""))) == (False, False)
    assert flags(repo.update_connection(bare.id, pg("Bare", password=SECRET, api_key="k-1"))) == (True, True)
    assert flags(repo.connection(bare.id)) == (True, True)
    with sqlite3.connect(store.path) as db:
        stored = db.execute("SELECT name, has_password, has_api_key FROM database_connections ORDER BY id").fetchall()
        assert SECRET not in repr(db.execute("SELECT * FROM database_connections").fetchall())
    assert stored == [("Bare", 1, 1), ("Given", 0, 0), ("Emptied", 0, 0)]


def test_a_secret_known_to_be_absent_is_not_looked_up() -> None:
    keeper = AskedKeeper({db_secret_ref(4, "password"): SECRET})
    base = ConnectionConfig(id=4, name="x", kind=DatabaseKind.POSTGRESQL)
    assert read_secrets(keeper, base) == (SECRET, "")  # not known: both asked, as before
    assert keeper.asked == [db_secret_ref(4, "password"), db_secret_ref(4, "api_key")]
    keeper.asked.clear()
    assert read_secrets(keeper, ConnectionConfig(4, "x", DatabaseKind.POSTGRESQL, has_password=False)) == ("", "")
    assert keeper.asked == [db_secret_ref(4, "api_key")]
    keeper.asked.clear()
    known = ConnectionConfig(4, "x", DatabaseKind.POSTGRESQL, has_password=True, has_api_key=False)
    assert read_secrets(keeper, known) == (SECRET, "")
    assert keeper.asked == [db_secret_ref(4, "password")]


def make_0009_store(path: Path) -> None:
    schema.upgrade(path, "0009")
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO database_connections (id, name, kind, host, port, database, username, tls_mode, ca_file, "
            "color, read_only, supabase_url, expose_to_ai, last_test_message, created_at, updated_at) VALUES "
            "(1, 'Old', 'postgresql', '127.0.0.1', 5432, 'app', 'app', 'disable', '', '', 1, '', 0, '', "
            "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')"
        )


def test_an_older_store_upgrades_with_the_flags_unknown(app_paths: AppPaths) -> None:
    app_paths.ensure()
    make_0009_store(app_paths.store_file)
    opened = open_store(app_paths.store_file, app_paths.backup_dir)
    try:
        assert read_revision(app_paths.store_file) == schema.HEAD
        repo = DatabaseRepository(opened)
        old = repo.connection(1)
        assert flags(old) == (None, None)
        assert old is not None and old.may_have_secret("password") and old.may_have_secret("api_key")
        keeper = AskedKeeper({db_secret_ref(1, "password"): SECRET})
        assert read_secrets(keeper, old) == (SECRET, "")
        # The first edit that says something about a secret records it.
        assert flags(repo.update_connection(1, pg("Old", password=""))) == (False, None)
    finally:
        opened.dispose()


def test_the_downgrade_drops_only_the_flags(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "s.sqlite3"
    schema.upgrade(path)
    command.downgrade(schema.alembic_config(path), "0009")
    with sqlite3.connect(path) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(database_connections)")}
    assert "has_password" not in columns and "has_api_key" not in columns and "supabase_url" in columns


def test_setup_import_records_the_secrets_it_puts_in_the_keychain(store: Any) -> None:
    backend = MemoryKeyring()
    secrets = SecretStore("flags-unit", backend=backend)
    repo = DatabaseRepository(store)
    section = DatabasesSection(repo, secrets)
    section.apply(
        {
            "items": [
                {"name": "With", "kind": "postgresql", "host": "h", "password": SECRET},
                {"name": "Without", "kind": "postgresql", "host": "h"},
                {"name": "Supa", "kind": "supabase", "supabase_url": "https://abc.supabase.co", "api_key": "k-9"},
            ]
        }
    )
    by_name = {c.name: c for c in repo.connections()}
    assert flags(by_name["With"]) == (True, False)
    assert flags(by_name["Without"]) == (False, False)
    assert flags(by_name["Supa"]) == (False, True)
    assert backend.values[(secrets.service, db_secret_ref(by_name["With"].id, "password"))] == SECRET
    # Importing again with the password gone clears the flag; with one given, sets it.
    section.apply(
        {
            "items": [
                {"name": "With", "kind": "postgresql", "host": "h"},
                {"name": "Without", "kind": "postgresql", "host": "h", "password": SECRET},
            ]
        }
    )
    by_name = {c.name: c for c in repo.connections()}
    assert flags(by_name["With"]) == (False, False)
    assert flags(by_name["Without"]) == (True, False)
    assert (secrets.service, db_secret_ref(by_name["With"].id, "password")) not in backend.values
    exported = {item["name"]: item for item in section.export()["items"]}
    assert (exported["With"]["password"], exported["Without"]["password"]) == ("", SECRET)
