"""The Connectors panel: Merge connectors and MCP servers as cards (search, filter chips, Connect / Disconnect /
Enable / Restart / Remove, add and import servers), the tool browser, the history of runs, and the dialogs they open
(add or edit a server, run a tool, answer a server's question, a server's log)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMenu, QMessageBox, QStyle, QWidget

from vector_desktop.domain.connectors import ConnectorInfo, ConnectorKind, ConnectorState, ToolAction
from vector_desktop.domain.tools import ToolSpec
from vector_desktop.presentation.connectors.connectors_models import InfoRole
from vector_desktop.presentation.connectors.connectors_viewmodel import ConnectorsViewModel
from vector_desktop.presentation.connectors.elicitation import DialogElicitationAsker
from vector_desktop.presentation.connectors.runs_viewmodel import ToolRunsViewModel
from vector_desktop.views.connectors.connector_cards import ConnectorCardDelegate
from vector_desktop.views.connectors.elicitation_dialog import QuestionPresenter
from vector_desktop.views.connectors.history_view import HistoryView
from vector_desktop.views.connectors.import_dialog import ImportDialog
from vector_desktop.views.connectors.mcp_server_dialog import McpServerDialog
from vector_desktop.views.connectors.run_tool_dialog import RunToolDialog
from vector_desktop.views.connectors.server_log_dialog import ServerLogDialog
from vector_desktop.views.connectors.tool_browser import ToolBrowser
from vector_desktop.views.forms.ui_connectors_panel import Ui_ConnectorsPanel
from vector_desktop.views.widgets.transient_message import TransientMessage

LIST_PAGE, EMPTY_PAGE = 0, 1
MESSAGE_MS = 10_000
ERROR_STYLE = "QLabel { color: #c62828; }"
BANNER_STYLE = "QFrame { background: palette(alternate-base); border-radius: 6px; }"
CHIP_STYLE = (
    "QToolButton { border: 1px solid palette(mid); border-radius: 11px; padding: 2px 10px; }"
    "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " border-color: palette(highlight); }"
)


class ConnectorsPanel(QWidget):
    settings_requested = Signal(str)  # the Settings group to open ("Connectors")

    def __init__(
        self,
        view_model: ConnectorsViewModel,
        runs: ToolRunsViewModel,
        asker: DialogElicitationAsker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ConnectorsPanel()
        self.ui.setupUi(self)
        self._vm = view_model
        self._runs = runs
        self._messages = TransientMessage(self.ui.messageLabel, MESSAGE_MS)
        self._shown_once = False
        self.confirm_box: QMessageBox | None = None  # the open confirmation (tests answer it)
        self.server_dialog: McpServerDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.run_dialog: RunToolDialog | None = None
        self.log_dialog: ServerLogDialog | None = None
        self.questions = QuestionPresenter(self)  # a server asking the user mid-call (elicitation)
        self.tool_browser = ToolBrowser(self.ui, view_model, self)
        self.history = HistoryView(self.ui, runs, view_model, self)
        self._setup()
        self._connect_signals(asker)
        self.refresh_view()

    # -- set-up
    def _setup(self) -> None:
        ui = self.ui
        ui.connectorsList.setModel(self._vm.proxy)
        ui.connectorsList.setItemDelegate(ConnectorCardDelegate(ui.connectorsList))
        ui.connectorsList.setSelectionMode(ui.connectorsList.SelectionMode.SingleSelection)
        ui.connectorsEmptyLabel.setObjectName("emptyState")
        ui.splitter.setStretchFactor(0, 0)
        ui.splitter.setStretchFactor(1, 1)
        ui.splitter.setSizes([270, 650])
        ui.leftPane.setMinimumWidth(240)
        for banner in (ui.offlineBanner, ui.setupBanner, ui.connectFrame):
            banner.setStyleSheet(BANNER_STYLE)
        for chip in (ui.connectedChip, ui.enabledChip, ui.errorsChip):
            chip.setStyleSheet(CHIP_STYLE)
        ui.connectFrame.hide()
        ui.messageLabel.hide()
        ui.centreTabs.removeTab(ui.centreTabs.indexOf(ui.permissionsTab))  # views.tool_policy's attach_permissions
        style = self.style()
        ui.refreshButton.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        ui.historyRefreshButton.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.triggered.connect(lambda _checked=False: self._vm.refresh())
        self.addAction(refresh)

    def _connect_signals(self, asker: DialogElicitationAsker | None) -> None:
        ui = self.ui
        vm = self._vm
        proxy = vm.proxy
        ui.connectorSearch.textChanged.connect(self._search)
        ui.connectedChip.toggled.connect(lambda on: self._filter(connected=on))
        ui.enabledChip.toggled.connect(lambda on: self._filter(enabled=on))
        ui.errorsChip.toggled.connect(lambda on: self._filter(errors=on))
        ui.connectorsList.selectionModel().selectionChanged.connect(self._selection_changed)
        ui.connectorsList.customContextMenuRequested.connect(self._context_menu)
        ui.connectButton.clicked.connect(self.connect_selected)
        ui.disconnectButton.clicked.connect(self.disconnect_selected)
        ui.enableButton.clicked.connect(self._enable_clicked)
        ui.restartButton.clicked.connect(lambda: self._with_selected(vm.restart))
        ui.logButton.clicked.connect(self.show_log)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.removeButton.clicked.connect(self.remove_selected)
        ui.addServerButton.clicked.connect(self.add_server)
        ui.emptyAddButton.clicked.connect(self.add_server)
        ui.importButton.clicked.connect(self.import_servers)
        ui.refreshButton.clicked.connect(lambda: vm.refresh())
        ui.cancelConnectButton.clicked.connect(self._cancel_connect)
        for button in (ui.setupSettingsButton, ui.emptySettingsButton):
            button.clicked.connect(lambda: self.settings_requested.emit("Connectors"))
        for signal in (proxy.modelReset, proxy.rowsInserted, proxy.rowsRemoved, proxy.layoutChanged):
            signal.connect(self.refresh_view)
        proxy.dataChanged.connect(lambda *_args: self._update_selected())
        vm.state_changed.connect(self.refresh_view)
        vm.busy_changed.connect(lambda _key, _busy: self._update_selected())
        vm.error_occurred.connect(self.show_error)
        vm.message.connect(self.show_message)
        vm.connect_waiting.connect(self._connect_waiting)
        vm.connect_finished.connect(self._connect_finished)
        vm.server_log_ready.connect(self._log_ready)
        vm.log_line.connect(self._log_line)
        self._runs.error_occurred.connect(self.show_error)
        self.tool_browser.run_requested.connect(self.open_run_dialog)
        self.history.rerun_requested.connect(self.rerun)
        if asker is not None:
            self.questions.attach(asker)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._runs.load_history()
            self._vm.ensure_tools()  # MCP servers start on first use: opening the panel is one

    # -- the connectors list
    def _search(self, text: str) -> None:
        self._vm.proxy.set_search(text)
        self.refresh_view()

    def _filter(self, **chips: bool) -> None:
        self._vm.proxy.set_filters(**chips)
        self.refresh_view()

    def selected(self) -> ConnectorInfo | None:
        rows = self.ui.connectorsList.selectionModel().selectedIndexes()  # a list view selects column 0 only
        info = rows[0].data(InfoRole) if rows else None
        return info if isinstance(info, ConnectorInfo) else None

    def select(self, key: str) -> bool:
        row = self._vm.proxy.proxy_row_of(key)
        if row < 0:
            return False
        self.ui.connectorsList.setCurrentIndex(self._vm.proxy.index(row, 0))
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        info = self.selected()
        self.tool_browser.show_connector(info.key if info is not None else "")
        self._update_selected()

    def _with_selected(self, action: Any) -> None:
        info = self.selected()
        if info is not None:
            action(info.key)

    def refresh_view(self) -> None:
        """Banners, the empty state, filters lists and buttons after the connectors or the state changed."""
        ui = self.ui
        vm = self._vm
        ui.offlineBanner.setVisible(vm.offline)
        has_any = vm.model.rowCount() > 0
        has_servers = any(info.kind is not ConnectorKind.MERGE for info in vm.model.connectors())
        ui.setupBanner.setVisible(not vm.merge_configured and has_servers)
        if has_any and vm.proxy.rowCount() == 0:
            ui.connectorsEmptyLabel.setText(self.tr("No connector matches the search and filters."))
        elif not has_any and vm.merge_configured and vm.merge_problem:
            text = self.tr("Your Merge connectors could not be read: %1\n\nCheck Settings → Connectors, then refresh.")
            ui.connectorsEmptyLabel.setText(text.replace("%1", vm.merge_problem))
        elif not has_any and vm.merge_configured:
            ui.connectorsEmptyLabel.setText(
                self.tr("Your Merge tool pack has no connectors yet. Refresh, or add an MCP server.")
            )
        elif not has_any:
            ui.connectorsEmptyLabel.setText(
                self.tr(
                    "No connectors yet.\n\nSet your Merge access key in Settings → Connectors to use your "
                    "Merge connectors, or add an MCP server."
                )
            )
        ui.emptySettingsButton.setVisible(not has_any and (not vm.merge_configured or bool(vm.merge_problem)))
        ui.emptyAddButton.setVisible(not has_any)
        ui.connectorsStack.setCurrentIndex(LIST_PAGE if vm.proxy.rowCount() else EMPTY_PAGE)
        self.tool_browser.fill_connectors()
        self.tool_browser.show_selected()  # offline or not changes what the Run button may do
        self.history.fill_connectors()
        self._update_selected()

    def _update_selected(self) -> None:
        ui = self.ui
        vm = self._vm
        info = self.selected()
        if info is not None:
            info = vm.model.info(info.key) or info
        is_merge = info is not None and info.kind is ConnectorKind.MERGE
        is_server = info is not None and not is_merge
        busy = info is not None and vm.is_busy(info.key)
        block = vm.network_block(info)
        signing_in = info is not None and info.state is ConnectorState.NEEDS_SIGN_IN
        ui.connectButton.setText(self.tr("Sign in again") if signing_in else self.tr("Connect"))
        ui.connectButton.setVisible(info is None or vm.can_connect(info) or is_merge)
        ui.connectButton.setEnabled(info is not None and vm.can_connect(info) and not busy and not block)
        ui.connectButton.setToolTip(block or self.tr("Connect this connector (opens your browser)"))
        ui.disconnectButton.setVisible(is_merge)
        ui.disconnectButton.setEnabled(is_merge and info is not None and info.connected and not busy and not block)
        ui.disconnectButton.setToolTip(block or self.tr("Remove the connection of this connector"))
        ui.enableButton.setEnabled(info is not None and not busy)
        ui.enableButton.setChecked(info is not None and info.enabled)
        ui.enableButton.setText(self.tr("&Enabled") if info is None or info.enabled else self.tr("&Disabled"))
        for button in (ui.restartButton, ui.logButton, ui.editButton, ui.removeButton):
            button.setVisible(is_server or info is None)
            button.setEnabled(is_server and not busy)
        ui.restartButton.setEnabled(is_server and not busy and not block)
        ui.restartButton.setToolTip(block or self.tr("Stop and start this server again"))
        ui.refreshButton.setEnabled(not vm.offline or vm.has_local_servers)
        ui.refreshButton.setToolTip(
            vm.network_block(info) if vm.offline else self.tr("Fetch the connectors and their tools again (F5)")
        )
        status = ""
        if info is not None:
            status = info.detail
            if info.error:
                status = info.error
            if info.stderr_tail:
                status += "\n" + "\n".join(info.stderr_tail[-3:])
        ui.connectorStatusLabel.setText(status)
        ui.connectorStatusLabel.setStyleSheet(ERROR_STYLE if info is not None and info.error else "")
        ui.connectorStatusLabel.setVisible(bool(status))
        waiting = info is not None and vm.is_connecting(info.key)
        ui.connectFrame.setVisible(waiting)

    def _context_menu(self, position: QPoint) -> None:
        info = self.selected()
        if info is None:
            return
        menu = QMenu(self)
        for button in (
            self.ui.connectButton,
            self.ui.disconnectButton,
            self.ui.restartButton,
            self.ui.logButton,
            self.ui.editButton,
            self.ui.removeButton,
        ):
            if button.isVisible():
                action = menu.addAction(button.text())
                action.setEnabled(button.isEnabled())
                action.triggered.connect(button.click)
        menu.popup(self.ui.connectorsList.viewport().mapToGlobal(position))

    # -- connector actions
    def connect_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self._vm.connect_connector(info.key)
            self._update_selected()

    def _connect_waiting(self, key: str, text: str) -> None:
        self.ui.connectWaitingLabel.setText(text)
        self._update_selected()
        if self.selected() is None or self.selected().key != key:  # type: ignore[union-attr]
            self.select(key)

    def _connect_finished(self, key: str, connected: bool, text: str) -> None:
        self._update_selected()
        (self.show_message if connected else self.show_error)(text)

    def _cancel_connect(self) -> None:
        info = self.selected()
        if info is not None:
            self._vm.cancel_connect(info.key)

    def disconnect_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        text = self.tr("Disconnect %1? Its tools stop working until you connect it again.").replace("%1", info.name)
        self._confirm(text, self.tr("Disconnect"), lambda: self._vm.disconnect_connector(info.key))

    def remove_selected(self) -> None:
        info = self.selected()
        if info is None or info.kind is ConnectorKind.MERGE:
            return
        text = self.tr("Remove %1? Its settings and the secrets kept in the keychain for it are deleted.").replace(
            "%1", info.name
        )
        self._confirm(text, self.tr("Remove"), lambda: self._vm.remove(info.key))

    def _confirm(self, text: str, verb: str, then: Any) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Connectors"), text, QMessageBox.StandardButton.Cancel, self
        )
        yes = box.addButton(verb, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: then() if button is yes else None)
        box.finished.connect(lambda _result: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()

    def _enable_clicked(self, checked: bool) -> None:
        info = self.selected()
        if info is not None:
            self._vm.set_enabled(info.key, checked)

    # -- dialogs
    def add_server(self) -> None:
        self._open_server_dialog(McpServerDialog(self._vm, None, self))

    def edit_selected(self) -> None:
        info = self.selected()
        config = self._vm.server_config(info.key) if info is not None else None
        if config is not None:
            self._open_server_dialog(McpServerDialog(self._vm, config, self))

    def _open_server_dialog(self, dialog: McpServerDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._server_saved(dialog))
        dialog.finished.connect(lambda _result: setattr(self, "server_dialog", None))
        self.server_dialog = dialog
        dialog.open()

    def _server_saved(self, dialog: McpServerDialog) -> None:
        if dialog.saved is not None:
            self.select(dialog.saved.key)
            self.show_message(self.tr("%1 was saved.").replace("%1", dialog.saved.name))

    def import_servers(self) -> None:
        dialog = ImportDialog(self._vm, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "import_dialog", None))
        self.import_dialog = dialog
        dialog.open()

    def show_log(self) -> None:
        info = self.selected()
        if info is None:
            return
        dialog = ServerLogDialog(info.key, info.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "log_dialog", None))
        self.log_dialog = dialog
        self._vm.load_server_log(info.key)
        dialog.open()

    def _log_ready(self, key: str, lines: list[Any]) -> None:
        if self.log_dialog is not None and self.log_dialog.key == key:
            self.log_dialog.set_lines(lines)

    def _log_line(self, line: Any) -> None:
        if self.log_dialog is not None:
            self.log_dialog.add_line(line)

    def open_run_dialog(self, spec: ToolSpec, arguments: dict[str, Any] | None = None) -> RunToolDialog:
        if self.run_dialog is not None:
            self.run_dialog.close()
        name = self._vm.tools.connector_name(spec.connector_key)
        dialog = RunToolDialog(spec, name, self._runs, self._vm, arguments=arguments, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._run_dialog_closed(dialog))
        self.run_dialog = dialog
        dialog.open()
        return dialog

    def _run_dialog_closed(self, dialog: RunToolDialog) -> None:
        if self.run_dialog is dialog:
            self.run_dialog = None

    def rerun(self, action: ToolAction) -> None:
        spec = self._vm.tool(action.qualified_name)
        if spec is None:
            text = self.tr("%1 is not offered any more, so it cannot run again.")
            self.show_error(text.replace("%1", action.tool_name))
            return
        self.open_run_dialog(spec, dict(action.arguments))

    # -- messages
    def show_message(self, text: str) -> None:
        self._messages.show(text)

    def show_error(self, text: str) -> None:
        self._messages.show(text, error=True)
