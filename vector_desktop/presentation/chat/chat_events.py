"""ChatService events as Qt signals for the chat view-model: they arrive on the event-loop thread (the GUI thread
with qasync); a signal from any other thread is queued to the GUI thread. Streamed text, the hot path, is handed
over directly when it arrives on the GUI thread."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from vector_desktop.domain.chat import ChatListener, Conversation, Message


class ChatEvents(QObject):
    """ChatService events as Qt signals (AutoConnection: direct on the GUI thread, queued from any other)."""

    added = Signal(object)
    started = Signal(object)
    delta = Signal(int, str)
    finished = Signal(object)
    failed = Signal(object)
    changed = Signal(object)
    removed = Signal(str, object)
    conversation = Signal(object)


class ChatEventsListener(ChatListener):
    def __init__(self, events: ChatEvents, on_delta: Callable[[int, str], None]) -> None:
        self._events = events
        self._on_delta = on_delta
        self._gui_thread = threading.get_ident()

    def _emit(self, signal: Any, *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the view-model is gone (shutdown)
            signal.emit(*args)

    def message_added(self, message: Message) -> None:
        self._emit(self._events.added, message)

    def message_started(self, message: Message) -> None:
        self._emit(self._events.started, message)

    def message_delta(self, message_id: int, delta: str) -> None:
        if threading.get_ident() == self._gui_thread:
            self._on_delta(message_id, delta)  # the hot path (every token): no signal hop when already here
        else:
            self._emit(self._events.delta, message_id, delta)

    def message_finished(self, message: Message) -> None:
        self._emit(self._events.finished, message)

    def message_failed(self, message: Message) -> None:
        self._emit(self._events.failed, message)

    def message_changed(self, message: Message) -> None:
        self._emit(self._events.changed, message)

    def messages_removed(self, conversation_id: str, message_ids: Sequence[int]) -> None:
        self._emit(self._events.removed, conversation_id, list(message_ids))

    def conversation_changed(self, conversation: Conversation) -> None:
        self._emit(self._events.conversation, conversation)
