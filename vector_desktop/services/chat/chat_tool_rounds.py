"""The answer loop of ChatService with its tool rounds: stream an answer; while the model asks for tools, run each
call (a tool row written before it runs, finished after) and stream the next answer with the results.

Rules it keeps:
- a tool row is in the store (status streaming) before the call starts, so a kill leaves it streaming and the next
  start marks it interrupted: it is never run again by itself, only by `retry` (Retry on the row);
- only tool rows that reached a result (complete, failed) are sent to the model; a stopped or interrupted call is
  left out together with the model's request for it;
- a model that cannot use tools (the on-device model; a server that refuses `tools`) answers without them, and the
  conversation is told once through ChatListener.notice;
- a row that follows a finished message (the first call's, the next answer's) is written in the same store hop as
  that message (`AnswerRun.ahead`): it is shown when its step starts, or removed when the answer ends before;
- the page the model is sent is read once per answer; after a round, the rows it wrote are appended to it;
- a call is begun before its row is announced, and with a ChatToolbox its row (and the next answer's) is finished on
  the connectors' thread as the call ends (chat_tool_calls.RowFinisher): no hop to the store's thread and back.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from vector_desktop.ai.types import ToolSpec as WireToolSpec
from vector_desktop.domain.chat import (
    ChatError,
    Conversation,
    Message,
    MessageStatus,
    Role,
    ToolCallRecord,
    ToolOutcome,
)
from vector_desktop.domain.tools import ToolSpec, ToolStatus
from vector_desktop.services.chat.chat_history import extended, model_messages
from vector_desktop.services.chat.chat_next_rows import answer_row, call_row, first_call_row
from vector_desktop.services.chat.chat_tool_calls import TOOL_STOPPED, RowFinisher, RunningToolCalls
from vector_desktop.services.chat.chat_tools_refused import WithoutToolsIfRefused

if TYPE_CHECKING:
    from vector_desktop.services.chat.chat_answer_stream import ChatAnswerStream

log = logging.getLogger(__name__)

STOPPED_BY_SHUTDOWN = "The answer was cut off because the app was closing."
TOOL_CUT_BY_SHUTDOWN = "The app was closing during this tool call; it was not run again."
NO_TOOLS_ON_DEVICE = "The on-device model cannot use tools, so it answers without them."
NO_TOOLS_ON_SERVER = "{model} does not accept tools, so it answers without them."


@dataclass
class AnswerRun:
    """One answer (with its tool rounds) in progress in a conversation. Stop cancels only `child` (the stream
    or tool call under way), never the caller's task, so no stray cancellation reaches the caller later."""

    task: asyncio.Task[Any] | None
    stop_requested: bool = False
    last_message: Message | None = None
    child: asyncio.Future[Any] | None = None
    # A row written in the same store hop as the message before it (the next tool call's, the next answer's),
    # not announced yet: whoever takes it announces it, or removes it when the answer stops there.
    ahead: Message | None = None


class Stopped(Exception):
    """The user pressed Stop while a stream or tool call was under way."""


def wire_spec(spec: ToolSpec) -> WireToolSpec:
    """A tool as the model API takes it (OpenAI `tools` entry), under its qualified name."""
    return WireToolSpec(spec.qualified_name, spec.description or spec.display_title, spec.input_schema)


