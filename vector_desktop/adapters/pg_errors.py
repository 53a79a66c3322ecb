"""psycopg errors turned into the domain's DatabaseError sentences.

libpq reports connection failures as text only (no SQLSTATE reaches psycopg before a session exists), so those are
recognised by libpq's own wording; statement errors carry their SQLSTATE and are mapped by it. The password never
reaches a message: every server text goes through `scrub` with the connection's secrets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import psycopg

from vector_desktop.adapters.messages import line_column, one_line, original_position, scrub, sentence
from vector_desktop.domain.databases import (
    AuthenticationFailedError,
    DatabaseError,
    QueryCancelledError,
    QueryError,
    QueryTimeoutError,
    ReadOnlyViolationError,
    ServerUnreachableError,
    TlsRequiredError,
    TooManyConnectionsError,
    UnknownDatabaseError,
)

_FAILED_PREFIX = re.compile(r"^.*?failed:\s*", re.DOTALL)
_SEVERITY = re.compile(r"^(FATAL|ERROR):\s*")

QUERY_CANCELED = "57014"
READ_ONLY_TRANSACTION = "25006"
TOO_MANY_CONNECTIONS = "53300"


@dataclass(frozen=True)
class Target:
    """What the connection was about, for the sentences (never the password)."""

    host: str
    port: int
    database: str
    user: str
    timeout_s: float
    secrets: tuple[str, ...] = ()

    @property
    def address(self) -> str:
        return f"{self.host or 'localhost'}:{self.port}"


def server_words(exc: BaseException, secrets: Iterable[str]) -> str:
    """libpq's explanation without the "connection to server at ... failed:" preamble and the severity."""
    text = str(exc).strip()
    first = text.split("\n")[0]
    if "failed:" in first:
        text = _FAILED_PREFIX.sub("", text, count=1)
    text = _SEVERITY.sub("", text.strip())
    return one_line(scrub(text, secrets))


def connect_error(exc: psycopg.Error, target: Target) -> DatabaseError:
    words = server_words(exc, target.secrets)
    low = str(exc).lower()
    if "password authentication failed" in low or "authentication failed" in low:
        return AuthenticationFailedError(
            f"The server refused the password of the user “{target.user}”.", server_message=words, code="28P01"
        )
    if "no password supplied" in low:
        return AuthenticationFailedError(
            f"The server asks for a password for the user “{target.user}” and none is saved for this connection.",
            server_message=words,
            code="28P01",
        )
    if re.search(r'role ".*" does not exist', low):
        return AuthenticationFailedError(f"The server has no user “{target.user}”.", server_message=words, code="28000")
    if re.search(r'database ".*" does not exist', low):
        return UnknownDatabaseError(
            f"The server has no database “{target.database}”.", server_message=words, code="3D000"
        )
    if "too many connections" in low or "connection slots are reserved" in low or "too many clients" in low:
        return TooManyConnectionsError(
            "The server has no free connection left for this user; close other clients or try again later.",
            server_message=words,
            code=TOO_MANY_CONNECTIONS,
        )
    if "server does not support ssl" in low:
        return TlsRequiredError(
            "The connection requires TLS but the server does not offer it; choose the TLS mode “prefer” or "
            "“disable” for this server, or turn TLS on at the server.",
            server_message=words,
        )
    if "no pg_hba.conf entry" in low and ("no encryption" in low or "ssl off" in low):
        return TlsRequiredError(
            "The server accepts this user only over TLS; choose the TLS mode “require” or “verify-full”.",
            server_message=words,
            code="28000",
        )
    if "no pg_hba.conf entry" in low:
        return AuthenticationFailedError(
            "The server does not accept this user from this computer for this database (pg_hba.conf).",
            server_message=words,
            code="28000",
        )
    if "certificate" in low or "ssl error" in low or "ssl syscall" in low or "sslmode" in low:
        return TlsRequiredError(
            f"The TLS connection to {target.address} could not be set up: {words}", server_message=words
        )
    if "resolve host" in low or "translate host name" in low:
        return ServerUnreachableError(
            f"The host name “{target.host}” cannot be found; check the address.", server_message=words
        )
    if "timeout expired" in low or "timed out" in low:
        return ServerUnreachableError(
            f"The server at {target.address} did not answer within {target.timeout_s:g} s.", server_message=words
        )
    if "starting up" in low or "shutting down" in low or "recovery mode" in low:
        return ServerUnreachableError(
            "The server is starting up or shutting down; try again in a moment.", server_message=words
        )
    if "ssl negotiation" in low or "expected authentication request" in low or "invalid startup" in low:
        return ServerUnreachableError(
            f"Something answers at {target.address}, but it is not a PostgreSQL server.", server_message=words
        )
    if "connection refused" in low or "unreachable" in low or "no route to host" in low:
        return ServerUnreachableError(
            f"Nothing answers at {target.address}; is the server running and the address right?",
            server_message=words,
        )
    return ServerUnreachableError(f"Could not connect to {target.address}: {words}", server_message=words)


