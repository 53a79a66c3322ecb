"""PyMySQL errors (MySQL and MariaDB error numbers) turned into the domain's DatabaseError sentences.

Syntax errors say "... near '<rest of the statement>' at line N": the line is kept and the column found by looking
for that rest in the statement. Every text goes through `scrub` with the connection's secrets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pymysql

from vector_desktop.adapters.messages import line_column, one_line, scrub, sentence
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

ACCESS_DENIED = 1045
DB_ACCESS_DENIED = 1044
UNKNOWN_DATABASE = 1049
TOO_MANY_CONNECTIONS = 1040
TOO_MANY_USER_CONNECTIONS = 1203
USER_LIMIT_REACHED = 1226
HOST_BLOCKED = 1129
HOST_NOT_ALLOWED = 1130
QUERY_INTERRUPTED = 1317
READ_ONLY_TRANSACTION = 1792
READ_ONLY_OPTION = 1290  # the server runs with --read-only
MYSQL_TIMEOUT = 3024  # max_execution_time
MARIADB_TIMEOUT = 1969  # max_statement_time
SECURE_TRANSPORT_REQUIRED = 3159
SYNTAX_ERROR = 1064
CANT_CONNECT = 2003
UNKNOWN_HOST = 2005
SERVER_GONE = 2006
LOST_CONNECTION = 2013
SSL_CONNECTION_ERROR = 2026

_NEAR = re.compile(r"near '(?P<near>.*)' at line (?P<line>\d+)\s*$", re.DOTALL)
_AT_LINE = re.compile(r"at line (?P<line>\d+)\s*$")


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    database: str
    user: str
    timeout_s: float
    secrets: tuple[str, ...] = ()

    @property
    def address(self) -> str:
        return f"{self.host or 'localhost'}:{self.port}"


def error_parts(exc: BaseException, secrets: Iterable[str]) -> tuple[int, str]:
    """The error number (0 when PyMySQL gives none) and the server's message, scrubbed."""
    args: tuple[Any, ...] = tuple(getattr(exc, "args", ()))
    code = args[0] if args and isinstance(args[0], int) else 0
    message = str(args[1]) if len(args) > 1 else str(exc)
    return code, scrub(message, secrets)


def connect_error(exc: BaseException, target: Target) -> DatabaseError:
    code, message = error_parts(exc, target.secrets)
    words = one_line(message)
    low = message.lower()
    number = str(code) if code else ""
    if code == ACCESS_DENIED:
        return AuthenticationFailedError(
            f"The server refused the user “{target.user}” or its password.", server_message=words, code=number
        )
    if code == DB_ACCESS_DENIED:
        return AuthenticationFailedError(
            f"The user “{target.user}” may not use the database “{target.database}”.",
            server_message=words,
            code=number,
        )
    if code == UNKNOWN_DATABASE:
        return UnknownDatabaseError(
            f"The server has no database “{target.database}”.", server_message=words, code=number
        )
    if code in (TOO_MANY_CONNECTIONS, TOO_MANY_USER_CONNECTIONS, USER_LIMIT_REACHED):
        return TooManyConnectionsError(
            "The server has no free connection left for this user; close other clients or try again later.",
            server_message=words,
            code=number,
        )
    if code in (HOST_BLOCKED, HOST_NOT_ALLOWED):
        return AuthenticationFailedError(
            "The server does not accept connections from this computer for this user.",
            server_message=words,
            code=number,
        )
    if code == SECURE_TRANSPORT_REQUIRED:
        return TlsRequiredError(
            "The server accepts connections only over TLS; choose the TLS mode “require” or “verify-full”.",
            server_message=words,
            code=number,
        )
    if code == SSL_CONNECTION_ERROR and "doesn't support" in low:
        return TlsRequiredError(
            "The connection requires TLS but the server does not offer it; choose the TLS mode “prefer” or "
            "“disable” for this server, or turn TLS on at the server.",
            server_message=words,
            code=number,
        )
    if code == SSL_CONNECTION_ERROR or "ssl" in low or "certificate" in low:
        return TlsRequiredError(
            f"The TLS connection to {target.address} could not be set up: {words}", server_message=words, code=number
        )
    if "name or service not known" in low or "nodename nor servname" in low or code == UNKNOWN_HOST:
        return ServerUnreachableError(
            f"The host name “{target.host}” cannot be found; check the address.", server_message=words, code=number
        )
    if "timed out" in low:
        return ServerUnreachableError(
            f"The server at {target.address} did not answer within {target.timeout_s:g} s.",
            server_message=words,
            code=number,
        )
    if code == CANT_CONNECT:
        return ServerUnreachableError(
            f"Nothing answers at {target.address}; is the server running and the address right?",
            server_message=words,
            code=number,
        )
    if code in (LOST_CONNECTION, SERVER_GONE) or isinstance(exc, pymysql.err.InternalError):
        return ServerUnreachableError(
            f"Something answers at {target.address}, but it is not a MySQL or MariaDB server that accepts this "
            "connection.",
            server_message=words,
            code=number,
        )
    return ServerUnreachableError(f"Could not connect to {target.address}: {words}", server_message=words, code=number)


