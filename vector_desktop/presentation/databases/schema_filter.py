"""The schema tree's filter (the panel's filter box): matching schemas and tables with their parents and children."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from vector_desktop.presentation.databases.schema_model import NodeKind, NodeKindRole
from vector_desktop.presentation.word_search import begin_filter_change, end_filter_change


class SchemaFilterProxy(QSortFilterProxyModel):
    """Keeps schemas and tables whose name holds the typed text (any case), with their parents; a kept schema or
    table keeps its children. Connections always stay (one of them is the tree's root)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)  # a schema stays while one of its tables matches
        self._text = ""

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        text = text.strip().lower()
        if text != self._text:
            begin_filter_change(self)
            self._text = text
            end_filter_change(self)

    def _matches(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return self._text in str(index.data(Qt.ItemDataRole.DisplayRole) or "").lower()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._text:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        kind = index.data(NodeKindRole)
        if kind is NodeKind.CONNECTION:
            return True
        if kind is NodeKind.COLUMN:  # shown under a kept table (itself kept by its name or its schema's)
            table = index.parent()
            return self._matches(table) or self._matches(table.parent())
        if kind is NodeKind.TABLE:
            return self._matches(index) or self._matches(index.parent())
        return self._matches(index)
