"""The chat panel's item models: conversations, the transcript (paged, updated row by row), search hits and the
model picker. No widgets here; the delegate in views/ paints what these roles return."""

from __future__ import annotations

import bisect
import enum
import html
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from vector_desktop.ai.models import ModelInfo
from vector_desktop.domain.chat import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    Conversation,
    SearchHit,
)
from vector_desktop.presentation.chat.chat_actions import MessageAction as MessageAction
from vector_desktop.presentation.chat.chat_actions import message_actions as message_actions
from vector_desktop.presentation.chat.chat_format import LOCAL_PREFIX as LOCAL_PREFIX
from vector_desktop.presentation.chat.chat_format import format_context as format_context
from vector_desktop.presentation.chat.chat_format import format_cost as format_cost
from vector_desktop.presentation.chat.chat_format import format_tokens as format_tokens
from vector_desktop.presentation.chat.chat_format import header_text as header_text
from vector_desktop.presentation.chat.chat_format import is_free as is_free
from vector_desktop.presentation.chat.chat_format import is_local_model as is_local_model
from vector_desktop.presentation.chat.chat_format import model_label as model_label
from vector_desktop.presentation.chat.chat_format import model_name as model_name
from vector_desktop.presentation.chat.chat_format import model_price_text as model_price_text
from vector_desktop.presentation.chat.chat_format import price_note as price_note
from vector_desktop.presentation.chat.chat_format import rough_tokens as rough_tokens
from vector_desktop.presentation.chat.chat_format import status_text as status_text
from vector_desktop.presentation.chat.chat_format import time_text as time_text
from vector_desktop.presentation.chat.chat_format import usage_text as usage_text
from vector_desktop.presentation.chat.chat_message_roles import MessageRoles as MessageRoles
from vector_desktop.presentation.chat.chat_row_view import RowView as RowView
from vector_desktop.presentation.chat.chat_tool_rows import tool_status_text as tool_status_text
from vector_desktop.presentation.chat.chat_transcript import MessageListModel as MessageListModel
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


_CONVERSATION_ROLES = frozenset(
    {
        int(Qt.ItemDataRole.DisplayRole),
        int(Qt.ItemDataRole.EditRole),
        int(Qt.ItemDataRole.ToolTipRole),
        int(Qt.ItemDataRole.AccessibleTextRole),
        *(int(role) for role in ConversationRoles),
    }
)


def _shown(conversation: Conversation) -> tuple[str, bool, str]:
    """What a row of the list shows (its tooltip is read when it opens, so it is not part of it)."""
    return (conversation.title, conversation.pinned, relative_time_text(conversation.updated_at))


class ConversationListModel(QAbstractListModel):
    """Conversations, pinned first, then most recently active. Changes move or update one row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Conversation] = []
        self._when_texts: dict[str, tuple[tuple[datetime | None, date], str]] = {}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(r): QByteArray(r.name.lower().encode()) for r in ConversationRoles})
        return names

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The delegate's initStyleOption asks for a dozen roles per painted row: the ones served here are few.
        if role not in _CONVERSATION_ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
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
            return self._when(conversation)
        return None

    def _when(self, conversation: Conversation) -> str:
        """The list's second line, made once per conversation and activity time on a given day (it says "Today")."""
        key = (conversation.updated_at, date.today())
        cached = self._when_texts.get(conversation.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        text = relative_time_text(conversation.updated_at)
        self._when_texts[conversation.id] = (key, text)
        return text

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
            previous, self._rows[row] = self._rows[row], conversation
            if _shown(previous) == _shown(conversation):
                return  # e.g. more activity within the same minute: nothing the list paints changed
        self.dataChanged.emit(self.index(row), self.index(row))

    def remove(self, conversation_id: str) -> bool:
        row = self.row_of(conversation_id)
        if row < 0:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self._when_texts.pop(conversation_id, None)
        return True

    @staticmethod
    def _position_for(conversation: Conversation, rows: Sequence[Conversation]) -> int:
        keys = [_conversation_key(c) for c in rows]
        return bisect.bisect_right(keys, _conversation_key(conversation))


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
