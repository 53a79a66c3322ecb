"""The chat panel's item models: conversations, the transcript (paged, updated row by row), search hits and the
model picker. No widgets here; the delegate in views/ paints what these roles return."""

from __future__ import annotations

import bisect
import enum
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from vector_desktop.ai.models import ModelInfo
from vector_desktop.domain.chat import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    Conversation,
    Message,
    MessageStatus,
    Role,
    SearchHit,
)
from vector_desktop.presentation.chat_actions import MessageAction as MessageAction
from vector_desktop.presentation.chat_actions import message_actions as message_actions
from vector_desktop.presentation.chat_format import LOCAL_PREFIX as LOCAL_PREFIX
from vector_desktop.presentation.chat_format import format_context as format_context
from vector_desktop.presentation.chat_format import format_cost as format_cost
from vector_desktop.presentation.chat_format import format_tokens as format_tokens
from vector_desktop.presentation.chat_format import header_text as header_text
from vector_desktop.presentation.chat_format import is_free as is_free
from vector_desktop.presentation.chat_format import is_local_model as is_local_model
from vector_desktop.presentation.chat_format import model_label as model_label
from vector_desktop.presentation.chat_format import model_name as model_name
from vector_desktop.presentation.chat_format import model_price_text as model_price_text
from vector_desktop.presentation.chat_format import price_note as price_note
from vector_desktop.presentation.chat_format import rough_tokens as rough_tokens
from vector_desktop.presentation.chat_format import status_text as status_text
from vector_desktop.presentation.chat_format import time_text as time_text
from vector_desktop.presentation.chat_format import usage_text as usage_text
from vector_desktop.presentation.chat_tool_rows import call_of, display_markdown, tool_details, tool_header
from vector_desktop.presentation.chat_tool_rows import tool_status_text as tool_status_text
from vector_desktop.presentation.time_text import relative_time_text as relative_time_text

AnyIndex = QModelIndex | QPersistentModelIndex
_USER = int(Qt.ItemDataRole.UserRole)
_OLDEST = datetime.min.replace(tzinfo=UTC)


def _tr(text: str, context: str = "ChatModels") -> str:
    return QCoreApplication.translate(context, text)


# ---------------------------------------------------------------------------------------------------- conversations


class ConversationRoles(enum.IntEnum):
    CONVERSATION = _USER + 1
    ID = _USER + 2
    PINNED = _USER + 3
    UPDATED = _USER + 4
    WHEN = _USER + 5  # "Today 14:03": the list's second line


def _conversation_key(conversation: Conversation) -> tuple[bool, float]:
    return (not conversation.pinned, -(conversation.updated_at or _OLDEST).timestamp())


