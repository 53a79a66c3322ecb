"""The Storage panel's name filter over the folder listing."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from vector_desktop.presentation.storage.listing_columns import StorageColumn
from vector_desktop.presentation.storage.listing_model import StorageListModel


class StorageFilterProxy(QSortFilterProxyModel):
    """Filters by name (contains; * and ? as wildcards). Sorting is handed to the StorageListModel behind it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(StorageColumn.NAME)
        self.setDynamicSortFilter(True)
        self._text = ""

    @property
    def name_filter(self) -> str:
        return self._text

    def set_name_filter(self, text: str) -> None:
        self._text = text.strip()
        if any(ch in self._text for ch in "*?"):
            self.setFilterWildcard(self._text)
        else:
            self.setFilterFixedString(self._text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, StorageListModel):
            source.sort(column, order)  # the proxy keeps the source's order
        else:
            super().sort(column, order)
