"""The command line's fast path on PostgreSQL: `COPY (query) TO STDOUT` streams the rows as the server formats them
(tab-separated text or CSV), with no Python value per cell. Only for a statement without parameters (COPY takes
none: values are never pasted into the SQL), in the same read-only transaction and time limit as any statement.
A statement COPY cannot wrap (not a query, several statements) raises CopyNotPossibleError before anything is
written, and the caller runs it the usual way.

The rows are read from libpq directly (`_drain`): the server sends a message per row, and psycopg's `Copy.read()`
costs ~0.7 µs of Python per message (a generator and a wait per row), which made a million-row copy CPU-bound in
our process; libpq's own non-blocking read per row with a wait only when its buffer is empty halves that, and the
server sets the pace again. psycopg still starts the copy (its errors), and ends it when something fails."""

from __future__ import annotations

import select
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import psycopg
from psycopg import errors, pq, sql

from vector_desktop.domain.databases import CopyNotPossibleError

if TYPE_CHECKING:
    from typing import LiteralString

    from vector_desktop.adapters.postgresql import PostgresSession

COPY_PREFIX = "COPY (\n"
WRITE_BYTES = 1 << 16
# syntax_error, feature_not_supported ("COPY query must have a RETURNING clause"), wrong_object_type
NOT_COPYABLE = ("42601", "0A000", "42809")


def copy_out(
    session: PostgresSession,
    text: str,
    write: Callable[[Any], object],
    *,
    csv: bool,
    null: str,
    header: bool,
    read_only: bool,
    timeout_s: float | None,
) -> int:
    """Stream the rows of `text` to `write` (bytes-like chunks); returns how many rows."""
    body = text.strip().rstrip(";")
    if not body or ";" in body:
        raise CopyNotPossibleError("Several statements cannot be copied.")
    options = sql.SQL("FORMAT {}, HEADER {}, NULL {}").format(
        sql.SQL("csv" if csv else "text"), sql.SQL("true" if header else "false"), sql.Literal(null)
    )
    # The newline keeps a trailing -- comment from swallowing the parenthesis.
    query = sql.SQL("COPY (\n{}\n) TO STDOUT WITH ({})").format(sql.SQL(cast("LiteralString", body)), options)
    statement = session._statement(text, prefix_chars=len(COPY_PREFIX))
    session._cancel_requested = False
    written = False

    def write_out(chunk: bytes) -> None:
        nonlocal written
        written = True
        write(chunk)

    try:
        session._begin(read_only, timeout_s)
        conn = session._conn
        with conn.cursor() as cursor, cursor.copy(query):
            rows = _drain(conn, write_out)
        conn.commit()
    except psycopg.Error as exc:
        state = exc.diag.sqlstate or ""
        if not written and state in NOT_COPYABLE:
            session._rollback_quietly()
            raise CopyNotPossibleError("This statement cannot be copied.") from None
        raise session.failure(exc, statement) from None
    return rows


def _wait_readable(pgconn: pq.abc.PGconn) -> None:
    select.select([pgconn.socket], [], [])  # the GIL is released while waiting
    pgconn.consume_input()


def _drain(conn: psycopg.Connection[Any], write: Callable[[bytes], None]) -> int:
    """Read the copy's rows to its end, writing them 64 kB at a time; how many rows. Raises the server's error (a
    time limit, a cancel, a failure half-way) as psycopg would."""
    pgconn = conn.pgconn
    read_row = pgconn.get_copy_data
    pending = bytearray()
    while True:
        size, data = read_row(1)  # 1: never blocks; 0 when no whole row is buffered
        if size > 0:
            pending += data
            if len(pending) >= WRITE_BYTES:
                write(bytes(pending))
                pending.clear()
        elif size == 0:
            _wait_readable(pgconn)
        else:
            break  # the end of the data (or an error, in the result below)
    while pgconn.is_busy():
        _wait_readable(pgconn)
    result = None
    while (next_result := pgconn.get_result()) is not None:
        result = next_result
    if result is None:
        raise psycopg.OperationalError("The server ended the copy without a result.")
    if result.status != pq.ExecStatus.COMMAND_OK:
        raise errors.error_from_result(result, encoding=conn.info.encoding)
    if pending:  # after the result: a failed write leaves psycopg nothing half-read to end
        write(bytes(pending))
    rows = result.command_tuples
    return rows if rows is not None else -1
