"""ChatService: sending messages, streaming answers into the store, Stop / Regenerate / Edit / Continue / Retry,
the offline outbox; the answer loop with its tool rounds is in chat_tool_rounds.py, what the model is sent in
chat_history.py, the journal of a streamed answer in chat_journal.py.

Rules it keeps:
- every message is in the store before anything is sent; an answer row exists (status streaming) before the first
  token, and the text received is journaled at least every `journal_interval` seconds, so a crash loses at most
  that much (the next start marks the row interrupted: ChatRepository.mark_interrupted_streams);
- store calls are small synchronous repository methods run through `run_blocking` (default: called directly), so
  the GUI can move them to a worker thread; where a step needs several, they go in one call (`_before_sending`,
  `_update_then_add`): each call is a hop to that thread and back, the largest cost of a round after the network;
- one answer at a time per conversation; `stop()` keeps the partial text (status cancelled).
Events go to ChatListener objects (domain/chat.py) on the event-loop thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, TypeVar

from vector_desktop.ai.chunks import ChatAccumulator
from vector_desktop.ai.types import ChatChunk, ChatMessage, LLMSettings, ToolSpec
from vector_desktop.domain.chat import (
    ChatError,
    ChatListener,
    ChatStore,
    ChatStreamer,
    Conversation,
    ConversationTotals,
    Message,
    MessageStatus,
    Role,
    SearchHit,
    ToolApprover,
    ToolCallRecord,
    ToolProvider,
)
from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.tool_policy import TOOL_DENIED, ConversationTools
from vector_desktop.domain.tools import ToolSpec as ToolDefinition
from vector_desktop.services.chat_history import extended, model_messages
from vector_desktop.services.chat_journal import Journal
from vector_desktop.services.chat_legacy_tools import as_provider
from vector_desktop.services.chat_next_rows import NextRow, RowArgs
from vector_desktop.services.chat_tool_rounds import (
    STOPPED_BY_SHUTDOWN,
    AnswerRun,
    Stopped,
    ToolRounds,
)

log = logging.getLogger(__name__)

RunBlocking = Callable[..., Awaitable[Any]]
T = TypeVar("T")
TITLE_LENGTH = 60
__all__ = ["TOOL_DENIED", "ChatService", "call_directly", "title_from"]
NOT_JSON = "JSON mode is on, but this answer is not valid JSON."
YIELD_AFTER = 0.008  # seconds of chunks handled in a row before the event loop gets a turn


async def call_directly(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """The default `run_blocking`: run the (short) store call right here."""
    return fn(*args, **kwargs)


def _now() -> datetime:
    return datetime.now(UTC)


def title_from(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1].rstrip() + "…"


def _error_text(error: BaseException) -> str:
    if isinstance(error, VectorError):
        return str(error)
    return f"Something went wrong while the answer was arriving ({type(error).__name__})."


_Run = AnswerRun
_Stopped = Stopped


class ChatService:
    def __init__(
        self,
        repo: ChatStore,
        streamer: ChatStreamer,
        clock: Callable[[], float] = time.monotonic,
        journal_interval: float = 0.25,
        run_blocking: RunBlocking = call_directly,
        *,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        tools: ToolProvider | None = None,
        approver: ToolApprover | None = None,  # deprecated: only with a pre-issue-11 provider
        is_reachable: Callable[[str], bool] | None = None,
        default_model: str | Callable[[], str] = "",
        local_model: str = "",
        local_streamer: ChatStreamer | None = None,
        max_tool_rounds: int = 8,
        history_limit: int = 200,
    ) -> None:
        self._repo = repo
        self._streamer = streamer
        self._clock = clock
        self.journal_interval = journal_interval
        self._run_blocking = run_blocking
        self._sleep = sleep
        self._tools = as_provider(tools, approver)
        self._rounds = ToolRounds(self)
        self._is_reachable = is_reachable
        self._default_model = default_model
        self.local_model = local_model
        self._local_streamer = local_streamer
        self.max_tool_rounds = max_tool_rounds
        self.history_limit = history_limit
        self._listeners: list[ChatListener] = []
        self._runs: dict[str, _Run] = {}
        self._flush_lock = asyncio.Lock()
        self.journal_writes = 0  # partial-text writes so far (for tests and diagnostics)

    # ------------------------------------------------------------------------------------------ listeners

    def add_listener(self, listener: ChatListener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: ChatListener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def _emit(self, event: str, *args: Any) -> None:
        for listener in list(self._listeners):
            handler = getattr(listener, event, None)
            if handler is None:
                continue
            try:
                handler(*args)
            except Exception:
                log.exception("chat listener %r failed on %s", listener, event)

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

    def set_reachability(self, is_reachable: Callable[[str], bool] | None) -> None:
        self._is_reachable = is_reachable

    def default_model(self) -> str:
        value = self._default_model
        return value() if callable(value) else value

    def model_of(self, conversation: Conversation) -> str:
        model = conversation.model or self.default_model()
        if not model:
            raise ChatError("Choose a model for this conversation first.")
        return model

    def is_reachable(self, model: str) -> bool:
        return True if self._is_reachable is None else bool(self._is_reachable(model))

    def is_busy(self, conversation_id: str) -> bool:
        return conversation_id in self._runs

    # ------------------------------------------------------------------------------------------ conversations

    async def create_conversation(self, **values: Any) -> Conversation:
        conversation: Conversation = await self._run_blocking(self._repo.create_conversation, **values)
        self._emit("conversation_changed", conversation)
        return conversation

    async def update_conversation(self, conversation_id: str, **values: Any) -> Conversation:
        """Rename, pin, system prompt, model, fallback_models, temperature, json_mode."""
        conversation: Conversation = await self._run_blocking(self._repo.update_conversation, conversation_id, **values)
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
        await self._run_blocking(self._repo.purge_deleted, _now() - timedelta(days=bin_days))
        return interrupted

    async def get_conversation(self, conversation_id: str) -> Conversation:
        conversation: Conversation | None = await self._run_blocking(self._repo.get_conversation, conversation_id)
        if conversation is None:
            raise ChatError(f"There is no conversation with the id {conversation_id}.")
        return conversation

    async def messages_page(
        self, conversation_id: str, before_seq: int | None = None, limit: int = 50
    ) -> list[Message]:
        result: list[Message] = await self._run_blocking(self._repo.messages_page, conversation_id, before_seq, limit)
        return result

    async def totals(self, conversation_id: str) -> ConversationTotals:
        result: ConversationTotals = await self._run_blocking(self._repo.conversation_totals, conversation_id)
        return result

    async def save_draft(self, conversation_id: str, text: str) -> None:
        await self._run_blocking(self._repo.save_draft, conversation_id, text)

    async def draft(self, conversation_id: str) -> str:
        draft = await self._run_blocking(self._repo.get_draft, conversation_id)
        return draft.text if draft is not None else ""

    # ------------------------------------------------------------------------------------------ sending

    async def send(self, conversation_id: str, text: str, images: Sequence[str] = ()) -> Message:
        """Store the user's message, then stream the answer. Returns the answer, or the user's message when it
        went to the outbox (the model's server cannot be reached, or earlier messages are still queued)."""
        if not text.strip() and not images:
            raise ChatError("The message is empty.")

        async def work(run: _Run) -> Message:
            # One read (the conversation, its outbox, the page the model is sent) and one write (the message, with
            # the title of a new conversation and the cleared draft) before the request goes out.
            conversation, earlier_queued, page = await self._run_blocking(self._before_sending, conversation_id)
            model = self.model_of(conversation)
            queue_it = earlier_queued or not self.is_reachable(model)
            title = title_from(text) if not conversation.title and text.strip() else None
            user: Message = await self._run_blocking(
                self._repo.add_message,
                conversation_id,
                Role.USER,
                text,
                status=MessageStatus.QUEUED if queue_it else MessageStatus.COMPLETE,
                model=model,
                images=tuple(images),
                queued_at=_now() if queue_it else None,
                title=title,
                draft="",
            )
            run.last_message = user
            self._emit("message_added", user)
            if title is not None:
                conversation = replace(conversation, title=title, updated_at=user.created_at)
                self._emit("conversation_changed", conversation)
            if queue_it:
                return user
            upto = page[-1].seq if page else 0
            return await self._rounds.answer(
                run, conversation, user, page=extended(page, upto, [user], self.history_limit)
            )

        result = await self._guarded(conversation_id, work)
        if result.status is MessageStatus.QUEUED and self.is_reachable(result.model):
            await self.flush_outbox(conversation_id)  # back online, but older messages had to go first
            return await self._final_answer_to(result)
        return result

    def _before_sending(self, conversation_id: str) -> tuple[Conversation, bool, list[Message]]:
        """(On the store's thread.) The conversation, whether messages wait in its outbox, its latest page."""
        conversation = self._repo.get_conversation(conversation_id)
        if conversation is None:
            raise ChatError(f"There is no conversation with the id {conversation_id}.")
        queued = bool(self._repo.queued_messages(conversation_id))
        return conversation, queued, self._repo.messages_page(conversation_id, None, self.history_limit)

    async def _final_answer_to(self, question: Message) -> Message:
        """The last answer given to `question` (after tool rounds), or the question itself when unanswered."""
        current = await self._message(question.id)
        later: list[Message] = await self._run_blocking(
            self._repo.messages_after, question.conversation_id, current.seq
        )
        answer = current
        for message in later:
            if message.role is Role.USER:
                break
            if message.role is Role.ASSISTANT:
                answer = message
        return answer

    def stop(self, conversation_id: str | None = None) -> bool:
        """Stop the answer arriving in a conversation (or in all); the text so far is kept as cancelled."""
        stopped = False
        for cid, run in list(self._runs.items()):
            if conversation_id is not None and cid != conversation_id:
                continue
            run.stop_requested = True
            if run.child is not None and not run.child.done():
                run.child.cancel()
            stopped = True
        return stopped

    def stop_tool_call(self, message_id: int) -> bool:
        """Stop one running tool call (by its tool row); the model is told and the answer goes on."""
        return self._rounds.stop_call(message_id)

    def shutdown(self) -> None:
        """App closing: cancel every answer in progress; each is saved as interrupted (Continue works later)."""
        for run in list(self._runs.values()):
            if run.task is not None and not run.task.done():
                run.task.cancel()

    async def regenerate(self, message_id: int, model: str | None = None) -> Message:
        """Answer the question again: the answer (and everything after it) is replaced by a new one."""
        message = await self._message(message_id)
        if message.role is not Role.ASSISTANT:
            raise ChatError("Only an answer can be regenerated.")
        conversation = await self.get_conversation(message.conversation_id)

        async def work(run: _Run) -> Message:
            anchor = await self._question_before(message)
            await self._drop_after(anchor)
            return await self._rounds.answer(run, conversation, anchor, model=model)

        return await self._guarded(conversation.id, work)

    async def edit_and_resend(self, message_id: int, new_text: str) -> Message:
        """Change one of the user's messages and answer it again (everything after it is replaced).
        A queued message is only edited: it stays in the outbox."""
        if not new_text.strip():
            raise ChatError("The message is empty.")
        message = await self._message(message_id)
        if message.role is not Role.USER:
            raise ChatError("Only your own messages can be edited.")
        conversation = await self.get_conversation(message.conversation_id)

        async def work(run: _Run) -> Message:
            edited: Message = await self._run_blocking(
                self._repo.update_message, message.id, content=new_text, error=""
            )
            run.last_message = edited
            self._emit("message_changed", edited)
            if edited.status is MessageStatus.QUEUED:
                return edited
            await self._drop_after(edited)
            return await self._rounds.answer(run, conversation, edited)

        return await self._guarded(conversation.id, work)

    async def retry(self, message_id: int, model: str | None = None) -> Message:
        """Try again: an answer is regenerated; a user message (queued or unanswered) is sent now."""
        message = await self._message(message_id)
        if message.role is Role.ASSISTANT:
            return await self.regenerate(message_id, model)
        if message.role is not Role.USER:
            raise ChatError("This message cannot be sent again.")
        conversation = await self.get_conversation(message.conversation_id)

        async def work(run: _Run) -> Message:
            question = message
            if question.status is MessageStatus.QUEUED:
                question = await self._mark_sent(question)
            await self._drop_after(question)
            return await self._rounds.answer(run, conversation, question, model=model)

        return await self._guarded(conversation.id, work)

    async def retry_tool_call(self, message_id: int) -> Message:
        """Run a tool call again (a tool row interrupted, stopped, failed or not allowed): the policy applies again,
        the row gets the new result, then the answer goes on (when nothing was said after that round)."""
        message = await self._message(message_id)
        if message.role is not Role.TOOL:
            raise ChatError("Only a tool call can be run again here.")
        return await self._guarded(message.conversation_id, lambda run: self._rounds.retry(run, message))

    async def continue_(self, message_id: int) -> Message:
        """Continue an answer that stopped early: the model gets the partial text as the start of its answer,
        and what it writes is appended to the same message."""
        message = await self._message(message_id)
        if not message.can_continue:
            raise ChatError("Only an answer that stopped early can be continued.")
        conversation = await self.get_conversation(message.conversation_id)
        model = message.model or self.model_of(conversation)

        async def work(run: _Run) -> Message:
            history = await self._history(conversation.id, message.seq - 1)
            history.append(ChatMessage("assistant", message.content))
            settings = self._settings(conversation, model, ())
            streaming: Message = await self._run_blocking(
                self._repo.update_message, message.id, status=MessageStatus.STREAMING, error=""
            )
            run.last_message = streaming
            self._emit("message_started", streaming)
            return await self._stream_into(run, streaming, history, settings, self._streamer_for(model))

        return await self._guarded(conversation.id, work)

    async def answer_locally(self, message_id: int) -> Message:
        """Answer a queued message with the on-device model now instead of waiting to be online."""
        if not self.local_model:
            raise ChatError("There is no on-device model in this installation.")
        message = await self._message(message_id)
        if message.role is not Role.USER or message.status is not MessageStatus.QUEUED:
            raise ChatError("Only a message waiting in the outbox can be answered on this computer.")
        conversation = await self.get_conversation(message.conversation_id)
        return await self._guarded(
            conversation.id, lambda run: self._send_queued(run, conversation, message, self.local_model)
        )

    async def _send_queued(self, run: _Run, conversation: Conversation, message: Message, model: str) -> Message:
        message = await self._mark_sent(message)
        return await self._rounds.answer(run, conversation, message, model=model)

    async def flush_outbox(self, conversation_id: str | None = None) -> int:
        """Send queued messages in the order they were written, when their model's server can be reached.
        A conversation whose next message cannot go (unreachable, busy, or its answer failed) waits, so
        its messages keep their order. Returns how many were sent."""
        async with self._flush_lock:
            sent = 0
            waiting: set[str] = set()
            while True:
                queued: list[Message] = await self._run_blocking(self._repo.queued_messages, conversation_id)
                queued = [m for m in queued if m.conversation_id not in waiting]
                if not queued:
                    return sent
                message = queued[0]
                conversation: Conversation | None = await self._run_blocking(
                    self._repo.get_conversation, message.conversation_id
                )
                if conversation is None:
                    waiting.add(message.conversation_id)
                    continue
                model = message.model or conversation.model or self.default_model()
                if not model or not self.is_reachable(model) or self.is_busy(conversation.id):
                    waiting.add(conversation.id)
                    continue
                answer = await self._guarded(
                    conversation.id, partial(self._send_queued, conversation=conversation, message=message, model=model)
                )
                sent += 1
                if answer.status is not MessageStatus.COMPLETE:
                    waiting.add(conversation.id)

    # ------------------------------------------------------------------------------------------ internals

    async def _message(self, message_id: int) -> Message:
        message: Message | None = await self._run_blocking(self._repo.get_message, message_id)
        if message is None:
            raise ChatError(f"There is no message with the id {message_id}.")
        return message

    def _ensure_idle(self, conversation_id: str) -> None:
        if conversation_id in self._runs:
            raise ChatError("An answer is still arriving in this conversation; wait for it or stop it first.")

    async def _mark_sent(self, message: Message) -> Message:
        sent: Message = await self._run_blocking(
            self._repo.update_message, message.id, status=MessageStatus.COMPLETE, queued_at=None
        )
        self._emit("message_changed", sent)
        return sent

    async def _question_before(self, message: Message) -> Message:
        before = message.seq
        while True:
            page = await self.messages_page(message.conversation_id, before, 50)
            for candidate in reversed(page):
                if candidate.role is Role.USER:
                    return candidate
            if len(page) < 50:
                raise ChatError("There is no question before this answer to answer again.")
            before = page[0].seq

    async def _drop_after(self, anchor: Message) -> None:
        later: list[Message] = await self._run_blocking(self._repo.messages_after, anchor.conversation_id, anchor.seq)
        if not later:
            return
        ids = [m.id for m in later]
        await self._run_blocking(self._repo.delete_messages, ids)
        self._emit("messages_removed", anchor.conversation_id, ids)

    async def _guarded(self, conversation_id: str, work: Callable[[_Run], Awaitable[Message]]) -> Message:
        """Run `work` as the conversation's one answer in progress (claimed here, with no await before)."""
        self._ensure_idle(conversation_id)
        run = _Run(asyncio.current_task())
        self._runs[conversation_id] = run
        try:
            return await work(run)
        finally:
            self._runs.pop(conversation_id, None)
            await self._announce(conversation_id)

    async def _announce(self, conversation_id: str) -> None:
        """Tell listeners the conversation changed (totals, activity); never fails the answer itself."""
        try:
            conversation = await self.get_conversation(conversation_id)
        except Exception:
            log.debug("conversation %s not announced", conversation_id, exc_info=True)
            return
        self._emit("conversation_changed", conversation)

    async def _interruptible(self, run: _Run, work: Awaitable[T]) -> T:
        """Await `work` in a child task that stop() may cancel; raises _Stopped when it did."""
        if run.stop_requested:
            if inspect.iscoroutine(work):
                work.close()
            raise _Stopped
        child = asyncio.ensure_future(work)
        run.child = child
        try:
            return await child
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if run.stop_requested and child.cancelled() and not (current is not None and current.cancelling()):
                raise _Stopped from None
            raise  # the caller itself is being cancelled (app closing)
        finally:
            run.child = None

    def _update_then_add(self, message_id: int, values: dict[str, Any], row: RowArgs) -> tuple[Message, Message | None]:
        """(On the store's thread.) A message's final state and the row that follows it, in one hop. The row is
        not announced yet (the caller does, or removes it); when it cannot be written, the caller writes it (and
        meets the error) the usual way."""
        final = self._repo.update_message(message_id, **values)
        args, kwargs = row
        try:
            return final, self._repo.add_message(*args, **kwargs)
        except VectorError:
            log.debug("the row after message %s was not written ahead", message_id, exc_info=True)
            return final, None

    def _streamer_for(self, model: str) -> ChatStreamer:
        if self._local_streamer is not None and model == self.local_model:
            return self._local_streamer
        return self._streamer

    def _settings(self, conversation: Conversation, model: str, tools: Sequence[ToolSpec]) -> LLMSettings:
        # The conversation's fallbacks belong to its own model, not to a one-off choice (e.g. on-device).
        fallbacks = conversation.fallback_models if model == (conversation.model or self.default_model()) else ()
        return LLMSettings(
            model=model,
            fallback_models=tuple(m for m in fallbacks if m != model),
            temperature=conversation.temperature,
            json_mode=conversation.json_mode,
            system_prompt=conversation.system_prompt,
            tools=tuple(tools),
        )

    async def _history(self, conversation_id: str, upto_seq: int) -> list[ChatMessage]:
        """What the model is sent: the latest `history_limit` messages up to `upto_seq`, in order."""
        return model_messages(await self._page_upto(conversation_id, upto_seq))

    async def _page_upto(self, conversation_id: str, upto_seq: int) -> list[Message]:
        return await self.messages_page(conversation_id, upto_seq + 1, self.history_limit)

    async def _stream_into(
        self,
        run: _Run,
        message: Message,
        history: list[ChatMessage],
        settings: LLMSettings,
        streamer: ChatStreamer,
        then: NextRow | None = None,
    ) -> Message:
        """Receive one answer into `message` (which may already hold a prefix to continue). `then(values)` may name
        the row that follows the finished answer: it is written in the same hop and left in `run.ahead`."""
        journal = Journal(self, message.id, message.content)
        collected = ChatAccumulator()
        status = MessageStatus.COMPLETE
        error = ""
        try:
            await self._interruptible(run, self._receive(message, history, settings, streamer, journal, collected))
        except _Stopped:
            status = MessageStatus.CANCELLED
        except asyncio.CancelledError:
            await self._finish(message, journal, collected, MessageStatus.INTERRUPTED, STOPPED_BY_SHUTDOWN)
            raise
        except Exception as exc:
            if not isinstance(exc, VectorError):
                log.exception("answer stream failed")
            partial = getattr(exc, "partial_text", "")
            if partial and not journal.received:
                journal.append(partial)  # the streamer kept text it had not handed over as chunks
            status = MessageStatus.INTERRUPTED if journal.received else MessageStatus.FAILED
            error = _error_text(exc)
        return await self._finish(message, journal, collected, status, error, settings.json_mode, run=run, then=then)

    async def _receive(
        self,
        message: Message,
        history: list[ChatMessage],
        settings: LLMSettings,
        streamer: ChatStreamer,
        journal: Journal,
        collected: ChatAccumulator,
    ) -> None:
        # Iterated, and closed, in this one task: HTTP streams must not change tasks midway.
        chunks: AsyncIterator[ChatChunk] = streamer.stream(history, settings)
        busy_since = time.perf_counter()
        try:
            async for chunk in chunks:
                collected.add(chunk)
                if chunk.text:
                    journal.append(chunk.text)
                    self._emit("message_delta", message.id, chunk.text)
                    await journal.tick()
                if time.perf_counter() - busy_since > YIELD_AFTER:
                    # A burst (hundreds of chunks in one network read) must not hold the loop, i.e. the GUI.
                    await asyncio.sleep(0)
                    busy_since = time.perf_counter()
        finally:
            aclose = getattr(chunks, "aclose", None)
            if aclose is not None:
                await aclose()

    async def _finish(
        self,
        message: Message,
        journal: Journal,
        collected: ChatAccumulator,
        status: MessageStatus,
        error: str,
        wants_json: bool = False,
        *,
        run: _Run | None = None,
        then: NextRow | None = None,
    ) -> Message:
        await journal.close()
        text = journal.text
        calls = collected.tool_calls() if status is MessageStatus.COMPLETE else ()
        usage = collected.usage
        if status is MessageStatus.COMPLETE and not error and not calls and wants_json and text:
            try:
                json.loads(text)
            except ValueError:
                error = NOT_JSON
        values: dict[str, Any] = {
            "content": text,
            "status": status,
            "error": error,
            "finish_reason": collected.finish_reason,
            "model": _answered_by(message.model, collected.model),
            "provider": collected.provider or message.provider,
            # A continued answer adds up both requests.
            "prompt_tokens": message.prompt_tokens + usage.prompt_tokens,
            "completion_tokens": message.completion_tokens + usage.completion_tokens,
            "cost": _add_cost(message.cost, usage.cost),
            "tool_calls": tuple(ToolCallRecord(c.id, c.name, c.arguments) for c in calls),
        }
        following = then(values) if then is not None and run is not None else None
        final: Message
        if following is None:
            final = await self._run_blocking(self._repo.update_message, message.id, **values)
        else:
            assert run is not None
            final, run.ahead = await self._run_blocking(self._update_then_add, message.id, values, following)
        if final.status in (MessageStatus.FAILED, MessageStatus.INTERRUPTED) and final.error:
            self._emit("message_failed", final)
        else:
            self._emit("message_finished", final)
        return final


def _answered_by(requested: str, reported: str) -> str:
    """The model to show and to continue with: the one that answered (fallbacks), as long as its id can be
    routed again. On-device and user-added servers report bare names or file paths, so their id is kept."""
    if not reported or requested.startswith(("local:", "compat:")):
        return requested
    return reported


def _add_cost(before: float | None, more: float | None) -> float | None:
    if before is None:
        return more
    return before + (more or 0.0)
