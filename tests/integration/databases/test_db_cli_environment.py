"""`vector-desktop db` reads DATABASE_URL (a secret setting: the keychain may hold it) only when the command may use
the "default" connection: `ls`, or NAME "default" / "db:0". A command on a saved connection leaves it alone."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tests.integration.databases.test_db_cli import keychain_text, run
from tests.support.fixtures_databases import DbTarget
from tests.support.fixtures_databases import pg_target as pg_target
from vector_desktop.commands.db_run import needs_environment


@pytest.mark.parametrize(
    ("action", "name", "needed"),
    [
        ("ls", None, True),
        ("query", "default", True),
        ("query", " Default ", True),
        ("test", "db:0", True),
        ("rm", "default", True),
        ("ai", "default", True),
        ("query", "shop", False),
        ("describe", "db:1", False),
        ("add", "shop", False),
    ],
)
def test_which_commands_read_database_url(action: str, name: str | None, needed: bool) -> None:
    args = argparse.Namespace(db_action=action, **({} if name is None else {"name": name}))
    assert needs_environment(args) is needed


def test_a_saved_connection_leaves_database_url_alone(
    subprocess_env: dict[str, str], profile_dir: Path, pg_target: DbTarget
) -> None:
    added = run(subprocess_env, profile_dir, "add", "shop", pg_target.url(with_password=False) + "?sslmode=disable")
    assert added.returncode == 0, added
    # Every command used to move DATABASE_URL's password into the keychain when it started.
    env = {**subprocess_env, "DATABASE_URL": pg_target.url() + "?sslmode=disable"}
    queried = run(env, profile_dir, "query", "shop", "SELECT current_user AS who", "--format", "text")
    assert (queried.returncode, queried.stdout, queried.stderr) == (0, f"who\n{pg_target.user}\n", "")
    assert pg_target.password not in keychain_text(env)
    by_default = run(env, profile_dir, "query", "default", "SELECT 1 AS one")
    assert (by_default.returncode, by_default.stdout) == (0, "one\n1\n")
    assert pg_target.password in keychain_text(env)  # "default" is read, and its password moved, as before
    missing = run(env, profile_dir, "query", "nothere", "SELECT 1")
    assert missing.stderr == "vector-desktop: There is no database connection named “nothere”.\n"