@dataclass(frozen=True)
class Statement:
    text: str
    timeout_s: float | None = None
    secrets: tuple[str, ...] = ()


def statement_error(exc: BaseException, statement: Statement, *, cancelled: bool) -> DatabaseError:
    code, message = error_parts(exc, statement.secrets)
    words = one_line(message)
    number = str(code) if code else ""
    if code in (MYSQL_TIMEOUT, MARIADB_TIMEOUT) or (
        code == QUERY_INTERRUPTED and not cancelled and statement.timeout_s
    ):
        limit = f" of {statement.timeout_s:g} s" if statement.timeout_s else ""
        return QueryTimeoutError(
            f"The statement ran longer than its time limit{limit} and the server stopped it.",
            server_message=message,
            code=number,
        )
    if code == QUERY_INTERRUPTED:
        return QueryCancelledError("The statement was cancelled.", server_message=message, code=number)
    if code in (READ_ONLY_TRANSACTION, READ_ONLY_OPTION):
        return ReadOnlyViolationError(
            f"This connection is read-only, so the server refused to write ({words}).",
            server_message=message,
            code=number,
        )
    if code in (SERVER_GONE, LOST_CONNECTION) or isinstance(exc, pymysql.err.InterfaceError):
        return ServerUnreachableError(
            f"The connection to the server was lost{': ' + words if words else ''}.",
            server_message=message,
            code=number,
        )
    position, line, column = _place(message, statement.text)
    where = f" (line {line}, column {column})" if column else (f" (line {line})" if line else "")
    return QueryError(
        sentence(_short(message) + where),
        server_message=message,
        code=number,
        position=position,
        line=line,
        column=column,
    )


def _short(message: str) -> str:
    """MySQL's syntax errors are long-winded: keep "Syntax error near '...'"."""
    match = _NEAR.search(message)
    if message.startswith("You have an error in your SQL syntax") and match:
        near = one_line(match.group("near"), 60)
        return f"Syntax error near '{near}'" if near else "Syntax error at the end of the statement"
    return one_line(_AT_LINE.sub("", message).rstrip())


def _place(message: str, text: str) -> tuple[int | None, int | None, int | None]:
    """(position, line, column) of an error that says "near '...' at line N" (or only "at line N")."""
    match = _NEAR.search(message)
    if match is None:
        at_line = _AT_LINE.search(message)
        return (None, int(at_line.group("line")), None) if at_line else (None, None, None)
    line = int(match.group("line"))
    near = match.group("near")
    line_start = _line_start(text, line)
    if line_start is None:
        return None, line, None
    if not near:
        index = len(text.rstrip())
    else:
        index = text.find(near, line_start)
        if index < 0:
            index = text.find(near.split("\n")[0], line_start)
        if index < 0:
            return None, line, None
    position = index + 1
    found_line, column = line_column(text, position)
    return position, found_line, column


def _line_start(text: str, line: int) -> int | None:
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start)
        if start < 0:
            return None
        start += 1
    return start
