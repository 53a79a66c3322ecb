"""The outbox as a table: state, recipient, subject, size, attempts, and the next try or the reason it waits."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt

from vector_desktop.domain.email import OutboxMessage, OutboxState
from vector_desktop.presentation.time_text import relative_time_text

AnyIndex = QModelIndex | QPersistentModelIndex
MessageIdRole = Qt.ItemDataRole.UserRole + 1
StateRole = Qt.ItemDataRole.UserRole + 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutboxModel", text)


class OutboxColumn(enum.IntEnum):
    STATE = 0
    TO = 1
    SUBJECT = 2
    SIZE = 3
    ATTEMPTS = 4
    DETAIL = 5


HEADERS = ("State", "To", "Subject", "Size", "Attempts", "Next try / reply")
STATE_TEXT = {
    OutboxState.QUEUED: "Waiting",
    OutboxState.SENDING: "Sending…",
    OutboxState.SENT: "Sent",
    OutboxState.FAILED: "Failed",
    OutboxState.UNCERTAIN: "Not confirmed",
}


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def detail_text(message: OutboxMessage, now: datetime | None = None) -> str:
    """What the user needs to know about the row: the next try and why, the server's reply, or the queue id."""
    if message.state is OutboxState.SENT:
        return message.queue_id
    if message.state is OutboxState.QUEUED and message.next_attempt_at is not None:
        when = relative_time_text(message.next_attempt_at, now)
        return _tr("Next try %1: %2").replace("%1", when).replace("%2", message.last_error)
    return message.last_error


class OutboxTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._messages: list[OutboxMessage] = []

    def set_messages(self, messages: Sequence[OutboxMessage]) -> None:
        """Update in place when the rows are the same messages (live updates keep the selection)."""
        new = list(messages)
        if [m.id for m in new] == [m.id for m in self._messages]:
            self._messages = new
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, len(OutboxColumn) - 1))
            return
        self.beginResetModel()
        self._messages = new
        self.endResetModel()

    def message(self, row: int) -> OutboxMessage | None:
        return self._messages[row] if 0 <= row < len(self._messages) else None

    def row_of(self, message_id: int) -> int:
        return next((i for i, m in enumerate(self._messages) if m.id == message_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._messages)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OutboxColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._messages):
            return None
        message = self._messages[index.row()]
        column = OutboxColumn(index.column())
        if role == MessageIdRole:
            return message.id
        if role == StateRole:
            return message.state.value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(message, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (OutboxColumn.DETAIL, OutboxColumn.SUBJECT):
            return self._display(message, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (OutboxColumn.SIZE, OutboxColumn.ATTEMPTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, message: OutboxMessage, column: OutboxColumn) -> str:
        if column is OutboxColumn.STATE:
            return _tr(STATE_TEXT[message.state])
        if column is OutboxColumn.TO:
            return message.to_text
        if column is OutboxColumn.SUBJECT:
            return message.subject
        if column is OutboxColumn.SIZE:
            return size_text(message.size)
        if column is OutboxColumn.ATTEMPTS:
            return str(message.attempts)
        return detail_text(message)
