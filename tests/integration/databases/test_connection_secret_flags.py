"""Saved connections remember whether they have a password (issue 12), against the machine's PostgreSQL: one without
never asks the keychain (in a child process `db query` does not even import keyring), one with it asks and connects
with it, and a connection saved before the flags existed still reads its password from the keychain.

Passwords are checked by tests/support/pg_auth_refuser.py in front of the server (which trusts local logins)."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.databases.test_db_cli import REPO_ROOT, run
from tests.support.fixtures_databases import DbTarget
from tests.support.fixtures_databases import pg_target as pg_target
from tests.support.memory_keyring import MemoryKeyring
from tests.support.pg_auth_refuser import pg_auth_refuser
from vector_desktop.core import keychain_service, make_databases, open_core
from vector_desktop.domain.databases import AuthenticationFailedError, DatabaseKind, db_secret_ref
from vector_desktop.paths import AppPaths
from vector_desktop.secrets import SecretStore
from vector_desktop.services.databases.connection_drafts import draft_of
from vector_desktop.services.databases.databases_service import DatabasesService
from vector_desktop.store import schema


class AskedKeyring(MemoryKeyring):
    """The in-memory keychain, recording every call as (operation, entry)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, str]] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.calls.append(("get", username))
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls.append(("set", username))
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self.calls.append(("delete", username))
        super().delete_password(service, username)


@contextlib.asynccontextmanager
async def databases(paths: AppPaths, keychain: AskedKeyring) -> AsyncIterator[DatabasesService]:
    """The service over a fresh SecretStore (nothing remembered from an earlier one) on `keychain`, without
    DATABASE_URL's "default" (a secret setting: reading it asks the keychain), as `db query NAME` opens it."""
    core = open_core(paths, environ={}, secrets=SecretStore(keychain_service(paths), backend=keychain))
    service = make_databases(core)
    await service.open(environment=False)
    try:
        yield service
    finally:
        await service.close()
        core.close()


async def who(service: DatabasesService, connection_id: int) -> list[tuple[Any, ...]]:
    handle = await service.run(connection_id, "SELECT current_user")
    try:
        return list(await handle.fetch(10))
    finally:
        await handle.close()


def through(refuser_port: int, url: str, target: DbTarget) -> str:
    return url.replace(f"@{target.host}:{target.port}", f"@127.0.0.1:{refuser_port}")


@pytest.mark.asyncio
async def test_a_connection_without_a_password_never_asks_the_keychain(
    app_paths: AppPaths, pg_target: DbTarget
) -> None:
    keychain = AskedKeyring()
    async with databases(app_paths, keychain) as service:
        config = await service.add_url("local", pg_target.url(with_password=False) + "?sslmode=disable")
        assert (config.has_password, config.has_api_key) == (False, False)
    keychain.calls.clear()
    async with databases(app_paths, keychain) as service:  # a new session: nothing cached
        assert service.find("local").has_password is False
        assert await who(service, config.id) == [(pg_target.user,)]
        assert await who(service, config.id) == [(pg_target.user,)]
        await service.test(config.id)
    assert keychain.calls == []


@pytest.mark.asyncio
async def test_a_connection_with_a_password_asks_for_it_and_connects_with_it(
    app_paths: AppPaths, pg_target: DbTarget
) -> None:
    keychain = AskedKeyring()
    with pg_auth_refuser(pg_target.host, pg_target.port, pg_target.password) as refuser:
        url = through(refuser.port, pg_target.url(), pg_target) + "?sslmode=disable"
        async with databases(app_paths, keychain) as service:
            config = await service.add_url("guarded", url)
            assert (config.has_password, config.has_api_key) == (True, False)
        keychain.calls.clear()
        async with databases(app_paths, keychain) as service:
            assert await who(service, config.id) == [(pg_target.user,)]
        password_ref = db_secret_ref(config.id, "password")
        assert keychain.calls and set(keychain.calls) == {("get", password_ref)}  # never the Supabase key

        # Removing the password in the dialog (draft.password == ""): the keychain entry and the flag go.
        async with databases(app_paths, keychain) as service:
            edited = await service.update(config.id, draft_of(service.connection(config.id), password=""))
            assert edited.has_password is False
        assert (keychain_service(app_paths), password_ref) not in keychain.values
        keychain.calls.clear()
        async with databases(app_paths, keychain) as service:
            with pytest.raises(AuthenticationFailedError):
                await who(service, config.id)  # the refuser wants one; none is sent
        assert keychain.calls == []


@pytest.mark.asyncio
async def test_a_connection_saved_before_the_flags_reads_its_password(app_paths: AppPaths, pg_target: DbTarget) -> None:
    keychain = AskedKeyring()
    app_paths.ensure()
    schema.upgrade(app_paths.store_file, "0009")
    with pg_auth_refuser(pg_target.host, pg_target.port, pg_target.password) as refuser:
        with sqlite3.connect(app_paths.store_file) as db:
            db.execute(
                "INSERT INTO database_connections (id, name, kind, host, port, database, username, tls_mode, "
                "ca_file, color, read_only, supabase_url, expose_to_ai, last_test_message, created_at, updated_at) "
                "VALUES (1, 'old', ?, '127.0.0.1', ?, ?, ?, 'disable', '', '', 1, '', 0, '', "
                "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')",
                (DatabaseKind.POSTGRESQL.value, refuser.port, pg_target.database, pg_target.user),
            )
        db.close()
        keychain.values[(keychain_service(app_paths), db_secret_ref(1, "password"))] = pg_target.password
        async with databases(app_paths, keychain) as service:
            old = service.find("old")
            assert (old.has_password, old.has_api_key) == (None, None)
            assert await who(service, 1) == [(pg_target.user,)]
    assert ("get", db_secret_ref(1, "password")) in keychain.calls
    assert ("get", db_secret_ref(1, "api_key")) in keychain.calls  # not known: asked, as before


QUERY_AND_REPORT = """
import sys
from vector_desktop.app import main
code = main(["db", "--profile", sys.argv[1], "query", sys.argv[2], "SELECT 1 AS one"])
sys.stdout.flush()
sys.stderr.write("keyring imported: %s\\n" % ("keyring" in sys.modules))
raise SystemExit(code)
"""


def test_db_query_on_a_connection_without_a_password_does_not_import_keyring(
    subprocess_env: dict[str, str], profile_dir: Path, pg_target: DbTarget
) -> None:
    added = run(subprocess_env, profile_dir, "add", "shop", pg_target.url(with_password=False) + "?sslmode=disable")
    assert added.returncode == 0, added
    queried = subprocess.run(
        [sys.executable, "-c", QUERY_AND_REPORT, str(profile_dir), "shop"],
        env=subprocess_env,
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (queried.returncode, queried.stdout, queried.stderr) == (0, "one\n1\n", "keyring imported: False\n")
