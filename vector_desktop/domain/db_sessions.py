"""The ports the adapters (adapters/) implement: an adapter opens a session, a session runs one statement at a time
and gives a cursor read in pages; and the run of a statement as the editor's status line shows it.

Adapter sessions are blocking (psycopg, PyMySQL, httpx for PostgREST): the service calls them from a worker thread
of the connection, never from the GUI thread. `DatabaseSession.cancel()` is the one method called from another
thread while a statement runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from vector_desktop.domain.db_connections import ConnectionParams, DatabaseKind, TestReport
from vector_desktop.domain.db_schema import SchemaInfo, TableDetail, TableInfo


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
