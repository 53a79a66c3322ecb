"""A filter proxy with search-as-you-type: a row stays when its text holds every word typed (any case, any order).
Subclasses add their own filters with `change_filter` and test rows with `words_match` in filterAcceptsRow."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSortFilterProxyModel


def begin_filter_change(proxy: QSortFilterProxyModel) -> None:
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()


def end_filter_change(proxy: QSortFilterProxyModel) -> None:
    """Re-filter rows (Qt 6.10 replaced invalidateRowsFilter, which now warns, by begin/endFilterChange)."""
    if hasattr(proxy, "endFilterChange"):
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # pragma: no cover - older Qt
        proxy.invalidateRowsFilter()


class WordSearchProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()

    @property
    def search(self) -> str:
        return " ".join(self._words)

    @property
    def searching(self) -> bool:
        return bool(self._words)

    def set_search(self, text: str) -> None:
        words = tuple(text.lower().split())
        if words != self._words:
            self.change_filter(lambda: setattr(self, "_words", words))

    def change_filter(self, change: Callable[[], object]) -> None:
        begin_filter_change(self)
        change()
        end_filter_change(self)

    def words_match(self, haystack: str) -> bool:
        """`haystack` is the row's searchable text, already lower-cased."""
        return all(word in haystack for word in self._words)
