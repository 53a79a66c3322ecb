"""The journal of a streamed answer: the text received so far is written to the store at least every
`journal_interval` seconds (of the service's clock), so a crash or kill loses at most that much."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vector_desktop.services.chat.chat_answer_stream import ChatAnswerStream


@dataclass
class Journal:
    """Accumulates streamed text and writes it to the store at least every `interval` seconds."""

    service: ChatAnswerStream
    message_id: int
    prefix: str = ""
    parts: list[str] = field(default_factory=list)
    length: int = 0
    written_length: int = 0
    last_write: float = 0.0
    timer: asyncio.Task[None] | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def __post_init__(self) -> None:
        if self.prefix:
            self.parts.append(self.prefix)
        self.length = self.written_length = len(self.prefix)
        self.last_write = self.service._clock()

    @property
    def text(self) -> str:
        if len(self.parts) > 1:
            self.parts[:] = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    @property
    def received(self) -> bool:
        """Some text arrived in this stream (beyond the prefix being continued)."""
        return self.length > len(self.prefix)

    def append(self, delta: str) -> None:
        self.parts.append(delta)
        self.length += len(delta)

    async def tick(self) -> None:
        if self.length == self.written_length:
            return
        due = self.last_write + self.service.journal_interval
        if self.service._clock() >= due:
            if self.timer is not None:  # this write covers what the timer was waiting for
                self.timer.cancel()
                self.timer = None
            await self.write()
        elif self.timer is None:
            # Text is waiting: make sure it is written on time even if the next chunk is late.
            self.timer = asyncio.ensure_future(self._write_later(due - self.service._clock()))

    async def _write_later(self, delay: float) -> None:
        await self.service._sleep(max(delay, 0.0))
        self.timer = None
        await self.write()

    async def write(self) -> None:
        async with self.lock:
            if self.length == self.written_length:
                return
            text, length = self.text, self.length
            await self.service._run_blocking(self.service._repo.journal_partial, self.message_id, text)
            self.written_length = length
            self.last_write = self.service._clock()
            self.service.journal_writes += 1

    async def close(self) -> None:
        timer, self.timer = self.timer, None
        if timer is not None and not timer.done():
            timer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await timer
        async with self.lock:  # let a write already under way finish before the final update
            pass
