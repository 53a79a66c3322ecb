"""The transcript's item model: one conversation's messages, paged in from the store, updated row by row; each row
hands the delegate a RowView (chat_row_view.py), computed once per change of the row."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
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
from vector_desktop.domain.chat import Message, MessageStatus, Role
from vector_desktop.presentation.chat.chat_actions import message_actions
from vector_desktop.presentation.chat.chat_format import header_text, status_text, time_text, usage_text
from vector_desktop.presentation.chat.chat_message_roles import TEXT_ROLES, TOOL_ROLES, MessageRoles
from vector_desktop.presentation.chat.chat_row_view import RowView, next_stamp, shown_fields
from vector_desktop.presentation.chat.chat_tool_rows import (
    call_of,
    display_markdown,
    tool_details,
    tool_header,
    tool_status_text,
)

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str, context: str = "ChatModels") -> str:
    return QCoreApplication.translate(context, text)


@dataclass
class _Row:
    message: Message
    revision: int = 0
    view: RowView | None = None
    view_current: bool = False  # False: made again when next asked for (kept as is when nothing shown differs)


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
        if role == MessageRoles.VIEW:
            return row.view if row.view is not None and row.view_current else self._view_of(row)
        message = row.message
        if message.role is Role.TOOL and role in TOOL_ROLES:
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

    def _view_of(self, row: _Row) -> RowView:
        message = row.message
        if message.role is Role.TOOL:
            call = call_of(message, self.message(message.parent_id) if message.parent_id is not None else None)
            header = tool_header(message, call, self._tool_names)
            chip = tool_status_text(message)
            body = tool_details(message, call) if message.id in self._expanded else ""
        else:
            header = header_text(message, self._info(message))
            chip = status_text(message)
            body = display_markdown(message, names=self._tool_names)
        usage = usage_text(message, self._info(message)) if message.role is Role.ASSISTANT else ""
        actions = message_actions(message, busy=self._busy, local_available=self._local_available)
        shown = (message, row.revision, header, chip, body, message.error, usage, actions)
        view = row.view
        if view is None or (view.message, view.revision, *shown_fields(view)) != shown:
            # The same look keeps its stamp (and painted pixmap); other actions alone keep the still look's.
            still = next_stamp()
            if (
                view is not None
                and message.role is not Role.TOOL
                and (view.message, view.revision, *shown_fields(view)[:-1]) == shown[:-1]
            ):
                still = view.still
            view = row.view = RowView(next_stamp(), *shown, still)
        row.view_current = True
        return view

    def _changed(self, row: int) -> None:
        """Row `row` changed: a new revision, and its view (and its tool rows', whose headers show its calls) is
        made again when next painted."""
        entry = self._rows[row]
        entry.revision += 1
        entry.view_current = False
        if entry.message.tool_calls:
            parent_id = entry.message.id
            for later in self._rows[row + 1 :]:
                if later.message.parent_id == parent_id:
                    later.view_current = False

    def _forget_views(self) -> None:
        for entry in self._rows:
            entry.view_current = False

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
        self._changed(row)
        self.dataChanged.emit(self.index(row), self.index(row))
        return expanded

    def set_tool_names(self, names: dict[str, tuple[str, str]]) -> None:
        """Real tool and connector names for the tool rows (the stored name is the one the model used)."""
        if names == self._tool_names:
            return
        self._tool_names = dict(names)
        rows = [n for n, r in enumerate(self._rows) if r.message.role is Role.TOOL or r.message.tool_calls]
        for row in rows:
            self._changed(row)
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

    def drop_oldest(self, keep: int) -> int:
        """Let the oldest rows go, keeping the newest `keep` (they page in again at the top when scrolled to).
        Returns how many rows went."""
        count = len(self._rows) - keep
        if count <= 0:
            return 0
        self.beginRemoveRows(QModelIndex(), 0, count - 1)
        del self._rows[:count]
        self.has_older = True
        self._reindex()
        self.endRemoveRows()
        return count

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
            row.view_current = False
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
        self._changed(row)
        index = self.index(row)
        self.dataChanged.emit(index, index, TEXT_ROLES)
        return True

    def update_message(self, message: Message) -> bool:
        row = self._row_of.get(message.id)
        if row is None:
            return False
        self._rows[row].message = message
        self._changed(row)
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
        self._forget_views()
        if self._rows:  # headers may change width, not height: no new revision
            roles = [
                int(MessageRoles.HEADER),
                int(MessageRoles.USAGE_TEXT),
                int(Qt.ItemDataRole.AccessibleTextRole),
                int(MessageRoles.VIEW),
            ]
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), roles)

    def set_local_available(self, available: bool) -> None:
        if available != self._local_available:
            self._local_available = available
            self._actions_changed()

    def _actions_changed(self) -> None:
        self._forget_views()
        if self._rows:  # the action row's height is always reserved: no size change, no new revision
            roles = [int(MessageRoles.ACTIONS), int(MessageRoles.VIEW)]
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), roles)

    def _reindex(self) -> None:
        self._row_of = {row.message.id: number for number, row in enumerate(self._rows)}
