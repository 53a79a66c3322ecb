"""Supabase (the seed's adapters/supabase.py): two paths to one project.

- REST: the project URL and an API key reach PostgREST (adapters/postgrest_rest.py): test, tables and columns
  from its OpenAPI document, and a table's rows in pages. No SQL can run this way.
- SQL: when the connection also holds the project's Postgres connection (host, port, database, user and the
  password in the keychain), statements, EXPLAIN, schemas, tables, columns and rows go through the PostgreSQL
  adapter, which knows more (indexes, views, estimated rows, exact types) than the REST document.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from vector_desktop.adapters import postgrest_openapi
from vector_desktop.adapters.postgresql import PostgresSession
from vector_desktop.adapters.postgrest_rest import DEFAULT_SCHEMA, PostgrestApi
from vector_desktop.domain.databases import (
    ConnectionParams,
    ConnectionValidationError,
    DatabaseKind,
    QueryCursor,
    SchemaInfo,
    SqlNotAvailableError,
    TableDetail,
    TableInfo,
    TestReport,
)

NO_SQL = (
    "This Supabase connection has no Postgres connection string, so it cannot run SQL; add the project's "
    "connection string (Project Settings → Database) to the connection to run queries."
)


class SupabaseAdapter:
    kind = DatabaseKind.SUPABASE

    def connect(self, params: ConnectionParams) -> SupabaseSession:
        return SupabaseSession(params)


class SupabaseSession:
    def __init__(self, params: ConnectionParams) -> None:
        config = params.config
        if not config.supabase_url and not config.host:
            raise ConnectionValidationError(
                "supabase_url", "A Supabase connection needs the project URL or its Postgres connection string."
            )
        self._rest = PostgrestApi(params) if config.supabase_url else None
        self._sql: PostgresSession | None = None
        try:
            self._sql = PostgresSession(params) if config.host else None
        except BaseException:
            if self._rest is not None:
                self._rest.close()
            raise

    @property
    def has_sql(self) -> bool:
        return self._sql is not None

    def _rest_api(self) -> PostgrestApi:
        assert self._rest is not None  # a session has one path at least
        return self._rest

    def _sql_session(self) -> PostgresSession:
        if self._sql is None:
            raise SqlNotAvailableError(NO_SQL)
        return self._sql

    def test(self) -> TestReport:
        rest = self._rest.test() if self._rest is not None else None
        if self._sql is None:
            assert rest is not None
            return rest
        report = self._sql.test()
        if rest is None:
            return report
        return TestReport(
            server_version=f"{report.server_version} · {rest.server_version}",
            latency_ms=report.latency_ms,
            tls=report.tls and rest.tls,
            tls_detail=report.tls_detail or rest.tls_detail,
            user=report.user,
            can_write=report.can_write,
            database=report.database,
            connect_ms=report.connect_ms,
        )

    def schemas(self) -> list[SchemaInfo]:
        if self._sql is not None:
            return self._sql.schemas()
        return [SchemaInfo(name=DEFAULT_SCHEMA, is_default=True)]

    def tables(self, schema: str) -> list[TableInfo]:
        if self._sql is not None:
            return self._sql.tables(schema)
        return postgrest_openapi.tables(self._rest_api().document(), schema)

    def describe(self, schema: str, table: str) -> TableDetail:
        if self._sql is not None:
            return self._sql.describe(schema, table)
        return postgrest_openapi.describe(self._rest_api().document(), schema, table)

    def execute(
        self,
        sql: str,
        params: Sequence[Any] | None = None,
        *,
        read_only: bool = True,
        timeout_s: float | None = None,
    ) -> QueryCursor:
        return self._sql_session().execute(sql, params, read_only=read_only, timeout_s=timeout_s)

    def browse(self, schema: str, table: str, limit: int | None = None) -> QueryCursor:
        if self._sql is not None:
            return self._sql.browse(schema, table, limit)
        return self._rest_api().browse(schema, table, limit)

    def explain(self, sql: str, params: Sequence[Any] | None = None) -> str:
        return self._sql_session().explain(sql, params)

    def cancel(self) -> None:
        if self._sql is not None:
            self._sql.cancel()
        if self._rest is not None:
            self._rest.cancel()

    def close(self) -> None:
        try:
            if self._sql is not None:
                self._sql.close()
        finally:
            if self._rest is not None:
                self._rest.close()
