"""ChatService's part that sends: a new message (or to the outbox when its model cannot be reached), Stop,
Regenerate, Edit and resend, Retry, Continue, answering on this computer, and the outbox sent in order. Each is the
conversation's one answer in progress (`_guarded`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from functools import partial

from vector_desktop.ai.types import ChatMessage
from vector_desktop.domain.chat import (
    ChatError,
    Conversation,
    Message,
    MessageStatus,
    Role,
)
from vector_desktop.services.chat.chat_answer_stream import ChatAnswerStream
from vector_desktop.services.chat.chat_history import extended
from vector_desktop.services.chat.chat_next_rows import answer_row
from vector_desktop.services.chat.chat_question import Asked, QuestionPlan, new_title, question_row
from vector_desktop.services.chat.chat_tool_rounds import (
    AnswerRun,
)

log = logging.getLogger(__name__)

_Run = AnswerRun


class ChatSending(ChatAnswerStream):
    # ------------------------------------------------------------------------------------------ sending

    async def send(self, conversation_id: str, text: str, images: Sequence[str] = ()) -> Message:
        """Store the user's message, then stream the answer. Returns the answer, or the user's message when it
        went to the outbox (the model's server cannot be reached, or earlier messages are still queued)."""
        if not text.strip() and not images:
            raise ChatError("The message is empty.")

        async def work(run: _Run) -> Message:
            # One hop reads the conversation, its outbox and the page the model is sent, and writes the question
            # with the answer's row (streaming) when the conversation's model is the one planned for.
            asked: Asked = await self._run_blocking(
                self._ask, conversation_id, text, tuple(images), self._plan(self._seen_models.get(conversation_id))
            )
            conversation = asked.conversation
            self._seen_models[conversation.id] = conversation.model
            if asked.user is None:
                model = self.model_of(conversation)
                plan = QuestionPlan(conversation.model, model, self.is_reachable(model))
                asked.user, asked.ahead = await self._run_blocking(
                    self._write_question, conversation, asked.queued_before, text, tuple(images), plan
                )
            user, run.ahead = asked.user, asked.ahead
            run.last_message = user
            self._emit("message_added", user)
            title = new_title(conversation, text)
            if title is not None:
                conversation = replace(conversation, title=title, updated_at=user.created_at)
                self._emit("conversation_changed", conversation)
            if user.status is MessageStatus.QUEUED:
                return user
            page = asked.page
            upto = page[-1].seq if page else 0
            return await self._rounds.answer(
                run, conversation, user, page=extended(page, upto, [user], self.history_limit)
            )

        result = await self._guarded(conversation_id, work)
        if result.status is MessageStatus.QUEUED and self.is_reachable(result.model):
            await self.flush_outbox(conversation_id)  # back online, but older messages had to go first
            return await self._final_answer_to(result)
        return result

    def _plan(self, conversation_model: str | None) -> QuestionPlan | None:
        """The plan for a conversation last seen with `conversation_model` (None: not seen, or no model at all)."""
        if conversation_model is None:
            return None
        model = conversation_model or self.default_model()
        return QuestionPlan(conversation_model, model, self.is_reachable(model)) if model else None

    def _ask(self, conversation_id: str, text: str, images: Sequence[str], plan: QuestionPlan | None) -> Asked:
        """(On the store's thread.) The conversation, whether messages wait in its outbox, its latest page; and,
        when its model is the one `plan` was made for, the question written with the answer's row."""
        conversation = self._repo.get_conversation(conversation_id)
        if conversation is None:
            raise ChatError(f"There is no conversation with the id {conversation_id}.")
        queued = bool(self._repo.queued_messages(conversation_id))
        asked = Asked(conversation, queued, self._repo.messages_page(conversation_id, None, self.history_limit))
        if plan is not None and plan.conversation_model == conversation.model:
            asked.user, asked.ahead = self._write_question(conversation, queued, text, images, plan)
        return asked

    def _write_question(
        self, conversation: Conversation, queued_before: bool, text: str, images: Sequence[str], plan: QuestionPlan
    ) -> tuple[Message, Message | None]:
        """(On the store's thread.) The question, and the answer's row unless the question waits in the outbox."""
        args, kwargs = row = question_row(conversation, text, images, plan, queued_before)
        if kwargs["status"] is MessageStatus.QUEUED:
            return self._repo.add_message(*args, **kwargs), None
        return self._add_then_add(row, partial(answer_row, model=plan.model))

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
        await self.models_settled()
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
            await self.models_settled()
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
