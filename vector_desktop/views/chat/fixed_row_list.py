"""A list view whose rows all have one height (the conversation list): a change of a row's data repaints that row.

Qt 6's QListView lays every item out again and repaints the whole viewport at any `dataChanged`, even of one row
(QListModeViewBase::dataChanged → doDelayedItemsLayout): the title a new conversation gets repainted the ~20 visible
rows of the list, 5-7 ms of the GUI thread per message. In a list mode view with uniform item sizes that does not
wrap, a change of data can neither move a row nor change its size, so that layout is skipped there.

The chat panel's form (ui/chat_panel.ui) uses it as a promoted QListView."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QListView

AnyIndex = QModelIndex | QPersistentModelIndex


class FixedRowListView(QListView):
    def dataChanged(self, top_left: AnyIndex, bottom_right: AnyIndex, roles: Sequence[int] = ()) -> None:
        if self.uniformItemSizes() and not self.isWrapping() and self.viewMode() is QListView.ViewMode.ListMode:
            # Editors, accessibility and the repaint of the rows that changed; not QListView's relayout.
            QAbstractItemView.dataChanged(self, top_left, bottom_right, list(roles))
        else:
            super().dataChanged(top_left, bottom_right, list(roles))
