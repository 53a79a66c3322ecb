"""ChatService: conversations (list, rename, pin, bin, search, drafts, totals), the tools a conversation offers,
and, through its parts, sending messages and streaming answers into the store, Stop / Regenerate / Edit / Continue /
Retry and the offline outbox. The parts, one job each: chat_answer_stream.py (state, listeners, one answer streamed
into its row), chat_sending.py (sending and the answer actions); the answer loop with its tool rounds is in
chat_tool_rounds.py, what the model is sent in chat_history.py, the journal of a streamed answer in chat_journal.py.

Rules it keeps:
- every message is in the store before anything is sent; an answer row exists (status streaming) before the first
  token, and the text received is journaled at least every `journal_interval` seconds, so a crash loses at most
  that much (the next start marks the row interrupted: ChatRepository.mark_interrupted_streams);
- store calls are small synchronous repository methods run through `run_blocking` (default: called directly), so
  the GUI can move them to a worker thread; where a step needs several, they go in one call (`_ask`,
  `_update_then_add`): each call is a hop to that thread and back, the largest cost of a round after the network;
- one answer at a time per conversation; `stop()` keeps the partial text (status cancelled).
Events go to ChatListener objects (domain/chat.py) on the event-loop thread.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from vector_desktop.domain.chat import (
    ChatError,
    Conversation,
    ConversationTotals,
    PreparesTools,
    SearchHit,
    ToolApprover,
    ToolProvider,
)
from vector_desktop.domain.tool_policy import ConversationTools
from vector_desktop.domain.tools import ToolSpec as ToolDefinition
from vector_desktop.services.chat.chat_answer_stream import utc_now
from vector_desktop.services.chat.chat_legacy_tools import as_provider
from vector_desktop.services.chat.chat_sending import ChatSending

log = logging.getLogger(__name__)


class ChatService(ChatSending):
    # ------------------------------------------------------------------------------------------ configuration

    def set_tools(self, tools: ToolProvider | None, approver: ToolApprover | None = None) -> None:
        """The tools offered to the model (services/chat_tools' ChatToolbox). `approver` is deprecated: pass it only
        with a pre-issue-11 provider (`list_tools()`, `call(name, arguments) -> str`)."""
        self._tools = as_provider(tools, approver)

    @property
    def has_tools(self) -> bool:
        return self._tools is not None

    async def tool_choices(self) -> list[ToolDefinition]:
        """Every tool a conversation could offer (enabled tools of enabled connectors), for "Choose…"."""
        return list(await self._tools.choosable()) if self._tools is not None else []

    async def conversation_tools(self, conversation_id: str) -> ConversationTools:
        if self._tools is None:
            return ConversationTools(mode="none")
        return await self._tools.conversation_tools(conversation_id)

    async def set_conversation_tools(self, conversation_id: str, choice: ConversationTools) -> None:
        if self._tools is None:
            raise ChatError("No tools are available in this app.")
        await self._tools.set_conversation_tools(conversation_id, choice)

    async def tools_for(self, conversation_id: str, model: str | None = None) -> tuple[int, int]:
        """How many tools the next answer offers the model and about how many tokens their definitions add
        (0, 0 when the model, by default the conversation's, cannot use tools)."""
        if model is None:
            conversation = await self.get_conversation(conversation_id)
            model = conversation.model or self.default_model()
        if not self._rounds.can_use_tools(model):
            return 0, 0
        specs = await self._rounds.offered(conversation_id)
        return len(specs), sum(spec.token_cost for spec in specs)

    async def prepare_tools(self, conversation_id: str, model: str) -> None:
        """The user is writing in this conversation (`model` answers it): what its tools need starts now, in the
        background, so that the model's first call does not wait for it (PreparesTools; nothing for a model that
        cannot use tools). Never raises."""
        tools = self._tools
        if not isinstance(tools, PreparesTools) or not self._rounds.can_use_tools(model):
            return
        try:
            await tools.prepare(conversation_id)
        except Exception:
            log.warning("the tools of conversation %s were not prepared", conversation_id or "(new)", exc_info=True)

    # ------------------------------------------------------------------------------------------ conversations

    async def create_conversation(self, **values: Any) -> Conversation:
        conversation: Conversation = await self._run_blocking(self._repo.create_conversation, **values)
        self._seen_models[conversation.id] = conversation.model
        self._emit("conversation_changed", conversation)
        return conversation

    async def update_conversation(self, conversation_id: str, **values: Any) -> Conversation:
        """Rename, pin, system prompt, model, fallback_models, temperature, json_mode."""
        conversation: Conversation = await self._run_blocking(self._repo.update_conversation, conversation_id, **values)
        self._seen_models[conversation.id] = conversation.model
        self._emit("conversation_changed", conversation)
        return conversation

    async def list_conversations(self, query: str = "", *, deleted: bool = False) -> list[Conversation]:
        """Pinned first, then most recently active; `query` filters titles; `deleted` lists the bin."""
        result: list[Conversation] = await self._run_blocking(self._repo.list_conversations, query, deleted=deleted)
        return result

    async def delete_conversation(self, conversation_id: str) -> Conversation:
        """Move to the bin (an answer still arriving is stopped first); undo with restore_conversation."""
        self.stop(conversation_id)
        conversation: Conversation = await self._run_blocking(self._repo.delete_conversation, conversation_id)
        self._emit("conversation_changed", conversation)
        return conversation

    async def restore_conversation(self, conversation_id: str) -> Conversation:
        conversation: Conversation = await self._run_blocking(self._repo.restore_conversation, conversation_id)
        self._emit("conversation_changed", conversation)
        return conversation

    async def search(self, query: str, limit: int = 50, conversation_id: str | None = None) -> list[SearchHit]:
        hits: list[SearchHit] = await self._run_blocking(
            self._repo.search, query, limit=limit, conversation_id=conversation_id
        )
        return hits

    async def recover(self, bin_days: float = 7.0) -> int:
        """At start: answers and tool calls a crash left streaming become interrupted (Continue / Retry; a tool call
        is never run again by itself), and conversations in the bin for more than `bin_days` are removed for good.
        Returns how many messages were interrupted."""
        interrupted: int = await self._run_blocking(self._repo.mark_interrupted_streams)
        await self._run_blocking(self._repo.purge_deleted, utc_now() - timedelta(days=bin_days))
        return interrupted

    async def totals(self, conversation_id: str) -> ConversationTotals:
        result: ConversationTotals = await self._run_blocking(self._repo.conversation_totals, conversation_id)
        return result

    async def save_draft(self, conversation_id: str, text: str) -> None:
        await self._run_blocking(self._repo.save_draft, conversation_id, text)

    async def draft(self, conversation_id: str) -> str:
        draft = await self._run_blocking(self._repo.get_draft, conversation_id)
        return draft.text if draft is not None else ""
