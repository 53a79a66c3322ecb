"""The base of ChatService (chat_answer_stream → chat_sending → chat_service): the service's state and listeners,
the model a conversation uses, and the streaming of one answer into its row (journaled while it arrives, finished
with its status, usage and tool calls).

ToolRounds (chat_tool_rounds.py) and the Journal (chat_journal.py) work on this part of the service.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from vector_desktop.ai.chunks import ChatAccumulator
from vector_desktop.ai.types import ChatChunk, ChatMessage, LLMSettings, ToolSpec
from vector_desktop.domain.chat import (
    ChatError,
    ChatListener,
    ChatStore,
    ChatStreamer,
    Conversation,
    Message,
    MessageRowArgs,
    MessageStatus,
    ToolApprover,
    ToolCallRecord,
    ToolProvider,
)
from vector_desktop.domain.errors import VectorError
from vector_desktop.services.chat.chat_history import model_messages
from vector_desktop.services.chat.chat_journal import Journal
from vector_desktop.services.chat.chat_legacy_tools import as_provider
from vector_desktop.services.chat.chat_next_rows import NextRow
from vector_desktop.services.chat.chat_tool_rounds import (
    STOPPED_BY_SHUTDOWN,
    AnswerRun,
    Stopped,
    ToolRounds,
)

log = logging.getLogger(__name__)

RunBlocking = Callable[..., Awaitable[Any]]
T = TypeVar("T")
NOT_JSON = "JSON mode is on, but this answer is not valid JSON."
YIELD_AFTER = 0.008  # seconds of chunks handled in a row before the event loop gets a turn


async def call_directly(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """The default `run_blocking`: run the (short) store call right here."""
    return fn(*args, **kwargs)


def utc_now() -> datetime:
    return datetime.now(UTC)


def _error_text(error: BaseException) -> str:
    if isinstance(error, VectorError):
        return str(error)
    return f"Something went wrong while the answer was arriving ({type(error).__name__})."


_Run = AnswerRun
_Stopped = Stopped


class ChatAnswerStream:
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
        # conversation id -> its own model ("": the default) as last read or written here: a send plans for it
        self._seen_models: dict[str, str] = {}
        self._flush_lock = asyncio.Lock()
        self._models_settled: asyncio.Future[None] | None = None
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

    def set_reachability(self, is_reachable: Callable[[str], bool] | None) -> None:
        self._is_reachable = is_reachable

    def default_model(self) -> str:
        value = self._default_model
        return value() if callable(value) else value

    def wait_for_models(self, settled: asyncio.Future[None]) -> None:
        """Until `settled` is done, answers and the outbox wait: the GUI shows the chat before the keychain has
        given the providers' keys, and a message sent in that moment must go to the model it would go to a moment
        later, not to the only one known without keys."""
        self._models_settled = settled

    async def models_settled(self) -> None:
        if self._models_settled is not None and not self._models_settled.done():
            await asyncio.shield(self._models_settled)

    async def settled_default_model(self) -> str:
        """The model for a new conversation, once the providers are known."""
        await self.models_settled()
        return self.default_model()

    def model_of(self, conversation: Conversation) -> str:
        model = conversation.model or self.default_model()
        if not model:
            raise ChatError("Choose a model for this conversation first.")
        return model

    def is_reachable(self, model: str) -> bool:
        return True if self._is_reachable is None else bool(self._is_reachable(model))

    def is_busy(self, conversation_id: str) -> bool:
        return conversation_id in self._runs

    async def get_conversation(self, conversation_id: str) -> Conversation:
        conversation: Conversation | None = await self._run_blocking(self._repo.get_conversation, conversation_id)
        if conversation is None:
            raise ChatError(f"There is no conversation with the id {conversation_id}.")
        self._seen_models[conversation.id] = conversation.model
        return conversation

    async def messages_page(
        self, conversation_id: str, before_seq: int | None = None, limit: int = 50
    ) -> list[Message]:
        result: list[Message] = await self._run_blocking(self._repo.messages_page, conversation_id, before_seq, limit)
        return result

    async def _message(self, message_id: int) -> Message:
        message: Message | None = await self._run_blocking(self._repo.get_message, message_id)
        if message is None:
            raise ChatError(f"There is no message with the id {message_id}.")
        return message

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

    def _update_then_add(
        self, message_id: int, values: dict[str, Any], row: MessageRowArgs
    ) -> tuple[Message, Message | None]:
        """(On the store's thread.) A message's final state and the row that follows it, in one transaction (one
        commit; a crash keeps both or neither). The row is not announced yet (the caller does, or removes it); when
        it cannot be written, the message is finished alone and the caller writes the row (and meets the error) the
        usual way."""
        try:
            return self._repo.update_message_and_add(message_id, values, row)
        except VectorError:
            log.debug("the row after message %s was not written ahead", message_id, exc_info=True)
        return self._repo.update_message(message_id, **values), None

    def _add_then_add(
        self, row: MessageRowArgs, then: Callable[[Message], MessageRowArgs]
    ) -> tuple[Message, Message | None]:
        """(On the store's thread.) A new message and the row that follows it (`then(message)`), in one transaction;
        the second as in `_update_then_add`."""
        try:
            return self._repo.add_message_and_next(row, then)
        except VectorError:
            log.debug("the row after a new message was not written ahead", exc_info=True)
        args, kwargs = row
        return self._repo.add_message(*args, **kwargs), None

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
