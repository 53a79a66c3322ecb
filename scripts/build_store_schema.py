"""Write vector_desktop/store/migrations/head_schema.sql: the schema the migrations make, for new stores.

python scripts/build_store_schema.py          # after adding a migration (and raising store/schema.py HEAD)
python scripts/build_store_schema.py --check  # exit 1 when the file is missing or differs
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path

from vector_desktop.store import schema
from vector_desktop.store.fresh_store import HEAD_SCHEMA_FILE, render_schema

ROOT = Path(__file__).resolve().parent.parent


def migrated_schema() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.sqlite3"
        schema.upgrade(db)
        connection = sqlite3.connect(db)
        try:
            return render_schema(connection, schema.HEAD)
        finally:
            connection.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    args = parser.parse_args()
    text = migrated_schema()
    current = HEAD_SCHEMA_FILE.read_text(encoding="utf-8") if HEAD_SCHEMA_FILE.exists() else None
    if args.check:
        if current != text:
            print(f"{HEAD_SCHEMA_FILE.relative_to(ROOT)} is stale: run python scripts/build_store_schema.py")
            return 1
        return 0
    if current != text:
        HEAD_SCHEMA_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {HEAD_SCHEMA_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
