"""MySQL and MariaDB through PyMySQL (the seed's adapters/mysql.py).

One session is one connection. Each statement runs in its own transaction: read-only runs set the session's
transaction characteristic to READ ONLY as well as `START TRANSACTION READ ONLY` (without the session setting, DDL
commits the read-only transaction implicitly and then runs). Rows are read with an unbuffered SSCursor, a page at
a time. A time limit is MariaDB's `max_statement_time` (seconds, any statement) or MySQL's `max_execution_time`
(milliseconds, SELECT only). Cancel is `KILL QUERY` from a short-lived second connection; a cursor closed before its
last row kills its query too, so the rest of a large result is not read just to be thrown away.

JSON: MySQL's JSON columns are parsed into dicts and lists. MariaDB reports JSON as LONGTEXT, so the session reads
which columns of the current database carry MariaDB's json_valid() check (again after every statement that returns
no rows, which may have been DDL) and parses those; JSON from other databases or computed on the fly stays text.
"""

from __future__ import annotations

import logging
import re
import ssl
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import pymysql
from pymysql.connections import Connection
from pymysql.constants import CLIENT
from pymysql.cursors import SSCursor

from vector_desktop.adapters import mysql_introspection
from vector_desktop.adapters.mysql_cursor import MySqlQueryCursor
from vector_desktop.adapters.mysql_errors import (
    Statement,
    Target,
    connect_error,
    error_parts,
    statement_error,
)
from vector_desktop.adapters.tls import ca_file_of
from vector_desktop.domain.databases import (
    ConnectionParams,
    DatabaseError,
    DatabaseKind,
    QueryCancelledError,
    QueryError,
    SchemaInfo,
    TableDetail,
    TableInfo,
    TestReport,
    TlsMode,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
Row = tuple[Any, ...]

_VERSION = re.compile(r"(\d+\.\d+\.\d+)")
_CAN_WRITE_PRIVILEGES = "('ALL PRIVILEGES', 'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'ALTER')"
_GRANTEE = (
    "CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''', SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')"
)
_CAN_WRITE = f"""
SELECT @@read_only = 0 AND EXISTS (
  SELECT 1 FROM information_schema.USER_PRIVILEGES
   WHERE GRANTEE = {_GRANTEE} AND PRIVILEGE_TYPE IN {_CAN_WRITE_PRIVILEGES}
  UNION ALL
  SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES
   WHERE GRANTEE = {_GRANTEE} AND PRIVILEGE_TYPE IN {_CAN_WRITE_PRIVILEGES}
  UNION ALL
  SELECT 1 FROM information_schema.TABLE_PRIVILEGES
   WHERE GRANTEE = {_GRANTEE} AND PRIVILEGE_TYPE IN {_CAN_WRITE_PRIVILEGES}
)
"""


def connect_kwargs(params: ConnectionParams, *, timeout_s: float | None = None) -> dict[str, Any]:
    config = params.config
    kwargs: dict[str, Any] = {
        "host": config.host or "localhost",
        "port": config.effective_port,
        "user": config.user or None,
        "password": params.password.encode("utf-8"),  # PyMySQL would encode a str as latin-1
        "database": config.database or None,
        "charset": "utf8mb4",
        "connect_timeout": max(0.5, timeout_s or params.connect_timeout_s),
        "autocommit": False,
        "program_name": params.application_name,
        "local_infile": False,
    }
    mode = config.tls_mode
    if mode is TlsMode.DISABLE:
        kwargs["ssl_disabled"] = True
    elif mode is TlsMode.REQUIRE:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        kwargs["ssl"] = context
    elif mode is TlsMode.VERIFY_FULL:
        kwargs["ssl"] = ssl.create_default_context(cafile=ca_file_of(config) or None)
    # PREFER: PyMySQL's default, TLS when the server offers it, without verification
    return kwargs


def target_of(params: ConnectionParams) -> Target:
    config = params.config
    return Target(
        host=config.host or "localhost",
        port=config.effective_port,
        database=config.database,
        user=config.user,
        timeout_s=params.connect_timeout_s,
        secrets=(params.password, params.api_key),
    )


class MySqlAdapter:
    kind = DatabaseKind.MYSQL

    def connect(self, params: ConnectionParams) -> MySqlSession:
        return MySqlSession(params)


class MySqlSession:
    def __init__(self, params: ConnectionParams) -> None:
        self._params = params
        self._target = target_of(params)
        self._secrets = self._target.secrets
        self._cursor: MySqlQueryCursor | None = None
        self._cancel_requested = False
        self._closed = False
        self._connect_ms = 0.0
        self._session_read_only: bool | None = None
        self._session_timeout: float | None = None
        self._json_columns: set[tuple[str, str]] | None = None
        self._conn = self._connect()
        self.server_info = str(self._conn.get_server_info())
        self.mariadb = "mariadb" in self.server_info.lower()

    # ------------------------------------------------------------------------------------------ connection
    def _connect(self) -> Connection:
        started = time.perf_counter()
        try:
            conn = pymysql.connect(**connect_kwargs(self._params))
        except (pymysql.MySQLError, OSError) as exc:
            raise connect_error(exc, self._target) from None
        self._connect_ms = (time.perf_counter() - started) * 1000
        self._session_read_only = None
        self._session_timeout = None
        self._json_columns = None
        return conn

    def _ready(self) -> Connection:
        if self._closed:
            raise DatabaseError("This database session is closed.")
        if not self._conn.open:
            self._cursor = None
            self._conn = self._connect()
        return self._conn

    def _command(self, query: str, args: tuple[Any, ...] | None = None) -> None:
        with self._ready().cursor() as cursor:
            cursor.execute(query, args)

    def _begin(self, read_only: bool, timeout_s: float | None) -> None:
        if self._cursor is not None:
            self._cursor.close()
        conn = self._ready()
        conn.rollback()
        limit = timeout_s if timeout_s is not None and timeout_s > 0 else 0.0
        if limit != self._session_timeout:
            if self.mariadb:
                self._command("SET SESSION max_statement_time = %s", (limit,))
            else:
                self._command("SET SESSION max_execution_time = %s", (round(limit * 1000),))
            self._session_timeout = limit
        if read_only != self._session_read_only:
            self._command(f"SET SESSION TRANSACTION {'READ ONLY' if read_only else 'READ WRITE'}")
            self._session_read_only = read_only
        self._command(f"START TRANSACTION {'READ ONLY' if read_only else 'READ WRITE'}")

    def _rollback_quietly(self) -> None:
        if not self._conn.open:
            return
        try:
            self._conn.rollback()
        except pymysql.MySQLError as exc:
            log.info("rollback after an error failed: %s", type(exc).__name__)

    def failure(self, exc: BaseException, statement: Statement) -> DatabaseError:
        """The error as a sentence, after rolling the statement's transaction back."""
        self._rollback_quietly()
        return statement_error(exc, statement, cancelled=self._cancel_requested)

    def _read(self, work: Callable[[Connection], T]) -> T:
        self._cancel_requested = False
        try:
            self._begin(read_only=True, timeout_s=None)
            return work(self._conn)
        except pymysql.MySQLError as exc:
            raise self.failure(exc, Statement("", secrets=self._secrets)) from None
        finally:
            self._rollback_quietly()

    def json_columns(self) -> set[tuple[str, str]]:
        """(table, column) of the current database's MariaDB JSON columns (read once, then after DDL)."""
        if self._json_columns is None:
            schema = self.database
            self._json_columns = mysql_introspection.json_columns(self._conn, schema, self.mariadb) if schema else set()
        return self._json_columns

    @property
    def database(self) -> str:
        return self._params.config.database

    def forget_json_columns(self) -> None:
        self._json_columns = None

    # ------------------------------------------------------------------------------------------ DatabaseSession
    def test(self) -> TestReport:
        def probe(conn: Connection) -> TestReport:
            with conn.cursor() as cursor:
                cursor.execute(f"SELECT VERSION(), CURRENT_USER(), DATABASE(), ({_CAN_WRITE})")
                version, user, database, can_write = cursor.fetchone()
                started = time.perf_counter()
                cursor.execute("SELECT 1")
                cursor.fetchall()
                latency_ms = (time.perf_counter() - started) * 1000
                cursor.execute("SHOW SESSION STATUS WHERE Variable_name IN ('Ssl_version', 'Ssl_cipher')")
                status = {str(name): str(value) for name, value in cursor.fetchall()}
            tls_version = status.get("Ssl_version", "")
            product = "MariaDB" if self.mariadb else "MySQL"
            match = _VERSION.search(str(version))
            return TestReport(
                server_version=f"{product} {match.group(1) if match else version}",
                latency_ms=latency_ms,
                tls=bool(tls_version),
                tls_detail=" ".join(part for part in (tls_version, status.get("Ssl_cipher", "")) if part),
                user=str(user),
                can_write=bool(can_write),
                database=str(database or ""),
                connect_ms=self._connect_ms,
            )

        return self._read(probe)

    def schemas(self) -> list[SchemaInfo]:
        return self._read(mysql_introspection.schemas)

    def tables(self, schema: str) -> list[TableInfo]:
        return self._read(lambda conn: mysql_introspection.tables(conn, schema))

    def describe(self, schema: str, table: str) -> TableDetail:
        return self._read(lambda conn: mysql_introspection.describe(conn, schema, table, mariadb=self.mariadb))

    def execute(
        self,
        sql: str,
        params: Sequence[Any] | None = None,
        *,
        read_only: bool = True,
        timeout_s: float | None = None,
    ) -> MySqlQueryCursor:
        statement = Statement(sql, timeout_s=timeout_s, secrets=self._secrets)
        self._cancel_requested = False
        try:
            self._begin(read_only, timeout_s)
            json_columns = self.json_columns()
        except pymysql.MySQLError as exc:
            raise self.failure(exc, statement) from None
        cursor = SSCursor(self._conn)
        try:
            cursor.execute(sql, None if params is None else tuple(params))
        except (TypeError, ValueError, pymysql.MySQLError) as exc:
            self._close_quietly(cursor)
            if _is_formatting_error(exc):  # PyMySQL puts the values into the text with %: they did not fit
                self._rollback_quietly()
                raise QueryError(
                    f"The statement's %s placeholders do not match the {len(params or ())} values given "
                    "(write a literal % as %% when values are given).",
                    server_message=str(exc),
                ) from None
            raise self.failure(exc, statement) from None
        result = MySqlQueryCursor(self, cursor, statement, read_only=read_only, json_columns=json_columns)
        self._cursor = result
        if not result.columns:
            self.forget_json_columns()  # it may have been DDL
        if self._cancel_requested:
            result.close()
            raise QueryCancelledError("The statement was cancelled.")
        return result

    def browse(self, schema: str, table: str, limit: int | None = None) -> MySqlQueryCursor:
        query = f"SELECT * FROM {quote_name(schema)}.{quote_name(table)}"
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        return self.execute(query)

    def explain(self, sql: str, params: Sequence[Any] | None = None) -> str:
        """EXPLAIN in a read-only transaction (so that MySQL's EXPLAIN ANALYZE cannot write); MariaDB refuses to
        plan a write there, with the read-only error."""
        statement = Statement(sql, secrets=self._secrets)
        self._cancel_requested = False
        try:
            self._begin(read_only=True, timeout_s=None)
            with self._conn.cursor() as cursor:
                cursor.execute("EXPLAIN " + sql, None if params is None else tuple(params))
                names = [str(column[0]) for column in cursor.description or ()]
                rows = list(cursor.fetchall())
        except pymysql.MySQLError as exc:
            raise self.failure(exc, statement) from None
        finally:
            self._rollback_quietly()
        return plan_text(names, rows)

    def cancel(self) -> None:
        self._cancel_requested = True
        self.kill_query()

    def kill_query(self) -> None:
        """KILL QUERY from a second, short-lived connection (the first one is busy reading the result)."""
        conn = self._conn
        if not conn.open:
            return
        thread_id = conn.thread_id()
        kwargs = connect_kwargs(self._params, timeout_s=5.0)
        if self._params.config.tls_mode is TlsMode.PREFER and not conn.server_capabilities & CLIENT.SSL:
            kwargs["ssl_disabled"] = True  # "prefer" against a server without TLS: skip building a TLS context
        try:
            killer = pymysql.connect(**kwargs)
        except (pymysql.MySQLError, OSError) as exc:
            log.info("could not open a connection to cancel the statement: %s", type(exc).__name__)
            return
        try:
            with killer.cursor() as cursor:
                cursor.execute("KILL QUERY %s", (thread_id,))
        except pymysql.MySQLError as exc:
            log.info("KILL QUERY failed: %s", error_parts(exc, self._secrets)[1])
        finally:
            killer.close()

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
            if self._conn.open:
                self._conn.close()

    # ------------------------------------------------------------------------------------------ for the cursor
    @property
    def cancel_requested(self) -> bool:
        return self._cancel_requested

    @property
    def connection(self) -> Connection:
        return self._conn

    def release(self, cursor: MySqlQueryCursor) -> None:
        if self._cursor is cursor:
            self._cursor = None

    def _close_quietly(self, cursor: SSCursor) -> None:
        try:
            cursor.close()
        except pymysql.MySQLError as exc:
            log.info("closing a cursor failed: %s", type(exc).__name__)


def _is_formatting_error(exc: BaseException) -> bool:
    """PyMySQL's own complaint about `query % values` (no server error number), not the server's."""
    if isinstance(exc, TypeError | ValueError):
        return True
    return isinstance(exc, pymysql.ProgrammingError) and not isinstance(exc.args[0] if exc.args else None, int)


def quote_name(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def plan_text(names: list[str], rows: list[Row]) -> str:
    """EXPLAIN's rows as an aligned text table."""
    cells = [names] + [["NULL" if value is None else str(value) for value in row] for row in rows]
    widths = [max(len(row[index]) for row in cells) for index in range(len(names))]
    lines = [" | ".join(value.ljust(widths[index]) for index, value in enumerate(row)).rstrip() for row in cells]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)
