"""The seed models (AIModel) and live model descriptions (ModelInfo) parsed from `GET /models`."""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from vector_desktop.ai.types import Usage

LOCAL_MODEL_ID = "local:smollm2-135m-instruct"
LOCAL_MODEL_LABEL = "SmolLM2 135M (on this computer)"
LOCAL_CONTEXT_LENGTH = 2048


class AIModel(enum.Enum):
    """The five models of the web app, with their OpenRouter ids. Ids change: the live list from /models wins."""

    CLAUDE_OPUS_4_5 = ("anthropic/claude-opus-4.5", "Claude Opus 4.5", 200_000)
    CLAUDE_SONNET_4_5 = ("anthropic/claude-sonnet-4.5", "Claude Sonnet 4.5", 200_000)
    CLAUDE_HAIKU_4_5 = ("anthropic/claude-haiku-4.5", "Claude Haiku 4.5", 200_000)
    GPT_5_1 = ("openai/gpt-5.1", "GPT-5.1", 128_000)
    GEMINI_3_PRO = ("google/gemini-3-pro-preview", "Gemini 3 Pro", 1_000_000)

    def __init__(self, model_id: str, label: str, context_length: int) -> None:
        self.id = model_id
        self.label = label
        self.context_length = context_length

    @classmethod
    def from_id(cls, model_id: str) -> AIModel | None:
        for member in cls:
            if member.id == model_id:
                return member
        return None

    @property
    def openai_id(self) -> str | None:
        """The id on the OpenAI API itself, for models OpenAI serves directly."""
        vendor, _, name = self.id.partition("/")
        return name if vendor == "openai" else None

    def info(self) -> ModelInfo:
        return ModelInfo(id=self.id, name=self.label, context_length=self.context_length)


@dataclass(frozen=True)
class ModelInfo:
    """One entry of the model picker. Prices are USD per million tokens (None when unknown)."""

    id: str
    name: str
    context_length: int | None = None
    prompt_price_per_m: float | None = None
    completion_price_per_m: float | None = None
    supports_tools: bool = False
    supports_structured_outputs: bool = False
    max_completion_tokens: int | None = None
    description: str = ""

    def cost(self, usage: Usage) -> float | None:
        if self.prompt_price_per_m is None or self.completion_price_per_m is None:
            return None
        return (
            usage.prompt_tokens * self.prompt_price_per_m + usage.completion_tokens * self.completion_price_per_m
        ) / 1_000_000

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ModelInfo:
        known = {f: data[f] for f in cls.__dataclass_fields__ if f in data}
        return cls(**known)


def local_model_info(context_length: int = LOCAL_CONTEXT_LENGTH) -> ModelInfo:
    return ModelInfo(
        id=LOCAL_MODEL_ID,
        name=LOCAL_MODEL_LABEL,
        context_length=context_length,
        prompt_price_per_m=0.0,
        completion_price_per_m=0.0,
    )


def seed_model_infos() -> list[ModelInfo]:
    """What the picker shows before the first /models refresh (or offline with an empty cache)."""
    return [member.info() for member in AIModel]


def _price_per_million(value: Any) -> float | None:
    # OpenRouter prices are strings in USD per token; "-1" marks a variable-price router.
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number) or number < 0:
        return None
    return round(number * 1_000_000, 6)


def _positive_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and math.isfinite(value) and value > 0:
        return int(value)
    if isinstance(value, str) and value.isdigit():
        return int(value) or None
    return None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def parse_model(entry: Mapping[str, Any]) -> ModelInfo | None:
    """One element of `GET /models` `data` (OpenRouter or any OpenAI-compatible server); None if it has no id."""
    model_id = entry.get("id")
    if not isinstance(model_id, str) or not model_id:
        return None
    pricing: Mapping[str, Any] = _mapping(entry.get("pricing"))
    top: Mapping[str, Any] = _mapping(entry.get("top_provider"))
    raw_params = entry.get("supported_parameters")
    params = {p for p in raw_params if isinstance(p, str)} if isinstance(raw_params, list) else set()
    name = entry.get("name")
    description = entry.get("description")
    return ModelInfo(
        id=model_id,
        name=name if isinstance(name, str) and name else model_id,
        context_length=_positive_int(entry.get("context_length")) or _positive_int(top.get("context_length")),
        prompt_price_per_m=_price_per_million(pricing.get("prompt")),
        completion_price_per_m=_price_per_million(pricing.get("completion")),
        supports_tools="tools" in params,
        supports_structured_outputs="structured_outputs" in params or "response_format" in params,
        max_completion_tokens=_positive_int(top.get("max_completion_tokens")),
        description=description if isinstance(description, str) else "",
    )


def parse_models(payload: Any) -> list[ModelInfo]:
    """The `GET /models` body (`{"data": [...]}`); malformed entries are skipped, never fatal."""
    entries: Iterable[Any] = ()
    if isinstance(payload, Mapping) and isinstance(payload.get("data"), list):
        entries = payload["data"]
    elif isinstance(payload, list):
        entries = payload
    models: list[ModelInfo] = []
    seen: set[str] = set()
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        info = parse_model(entry)
        if info is not None and info.id not in seen:
            seen.add(info.id)
            models.append(info)
    return models


def context_length_of(model_id: str, catalog: Mapping[str, ModelInfo] | None = None) -> int | None:
    """Known context size of a model id: the live catalog first, then the seed table."""
    if catalog and model_id in catalog and catalog[model_id].context_length:
        return catalog[model_id].context_length
    member = AIModel.from_id(model_id)
    if member is not None:
        return member.context_length
    if model_id.startswith("openai/") or "/" not in model_id:
        bare = model_id.removeprefix("openai/")
        for candidate in AIModel:
            if candidate.openai_id == bare:
                return candidate.context_length
    return None
