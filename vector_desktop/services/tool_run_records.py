"""What the record of a tool run says, for every tool source (connectors, databases, email): arguments and results
scrubbed of secrets, a one-line summary, the result as JSON capped in size, and how a call that raised is recorded.
Qt-free and feature-neutral: the connectors' ToolRunRecorder and the chat's toolbox both use it."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Mapping
from typing import Any

from vector_desktop.domain.connectors import ConnectorError, ConnectorTimeout
from vector_desktop.domain.tools import ToolResult, ToolStatus
from vector_desktop.services.scrubber import REDACTED, Scrubber, is_secret_key

RESULT_CAP = 256 * 1024  # bytes of result JSON kept per run
SUMMARY_LENGTH = 160
CANCELLED = "The call was cancelled."

_SPACES = re.compile(r"\s+")


def scrub_arguments(arguments: Mapping[str, Any], schema: Mapping[str, Any], scrubber: Scrubber) -> dict[str, Any]:
    """A copy with secrets removed: fields whose schema says `format: password` (or `writeOnly`) or whose name looks
    secret, known keychain values, bearer tokens and other key-shaped strings. Text without a secret is kept as it
    is (home folders are not rewritten), so a run can be repeated from its record."""
    scrubbed = _scrub(dict(arguments), schema, scrubber)
    assert isinstance(scrubbed, dict)
    return scrubbed


def _scrub(value: Any, schema: Any, scrubber: Scrubber) -> Any:
    schema = schema if isinstance(schema, Mapping) else {}
    if isinstance(value, Mapping):
        properties = schema.get("properties")
        properties = properties if isinstance(properties, Mapping) else {}
        out: dict[str, Any] = {}
        for key, item in value.items():
            field = properties.get(key)
            if _secret_field(str(key), field) and item not in (None, ""):
                out[str(key)] = REDACTED
            else:
                out[str(key)] = _scrub(item, field, scrubber)
        return out
    if isinstance(value, list | tuple):
        return [_scrub(item, schema.get("items"), scrubber) for item in value]
    if isinstance(value, str):
        cleaned = scrubber.scrub_text(value)
        return value if cleaned == scrubber.scrub_paths(value) else cleaned
    return value


def scrub_result(value: Any, scrubber: Scrubber) -> Any:
    """A result with known secrets and key-shaped strings removed from its text (keys and numbers untouched: a
    result's `token_count` is no secret)."""
    if isinstance(value, Mapping):
        return {key: scrub_result(item, scrubber) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [scrub_result(item, scrubber) for item in value]
    if isinstance(value, str):
        return _scrub(value, None, scrubber)
    return value


def _secret_field(name: str, schema: Any) -> bool:
    if is_secret_key(name):
        return True
    return isinstance(schema, Mapping) and (schema.get("format") == "password" or schema.get("writeOnly") is True)


def one_line(text: str, limit: int = SUMMARY_LENGTH) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def summary_of(result: ToolResult) -> str:
    """One line for lists: what came back, or why it did not."""
    if result.status is ToolStatus.NEEDS_AUTH:
        message = result.auth.message if result.auth is not None else ""
        return one_line(message or result.error or "The connector must be connected first.")
    if result.status is not ToolStatus.SUCCEEDED:
        return one_line(result.error or result.text or "The tool reported an error.")
    value = result.value
    if isinstance(value, dict) and len(value) == 1:
        (key, inner), *_ = value.items()
        if isinstance(inner, list):
            return f"{len(inner)} {key}"
    if isinstance(value, list):
        return f"{len(value)} record" + ("" if len(value) == 1 else "s")
    if isinstance(value, str):
        return one_line(value) or "(no text)"
    return one_line(json.dumps(value, ensure_ascii=False, default=str))


def capped_json(value: Any, cap: int = RESULT_CAP) -> tuple[str, bool]:
    """The value as JSON, at most `cap` bytes, and whether it was cut. A list keeps as many whole items as fit
    (still valid JSON); anything else is cut at the cap (then it is not valid JSON any more)."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    if len(text.encode("utf-8")) <= cap:
        return text, False
    if isinstance(value, list):
        low, high = 0, len(value)
        while low < high:  # the longest prefix that fits
            middle = (low + high + 1) // 2
            if len(json.dumps(value[:middle], ensure_ascii=False, default=str).encode("utf-8")) <= cap:
                low = middle
            else:
                high = middle - 1
        return json.dumps(value[:low], ensure_ascii=False, default=str), True
    return text.encode("utf-8")[:cap].decode("utf-8", "ignore"), True


def status_of(error: BaseException) -> tuple[ToolStatus, str]:
    """How a call that raised is recorded."""
    if isinstance(error, ConnectorTimeout):
        return ToolStatus.TIMED_OUT, str(error)
    if isinstance(error, asyncio.CancelledError):
        return ToolStatus.CANCELLED, CANCELLED
    if isinstance(error, ConnectorError):
        return ToolStatus.FAILED, str(error)
    return ToolStatus.FAILED, f"The call failed unexpectedly ({type(error).__name__})."
