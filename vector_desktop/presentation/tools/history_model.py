"""The history of tool runs (ConnectorToolAction rows), newest first, with filters by connector, status and text."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from vector_desktop.domain.connectors import ToolAction
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.presentation.jobs_model import time_text
from vector_desktop.presentation.table_model import AnyIndex, ColumnTableModel
from vector_desktop.presentation.word_search import WordSearchProxy


class HistoryColumn(enum.IntEnum):
    TIME = 0
    TOOL = 1
    CONNECTOR = 2
    STATUS = 3
    DURATION = 4
    SUMMARY = 5


ActionRole = Qt.ItemDataRole.UserRole + 1  # the row's ToolAction
ActionIdRole = Qt.ItemDataRole.UserRole + 2

_HEADERS = {
    HistoryColumn.TIME: "Time",
    HistoryColumn.TOOL: "Tool",
    HistoryColumn.CONNECTOR: "Connector",
    HistoryColumn.STATUS: "Status",
    HistoryColumn.DURATION: "Duration",
    HistoryColumn.SUMMARY: "Summary",
}
STATUS_NAMES = {
    ToolStatus.RUNNING: "Running",
    ToolStatus.SUCCEEDED: "Succeeded",
    ToolStatus.FAILED: "Failed",
    ToolStatus.NEEDS_AUTH: "Needs connecting",
    ToolStatus.CANCELLED: "Cancelled",
    ToolStatus.TIMED_OUT: "Timed out",
    ToolStatus.INTERRUPTED: "Interrupted",
}
_PROBLEM = QColor("#c62828")


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryModel", text)


def status_text(status: ToolStatus) -> str:
    return _tr(STATUS_NAMES[status])


def duration_ms_text(duration_ms: int | None) -> str:
    if duration_ms is None:
        return ""
    if duration_ms < 1000:
        return _tr("%1 ms").replace("%1", str(duration_ms))
    seconds = duration_ms / 1000
    if seconds < 60:
        return _tr("%1 s").replace("%1", f"{seconds:.1f}")
    minutes, rest = divmod(round(seconds), 60)
    return _tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(rest))


def action_summary(action: ToolAction) -> str:
    text = action.error or action.summary
    return text.strip().split("\n", 1)[0]


class HistoryModel(ColumnTableModel):
    COLUMNS = HistoryColumn
    HEADERS = _HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ToolAction] = []

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        action = self._rows[index.row()]
        column = HistoryColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(action, column)
        if role == ActionRole:
            return action
        if role == ActionIdRole:
            return action.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(action, column)
        if role == Qt.ItemDataRole.ForegroundRole and column is HistoryColumn.STATUS:
            problem = action.status not in (ToolStatus.SUCCEEDED, ToolStatus.RUNNING)
            return _PROBLEM if problem else None
        return None

    def _display(self, action: ToolAction, column: HistoryColumn) -> str:
        if column is HistoryColumn.TIME:
            return time_text(action.started_at)
        if column is HistoryColumn.TOOL:
            return action.tool_name
        if column is HistoryColumn.CONNECTOR:
            return action.connector_name
        if column is HistoryColumn.STATUS:
            return status_text(action.status)
        if column is HistoryColumn.DURATION:
            return duration_ms_text(action.duration_ms)
        return action_summary(action)

    def _tooltip(self, action: ToolAction, column: HistoryColumn) -> str | None:
        if column is HistoryColumn.TOOL:
            return action.qualified_name
        if column is HistoryColumn.SUMMARY:
            return action.error or action.summary or None
        if column is HistoryColumn.STATUS:
            return _tr("Allowed by %1").replace("%1", action.allowed_by) if action.allowed_by else None
        return None

    # -- our API
    def set_actions(self, actions: Sequence[ToolAction]) -> None:
        """Newest first. Rows already shown are updated in place; new ones inserted at the top."""
        new = sorted(actions, key=lambda action: action.id, reverse=True)
        if [a.id for a in new] == [a.id for a in self._rows]:
            for row, action in enumerate(new):
                if action != self._rows[row]:
                    self._rows[row] = action
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(HistoryColumn) - 1))
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def upsert(self, action: ToolAction) -> None:
        row = self.row_of(action.id)
        if row >= 0:
            self._rows[row] = action
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HistoryColumn) - 1))
            return
        position = next((r for r, known in enumerate(self._rows) if known.id < action.id), len(self._rows))
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, action)
        self.endInsertRows()

    def actions(self) -> list[ToolAction]:
        return list(self._rows)

    def action_at(self, row: int) -> ToolAction | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, action_id: int) -> int:
        return next((row for row, action in enumerate(self._rows) if action.id == action_id), -1)


class HistoryFilterProxy(WordSearchProxy):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._connector = ""
        self._status: ToolStatus | None = None

    @property
    def filtering(self) -> bool:
        return bool(self._connector or self._status or self.searching)

    def set_connector(self, key: str) -> None:
        self.change_filter(lambda: setattr(self, "_connector", key))

    def set_status(self, status: ToolStatus | None) -> None:
        self.change_filter(lambda: setattr(self, "_status", status))

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, HistoryModel):
            return True
        action = model.action_at(source_row)
        if action is None:
            return False
        if self._connector and action.connector_key != self._connector:
            return False
        if self._status is not None and action.status is not self._status:
            return False
        if not self.searching:
            return True
        text = " ".join((action.tool_name, action.qualified_name, action.connector_name, action.summary, action.error))
        return self.words_match(text.lower())

    def action_at(self, proxy_row: int) -> ToolAction | None:
        index = self.index(proxy_row, 0)
        return index.data(ActionRole) if index.isValid() else None
