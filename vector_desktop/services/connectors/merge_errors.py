"""Merge Agent Handler answers and transport failures turned into ConnectorError sentences for the user.

Merge's error bodies come in several shapes: its envelope `{"error": {"type", "code", "message"}}`, Django REST
Framework's `{"detail": "..."}`, and HTML pages from proxies. Whatever the server puts in them, the access key never
reaches a message: `SecretMask` removes it (and anything that looks like a Bearer token) from every quoted text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from vector_desktop.domain.connectors import (
    ConnectorAuthError,
    ConnectorError,
    ConnectorNotFound,
    ConnectorProtocolError,
    ConnectorRateLimited,
    ConnectorTimeout,
    ConnectorUnavailable,
)
from vector_desktop.services.connectors.secret_mask import SecretMask

_TAGS = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_MAX_DETAIL = 200


@dataclass(frozen=True)
class Target:
    """What a request is about, so a 404 can name it ("the tool pack “x”") and say which setting to check."""

    missing: str  # the sentence for a 404
    what: str = "this request"  # used in other sentences ("Merge refused this request ...")
    kind: str = ""  # "pack", "user", "connection"


class RegisteredUserNotFound(ConnectorNotFound):
    """Merge does not know the registered user (deleted, or made with a key of the other environment)."""


def pack_target(pack_id: str) -> Target:
    return Target(
        f"Merge has no tool pack “{pack_id}” for this access key; check MERGE_TOOL_PACK_ID (and that the key "
        "belongs to the organization that owns the pack).",
        "the request for the tool pack",
        "pack",
    )


def user_target(user_id: str, from_setting: bool) -> Target:
    where = "check MERGE_REGISTERED_USER_ID" if from_setting else "it may have been deleted"
    return Target(
        f"Merge has no registered user “{user_id}” for this access key; {where} (a test key only sees test "
        "registered users and a production key only production ones).",
        "the request for the registered user",
        "user",
    )


def connection_target(user_id: str, slug: str) -> Target:
    return Target(
        f"Merge has no “{slug}” connection for the registered user “{user_id}”.", "the disconnection", "connection"
    )


def plain_target(what: str, endpoint: str) -> Target:
    """A request about nothing the user named: a 404 means the address is wrong."""
    return Target(f"Merge could not find its {endpoint} endpoint; check MERGE_BASE_URL.", what)


def server_detail(response: httpx.Response, scrub: SecretMask) -> str:
    """The server's own explanation, short, scrubbed, without HTML ("" when there is none)."""
    text = response.text if response.content else ""
    detail = ""
    try:
        payload: Any = json.loads(text) if text else None
    except ValueError:
        payload = None
    if isinstance(payload, Mapping):
        error = payload.get("error")
        if isinstance(error, Mapping):
            detail = str(error.get("message") or error.get("code") or "")
        elif isinstance(error, str):
            detail = str(payload.get("message") or error)
        elif isinstance(payload.get("detail"), str):
            detail = payload["detail"]
    elif payload is None and text:
        detail = _TAGS.sub(" ", text) if "<" in text else text
        if "<" in text and len(detail.split()) > 40:  # a whole HTML page says nothing useful
            detail = ""
    detail = _SPACES.sub(" ", scrub(detail)).strip().rstrip(".")
    if len(detail) > _MAX_DETAIL:
        detail = detail[: _MAX_DETAIL - 1].rstrip() + "…"
    return detail


def _with_detail(sentence: str, detail: str) -> str:
    return f"{sentence[:-1]} (Merge says: {detail})." if detail else sentence


def when_text(seconds: float) -> str:
    """'in 45 seconds', 'in about 3 minutes', 'in about 2 hours'."""
    if seconds < 90:
        whole = max(1, round(seconds))
        return f"in {whole} second{'s' if whole != 1 else ''}"
    if seconds < 90 * 60:
        return f"in about {round(seconds / 60)} minutes"
    return f"in about {round(seconds / 3600)} hours"


def rate_limited(retry_after: float | None) -> ConnectorRateLimited:
    if retry_after is None:
        return ConnectorRateLimited("Merge is limiting requests from this access key; wait a moment and try again.")
    return ConnectorRateLimited(
        f"Merge is limiting requests from this access key; try again {when_text(retry_after)}.", retry_after
    )


def error_for_status(response: httpx.Response, target: Target, scrub: SecretMask) -> ConnectorError:
    """The error for a status ≥ 400 other than a 429 (the caller handles Retry-After)."""
    status = response.status_code
    detail = server_detail(response, scrub)
    if status == 401:
        mix = (
            " (a test key only works with test registered users and a production key only with production ones)"
            if target.kind == "user"
            else ""
        )
        return ConnectorAuthError(
            _with_detail(f"Merge did not accept the access key; check MERGE_ACCESS_KEY{mix}.", detail)
        )
    if status == 403:
        return ConnectorAuthError(
            _with_detail(
                f"Merge refused {target.what} with this access key; a test key only works with test registered "
                "users and a production key only with production ones, so check MERGE_ACCESS_KEY and "
                "MERGE_REGISTERED_USER_ID.",
                detail,
            )
        )
    if status == 404:
        return RegisteredUserNotFound(target.missing) if target.kind == "user" else ConnectorNotFound(target.missing)
    if status == 429:
        return rate_limited(None)
    if status >= 500:
        return ConnectorUnavailable(
            f"Merge had a problem on its side (HTTP {status}); try again in a moment."
            if status not in (502, 503, 504)
            else f"Merge is not available right now (HTTP {status}); try again in a moment."
        )
    return ConnectorError(_with_detail(f"Merge rejected {target.what} (HTTP {status}).", detail))


def not_json(response: httpx.Response) -> ConnectorProtocolError:
    kind = response.headers.get("content-type", "").split(";")[0].strip() or "no content type"
    return ConnectorProtocolError(
        f"Merge answered with something that is not JSON (HTTP {response.status_code}, {kind}); check MERGE_BASE_URL."
    )


def _seconds(value: float) -> str:
    return f"{value:g} second{'' if value == 1 else 's'}"


def transport_error(error: httpx.HTTPError, base_url: str, timeout: float) -> ConnectorError:
    host = httpx.URL(base_url).host or base_url
    if isinstance(error, httpx.TimeoutException):
        if isinstance(error, httpx.ConnectTimeout):
            return ConnectorTimeout(f"Could not connect to Merge at {host} within {_seconds(timeout)}; try again.")
        return ConnectorTimeout(
            f"Merge did not answer within {_seconds(timeout)}; try again, or raise MERGE_API_TIMEOUT."
        )
    if isinstance(error, httpx.ConnectError):
        return ConnectorUnavailable(
            f"Could not reach Merge at {host}; check your internet connection and MERGE_BASE_URL."
        )
    if isinstance(error, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError | httpx.CloseError):
        return ConnectorUnavailable("The connection to Merge was cut before its answer was complete; try again.")
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return ConnectorUnavailable(f"MERGE_BASE_URL “{base_url}” is not a web address the app can use.")
    return ConnectorUnavailable("The request to Merge failed before an answer came; try again.")
