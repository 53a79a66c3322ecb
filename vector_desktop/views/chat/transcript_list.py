"""The transcript's list view: a change of one row lays nothing out unless that row's height changed, and a change
of the rows' actions alone repaints what is on screen.

Qt 6's QListView lays every loaded row out again at any `dataChanged`, even of one row
(QListModeViewBase::dataChanged → doDelayedItemsLayout, see fixed_row_list.py): it asks every row for its size hint,
a call into Python per row. An answer streaming at the end of a long conversation changes its row at every frame;
with a thousand rows loaded that was ~1,000 size hints and ~10 ms of the GUI thread per frame. A row's text grows
by a few words a frame and its height changes only when a line is added, so the view compares the row's height
where it is laid out with its size hint now, and repaints the row alone when they agree: no other row moves.

While an answer arrives every row hides its actions (Copy stays), and they come back when it ends: the message model
(chat_transcript.py) says so with a dataChanged of every row naming only the ACTIONS and VIEW roles, whose place in a
row is always reserved (no row moves or changes size), so the viewport is repainted and nothing laid out.

A layout of many new rows (a conversation opened, an older page come in at the top: each new row's markdown is
measured, ~0.5 ms a row) is done 20 rows per turn of the event loop, so the GUI thread never stalls on it; any other
layout (rows added at the end, a row that grew) in one pass. In batches, Qt sets the scroll range to the rows laid
out so far after the first batch, which moves a reader who scrolled back to the end of the first 20 rows (and the
transcript then follows the answer to the bottom): while an answer grows, its line-by-line relayouts must keep the
reader's place, and in one pass of cached heights they cost ~10 µs a row.

A row that grew while more than a screen below what the reader looks at (an answer streaming at the end while they
read far back) is not laid out at once either: nothing they see moves, and each layout of a long transcript asks every
loaded row for its size (~6 ms per 1,000 rows, at every new line of the answer). The layout is owed and done when the
reader scrolls to within a screen of that row, or with the next layout for any other reason.

The chat panel's form (ui/chat_panel.ui) uses it as a promoted QListView."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView

from vector_desktop.presentation.chat.chat_message_roles import MessageRoles

AnyIndex = QModelIndex | QPersistentModelIndex
ACTIONS_ONLY = frozenset({int(MessageRoles.ACTIONS), int(MessageRoles.VIEW)})


class TranscriptListView(QListView):
    _owed_from: int | None = None  # where the highest row that grew far below the viewport starts (not laid out)

    def doItemsLayout(self) -> None:
        self._owed_from = None
        super().doItemsLayout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._pay_if_near()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._pay_if_near()  # a taller window may reach the row

    def _pay_if_near(self) -> None:
        if self._owed_from is not None and not self._far_below_the_viewport(self._owed_from):
            self.scheduleDelayedItemsLayout()  # the reader comes near a row that grew: lay it out before it shows

    def _far_below_the_viewport(self, top: int) -> bool:
        """Whether a row starting at `top` (in the contents) is more than a screen below the viewport's bottom."""
        return top - self.verticalOffset() > 2 * self.viewport().height()

    def reset(self) -> None:
        self.setLayoutMode(QListView.LayoutMode.Batched)  # another conversation: every row is new
        super().reset()

    def rowsInserted(self, parent: AnyIndex, start: int, end: int) -> None:
        if start == 0 and end + 1 < self.model().rowCount():  # an older page came in at the top
            self.setLayoutMode(QListView.LayoutMode.Batched)
        super().rowsInserted(parent, start, end)

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if self.layoutMode() is QListView.LayoutMode.Batched and self._laid_out():
            self.setLayoutMode(QListView.LayoutMode.SinglePass)  # the bulk is placed: back to one pass

    def _laid_out(self) -> bool:
        rows = self.model().rowCount() if self.model() is not None else 0
        return rows == 0 or not self.rectForIndex(self.model().index(rows - 1, 0)).isNull()

    def dataChanged(self, top_left: AnyIndex, bottom_right: AnyIndex, roles: Sequence[int] = ()) -> None:
        if roles and ACTIONS_ONLY.issuperset(roles):
            self.viewport().update()  # (no editors here, and a row's accessible text does not name its actions)
        elif top_left.row() == bottom_right.row() and self._keeps_its_height(top_left.row()):
            QAbstractItemView.dataChanged(self, top_left, bottom_right, list(roles))  # that row repainted
        elif top_left.row() == bottom_right.row() and (top := self._top_if_far_below(top_left.row())) is not None:
            self._owed_from = top if self._owed_from is None else min(top, self._owed_from)  # nothing seen moves
        else:
            super().dataChanged(top_left, bottom_right, list(roles))

    def _keeps_its_height(self, row: int) -> bool:
        """Whether `row`'s size hint now is the height it has in the laid-out list (the rows' positions, from the
        last layout: a row's height is where the next one starts, the last one's where the contents end). False
        when the list is not laid out (a layout is pending after rows came or went: it measures every row anyway)."""
        model = self.model()
        rect = self.rectForIndex(model.index(row, 0))  # its laid-out top, and its height as the delegate says now
        if rect.isNull() or rect.height() <= 0:
            return False
        if row + 1 < model.rowCount():
            below = self.rectForIndex(model.index(row + 1, 0))
            if below.isNull():
                return False
            laid_out = below.top() - self.spacing() - rect.top()
        else:
            laid_out = self.contentsSize().height() - rect.top()
        return laid_out == rect.height()

    def _top_if_far_below(self, row: int) -> int | None:
        """Where `row` starts in the contents, if that is more than a screen below the viewport's bottom as laid out;
        else None."""
        below = self.contentsSize().height() - self.verticalOffset() - self.viewport().height()
        if below <= self.viewport().height():
            return None  # no row can be that far (the usual case, a reader at the end: no row measured for it)
        rect = self.rectForIndex(self.model().index(row, 0))
        if rect.isNull() or not self._far_below_the_viewport(rect.top()):
            return None
        return rect.top()
