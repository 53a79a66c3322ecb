"""One SQL editor tab: the editor with highlighting (Ctrl+Enter runs the statement under the cursor, or the
selection), Run / Explain / Cancel, the elapsed time and rows, the server's error with its line and column and the
place marked in the editor, the results grid that reads more rows as it scrolls, copy as TSV / CSV / Markdown, and
export to CSV / JSON Lines as a background job."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFontDatabase, QGuiApplication, QKeySequence
from PySide6.QtGui import QTextCursor as Cursor
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from vector_desktop.domain.databases import ConnectionConfig
from vector_desktop.presentation.databases.connections_model import access_text, tag_colour
from vector_desktop.presentation.databases.copy_formats import CopyFormat, format_cells, selection_grid
from vector_desktop.presentation.databases.databases_viewmodel import DatabasesViewModel
from vector_desktop.presentation.databases.query_session import QuerySession
from vector_desktop.presentation.databases.result_export import ExportKind, ResultExporter, with_suffix
from vector_desktop.presentation.databases.sql_highlighter import SqlHighlighter
from vector_desktop.presentation.databases.statement_at import (
    SqlDialect,
    Statement,
    from_utf16,
    select_all_sql,
    statement_at,
    statements_in,
)
from vector_desktop.views.databases.error_mark import line_and_column, mark_error, marked_text
from vector_desktop.views.databases.history_dialog import HistoryDialog
from vector_desktop.views.databases.results_grid import fit_columns, set_up_grid
from vector_desktop.views.forms.ui_query_tab import Ui_QueryTab

ERROR_STYLE = "QLabel { color: #c62828; }"
ROWS_TAB, PLAN_TAB = 0, 1
STATUS_WIDTH_STEP = 120


class QueryTab(QWidget):
    title_changed = Signal(str)
    share_csv_requested = Signal(str, bytes, str)  # file name, CSV of the rows read so far (capped), a note

    def __init__(
        self,
        view_model: DatabasesViewModel,
        session: QuerySession,
        config: ConnectionConfig,
        exporter: ResultExporter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_QueryTab()
        self.ui.setupUi(self)
        self._vm = view_model
        self.session = session
        self.config = config
        self._exporter = exporter
        self.dialect = SqlDialect.of(config.kind)
        self._ran_text = ""  # the editor's text when the last statement was sent (to place the error)
        self.history_dialog: HistoryDialog | None = None
        self.save_dialog: QInputDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.error_index = -1  # where the last error points in the editor's text (-1: nowhere)
        self._sized = False  # the columns were fitted to the first page
        self.highlighter = SqlHighlighter(self.ui.editor.document(), self.dialect)
        self._setup()
        self._connect_signals()
        self.show_connection(config)
        self._session_state()

    # -- set-up
    def _setup(self) -> None:
        ui = self.ui
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        ui.editor.setFont(font)
        ui.editor.setTabStopDistance(ui.editor.fontMetrics().horizontalAdvance(" ") * 4)
        ui.planText.setFont(font)
        set_up_grid(ui.resultsView, self.session.result)
        ui.statusLabel.setFixedSize(0, max(ui.statusLabel.sizeHint().height(), ui.statusLabel.fontMetrics().height()))
        ui.errorLabel.setStyleSheet(ERROR_STYLE)
        ui.errorLabel.hide()
        ui.splitter.setStretchFactor(0, 2)
        ui.splitter.setStretchFactor(1, 3)
        copy_menu = QMenu(self)
        self.copy_actions: dict[CopyFormat, QAction] = {}
        for copy_format, text in (
            (CopyFormat.TSV, self.tr("Copy as &TSV")),
            (CopyFormat.CSV, self.tr("Copy as &CSV")),
            (CopyFormat.MARKDOWN, self.tr("Copy as &Markdown")),
        ):
            action = copy_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, f=copy_format: self.copy(f))
            self.copy_actions[copy_format] = action
        ui.copyButton.setMenu(copy_menu)
        export_menu = QMenu(self)
        self.export_actions: dict[ExportKind, QAction] = {}
        for kind in ExportKind:
            action = export_menu.addAction(self.tr("%1 file…").replace("%1", kind.label))
            action.triggered.connect(lambda _checked=False, k=kind: self.choose_export_file(k))
            self.export_actions[kind] = action
        ui.exportButton.setMenu(export_menu)
        ui.exportButton.setVisible(self._exporter is not None)

        self.run_action = QAction(self.tr("Run"), self)
        self.run_action.setShortcuts(
            [QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter)]
        )
        self.run_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.run_action.triggered.connect(self.run_current)
        self.addAction(self.run_action)
        copy_cells = QAction(self.tr("Copy"), ui.resultsView)
        copy_cells.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy_cells.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy_cells.triggered.connect(lambda _checked=False: self.copy(CopyFormat.TSV))
        ui.resultsView.addAction(copy_cells)

    def _connect_signals(self) -> None:
        ui = self.ui
        session = self.session
        ui.runButton.clicked.connect(self.run_current)
        ui.explainButton.clicked.connect(self.explain_current)
        ui.cancelButton.clicked.connect(session.cancel)
        ui.historyButton.clicked.connect(self.open_history)
        ui.saveQueryButton.clicked.connect(self.ask_query_name)
        ui.editor.textChanged.connect(self._text_changed)
        ui.resultsView.customContextMenuRequested.connect(self._grid_menu)
        session.running_changed.connect(lambda _running: self._session_state())
        session.status_changed.connect(self._set_status)
        session.failed.connect(self.show_error)
        session.plan_ready.connect(self._show_plan)
        session.result.modelReset.connect(self._session_state)
        session.result.page_loaded.connect(self._first_page)

    def show_connection(self, config: ConnectionConfig) -> None:
        """The bar above the editor: which connection this tab runs on, its colour and access."""
        self.config = config
        ui = self.ui
        ui.connectionNameLabel.setText(f"<b>{_escape(config.name)}</b>")
        ui.connectionTargetLabel.setText(config.display_target())
        ui.accessBadge.setText(access_text(config))
        colour = tag_colour(config.color)
        if colour is not None:
            tint = QColor(colour)
            tint.setAlpha(28)
            ui.connectionBar.setStyleSheet(
                f"QFrame#connectionBar {{ border-left: 4px solid {colour.name()}; "
                f"background: {tint.name(QColor.NameFormat.HexArgb)}; }}"
            )
        else:
            ui.connectionBar.setStyleSheet("")
        ui.accessBadge.setStyleSheet("" if config.read_only else "QLabel { color: #b45309; font-weight: bold; }")

    # -- state
    def _session_state(self) -> None:
        ui = self.ui
        running = self.session.running
        ui.runButton.setEnabled(not running and self.config.has_sql)
        ui.explainButton.setEnabled(not running and self.config.has_sql)
        ui.cancelButton.setEnabled(running)
        has_rows = self.session.result.columnCount() > 0
        ui.copyButton.setEnabled(has_rows)
        ui.exportButton.setEnabled(has_rows and bool(self.session.shown_sql) and self.config.has_sql)
        self._set_status(self.session.status)
        if running:
            self.clear_error()

    def _set_status(self, text: str) -> None:
        """A label of a fixed size (widened in steps when a text needs it): a label whose size can change asks every
        layout up to the window to be done again at each new text, and the tab widget then repaints the whole tab
        (editor and grid included) — at each page read and each tick of "Running… 2.1 s"."""
        label = self.ui.statusLabel
        needed = label.fontMetrics().horizontalAdvance(text) + 2 * label.margin() + 4
        if needed > label.width():
            label.setFixedWidth(-(-needed // STATUS_WIDTH_STEP) * STATUS_WIDTH_STEP)
        label.setText(text)

    def _first_page(self, rows: int) -> None:
        if rows and not self._sized:
            self._sized = True
            fit_columns(self.ui.resultsView, self.session.result)
        self._session_state()

    # -- statements
    def statements(self) -> list[Statement]:
        """The selection's statements, or the one under the cursor."""
        text = self.ui.editor.toPlainText()
        cursor = self.ui.editor.textCursor()
        if cursor.hasSelection():
            start = from_utf16(text, cursor.selectionStart())
            end = from_utf16(text, cursor.selectionEnd())
            return statements_in(text, start, end, self.dialect)
        statement = statement_at(text, from_utf16(text, cursor.position()), self.dialect)
        return [statement] if statement is not None else []

    def run_current(self) -> None:
        statements = self.statements()
        if not statements:
            self.show_error(self.tr("There is no statement to run: write one first."), -1)
            return
        self._ran_text = self.ui.editor.toPlainText()
        self._sized = False
        self.ui.resultTabs.setCurrentIndex(ROWS_TAB)
        self.session.run(statements)

    def explain_current(self) -> None:
        statements = self.statements()
        if not statements:
            self.show_error(self.tr("There is no statement to explain: write one first."), -1)
            return
        self._ran_text = self.ui.editor.toPlainText()
        self.session.explain(statements[0])

    def browse(self, schema: str, table: str) -> None:
        """The rows of a table, with the matching SELECT in the editor."""
        sql = select_all_sql(schema, table, self.dialect)
        self.ui.editor.setPlainText(sql)
        self._ran_text = sql
        self._sized = False
        self.session.browse(schema, table, sql.rstrip(";"))

    def set_sql(self, sql: str) -> None:
        self.ui.editor.setPlainText(sql)
        self.ui.editor.moveCursor(Cursor.MoveOperation.End)

    def _show_plan(self, plan: str) -> None:
        self.ui.planText.setPlainText(plan)
        self.ui.resultTabs.setCurrentIndex(PLAN_TAB)

    # -- errors
    def show_error(self, text: str, where: int) -> None:
        ui = self.ui
        self.error_index = -1
        editor_text = ui.editor.toPlainText()
        if where >= 0 and editor_text == self._ran_text and where <= len(editor_text):
            line, column = line_and_column(editor_text, where)
            text = self.tr("Line %1, column %2: ").replace("%1", str(line)).replace("%2", str(column)) + text
            self.error_index = where
            mark_error(ui.editor, editor_text, where)
        ui.errorLabel.setText(text)
        ui.errorLabel.show()

    def marked_text(self) -> str:
        """The editor's text under the error mark ("" when nothing is marked)."""
        return marked_text(self.ui.editor)

    def clear_error(self) -> None:
        self.ui.errorLabel.hide()
        self.ui.errorLabel.setText("")
        self.error_index = -1
        self.ui.editor.setExtraSelections([])

    def _text_changed(self) -> None:
        if self.ui.editor.extraSelections():
            self.ui.editor.setExtraSelections([])

    # -- copying
    def copy_text(self, copy_format: CopyFormat) -> str:
        """The selected cells (every row read so far when nothing is selected) in the format."""
        model = self.session.result
        indexes = self.ui.resultsView.selectionModel().selectedIndexes()
        if indexes:
            rows, columns = selection_grid((index.row(), index.column()) for index in indexes)
        else:
            rows, columns = list(range(model.rowCount())), list(range(model.columnCount()))
        if not columns:
            return ""
        headers = model.headers(columns)
        cells = model.cells_text(rows, columns)
        return format_cells(copy_format, headers, cells, model.numeric_columns(columns))

    def copy(self, copy_format: CopyFormat) -> None:
        text = self.copy_text(copy_format)
        if text:
            QGuiApplication.clipboard().setText(text)

    def _grid_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for action in self.copy_actions.values():
            menu.addAction(action)
        if self._exporter is not None:
            menu.addSeparator()
            for action in self.export_actions.values():
                menu.addAction(action)
        menu.addAction(self.tr("Share as CSV by &email…"), self.share_csv)
        menu.popup(self.ui.resultsView.viewport().mapToGlobal(position))

    def share_csv(self, max_rows: int = 10_000) -> None:
        """The rows read so far as CSV, at most `max_rows` (the note says when the result was cut)."""
        model = self.session.result
        rows, columns = list(range(min(model.rowCount(), max_rows))), list(range(model.columnCount()))
        if columns:
            text = format_cells(CopyFormat.CSV, model.headers(columns), model.cells_text(rows, columns))
            cut = model.rowCount() > max_rows or model.canFetchMore(QModelIndex())
            note = self.tr("Only the first %1 rows are attached.").replace("%1", str(len(rows))) if cut else ""
            self.share_csv_requested.emit("query-result", text.encode("utf-8"), note)

    # -- exporting
    def choose_export_file(self, kind: ExportKind) -> None:
        dialog = QFileDialog(self, self.tr("Export the rows"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(f"{kind.label} (*{kind.suffix})")
        dialog.setDefaultSuffix(kind.suffix.lstrip("."))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export_to(kind, path))
        dialog.finished.connect(lambda _result: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, kind: ExportKind, path: str) -> None:
        if self._exporter is not None and path:
            self._exporter.export(self.session.connection_id, self.session.shown_sql, kind, with_suffix(path, kind))

    # -- history and saved queries
    def open_history(self) -> None:
        dialog = HistoryDialog(self._vm, self.session.connection_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_requested.connect(self._open_from_history)
        dialog.finished.connect(lambda _result: setattr(self, "history_dialog", None))
        self.history_dialog = dialog
        dialog.open()

    def _open_from_history(self, sql: str, run: bool) -> None:
        self.set_sql(sql)
        if run:
            self.ui.editor.selectAll()
            self.run_current()

    def ask_query_name(self) -> None:
        sql = self.ui.editor.toPlainText().strip()
        if not sql:
            self.show_error(self.tr("The editor is empty: there is nothing to save."), -1)
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Save the query"))
        dialog.setLabelText(self.tr("Name:"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda name: self._vm.save_query(name, sql, self.session.connection_id))
        dialog.finished.connect(lambda _result: setattr(self, "save_dialog", None))
        self.save_dialog = dialog
        dialog.open()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
