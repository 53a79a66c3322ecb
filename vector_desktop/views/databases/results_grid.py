"""The query tab's results grid: row numbers sized without asking the model about every row, and the columns
fitted to the first page (the header and the first rows' text, capped in width)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from vector_desktop.presentation.databases.result_model import ResultModel

MAX_COLUMN_WIDTH = 320
FIT_SAMPLE_ROWS = 50
MAX_FIT_CHARS = 80
HEADER_PADDING = 24
CELL_PADDING = 14


class RowNumberHeader(QHeaderView):
    """The grid's row numbers. Its width comes from the first and the last row's number: QHeaderView's own size hint
    asks the model about the first and last 100 rows (~1,000 calls into Python) each time a page arrives."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionsClickable(True)  # as QTableView's own: a click selects the row
        self.setHighlightSections(True)

    def sizeHint(self) -> QSize:
        count = self.count()
        if count == 0:
            return super().sizeHint()
        return self.sectionSizeFromContents(0).expandedTo(self.sectionSizeFromContents(count - 1))


def set_up_grid(view: QTableView, model: ResultModel) -> None:
    """Row numbers of a fixed height, columns the user may resize."""
    view.setVerticalHeader(RowNumberHeader(view))
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setHighlightSections(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)


def fit_columns(view: QTableView, model: ResultModel) -> None:
    """Column widths from the header and the first rows' text (QTableView.resizeColumnsToContents asks the
    model for every role of every sampled cell: tens of milliseconds on the GUI thread for a wide result)."""
    header = view.horizontalHeader()
    cell_metrics = view.fontMetrics()
    header_metrics = header.fontMetrics()
    sample = min(model.rowCount(), FIT_SAMPLE_ROWS)
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header_metrics.horizontalAdvance(title) + HEADER_PADDING
        for row in range(sample):
            text = str(model.index(row, column).data() or "")
            width = max(width, cell_metrics.horizontalAdvance(text[:MAX_FIT_CHARS]) + CELL_PADDING)
        header.resizeSection(column, min(width, MAX_COLUMN_WIDTH))
