"""The chat view-model's state: its signals, what it holds, the draft it keeps and how it runs its tasks.

The base of ChatViewModel's chain (chat_vm_events → chat_vm_conversations → chat_vm_sending → chat_viewmodel):
each part adds one job; `_connect_parts` lets each part connect its own handlers once everything exists.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import replace
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt, QTimer, Signal

from vector_desktop.ai.models import ModelInfo
from vector_desktop.ai.types import LLMSettings
from vector_desktop.domain.chat import Conversation, Message, MessageStatus
from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.jobs import JobQueue
from vector_desktop.presentation.chat.chat_models import (
    ConversationListModel,
    MessageListModel,
    ModelChoicesModel,
    SearchResultsModel,
    model_name,
)
from vector_desktop.presentation.chat.chat_tools_viewmodel import ChatToolsViewModel
from vector_desktop.presentation.chat.markdown_render import load_parser_library
from vector_desktop.qtsupport.frame_pacer import FRAME_MS, FramePacer
from vector_desktop.qtsupport.tasks import TaskOwner
from vector_desktop.qtsupport.throttle import Throttle
from vector_desktop.services.chat.chat_service import ChatService

log = logging.getLogger(__name__)

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatViewModel", text)  # one translation context for every part


class RunBlocking(Protocol):
    """Runs a blocking callable off the GUI thread, e.g. `lambda fn: loop.run_in_executor(None, fn)`."""

    def __call__(self, fn: Callable[[], T], /) -> Awaitable[T]: ...


async def _call_here(fn: Callable[[], T]) -> T:
    return fn()


class ContextChecker(Protocol):
    """LLMClient.check_context: the estimated size of a request against the model's context."""

    def __call__(self, messages: Sequence[Any], settings: LLMSettings, /) -> Any: ...


class ChatViewModelState(QObject):
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
        frame_ms: int = FRAME_MS,
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
        self._jumps = 0  # searches paging older messages in until theirs is found: none may be let go meanwhile
        self._preferred_model = ""

        # Streaming: every delta of a live answer is kept (so reopening its conversation shows all of it); the
        # ones for the open transcript wait in _pending until the throttle (~30 ms) asks the frame to apply them.
        self._live: dict[int, list[str]] = {}
        self._pending: dict[int, list[str]] = {}
        # The open transcript's changes wait in order for the next frame (_frame), streamed text with them;
        # _latest holds the newest copy of each row they change (None: removed) until they are applied.
        self._changes: list[Callable[[], object]] = []
        self._latest: dict[int, Message | None] = {}
        self._frame = FramePacer(self._apply_transcript, frame_ms, self)
        self._throttle = Throttle(self._frame.request, flush_interval_ms, self)

        self._draft_text = ""
        self._rendering_prepared = False
        # (conversation, model) whose tools were got ready (conversation "": the one a Send would make).
        self._tools_prepared: set[tuple[str, str]] = set()
        self._draft_for = ""
        self._saved_drafts: dict[str, str] = {}
        self._draft_timer = self._timer(draft_delay_ms, self._save_draft_now)
        self._search_query = ""
        self._search_timer = self._timer(search_delay_ms)
        self._context_timer = self._timer(context_delay_ms)

        self.deleted_id = ""
        self.tools = ChatToolsViewModel(service, parent=self, model_for_new=self.effective_model)
        self.tools.groups_changed.connect(lambda: self.messages.set_tool_names(self.tools.tool_names()))
        self.tools.error_occurred.connect(self.error_occurred)
        self.conversation_selected.connect(self.tools.set_conversation)
        self._connect_parts()

    def _connect_parts(self) -> None:
        """Each part of the chain connects its own handlers here (calling super() first)."""

    def _timer(self, interval_ms: int, callback: Callable[[], Any] | None = None) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        if callback is not None:
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

    def effective_model(self) -> str:
        """The open conversation's model; with none open, the model a new conversation would get."""
        if self._current is not None and self._current.model:
            return self._current.model
        return self._preferred_model or self._service.default_model()

    def _with_live_text(self, message: Message) -> Message:
        parts = self._live.get(message.id)
        if parts is None:
            return message
        self._pending.pop(message.id, None)
        return replace(message, content="".join(parts), status=MessageStatus.STREAMING)

    def _shown(self, message_id: int) -> Message | None:
        """The open transcript's newest copy of a message, with the changes that wait for the next frame."""
        if message_id in self._latest:
            return self._latest[message_id]
        return self.messages.message(message_id)

    def _change_transcript(self, change: Callable[[], object], *rows: tuple[int, Message | None]) -> None:
        """Apply `change` to the open transcript with the next frame; `rows`: (id, newest copy) it changes."""
        self._changes.append(change)
        self._latest.update(rows)
        self._frame.request()

    def _apply_transcript(self) -> None:
        changes, self._changes = self._changes, []
        self._latest.clear()
        for change in changes:
            change()
        pending, self._pending = self._pending, {}
        for message_id, parts in pending.items():
            self.messages.append_text(message_id, "".join(parts))

    # ------------------------------------------------------------------------------------------------ drafts

    def draft_changed(self, text: str) -> None:
        """The composer's text changed (every keystroke: only remembers it and restarts the timers)."""
        self._draft_text = text
        self._draft_for = self.current_id
        self._draft_timer.start()
        self._context_timer.start()
        if text:
            self.prepare_to_send()

    def prepare_to_send(self) -> None:
        """The user is writing (or a draft came back): what the first message and the first tool call would wait
        for is got ready now, off the GUI thread. The markdown library loads once (else: a ~60 ms stall with the
        first message shown in an empty chat); the conversation's tools start their servers (else: the MCP
        library's import and the server's start, ~1 s, inside the first tool round), once per conversation and
        model."""
        if not self._rendering_prepared:
            self._rendering_prepared = True
            self._start(self._load_renderer(), "chat.markdown")
        asked = (self.current_id, self.effective_model())
        if asked not in self._tools_prepared:
            self._tools_prepared.add(asked)
            self._start(self._service.prepare_tools(*asked), "chat.tools.prepare")

    async def _load_renderer(self) -> None:
        await self._run_blocking(load_parser_library)

    def _save_draft_now(self) -> asyncio.Task[Any] | None:
        self._draft_timer.stop()
        conversation_id, text = self._draft_for, self._draft_text
        if not conversation_id or self._saved_drafts.get(conversation_id) == text:
            return None
        if conversation_id in self._clearing_draft:
            return None  # the send clears the stored draft itself; what is typed meanwhile is saved after it
        self._saved_drafts[conversation_id] = text
        return self._start(self._service.save_draft(conversation_id, text), "chat.draft")

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
