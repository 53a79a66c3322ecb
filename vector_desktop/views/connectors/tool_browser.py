"""The Tools tab of the Connectors panel: every tool of every connector with search, a connector filter, enable
check boxes, bulk toggles, and the selected tool's description, annotations, token cost and input schema."""

from __future__ import annotations

import json

from PySide6.QtCore import QItemSelection, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHeaderView

from vector_desktop.domain.tools import ToolSpec
from vector_desktop.presentation.connectors.connectors_viewmodel import ConnectorsViewModel
from vector_desktop.presentation.tools.tools_model import SpecRole, ToolColumn
from vector_desktop.views.forms.ui_connectors_panel import Ui_ConnectorsPanel
from vector_desktop.views.widgets.tool_badges import badges_html

TOOLS_PAGE, EMPTY_PAGE = 0, 1
TYPING_PAUSE_MS = 150  # while searching, the detail pane catches up after this pause


class ToolBrowser(QObject):
    run_requested = Signal(object)  # ToolSpec

    def __init__(self, ui: Ui_ConnectorsPanel, view_model: ConnectorsViewModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self._vm = view_model
        table = ui.toolsTable
        table.setModel(view_model.tools_proxy)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(ToolColumn.TOOL, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ToolColumn.CONNECTOR, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ToolColumn.TOKENS, QHeaderView.ResizeMode.Fixed)  # ResizeToContents reads every row
        header.resizeSection(ToolColumn.TOKENS, header.fontMetrics().horizontalAdvance("Tokens") + 24)
        header.setSectionResizeMode(ToolColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ToolColumn.TOOL, 190)
        header.resizeSection(ToolColumn.CONNECTOR, 110)
        ui.schemaView.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        ui.toolTitleLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.toolBadgesLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.toolsSplitter.setStretchFactor(0, 3)
        ui.toolsSplitter.setStretchFactor(1, 2)
        ui.toolsEmptyLabel.setObjectName("emptyState")
        ui.toolSearch.textChanged.connect(self._search)
        ui.toolConnectorFilter.currentIndexChanged.connect(self._connector_chosen)
        ui.enableAllButton.clicked.connect(lambda: view_model.set_visible_tools_enabled(True))
        ui.disableAllButton.clicked.connect(lambda: view_model.set_visible_tools_enabled(False))
        ui.runButton.clicked.connect(self._run_selected)
        table.doubleClicked.connect(lambda _index: self._run_selected())
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        proxy = view_model.tools_proxy
        self._state_timer = QTimer(self)  # a filter change sends many row signals: one update after them
        self._state_timer.setSingleShot(True)
        self._state_timer.setInterval(0)
        self._state_timer.timeout.connect(self.update_state)
        for signal in (proxy.modelReset, proxy.rowsInserted, proxy.rowsRemoved, proxy.layoutChanged):
            signal.connect(self._state_timer.start)
        self._detail_timer = QTimer(self)  # rows filtered away change the selection many times: show it once
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(0)
        self._detail_timer.timeout.connect(self.show_selected)
        proxy.dataChanged.connect(lambda *_args: self._detail_timer.start())
        self._shown: tuple[ToolSpec | None, str] | None = None
        self._filling = False
        self.fill_connectors()
        self.show_selected()

    # -- connector filter
    def fill_connectors(self) -> None:
        combo = self.ui.toolConnectorFilter
        current = self._vm.tools_proxy.connector
        self._filling = True
        try:
            combo.clear()
            combo.addItem(self.tr("All connectors"), "")
            for info in self._vm.model.connectors():
                combo.addItem(info.name, info.key)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
        finally:
            self._filling = False
        if combo.currentData() != current:
            self._vm.tools_proxy.set_connector(str(combo.currentData() or ""))
        self.update_state()

    def show_connector(self, key: str) -> None:
        combo = self.ui.toolConnectorFilter
        index = combo.findData(key)
        combo.setCurrentIndex(max(index, 0))

    def _connector_chosen(self, _index: int) -> None:
        if not self._filling:
            self._vm.tools_proxy.set_connector(str(self.ui.toolConnectorFilter.currentData() or ""))
            self.update_state()

    def _search(self, text: str) -> None:
        # While the user types, the detail pane follows the selection after a pause, not at every keystroke:
        # redrawing it is what pushed some keystrokes past a frame (bench/connectors.py).
        self._detail_timer.setInterval(TYPING_PAUSE_MS)
        self._vm.tools_proxy.set_search(text)
        self.update_state()

    # -- selection and detail
    def selected(self) -> ToolSpec | None:
        rows = self.ui.toolsTable.selectionModel().selectedRows()
        if not rows:
            return None
        spec = rows[0].data(SpecRole)
        return spec if isinstance(spec, ToolSpec) else None

    def select(self, qualified_name: str) -> bool:
        proxy = self._vm.tools_proxy
        for row in range(proxy.rowCount()):
            index = proxy.index(row, 0)
            spec = index.data(SpecRole)
            if isinstance(spec, ToolSpec) and spec.qualified_name == qualified_name:
                self.ui.toolsTable.selectRow(row)
                self.ui.toolsTable.scrollTo(index)
                self.show_selected()
                return True
        return False

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._detail_timer.start()

    def show_selected(self) -> None:
        self._detail_timer.stop()
        self._detail_timer.setInterval(0)
        ui = self.ui
        spec = self.selected()
        block = self._vm.network_block(self._vm.model.info(spec.connector_key)) if spec is not None else ""
        if self._shown == (spec, block):
            return
        self._shown = (spec, block)
        ui.toolDetail.setEnabled(spec is not None)
        if spec is None:
            ui.toolTitleLabel.setText(self.tr("Pick a tool to see what it does and run it."))
            for label in (ui.toolBadgesLabel, ui.toolDescriptionLabel, ui.toolCostLabel):
                label.setText("")
            ui.schemaView.setPlainText("")
            ui.runButton.setEnabled(False)
            return
        connector = self._vm.tools.connector_name(spec.connector_key)
        title = _html(spec.display_title)
        if spec.display_title != spec.name:
            title += f" <span style='color:gray'>({_html(spec.name)})</span>"
        ui.toolTitleLabel.setText(f"<b>{title}</b> · {_html(connector)}")
        ui.toolTitleLabel.setToolTip(spec.qualified_name)
        ui.toolBadgesLabel.setText(badges_html(spec))
        ui.toolBadgesLabel.setVisible(bool(ui.toolBadgesLabel.text()))
        ui.toolDescriptionLabel.setText(spec.description or self.tr("The server gives no description."))
        ui.toolCostLabel.setText(
            self.tr("About %1 tokens added to every request that offers this tool.").replace("%1", str(spec.token_cost))
        )
        ui.schemaView.setPlainText(json.dumps(spec.input_schema, indent=2, ensure_ascii=False))
        ui.runButton.setEnabled(not block)
        ui.runButton.setToolTip(block or self.tr("Fill in the arguments and run this tool (Ctrl+Enter)"))

    def _run_selected(self) -> None:
        spec = self.selected()
        if spec is not None and self.ui.runButton.isEnabled():
            self.run_requested.emit(spec)

    # -- empty state
    def update_state(self) -> None:
        self._state_timer.stop()
        ui = self.ui
        proxy = self._vm.tools_proxy
        shown = proxy.rowCount()
        ui.toolsStack.setCurrentIndex(TOOLS_PAGE if shown else EMPTY_PAGE)
        ui.enableAllButton.setEnabled(shown > 0)
        ui.disableAllButton.setEnabled(shown > 0)
        if shown:
            if self.selected() is None:  # something to read in the detail pane from the start
                ui.toolsTable.selectRow(0)
            return
        if proxy.search:
            text = self.tr("No tool matches “%1”.").replace("%1", proxy.search)
        elif proxy.connector:
            text = self.tr("%1 has no tools yet. Connect it, or start it, to fetch them.").replace(
                "%1", self._vm.tools.connector_name(proxy.connector)
            )
        elif self._vm.model.rowCount():
            text = self.tr("No tools yet. Connect a connector or start a server to fetch its tools.")
        else:
            text = self.tr("Tools appear here once you add an MCP server or set up Merge.")
        ui.toolsEmptyLabel.setText(text)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
