"""The JSON body of POST /chat/completions for each kind of provider: model ids, messages, tools, response format."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from vector_desktop.ai.providers import COMPAT_PREFIX, LOCAL_PREFIX, ProviderConfig
from vector_desktop.ai.types import ChatMessage, LLMSettings


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
