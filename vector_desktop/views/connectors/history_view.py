"""The History tab of the Connectors panel: recorded tool runs with filters, the arguments and result of the
selected run, and Re-run."""

from __future__ import annotations

import json

from PySide6.QtCore import QItemSelection, QObject, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHeaderView

from vector_desktop.domain.connectors import ToolAction
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.presentation.connectors.connectors_viewmodel import ConnectorsViewModel
from vector_desktop.presentation.connectors.runs_viewmodel import ToolRunsViewModel
from vector_desktop.presentation.jobs_model import time_text
from vector_desktop.presentation.tools.history_model import (
    ActionRole,
    HistoryColumn,
    duration_ms_text,
    status_text,
)
from vector_desktop.views.connectors.result_view import ResultView
from vector_desktop.views.forms.ui_connectors_panel import Ui_ConnectorsPanel

RUNS_PAGE, EMPTY_PAGE = 0, 1


class HistoryView(QObject):
    rerun_requested = Signal(object)  # ToolAction

    def __init__(
        self,
        ui: Ui_ConnectorsPanel,
        runs: ToolRunsViewModel,
        connectors: ConnectorsViewModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self._runs = runs
        self._connectors = connectors
        table = ui.historyTable
        table.setModel(runs.history_proxy)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        for column, width in ((HistoryColumn.TIME, 80), (HistoryColumn.TOOL, 170), (HistoryColumn.CONNECTOR, 100)):
            header.resizeSection(column, width)
        for column, width in ((HistoryColumn.STATUS, 120), (HistoryColumn.DURATION, 80)):  # not ResizeToContents:
            header.resizeSection(column, width)  # it reads every row on each change
        header.setSectionResizeMode(HistoryColumn.SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.result_view = ResultView(ui.historyResultHolder)
        ui.historyResultLayout.addWidget(self.result_view)
        ui.argumentsView.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        ui.historyEmptyLabel.setObjectName("emptyState")
        ui.historySplitter.setStretchFactor(0, 1)
        ui.historySplitter.setStretchFactor(1, 1)
        ui.historyDetailLabel.setMinimumHeight(ui.historyDetailLabel.fontMetrics().lineSpacing() * 3)
        status = ui.historyStatusFilter
        status.addItem(self.tr("Any status"), "")
        for value in ToolStatus:
            status.addItem(status_text(value), value.value)
        ui.historySearch.textChanged.connect(self._filter_text)
        ui.historyConnectorFilter.currentIndexChanged.connect(self._filter_connector)
        status.currentIndexChanged.connect(self._filter_status)
        ui.historyRefreshButton.clicked.connect(runs.load_history)
        ui.rerunButton.clicked.connect(self._rerun)
        ui.copyArgumentsButton.clicked.connect(self._copy_arguments)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        proxy = runs.history_proxy
        self._state_timer = QTimer(self)  # a filter change sends many row signals: one update after them
        self._state_timer.setSingleShot(True)
        self._state_timer.setInterval(0)
        self._state_timer.timeout.connect(self.update_state)
        for signal in (proxy.modelReset, proxy.rowsInserted, proxy.rowsRemoved, proxy.layoutChanged):
            signal.connect(self._state_timer.start)
        proxy.dataChanged.connect(lambda *_args: self.show_selected())
        self._filling = False
        self.fill_connectors()
        self.show_selected()

    def fill_connectors(self) -> None:
        combo = self.ui.historyConnectorFilter
        current = combo.currentData() or ""
        self._filling = True
        try:
            combo.clear()
            combo.addItem(self.tr("All connectors"), "")
            for info in self._connectors.model.connectors():
                combo.addItem(info.name, info.key)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        finally:
            self._filling = False
        self._filter_connector()

    def _filter_text(self, text: str) -> None:
        self._runs.history_proxy.set_search(text)
        self.update_state()

    def _filter_connector(self, _index: int = 0) -> None:
        if not self._filling:
            self._runs.history_proxy.set_connector(str(self.ui.historyConnectorFilter.currentData() or ""))
            self.update_state()

    def _filter_status(self, _index: int) -> None:
        value = str(self.ui.historyStatusFilter.currentData() or "")
        self._runs.history_proxy.set_status(ToolStatus(value) if value else None)
        self.update_state()

    # -- selection
    def selected(self) -> ToolAction | None:
        rows = self.ui.historyTable.selectionModel().selectedRows()
        if not rows:
            return None
        action = rows[0].data(ActionRole)
        return action if isinstance(action, ToolAction) else None

    def select(self, action_id: int) -> bool:
        proxy = self._runs.history_proxy
        for row in range(proxy.rowCount()):
            action = proxy.action_at(row)
            if action is not None and action.id == action_id:
                self.ui.historyTable.selectRow(row)
                return True
        return False

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.show_selected()

    def show_selected(self) -> None:
        ui = self.ui
        action = self.selected()
        ui.historyDetail.setEnabled(action is not None)
        ui.rerunButton.setEnabled(action is not None and action.status.finished)
        if action is None:
            ui.historyDetailLabel.setText(self.tr("Pick a run to see its arguments and result."))
            ui.argumentsView.setPlainText("")
            self.result_view.clear()
            return
        parts = [
            f"<b>{_html(action.tool_name)}</b> · {_html(action.connector_name)}",
            status_text(action.status),
            time_text(action.started_at),
        ]
        if action.duration_ms is not None:
            parts.append(duration_ms_text(action.duration_ms))
        text = " · ".join(parts)
        if action.allowed_by:
            text += "<br>" + _html(self.tr("Allowed by %1").replace("%1", action.allowed_by))
        if action.error:
            text += f"<br><span style='color:#c62828'>{_html(action.error)}</span>"
        if action.result_truncated:
            text += "<br>" + _html(self.tr("The result was too long to keep whole; it is cut."))
        ui.historyDetailLabel.setText(text)
        ui.argumentsView.setPlainText(json.dumps(action.arguments, indent=2, ensure_ascii=False))
        has_value, value = self._runs.action_value(action)
        if has_value:
            self.result_view.set_value(value)
        else:
            self.result_view.clear()

    def _rerun(self) -> None:
        action = self.selected()
        if action is not None:
            self.rerun_requested.emit(action)

    def _copy_arguments(self) -> None:
        action = self.selected()
        if action is not None:
            QGuiApplication.clipboard().setText(json.dumps(action.arguments, indent=2, ensure_ascii=False))

    def update_state(self) -> None:
        self._state_timer.stop()
        ui = self.ui
        proxy = self._runs.history_proxy
        ui.historyStack.setCurrentIndex(RUNS_PAGE if proxy.rowCount() else EMPTY_PAGE)
        if proxy.rowCount():
            return
        if proxy.filtering:
            ui.historyEmptyLabel.setText(self.tr("No run matches these filters."))
        else:
            ui.historyEmptyLabel.setText(self.tr("No runs yet. Pick a tool and choose Run tool."))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
