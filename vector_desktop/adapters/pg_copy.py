"""The command line's fast path on PostgreSQL: `COPY (query) TO STDOUT` streams the rows as the server formats them
(tab-separated text or CSV), with no Python value per cell. Only for a statement without parameters (COPY takes
none: values are never pasted into the SQL), in the same read-only transaction and time limit as any statement.
A statement COPY cannot wrap (not a query, several statements) raises CopyNotPossibleError before anything is
written, and the caller runs it the usual way."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import psycopg
from psycopg import sql

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
    try:
        session._begin(read_only, timeout_s)
        conn = session._conn
        with conn.cursor() as cursor:
            with cursor.copy(query) as copy:
                # The server sends a message per row: gather them, and write 64 kB at a time.
                pending = bytearray()
                for chunk in copy:
                    pending += chunk
                    if len(pending) >= WRITE_BYTES:
                        written = True
                        write(bytes(pending))
                        pending.clear()
                if pending:
                    written = True
                    write(bytes(pending))
            rows = cursor.rowcount
        conn.commit()
    except psycopg.Error as exc:
        state = exc.diag.sqlstate or ""
        if not written and state in NOT_COPYABLE:
            session._rollback_quietly()
            raise CopyNotPossibleError("This statement cannot be copied.") from None
        raise session.failure(exc, statement) from None
    return rows
