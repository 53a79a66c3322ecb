"""The chat vocabulary: conversations, messages, drafts, search hits, and the ports the chat service needs.

No I/O and no imports from other layers. The AI value types (`ChatMessage`, `LLMSettings`, `ChatChunk`, `ToolCall`,
`ToolSpec` in `vector_desktop/ai/types.py`) cross these ports; the domain may not import them, so the ports name
them as `Any` and say in words what they carry.
"""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.tool_policy import ConversationTools, Decision
from vector_desktop.domain.tools import ToolSpec, ToolStatus

# A tool row's finish_reason is the ToolStatus value of its run, or this when nothing ran (denied, not offered).
TOOL_NOT_RUN = "not run"

# Markers around matched terms in SearchHit.snippet (private-use characters: never typed, safe to escape around).
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"


class MessageStatus(enum.StrEnum):
    COMPLETE = "complete"
    STREAMING = "streaming"  # being received; only ever seen on disk after a crash, until the next start
    INTERRUPTED = "interrupted"  # broke off (error, crash, kill); partial text kept; Continue / Retry
    QUEUED = "queued"  # in the outbox: written while the model's server was unreachable
    FAILED = "failed"  # nothing usable arrived; `error` says why
    CANCELLED = "cancelled"  # the user pressed Stop; partial text kept


class Role(enum.StrEnum):
    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"
    TOOL = "tool"


class ChatError(VectorError):
    """A chat action cannot be done as asked (unknown conversation, wrong kind of message, busy...)."""


@dataclass(frozen=True)
class Conversation:
    id: str
    title: str = ""
    pinned: bool = False
    system_prompt: str = ""
    model: str = ""
    fallback_models: tuple[str, ...] = ()
    temperature: float | None = None
    json_mode: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None  # set by delete; cleared by undo; purged later

    @property
    def display_title(self) -> str:
        return self.title or "New conversation"


@dataclass(frozen=True)
class ToolCallRecord:
    """A tool call the model asked for, as stored with the assistant message (arguments: JSON text)."""

    id: str
    name: str
    arguments: str


@dataclass(frozen=True)
class Message:
    id: int
    conversation_id: str
    seq: int  # position in the conversation; increases, may have gaps
    role: Role
    content: str
    status: MessageStatus = MessageStatus.COMPLETE
    model: str = ""  # the model that actually answered (assistant) or was asked (queued user message)
    provider: str = ""
    finish_reason: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float | None = None  # USD
    error: str = ""  # a sentence for the user when the message failed or broke off
    tool_calls: tuple[ToolCallRecord, ...] = ()
    tool_call_id: str = ""  # role tool: the call this result answers
    tool_name: str = ""
    images: tuple[str, ...] = ()  # image URLs (https or data:) attached to a user message
    parent_id: int | None = None  # assistant: the message it answers; tool: the assistant message that called
    queued_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    duration_ms: int | None = None  # tool rows: how long the call itself ran (approval not counted)

    @property
    def can_continue(self) -> bool:
        """An assistant answer that stopped early and can be continued where it left off."""
        if self.role is not Role.ASSISTANT or self.tool_calls or not self.content:
            return False
        return self.status in (MessageStatus.INTERRUPTED, MessageStatus.CANCELLED) or (
            self.status is MessageStatus.COMPLETE and self.finish_reason == "length"
        )

    @property
    def can_retry(self) -> bool:
        return self.role is Role.ASSISTANT and self.status is not MessageStatus.STREAMING

    @property
    def can_retry_tool_call(self) -> bool:
        """A tool call that did not give the model a result, or was not allowed: ChatService.retry_tool_call."""
        if self.role is not Role.TOOL:
            return False
        return self.status in (MessageStatus.INTERRUPTED, MessageStatus.CANCELLED, MessageStatus.FAILED) or (
            self.finish_reason == TOOL_NOT_RUN
        )


