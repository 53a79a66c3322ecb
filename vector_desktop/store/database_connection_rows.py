"""A saved database connection's row as a ConnectionConfig, and the saved connections read with the standard
library's sqlite3, so a `db` command finds its connection before SQLAlchemy is loaded (store/engine.py). No
SQLAlchemy here: DatabaseRepository reads its rows through these too."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import closing
from datetime import datetime
from typing import TYPE_CHECKING, Any

from vector_desktop.domain.databases import ColorTag, ConnectionConfig, DatabaseKind, TlsMode
from vector_desktop.store.timestamps import aware

if TYPE_CHECKING:
    from vector_desktop.store.engine import OpenedStore

# The columns of database_connections a ConnectionConfig is made of (tests check them against the table).
COLUMNS = (
    "id",
    "name",
    "kind",
    "host",
    "port",
    "database",
    "username",
    "tls_mode",
    "ca_file",
    "color",
    "read_only",
    "supabase_url",
    "expose_to_ai",
    "last_tested_at",
    "last_test_ok",
    "last_test_message",
    "created_at",
    "has_password",
    "has_api_key",
)
_FLAGS = ("read_only", "expose_to_ai")
_MAYBE_FLAGS = ("last_test_ok", "has_password", "has_api_key")
_TIMES = ("last_tested_at", "created_at")


def connection_config(row: Mapping[str, Any]) -> ConnectionConfig:
    """`row`: COLUMNS with their Python values (as SQLAlchemy gives them: bool, naive UTC datetime)."""
    return ConnectionConfig(
        id=row["id"],
        name=row["name"],
        kind=DatabaseKind(row["kind"]),
        host=row["host"],
        port=row["port"],
        database=row["database"],
        user=row["username"],
        tls_mode=TlsMode(row["tls_mode"]),
        ca_file=row["ca_file"],
        color=ColorTag(row["color"]),
        read_only=row["read_only"],
        supabase_url=row["supabase_url"],
        expose_to_ai=row["expose_to_ai"],
        last_tested_at=aware(row["last_tested_at"]),
        last_test_ok=row["last_test_ok"],
        last_test_message=row["last_test_message"],
        created_at=aware(row["created_at"]),
        has_password=row["has_password"],
        has_api_key=row["has_api_key"],
    )


def by_name(configs: list[ConnectionConfig]) -> list[ConnectionConfig]:
    return sorted(configs, key=lambda c: (c.name.casefold(), c.name))


def _python_values(raw: Mapping[str, Any]) -> dict[str, Any]:
    """SQLite's values as SQLAlchemy's Boolean and DateTime types give them (0/1; 'YYYY-MM-DD HH:MM:SS.ffffff')."""
    values = dict(raw)
    for name in _FLAGS:
        values[name] = bool(values[name])
    for name in _MAYBE_FLAGS:
        values[name] = None if values[name] is None else bool(values[name])
    for name in _TIMES:
        values[name] = None if values[name] is None else datetime.fromisoformat(values[name])
    return values


def saved_connections(store: OpenedStore) -> list[ConnectionConfig]:
    """Every saved connection, by name (the store's own sqlite3 connection: no SQLAlchemy)."""
    with closing(store.plain()) as connection:
        rows = connection.execute(f"SELECT {', '.join(COLUMNS)} FROM database_connections").fetchall()
    return by_name([connection_config(_python_values(dict(zip(COLUMNS, row, strict=True)))) for row in rows])
