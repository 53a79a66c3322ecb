"""ChatViewModel's part that follows the chat service's events: messages added, streamed, finished, changed or
removed, the Send/Stop state, the open conversation's totals, and the hints under the composer (offline, context).

It listens to ChatService events as Qt signals (chat_events.py). The transcript's changes are applied at most once a
frame (qtsupport/frame_pacer.py), in the order they came; streamed text is buffered and applied to its one row every
~30 ms. The open conversation's totals are read when it opens and then kept up to date from the message
events (chat_totals.py).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication

from vector_desktop.ai.types import ChatMessage, ImagePart, LLMSettings
from vector_desktop.domain.chat import Conversation, ConversationTotals, Message, Role
from vector_desktop.domain.errors import VectorError
from vector_desktop.presentation.chat.chat_events import ChatEvents, ChatEventsListener
from vector_desktop.presentation.chat.chat_models import format_context, format_tokens, price_note
from vector_desktop.presentation.chat.chat_totals import TotalsTracker, is_fresh_row, totals_text
from vector_desktop.presentation.chat.chat_vm_state import ChatViewModelState


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatViewModel", text)  # one translation context for every part


class ChatEventsPart(ChatViewModelState):
    def _connect_parts(self) -> None:
        super()._connect_parts()
        self._context_timer.timeout.connect(self._update_context_hint)
        # The tools label is read again when the open conversation's model changes (another model may use none)
        # or a notice says its model answers without tools, not at every change of the conversation.
        self._tools_for: tuple[str, str] = ("", "")
        self.conversation_changed.connect(self._refresh_tools_if_model_changed)
        self.tools.notice.connect(self._refresh_tools_after_notice)
        self._totals = TotalsTracker(self._service.totals, self._show_totals)
        self._totals_text: str | None = None

        self._events = ChatEvents(self)
        self._events.added.connect(self._on_added)
        self._events.started.connect(self._on_started)
        self._events.delta.connect(self._on_delta)
        self._events.finished.connect(self._on_finished)
        self._events.failed.connect(self._on_finished)
        self._events.changed.connect(self._on_changed)
        self._events.removed.connect(self._on_removed)
        self._events.conversation.connect(self._on_conversation)
        self._listener = ChatEventsListener(self._events, self._on_delta)
        self._service.add_listener(self._listener)

    def _update_offline_hint(self) -> None:
        """Only a model whose server cannot be reached makes messages wait: never the on-device model, and never a
        model no provider serves (sending says what to set up instead)."""
        model = self.effective_model()
        hint = ""
        if model and not self._service.is_reachable(model):
            hint = _tr(
                "You are offline: %1 cannot be reached. Messages wait in the outbox and are sent when the "
                "connection is back."
            ).replace("%1", self.model_name(model))
            if self._local_available:
                hint += " " + _tr("The on-device model still answers: choose it in the model list.")
        if hint != self._offline_hint:
            self._offline_hint = hint
            self.offline_hint_changed.emit(hint)

    # ------------------------------------------------------------------------------------------------ events

    def _on_added(self, message: Message) -> None:
        if message.role is Role.USER and message.conversation_id in self._sending:
            self._stored.add(message.conversation_id)
            if message.conversation_id in self._clearing_draft:
                self._clearing_draft.discard(message.conversation_id)
                self._saved_drafts[message.conversation_id] = ""
                if message.conversation_id == self._draft_for and self._draft_text:
                    self._draft_timer.start()
        if message.conversation_id == self.current_id:
            old = self._shown(message.id)
            self._change_transcript(partial(self.messages.insert_message, message), (message.id, message))
            self._totals_changed_by(old, message, new_row=old is None)
            self._context_timer.start()

    def _on_started(self, message: Message) -> None:
        self._live[message.id] = [message.content]
        if message.conversation_id == self.current_id:
            self._pending.pop(message.id, None)
            old = self._shown(message.id)
            self._change_transcript(partial(self.messages.insert_message, message), (message.id, message))
            self._totals_changed_by(old, message, new_row=old is None and is_fresh_row(message))
        self._update_busy()

    def _on_delta(self, message_id: int, delta: str) -> None:
        live = self._live.get(message_id)
        if live is not None:
            live.append(delta)
            if len(live) > 512:
                live[:] = ["".join(live)]
        if self._shown(message_id) is not None:
            self._pending.setdefault(message_id, []).append(delta)
            self._throttle.request()

    def _on_finished(self, message: Message) -> None:
        self._pending.pop(message.id, None)
        self._live.pop(message.id, None)
        if message.conversation_id == self.current_id:
            old = self._shown(message.id)
            self._change_transcript(partial(self._update_or_insert, message), (message.id, message))
            if message.role is Role.ASSISTANT and not message.tool_calls:
                self._frame.flush()  # the answer's last change: shown now, not a frame later
            self._totals_changed_by(old, message)
            self._context_timer.start()
        self._update_busy()

    def _on_changed(self, message: Message) -> None:
        if message.conversation_id == self.current_id:
            old = self._shown(message.id)
            self._change_transcript(partial(self.messages.update_message, message), (message.id, message))
            self._totals_changed_by(old, message)

    def _on_removed(self, conversation_id: str, message_ids: list[int]) -> None:
        for message_id in message_ids:
            self._live.pop(message_id, None)
            self._pending.pop(message_id, None)
        if conversation_id == self.current_id:
            ids = list(message_ids)
            self._change_transcript(partial(self.messages.remove_messages, ids), *((i, None) for i in ids))
            self._request_totals()

    def _on_conversation(self, conversation: Conversation) -> None:
        self.conversations.upsert(conversation)
        if conversation.id == self.current_id and conversation.deleted_at is None:
            self._current = conversation
            self.model_choices.ensure(conversation.model)
            self.conversation_changed.emit(conversation)
            self._update_offline_hint()
            self._context_timer.start()
        self._update_busy()

    def _update_or_insert(self, message: Message) -> None:
        if not self.messages.update_message(message):
            self.messages.insert_message(message)

    def _update_busy(self) -> None:
        conversation_id = self.current_id
        busy = bool(conversation_id) and (conversation_id in self._sending or self._service.is_busy(conversation_id))
        if self._changes:  # after the rows that wait for the next frame
            self._change_transcript(partial(self.messages.set_busy, busy))
        else:  # (not through the pacer: a Send must not make the question wait a frame)
            self.messages.set_busy(busy)
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _totals_changed_by(self, old: Message | None, new: Message, *, new_row: bool = False) -> None:
        if not self._totals.apply(old, new, new_row=new_row):
            self._request_totals()

    def _request_totals(self) -> None:
        read = self._totals.request()
        if read is not None:
            self._start(read, "chat.totals")

    def _show_totals(self, conversation_id: str, totals: ConversationTotals) -> None:
        if conversation_id == self.current_id:
            model = self.effective_model()
            self._emit_totals(totals_text(totals, price_note(model, self.model_info(model))))

    def _emit_totals(self, text: str) -> None:
        if text != self._totals_text:
            self._totals_text = text
            self.totals_changed.emit(text)

    def _refresh_tools_if_model_changed(self, _conversation: Conversation | None) -> None:
        key = (self.current_id, self.effective_model())
        if key == self._tools_for:
            return
        just_opened = key[0] != self._tools_for[0]  # conversation_selected read the tools already
        self._tools_for = key
        if not just_opened:
            self.tools.refresh()

    def _refresh_tools_after_notice(self, conversation_id: str, _text: str) -> None:
        if conversation_id == self.current_id:
            self.tools.refresh()

    def _update_context_hint(self) -> None:
        conversation = self._current
        if self._check_context is None or conversation is None:
            self.context_hint_changed.emit("", False)
            return
        model = self.effective_model()
        if not model:
            self.context_hint_changed.emit("", False)
            return
        history: list[ChatMessage] = []
        for message in self.messages.messages()[-self.history_limit :]:
            if message.role is Role.USER:
                history.append(ChatMessage("user", message.content, images=tuple(ImagePart(u) for u in message.images)))
            elif message.role is Role.ASSISTANT and message.content:
                history.append(ChatMessage("assistant", message.content))
            elif message.role is Role.TOOL:
                history.append(ChatMessage("tool", message.content, tool_call_id=message.tool_call_id))
        if self._draft_text.strip():
            history.append(ChatMessage("user", self._draft_text))
        settings = LLMSettings(model=model, system_prompt=conversation.system_prompt)
        try:
            check = self._check_context(history, settings)
        except VectorError:
            self.context_hint_changed.emit("", False)
            return
        estimated = format_tokens(check.estimated_tokens)
        if check.limit is None:
            self.context_hint_changed.emit(_tr("≈%1 tokens").replace("%1", estimated), False)
        elif not check.fits:
            text = _tr("≈%1 tokens: too long for this model (%2 context)")
            self.context_hint_changed.emit(
                text.replace("%1", estimated).replace("%2", format_context(check.limit)), True
            )
        else:
            text = _tr("≈%1 of %2 tokens").replace("%1", estimated).replace("%2", format_context(check.limit))
            self.context_hint_changed.emit(text, bool(check.near_limit))