class ConversationListModel(QAbstractListModel):
    """Conversations, pinned first, then most recently active. Changes move or update one row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Conversation] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(r): QByteArray(r.name.lower().encode()) for r in ConversationRoles})
        return names

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        conversation = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            title = conversation.title or _tr("New conversation")
            return f"★ {title}" if conversation.pinned else title
        if role == Qt.ItemDataRole.ToolTipRole:
            when = time_text(conversation.updated_at)
            title = conversation.title or _tr("New conversation")
            if conversation.pinned:
                title = _tr("%1 (pinned)").replace("%1", title)
            return _tr("%1\nLast active %2").replace("%1", title).replace("%2", when) if when else title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            title = conversation.title or _tr("New conversation")
            return _tr("%1, pinned").replace("%1", title) if conversation.pinned else title
        if role == ConversationRoles.CONVERSATION:
            return conversation
        if role == ConversationRoles.ID:
            return conversation.id
        if role == ConversationRoles.PINNED:
            return conversation.pinned
        if role == ConversationRoles.UPDATED:
            return conversation.updated_at
        if role == ConversationRoles.WHEN:
            return relative_time_text(conversation.updated_at)
        return None

    # -- our API
    def set_conversations(self, conversations: Iterable[Conversation]) -> None:
        self.beginResetModel()
        self._rows = sorted((c for c in conversations if c.deleted_at is None), key=_conversation_key)
        self.endResetModel()

    def conversations(self) -> list[Conversation]:
        return list(self._rows)

    def conversation(self, conversation_id: str) -> Conversation | None:
        row = self.row_of(conversation_id)
        return self._rows[row] if row >= 0 else None

    def conversation_at(self, row: int) -> Conversation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, conversation_id: str) -> int:
        for row, conversation in enumerate(self._rows):
            if conversation.id == conversation_id:
                return row
        return -1

    def upsert(self, conversation: Conversation) -> None:
        """Add, update or move a conversation (a deleted one is removed)."""
        if conversation.deleted_at is not None:
            self.remove(conversation.id)
            return
        row = self.row_of(conversation.id)
        if row < 0:
            position = self._position_for(conversation, self._rows)
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.insert(position, conversation)
            self.endInsertRows()
            return
        others = self._rows[:row] + self._rows[row + 1 :]
        target = self._position_for(conversation, others)
        if target != row:
            # Qt counts the destination before the move: moving down means "before the row after the target".
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if target > row else target)
            others.insert(target, conversation)
            self._rows = others
            self.endMoveRows()
            row = target
        else:
            self._rows[row] = conversation
        self.dataChanged.emit(self.index(row), self.index(row))

    def remove(self, conversation_id: str) -> bool:
        row = self.row_of(conversation_id)
        if row < 0:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True

    @staticmethod
    def _position_for(conversation: Conversation, rows: Sequence[Conversation]) -> int:
        keys = [_conversation_key(c) for c in rows]
        return bisect.bisect_right(keys, _conversation_key(conversation))


# ---------------------------------------------------------------------------------------------------- transcript


class MessageRoles(enum.IntEnum):
    MESSAGE = _USER + 1  # the Message
    ID = _USER + 2
    TEXT = _USER + 3
    ROLE = _USER + 4  # Role value ("user", "assistant", "tool")
    STATUS = _USER + 5  # MessageStatus value
    STATUS_TEXT = _USER + 6  # chip text ("Streaming…", "Queued", ...), "" when complete
    MODEL = _USER + 7
    USAGE = _USER + 8  # (prompt_tokens, completion_tokens, cost)
    USAGE_TEXT = _USER + 9
    TOOL_CALLS = _USER + 10  # tuple of ToolCallRecord
    ERROR = _USER + 11
    HEADER = _USER + 12
    ACTIONS = _USER + 13  # tuple of MessageAction
    REVISION = _USER + 14  # increases whenever the row changes (size-hint cache key)
    STREAMING = _USER + 15  # bool
    BODY = _USER + 16  # the markdown the row shows (a tool row: its arguments and result when expanded, else "")
    EXPANDED = _USER + 17  # bool: a tool row shows its arguments and result


_TEXT_ROLES = [
    int(Qt.ItemDataRole.DisplayRole),
    int(Qt.ItemDataRole.AccessibleTextRole),
    int(MessageRoles.TEXT),
    int(MessageRoles.REVISION),
    int(MessageRoles.MESSAGE),
    int(MessageRoles.ACTIONS),
]


_TOOL_ROLES = {
    int(MessageRoles.HEADER),
    int(MessageRoles.STATUS_TEXT),
    int(MessageRoles.EXPANDED),
    int(MessageRoles.BODY),
    int(Qt.ItemDataRole.AccessibleTextRole),
}


@dataclass
class _Row:
    message: Message
    revision: int = 0


class MessageListModel(QAbstractListModel):
    """One conversation's messages, oldest first. Only the newest page is loaded when a conversation opens;
    `prepend_page` brings older pages in at the top (beginInsertRows, never a reset). Streamed text updates one
    row (dataChanged for that row only)."""

    page_prepended = Signal(int)  # number of rows inserted at the top

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._row_of: dict[int, int] = {}
        self.conversation_id = ""
        self.has_older = False
        self._busy = False
        self._local_available = False
        self._infos: dict[str, ModelInfo] = {}
        self._expanded: set[int] = set()  # tool rows showing their arguments and result
        self._tool_names: dict[str, tuple[str, str]] = {}  # qualified name → (real name, connector name)

    # -- Qt model API
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(r): QByteArray(r.name.lower().encode()) for r in MessageRoles})
        return names

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        message = row.message
        if message.role is Role.TOOL and role in _TOOL_ROLES:
            return self._tool_data(message, role)
        if role == MessageRoles.BODY:
            return display_markdown(message, names=self._tool_names)
        if role == MessageRoles.EXPANDED:
            return False
        if role == Qt.ItemDataRole.DisplayRole or role == MessageRoles.TEXT:
            return message.content
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [header_text(message, self._info(message)), status_text(message), message.content, message.error]
            return ". ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [time_text(message.created_at)]
            if message.role is Role.ASSISTANT and message.model:
                lines.append(_tr("Model: %1").replace("%1", message.model))  # the exact id, e.g. to report
            return "\n".join(line for line in lines if line) or None
        if role == MessageRoles.MESSAGE:
            return message
        if role == MessageRoles.ID:
            return message.id
        if role == MessageRoles.ROLE:
            return message.role.value
        if role == MessageRoles.STATUS:
            return message.status.value
        if role == MessageRoles.STATUS_TEXT:
            return status_text(message)
        if role == MessageRoles.MODEL:
            return message.model
        if role == MessageRoles.USAGE:
            return (message.prompt_tokens, message.completion_tokens, message.cost)
        if role == MessageRoles.USAGE_TEXT:
            return usage_text(message, self._info(message)) if message.role is Role.ASSISTANT else ""
        if role == MessageRoles.TOOL_CALLS:
            return message.tool_calls
        if role == MessageRoles.ERROR:
            return message.error
        if role == MessageRoles.HEADER:
            return header_text(message, self._info(message))
        if role == MessageRoles.ACTIONS:
            return message_actions(message, busy=self._busy, local_available=self._local_available)
        if role == MessageRoles.REVISION:
            return row.revision
        if role == MessageRoles.STREAMING:
            return message.status is MessageStatus.STREAMING
        return None

    def _info(self, message: Message) -> ModelInfo | None:
        return self._infos.get(message.model) if message.model else None

    def _tool_data(self, message: Message, role: int) -> Any:
        call = call_of(message, self.message(message.parent_id) if message.parent_id is not None else None)
        if role == MessageRoles.HEADER:
            return tool_header(message, call, self._tool_names)
        if role == MessageRoles.STATUS_TEXT:
            return tool_status_text(message)
        if role == MessageRoles.EXPANDED:
            return message.id in self._expanded
        if role == MessageRoles.BODY:
            return tool_details(message, call) if message.id in self._expanded else ""
        parts = [tool_header(message, call, self._tool_names), tool_status_text(message), message.error]
        return ". ".join(p for p in parts if p)  # AccessibleTextRole

    def toggle_expanded(self, message_id: int) -> bool:
        """Show or fold a tool row's arguments and result; returns whether it is now expanded."""
        row = self._row_of.get(message_id)
        if row is None or self._rows[row].message.role is not Role.TOOL:
            return False
        expanded = message_id not in self._expanded
        if expanded:
            self._expanded.add(message_id)
        else:
            self._expanded.discard(message_id)
        self._rows[row].revision += 1
        self.dataChanged.emit(self.index(row), self.index(row))
        return expanded

    def set_tool_names(self, names: dict[str, tuple[str, str]]) -> None:
        """Real tool and connector names for the tool rows (the stored name is the one the model used)."""
        if names == self._tool_names:
            return
        self._tool_names = dict(names)
        rows = [n for n, r in enumerate(self._rows) if r.message.role is Role.TOOL or r.message.tool_calls]
        for row in rows:
            self._rows[row].revision += 1
            self.dataChanged.emit(self.index(row), self.index(row))

    # -- reading
    def messages(self) -> list[Message]:
        return [row.message for row in self._rows]

    def message(self, message_id: int) -> Message | None:
        row = self._row_of.get(message_id)
        return None if row is None else self._rows[row].message

    def message_at(self, row: int) -> Message | None:
        return self._rows[row].message if 0 <= row < len(self._rows) else None

    def row_of(self, message_id: int) -> int:
        return self._row_of.get(message_id, -1)

    @property
    def oldest_seq(self) -> int | None:
        return self._rows[0].message.seq if self._rows else None

    # -- changing
    def reset(self, conversation_id: str, messages: Sequence[Message], has_older: bool) -> None:
        """Show another conversation (its newest page)."""
        self.beginResetModel()
        self.conversation_id = conversation_id
        self._rows = [_Row(m) for m in sorted(messages, key=lambda m: m.seq)]
        self.has_older = has_older
        self._reindex()
        self.endResetModel()

    def prepend_page(self, messages: Sequence[Message], has_older: bool) -> int:
        """Older messages at the top. Returns how many rows were added."""
        oldest = self.oldest_seq
        fresh = [
            m
            for m in sorted(messages, key=lambda m: m.seq)
            if m.id not in self._row_of
            and m.conversation_id == self.conversation_id
            and (oldest is None or m.seq < oldest)
        ]
        self.has_older = has_older
        if not fresh:
            return 0
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._rows[0:0] = [_Row(m) for m in fresh]
        self._reindex()
        self.endInsertRows()
        self.page_prepended.emit(len(fresh))
        return len(fresh)

    def insert_message(self, message: Message) -> bool:
        """A new message of this conversation, placed by seq. The store moves later messages down by one when it
        inserts in the middle (an answer to a queued message); the copies here follow."""
        if message.conversation_id != self.conversation_id:
            return False
        if message.id in self._row_of:
            self.update_message(message)
            return True
        seqs = [row.message.seq for row in self._rows]
        position = bisect.bisect_left(seqs, message.seq)
        for row in self._rows[position:]:
            row.message = replace(row.message, seq=row.message.seq + 1)
        if position == 0 and self._rows and self.has_older:
            return False  # older than the loaded page: it arrives with that page
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, _Row(message))
        self._reindex()
        self.endInsertRows()
        return True

    def append_text(self, message_id: int, text: str) -> bool:
        row = self._row_of.get(message_id)
        if row is None or not text:
            return False
        entry = self._rows[row]
        entry.message = replace(entry.message, content=entry.message.content + text)
        entry.revision += 1
        index = self.index(row)
        self.dataChanged.emit(index, index, _TEXT_ROLES)
        return True

    def update_message(self, message: Message) -> bool:
        row = self._row_of.get(message.id)
        if row is None:
            return False
        entry = self._rows[row]
        entry.message = message
        entry.revision += 1
        index = self.index(row)
        self.dataChanged.emit(index, index)
        return True

    def remove_messages(self, message_ids: Iterable[int]) -> int:
        rows = sorted({self._row_of[i] for i in message_ids if i in self._row_of}, reverse=True)
        removed = 0
        while rows:
            last = first = rows.pop(0)
            while rows and rows[0] == first - 1:
                first = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self._reindex()
            self.endRemoveRows()
            removed += last - first + 1
        return removed

    def set_busy(self, busy: bool) -> None:
        """An answer is arriving in this conversation: actions other than Copy are hidden."""
        if busy != self._busy:
            self._busy = busy
            self._actions_changed()

    def set_model_infos(self, models: Iterable[ModelInfo]) -> None:
        """The catalog, for the models' human names and prices in headers and usage lines."""
        infos = {m.id: m for m in models}
        if infos == self._infos:
            return
        self._infos = infos
        if self._rows:  # headers may change width, not height: no new revision
            roles = [int(MessageRoles.HEADER), int(MessageRoles.USAGE_TEXT), int(Qt.ItemDataRole.AccessibleTextRole)]
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), roles)

    def set_local_available(self, available: bool) -> None:
        if available != self._local_available:
            self._local_available = available
            self._actions_changed()

    def _actions_changed(self) -> None:
        if self._rows:  # the action row's height is always reserved: no size change, no new revision
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [int(MessageRoles.ACTIONS)])

    def _reindex(self) -> None:
        self._row_of = {row.message.id: number for number, row in enumerate(self._rows)}


