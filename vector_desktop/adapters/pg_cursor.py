"""A PostgreSQL statement's result: a named (server-side) cursor read with FETCH FORWARD n, or an ordinary cursor
for statements that cannot be declared. Closing it ends the statement's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import psycopg
from psycopg.pq import TransactionStatus

from vector_desktop.adapters.pg_errors import Statement
from vector_desktop.domain.databases import DatabaseError, QueryCancelledError, ResultColumn

Row = tuple[Any, ...]


class CursorOwner(Protocol):
    """What a cursor needs from its session (adapters/postgresql.py's PostgresSession)."""

    @property
    def cancel_requested(self) -> bool: ...

    def type_name(self, column: psycopg.Column) -> str: ...

    def release(self, cursor: PgQueryCursor) -> None: ...

    def failure(self, exc: psycopg.Error, statement: Statement) -> DatabaseError: ...


class PgQueryCursor:
    """A statement's result: a named (server-side) cursor fetched with FETCH FORWARD n, or an ordinary cursor
    for statements that cannot be declared (their rows, if any, are already on the client)."""

    def __init__(
        self,
        session: CursorOwner,
        cursor: psycopg.Cursor[Row],
        statement: Statement,
        *,
        server_side: bool,
        read_only: bool,
    ) -> None:
        self._session = session
        self._cursor = cursor
        self._statement = statement
        self._read_only = read_only
        self._failed = False
        self._closed = False
        description = cursor.description or []
        self.columns: Sequence[ResultColumn] = [
            ResultColumn(name=column.name, type_name=session.type_name(column)) for column in description
        ]
        self._done = not self.columns
        self.rowcount = -1 if server_side else cursor.rowcount
        self.status = "SELECT" if server_side else (cursor.statusmessage or "")

    def fetch(self, size: int) -> list[Row]:
        if self._closed or self._done:
            return []
        if self._session.cancel_requested:
            self._failed = True
            self.close()
            raise QueryCancelledError("The statement was cancelled.")
        try:
            rows = self._cursor.fetchmany(max(1, size))
        except psycopg.Error as exc:
            self._failed = True
            error = self._session.failure(exc, self._statement)
            self.close()
            raise error from None
        if len(rows) < size:
            self._done = True
        return rows

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._session.release(self)
        conn = self._cursor.connection
        try:
            if not conn.closed and conn.info.transaction_status != TransactionStatus.IDLE:
                if self._failed or self._read_only:
                    conn.rollback()
                else:
                    conn.commit()
        except psycopg.Error as exc:
            raise self._session.failure(exc, self._statement) from None
        finally:
            self._cursor.close()
