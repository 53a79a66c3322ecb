"""The statements run on a connection (newest first) and the saved queries, as the history dialog lists them."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from vector_desktop.domain.databases import HistoryEntry, SavedQuery
from vector_desktop.presentation.table_model import AnyIndex, ColumnTableModel
from vector_desktop.presentation.time_text import relative_time_text

SQL_CHARS = 200
ERROR_COLOUR = QColor("#c62828")
EntryRole = Qt.ItemDataRole.UserRole + 1  # the row's HistoryEntry or SavedQuery
SqlRole = Qt.ItemDataRole.UserRole + 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryModel", text)


def one_line(sql: str) -> str:
    text = " ".join(sql.split())
    return text if len(text) <= SQL_CHARS else text[: SQL_CHARS - 1] + "…"


def duration_text(milliseconds: float | None) -> str:
    if milliseconds is None:
        return ""
    if milliseconds < 1000:
        return _tr("%1 ms").replace("%1", str(round(milliseconds)))
    if milliseconds < 60_000:
        return _tr("%1 s").replace("%1", f"{milliseconds / 1000:.1f}")
    minutes, seconds = divmod(round(milliseconds / 1000), 60)
    return _tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(seconds))


class HistoryColumn(enum.IntEnum):
    SQL = 0
    WHEN = 1
    DURATION = 2
    ROWS = 3
    ORIGIN = 4


class HistoryModel(ColumnTableModel):
    COLUMNS = HistoryColumn
    HEADERS = {
        HistoryColumn.SQL: "Statement",
        HistoryColumn.WHEN: "When",
        HistoryColumn.DURATION: "Took",
        HistoryColumn.ROWS: "Rows",
        HistoryColumn.ORIGIN: "From",
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryEntry] = []

    def row_count(self) -> int:
        return len(self._rows)

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> HistoryEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = HistoryColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.sql + (f"\n\n{entry.error}" if entry.error else "")
        if role == Qt.ItemDataRole.ForegroundRole and entry.error and column is HistoryColumn.ROWS:
            return ERROR_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (HistoryColumn.DURATION, HistoryColumn.ROWS):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == EntryRole:
            return entry
        if role == SqlRole:
            return entry.sql
        return None

    @staticmethod
    def _display(entry: HistoryEntry, column: HistoryColumn) -> str:
        if column is HistoryColumn.SQL:
            return one_line(entry.sql)
        if column is HistoryColumn.WHEN:
            return relative_time_text(entry.ran_at)
        if column is HistoryColumn.DURATION:
            return duration_text(entry.duration_ms)
        if column is HistoryColumn.ROWS:
            if entry.error:
                return _tr("failed")
            return "" if entry.rows is None or entry.rows < 0 else f"{entry.rows:,}"
        if entry.origin in ("editor", "cli"):
            return {"editor": _tr("Editor"), "cli": _tr("Command line")}[entry.origin]
        return _tr("AI")


class SavedColumn(enum.IntEnum):
    NAME = 0
    SQL = 1


class SavedQueriesModel(ColumnTableModel):
    COLUMNS = SavedColumn
    HEADERS = {SavedColumn.NAME: "Name", SavedColumn.SQL: "Statement"}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SavedQuery] = []

    def row_count(self) -> int:
        return len(self._rows)

    def set_queries(self, queries: Sequence[SavedQuery]) -> None:
        self.beginResetModel()
        self._rows = sorted(queries, key=lambda query: query.name.casefold())
        self.endResetModel()

    def query_at(self, row: int) -> SavedQuery | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def queries(self) -> list[SavedQuery]:
        return list(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        query = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return query.name if index.column() == SavedColumn.NAME else one_line(query.sql)
        if role == Qt.ItemDataRole.ToolTipRole:
            return query.sql
        if role == EntryRole:
            return query
        if role == SqlRole:
            return query.sql
        return None
