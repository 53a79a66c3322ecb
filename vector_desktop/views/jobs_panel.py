"""The Jobs panel: background jobs with progress bars, cancel, retry, clear and the selected job's error."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)

from vector_desktop.domain.jobs import JobSnapshot
from vector_desktop.presentation.jobs_model import (
    JobColumn,
    JobRole,
    JobsTableModel,
    JobsViewModel,
    ProgressRole,
    can_cancel,
    can_retry,
)
from vector_desktop.views.forms.ui_jobs_panel import Ui_JobsPanel

AnyIndex = QModelIndex | QPersistentModelIndex
MESSAGE_STYLE = "QLabel { color: #c62828; }"


class ProgressBarDelegate(QStyledItemDelegate):
    """Paints the progress column as a native progress bar (fraction from ProgressRole, text from DisplayRole)."""

    def progress_option(self, option: QStyleOptionViewItem, index: AnyIndex) -> QStyleOptionProgressBar | None:
        fraction = index.data(ProgressRole)
        if fraction is None:
            return None
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.state = option.state
        bar.direction = option.direction
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = round(float(fraction) * 100)
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        return bar

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        bar = self.progress_option(option, index)
        if bar is None:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)


class JobsPanel(QWidget):
    def __init__(self, view_model: JobsViewModel, model: JobsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_JobsPanel()
        self.ui.setupUi(self)
        self._vm = view_model
        self._model = model

        table = self.ui.jobsTable
        table.setModel(model)
        self.progress_delegate = ProgressBarDelegate(table)
        table.setItemDelegateForColumn(JobColumn.PROGRESS, self.progress_delegate)
        header = table.horizontalHeader()
        header.setSectionResizeMode(JobColumn.TASK, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(JobColumn.TASK, 220)
        header.resizeSection(JobColumn.PROGRESS, 140)
        for column in (JobColumn.STATE, JobColumn.STARTED, JobColumn.DURATION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.messageLabel.setStyleSheet(MESSAGE_STYLE)
        self.ui.messageLabel.hide()

        self.ui.cancelButton.clicked.connect(self._cancel_selected)
        self.ui.retryButton.clicked.connect(self._retry_selected)
        self.ui.clearButton.clicked.connect(self._clear_finished)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        model.dataChanged.connect(self._on_data_changed)
        model.rowsInserted.connect(self._refresh)
        model.rowsRemoved.connect(self._refresh)
        model.modelReset.connect(self._refresh)
        view_model.error.connect(self._show_message)
        self._refresh()

    def selected_job(self) -> JobSnapshot | None:
        rows = self.ui.jobsTable.selectionModel().selectedRows()
        if not rows:
            return None
        job = rows[0].data(JobRole)
        return job if isinstance(job, JobSnapshot) else None

    def select_job(self, job_id: str) -> None:
        row = self._model.row_of(job_id)
        if row >= 0:
            self.ui.jobsTable.selectRow(row)

    # -- reactions
    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.ui.messageLabel.hide()
        self._refresh()

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles: object = None) -> None:
        rows = self.ui.jobsTable.selectionModel().selectedRows()
        if rows and top_left.row() <= rows[0].row() <= bottom_right.row():
            self._refresh()
        else:
            self.ui.clearButton.setEnabled(self._vm.can_clear())

    def _refresh(self) -> None:
        has_jobs = self._model.rowCount() > 0
        self.ui.stack.setCurrentWidget(self.ui.tablePage if has_jobs else self.ui.emptyPage)
        job = self.selected_job()
        self.ui.cancelButton.setEnabled(can_cancel(job))
        self.ui.retryButton.setEnabled(can_retry(job))
        self.ui.clearButton.setEnabled(self._vm.can_clear())
        if job is None:
            self.ui.errorText.setPlaceholderText(self.tr("Select a job to see its error."))
            text = ""
        else:
            self.ui.errorText.setPlaceholderText(self.tr("This job has no error."))
            text = job.error
        if self.ui.errorText.toPlainText() != text:
            self.ui.errorText.setPlainText(text)

    def _show_message(self, text: str) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.setVisible(bool(text))

    # -- actions
    def _cancel_selected(self) -> None:
        job = self.selected_job()
        if job is not None:
            self._vm.cancel(job.id)

    def _retry_selected(self) -> None:
        job = self.selected_job()
        if job is not None:
            self.ui.messageLabel.hide()
            self._vm.retry(job.id)

    def _clear_finished(self) -> None:
        self.ui.messageLabel.hide()
        self._vm.clear_finished()
