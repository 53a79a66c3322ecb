"""LLMClient: one streaming chat API over OpenRouter, OpenAI, user-added OpenAI-compatible servers and the
on-device model.

Model ids pick the provider: `vendor/model` → OpenRouter (or OpenAI for `openai/…` when OpenRouter is not set up),
a plain id (`gpt-5.1`) → OpenAI, `compat:<server>/<model>` → that user-added server, `local:…` → on-device.
Fallback: consecutive OpenRouter models go to OpenRouter as one request with `models` (server-side fallback); any
other model in the list is tried client-side, in order, when the previous one failed before its first token with
an "unavailable" error. Retries (backoff, Retry-After honoured and capped) also happen only before the first token.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from vector_desktop.ai.chunks import ChatAccumulator, StreamState
from vector_desktop.ai.errors import (
    AIConnectionError,
    AIError,
    AIRequestError,
    AITimeoutError,
    ContextTooLongError,
    LocalModelUnavailableError,
    ModelNotFoundError,
    NoProviderError,
    ProviderDownError,
    StreamInterruptedError,
)
from vector_desktop.ai.local_model import LocalModel
from vector_desktop.ai.models import LOCAL_MODEL_ID, AIModel, ModelInfo, context_length_of
from vector_desktop.ai.providers import (
    COMPAT_PREFIX,
    LOCAL_PREFIX,
    ProviderConfig,
    build_body,
    error_from_response,
    response_format,
    wire_messages,
)
from vector_desktop.ai.sse import SSEDecoder
from vector_desktop.ai.types import ChatChunk, ChatMessage, ChatResult, LLMSettings, Usage

log = logging.getLogger(__name__)

Message = ChatMessage | Mapping[str, Any]
_LOCAL = ProviderConfig.local()
_MAX_ERROR_BODY = 64 * 1024


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
        self._providers = [p for p in providers if p.kind != "local" and p.configured]
        self._http_factory = http
        self._http: httpx.AsyncClient | None = None
        self._local = local
        self.timeout = timeout
        self._catalog: dict[str, ModelInfo] = dict(catalog or {})
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_retry_wait = max_retry_wait
        self._sleep = sleep

    # ---- configuration -------------------------------------------------------------------------------------

    @property
    def providers(self) -> tuple[ProviderConfig, ...]:
        return tuple(self._providers)

    def set_providers(self, providers: Sequence[ProviderConfig]) -> None:
        """New keys or servers from Settings; takes effect for the next request."""
        self._providers = [p for p in providers if p.kind != "local" and p.configured]

    def update_catalog(self, models: Iterable[ModelInfo]) -> None:
        """Live model list (context sizes, prices) from /models or the store's cache."""
        self._catalog.update((m.id, m) for m in models)

    def _provider(self, kind: str, name: str = "") -> ProviderConfig | None:
        for provider in self._providers:
            if provider.kind == kind and (not name or provider.name == name):
                return provider
        return None

    @property
    def local_available(self) -> bool:
        return self._local is not None and self._local.available()

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
            return _LOCAL, model_id
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
            return self._stream_local(target, messages, settings)
        return self._stream_http(target, messages, settings)

    def prepare(self) -> None:
        """Create the HTTP client now: loading the TLS certificates takes tens of milliseconds, so a GUI calls this
        off its thread at start instead of paying it on the GUI thread at the first request."""
        if self._providers:
            self._client()

    def _client(self) -> httpx.AsyncClient:
        if self._http is None or self._http.is_closed:
            if self._http_factory is not None:
                self._http = self._http_factory()
            else:
                self._http = httpx.AsyncClient(timeout=self._timeouts())
        return self._http

    def _timeouts(self) -> httpx.Timeout:
        return httpx.Timeout(self.timeout, connect=min(self.timeout, 15.0))

    def _cost_of(self, model_id: str, usage: Usage) -> float | None:
        info = self._catalog.get(model_id) or self._catalog.get(f"openai/{model_id}")
        return info.cost(usage) if info is not None else None

    async def _stream_http(
        self, target: Target, messages: Sequence[Message], settings: LLMSettings
    ) -> AsyncGenerator[ChatChunk, None]:
        provider = target.provider
        model = target.model_ids[0]
        body = build_body(provider, target.model_ids, messages, settings, stream=True)
        state = StreamState(provider, model, self._cost_of)
        url = provider.url("chat/completions")
        try:
            async with self._client().stream(
                "POST", url, json=body, headers=provider.headers(stream=True), timeout=self._timeouts()
            ) as response:
                if not response.is_success:
                    raw = await _read_capped(response)
                    raise error_from_response(provider, response.status_code, raw, response.headers, model=model)
                if "text/event-stream" not in response.headers.get("content-type", ""):
                    # A server that ignored stream=true and answered with one JSON document.
                    raw = await _read_capped(response, limit=16 * 1024 * 1024)
                    chunk = state.handle_data(raw.decode("utf-8", "replace"))
                    if chunk is None:
                        raise AIRequestError(
                            provider.name,
                            status=response.status_code,
                            detail=f"{provider.base_url} is not an OpenAI-compatible API; check the address",
                        )
                    yield chunk
                    state.finished = True
                    return
                decoder = SSEDecoder()
                async with contextlib.aclosing(response.aiter_bytes()) as stream:  # type: ignore[type-var]
                    async for data in stream:
                        for event in decoder.feed(data):
                            chunk = state.handle_data(event.data, event.event)
                            if chunk is not None:
                                yield chunk
                            if state.done:
                                await _read_to_end(stream)
                                return
                for event in decoder.close():
                    chunk = state.handle_data(event.data, event.event)
                    if chunk is not None:
                        yield chunk
                state.end_of_stream()
        except httpx.ConnectError as error:
            raise AIConnectionError(provider.name, provider.base_url, detail=type(error).__name__) from error
        except httpx.TimeoutException as error:
            if state.emitted:
                raise StreamInterruptedError(
                    provider.name, state.partial_text, detail=f"no data for {self.timeout:g} seconds"
                ) from error
            raise AITimeoutError(provider.name, self.timeout, detail=type(error).__name__) from error
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as error:
            if state.emitted:
                raise StreamInterruptedError(
                    provider.name, state.partial_text, detail="the connection was closed in the middle of the answer"
                ) from error
            raise ProviderDownError(provider.name, status=None, detail=type(error).__name__) from error
        except httpx.HTTPError as error:  # e.g. an invalid base URL
            raise AIConnectionError(provider.name, provider.base_url, detail=type(error).__name__) from error

    async def _stream_local(
        self, target: Target, messages: Sequence[Message], settings: LLMSettings
    ) -> AsyncGenerator[ChatChunk, None]:
        local = self._local
        if local is None:
            raise LocalModelUnavailableError("this build of the app has no on-device model.")
        state = StreamState(_LOCAL, target.model_ids[0])
        wire = wire_messages(messages, settings, images=False)
        for message in wire:
            # The small model has no vision or tools: send text only.
            message.pop("tool_calls", None)
            if not isinstance(message.get("content"), str):
                message["content"] = ""
        try:
            async with contextlib.aclosing(
                local.stream(
                    wire,
                    max_tokens=settings.max_tokens,
                    temperature=settings.temperature,
                    response_format=response_format(settings),
                )
            ) as payloads:
                async for payload in payloads:
                    chunk = state.handle_payload(payload)
                    if chunk is not None:
                        yield chunk
        except AIError:
            raise
        except Exception as error:  # llama.cpp surfaces failures as RuntimeError/ValueError
            if state.emitted:
                raise StreamInterruptedError(_LOCAL.name, state.partial_text, detail=str(error)) from error
            raise LocalModelUnavailableError(f"it stopped with an error ({error}).") from error
        state.end_of_stream()

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None
        if self._local is not None:
            await asyncio.to_thread(self._local.close)


async def _read_capped(response: httpx.Response, limit: int = _MAX_ERROR_BODY) -> bytes:
    parts: list[bytes] = []
    size = 0
    async with contextlib.aclosing(response.aiter_bytes()) as stream:  # type: ignore[type-var]
        async for data in stream:
            parts.append(data)
            size += len(data)
            if size >= limit:
                break
    return b"".join(parts)[:limit]


DRAIN_LIMIT = 64 * 1024
DRAIN_TIMEOUT_S = 0.25


async def _read_to_end(stream: AsyncIterator[bytes]) -> None:
    """After [DONE] the server ends the body at once: reading that end lets httpx keep the connection for the next
    request (no new TCP and TLS handshake; a tool round makes two requests). A server that keeps sending or keeps
    the stream open is cut off as before."""

    async def drain() -> None:
        seen = 0
        async for data in stream:
            seen += len(data)
            if seen > DRAIN_LIMIT:
                return

    with contextlib.suppress(Exception):  # a timeout or a dropped connection: nothing is lost, the answer is whole
        await asyncio.wait_for(drain(), DRAIN_TIMEOUT_S)
