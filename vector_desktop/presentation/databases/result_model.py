"""The results grid's model: the rows of one QueryHandle, read a page at a time as the user scrolls.

The view asks `canFetchMore` / `fetchMore` when it reaches the last row; `fetchMore` starts a task that awaits the
handle's next page (the driver call runs on a worker thread of the service) and appends the rows when it arrives,
so the GUI thread never waits for the server and only the pages scrolled to are ever held. Values are shown through
`domain.db_values.display_text`; NULL is a grey italic "NULL", distinct from an empty string; numbers are right
aligned; the tooltip holds the whole value and a column header's tooltip its type."""

from __future__ import annotations

import asyncio
import datetime
import decimal
import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont

from vector_desktop.domain.databases import DatabaseError, ResultColumn
from vector_desktop.domain.databases_api import PAGE_SIZE, QueryHandle
from vector_desktop.domain.db_values import DEFAULT_MAX_CHARS, csv_text, display_text
from vector_desktop.presentation.table_model import AnyIndex
from vector_desktop.qtsupport.tasks import TaskOwner

log = logging.getLogger(__name__)
TOOLTIP_CHARS = 4000
NULL_TEXT = "NULL"
NULL_COLOUR = QColor("#8a8f98")
ValueRole = Qt.ItemDataRole.UserRole + 1  # the Python value as the driver gave it
IsNullRole = Qt.ItemDataRole.UserRole + 2

