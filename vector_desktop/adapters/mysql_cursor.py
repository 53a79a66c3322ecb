"""A MySQL / MariaDB statement's result read a page at a time from PyMySQL's unbuffered SSCursor, with the JSON
columns parsed (MySQL's JSON type, and the MariaDB columns the session knows to be JSON)."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any, Protocol

import pymysql
from pymysql.connections import Connection
from pymysql.constants import FIELD_TYPE
from pymysql.cursors import SSCursor

from vector_desktop.adapters.mysql_errors import Statement
from vector_desktop.domain.databases import DatabaseError, QueryCancelledError, ResultColumn

log = logging.getLogger(__name__)

Row = tuple[Any, ...]
_TYPE_NAMES = {value: name for name, value in vars(FIELD_TYPE).items() if name.isupper() and isinstance(value, int)}


class CursorOwner(Protocol):
    """What a cursor needs from its session (adapters/mysql.py's MySqlSession)."""

    @property
    def database(self) -> str: ...

    @property
    def cancel_requested(self) -> bool: ...

    @property
    def connection(self) -> Connection: ...

    def kill_query(self) -> None: ...

    def release(self, cursor: MySqlQueryCursor) -> None: ...

    def failure(self, exc: BaseException, statement: Statement) -> DatabaseError: ...


class MySqlQueryCursor:
    """An unbuffered result read a page at a time."""

    def __init__(
        self,
        session: CursorOwner,
        cursor: SSCursor,
        statement: Statement,
        *,
        read_only: bool,
        json_columns: set[tuple[str, str]],
    ) -> None:
        self._session = session
        self._cursor = cursor
        self._statement = statement
        self._read_only = read_only
        self._failed = False
        self._closed = False
        # PyMySQL keeps the column's origin (database, table, column) only on its result's field packets.
        fields = cursor._result.fields if cursor._result is not None and cursor.description else []
        schema = session.database
        self._json_indexes = [
            index
            for index, field in enumerate(fields)
            if field.type_code == FIELD_TYPE.JSON
            or (_text(field.db) == schema and (field.org_table, field.org_name) in json_columns)
        ]
        self.columns: Sequence[ResultColumn] = [
            ResultColumn(
                name=str(column[0]),
                type_name="JSON" if index in self._json_indexes else _TYPE_NAMES.get(column[1], str(column[1])),
            )
            for index, column in enumerate(cursor.description or ())
        ]
        self._done = not self.columns
        self.rowcount = -1 if self.columns else int(cursor.rowcount)
        self.status = "" if self.columns else f"{self.rowcount} row{'' if self.rowcount == 1 else 's'} affected"

    def fetch(self, size: int) -> list[Row]:
        if self._closed or self._done:
            return []
        if self._session.cancel_requested:
            self._failed = True
            self.close()
            raise QueryCancelledError("The statement was cancelled.")
        try:
            rows = list(self._cursor.fetchmany(max(1, size)))
        except pymysql.MySQLError as exc:
            self._failed = True
            self._done = True
            error = self._session.failure(exc, self._statement)
            self.close()
            raise error from None
        if self._session.cancel_requested:  # MariaDB ends an interrupted SLEEP() with a row, not an error
            self._failed = True
            self.close()
            raise QueryCancelledError("The statement was cancelled.")
        if len(rows) < size:
            self._done = True
        if self._json_indexes:
            rows = [self._parse_json(row) for row in rows]
        return rows

    def _parse_json(self, row: Row) -> Row:
        values = list(row)
        for index in self._json_indexes:
            values[index] = _json_or_text(values[index])
        return tuple(values)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._session.release(self)
        if not self._done and not self._failed:
            self._session.kill_query()  # stop the server sending rows nobody will read
        try:
            self._cursor.close()
        except pymysql.MySQLError as exc:
            log.debug("reading the rest of a stopped result: %s", type(exc).__name__)
        conn = self._session.connection
        if not conn.open:
            return
        try:
            if self._failed or self._read_only:
                conn.rollback()
            else:
                conn.commit()
        except pymysql.MySQLError as exc:
            raise self._session.failure(exc, self._statement) from None


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _json_or_text(value: Any) -> Any:
    if not isinstance(value, str | bytes):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # not JSON after all: keep the text as the server gave it
