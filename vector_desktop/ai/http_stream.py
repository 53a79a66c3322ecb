"""One streamed answer from an HTTP provider: POST /chat/completions, SSE events → ChatChunks, and httpx failures
→ typed errors (interrupted once the first token was shown, else a failure worth a retry or a fallback)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Sequence
from typing import TYPE_CHECKING

from vector_desktop.ai.chunks import StreamState
from vector_desktop.ai.error_mapping import error_from_response
from vector_desktop.ai.errors import (
    AIConnectionError,
    AIRequestError,
    AITimeoutError,
    ProviderDownError,
    StreamInterruptedError,
)
from vector_desktop.ai.request_body import build_body
from vector_desktop.ai.routing import Message, Target
from vector_desktop.ai.sse import SSEDecoder
from vector_desktop.ai.types import ChatChunk, LLMSettings, Usage

if TYPE_CHECKING:  # httpx (~30 ms) is imported with the first request, not at start-up
    import httpx

MAX_ERROR_BODY = 64 * 1024
DRAIN_LIMIT = 64 * 1024
DRAIN_TIMEOUT_S = 0.25


def http_timeouts(timeout: float) -> httpx.Timeout:
    import httpx

    return httpx.Timeout(timeout, connect=min(timeout, 15.0))


async def stream_http(
    client: Callable[[], httpx.AsyncClient],
    target: Target,
    messages: Sequence[Message],
    settings: LLMSettings,
    *,
    timeout: float,
    cost_of: Callable[[str, Usage], float | None],
) -> AsyncGenerator[ChatChunk, None]:
    """`client` gives the shared HTTP client (made when the request starts); `timeout` is for each read."""
    import httpx

    provider = target.provider
    model = target.model_ids[0]
    body = build_body(provider, target.model_ids, messages, settings, stream=True)
    state = StreamState(provider, model, cost_of)
    url = provider.url("chat/completions")
    try:
        async with client().stream(
            "POST", url, json=body, headers=provider.headers(stream=True), timeout=http_timeouts(timeout)
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
                provider.name, state.partial_text, detail=f"no data for {timeout:g} seconds"
            ) from error
        raise AITimeoutError(provider.name, timeout, detail=type(error).__name__) from error
    except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as error:
        if state.emitted:
            raise StreamInterruptedError(
                provider.name, state.partial_text, detail="the connection was closed in the middle of the answer"
            ) from error
        raise ProviderDownError(provider.name, status=None, detail=type(error).__name__) from error
    except httpx.HTTPError as error:  # e.g. an invalid base URL
        raise AIConnectionError(provider.name, provider.base_url, detail=type(error).__name__) from error


async def _read_capped(response: httpx.Response, limit: int = MAX_ERROR_BODY) -> bytes:
    parts: list[bytes] = []
    size = 0
    async with contextlib.aclosing(response.aiter_bytes()) as stream:  # type: ignore[type-var]
        async for data in stream:
            parts.append(data)
            size += len(data)
            if size >= limit:
                break
    return b"".join(parts)[:limit]


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