@dataclass(frozen=True)
class Draft:
    conversation_id: str
    text: str
    updated_at: datetime | None = None


@dataclass(frozen=True)
class ConversationTotals:
    messages: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float | None = None  # None when no message reported a cost
    # Answers whose provider reported no usage (the on-device model), with the questions they answer: their text
    # size, for an estimate of the tokens they took.
    unreported_chars: int = 0
    unreported_messages: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass(frozen=True)
class SearchHit:
    conversation_id: str
    conversation_title: str
    message_id: int
    role: Role
    snippet: str  # matched terms wrapped in HIGHLIGHT_START / HIGHLIGHT_END
    created_at: datetime | None = None

    def marked(self, start: str, end: str) -> str:
        """The snippet with the highlight markers replaced (escape the text for HTML before, if needed)."""
        return self.snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)

    @property
    def plain(self) -> str:
        return self.marked("", "")


@dataclass(frozen=True)
class CachedModel:
    """One entry of the model picker kept in the store (`data` is the AI layer's ModelInfo as a dict)."""

    provider: str
    model_id: str
    name: str
    data: dict[str, Any] = field(default_factory=dict)
    fetched_at: datetime | None = None


# ---------------------------------------------------------------------------------------------------- ports


class ChatStreamer(Protocol):
    """Streams one model answer: `messages` are ai.types.ChatMessage, `settings` an ai.types.LLMSettings;
    yields ai.types.ChatChunk. Raises VectorError subclasses (ai.errors) on failure. LLMClient fits."""

    def stream(self, messages: list[Any], settings: Any) -> AsyncIterator[Any]: ...


@dataclass(frozen=True)
class ToolOutcome:
    """What one tool call gave the chat: the text the model is sent, and how it went (`status` None: nothing ran,
    because it was denied, not offered or its arguments were not valid; `error` then says why, for the user)."""

    text_for_model: str
    status: ToolStatus | None = None
    action_id: int | None = None  # the ConnectorToolAction row, when it ran
    decision: Decision | None = None
    duration_ms: int | None = None
    error: str = ""
    connector_name: str = ""
    images: tuple[str, ...] = ()  # images the tool returned, as data URLs, sent to the model as image parts

    @property
    def ran(self) -> bool:
        return self.status is not None

    @property
    def label(self) -> str:
        """The tool row's finish_reason: the run's status, or TOOL_NOT_RUN."""
        return self.status.value if self.status is not None else TOOL_NOT_RUN