@dataclass(frozen=True)
class Statement:
    """The statement an error is about, to place the server's error position in the user's text."""

    text: str
    with_params: bool = False
    prefix_chars: int = 0  # characters the adapter put before the user's text ("EXPLAIN ")
    timeout_s: float | None = None
    secrets: tuple[str, ...] = ()


def statement_error(exc: psycopg.Error, statement: Statement, *, cancelled: bool) -> DatabaseError:
    state = exc.sqlstate or ""
    diag = exc.diag
    primary = one_line(scrub(diag.message_primary or str(exc), statement.secrets))
    server_message = _full_server_message(exc, statement.secrets)
    if state == QUERY_CANCELED or isinstance(exc, psycopg.errors.QueryCanceled):
        said = primary.lower()
        timed_out = "statement timeout" in said or (
            not cancelled and statement.timeout_s is not None and "user request" not in said
        )
        if timed_out:
            return QueryTimeoutError(
                f"The statement ran longer than its time limit{_seconds(statement.timeout_s)} and the server "
                "stopped it.",
                server_message=server_message,
                code=QUERY_CANCELED,
            )
        return QueryCancelledError("The statement was cancelled.", server_message=server_message, code=state)
    if state == READ_ONLY_TRANSACTION:
        return ReadOnlyViolationError(
            f"This connection is read-only, so the server refused to write ({primary}).",
            server_message=server_message,
            code=state,
        )
    if state.startswith("08") or state in ("57P01", "57P02", "57P03") or (not state and _is_lost(exc)):
        return ServerUnreachableError(
            f"The connection to the server was lost: {primary}", server_message=server_message, code=state
        )
    if state == TOO_MANY_CONNECTIONS:
        return TooManyConnectionsError(sentence(primary), server_message=server_message, code=state)
    position = _user_position(diag.statement_position, statement)
    where = ""
    line = column = None
    if position is not None:
        line, column = line_column(statement.text, position)
        where = f" (line {line}, column {column})"
    return QueryError(
        sentence(primary + where),
        server_message=server_message,
        code=state,
        position=position,
        line=line,
        column=column,
    )


def _user_position(raw: str | None, statement: Statement) -> int | None:
    if not raw or not raw.isdigit():
        return None
    position = original_position(statement.text, int(raw) - statement.prefix_chars, statement.with_params)
    if position < 1 or position > len(statement.text) + 1:
        return None
    return position


def _full_server_message(exc: psycopg.Error, secrets: Iterable[str]) -> str:
    """Like psql shows it: the message, then DETAIL and HINT lines when the server gave them."""
    diag = exc.diag
    lines = [diag.message_primary or str(exc).strip()]
    if diag.message_detail:
        lines.append(f"DETAIL: {diag.message_detail}")
    if diag.message_hint:
        lines.append(f"HINT: {diag.message_hint}")
    return scrub("\n".join(lines), secrets)


def _is_lost(exc: psycopg.Error) -> bool:
    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)


def _seconds(timeout_s: float | None) -> str:
    return "" if timeout_s is None else f" of {timeout_s:g} s"
