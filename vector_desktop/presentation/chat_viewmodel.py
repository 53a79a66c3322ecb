"""View-model of the chat panel: conversations, the open transcript, the composer's draft, sending and the answer
actions, search, export and the outbox; `tools` (ChatToolsViewModel) holds the tools choice and the approver.

It listens to ChatService events as Qt signals (chat_events.py). Streamed text is buffered and applied to its one
row every ~30 ms. The open conversation's totals are read when it opens and then kept up to date from the message
events (chat_totals.py). The model list is read through `run_blocking` (an executor in the app). Errors of every
action come out of `error_occurred`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import replace
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt, QTimer, Signal

from vector_desktop.ai.models import ModelInfo
from vector_desktop.ai.types import ChatMessage, ImagePart, LLMSettings
from vector_desktop.domain.chat import (
    ChatError,
    Conversation,
    ConversationTotals,
    Message,
    MessageStatus,
    Role,
)
from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.jobs import JobQueue
from vector_desktop.presentation.chat_events import ChatEvents, ChatEventsListener
from vector_desktop.presentation.chat_models import (
    ConversationListModel,
    MessageListModel,
    ModelChoicesModel,
    SearchResultsModel,
    format_context,
    format_tokens,
    model_name,
    price_note,
)
from vector_desktop.presentation.chat_tools_viewmodel import ChatToolsViewModel
from vector_desktop.presentation.chat_totals import TotalsTracker, is_fresh_row
from vector_desktop.presentation.chat_totals import totals_text as totals_text
from vector_desktop.qtsupport.tasks import TaskOwner
from vector_desktop.qtsupport.throttle import Throttle
from vector_desktop.services.chat_service import ChatService

log = logging.getLogger(__name__)

T = TypeVar("T")
EXPORT_FORMATS = ("md", "json")
MAX_TEMPERATURE = 2.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatViewModel", text)


class RunBlocking(Protocol):
    """Runs a blocking callable off the GUI thread, e.g. `lambda fn: loop.run_in_executor(None, fn)`."""

    def __call__(self, fn: Callable[[], T], /) -> Awaitable[T]: ...


async def _call_here(fn: Callable[[], T]) -> T:
    return fn()


class ContextChecker(Protocol):
    """LLMClient.check_context: the estimated size of a request against the model's context."""

    def __call__(self, messages: Sequence[Any], settings: LLMSettings, /) -> Any: ...


