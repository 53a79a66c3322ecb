"""The Databases panel: the saved connections as cards (add, edit, test, delete), the selected connection's schema
as a lazily loaded tree with a filter box (double-click a table to see its rows), and SQL editor tabs."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from vector_desktop.domain.databases import ConnectionConfig
from vector_desktop.presentation.databases.connections_model import ConfigRole, tag_colour
from vector_desktop.presentation.databases.databases_viewmodel import DatabasesViewModel
from vector_desktop.presentation.databases.result_export import ResultExporter
from vector_desktop.views.databases.connection_cards import ConnectionCardDelegate
from vector_desktop.views.databases.connection_dialog import ConnectionDialog
from vector_desktop.views.databases.query_tab import QueryTab
from vector_desktop.views.databases.schema_tree import SchemaTree
from vector_desktop.views.forms.ui_databases_panel import Ui_DatabasesPanel
from vector_desktop.views.widgets.transient_message import TransientMessage

LIST_PAGE, EMPTY_PAGE = 0, 1
TABS_PAGE, NO_EDITOR_PAGE = 0, 1
MESSAGE_MS = 10_000
ERROR_STYLE = "QLabel { color: #c62828; }"
OK_STYLE = "QLabel { color: #15803d; }"
TITLE_STYLE = "QLabel { font-weight: bold; }"


def _dot(colour: QColor | None) -> QIcon:
    if colour is None:
        return QIcon()
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class DatabasesPanel(QWidget):
    share_csv_requested = Signal(str, bytes, str)  # a query tab's result: title, CSV bytes, a note when cut

    def __init__(
        self, view_model: DatabasesViewModel, exporter: ResultExporter | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_DatabasesPanel()
        self.ui.setupUi(self)
        self._vm = view_model
        self._exporter = exporter
        self._messages = TransientMessage(self.ui.messageLabel, MESSAGE_MS)
        self._tab_numbers: dict[int, int] = {}
        self._shown_once = False
        self.connection_dialog: ConnectionDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.schema = SchemaTree(self.ui, view_model, self.selected, self.new_editor, self)
        self._setup()
        self._connect_signals()
        self.refresh_view()

    # -- set-up
    def _setup(self) -> None:
        ui = self.ui
        ui.connectionsList.setModel(self._vm.model)
        ui.connectionsList.setItemDelegate(ConnectionCardDelegate(ui.connectionsList))
        ui.connectionsList.setSelectionMode(ui.connectionsList.SelectionMode.SingleSelection)
        ui.connectionsEmptyLabel.setObjectName("emptyState")
        ui.noEditorLabel.setObjectName("emptyState")
        for title in (ui.connectionsTitle, ui.schemaTitle):
            title.setStyleSheet(TITLE_STYLE)
        ui.splitter.setStretchFactor(0, 0)
        ui.splitter.setStretchFactor(1, 1)
        ui.splitter.setSizes([280, 720])
        ui.leftSplitter.setSizes([260, 380])
        ui.connectionsPane.setMinimumWidth(250)
        ui.messageLabel.hide()
        ui.connectionStatusLabel.hide()
        plus = QToolButton(self)
        plus.setText("+")
        plus.setAutoRaise(True)
        plus.setToolTip(self.tr("New SQL editor on the selected connection (Ctrl+T)"))
        plus.setAccessibleName(self.tr("New SQL editor"))
        plus.clicked.connect(lambda _checked=False: self.new_editor())
        ui.editorTabs.setCornerWidget(plus, Qt.Corner.TopRightCorner)
        self.new_tab_button = plus
        new_tab = QAction(self.tr("New SQL editor"), self)
        new_tab.setShortcut(QKeySequence(QKeySequence.StandardKey.AddTab))
        new_tab.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_tab.triggered.connect(lambda _checked=False: self.new_editor())
        self.addAction(new_tab)

    def _connect_signals(self) -> None:
        ui = self.ui
        vm = self._vm
        ui.addButton.clicked.connect(self.add_connection)
        ui.emptyAddButton.clicked.connect(self.add_connection)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.testButton.clicked.connect(self.test_selected)
        ui.removeButton.clicked.connect(self.remove_selected)
        ui.newEditorButton.clicked.connect(lambda _checked=False: self.new_editor())
        ui.connectionsList.selectionModel().selectionChanged.connect(self._selection_changed)
        ui.connectionsList.customContextMenuRequested.connect(self._connection_menu)
        ui.connectionsList.doubleClicked.connect(lambda _index: self.new_editor())
        ui.editorTabs.tabCloseRequested.connect(self.close_tab)
        vm.connections_reloaded.connect(self.refresh_view)
        vm.busy_changed.connect(lambda _id, _busy: self._update_buttons())
        vm.test_finished.connect(self._test_finished)
        vm.error_occurred.connect(self.show_error)
        vm.message.connect(self.show_message)
        if self._exporter is not None:
            self._exporter.started.connect(
                lambda _job: self.show_message(self.tr("Exporting in the background: see the Jobs panel."))
            )
            self._exporter.finished.connect(self._exported)
            self._exporter.failed.connect(self.show_error)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if self.selected() is None and self._vm.model.rowCount() > 0:
                self.select(self._vm.model.connections()[0].id)

    # -- connections
    def selected(self) -> ConnectionConfig | None:
        rows = self.ui.connectionsList.selectionModel().selectedIndexes()
        config = rows[0].data(ConfigRole) if rows else None
        if not isinstance(config, ConnectionConfig):
            return None
        return self._vm.config(config.id) or config

    def select(self, connection_id: int) -> bool:
        row = self._vm.model.row_of(connection_id)
        if row < 0:
            return False
        self.ui.connectionsList.setCurrentIndex(self._vm.model.index(row, 0))
        return True

    def refresh_view(self) -> None:
        ui = self.ui
        has_any = self._vm.model.rowCount() > 0
        ui.connectionsStack.setCurrentIndex(LIST_PAGE if has_any else EMPTY_PAGE)
        # With no connection yet, the empty state's own Add button is all there is to do.
        ui.schemaPane.setVisible(has_any)
        for button in (ui.addButton, ui.editButton, ui.testButton, ui.removeButton):
            button.setVisible(has_any)
        known = {config.id: config for config in self._vm.model.connections()}
        for index in reversed(range(ui.editorTabs.count())):
            tab = ui.editorTabs.widget(index)
            if isinstance(tab, QueryTab):
                config = known.get(tab.session.connection_id)
                if config is None:
                    self.close_tab(index)
                else:
                    tab.show_connection(config)
                    ui.editorTabs.setTabIcon(index, _dot(tag_colour(config.color)))
        if self.selected() is None and has_any and self.isVisible():
            self.select(self._vm.model.connections()[0].id)
        self.schema.show_root()
        self._update_buttons()
        self._update_editor_page()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        config = self.selected()
        self.ui.connectionStatusLabel.hide()
        self.schema.show_root()
        if config is not None:
            self._vm.load_schema(config.id)
            if config.last_test_ok is False and config.last_test_message:
                self._show_status(False, config.last_test_message)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ui = self.ui
        config = self.selected()
        busy = config is not None and self._vm.is_busy(config.id)
        editable = config is not None and not config.from_environment
        ui.editButton.setEnabled(editable and not busy)
        ui.removeButton.setEnabled(editable and not busy)
        ui.testButton.setEnabled(config is not None and not busy)
        ui.testButton.setText(self.tr("Testing…") if busy else self.tr("&Test"))
        ui.schemaRefreshButton.setEnabled(config is not None)
        ui.schemaFilter.setEnabled(config is not None)
        ui.newEditorButton.setEnabled(config is not None)
        self.new_tab_button.setEnabled(config is not None)
        if config is not None and config.from_environment:
            ui.editButton.setToolTip(self.tr("This connection comes from DATABASE_URL: change it there."))
        else:
            ui.editButton.setToolTip(self.tr("Change the selected connection"))

    def _connection_menu(self, position: QPoint) -> None:
        if self.selected() is None:
            return
        menu = QMenu(self)
        open_editor = menu.addAction(self.tr("New SQL editor"))
        open_editor.triggered.connect(lambda _checked=False: self.new_editor())
        menu.addSeparator()
        for button in (self.ui.editButton, self.ui.testButton, self.ui.removeButton):
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        menu.popup(self.ui.connectionsList.viewport().mapToGlobal(position))

    def add_connection(self) -> None:
        self._open_dialog(ConnectionDialog(self._vm, None, self))

    def edit_selected(self) -> None:
        config = self.selected()
        if config is not None and not config.from_environment:
            self._open_dialog(ConnectionDialog(self._vm, config, self))

    def _open_dialog(self, dialog: ConnectionDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.finished.connect(lambda _result: setattr(self, "connection_dialog", None))
        self.connection_dialog = dialog
        dialog.open()

    def _saved(self, dialog: ConnectionDialog) -> None:
        if dialog.saved is not None:
            self.select(dialog.saved.id)
            self.show_message(self.tr("%1 was saved.").replace("%1", dialog.saved.name))

    def test_selected(self) -> None:
        config = self.selected()
        if config is not None:
            self._show_status(None, self.tr("Connecting to %1…").replace("%1", config.name))
            self._vm.test(config.id)

    def _test_finished(self, connection_id: int, ok: bool, text: str) -> None:
        config = self.selected()
        if config is not None and config.id == connection_id:
            self._show_status(ok, text)
        self._update_buttons()

    def _show_status(self, ok: bool | None, text: str) -> None:
        label = self.ui.connectionStatusLabel
        label.setStyleSheet("" if ok is None else OK_STYLE if ok else ERROR_STYLE)
        label.setText(text)
        label.setVisible(bool(text))

    def status_text(self) -> str:
        label = self.ui.connectionStatusLabel
        return label.text() if label.isVisibleTo(self) else ""

    def remove_selected(self) -> None:
        config = self.selected()
        if config is None or config.from_environment:
            return
        text = self.tr(
            "Delete %1? Its history, its saved queries and the password kept in the keychain are deleted too; "
            "the database itself is not touched."
        ).replace("%1", config.name)
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Databases"), text, QMessageBox.StandardButton.Cancel, self
        )
        yes = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._vm.remove(config.id) if button is yes else None)
        box.finished.connect(lambda _result: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()

    # -- editor tabs
    def new_editor(self, connection_id: int | None = None, *, title: str = "") -> QueryTab | None:
        config = self._vm.config(connection_id) if connection_id is not None else self.selected()
        if config is None:
            self.show_error(self.tr("Pick a connection first."))
            return None
        session = self._vm.new_session(config.id)
        tab = QueryTab(self._vm, session, config, self._exporter)
        tab.share_csv_requested.connect(self.share_csv_requested)
        if not title:
            number = self._tab_numbers.get(config.id, 0) + 1
            self._tab_numbers[config.id] = number
            title = self.tr("%1 · Query %2").replace("%1", config.name).replace("%2", str(number))
        index = self.ui.editorTabs.addTab(tab, _dot(tag_colour(config.color)), title)
        self.ui.editorTabs.setTabToolTip(index, f"{config.name} — {config.display_target()}")
        self.ui.editorTabs.setCurrentIndex(index)
        self._update_editor_page()
        tab.ui.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return tab

    def tabs(self) -> list[QueryTab]:
        tabs = self.ui.editorTabs
        return [tab for tab in (tabs.widget(i) for i in range(tabs.count())) if isinstance(tab, QueryTab)]

    def current_tab(self) -> QueryTab | None:
        tab = self.ui.editorTabs.currentWidget()
        return tab if isinstance(tab, QueryTab) else None

    def close_tab(self, index: int) -> None:
        tab = self.ui.editorTabs.widget(index)
        self.ui.editorTabs.removeTab(index)
        if isinstance(tab, QueryTab):
            self._vm.close_session(tab.session)
            tab.deleteLater()
        self._update_editor_page()

    def _update_editor_page(self) -> None:
        has_tabs = self.ui.editorTabs.count() > 0
        self.ui.editorStack.setCurrentIndex(TABS_PAGE if has_tabs else NO_EDITOR_PAGE)

    # -- messages
    def _exported(self, path: str, rows: int) -> None:
        self.show_message(self.tr("Exported %1 rows to %2.").replace("%1", f"{rows:,}").replace("%2", path))

    def show_message(self, text: str) -> None:
        self._messages.show(text)

    def show_error(self, text: str) -> None:
        self._messages.show(text, error=True)

    def close_tabs(self) -> None:
        for index in reversed(range(self.ui.editorTabs.count())):
            self.close_tab(index)
