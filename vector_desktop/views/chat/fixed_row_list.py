"""A list view whose rows all have one height (the conversation list): a change of a row's data repaints that row.

Qt 6's QListView lays every item out again and repaints the whole viewport at any `dataChanged`, even of one row
(QListModeViewBase::dataChanged → doDelayedItemsLayout): the title a new conversation gets repainted the ~20 visible
rows of the list, 5-7 ms of the GUI thread per message. In a list mode view with uniform item sizes that does not
wrap, a change of data can neither move a row nor change its size, so that layout is skipped there.

The form (ui/chat_panel.ui) makes a plain QListView; `replace_list_view` puts this one in its place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex

# Laid out or shown by the form's layout, or a window's (an icon compares equal only to itself): not copied.
_NOT_COPIED = frozenset({"geometry", "pos", "size", "frameGeometry", "rect", "visible", "hidden", "windowIcon"})


class FixedRowListView(QListView):
    def dataChanged(self, top_left: AnyIndex, bottom_right: AnyIndex, roles: Sequence[int] = ()) -> None:
        if self.uniformItemSizes() and not self.isWrapping() and self.viewMode() is QListView.ViewMode.ListMode:
            # Editors, accessibility and the repaint of the rows that changed; not QListView's relayout.
            QAbstractItemView.dataChanged(self, top_left, bottom_right, list(roles))
        else:
            super().dataChanged(top_left, bottom_right, list(roles))


def replace_list_view(old: QListView) -> FixedRowListView:
    """A FixedRowListView in the place of `old` (in its layout and tab order) with the settings the form gave it;
    `old` is deleted. Call it before the view gets a model."""
    parent = old.parentWidget()
    new = FixedRowListView(parent)
    meta = new.metaObject()
    for number in range(meta.propertyCount()):
        prop = meta.property(number)
        name = cast(str, prop.name())  # a str at run time (the stubs say bytes)
        if name in _NOT_COPIED or not (prop.isWritable() and prop.isStored()):
            continue
        value = old.property(name)
        if value != new.property(name):  # only what the form set: the rest keeps following style and parent
            new.setProperty(name, value)
    previous = _previous_in_tab_order(old)
    layout = parent.layout() if parent is not None else None
    if layout is not None:
        layout.replaceWidget(old, new)
    if previous is not None:
        QWidget.setTabOrder(previous, new)
    new.setVisible(not old.isHidden())
    old.hide()
    old.setParent(None)
    old.deleteLater()
    return new


def _previous_in_tab_order(widget: QWidget) -> QWidget | None:
    candidate = widget.previousInFocusChain()
    while candidate is not None and candidate is not widget:
        if candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and not widget.isAncestorOf(candidate):
            return candidate
        candidate = candidate.previousInFocusChain()
    return None