class ChatViewModel(QObject):
    error_occurred = Signal(str)  # a sentence shown inline in the panel
    loaded = Signal()  # the conversation list is filled
    conversation_selected = Signal(str)  # the open conversation ("" when none)
    conversation_changed = Signal(object)  # the open Conversation's title or settings changed
    draft_restored = Signal(str)  # the composer's text for the conversation just opened
    send_rejected = Signal(str)  # text that could not be sent (nothing was stored): give it back to the composer
    busy_changed = Signal(bool)  # an answer is arriving in the open conversation (Send ↔ Stop)
    totals_changed = Signal(str)  # tokens and cost of the open conversation
    context_hint_changed = Signal(str, bool)  # how much of the model's context the next request uses; warning
    scroll_to_message = Signal(int)  # a message to show (search hit)
    conversation_deleted = Signal(str, str)  # id, title: offer Undo
    undo_available_changed = Signal(bool)
    search_finished = Signal(str, int)  # query, number of hits
    online_changed = Signal(bool)
    offline_hint_changed = Signal(str)  # why messages to the chosen model wait in the outbox ("" when they do not)
    export_started = Signal(str, str)  # job id, path
    models_loaded = Signal()
    attachments_changed = Signal(list)  # names of the images that go with the next message

    def __init__(
        self,
        service: ChatService,
        *,
        run_blocking: RunBlocking = _call_here,
        models: Callable[[], Sequence[ModelInfo]] | None = None,
        check_context: ContextChecker | None = None,
        jobs: JobQueue | None = None,
        refresh_reachability: Callable[[], Awaitable[Any]] | None = None,
        local_available: bool = False,
        page_size: int = 50,
        flush_interval_ms: int = 30,
        draft_delay_ms: int = 400,
        search_delay_ms: int = 150,
        context_delay_ms: int = 300,
        history_limit: int = 200,
        image_uploader: Callable[[str], Awaitable[tuple[str, str]]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`image_uploader(path)` stores a local image and returns (name, URL for the model)."""
        super().__init__(parent)
        self._service = service
        self._image_uploader = image_uploader
        self._attachments: list[tuple[str, str]] = []
        self._run_blocking = run_blocking
        self._models_source = models
        self._check_context = check_context
        self._jobs = jobs
        self._refresh_reachability = refresh_reachability
        self.page_size = page_size
        self.history_limit = history_limit

        self.conversations = ConversationListModel(self)
        self.conversations_proxy = QSortFilterProxyModel(self)
        self.conversations_proxy.setSourceModel(self.conversations)
        self.conversations_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.messages = MessageListModel(self)
        self.messages.set_local_available(local_available)
        self._local_available = local_available
        self._offline_hint = ""
        self.search_results = SearchResultsModel(self)
        self.model_choices = ModelChoicesModel(self)

        self._tasks = TaskOwner(self._task_failed)
        self._running: set[asyncio.Task[Any]] = set()
        self._closed = False
        self._current: Conversation | None = None
        self._generation = 0  # bumped by every selection, so a slow earlier load cannot win
        self._busy = False
        self._online = True
        self._sending: set[str] = set()  # conversations with an action started here, not yet claimed or done
        self._stored: set[str] = set()  # ... whose user message reached the store
        self._clearing_draft: set[str] = set()  # a send will clear this conversation's stored draft itself
        self._loading_older = False
        self._preferred_model = ""

        # Streaming: every delta of a live answer is kept (so reopening its conversation shows all of it); the
        # ones for the open transcript wait in _pending until the throttle applies them.
        self._live: dict[int, list[str]] = {}
        self._pending: dict[int, list[str]] = {}
        self._throttle = Throttle(self._flush_deltas, flush_interval_ms, self)

        self._draft_text = ""
        self._draft_for = ""
        self._saved_drafts: dict[str, str] = {}
        self._draft_timer = self._timer(draft_delay_ms, self._save_draft_now)
        self._search_query = ""
        self._search_timer = self._timer(search_delay_ms, self._run_search)
        self._context_timer = self._timer(context_delay_ms, self._update_context_hint)

        self.deleted_id = ""
        self.tools = ChatToolsViewModel(service, parent=self)
        self.tools.groups_changed.connect(lambda: self.messages.set_tool_names(self.tools.tool_names()))
        self.tools.error_occurred.connect(self.error_occurred)
        self.conversation_selected.connect(self.tools.set_conversation)
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
        service.add_listener(self._listener)

    def _timer(self, interval_ms: int, callback: Callable[[], Any]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(callback)
        return timer

    # ------------------------------------------------------------------------------------------------ state

    @property
    def current_id(self) -> str:
        return self._current.id if self._current is not None else ""

    @property
    def current(self) -> Conversation | None:
        return self._current

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def online(self) -> bool:
        return self._online

    @property
    def local_model(self) -> str:
        return self._service.local_model

    def message_text(self, message_id: int) -> str:
        message = self.messages.message(message_id)
        return message.content if message is not None else ""

    def model_info(self, model_id: str) -> ModelInfo | None:
        return self.model_choices.info(model_id)

    def model_name(self, model_id: str) -> str:
        """The model's human name ("SmolLM2 135M (on this computer)"), the id when the catalog does not know it."""
        return model_name(model_id, self.model_info(model_id))

    @property
    def offline_hint(self) -> str:
        return self._offline_hint

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

    def effective_model(self) -> str:
        """The open conversation's model; with none open, the model a new conversation would get."""
        if self._current is not None and self._current.model:
            return self._current.model
        return self._preferred_model or self._service.default_model()

    # ------------------------------------------------------------------------------------------------ loading

    def load(self, select: str = "") -> asyncio.Task[Any]:
        """Fill the conversation list and the model picker, then open `select` (or the first conversation)."""
        return self._start(self._load(select), "chat.load")

    async def _load(self, select: str) -> None:
        conversations = await self._service.list_conversations()
        self.conversations.set_conversations(conversations)
        await self._load_models()
        self.loaded.emit()
        target = select if self.conversations.row_of(select) >= 0 else ""
        if not target and self.conversations.rowCount() > 0:
            target = self.conversations.conversations()[0].id
        if target:
            await self._select(target)

    def reload_models(self) -> asyncio.Task[Any]:
        """The model list changed (e.g. after the refresh-models job)."""
        return self._start(self._load_models(), "chat.models")

    async def _load_models(self) -> None:
        if self._models_source is None:
            return
        source = self._models_source
        models = await self._run_blocking(lambda: list(source()))
        self.model_choices.set_models(models)
        self.messages.set_model_infos(models)
        if self._current is not None and self._current.model:
            self.model_choices.ensure(self._current.model)
        self.models_loaded.emit()
        self._update_offline_hint()

    def set_local_available(self, available: bool) -> None:
        self._local_available = available
        self.messages.set_local_available(available)

    # ------------------------------------------------------------------------------------------------ conversations

    def select_conversation(self, conversation_id: str) -> asyncio.Task[Any] | None:
        if conversation_id == self.current_id:
            return None
        return self._start(self._select(conversation_id), "chat.select")

    async def _select(self, conversation_id: str) -> None:
        self._generation += 1
        generation = self._generation
        self._save_draft_now()
        if not conversation_id:
            self._show(None, [], False, "")
            return
        service = self._service
        conversation = await service.get_conversation(conversation_id)
        page = await service.messages_page(conversation_id, None, self.page_size + 1)
        draft = await service.draft(conversation_id)
        if generation != self._generation or self._closed:
            return
        has_older = len(page) > self.page_size
        self._show(conversation, page[-self.page_size :], has_older, draft)

    def _show(self, conversation: Conversation | None, page: Sequence[Message], has_older: bool, draft: str) -> None:
        self._flush_deltas()  # what is buffered belongs to the transcript being replaced
        self._current = conversation
        conversation_id = conversation.id if conversation is not None else ""
        self.messages.reset(conversation_id, [self._with_live_text(m) for m in page], has_older)
        self._saved_drafts[conversation_id] = draft
        self._draft_for, self._draft_text = conversation_id, draft
        self._draft_timer.stop()
        if conversation is not None:
            self.model_choices.ensure(conversation.model)
        self.conversation_selected.emit(conversation_id)
        self.conversation_changed.emit(conversation)
        self.draft_restored.emit(draft)
        self._update_busy()
        self._update_offline_hint()
        self._context_timer.start()
        self._totals.open(conversation_id)
        if conversation is not None:
            self._request_totals()
        else:
            self._emit_totals("")

    def _with_live_text(self, message: Message) -> Message:
        parts = self._live.get(message.id)
        if parts is None:
            return message
        self._pending.pop(message.id, None)
        return replace(message, content="".join(parts), status=MessageStatus.STREAMING)

    def load_older(self) -> asyncio.Task[Any] | None:
        """Bring the next older page in at the top of the transcript (when scrolled to the top)."""
        if self._loading_older or not self.messages.has_older or not self.current_id:
            return None
        self._loading_older = True
        task = self._start(self._load_older(self.page_size), "chat.older")
        task.add_done_callback(lambda _t: setattr(self, "_loading_older", False))
        return task

    async def _load_older(self, count: int) -> int:
        conversation_id = self.messages.conversation_id
        before = self.messages.oldest_seq
        page = await self._service.messages_page(conversation_id, before, count + 1)
        if conversation_id != self.messages.conversation_id or before != self.messages.oldest_seq:
            return 0
        has_older = len(page) > count
        return self.messages.prepend_page([self._with_live_text(m) for m in page[-count:]], has_older)

    def new_conversation(self) -> asyncio.Task[Any]:
        return self._start(self._new_conversation(), "chat.new")

    async def _new_conversation(self) -> Conversation:
        model = self._preferred_model or self._service.default_model()
        conversation = await self._service.create_conversation(model=model)
        self.conversations.upsert(conversation)
        await self._select(conversation.id)
        return conversation

    def rename(self, conversation_id: str, title: str) -> asyncio.Task[Any]:
        return self._start(self._service.update_conversation(conversation_id, title=" ".join(title.split())))

    def pin(self, conversation_id: str, pinned: bool) -> asyncio.Task[Any]:
        return self._start(self._service.update_conversation(conversation_id, pinned=bool(pinned)))

    def delete(self, conversation_id: str) -> asyncio.Task[Any]:
        """Move a conversation to the bin; `undo_delete()` brings it back while the panel offers Undo."""
        return self._start(self._delete(conversation_id), "chat.delete")

    async def _delete(self, conversation_id: str) -> None:
        if conversation_id == self._draft_for:
            self._save_draft_now()
        row = self.conversations.row_of(conversation_id)
        deleted = await self._service.delete_conversation(conversation_id)  # stops an answer still arriving
        self.conversations.remove(conversation_id)
        self.deleted_id = conversation_id
        self.conversation_deleted.emit(conversation_id, deleted.title or _tr("New conversation"))
        self.undo_available_changed.emit(True)
        if conversation_id == self.current_id:
            rows = self.conversations.rowCount()
            successor = self.conversations.conversation_at(min(max(row, 0), rows - 1)) if rows else None
            await self._select(successor.id if successor is not None else "")

    def undo_delete(self) -> asyncio.Task[Any] | None:
        if not self.deleted_id:
            return None
        conversation_id, self.deleted_id = self.deleted_id, ""
        self.undo_available_changed.emit(False)
        return self._start(self._undo_delete(conversation_id), "chat.undo")

    async def _undo_delete(self, conversation_id: str) -> None:
        restored = await self._service.restore_conversation(conversation_id)
        self.conversations.upsert(restored)
        await self._select(restored.id)

    def dismiss_undo(self) -> None:
        if self.deleted_id:
            self.deleted_id = ""
            self.undo_available_changed.emit(False)

    # ------------------------------------------------------------------------------------------------ settings

    def update_settings(self, **values: Any) -> asyncio.Task[Any] | None:
        """Change the open conversation's model, fallback_models, system_prompt, temperature or json_mode."""
        if self._current is None:
            self.error_occurred.emit(_tr("Open or start a conversation first."))
            return None
        try:
            cleaned = self._clean_settings(values)
        except VectorError as error:
            self.error_occurred.emit(str(error))
            return None
        if not cleaned:
            return None
        return self._start(self._service.update_conversation(self._current.id, **cleaned), "chat.settings")

    def _clean_settings(self, values: dict[str, Any]) -> dict[str, Any]:
        allowed = {"model", "fallback_models", "system_prompt", "temperature", "json_mode"}
        unknown = set(values) - allowed
        if unknown:
            raise TypeError(f"unknown conversation settings: {sorted(unknown)}")
        cleaned = dict(values)
        if "temperature" in cleaned and cleaned["temperature"] is not None:
            temperature = float(cleaned["temperature"])
            if not 0.0 <= temperature <= MAX_TEMPERATURE:
                raise ChatError(_tr("The temperature must be between 0 and 2."))
            cleaned["temperature"] = round(temperature, 2)
        if "model" in cleaned:
            cleaned["model"] = str(cleaned["model"]).strip()
        if "fallback_models" in cleaned:
            primary = cleaned.get("model", self._current.model if self._current else "")
            ordered: list[str] = []
            for model in cleaned["fallback_models"]:
                model = str(model).strip()
                if model and model != primary and model not in ordered:
                    ordered.append(model)
            cleaned["fallback_models"] = tuple(ordered)
        if "json_mode" in cleaned:
            cleaned["json_mode"] = bool(cleaned["json_mode"])
        return cleaned

    def set_model(self, model_id: str) -> asyncio.Task[Any] | None:
        """The open conversation's model; with none open, the model of the next new conversation."""
        if self._current is None:
            self._preferred_model = model_id.strip()
            self._update_offline_hint()
            return None
        if model_id == self._current.model:
            return None
        return self.update_settings(model=model_id)

    def set_fallback_models(self, models: Sequence[str]) -> asyncio.Task[Any] | None:
        return self.update_settings(fallback_models=tuple(models))

    def set_system_prompt(self, text: str) -> asyncio.Task[Any] | None:
        return self.update_settings(system_prompt=text)

    def set_temperature(self, value: float | None) -> asyncio.Task[Any] | None:
        return self.update_settings(temperature=value)

    def set_json_mode(self, on: bool) -> asyncio.Task[Any] | None:
        return self.update_settings(json_mode=on)

    # ------------------------------------------------------------------------------------------------ sending

    def send(self, text: str, images: Sequence[str] = ()) -> bool:
        """Send the composer's text (and image URLs, from the upload UI) in the open conversation (a new one when
        none is open). False when refused at once (empty, or an answer is still arriving); the composer keeps its
        text then."""
        if not images and self._attachments:
            images = [url for _name, url in self._attachments]
        if not text.strip() and not images:
            return False
        if self._busy:
            self.error_occurred.emit(_tr("An answer is still arriving; wait for it or stop it first."))
            return False
        conversation_id = self.current_id
        self._draft_timer.stop()
        if conversation_id:
            self._draft_text = ""
            self._sending.add(conversation_id)
            self._clearing_draft.add(conversation_id)
            self._update_busy()
        self._start(self._send(conversation_id, text, tuple(images)), "chat.send")
        self.clear_attachments()
        return True

    # ------------------------------------------------------------------------------------------------ images

    @property
    def attachments(self) -> list[str]:
        return [name for name, _url in self._attachments]

    def attach_image(self, name: str, url: str) -> None:
        """An image for the next message: a presigned URL, or a data: URL for images kept locally."""
        self._attachments.append((name, url))
        self.attachments_changed.emit(self.attachments)

    def clear_attachments(self) -> None:
        if self._attachments:
            self._attachments.clear()
            self.attachments_changed.emit([])

    def attach_file(self, path: str) -> asyncio.Task[Any] | None:
        """Store a local image (type checked from its content, location removed) and attach it."""
        if self._image_uploader is None:
            self.error_occurred.emit(_tr("Image attachments are not available."))
            return None
        uploader = self._image_uploader

        async def work() -> None:
            try:
                name, url = await uploader(path)
            except VectorError as error:
                self.error_occurred.emit(str(error))
                return
            self.attach_image(name, url)

        return self._start(work(), "chat.attach")

    async def _send(self, conversation_id: str, text: str, images: tuple[str, ...] = ()) -> None:
        try:
            if not conversation_id:
                conversation = await self._new_conversation()
                conversation_id = conversation.id
                self._sending.add(conversation_id)
                self._clearing_draft.add(conversation_id)
                self._update_busy()
            self._stored.discard(conversation_id)
            await self._service.send(conversation_id, text, images)
        except Exception:
            if conversation_id not in self._stored:
                self.send_rejected.emit(text)
            raise
        finally:
            self._sending.discard(conversation_id)
            self._stored.discard(conversation_id)
            if conversation_id in self._clearing_draft:
                self._clearing_draft.discard(conversation_id)
                self._saved_drafts[conversation_id] = ""
            self._update_busy()
            if conversation_id == self._draft_for and not self._closed:
                self._save_draft_now()  # text typed while the answer arrived

    def stop(self) -> bool:
        """Stop the answer arriving in the open conversation; its text so far is kept."""
        return bool(self.current_id) and self._service.stop(self.current_id)

    def regenerate(self, message_id: int) -> asyncio.Task[Any]:
        return self._action(self._service.regenerate(message_id))

    def edit_and_resend(self, message_id: int, text: str) -> asyncio.Task[Any] | None:
        if not text.strip():
            self.error_occurred.emit(_tr("The message is empty."))
            return None
        return self._action(self._service.edit_and_resend(message_id, text))

    def continue_(self, message_id: int) -> asyncio.Task[Any]:
        return self._action(self._service.continue_(message_id))

    def retry(self, message_id: int) -> asyncio.Task[Any]:
        return self._action(self._service.retry(message_id))

    def answer_locally(self, message_id: int) -> asyncio.Task[Any]:
        return self._action(self._service.answer_locally(message_id))

    def _action(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        conversation_id = self.current_id
        if conversation_id:
            self._sending.add(conversation_id)
            self._update_busy()

        async def run() -> Any:
            try:
                return await coro
            finally:
                self._sending.discard(conversation_id)
                self._update_busy()

        return self._start(run(), "chat.action")

    def set_online(self, online: bool, _reason: str = "") -> asyncio.Task[Any]:
        """Connectivity changed (ConnectivityMonitor.online_changed). The model servers are probed again (so a
        message to an unreachable one goes to the outbox); back online, the outbox is sent, oldest first."""
        changed = online != self._online
        self._online = online
        if changed:
            self.online_changed.emit(online)
        self._update_offline_hint()
        return self._start(self._connectivity_changed(online), "chat.outbox")

    async def _connectivity_changed(self, online: bool) -> int:
        if self._refresh_reachability is not None:
            await self._refresh_reachability()
        self._update_offline_hint()
        return await self._service.flush_outbox() if online else 0

    # ------------------------------------------------------------------------------------------------ drafts

    def draft_changed(self, text: str) -> None:
        """The composer's text changed (every keystroke: only remembers it and restarts the timers)."""
        self._draft_text = text
        self._draft_for = self.current_id
        self._draft_timer.start()
        self._context_timer.start()

    def _save_draft_now(self) -> asyncio.Task[Any] | None:
        self._draft_timer.stop()
        conversation_id, text = self._draft_for, self._draft_text
        if not conversation_id or self._saved_drafts.get(conversation_id) == text:
            return None
        if conversation_id in self._clearing_draft:
            return None  # the send clears the stored draft itself; what is typed meanwhile is saved after it
        self._saved_drafts[conversation_id] = text
        return self._start(self._service.save_draft(conversation_id, text), "chat.draft")

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
        while self.messages.row_of(message_id) < 0:
            if not self.messages.has_older or self.messages.conversation_id != conversation_id:
                raise ChatError(_tr("That message is no longer in the conversation."))
            await self._load_older(max(self.page_size, 200))
        self.scroll_to_message.emit(message_id)

    # ------------------------------------------------------------------------------------------------ export

    def export(self, conversation_id: str, fmt: str, path: str) -> str:
        """Export a conversation to Markdown ("md") or JSON as a background job; returns the job id."""
        if fmt not in EXPORT_FORMATS:
            self.error_occurred.emit(_tr("Export as Markdown (md) or JSON (json)."))
            return ""
        if self._jobs is None:
            self.error_occurred.emit(_tr("Exporting is not available in this window."))
            return ""
        conversation = self.conversations.conversation(conversation_id)
        title = conversation.display_title if conversation is not None else conversation_id
        try:
            job_id = self._jobs.apply_async(
                "chat.export",
                kwargs={"conversation_id": conversation_id, "fmt": fmt, "path": path},
                title=_tr("Export “%1”").replace("%1", title),
            )
        except VectorError as error:
            self.error_occurred.emit(str(error))
            return ""
        self.export_started.emit(job_id, path)
        return job_id

    # ------------------------------------------------------------------------------------------------ tools

    def stop_tool(self, message_id: int) -> bool:
        """A running tool call's Stop: that call alone stops; the model is told and the answer goes on."""
        return self._service.stop_tool_call(message_id)

    def retry_tool(self, message_id: int) -> asyncio.Task[Any]:
        """Run an interrupted tool call again (the policy decides again), then continue the answer."""
        return self._action(self._service.retry_tool_call(message_id))

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
            old = self.messages.message(message.id)
            self.messages.insert_message(message)
            self._totals_changed_by(old, message, new_row=old is None)
            self._context_timer.start()

    def _on_started(self, message: Message) -> None:
        self._live[message.id] = [message.content]
        if message.conversation_id == self.current_id:
            self._pending.pop(message.id, None)
            old = self.messages.message(message.id)
            self.messages.insert_message(message)
            self._totals_changed_by(old, message, new_row=old is None and is_fresh_row(message))
        self._update_busy()

    def _on_delta(self, message_id: int, delta: str) -> None:
        live = self._live.get(message_id)
        if live is not None:
            live.append(delta)
            if len(live) > 512:
                live[:] = ["".join(live)]
        if self.messages.row_of(message_id) >= 0:
            self._pending.setdefault(message_id, []).append(delta)
            self._throttle.request()

    def _flush_deltas(self) -> None:
        pending, self._pending = self._pending, {}
        for message_id, parts in pending.items():
            self.messages.append_text(message_id, "".join(parts))

    def _on_finished(self, message: Message) -> None:
        self._pending.pop(message.id, None)
        self._live.pop(message.id, None)
        if message.conversation_id == self.current_id:
            old = self.messages.message(message.id)
            if not self.messages.update_message(message):
                self.messages.insert_message(message)
            self._totals_changed_by(old, message)
            self._context_timer.start()
        self._update_busy()

    def _on_changed(self, message: Message) -> None:
        if message.conversation_id == self.current_id:
            old = self.messages.message(message.id)
            self.messages.update_message(message)
            self._totals_changed_by(old, message)

    def _on_removed(self, conversation_id: str, message_ids: list[int]) -> None:
        for message_id in message_ids:
            self._live.pop(message_id, None)
            self._pending.pop(message_id, None)
        if conversation_id == self.current_id:
            self.messages.remove_messages(message_ids)
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

    def _update_busy(self) -> None:
        conversation_id = self.current_id
        busy = bool(conversation_id) and (conversation_id in self._sending or self._service.is_busy(conversation_id))
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

    # ------------------------------------------------------------------------------------------------ plumbing

    def _start(self, coro: Coroutine[Any, Any, T], name: str = "") -> asyncio.Task[T]:
        task = self._tasks.start(coro, name)
        self._running.add(task)
        task.add_done_callback(self._running.discard)
        return task

    def _task_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        if isinstance(error, VectorError):
            self.error_occurred.emit(str(error))
            return
        log.error("chat action failed", exc_info=error)
        self.error_occurred.emit(_tr("Something went wrong in the chat; the log has the details."))

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
