"""The statements run on a connection (search, open in the editor, run again) and the saved queries (open, rename,
delete), in one dialog opened from an editor tab."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.domain.databases import HistoryEntry, SavedQuery
from vector_desktop.presentation.databases.databases_viewmodel import DatabasesViewModel
from vector_desktop.presentation.databases.history_model import EntryRole, HistoryColumn, SavedColumn

SEARCH_DELAY_MS = 200


def _table(accessible: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    return view


class HistoryDialog(QDialog):
    open_requested = Signal(str, bool)  # the SQL, run it at once

    def __init__(self, view_model: DatabasesViewModel, connection_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = view_model
        self._connection_id = connection_id
        self.rename_dialog: QInputDialog | None = None
        self.confirm_box: QMessageBox | None = None
        config = view_model.config(connection_id)
        self.setWindowTitle(self.tr("History and saved queries — %1").replace("%1", config.name if config else ""))
        self.resize(760, 480)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._history_page(), self.tr("&History"))
        self.tabs.addTab(self._saved_page(), self.tr("&Saved queries"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        view_model.load_history(connection_id)
        view_model.load_saved_queries()
        self._update_buttons()

    # -- pages
    def _history_page(self) -> QWidget:
        page = QWidget()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the statements"))
        self.search.setAccessibleName(self.tr("Search the history"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.history_view = _table(self.tr("History"))
        self.history_view.setModel(self._vm.history)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(HistoryColumn.SQL, QHeaderView.ResizeMode.Stretch)
        for column in (HistoryColumn.WHEN, HistoryColumn.DURATION, HistoryColumn.ROWS, HistoryColumn.ORIGIN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.history_view.doubleClicked.connect(lambda _index: self._open_history(run=False))
        self.history_view.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.open_history_button = QPushButton(self.tr("&Open in the editor"))
        self.run_history_button = QPushButton(self.tr("&Run again"))
        self.open_history_button.clicked.connect(lambda: self._open_history(run=False))
        self.run_history_button.clicked.connect(lambda: self._open_history(run=True))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_history_button)
        row.addWidget(self.run_history_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.search)
        layout.addWidget(self.history_view)
        layout.addLayout(row)
        return page

    def _saved_page(self) -> QWidget:
        page = QWidget()
        self.saved_view = _table(self.tr("Saved queries"))
        self.saved_view.setModel(self._vm.saved)
        header = self.saved_view.horizontalHeader()
        header.setSectionResizeMode(SavedColumn.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SavedColumn.SQL, QHeaderView.ResizeMode.Stretch)
        self.saved_view.doubleClicked.connect(lambda _index: self._open_saved())
        self.saved_view.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.open_saved_button = QPushButton(self.tr("&Open in the editor"))
        self.rename_button = QPushButton(self.tr("Re&name…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.open_saved_button.clicked.connect(self._open_saved)
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.open_saved_button, self.rename_button, self.delete_button):
            row.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.saved_view)
        layout.addLayout(row)
        return page

    # -- state
    def _selected(self, view: QTableView) -> object:
        rows = view.selectionModel().selectedRows()
        return rows[0].data(EntryRole) if rows else None

    def selected_entry(self) -> HistoryEntry | None:
        entry = self._selected(self.history_view)
        return entry if isinstance(entry, HistoryEntry) else None

    def selected_query(self) -> SavedQuery | None:
        query = self._selected(self.saved_view)
        return query if isinstance(query, SavedQuery) else None

    def _update_buttons(self) -> None:
        has_entry = self.selected_entry() is not None
        self.open_history_button.setEnabled(has_entry)
        self.run_history_button.setEnabled(has_entry)
        has_query = self.selected_query() is not None
        for button in (self.open_saved_button, self.rename_button, self.delete_button):
            button.setEnabled(has_query)

    def _search(self) -> None:
        self._vm.load_history(self._connection_id, self.search.text().strip())

    def select_row(self, view: QTableView, row: int) -> None:
        view.selectRow(row)
        view.setCurrentIndex(view.model().index(row, 0, QModelIndex()))

    # -- actions
    def _open_history(self, *, run: bool) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.open_requested.emit(entry.sql, run)
            self.accept()

    def _open_saved(self) -> None:
        query = self.selected_query()
        if query is not None:
            self.open_requested.emit(query.sql, False)
            self.accept()

    def rename_selected(self) -> None:
        query = self.selected_query()
        if query is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Rename the query"))
        dialog.setLabelText(self.tr("Name:"))
        dialog.setTextValue(query.name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(
            lambda name: self._vm.save_query(name, query.sql, query.connection_id, query.id)
        )
        dialog.finished.connect(lambda _result: setattr(self, "rename_dialog", None))
        self.rename_dialog = dialog
        dialog.open()

    def delete_selected(self) -> None:
        query = self.selected_query()
        if query is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete the query"),
            self.tr("Delete the saved query “%1”?").replace("%1", query.name),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        yes = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._vm.delete_saved_query(query.id) if button is yes else None)
        box.finished.connect(lambda _result: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()
