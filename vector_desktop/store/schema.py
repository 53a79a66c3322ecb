"""Schema revisions, new stores and Alembic upgrades. Alembic is imported only when a migration is needed
(start-up speed): a new store is made from the bundled schema at HEAD (store/fresh_store.py)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest revision; tests check that it matches Alembic's head.
HEAD = "0010"


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


def create(path: Path) -> None:
    """Make the schema at HEAD in the new or empty file `path`: in one step, or through Alembic as a fallback."""
    from vector_desktop.store.fresh_store import create_at_head

    if not create_at_head(path, HEAD):
        upgrade(path)


def upgrade(path: Path, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(path), revision)