# ---------------------------------------------------------------------------------------------------- search hits


class SearchRoles(enum.IntEnum):
    HIT = _USER + 1
    SNIPPET_HTML = _USER + 2  # escaped, matches in <b>
    CONVERSATION_ID = _USER + 3
    MESSAGE_ID = _USER + 4
    TITLE = _USER + 5


def snippet_html(hit: SearchHit, highlight: str = "#fde68a") -> str:
    escaped = html.escape(" ".join(hit.snippet.split()))
    return escaped.replace(HIGHLIGHT_START, f'<b style="background-color:{highlight};">').replace(HIGHLIGHT_END, "</b>")


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self.query = ""

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        title = hit.conversation_title or _tr("New conversation")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{title}: {' '.join(hit.plain.split())}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return time_text(hit.created_at) or None
        if role == SearchRoles.HIT:
            return hit
        if role == SearchRoles.SNIPPET_HTML:
            return snippet_html(hit)
        if role == SearchRoles.CONVERSATION_ID:
            return hit.conversation_id
        if role == SearchRoles.MESSAGE_ID:
            return hit.message_id
        if role == SearchRoles.TITLE:
            return title
        return None

    def set_hits(self, query: str, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self.query = query
        self._hits = list(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None


# ---------------------------------------------------------------------------------------------------- model picker


class ModelChoiceRoles(enum.IntEnum):
    INFO = _USER + 1
    MODEL_ID = _USER + 2


class ModelChoicesModel(QAbstractListModel):
    """The model picker: "name · context · price" per model; an id not in the catalog still gets a row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._models: list[ModelInfo] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._models)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._models):
            return None
        info = self._models[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return model_label(info)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p for p in (info.id, info.description) if p)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return model_label(info)
        if role == ModelChoiceRoles.INFO:
            return info
        if role == ModelChoiceRoles.MODEL_ID:
            return info.id
        return None

    def set_models(self, models: Iterable[ModelInfo]) -> None:
        seen: set[str] = set()
        unique = [m for m in models if not (m.id in seen or seen.add(m.id))]  # type: ignore[func-returns-value]
        self.beginResetModel()
        self._models = unique
        self.endResetModel()

    def models(self) -> list[ModelInfo]:
        return list(self._models)

    def info(self, model_id: str) -> ModelInfo | None:
        row = self.row_of(model_id)
        return self._models[row] if row >= 0 else None

    def row_of(self, model_id: str) -> int:
        for row, info in enumerate(self._models):
            if info.id == model_id:
                return row
        return -1

    def ensure(self, model_id: str) -> int:
        """The row of `model_id`, added (without details) when the catalog does not know it."""
        row = self.row_of(model_id)
        if row >= 0 or not model_id:
            return row
        row = len(self._models)
        self.beginInsertRows(QModelIndex(), row, row)
        self._models.append(ModelInfo(id=model_id, name=model_id))
        self.endInsertRows()
        return row
