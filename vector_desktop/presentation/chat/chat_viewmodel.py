"""View-model of the chat panel: conversations, the open transcript, the composer's draft, sending and the answer
actions, search, export and the outbox; `tools` (ChatToolsViewModel) holds the tools choice and the approver.

Its parts, one job each, are a chain of classes: chat_vm_state (signals, state, draft, tasks) → chat_vm_events (the
service's events, totals, hints) → chat_vm_conversations (list, opening, settings, export) → chat_vm_sending
(sending and answer actions) → ChatViewModel here (search and shutdown). Errors of every action come out of
`error_occurred`.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from PySide6.QtCore import QCoreApplication

from vector_desktop.domain.chat import ChatError
from vector_desktop.presentation.chat.chat_vm_sending import ChatSendingPart


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatViewModel", text)  # one translation context for every part


class ChatViewModel(ChatSendingPart):
    def _connect_parts(self) -> None:
        super()._connect_parts()
        self._search_timer.timeout.connect(self._run_search)

    # ------------------------------------------------------------------------------------------------ search

    def search(self, query: str) -> None:
        """Filter the conversation list by title at once, and search every message (debounced)."""
        self.conversations_proxy.setFilterFixedString(query.strip())
        self._search_query = query
        if not query.strip():
            self._search_timer.stop()
            self.search_results.set_hits("", [])
            self.search_finished.emit("", 0)
            return
        self._search_timer.start()

    def _run_search(self) -> None:
        self._start(self._search(self._search_query), "chat.search")

    async def _search(self, query: str) -> None:
        hits = await self._service.search(query, limit=50)
        if query != self._search_query:
            return
        self.search_results.set_hits(query, hits)
        self.search_finished.emit(query, len(hits))

    def open_search_hit(self, row: int) -> asyncio.Task[Any] | None:
        hit = self.search_results.hit_at(row)
        if hit is None:
            return None
        return self.jump_to_message(hit.conversation_id, hit.message_id)

    def jump_to_message(self, conversation_id: str, message_id: int) -> asyncio.Task[Any]:
        return self._start(self._jump(conversation_id, message_id), "chat.jump")

    async def _jump(self, conversation_id: str, message_id: int) -> None:
        if conversation_id != self.current_id:
            await self._select(conversation_id)
        self._frame.flush()
        self._jumps += 1
        try:
            while self.messages.row_of(message_id) < 0:
                if not self.messages.has_older or self.messages.conversation_id != conversation_id:
                    raise ChatError(_tr("That message is no longer in the conversation."))
                await self._load_older(max(self.page_size, 200))
        finally:
            self._jumps -= 1
        self.scroll_to_message.emit(message_id)

    # ------------------------------------------------------------------------------------------------ shutdown

    async def aclose(self, timeout: float = 5.0) -> None:
        """Shutdown: save the draft, deny open tool questions, stop answers (kept as interrupted) and wait for
        the tasks to finish writing."""
        if self._closed:
            return
        save = self._save_draft_now()
        if save is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(save), timeout)
        self._closed = True
        for timer in (self._draft_timer, self._search_timer, self._context_timer):
            timer.stop()
        self.tools.close()
        self._service.remove_listener(self._listener)
        self._tasks.cancel_all()
        running = list(self._running)
        if running:
            await asyncio.wait(running, timeout=timeout)

    def close(self) -> None:
        """Synchronous part of shutdown (no waiting): cancel everything."""
        self._closed = True
        self.tools.close()
        self._service.remove_listener(self._listener)
        self._tasks.cancel_all()
