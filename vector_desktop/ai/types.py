"""Value types of the AI layer (names kept from the web app: LLMSettings, ChatResult)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Role = Literal["system", "user", "assistant", "tool"]


@dataclass(frozen=True)
class ImagePart:
    """An image attached to a user message: a URL (presigned) or inline data (data: URL with base64)."""

    url: str
    detail: str = "auto"


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    arguments: str  # JSON text exactly as the model produced it

    def parsed_arguments(self) -> dict[str, Any]:
        import json

        value = json.loads(self.arguments or "{}")
        return value if isinstance(value, dict) else {"value": value}


@dataclass(frozen=True)
class ChatMessage:
    role: Role
    content: str
    images: tuple[ImagePart, ...] = ()
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str = ""
    name: str = ""


@dataclass(frozen=True)
class ToolSpec:
    """A function the model may call (OpenAI `tools` entry)."""

    name: str
    description: str
    parameters: dict[str, Any] = field(default_factory=lambda: {"type": "object", "properties": {}})


@dataclass(frozen=True)
class LLMSettings:
    model: str
    fallback_models: tuple[str, ...] = ()
    temperature: float | None = None
    max_tokens: int | None = None
    json_mode: bool = False
    json_schema: dict[str, Any] | None = None  # {"name": ..., "schema": {...}, "strict": bool}
    system_prompt: str = ""
    tools: tuple[ToolSpec, ...] = ()


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    cost: float | None = None  # USD, when the provider reports it (OpenRouter) or a price table gives it


@dataclass(frozen=True)
class ChatChunk:
    """One streamed piece. `text` is the content delta; `usage` arrives once near the end (OpenRouter)."""

    text: str = ""
    reasoning: str = ""
    model: str = ""
    provider: str = ""
    finish_reason: str | None = None
    usage: Usage | None = None
    tool_call_deltas: tuple[dict[str, Any], ...] = ()
    generation_id: str = ""
    upstream_provider: str = ""  # OpenRouter's routing choice (e.g. "Anthropic"); empty elsewhere


@dataclass(frozen=True)
class ChatResult:
    text: str
    model: str  # the model that actually answered
    provider: str
    finish_reason: str | None
    usage: Usage = field(default_factory=Usage)
    tool_calls: tuple[ToolCall, ...] = ()
    parsed_json: Any = None  # set in JSON mode after validation
    generation_id: str = ""
    upstream_provider: str = ""
    reasoning: str = ""