class ToolRounds:
    """The loop and the tool calls of one ChatService (it reaches the service's store, listeners and streaming)."""

    def __init__(self, service: ChatAnswerStream) -> None:
        self._service = service
        self._told: set[str] = set()  # conversations told that their model answers without tools
        self.refusing_models: set[str] = set()  # models whose server refused `tools` (this session)
        self.calls = RunningToolCalls(service)

    def running_calls(self) -> set[int]:
        return self.calls.running()

    def stop_call(self, row_id: int) -> bool:
        """Stop one running tool call (its row's Stop): the call is cancelled, its row ends "Stopped", the model is
        told the user stopped it, and the answer goes on. False when that call is not running."""
        return self.calls.stop(row_id)

    # ------------------------------------------------------------------------------------------------ offering

    def can_use_tools(self, model: str) -> bool:
        return model != self._service.local_model and model not in self.refusing_models

    async def offered(self, conversation_id: str) -> list[ToolSpec]:
        """The tools this conversation offers (whatever its model); none when listing fails."""
        tools = self._service._tools
        if tools is None:
            return []
        try:
            return list(await tools.list_tools(conversation_id))
        except Exception:
            # A connector that is down must not stop the chat: answer without tools this time.
            log.warning("listing tools failed; answering without tools", exc_info=True)
            return []

    async def _tools_for(self, conversation_id: str, model: str) -> list[ToolSpec]:
        specs = await self.offered(conversation_id)
        if specs and not self.can_use_tools(model):
            self._tell(conversation_id, model)
            return []
        return specs

    def _refused(self, conversation_id: str, model: str) -> None:
        self.refusing_models.add(model)
        self._tell(conversation_id, model)

    def _tell(self, conversation_id: str, model: str) -> None:
        if conversation_id in self._told:
            return
        self._told.add(conversation_id)
        on_device = model == self._service.local_model
        self._service._emit(
            "notice", conversation_id, NO_TOOLS_ON_DEVICE if on_device else NO_TOOLS_ON_SERVER.format(model=model)
        )

    # ------------------------------------------------------------------------------------------------ the loop

    async def answer(
        self,
        run: AnswerRun,
        conversation: Conversation,
        anchor: Message,
        *,
        model: str | None = None,
        page: list[Message] | None = None,
    ) -> Message:
        """Stream an answer to `anchor` (placed right after it), then run tool rounds while the model asks.
        `page`: the messages the model is sent (up to `anchor`), when the caller has them; else they are read."""
        service = self._service
        model = model or service.model_of(conversation)
        streamer = service._streamer_for(model)
        specs = await self._tools_for(conversation.id, model)
        rounds = 0
        run.last_message = anchor
        try:
            while True:
                if run.stop_requested:
                    return run.last_message  # (a row written ahead is removed below)
                if page is None:
                    page = await service._page_upto(conversation.id, anchor.seq)
                settings = service._settings(conversation, model, [wire_spec(s) for s in specs])
                ahead, run.ahead = run.ahead, None
                if ahead is None:
                    args, kwargs = answer_row(anchor, model)
                    ahead = await service._run_blocking(service._repo.add_message, *args, **kwargs)
                message = ahead
                run.last_message = message
                service._emit("message_started", message)
                source = (
                    WithoutToolsIfRefused(streamer, model, lambda: self._refused(conversation.id, model))
                    if specs
                    else streamer
                )
                calls_ahead = first_call_row(message) if rounds < service.max_tool_rounds else None
                message = await service._stream_into(
                    run, message, model_messages(page), settings, source, then=calls_ahead
                )
                if model in self.refusing_models:
                    specs = []
                run.last_message = message
                if message.status is not MessageStatus.COMPLETE or not message.tool_calls:
                    return message
                if rounds >= service.max_tool_rounds:
                    message = await service._run_blocking(
                        service._repo.update_message,
                        message.id,
                        error=f"Stopped after {service.max_tool_rounds} rounds of tool calls.",
                    )
                    service._emit("message_failed", message)
                    return message
                rounds += 1
                rows: list[Message] = []
                upto = anchor.seq
                anchor = await self.run_calls(run, message, message, rows=rows, then_answer=model)
                if run.stop_requested:
                    return message
                # The next request sends what this round wrote after the page already read (no second read).
                page = extended(page, upto, [message, *rows], service.history_limit)
        finally:
            if run.ahead is not None:  # written ahead, never announced: the answer ended before it
                ahead, run.ahead = run.ahead, None
                await self._discard(ahead)

    async def _discard(self, row: Message) -> None:
        """Remove a row written ahead that was never shown (when this fails, e.g. the app is closing, the next start
        finds it still streaming and marks it interrupted)."""
        service = self._service
        try:
            await service._run_blocking(service._repo.delete_messages, [row.id])
        except Exception:
            log.warning("a row written ahead (%s) could not be removed", row.id, exc_info=True)

    async def run_calls(
        self,
        run: AnswerRun,
        assistant: Message,
        anchor: Message,
        done: frozenset[str] = frozenset(),
        *,
        rows: list[Message] | None = None,
        then_answer: str | None = None,
    ) -> Message:
        """Run the calls of `assistant` not in `done`, each row placed after the previous; returns the last row
        (`rows`, when given, gets each finished row). `then_answer`: the model of the answer that follows, whose
        row is written with the last call's result (left in `run.ahead`)."""
        pending = [record for record in assistant.tool_calls if record.id not in done]
        for number, record in enumerate(pending, 1):
            row, run.ahead = run.ahead, None
            if row is not None and row.tool_call_id != record.id:
                await self._discard(row)
                row = None
            then = then_answer if number == len(pending) else None
            try:
                anchor = await self._run_call(run, assistant, record, after=anchor, fresh=row, then_answer=then)
            except Stopped:
                break  # a call left without a result is not sent to the model again
            if rows is not None:
                rows.append(anchor)
        return anchor

    async def _run_call(
        self,
        run: AnswerRun,
        assistant: Message,
        record: ToolCallRecord,
        *,
        after: Message | None = None,
        row: Message | None = None,
        fresh: Message | None = None,
        then_answer: str | None = None,
    ) -> Message:
        """Run one call: its row is written (or `fresh`, written ahead, announced; or `row`, run again) before the
        call starts, and finished with its result."""
        service = self._service
        if fresh is not None:
            row, event = fresh, "message_added"
        elif row is None:
            assert after is not None
            args, kwargs = call_row(assistant, record, after.seq)
            row, event = await service._run_blocking(service._repo.add_message, *args, **kwargs), "message_added"
        else:
            row = await service._run_blocking(
                service._repo.update_message,
                row.id,
                status=MessageStatus.STREAMING,
                content="",
                error="",
                finish_reason=None,
            )
            event = "message_changed"
        run.last_message = row
        if run.stop_requested:
            service._emit(event, row)
            await self._end_row(row, MessageStatus.CANCELLED, TOOL_STOPPED, ToolStatus.CANCELLED.value)
            raise Stopped
        # The call is begun before the row is announced (the listeners, then the GUI's frames, come after it), and
        # its row is finished where the call ends, with the next answer's row when one follows.
        finisher = RowFinisher(partial(self._finish_row, run, row, then_answer))
        call = self.calls.start(row.id, assistant.conversation_id, record, finisher)
        service._emit(event, row)
        try:
            outcome = await service._interruptible(run, call)
        except Stopped:
            await self._undo(finisher)
            await self._end_row(row, MessageStatus.CANCELLED, TOOL_STOPPED, ToolStatus.CANCELLED.value)
            raise
        except asyncio.CancelledError:
            await self._undo(finisher)
            await self._end_row(row, MessageStatus.INTERRUPTED, TOOL_CUT_BY_SHUTDOWN, ToolStatus.INTERRUPTED.value)
            raise
        written = await finisher.closed()
        finished: Message
        if written is not None and written[0] is outcome:
            finished, run.ahead = written[1]
        else:
            if written is not None and written[1][1] is not None:
                await self._discard(written[1][1])
            values = _row_values(outcome)
            if then_answer is None or run.stop_requested:
                finished = await service._run_blocking(service._repo.update_message, row.id, **values)
            else:
                following = answer_row(row, then_answer)
                finished, run.ahead = await service._run_blocking(service._update_then_add, row.id, values, following)
        failed = outcome.status is not None and outcome.status is not ToolStatus.SUCCEEDED
        service._emit("message_failed" if failed and finished.error else "message_finished", finished)
        return finished

    def _finish_row(
        self, run: AnswerRun, row: Message, then_answer: str | None, outcome: ToolOutcome
    ) -> tuple[Message, Message | None]:
        """(Blocking, where the call ended.) The tool row's final state, and the next answer's row when one follows
        (not announced: left in `run.ahead` by the caller)."""
        service = self._service
        values = _row_values(outcome)
        if then_answer is None or run.stop_requested:
            return service._repo.update_message(row.id, **values), None
        return service._update_then_add(row.id, values, answer_row(row, then_answer))

    async def _undo(self, finisher: RowFinisher[tuple[Message, Message | None]]) -> None:
        """The call was stopped: a row finished where it ended is ended again by the caller; the answer's row
        written after it goes."""
        written = await finisher.closed()
        if written is not None and written[1][1] is not None:
            await self._discard(written[1][1])

    async def _end_row(self, row: Message, status: MessageStatus, error: str, label: str) -> None:
        service = self._service
        ended: Message = await service._run_blocking(
            service._repo.update_message, row.id, status=status, error=error, finish_reason=label
        )
        service._emit("message_failed" if status is MessageStatus.INTERRUPTED else "message_finished", ended)

    # ------------------------------------------------------------------------------------------------ retry

    async def retry(self, run: AnswerRun, row: Message) -> Message:
        """Run the call of a tool row again (the policy applies again), the calls of its round that never started,
        then go on answering when nothing else was said since. Returns the last message written."""
        service = self._service
        if row.parent_id is None:
            raise ChatError("This tool call has no request from the model to run again.")
        assistant = await service._message(row.parent_id)
        record = next((c for c in assistant.tool_calls if c.id == row.tool_call_id), None)
        if record is None:
            raise ChatError("The model's request for this tool call is gone; it cannot be run again.")
        conversation = await service.get_conversation(row.conversation_id)
        try:
            await self._run_call(run, assistant, record, row=row)
        except Stopped:
            return await service._message(row.id)
        later: list[Message] = await service._run_blocking(
            service._repo.messages_after, assistant.conversation_id, assistant.seq
        )
        round_rows = []
        for message in later:
            if message.role is not Role.TOOL or message.parent_id != assistant.id:
                break
            round_rows.append(message)
        last = round_rows[-1] if round_rows else await service._message(row.id)
        anchor = await self.run_calls(run, assistant, last, frozenset(m.tool_call_id for m in round_rows))
        after: list[Message] = await service._run_blocking(
            service._repo.messages_after, anchor.conversation_id, anchor.seq
        )
        if after or run.stop_requested:
            return anchor
        return await self.answer(run, conversation, anchor)


def _row_values(outcome: ToolOutcome) -> dict[str, Any]:
    """A tool row's final columns from its call's outcome."""
    failed = outcome.status is not None and outcome.status is not ToolStatus.SUCCEEDED
    values: dict[str, Any] = {
        "content": outcome.text_for_model,
        "status": MessageStatus.FAILED if failed else MessageStatus.COMPLETE,
        "error": outcome.error if failed or not outcome.ran else "",
        "finish_reason": outcome.label,
        "provider": outcome.connector_name,
        "duration_ms": outcome.duration_ms,
    }
    if outcome.images:
        values["images"] = outcome.images
    return values
