"""The databases' errors: a sentence for the user (never a password or a full URL), plus the server's own words."""

from __future__ import annotations

from vector_desktop.domain.errors import VectorError


class DatabaseError(VectorError):
    """A sentence for the user (never a password or a full URL), plus the server's own words when there are some.
    `position` is the 1-based character offset in the statement the server pointed at (PostgreSQL's error
    position), `line`/`column` derived from it or given by MySQL ("at line 2")."""

    def __init__(
        self,
        message: str,
        *,
        server_message: str = "",
        code: str = "",
        position: int | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.server_message = server_message
        self.code = code  # SQLSTATE or MySQL error number
        self.position = position
        self.line = line
        self.column = column


class AuthenticationFailedError(DatabaseError):
    """Wrong user or password (or a bad Supabase key: 401)."""


class UnknownDatabaseError(DatabaseError):
    pass


class ServerUnreachableError(DatabaseError):
    """Nothing listens there, the host name does not resolve, or the connection timed out."""


class TlsRequiredError(DatabaseError):
    """The server requires TLS and the connection's mode is disable, or the client requires TLS and the server
    does not offer it, or the certificate could not be verified."""


class TooManyConnectionsError(DatabaseError):
    pass


class QueryError(DatabaseError):
    """The server refused the statement (syntax, unknown table, constraint...)."""


class ReadOnlyViolationError(QueryError):
    """A write on a read-only connection or transaction, refused by the server."""


class QueryCancelledError(DatabaseError):
    pass


class QueryTimeoutError(DatabaseError):
    """The statement ran past its timeout (statement_timeout / max_execution_time)."""


class CopyNotPossibleError(DatabaseError):
    """The statement cannot be streamed with COPY (not a query, or several): run it the usual way."""


class SqlNotAvailableError(DatabaseError):
    """A Supabase connection without the project's Postgres connection string cannot run SQL."""


class ConnectionNotFoundError(DatabaseError):
    pass


class ConnectionValidationError(DatabaseError):
    """A field of a draft is not usable; `field` names it (for the dialog to mark it)."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
