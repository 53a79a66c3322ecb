"""The databases vocabulary: a saved connection (no secrets), what a test of it finds, the schema as introspected,
a running query's cursor, errors with sentences, and the ports the adapters (adapters/) and the store implement.

A connection's key is `db:<id>` (the tool registry's connector key for its AI tools). Passwords and Supabase keys
live in the keychain under `db_secret_ref(id, what)`; the store and these records never hold them.

Adapter sessions are blocking (psycopg, PyMySQL, httpx for PostgREST): the service calls them from a worker thread
of the connection, never from the GUI thread. `DatabaseSession.cancel()` is the one method called from another
thread while a statement runs.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from vector_desktop.domain.errors import VectorError

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
    user, when set, are the project's Postgres connection (the SQL path)."""

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

    @property
    def key(self) -> str:
        return db_key(self.id)

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


@dataclass(frozen=True)
class SchemaInfo:
    name: str
    is_default: bool = False  # public / the connection's database


class TableKind(enum.StrEnum):
    TABLE = "table"
    VIEW = "view"
    MATERIALIZED_VIEW = "materialized view"
    FOREIGN_TABLE = "foreign table"


@dataclass(frozen=True)
class TableInfo:
    schema: str
    name: str
    kind: TableKind = TableKind.TABLE
    estimated_rows: int | None = None  # pg_class.reltuples / information_schema.TABLES.TABLE_ROWS; None = unknown
    comment: str = ""


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    type: str  # as the server names it: "numeric(12,2)", "jsonb", "varchar(255)", "enum('a','b')"
    nullable: bool = True
    default: str | None = None
    primary_key: bool = False
    comment: str = ""


@dataclass(frozen=True)
class ForeignKeyInfo:
    name: str
    columns: tuple[str, ...]
    ref_schema: str
    ref_table: str
    ref_columns: tuple[str, ...]


@dataclass(frozen=True)
class IndexInfo:
    name: str
    columns: tuple[str, ...]
    unique: bool = False
    primary: bool = False
    definition: str = ""


@dataclass(frozen=True)
class TableDetail:
    table: TableInfo
    columns: tuple[ColumnInfo, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKeyInfo, ...] = ()
    indexes: tuple[IndexInfo, ...] = ()


@dataclass(frozen=True)
class ResultColumn:
    name: str
    type_name: str = ""  # "int4", "numeric", "jsonb", "VAR_STRING"... as far as the driver says


class QueryCursor(Protocol):
    """The result of one statement, read in pages (server-side cursor: never the whole result in memory).

    `columns` is empty for a statement that returns no rows; then `rowcount` is the rows it affected (-1 unknown)
    and `status` the server's word ("INSERT 0 1", "UPDATE 3"). Rows are tuples of Python values as the driver
    gives them (Decimal, datetime with tzinfo, timedelta, UUID, dict/list for json, bytes, list for arrays...).
    Blocking; used from the connection's worker thread."""

    columns: Sequence[ResultColumn]
    rowcount: int
    status: str

    def fetch(self, size: int) -> list[tuple[Any, ...]]:
        """Up to `size` more rows; an empty list at the end."""
        ...

    def close(self) -> None:
        """Release the server-side cursor and end the statement's transaction (idempotent)."""
        ...


class DatabaseSession(Protocol):
    """One open connection to one server (blocking; one statement at a time)."""

    def test(self) -> TestReport: ...

    def schemas(self) -> list[SchemaInfo]: ...

    def tables(self, schema: str) -> list[TableInfo]:
        """Tables and views of one schema (introspection is lazy, per schema)."""
        ...

    def describe(self, schema: str, table: str) -> TableDetail: ...

    def execute(
        self,
        sql: str,
        params: Sequence[Any] | None = None,
        *,
        read_only: bool = True,
        timeout_s: float | None = None,
    ) -> QueryCursor:
        """Run one statement with `%s` placeholders bound to `params` (never interpolated; None = no placeholders,
        so a literal `%` needs no escaping). `read_only` makes the server refuse writes (BEGIN READ ONLY / START
        TRANSACTION READ ONLY); `timeout_s` is the server-side statement timeout. A read-only statement's
        transaction ends when its cursor is closed; a write is committed when its cursor is closed without error."""
        ...

    def browse(self, schema: str, table: str, limit: int | None = None) -> QueryCursor:
        """The rows of a table (SELECT * with quoted names, or PostgREST pages for Supabase without SQL)."""
        ...

    def explain(self, sql: str, params: Sequence[Any] | None = None) -> str:
        """The server's plan, as text (never runs the statement: no ANALYZE)."""
        ...

    def cancel(self) -> None:
        """Stop the statement now running, from any thread (pg cancel request / MySQL KILL QUERY on a second
        connection). The session stays usable; the interrupted call raises QueryCancelledError."""
        ...

    def close(self) -> None: ...


