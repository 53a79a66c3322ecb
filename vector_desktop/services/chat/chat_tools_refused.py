"""A ChatStreamer that, when the server refuses the request because of its tools (before any chunk), asks again
without them."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from typing import Any

from vector_desktop.ai.errors import ToolsNotSupportedError
from vector_desktop.ai.types import ChatChunk, LLMSettings
from vector_desktop.domain.chat import ChatStreamer

log = logging.getLogger(__name__)


class WithoutToolsIfRefused:
    """`on_refused` runs once the refusal is known, before the request without tools (to tell the conversation)."""

    def __init__(self, streamer: ChatStreamer, model: str, on_refused: Callable[[], None]) -> None:
        self._streamer = streamer
        self._model = model
        self._on_refused = on_refused

    async def stream(self, messages: list[Any], settings: LLMSettings) -> AsyncIterator[ChatChunk]:
        chunks = self._streamer.stream(messages, settings)
        received = False
        try:
            try:
                async for chunk in chunks:
                    received = True
                    yield chunk
                return
            except ToolsNotSupportedError:
                if received:
                    raise
        finally:
            aclose = getattr(chunks, "aclose", None)
            if aclose is not None:
                await aclose()
        log.info("%s refused tools; answering without them", self._model)
        self._on_refused()
        again = self._streamer.stream(messages, replace(settings, tools=()))
        try:
            async for chunk in again:
                yield chunk
        finally:
            aclose = getattr(again, "aclose", None)
            if aclose is not None:
                await aclose()