class ToolProvider(Protocol):
    """Tools the model may call in a conversation (connectors now; databases, email later): services/chat_tools'
    ChatToolbox. Policy and approval happen inside `call`; a refused call is an outcome, not an exception."""

    async def list_tools(self, conversation_id: str) -> Sequence[ToolSpec]:
        """The tools offered to the model in this conversation (enabled, chosen, not denied outright)."""
        ...

    async def call(self, conversation_id: str, call_id: str, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        """Run one call the model asked for (`name` is the qualified name)."""
        ...

    async def choosable(self) -> Sequence[ToolSpec]:
        """Every tool a conversation could offer (for the composer's "Choose…")."""
        ...

    async def conversation_tools(self, conversation_id: str) -> ConversationTools: ...

    async def set_conversation_tools(self, conversation_id: str, choice: ConversationTools) -> None: ...


@runtime_checkable
class PreparesTools(Protocol):
    """A ToolProvider whose tools take a while to be ready (servers to start): `prepare` gets them ready for a
    conversation the user is writing in; it returns at once and never fails the chat."""

    async def prepare(self, conversation_id: str) -> None: ...


class ToolApprover(Protocol):
    """Deprecated (issue 11): approval is inside the ToolProvider now (domain.tool_policy.Approver). Kept only so
    `ChatService.set_tools(legacy_provider, approver)` works until the chat view-model stops passing itself."""

    async def approve(self, call: Any) -> bool: ...


class ChatListener:
    """Events from the chat service, on the event-loop thread. Override what you need; the rest do nothing.

    A new row appears with message_added (user, tool and queued messages, complete) or message_started
    (an assistant answer, status streaming, content may be a prefix when continuing an existing row). Rows are
    ordered by `seq`; an answer to a queued message can be placed before later queued messages, whose seq then
    grows by one (reload the page or insert by seq).
    """

    def message_added(self, message: Message) -> None:
        """A complete (or queued) message was stored."""

    def message_started(self, message: Message) -> None:
        """An assistant answer started streaming into `message` (new row, or an existing row for Continue)."""

    def message_delta(self, message_id: int, delta: str) -> None:
        """More text for a streaming message (buffer these and repaint on a timer)."""

    def message_finished(self, message: Message) -> None:
        """A message reached a final state: complete, cancelled, or interrupted without an error."""

    def message_failed(self, message: Message) -> None:
        """A message ended failed or interrupted with `message.error` set (partial text kept)."""

    def message_changed(self, message: Message) -> None:
        """A stored message changed outside streaming (edited, queued → sent)."""

    def messages_removed(self, conversation_id: str, message_ids: Sequence[int]) -> None:
        """Messages were removed (regenerate / edit drop everything after the point they restart from)."""

    def conversation_changed(self, conversation: Conversation) -> None:
        """Title, settings, totals or position in the list changed."""

    def notice(self, conversation_id: str, text: str) -> None:
        """Something the user should be told once about a conversation (e.g. its model cannot use tools)."""


# ChatStore.add_message's positional and keyword arguments, for a row written with another in one transaction.
MessageRowArgs = tuple[tuple[Any, ...], dict[str, Any]]


class ChatStore(Protocol):
    """What the chat service needs from the store (synchronous, small calls; see store/chat_repository.py)."""

    def get_conversation(self, conversation_id: str) -> Conversation | None: ...

    def create_conversation(self, **values: Any) -> Conversation: ...

    def update_conversation(self, conversation_id: str, **values: Any) -> Conversation: ...

    def get_message(self, message_id: int) -> Message | None: ...

    def add_message(self, conversation_id: str, role: Role, content: str, **values: Any) -> Message: ...

    def update_message(self, message_id: int, **values: Any) -> Message: ...

    def add_message_and_next(
        self, first: MessageRowArgs, then: Callable[[Message], MessageRowArgs]
    ) -> tuple[Message, Message]:
        """Two add_message calls (positional and keyword arguments) in one transaction, the second's from the first's
        message."""
        ...

    def update_message_and_add(
        self, message_id: int, values: dict[str, Any], row: MessageRowArgs
    ) -> tuple[Message, Message]:
        """update_message and an add_message (its arguments) in one transaction."""
        ...

    def journal_partial(self, message_id: int, text: str) -> None: ...

    def messages_page(self, conversation_id: str, before_seq: int | None = None, limit: int = 50) -> list[Message]: ...

    def messages_after(self, conversation_id: str, seq: int) -> list[Message]: ...

    def delete_messages(self, message_ids: Sequence[int]) -> None: ...

    def queued_messages(self, conversation_id: str | None = None) -> list[Message]: ...

    def save_draft(self, conversation_id: str, text: str) -> None: ...

    def get_draft(self, conversation_id: str) -> Draft | None: ...

    def conversation_totals(self, conversation_id: str) -> ConversationTotals: ...

    def list_conversations(
        self, query: str = "", *, limit: int = 500, offset: int = 0, deleted: bool = False
    ) -> list[Conversation]: ...

    def delete_conversation(self, conversation_id: str) -> Conversation: ...

    def restore_conversation(self, conversation_id: str) -> Conversation: ...

    def purge_deleted(self, older_than: datetime | None = None) -> int: ...

    def mark_interrupted_streams(self) -> int: ...

    def search(
        self, query: str, *, limit: int = 50, conversation_id: str | None = None, order: str = "recent"
    ) -> list[SearchHit]: ...