class DatabaseAdapter(Protocol):
    """adapters/postgresql.py, adapters/mysql.py, adapters/supabase.py."""

    kind: DatabaseKind

    def connect(self, params: ConnectionParams) -> DatabaseSession:
        """Open a session (blocking, bounded by `params.connect_timeout_s`); raises DatabaseError subclasses."""
        ...


class AdapterFactory(Protocol):
    def __call__(self, kind: DatabaseKind) -> DatabaseAdapter: ...


# -------------------------------------------------------------------------------------------------------- errors


class DatabaseError(VectorError):
    """A sentence for the user (never a password or a full URL), plus the server's own words when there are some.
    `position` is the 1-based character offset in the statement the server pointed at (PostgreSQL's error
    position), `line`/`column` derived from it or given by MySQL ("at line 2")."""

    def __init__(
        self,
        message: str,
        *,
        server_message: str = "",
        code: str = "",
        position: int | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.server_message = server_message
        self.code = code  # SQLSTATE or MySQL error number
        self.position = position
        self.line = line
        self.column = column


class AuthenticationFailedError(DatabaseError):
    """Wrong user or password (or a bad Supabase key: 401)."""


class UnknownDatabaseError(DatabaseError):
    pass


class ServerUnreachableError(DatabaseError):
    """Nothing listens there, the host name does not resolve, or the connection timed out."""


class TlsRequiredError(DatabaseError):
    """The server requires TLS and the connection's mode is disable, or the client requires TLS and the server
    does not offer it, or the certificate could not be verified."""


class TooManyConnectionsError(DatabaseError):
    pass


class QueryError(DatabaseError):
    """The server refused the statement (syntax, unknown table, constraint...)."""


class ReadOnlyViolationError(QueryError):
    """A write on a read-only connection or transaction, refused by the server."""


class QueryCancelledError(DatabaseError):
    pass


class QueryTimeoutError(DatabaseError):
    """The statement ran past its timeout (statement_timeout / max_execution_time)."""


class CopyNotPossibleError(DatabaseError):
    """The statement cannot be streamed with COPY (not a query, or several): run it the usual way."""


class SqlNotAvailableError(DatabaseError):
    """A Supabase connection without the project's Postgres connection string cannot run SQL."""


class ConnectionNotFoundError(DatabaseError):
    pass


class ConnectionValidationError(DatabaseError):
    """A field of a draft is not usable; `field` names it (for the dialog to mark it)."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


# -------------------------------------------------------------------------------------------------------- store


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    connection_id: int
    sql: str
    ran_at: datetime
    duration_ms: int | None = None
    rows: int | None = None
    error: str = ""
    origin: str = "editor"  # "editor", "cli", or a conversation id (AI)


@dataclass(frozen=True)
class SavedQuery:
    id: int
    connection_id: int | None  # None = any connection
    name: str
    sql: str
    updated_at: datetime | None = None


@dataclass(frozen=True)
class TestOutcome:
    """Stored after each test: shown as "last tested" in the connections list."""

    ok: bool
    message: str
    at: datetime


class ConnectionStore(Protocol):
    """store/database_repository.py: connections, history, saved queries (blocking SQLite calls)."""

    def connections(self) -> list[ConnectionConfig]: ...

    def connection(self, connection_id: int) -> ConnectionConfig | None: ...

    def add_connection(self, draft: ConnectionDraft) -> ConnectionConfig:
        """Stores every field but the secrets (the draft's password/api_key are ignored here)."""
        ...

    def update_connection(self, connection_id: int, draft: ConnectionDraft) -> ConnectionConfig: ...

    def delete_connection(self, connection_id: int) -> None:
        """Deletes the connection with its history and its saved queries."""
        ...

    def record_test(self, connection_id: int, outcome: TestOutcome) -> None: ...

    def add_history(
        self,
        connection_id: int,
        sql: str,
        *,
        duration_ms: int | None,
        rows: int | None,
        error: str,
        origin: str,
        keep: int = 500,
    ) -> HistoryEntry:
        """Appends, keeping the latest `keep` entries of the connection."""
        ...

    def history(self, connection_id: int, *, text: str = "", limit: int = 200) -> list[HistoryEntry]:
        """Newest first."""
        ...

    def saved_queries(self, connection_id: int | None = None) -> list[SavedQuery]: ...

    def save_query(self, name: str, sql: str, connection_id: int | None, query_id: int | None = None) -> SavedQuery: ...

    def delete_saved_query(self, query_id: int) -> None: ...


@dataclass(frozen=True)
class QueryRun:
    """A statement the service is running or ran, for the editor's status line."""

    sql: str
    columns: tuple[ResultColumn, ...] = ()
    rowcount: int = -1
    status: str = ""
    elapsed_ms: float = 0.0
    rows_fetched: int = 0
    done: bool = False  # every row has been fetched (or the statement returns none)
    notices: tuple[str, ...] = field(default_factory=tuple)
