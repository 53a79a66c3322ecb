"""A saved database connection and what goes with it: its key in the tool registry (`db:<id>`), its keychain
entries, the kinds and TLS modes, the draft the dialog or `db add` gives, the parameters an adapter connects with and
what a test of it finds.

Passwords and Supabase keys live in the keychain under `db_secret_ref(id, what)`; the store and these records never
hold them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

DB_PREFIX = "db:"
DEFAULT_CONNECTION_NAME = "default"  # the connection made from DATABASE_URL
DEFAULT_CONNECTION_ID = 0  # its id: never a stored row (stored ids start at 1); history rows keep it too


def db_key(connection_id: int) -> str:
    return f"{DB_PREFIX}{connection_id}"


def db_connection_id(key: str) -> int | None:
    if not key.startswith(DB_PREFIX):
        return None
    try:
        return int(key[len(DB_PREFIX) :])
    except ValueError:
        return None


def db_secret_ref(connection_id: int, what: str) -> str:
    """The keychain entry of a connection's "password" or Supabase "api_key"."""
    return f"DB_CONNECTION:{connection_id}:{what}"


class DatabaseKind(enum.StrEnum):
    POSTGRESQL = "postgresql"
    MYSQL = "mysql"  # MySQL and MariaDB
    SUPABASE = "supabase"

    @property
    def default_port(self) -> int:
        return 3306 if self is DatabaseKind.MYSQL else 5432

    @property
    def label(self) -> str:
        return {"postgresql": "PostgreSQL", "mysql": "MySQL / MariaDB", "supabase": "Supabase"}[self.value]


class TlsMode(enum.StrEnum):
    """libpq's names. MySQL maps them: disable → no TLS, prefer → TLS when offered, require → TLS without
    verification, verify-full → TLS with the CA file (or the system store) and the host name checked."""

    DISABLE = "disable"
    PREFER = "prefer"
    REQUIRE = "require"
    VERIFY_FULL = "verify-full"


class ColorTag(enum.StrEnum):
    NONE = ""
    GREEN = "green"  # development
    BLUE = "blue"
    ORANGE = "orange"  # staging
    RED = "red"  # production


@dataclass(frozen=True)
class ConnectionConfig:
    """A saved connection, as stored. `read_only` is True unless the user marked it writable.

    Supabase: `supabase_url` is the project URL (https://<ref>.supabase.co) for the REST path; host/port/database/
    user, when set, are the project's Postgres connection (the SQL path).

    `has_password` / `has_api_key`: whether the keychain holds that secret (recorded by the store, not secret
    itself), so a connection without one never asks the keychain; None = not known (saved by an older version, or
    not a row): the keychain is asked."""

    id: int
    name: str
    kind: DatabaseKind
    host: str = ""
    port: int | None = None
    database: str = ""
    user: str = ""
    tls_mode: TlsMode = TlsMode.PREFER
    ca_file: str = ""
    color: ColorTag = ColorTag.NONE
    read_only: bool = True
    supabase_url: str = ""
    expose_to_ai: bool = False  # its list_tables / describe_table / run_query tools are offered in chat
    from_environment: bool = False  # made from DATABASE_URL (named "default"); not editable, not stored
    last_tested_at: datetime | None = None
    last_test_ok: bool | None = None
    last_test_message: str = ""
    created_at: datetime | None = None
    has_password: bool | None = None
    has_api_key: bool | None = None

    @property
    def key(self) -> str:
        return db_key(self.id)

    def may_have_secret(self, what: str) -> bool:
        """False when the keychain is known to hold no "password" / "api_key" for this connection."""
        known = {"password": self.has_password, "api_key": self.has_api_key}[what]
        return known is not False

    @property
    def effective_port(self) -> int:
        return self.port or self.kind.default_port

    @property
    def has_sql(self) -> bool:
        """SQL can run: always for PostgreSQL/MySQL; for Supabase only with the Postgres connection given."""
        return self.kind is not DatabaseKind.SUPABASE or bool(self.host)

    def display_target(self) -> str:
        """Where it points, without any secret: `user@host:port/db` or the Supabase URL."""
        if self.kind is DatabaseKind.SUPABASE and not self.host:
            return self.supabase_url
        who = f"{self.user}@" if self.user else ""
        return f"{who}{self.host or 'localhost'}:{self.effective_port}/{self.database}"


@dataclass(frozen=True)
class ConnectionDraft:
    """What the connection dialog or `db add` gives. `password` / `api_key`: None = leave the keychain as it is,
    "" = delete it, text = store it in the keychain."""

    name: str
    kind: DatabaseKind
    host: str = ""
    port: int | None = None
    database: str = ""
    user: str = ""
    tls_mode: TlsMode = TlsMode.PREFER
    ca_file: str = ""
    color: ColorTag = ColorTag.NONE
    read_only: bool = True
    supabase_url: str = ""
    expose_to_ai: bool = False
    password: str | None = None
    api_key: str | None = None


@dataclass(frozen=True)
class ConnectionParams:
    """What an adapter needs to connect: the saved connection and its secrets, read from the keychain just before.
    Never logged, never stored. `application_name` names the app to the server (pg_stat_activity)."""

    config: ConnectionConfig
    password: str = ""
    api_key: str = ""
    connect_timeout_s: float = 10.0
    application_name: str = "Vector Desktop"

    def __repr__(self) -> str:  # never print the secrets
        return f"ConnectionParams({self.config.display_target()!r})"


@dataclass(frozen=True)
class TestReport:
    server_version: str  # "PostgreSQL 15.19", "MariaDB 10.11.19", "PostgREST 12.2"
    latency_ms: float  # one round trip (SELECT 1 or a HEAD), after connecting
    tls: bool  # the connection is encrypted
    tls_detail: str = ""  # "TLSv1.3 TLS_AES_256_GCM_SHA384"
    user: str = ""  # the role/user the server sees
    can_write: bool = False  # the role may write somewhere (privileges), whatever the connection's read-only flag
    database: str = ""
    connect_ms: float = 0.0
