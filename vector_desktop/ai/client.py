"""LLMClient: one streaming chat API over OpenRouter, OpenAI, user-added OpenAI-compatible servers and the
on-device model.

Which provider takes a model id is `ai.routing`'s job; the transports are `ai.http_stream` and `ai.local_stream`.
Here: fallback and retries. Consecutive OpenRouter models go to OpenRouter as one request with `models`
(server-side fallback); any other model in the list is tried client-side, in order, when the previous one failed
before its first token with an "unavailable" error. Retries (backoff, Retry-After honoured and capped) also happen
only before the first token.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from vector_desktop.ai.chunks import ChatAccumulator
from vector_desktop.ai.errors import AIError, LocalModelUnavailableError, ModelNotFoundError, NoProviderError
from vector_desktop.ai.http_stream import http_timeouts, stream_http
from vector_desktop.ai.local_model import LocalModel
from vector_desktop.ai.local_stream import stream_local
from vector_desktop.ai.models import ModelInfo
from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.ai.routing import ContextCheck, Message, ModelRouter, Target, estimate_tokens
from vector_desktop.ai.transport_warmup import warm_transport
from vector_desktop.ai.types import ChatChunk, ChatResult, LLMSettings

if TYPE_CHECKING:
    import httpx

# Kept importable from here: callers know the client's estimate and result types by this module.
__all__ = ["ContextCheck", "LLMClient", "Message", "Target", "estimate_tokens"]

log = logging.getLogger(__name__)


def _fallback_worthy(error: AIError) -> bool:
    return error.retryable or isinstance(error, ModelNotFoundError | LocalModelUnavailableError | NoProviderError)


class LLMClient:
    def __init__(
        self,
        providers: Sequence[ProviderConfig],
        http: Callable[[], httpx.AsyncClient] | None = None,
        local: LocalModel | None = None,
        timeout: float = 120.0,
        *,
        catalog: Mapping[str, ModelInfo] | None = None,
        max_retries: int = 2,
        backoff: float = 0.5,
        max_retry_wait: float = 30.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._router = ModelRouter(providers, local, catalog)
        self._http_factory = http
        self._http: httpx.AsyncClient | None = None
        self._local = local
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_retry_wait = max_retry_wait
        self._sleep = sleep

    # ---- configuration -------------------------------------------------------------------------------------

    @property
    def providers(self) -> tuple[ProviderConfig, ...]:
        return self._router.providers

    def set_providers(self, providers: Sequence[ProviderConfig]) -> None:
        """New keys or servers from Settings; takes effect for the next request."""
        self._router.set_providers(providers)

    def update_catalog(self, models: Iterable[ModelInfo]) -> None:
        """Live model list (context sizes, prices) from /models or the store's cache."""
        self._router.update_catalog(models)

    @property
    def local_available(self) -> bool:
        return self._local is not None and self._local.available()

    def default_model(self, preferred: str = "") -> str:
        """The model for a new conversation: the preferred one if it can be routed, else the best configured."""
        return self._router.default_model(preferred)

    def route(self, model_id: str) -> tuple[ProviderConfig, str]:
        """(provider, app-wide model id) for a model id. Raises NoProviderError / LocalModelUnavailableError."""
        return self._router.route(model_id)

    def context_limit(self, model_id: str) -> int | None:
        return self._router.context_limit(model_id)

    def check_context(self, messages: Sequence[Message], settings: LLMSettings) -> ContextCheck:
        """For the UI: the estimate against the primary model's context (tokens reserved for the answer count)."""
        return self._router.check_context(messages, settings)

    def plan(self, messages: Sequence[Message], settings: LLMSettings) -> list[Target]:
        """The attempts for these settings, in order. Raises when no model can take the request."""
        return self._router.plan(messages, settings)

    # ---- requests ------------------------------------------------------------------------------------------

    async def complete(self, messages: Sequence[Message], settings: LLMSettings) -> ChatResult:
        accumulator = ChatAccumulator()
        async with contextlib.aclosing(self.stream(messages, settings)) as chunks:
            async for chunk in chunks:
                accumulator.add(chunk)
        return accumulator.result(settings)

    async def stream(self, messages: Sequence[Message], settings: LLMSettings) -> AsyncGenerator[ChatChunk, None]:
        """Chunks of the answer. Close the iterator (or cancel its task) to stop: the HTTP stream is closed."""
        targets = self.plan(messages, settings)
        for position, target in enumerate(targets):
            attempt = 0
            while True:
                emitted = False
                try:
                    async with contextlib.aclosing(self._stream_target(target, messages, settings)) as chunks:
                        async for chunk in chunks:
                            emitted = True
                            yield chunk
                    return
                except AIError as error:
                    if emitted:
                        raise
                    delay = self._retry_delay(error, attempt)
                    if delay is not None:
                        attempt += 1
                        log.info(
                            "%s: %s; retry %d in %.1f s", target.provider.name, type(error).__name__, attempt, delay
                        )
                        await self._sleep(delay)
                        continue
                    if position + 1 < len(targets) and _fallback_worthy(error):
                        log.info("%s failed (%s); trying the next model", target.model_ids[0], type(error).__name__)
                        break
                    raise

    def _retry_delay(self, error: AIError, attempt: int) -> float | None:
        if not error.retryable or attempt >= self.max_retries:
            return None
        if error.retry_after is not None:
            # A long Retry-After is not worth waiting for here: fall back, or tell the user when to try again.
            return error.retry_after if error.retry_after <= self.max_retry_wait else None
        return min(self.backoff * (2**attempt), self.max_retry_wait)

    def _stream_target(
        self, target: Target, messages: Sequence[Message], settings: LLMSettings
    ) -> AsyncGenerator[ChatChunk, None]:
        if target.provider.kind == "local":
            return stream_local(self._local, target, messages, settings)
        return stream_http(self._client, target, messages, settings, timeout=self.timeout, cost_of=self._router.cost_of)

    def prepare(self) -> None:
        """Create the HTTP client now: loading the TLS certificates takes tens of milliseconds, so a GUI calls this
        off its thread at start instead of paying it on the GUI thread at the first request."""
        if self._router.providers:
            self._client()

    def warm_up(self) -> None:
        """(Blocking, off the GUI thread; nothing waits for it.) Load what the first request loads
        (transport_warmup: ~25 ms, one request to a socket of its own on the loopback, nothing sent out)."""
        remote = any(provider.kind != "local" for provider in self._router.providers)
        if not remote or self._http_factory is not None:  # (a client given by the caller may not even use sockets)
            return
        try:
            warm_transport()
        except Exception:  # only the first request pays for it then
            log.debug("the HTTP transport was not warmed up", exc_info=True)

    def _client(self) -> httpx.AsyncClient:
        if self._http is None or self._http.is_closed:
            if self._http_factory is not None:
                self._http = self._http_factory()
            else:
                import httpx

                self._http = httpx.AsyncClient(timeout=http_timeouts(self.timeout))
        return self._http

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None
        if self._local is not None:
            await asyncio.to_thread(self._local.close)
