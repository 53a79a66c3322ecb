"""PostgreSQL through psycopg 3 (the seed's adapters/postgresql.py).

One session is one connection in transaction mode. Each statement gets its own transaction: `BEGIN READ ONLY` for
read-only runs (the server refuses writes, whatever the SQL says), `SET LOCAL statement_timeout` for a time limit,
then the statement is declared as a server-side cursor so rows come in pages. Whether a statement can be declared
is decided by trying: when DECLARE refuses it (INSERT, EXPLAIN, SHOW, DDL...), the transaction is rolled back and the
statement runs on an ordinary cursor. Closing the cursor commits a writable run and rolls back everything else.
"""

from __future__ import annotations

import itertools
import logging
import math
import time
from collections.abc import Callable, Sequence
from typing import Any, LiteralString, TypeVar, cast

import psycopg
from psycopg import sql
from psycopg.pq import TransactionStatus

from vector_desktop.adapters import pg_introspection
from vector_desktop.adapters.pg_cursor import PgQueryCursor
from vector_desktop.adapters.pg_errors import Statement, Target, connect_error, statement_error
from vector_desktop.adapters.pg_types import register_faithful_loaders
from vector_desktop.adapters.tls import ca_file_of
from vector_desktop.domain.databases import (
    ConnectionParams,
    DatabaseError,
    DatabaseKind,
    QueryCancelledError,
    SchemaInfo,
    TableDetail,
    TableInfo,
    TestReport,
    TlsMode,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
Row = tuple[Any, ...]
PgConnection = psycopg.Connection[Row]
Query = LiteralString | sql.Composed  # what both cursor kinds accept

_WHO = """
SELECT current_user, current_database(),
       NOT pg_is_in_recovery() AND (
         coalesce((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user), false)
         OR has_database_privilege(current_database(), 'CREATE')
         OR EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n
                    WHERE n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
                      AND has_schema_privilege(n.oid, 'CREATE'))
         OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p') AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
                      AND has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE'))
       )
"""
_TLS = "SELECT version, cipher FROM pg_catalog.pg_stat_ssl WHERE pid = pg_backend_pid()"


def connect_kwargs(params: ConnectionParams) -> dict[str, Any]:
    """libpq parameters of a connection (None values are left to libpq's defaults)."""
    config = params.config
    kwargs: dict[str, Any] = {
        "host": config.host or None,
        "port": config.effective_port,
        "dbname": config.database or None,
        "user": config.user or None,
        "password": params.password or None,
        "connect_timeout": max(2, math.ceil(params.connect_timeout_s)),
        "application_name": params.application_name,
        "sslmode": config.tls_mode.value,
    }
    ca_file = ca_file_of(config)
    if ca_file:
        kwargs["sslrootcert"] = ca_file
    elif config.tls_mode is TlsMode.VERIFY_FULL:
        kwargs["sslrootcert"] = "system"  # the operating system's trusted authorities (libpq 16+)
    return kwargs


def target_of(params: ConnectionParams) -> Target:
    config = params.config
    return Target(
        host=config.host,
        port=config.effective_port,
        database=config.database,
        user=config.user,
        timeout_s=params.connect_timeout_s,
        secrets=(params.password, params.api_key),
    )


def _as_query(text: str) -> LiteralString:
    # The user's own statement: it is sent as it is, with its parameters bound by the server.
    return cast(LiteralString, text)


class PostgresAdapter:
    kind = DatabaseKind.POSTGRESQL

    def connect(self, params: ConnectionParams) -> PostgresSession:
        return PostgresSession(params)


class PostgresSession:
    def __init__(self, params: ConnectionParams) -> None:
        self._params = params
        self._target = target_of(params)
        self._secrets = self._target.secrets
        self._names = itertools.count(1)
        self._cursor: PgQueryCursor | None = None
        self._cancel_requested = False
        self._closed = False
        self._connect_ms = 0.0
        self._type_names: dict[int, str] = {}
        self._conn = self._connect()

    # ------------------------------------------------------------------------------------------ connection
    def _connect(self) -> PgConnection:
        started = time.perf_counter()
        try:
            # No server-side prepared statements: they break behind transaction poolers (PgBouncer, Supavisor).
            conn = psycopg.connect(**connect_kwargs(self._params), autocommit=False, prepare_threshold=None)
        except psycopg.Error as exc:
            raise connect_error(exc, self._target) from None
        self._connect_ms = (time.perf_counter() - started) * 1000
        register_faithful_loaders(conn)
        return conn

    def _ready(self) -> PgConnection:
        if self._closed:
            raise DatabaseError("This database session is closed.")
        if self._conn.closed:  # lost (server restart, network): connect again for the next statement
            self._cursor = None
            self._conn = self._connect()
        return self._conn

    def _begin(self, read_only: bool, timeout_s: float | None) -> None:
        """End whatever came before and start the statement's transaction (BEGIN is sent with the first query)."""
        if self._cursor is not None:
            self._cursor.close()
        conn = self._ready()
        if conn.info.transaction_status != TransactionStatus.IDLE:
            conn.rollback()
        conn.read_only = read_only
        if timeout_s is not None and timeout_s > 0:
            limit = max(1, round(timeout_s * 1000))
            conn.execute(sql.SQL("SET LOCAL statement_timeout = {}").format(sql.Literal(limit)))

    def _rollback_quietly(self) -> None:
        conn = self._conn
        if conn.closed or conn.info.transaction_status == TransactionStatus.IDLE:
            return
        try:
            conn.rollback()
        except psycopg.Error as exc:
            log.info("rollback after an error failed: %s", type(exc).__name__)

    def failure(self, exc: psycopg.Error, statement: Statement) -> DatabaseError:
        """The error as a sentence, after rolling the statement's transaction back."""
        self._rollback_quietly()
        return statement_error(exc, statement, cancelled=self._cancel_requested)

    def _statement(self, text: str, params: Sequence[Any] | None = None, **kwargs: Any) -> Statement:
        return Statement(text, with_params=params is not None, secrets=self._secrets, **kwargs)

    def _read(self, work: Callable[[PgConnection], T]) -> T:
        """Introspection in a read-only transaction of its own."""
        try:
            self._begin(read_only=True, timeout_s=None)
            return work(self._conn)
        except psycopg.Error as exc:
            raise self.failure(exc, self._statement("")) from None
        finally:
            self._rollback_quietly()

    # ------------------------------------------------------------------------------------------ DatabaseSession
    def test(self) -> TestReport:
        def probe(conn: PgConnection) -> TestReport:
            who = conn.execute(_WHO).fetchone()
            assert who is not None
            started = time.perf_counter()
            conn.execute("SELECT 1").fetchone()
            latency_ms = (time.perf_counter() - started) * 1000
            tls = conn.pgconn.ssl_in_use
            detail = ""
            if tls:
                row = conn.execute(_TLS).fetchone()
                detail = " ".join(str(part) for part in row if part) if row else ""
            return TestReport(
                server_version=f"PostgreSQL {_version(conn.info.server_version)}",
                latency_ms=latency_ms,
                tls=tls,
                tls_detail=detail,
                user=str(who[0]),
                can_write=bool(who[2]),
                database=str(who[1]),
                connect_ms=self._connect_ms,
            )

        return self._read(probe)

    def schemas(self) -> list[SchemaInfo]:
        return self._read(pg_introspection.schemas)

    def tables(self, schema: str) -> list[TableInfo]:
        return self._read(lambda conn: pg_introspection.tables(conn, schema))

    def describe(self, schema: str, table: str) -> TableDetail:
        return self._read(lambda conn: pg_introspection.describe(conn, schema, table))

    def execute(
        self,
        sql: str,
        params: Sequence[Any] | None = None,
        *,
        read_only: bool = True,
        timeout_s: float | None = None,
    ) -> PgQueryCursor:
        statement = self._statement(sql, params, timeout_s=timeout_s)
        return self._run(_as_query(sql), statement, params, read_only=read_only, timeout_s=timeout_s)

    def browse(self, schema: str, table: str, limit: int | None = None) -> PgQueryCursor:
        query = sql.SQL("SELECT * FROM {}.{}").format(sql.Identifier(schema), sql.Identifier(table))
        if limit is not None:
            query = query + sql.SQL(" LIMIT {}").format(sql.Literal(int(limit)))
        text = query.as_string(self._ready())
        return self._run(query, self._statement(text), None, read_only=True, timeout_s=None)

    def explain(self, sql: str, params: Sequence[Any] | None = None) -> str:
        prefix = "EXPLAIN "
        statement = self._statement(sql, params, prefix_chars=len(prefix))
        self._cancel_requested = False
        try:
            self._begin(read_only=True, timeout_s=None)
            rows = self._conn.execute(_as_query(prefix + sql), params).fetchall()
        except psycopg.Error as exc:
            raise self.failure(exc, statement) from None
        finally:
            self._rollback_quietly()
        return "\n".join(str(row[0]) for row in rows)

    def copy_out(self, text: str, write: Callable[[Any], object], **options: Any) -> int:
        """The rows of a query as the server's own text or CSV (adapters/pg_copy.py): the command line's path."""
        from vector_desktop.adapters.pg_copy import copy_out

        return copy_out(self, text, write, **options)

    def cancel(self) -> None:
        self._cancel_requested = True
        conn = self._conn
        if conn.closed:
            return
        try:
            conn.cancel_safe(timeout=5.0)
        except psycopg.Error as exc:
            log.info("the cancel request could not be sent: %s", type(exc).__name__)

    def close(self) -> None:
        if self._closed:
            return
        try:
            if self._cursor is not None:
                self._cursor.close()
        except DatabaseError as exc:
            log.info("closing the last cursor failed: %s", exc)
        finally:
            self._closed = True
            self._conn.close()

    # ------------------------------------------------------------------------------------------ statements
    def _run(
        self,
        query: Query,
        statement: Statement,
        params: Sequence[Any] | None,
        *,
        read_only: bool,
        timeout_s: float | None,
    ) -> PgQueryCursor:
        self._cancel_requested = False
        try:
            self._begin(read_only, timeout_s)
        except psycopg.Error as exc:
            raise self.failure(exc, statement) from None
        server_cursor = self._conn.cursor(name=f"vector_desktop_{next(self._names)}")
        try:
            server_cursor.execute(query, params)
            cursor = PgQueryCursor(self, server_cursor, statement, server_side=True, read_only=read_only)
        except psycopg.Error as exc:
            server_cursor.close()
            if not self._can_run_plainly(exc):
                raise self.failure(exc, statement) from None
            cursor = self._run_plainly(query, statement, params, read_only=read_only, timeout_s=timeout_s)
        self._cursor = cursor
        if self._cancel_requested:
            cursor.close()
            raise QueryCancelledError("The statement was cancelled.")
        return cursor

    def _can_run_plainly(self, exc: psycopg.Error) -> bool:
        """DECLARE refused the statement for what it is, not because of a cancel, a timeout or a lost server."""
        state = exc.sqlstate or ""
        return bool(state) and not state.startswith(("57", "08", "53")) and not self._cancel_requested

    def _run_plainly(
        self,
        query: Query,
        statement: Statement,
        params: Sequence[Any] | None,
        *,
        read_only: bool,
        timeout_s: float | None,
    ) -> PgQueryCursor:
        plain = self._conn.cursor()
        try:
            self._rollback_quietly()
            self._begin(read_only, timeout_s)
            plain.execute(query, params)
        except psycopg.Error as exc:
            plain.close()
            raise self.failure(exc, statement) from None
        return PgQueryCursor(self, plain, statement, server_side=False, read_only=read_only)

    def type_name(self, column: psycopg.Column) -> str:
        """psycopg's name for the column's type, or the server's for types psycopg does not know (enums,
        domains, extensions), looked up once per session."""
        known = self._conn.adapters.types.get(column.type_code)
        if known is not None:
            return column.type_display
        if column.type_code not in self._type_names:
            row = self._conn.execute("SELECT format_type(%s, NULL)", (column.type_code,)).fetchone()
            self._type_names[column.type_code] = str(row[0]) if row and row[0] else str(column.type_code)
        return self._type_names[column.type_code]

    def release(self, cursor: PgQueryCursor) -> None:
        if self._cursor is cursor:
            self._cursor = None

    @property
    def cancel_requested(self) -> bool:
        return self._cancel_requested


def _version(number: int) -> str:
    """150020 → "15.20"; 90624 → "9.6.24"."""
    if number >= 100000:
        return f"{number // 10000}.{number % 10000}"
    return f"{number // 10000}.{number // 100 % 100}.{number % 100}"
