"""Composer drafts saved while typing: any change is in the store within `delay` seconds (default 0.4 s), with at
most one write per conversation per `delay` however fast the user types. `flush()` writes at once (switching
conversation, closing the window). Qt-free: the view-model calls `changed()` from its textChanged slot."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)


class DraftSaver:
    def __init__(
        self,
        save: Callable[[str, str], Awaitable[Any]],
        delay: float = 0.4,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        """`save(conversation_id, text)` stores one draft (ChatService.save_draft fits; empty text removes it)."""
        self._save = save
        self.delay = delay
        self._sleep = sleep
        self._pending: dict[str, str] = {}
        self._timers: dict[str, asyncio.Task[None]] = {}

    def changed(self, conversation_id: str, text: str) -> None:
        self._pending[conversation_id] = text
        if conversation_id not in self._timers:
            self._timers[conversation_id] = asyncio.ensure_future(self._save_later(conversation_id))

    def discard(self, conversation_id: str) -> None:
        """The text was sent: forget what is pending (the service already removed the stored draft)."""
        self._pending.pop(conversation_id, None)
        timer = self._timers.pop(conversation_id, None)
        if timer is not None:
            timer.cancel()

    async def _save_later(self, conversation_id: str) -> None:
        try:
            await self._sleep(self.delay)
        finally:
            self._timers.pop(conversation_id, None)
        try:
            await self._write(conversation_id)
        except Exception:
            # Nobody awaits this task; the next change or flush() tries again with the newest text.
            log.exception("saving the draft of %s failed", conversation_id)

    async def _write(self, conversation_id: str) -> None:
        if conversation_id in self._pending:
            await self._save(conversation_id, self._pending.pop(conversation_id))

    async def flush(self, conversation_id: str | None = None) -> None:
        ids = [conversation_id] if conversation_id is not None else list(self._pending)
        for cid in ids:
            timer = self._timers.pop(cid, None)
            if timer is not None:
                timer.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await timer
            await self._write(cid)
