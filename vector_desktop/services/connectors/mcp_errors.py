"""What went wrong talking to an MCP server, as a ConnectorError whose text is one sentence naming the server.

The SDK reports failures as JSON-RPC error codes (an HTTP 401 becomes "Server returned an error response"), httpx2
transport errors, or exception groups of them; `FailureFacts` carries what the session saw besides (the last HTTP
status, the stdio child's exit status and last stderr line, a malformed message) so the sentence can say why.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx2
import mcp_types as types
from mcp.client.auth.exceptions import OAuthFlowError
from mcp.shared.exceptions import MCPError
from pydantic import ValidationError

from vector_desktop.domain.connectors import (
    ConnectorAuthError,
    ConnectorConfigError,
    ConnectorError,
    ConnectorNotFound,
    ConnectorProtocolError,
    ConnectorRateLimited,
    ConnectorSignInRequired,
    ConnectorTimeout,
    ConnectorUnavailable,
)

# JSON-RPC codes the SDK makes up itself for transport trouble (not answers of the server).
TRANSPORT_CODES = frozenset({types.CONNECTION_CLOSED, types.REQUEST_TIMEOUT, types.PARSE_ERROR})
_SESSION_GONE = "Session terminated"


@dataclass
class FailureFacts:
    """What the session knows about the failure besides the exception."""

    server: str
    url: str = ""
    command: str = ""
    timeout: float | None = None
    starting: bool = False
    http_status: int | None = None
    www_authenticate: str = ""
    retry_after: str = ""
    exit_code: int | None = None
    last_stderr: str = ""
    malformed: bool = False
    has_auth: bool = False


def leaves(error: BaseException) -> Iterator[BaseException]:
    """The exceptions inside (nested) exception groups, in order."""
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            yield from leaves(inner)
    else:
        yield error


def root_cause(error: BaseException) -> BaseException:
    """The exception that says the most: an SDK/transport error rather than the cancellations it caused."""
    found = [leaf for leaf in leaves(error) if isinstance(leaf, Exception)]
    for kinds in (
        (OAuthFlowError,),
        (MCPError,),
        (httpx2.HTTPError, OSError),
        (ValidationError, ValueError, RuntimeError),
    ):
        for leaf in found:
            if isinstance(leaf, kinds):
                return leaf
    return found[0] if found else error


def is_server_refusal(error: BaseException, facts: FailureFacts) -> bool:
    """A JSON-RPC error answered by the server itself (unknown tool, invalid arguments...), not transport trouble."""
    cause = root_cause(error)
    if not isinstance(cause, MCPError) or cause.code in TRANSPORT_CODES or facts.http_status is not None:
        return False
    return cause.message != _SESSION_GONE


def unsupported_version(error: BaseException) -> bool:
    """The server speaks only protocol versions newer than the handshake (2026-07-28 and later)."""
    cause = root_cause(error)
    return isinstance(cause, MCPError) and cause.code == types.UNSUPPORTED_PROTOCOL_VERSION


def _where(url: str) -> str:
    """host:port of the URL (never its user info)."""
    return urlsplit(url).netloc.rpartition("@")[2] or "that address"


def _address(url: str) -> str:
    """The URL without user info, query or fragment (they may carry a token)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{_where(url)}{parts.path}" if parts.scheme else "that address"


def _seconds(value: float | None) -> str:
    return f"{value:g} s" if value else "the time allowed"


def _http_error(status: int, facts: FailureFacts) -> ConnectorError:
    name = facts.server
    if status == 401:
        if facts.has_auth or "resource_metadata" in facts.www_authenticate.lower():
            return ConnectorSignInRequired(f"{name} needs you to sign in (again) before it can be used.")
        return ConnectorAuthError(f"{name} refused the credentials (HTTP 401): check its token or key.")
    if status == 403:
        return ConnectorAuthError(f"{name} refused access (HTTP 403): the credentials lack the permission.")
    if status == 404:
        return ConnectorNotFound(f"{name} has no MCP endpoint at {_address(facts.url)} (HTTP 404): check the address.")
    if status == 429:
        retry = _retry_after(facts.retry_after)
        wait = f" in {retry:g} s" if retry else " later"
        return ConnectorRateLimited(f"{name} is receiving too many requests: try again{wait}.", retry)
    if status >= 500:
        return ConnectorUnavailable(f"{name} had a server error (HTTP {status}): try again later.")
    return ConnectorProtocolError(f"{name} answered with HTTP {status}, which is not an MCP answer.")