# Qt asks `data` for 7 roles of every cell it paints: plain ints made once keep each call to a few set and int
# operations, no enum arithmetic.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_VALUE = int(ValueRole)
_IS_NULL = int(IsNullRole)
_CELL_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND, _FONT, _VALUE, _IS_NULL})
_NULL_STYLED_ROLES = frozenset({_FOREGROUND, _FONT})
_HORIZONTAL = Qt.Orientation.Horizontal
# As ints: PySide turns a returned flag into a QVariant at twice the cost of an int (Qt reads either).
ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_TEXT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_NUMBER_TYPES = frozenset({int, float, decimal.Decimal})
_LINE_BREAKS = str.maketrans({"\r": "↵", "\n": "↵"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("ResultModel", text)


def is_number(value: Any) -> bool:
    if type(value) in _NUMBER_TYPES:
        return True
    return isinstance(value, int | float | decimal.Decimal) and not isinstance(value, bool)


def cell_text(value: Any) -> str:
    """A non-NULL value as one line of the grid: `display_text`, line breaks shown as ↵ (\\r\\n as one)."""
    kind = type(value)
    if kind is int or kind is datetime.datetime:
        text = str(value)  # what display_text gives for these, without its type tests
        return text if len(text) <= DEFAULT_MAX_CHARS else display_text(value)
    text = value if kind is str and len(value) <= DEFAULT_MAX_CHARS else display_text(value)
    if "\n" in text or "\r" in text:
        return text.replace("\r\n", "↵").translate(_LINE_BREAKS)
    return text


def _retrieve(task: asyncio.Future[Any]) -> None:
    # A page read whose awaiter went away (cancelled): its error is reported by the model, not by asyncio.
    if not task.cancelled() and task.exception() is not None:
        log.error("reading a page of results failed", exc_info=task.exception())


def full_text(value: Any) -> str | None:
    """The whole value as text (what copying takes), None for NULL."""
    if value is None:
        return None
    return csv_text(value)


class ResultModel(QAbstractTableModel):
    page_loaded = Signal(int)  # rows held after a page arrived
    fetch_failed = Signal(str)  # a page could not be read (cancelled, timed out, connection lost...)
    finished = Signal()  # every row has been read

    def __init__(self, parent: QObject | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._page_size = page_size
        self._handle: QueryHandle | None = None
        self._columns: list[ResultColumn] = []
        self._rows: list[tuple[Any, ...]] = []
        self._done = True
        self._failed = False
        self._pending: asyncio.Task[Any] | None = None
        self._tasks = TaskOwner(self._task_failed)
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- the handle
    def set_handle(self, handle: QueryHandle | None) -> None:
        """Show the rows of `handle` (None: nothing). A page still being read for the previous one is dropped."""
        self._drop_pending()
        self.beginResetModel()
        self._handle = handle
        self._columns = list(handle.run.columns) if handle is not None else []
        self._rows = []
        self._done = handle is None or handle.run.done
        self._failed = False
        self.endResetModel()

    def clear(self) -> None:
        self.set_handle(None)

    def close(self) -> None:
        self._drop_pending()
        self._tasks.cancel_all()

    def _drop_pending(self) -> None:
        if self._pending is not None and not self._pending.done():
            self._pending.cancel()
        self._pending = None

    @property
    def handle(self) -> QueryHandle | None:
        return self._handle

    @property
    def done(self) -> bool:
        """Every row has been read (or reading stopped on an error)."""
        return self._done or self._failed

    @property
    def fetching(self) -> bool:
        return self._pending is not None and not self._pending.done()

    @property
    def columns(self) -> list[ResultColumn]:
        return list(self._columns)

    def row_values(self, row: int) -> tuple[Any, ...]:
        return self._rows[row]

    async def fetch_page(self) -> int:
        """Read the next page (or wait for the one being read); the number of rows that arrived."""
        if self._pending is not None and not self._pending.done():
            before = len(self._rows)
            await asyncio.shield(self._pending)
            return len(self._rows) - before
        if self.done or self._handle is None:
            return 0
        self._pending = asyncio.ensure_future(self._read_page(self._handle))
        self._pending.add_done_callback(_retrieve)
        return int(await asyncio.shield(self._pending))

    async def _read_page(self, handle: QueryHandle) -> int:
        try:
            rows = await handle.fetch(self._page_size)
            if 0 < len(rows) < self._page_size and not handle.run.done:
                # A short page is nearly always the last: one more (empty) read confirms it, so the status can
                # say "3 rows" rather than "3 rows so far".
                rows = rows + await handle.fetch(self._page_size)
        except DatabaseError as error:
            if handle is self._handle:
                self._failed = True
                self.fetch_failed.emit(str(error))
            return 0
        if handle is not self._handle:
            return 0
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if not rows or handle.run.done:
            self._done = True
        self.page_loaded.emit(len(self._rows))
        if self._done:
            self.finished.emit()
        return len(rows)

    # -- Qt
    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._handle is not None and not self.done and not self.fetching

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self._tasks.start(self.fetch_page(), "result-page")

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation is _HORIZONTAL:
            if not 0 <= section < len(self._columns):
                return None
            column = self._columns[section]
            if role == _DISPLAY:
                return column.name
            if role == _TOOLTIP:
                return f"{column.name}: {column.type_name}" if column.type_name else column.name
            return None
        if role == _DISPLAY and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if role not in _CELL_ROLES:  # decoration, check state, background...: most of Qt's questions
            return None
        row, column = index.row(), index.column()  # -1, -1 for an invalid index
        if not 0 <= row < len(self._rows):
            return None
        values = self._rows[row]
        if not 0 <= column < len(values):
            return None
        value = values[column]
        if role == _DISPLAY:
            return NULL_TEXT if value is None else cell_text(value)
        if role == _ALIGNMENT:
            return ALIGN_NUMBER if is_number(value) else ALIGN_TEXT
        if role in _NULL_STYLED_ROLES:
            if value is not None:
                return None
            return NULL_COLOUR if role == _FOREGROUND else self._italic
        if role == _TOOLTIP:
            return self._tooltip(value)
        if role == _VALUE:
            return value
        return value is None  # IsNullRole

    def _tooltip(self, value: Any) -> str:
        if value is None:
            return _tr("NULL (no value)")
        if isinstance(value, str) and value == "":
            return _tr("(empty text)")
        text = full_text(value) or ""
        if isinstance(value, datetime.datetime | datetime.date | datetime.time):
            text = f"{text}\n{type(value).__name__}"
        if len(text) > TOOLTIP_CHARS:
            text = text[:TOOLTIP_CHARS] + "…"
        return text

    # -- cells as text, for copying
    def cells_text(self, rows: Sequence[int], columns: Sequence[int]) -> list[list[str | None]]:
        """The whole values (None for NULL) of the given rows and columns."""
        return [[full_text(self._rows[row][column]) for column in columns] for row in rows]

    def headers(self, columns: Sequence[int]) -> list[str]:
        return [self._columns[column].name for column in columns]

    def numeric_columns(self, columns: Sequence[int]) -> list[bool]:
        """Columns whose fetched values are all numbers (NULLs aside)."""
        result = []
        for column in columns:
            values = [row[column] for row in self._rows[:200] if row[column] is not None]
            result.append(bool(values) and all(is_number(value) for value in values))
        return result

    def _task_failed(self, error: BaseException) -> None:
        log.error("reading a page of results failed", exc_info=error)
        self._failed = True
        self.fetch_failed.emit(_tr("The rows could not be read; the log has the details."))
