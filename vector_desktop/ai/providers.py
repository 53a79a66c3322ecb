"""Provider configurations, request bodies per provider, and HTTP error → typed error mapping.

Kinds: `openrouter` (primary), `openai` (fallback when OpenRouter is not configured), `compatible` (any number of
user-added OpenAI-compatible servers: Ollama, LM Studio, llama.cpp) and `local` (the on-device model, no HTTP).
API keys are read by the caller from the SecretStore (off the GUI thread) and passed in; they never reach logs,
reprs or error messages.
"""

from __future__ import annotations

import email.utils
import json
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

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
from vector_desktop.ai.types import ChatMessage, LLMSettings

ProviderKind = Literal["openrouter", "openai", "compatible", "local"]

OPENROUTER_BASE_URL = "https://openrouter.ai/api/v1"
OPENAI_BASE_URL = "https://api.openai.com/v1"
# Attribution needs an app URL in HTTP-Referer (the app's identity in OpenRouter's rankings).
APP_REFERER = "https://github.com/vector-desktop/vector-desktop"
COMPAT_PREFIX = "compat:"
LOCAL_PREFIX = "local:"


@dataclass(frozen=True)
class ProviderConfig:
    kind: ProviderKind
    name: str
    base_url: str = ""
    api_key: str = field(default="", repr=False)
    extra_headers: Mapping[str, str] = field(default_factory=dict, repr=False)
    app_name: str = ""  # OpenRouter attribution title
    referer: str = ""  # OpenRouter attribution URL
    models: tuple[str, ...] = ()  # compatible servers: model names known to be served (optional)

    @classmethod
    def openrouter(
        cls, api_key: str, base_url: str = OPENROUTER_BASE_URL, app_name: str = "Vector Desktop", referer: str = ""
    ) -> ProviderConfig:
        return cls(
            "openrouter",
            "OpenRouter",
            base_url or OPENROUTER_BASE_URL,
            api_key,
            app_name=app_name,
            referer=referer or APP_REFERER,
        )

    @classmethod
    def openai(cls, api_key: str, base_url: str = OPENAI_BASE_URL) -> ProviderConfig:
        return cls("openai", "OpenAI", base_url or OPENAI_BASE_URL, api_key)

    @classmethod
    def compatible(cls, name: str, base_url: str, api_key: str = "", models: Sequence[str] = ()) -> ProviderConfig:
        if not name or "/" in name:
            raise ValueError("a server name must be non-empty and contain no '/'")
        return cls("compatible", name, base_url, api_key, models=tuple(models))

    @classmethod
    def local(cls) -> ProviderConfig:
        return cls("local", "On-device model")

    @property
    def configured(self) -> bool:
        if self.kind in ("openrouter", "openai"):
            return bool(self.api_key and self.base_url)
        if self.kind == "compatible":
            return bool(self.base_url)
        return True

    @property
    def settings_place(self) -> str:
        """Where the user changes this provider's key and address."""
        return "File → AI servers" if self.kind == "compatible" else "Settings → AI"

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")

    def compat_model_id(self, model: str) -> str:
        """The app-wide id of a model served by this compatible server."""
        return f"{COMPAT_PREFIX}{self.name}/{model}"

    def headers(self, *, stream: bool) -> dict[str, str]:
        headers = {"Accept": "text/event-stream" if stream else "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        if self.kind == "openrouter":
            if self.referer:
                headers["HTTP-Referer"] = self.referer
            if self.app_name:
                # New and legacy header names: older deployments only know X-Title.
                headers["X-OpenRouter-Title"] = self.app_name
                headers["X-Title"] = self.app_name
        headers.update(self.extra_headers)
        return headers


def providers_from_settings(
    get: Callable[[str], Any], compatible: Sequence[ProviderConfig] = ()
) -> list[ProviderConfig]:
    """Providers from the declared settings (`Config.get`). Reads secrets: call it off the GUI thread.

    OpenRouter when its key is set, else OpenAI when its key is set, then the user-added servers.
    """
    providers: list[ProviderConfig] = []
    openrouter_key = (get("OPENROUTER_API_KEY") or "").strip()
    if openrouter_key:
        providers.append(
            ProviderConfig.openrouter(
                openrouter_key,
                get("OPENROUTER_BASE_URL") or OPENROUTER_BASE_URL,
                (get("OPENROUTER_APP_NAME") or "").strip(),
            )
        )
    else:
        openai_key = (get("OPENAI_API_KEY") or "").strip()
        if openai_key:
            providers.append(ProviderConfig.openai(openai_key, get("OPENAI_BASE_URL") or OPENAI_BASE_URL))
    providers.extend(p for p in compatible if p.kind == "compatible")
    return providers


# ---- request bodies -------------------------------------------------------------------------------------------


def wire_model_id(provider: ProviderConfig, model_id: str) -> str:
    """The id a provider expects for an app-wide model id."""
    if provider.kind == "openrouter":
        return model_id if "/" in model_id else f"openai/{model_id}"
    if provider.kind == "openai":
        return model_id.removeprefix("openai/")
    if provider.kind == "compatible":
        return model_id.removeprefix(f"{COMPAT_PREFIX}{provider.name}/")
    return model_id.removeprefix(LOCAL_PREFIX)


def message_to_wire(message: ChatMessage | Mapping[str, Any], *, images: bool = True) -> dict[str, Any]:
    if isinstance(message, Mapping):
        return dict(message)
    wire: dict[str, Any] = {"role": message.role}
    if message.images and images:
        parts: list[dict[str, Any]] = [{"type": "text", "text": message.content}] if message.content else []
        parts.extend(
            {"type": "image_url", "image_url": {"url": image.url, "detail": image.detail}} for image in message.images
        )
        wire["content"] = parts
    else:
        wire["content"] = message.content
    if message.tool_calls:
        wire["tool_calls"] = [
            {"id": call.id, "type": "function", "function": {"name": call.name, "arguments": call.arguments}}
            for call in message.tool_calls
        ]
    if message.role == "tool":
        wire["tool_call_id"] = message.tool_call_id
    if message.name:
        wire["name"] = message.name
    return wire


def wire_messages(
    messages: Sequence[ChatMessage | Mapping[str, Any]], settings: LLMSettings, *, images: bool = True
) -> list[dict[str, Any]]:
    wire = [message_to_wire(m, images=images) for m in messages]
    if settings.system_prompt and not (wire and wire[0].get("role") == "system"):
        wire.insert(0, {"role": "system", "content": settings.system_prompt})
    return wire


def json_schema_of(settings: LLMSettings) -> dict[str, Any] | None:
    """The bare JSON schema of the settings (accepts {"name", "schema", "strict"} or a bare schema)."""
    spec = settings.json_schema
    if not spec:
        return None
    inner = spec.get("schema")
    return inner if isinstance(inner, dict) else spec


def response_format(settings: LLMSettings) -> dict[str, Any] | None:
    spec = settings.json_schema
    if spec:
        schema = json_schema_of(settings)
        return {
            "type": "json_schema",
            "json_schema": {
                "name": str(spec.get("name") or "response"),
                "strict": bool(spec.get("strict", True)),
                "schema": schema,
            },
        }
    if settings.json_mode:
        return {"type": "json_object"}
    return None


def build_body(
    provider: ProviderConfig,
    model_ids: Sequence[str],
    messages: Sequence[ChatMessage | Mapping[str, Any]],
    settings: LLMSettings,
    *,
    stream: bool = True,
) -> dict[str, Any]:
    """The JSON body of POST /chat/completions for this provider. `model_ids` are app-wide ids, primary first."""
    ids = [wire_model_id(provider, m) for m in model_ids]
    body: dict[str, Any] = {"model": ids[0], "messages": wire_messages(messages, settings), "stream": stream}
    fmt = response_format(settings)
    if settings.temperature is not None:
        body["temperature"] = settings.temperature
    if settings.tools:
        body["tools"] = [
            {
                "type": "function",
                "function": {"name": t.name, "description": t.description, "parameters": t.parameters},
            }
            for t in settings.tools
        ]
        body["tool_choice"] = "auto"
    if fmt is not None:
        body["response_format"] = fmt
    if provider.kind == "openrouter":
        if len(ids) > 1:
            body["models"] = ids  # server-side fallback; the chunks' `model` says which one answered
        if fmt is not None or settings.tools:
            body["provider"] = {"require_parameters": True}
        # Usage is always sent by OpenRouter now; these flags are harmless and cover older deployments.
        body["usage"] = {"include": True}
        if stream:
            body["stream_options"] = {"include_usage": True}
        if settings.max_tokens is not None:
            body["max_tokens"] = settings.max_tokens  # accepted by every deployment
    elif provider.kind == "openai":
        if stream:
            body["stream_options"] = {"include_usage": True}  # otherwise OpenAI sends no usage when streaming
        if settings.max_tokens is not None:
            body["max_completion_tokens"] = settings.max_tokens  # reasoning models reject max_tokens
    elif settings.max_tokens is not None:
        body["max_tokens"] = settings.max_tokens  # llama.cpp / Ollama / LM Studio know this one
    return body


# ---- errors ---------------------------------------------------------------------------------------------------


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
