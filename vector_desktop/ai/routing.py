"""Which provider answers a model id, and which models, in order, can take a request of its size.

Model ids pick the provider: `vendor/model` → OpenRouter (or OpenAI for `openai/…` when OpenRouter is not set up),
a plain id (`gpt-5.1`) → OpenAI, `compat:<server>/<model>` → that user-added server, `local:…` → on-device.
Consecutive OpenRouter models become one target (OpenRouter's server-side fallback with `models`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from vector_desktop.ai.errors import AIError, ContextTooLongError, LocalModelUnavailableError, NoProviderError
from vector_desktop.ai.local_model import LocalModel
from vector_desktop.ai.models import LOCAL_MODEL_ID, AIModel, ModelInfo, context_length_of
from vector_desktop.ai.providers import COMPAT_PREFIX, LOCAL_PREFIX, ProviderConfig
from vector_desktop.ai.types import ChatMessage, LLMSettings, Usage

Message = ChatMessage | Mapping[str, Any]
LOCAL_PROVIDER = ProviderConfig.local()


@dataclass(frozen=True)
class Target:
    """One client-side attempt: a provider and the model ids sent to it (several only for OpenRouter)."""

    provider: ProviderConfig
    model_ids: tuple[str, ...]


@dataclass(frozen=True)
class ContextCheck:
    estimated_tokens: int
    limit: int | None  # None when the model's context size is unknown

    @property
    def fits(self) -> bool:
        return self.limit is None or self.estimated_tokens <= self.limit

    @property
    def near_limit(self) -> bool:
        """Worth a warning in the UI (over 80 % of the context)."""
        return self.limit is not None and self.estimated_tokens > 0.8 * self.limit


def estimate_tokens(messages: Iterable[Message], settings: LLMSettings | None = None) -> int:
    """A rough token count (characters / 4, plus per-message overhead); good enough to warn before sending."""
    chars = 0
    count = 0
    for message in messages:
        count += 1
        if isinstance(message, Mapping):
            chars += len(json.dumps(message.get("content", ""), ensure_ascii=False))
            continue
        chars += len(message.content)
        chars += sum(len(c.arguments) + len(c.name) for c in message.tool_calls)
        chars += 85 * 4 * len(message.images)  # a low-detail image costs ~85 tokens
    if settings is not None:
        chars += len(settings.system_prompt)
        count += 1 if settings.system_prompt else 0
        if settings.tools:
            chars += sum(len(json.dumps(t.parameters)) + len(t.name) + len(t.description) for t in settings.tools)
    return chars // 4 + 4 * count


class ModelRouter:
    """The configured providers, the on-device model and the model catalog (context sizes, prices)."""

    def __init__(
        self,
        providers: Sequence[ProviderConfig],
        local: LocalModel | None = None,
        catalog: Mapping[str, ModelInfo] | None = None,
    ) -> None:
        self._providers: list[ProviderConfig] = []
        self.set_providers(providers)
        self._local = local
        self._catalog: dict[str, ModelInfo] = dict(catalog or {})

    @property
    def providers(self) -> tuple[ProviderConfig, ...]:
        return tuple(self._providers)

    def set_providers(self, providers: Sequence[ProviderConfig]) -> None:
        self._providers = [p for p in providers if p.kind != "local" and p.configured]

    def update_catalog(self, models: Iterable[ModelInfo]) -> None:
        self._catalog.update((m.id, m) for m in models)

    def cost_of(self, model_id: str, usage: Usage) -> float | None:
        info = self._catalog.get(model_id) or self._catalog.get(f"openai/{model_id}")
        return info.cost(usage) if info is not None else None

    def _provider(self, kind: str, name: str = "") -> ProviderConfig | None:
        for provider in self._providers:
            if provider.kind == kind and (not name or provider.name == name):
                return provider
        return None

    def default_model(self, preferred: str = "") -> str:
        """The model for a new conversation: the preferred one if it can be routed, else the best configured."""
        if preferred:
            try:
                self.route(preferred)
                return preferred
            except AIError:
                pass
        if self._provider("openrouter"):
            return AIModel.CLAUDE_SONNET_4_5.id
        if self._provider("openai"):
            return AIModel.GPT_5_1.openai_id or "gpt-5.1"
        for provider in self._providers:
            if provider.kind == "compatible" and provider.models:
                return provider.compat_model_id(provider.models[0])
        return LOCAL_MODEL_ID

    def route(self, model_id: str) -> tuple[ProviderConfig, str]:
        """(provider, app-wide model id) for a model id. Raises NoProviderError / LocalModelUnavailableError."""
        if model_id.startswith(LOCAL_PREFIX):
            if self._local is None:
                raise LocalModelUnavailableError("this build of the app has no on-device model.")
            reason = self._local.unavailable_reason()
            if reason:
                raise LocalModelUnavailableError(reason)
            return LOCAL_PROVIDER, model_id
        if model_id.startswith(COMPAT_PREFIX):
            server = model_id[len(COMPAT_PREFIX) :].split("/", 1)[0]
            provider = self._provider("compatible", server)
            if provider is None:
                raise NoProviderError(model_id, hint=f"The server '{server}' is not in Settings → AI any more.")
            return provider, model_id
        openrouter, openai = self._provider("openrouter"), self._provider("openai")
        if "/" in model_id:
            if openrouter:
                return openrouter, model_id
            if openai and model_id.startswith("openai/"):
                return openai, model_id
            raise NoProviderError(model_id, hint="Add an OpenRouter API key in Settings → AI.")
        if openai:
            return openai, model_id
        if openrouter:
            return openrouter, f"openai/{model_id}"
        raise NoProviderError(model_id, hint="Add an OpenAI or OpenRouter API key in Settings → AI.")

    def context_limit(self, model_id: str) -> int | None:
        if model_id.startswith(LOCAL_PREFIX):
            return self._local.n_ctx if self._local is not None else None
        if model_id.startswith(COMPAT_PREFIX):
            return self._catalog[model_id].context_length if model_id in self._catalog else None
        return context_length_of(model_id, self._catalog)

    def check_context(self, messages: Sequence[Message], settings: LLMSettings) -> ContextCheck:
        """For the UI: the estimate against the primary model's context (tokens reserved for the answer count)."""
        needed = estimate_tokens(messages, settings) + (settings.max_tokens or 0)
        return ContextCheck(needed, self.context_limit(settings.model or self.default_model()))

    def plan(self, messages: Sequence[Message], settings: LLMSettings) -> list[Target]:
        """The attempts for these settings, in order. Raises when no model can take the request."""
        needed = estimate_tokens(messages, settings) + (settings.max_tokens or 0)
        chain: list[str] = []
        for model_id in (settings.model or self.default_model(), *settings.fallback_models):
            if model_id and model_id not in chain:
                chain.append(model_id)
        targets: list[Target] = []
        skipped: list[AIError] = []
        for model_id in chain:
            try:
                provider, routed = self.route(model_id)
            except AIError as error:
                skipped.append(error)
                continue
            limit = self.context_limit(model_id)
            if limit is not None and needed > limit:
                skipped.append(ContextTooLongError(provider.name, model_id, estimated_tokens=needed, limit=limit))
                continue
            last = targets[-1] if targets else None
            if provider.kind == "openrouter" and last is not None and last.provider is provider:
                targets[-1] = Target(provider, (*last.model_ids, routed))
            else:
                targets.append(Target(provider, (routed,)))
        if not targets:
            if not skipped:
                raise NoProviderError(settings.model)
            too_long = [e for e in skipped if isinstance(e, ContextTooLongError)]
            raise too_long[0] if too_long else skipped[0]
        return targets
