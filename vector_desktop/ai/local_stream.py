"""One streamed answer from the on-device model: text-only messages in, ChatChunks out, llama.cpp failures typed."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, Sequence

from vector_desktop.ai.chunks import StreamState
from vector_desktop.ai.errors import AIError, LocalModelUnavailableError, StreamInterruptedError
from vector_desktop.ai.local_model import LocalModel
from vector_desktop.ai.request_body import response_format, wire_messages
from vector_desktop.ai.routing import LOCAL_PROVIDER, Message, Target
from vector_desktop.ai.types import ChatChunk, LLMSettings


async def stream_local(
    local: LocalModel | None, target: Target, messages: Sequence[Message], settings: LLMSettings
) -> AsyncGenerator[ChatChunk, None]:
    if local is None:
        raise LocalModelUnavailableError("this build of the app has no on-device model.")
    state = StreamState(LOCAL_PROVIDER, target.model_ids[0])
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
            raise StreamInterruptedError(LOCAL_PROVIDER.name, state.partial_text, detail=str(error)) from error
        raise LocalModelUnavailableError(f"it stopped with an error ({error}).") from error
    state.end_of_stream()
