"""Write the next Alembic migration by comparing the tables with a store at the current head.

Usage: python scripts/new_migration.py REV_ID "message"
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from vector_desktop.store import schema


def main() -> int:
    rev_id, message = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.sqlite3"
        config = schema.alembic_config(db)
        if schema.known_revisions():
            command.upgrade(config, "head")
        command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
    print("Next: check the script, raise HEAD in store/schema.py, run scripts/build_store_schema.py (new stores).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
