"""Schema revisions and Alembic upgrades. Alembic is imported only when a migration is needed (start-up speed)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest revision; tests check that it matches Alembic's head.
HEAD = "0009"


@cache
def known_revisions() -> frozenset[str]:
    """Revision ids of the migration scripts shipped with this version (read without importing Alembic)."""
    pattern = re.compile(r'^revision\s*(?::\s*str\s*)?=\s*["\']([^"\']+)["\']', re.MULTILINE)
    found = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        match = pattern.search(script.read_text(encoding="utf-8"))
        if match:
            found.add(match.group(1))
    return frozenset(found)


def alembic_config(path: Path):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return config


def upgrade(path: Path, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(path), revision)
