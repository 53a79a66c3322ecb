"""A provider's HTTP error (status, body, Retry-After) or a stream's error object → the typed AIError the user sees.

The API key is scrubbed from every message kept from the body."""

from __future__ import annotations

import email.utils
import json
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from vector_desktop.ai.errors import (
    AIError,
    AIRequestError,
    AITimeoutError,
    AuthError,
    ContextTooLongError,
    CreditsError,
    ModelNotFoundError,
    ModerationError,
    ProviderDownError,
    RateLimitError,
    ToolsNotSupportedError,
    scrub,
)
from vector_desktop.ai.providers import ProviderConfig


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


@dataclass(frozen=True)
class ErrorInfo:
    message: str
    codes: frozenset[str]
    numeric_code: int | None
    retry_after: float | None


def parse_error_object(error: Any) -> ErrorInfo:
    """OpenRouter's {"code": int, "message", "metadata"} or OpenAI's {"message", "type", "param", "code": str}."""
    if isinstance(error, str):
        return ErrorInfo(error, frozenset(), None, None)
    if not isinstance(error, Mapping):
        return ErrorInfo("", frozenset(), None, None)
    codes: set[str] = set()
    numeric: int | None = None
    code = error.get("code")
    if isinstance(code, int) and not isinstance(code, bool):
        numeric = code
    elif isinstance(code, str):
        if code.isdigit():
            numeric = int(code)
        else:
            codes.add(code.lower())
    if isinstance(error.get("type"), str):
        codes.add(error["type"].lower())
    metadata = error.get("metadata")
    retry_after: float | None = None
    if isinstance(metadata, Mapping):
        if isinstance(metadata.get("error_type"), str):
            codes.add(metadata["error_type"].lower())
        if metadata.get("reasons") or metadata.get("flagged_input"):
            codes.add("moderation")
    availability = error.get("availability")
    if isinstance(availability, Mapping):
        if isinstance(availability.get("code"), str):
            codes.add(availability["code"].lower())
        value = availability.get("retry_after")
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
            retry_after = float(value)
    message = error.get("message")
    return ErrorInfo(message if isinstance(message, str) else "", frozenset(codes), numeric, retry_after)


# How servers say a model cannot take `tools`: OpenRouter ("No endpoints found that support tool use"), Ollama
# ("... does not support tools"), llama.cpp ("tools param requires --jinja flag"), vLLM ("auto" tool choice requires
# --enable-auto-tool-choice ...), and "tools is not supported" / "tool calling is not supported" elsewhere.
_TOOL_REFUSALS = (
    "support tool use",
    "does not support tools",
    "tools param requires",
    "tool choice requires",
    "tools is not supported",
    "tools are not supported",
    "tool calling is not supported",
    "tool use is not supported",
    "does not support tool",
)


def _refuses_tools(text: str) -> bool:
    return any(phrase in text for phrase in _TOOL_REFUSALS)


def classify_error(
    provider: ProviderConfig,
    status: int | None,
    info: ErrorInfo,
    *,
    model: str = "",
    retry_after: float | None = None,
) -> AIError:
    """A typed error from an HTTP status (or a stream error's code) and the parsed error body."""
    name = provider.name
    detail = scrub(info.message, provider.api_key)[:500]
    codes = info.codes
    text = info.message.lower()
    wait = retry_after if retry_after is not None else info.retry_after
    if status == 402 or codes & {"insufficient_quota", "payment_required", "insufficient_credits"}:
        return CreditsError(name, status=status, detail=detail)
    if status == 401 or codes & {"invalid_api_key", "authentication", "authentication_error", "unauthorized"}:
        return AuthError(name, status=status, detail=detail, where=provider.settings_place)
    if (
        status == 413
        or codes & {"context_length_exceeded", "string_above_max_length"}
        or (
            status in (400, 422, None)
            and "context" in text
            and any(w in text for w in ("length", "window", "too long", "maximum"))
        )
    ):
        return ContextTooLongError(name, model, status=status, detail=detail)
    if status in (400, 404, 422) and _refuses_tools(text):
        return ToolsNotSupportedError(name, model, status=status, detail=detail)
    if codes & {"model_not_found"} or "not a valid model" in text or (status == 404 and "model" in text):
        return ModelNotFoundError(name, model, status=status, detail=detail)
    if status == 403 or "moderation" in codes:
        return ModerationError(name, status=status, detail=detail)
    if status == 429 or codes & {"rate_limit_exceeded", "rate_limited", "rate_limit"}:
        return RateLimitError(name, status=status, detail=detail, retry_after=wait)
    if status == 408 or "timeout" in codes:
        return AITimeoutError(name, detail=detail)
    if (status is not None and status >= 500) or codes & {
        "provider_unavailable",
        "provider_overloaded",
        "server",
        "server_error",
        "overloaded",
    }:
        return ProviderDownError(name, status=status, detail=detail, retry_after=wait)
    if status == 404:
        return AIRequestError(
            name, status=status, detail=f"{provider.base_url} has no such endpoint; check the address"
        )
    return AIRequestError(name, status=status, detail=detail)


def error_from_response(
    provider: ProviderConfig, status: int, body: bytes, headers: Mapping[str, str], *, model: str = ""
) -> AIError:
    try:
        payload = json.loads(body.decode("utf-8", "replace")) if body else None
    except ValueError:
        payload = None
    if isinstance(payload, Mapping) and "error" in payload:
        info = parse_error_object(payload["error"])
    elif isinstance(payload, Mapping) and isinstance(payload.get("detail"), str):  # FastAPI-style servers
        info = ErrorInfo(payload["detail"], frozenset(), None, None)
    else:
        text = body.decode("utf-8", "replace").strip()
        info = ErrorInfo(text if len(text) < 300 and "<" not in text else "", frozenset(), None, None)
    retry_after = parse_retry_after(headers.get("retry-after"))
    return classify_error(provider, status, info, model=model, retry_after=retry_after)