def _retry_after(value: str) -> float | None:
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def exit_description(code: int) -> str:
    """ "exit status 3", or "killed by SIGKILL" for a child ended by a signal (negative return codes)."""
    if code >= 0:
        return f"exit status {code}"
    try:
        return f"killed by {signal.Signals(-code).name}"
    except ValueError:
        return f"killed by signal {-code}"


def _stopped(facts: FailureFacts) -> ConnectorError:
    name = facts.server
    status = f" ({exit_description(facts.exit_code)})" if facts.exit_code is not None else ""
    said = f": {facts.last_stderr}" if facts.last_stderr else "."
    if facts.starting:
        return ConnectorUnavailable(f"{name} stopped as soon as it started{status}{said}")
    return ConnectorUnavailable(f"{name} stopped{status}{said}")


def _from_mcp(cause: MCPError, facts: FailureFacts) -> ConnectorError:
    name = facts.server
    if facts.http_status is not None and facts.http_status >= 400:
        return _http_error(facts.http_status, facts)
    if cause.code == types.REQUEST_TIMEOUT:
        if facts.malformed:
            return ConnectorProtocolError(f"{name} sent a malformed JSON-RPC message instead of an answer.")
        return ConnectorTimeout(f"{name} did not answer within {_seconds(facts.timeout)}.")
    if cause.code == types.PARSE_ERROR:
        return ConnectorProtocolError(f"{name} sent a malformed JSON-RPC message instead of an answer.")
    if cause.code == types.CONNECTION_CLOSED:
        if facts.command and (facts.exit_code is not None or facts.starting):
            return _stopped(facts)
        if facts.malformed:
            return ConnectorProtocolError(f"{name} sent a malformed JSON-RPC message and the connection closed.")
        return ConnectorUnavailable(f"The connection to {name} dropped before it answered.")
    if cause.message == _SESSION_GONE:
        return ConnectorUnavailable(f"{name} ended the session: reconnect and try again.")
    if cause.code == types.METHOD_NOT_FOUND and facts.starting and facts.url:
        return ConnectorNotFound(f"{name} has no MCP endpoint at {_address(facts.url)}: check the address.")
    if cause.code == types.UNSUPPORTED_PROTOCOL_VERSION:
        return ConnectorProtocolError(f"{name} speaks a version of MCP this app does not support.")
    text = cause.message.strip().rstrip(".") or "no reason given"
    return ConnectorProtocolError(f"{name} refused the request: {text}.")


def connector_error(error: BaseException, facts: FailureFacts) -> ConnectorError:
    """The ConnectorError (one sentence naming the server) for what the SDK raised."""
    if isinstance(error, ConnectorError):
        return error
    cause = root_cause(error)
    name = facts.server
    if isinstance(cause, ConnectorError):
        return cause
    if isinstance(cause, OAuthFlowError):
        return ConnectorSignInRequired(f"{name} needs you to sign in again: the authorization was refused.")
    if isinstance(cause, MCPError):
        return _from_mcp(cause, facts)
    if isinstance(cause, httpx2.TimeoutException):
        return ConnectorTimeout(f"{name} did not answer within {_seconds(facts.timeout)}.")
    if isinstance(cause, httpx2.ConnectError):
        return ConnectorUnavailable(f"{name} cannot be reached: nothing answers at {_where(facts.url)}.")
    if isinstance(cause, httpx2.HTTPStatusError):
        return _http_error(cause.response.status_code, facts)
    if isinstance(cause, httpx2.HTTPError):
        return ConnectorUnavailable(f"The connection to {name} failed ({type(cause).__name__}).")
    if isinstance(cause, FileNotFoundError | PermissionError) and facts.command and facts.starting:
        why = "was not found" if isinstance(cause, FileNotFoundError) else "cannot be run (permission denied)"
        return ConnectorConfigError(f"The command {facts.command} of {name} {why}.")
    if isinstance(cause, OSError):
        return ConnectorUnavailable(f"The connection to {name} failed: {cause.strerror or cause}.")
    if isinstance(cause, ValidationError | RuntimeError | ValueError):
        return ConnectorProtocolError(f"{name} answered with something that is not valid MCP.")
    return ConnectorUnavailable(f"The connection to {name} failed ({type(cause).__name__}).")
