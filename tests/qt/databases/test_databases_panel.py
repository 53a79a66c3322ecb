"""The Databases panel as a user drives it, over the real databases service and the machine's PostgreSQL: adding a
connection in the dialog (a refused password keeps what was typed), browsing the schema, a table's rows in a new tab,
Ctrl+Enter, scrolling for more pages, cancelling pg_sleep, an error marked in the editor, export through the job,
copying cells, history and saved queries, editing and deleting a connection."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.qt.databases.panel_harness import PanelHarness, draft_for, open_panel
from tests.qt.databases.servers import ORDER_ROWS, PgDatabase, RefusingServer
from tests.support.waiting import next_emission, wait_for
from vector_desktop.domain.databases import ColorTag, TlsMode, db_secret_ref
from vector_desktop.presentation.databases.copy_formats import CopyFormat
from vector_desktop.presentation.databases.result_export import ExportKind
from vector_desktop.presentation.databases.schema_model import NodeKind, NodeKindRole
from vector_desktop.views.databases.query_tab import QueryTab

pytestmark = [pytest.mark.usefixtures("quiet_quit"), pytest.mark.qt_log_ignore("propagateSizeHints")]


def _type_sql(tab: QueryTab, sql: str, cursor_at: str | None = None) -> None:
    editor = tab.ui.editor
    editor.setPlainText(sql)
    cursor = editor.textCursor()
    cursor.setPosition(sql.index(cursor_at) if cursor_at is not None else len(sql))
    editor.setTextCursor(cursor)


async def _ctrl_enter(qtbot, h: PanelHarness, tab: QueryTab) -> None:  # type: ignore[no-untyped-def]
    tab.ui.editor.setFocus()
    qtbot.keyClick(tab.ui.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    await wait_for(lambda: tab.session.running or tab.ui.errorLabel.isVisibleTo(tab), "the run started")
    await h.finished(tab)


async def _shop(h: PanelHarness, shop_db: PgDatabase) -> int:
    config = await h.add(draft_for(shop_db))
    return config.id


@pytest.mark.asyncio
async def test_adding_a_connection_in_the_dialog(
    qtbot, tmp_path: Path, shop_db: PgDatabase, refusing_pg: RefusingServer
) -> None:  # type: ignore[no-untyped-def]
    async with open_panel(qtbot, tmp_path) as h:
        panel = h.panel
        assert panel is not None
        ui = panel.ui
        assert ui.connectionsStack.currentIndex() == 1
        assert "No database connections yet" in ui.connectionsEmptyLabel.text()
        ui.emptyAddButton.click()
        dialog = panel.connection_dialog
        assert dialog is not None
        d = dialog.ui
        assert not d.supabaseUrlEdit.isVisibleTo(dialog) and not d.caFileEdit.isVisibleTo(dialog)
        d.nameEdit.setText("Shop")
        d.hostEdit.setText("127.0.0.1")
        d.portSpin.setValue(refusing_pg.port)
        d.databaseEdit.setText(shop_db.name)
        d.userEdit.setText("app")
        d.passwordEdit.setText("wrong-pass")
        d.tlsCombo.setCurrentIndex(d.tlsCombo.findData(TlsMode.DISABLE))
        d.colorCombo.setCurrentIndex(d.colorCombo.findData(ColorTag.RED))
        d.testButton.click()
        await wait_for(lambda: dialog.test_result not in ("", "Connecting…"), "the test's outcome")
        # The server's refusal, as a sentence, in the dialog; everything typed is still there.
        assert dialog.test_result == "The server refused the password of the user “app”."
        assert refusing_pg.passwords == ["wrong-pass"]
        assert dialog.isVisible()
        assert (d.nameEdit.text(), d.portSpin.value(), d.userEdit.text(), d.passwordEdit.text()) == (
            "Shop", refusing_pg.port, "app", "wrong-pass",
        )  # fmt: skip
        # The right server: the test reports what it found.
        d.portSpin.setValue(shop_db.port)
        d.userEdit.setText(shop_db.user)
        d.passwordEdit.setText("s3cret-pw")
        d.testButton.click()
        await wait_for(lambda: dialog.test_result.startswith("Connected to PostgreSQL"), "the second test")
        assert f"as {shop_db.user}" in dialog.test_result
        d.buttonBox.button(d.buttonBox.StandardButton.Save).click()
        await wait_for(lambda: panel.connection_dialog is None, "the dialog closed")
        (config,) = h.service.connections()
        assert config.name == "Shop" and config.color is ColorTag.RED and config.read_only
        assert ui.connectionsStack.currentIndex() == 0
        selected = panel.selected()
        assert selected is not None and selected.id == config.id
        # The password went to the keychain only.
        assert h.secrets()[db_secret_ref(config.id, "password")] == "s3cret-pw"
        store = h.core.paths.store_file
        assert b"s3cret-pw" not in store.read_bytes()
        assert all(b"s3cret-pw" not in p.read_bytes() for p in store.parent.glob(store.name + "*"))
        # A name already used is refused next to the name field, and the dialog keeps it.
        ui.addButton.click()
        second = panel.connection_dialog
        assert second is not None
        second.ui.nameEdit.setText("shop")
        second.ui.databaseEdit.setText("other")
        second.save()
        await wait_for(lambda: second.message("name") != "", "the name problem")
        assert "shop" in second.message("name").lower() and second.ui.databaseEdit.text() == "other"
        second.reject()
        assert h.errors == []


@pytest.mark.asyncio
async def test_schema_browse_table_rows_and_scrolling_for_more(qtbot, tmp_path: Path, shop_db: PgDatabase) -> None:  # type: ignore[no-untyped-def]
    async with open_panel(qtbot, tmp_path) as h:
        await _shop(h, shop_db)
        panel = h.panel
        assert panel is not None
        tree = panel.ui.schemaTree
        proxy = tree.model()
        root = tree.rootIndex()
        await wait_for(lambda: proxy.rowCount(root) > 0, "the schemas")
        public = h.child_named(root, "public")
        await wait_for(lambda: tree.isExpanded(public) and proxy.rowCount(public) > 0, "public opened by itself")
        orders = h.child_named(public, "orders")
        assert orders.data(NodeKindRole) is NodeKind.TABLE
        assert proxy.rowCount(orders) == 0 and not tree.isExpanded(orders)  # columns are read when opened
        await h.schema_children(orders, "columns of orders")
        assert [proxy.index(r, 0, orders).data() for r in range(proxy.rowCount(orders))] == [
            "id", "customer", "amount", "note", "created",
        ]  # fmt: skip
        # The filter box keeps matching tables.
        panel.ui.schemaFilter.setText("cust")
        public = h.child_named(tree.rootIndex(), "public")
        assert [proxy.index(r, 0, public).data() for r in range(proxy.rowCount(public))] == ["customers"]
        panel.ui.schemaFilter.setText("")

        # Double click a table: a new tab with its rows, the first page only.
        orders = h.child_named(h.child_named(tree.rootIndex(), "public"), "orders")
        tree.scrollTo(orders)
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(orders).center())
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(orders).center())
        await wait_for(lambda: len(panel.tabs()) == 1, "a tab")
        tab = h.tab()
        assert panel.ui.editorTabs.tabText(0) == "orders"
        assert tab.ui.editor.toPlainText() == 'SELECT * FROM "public"."orders";'
        await h.finished(tab)
        grid = tab.session.result
        assert grid.rowCount() == 500 and not grid.done
        assert "500 rows so far" in tab.ui.statusLabel.text()
        # Scrolling to the end reads the next page; the count stays below the total until the last one.
        seen = [grid.rowCount()]
        while not grid.done:
            tab.ui.resultsView.scrollToBottom()
            await wait_for(lambda: grid.rowCount() > seen[-1] or grid.done, "another page")
            seen.append(grid.rowCount())
        assert seen == [500, 1000, ORDER_ROWS, ORDER_ROWS] or seen == [500, 1000, ORDER_ROWS]
        assert all(count < ORDER_ROWS for count in seen[:2])
        await wait_for(lambda: tab.ui.statusLabel.text().startswith("1,234 rows ·"), "the final status")
        assert h.errors == []


@pytest.mark.asyncio
async def test_ctrl_enter_copy_and_errors_marked_in_the_editor(qtbot, tmp_path: Path, shop_db: PgDatabase) -> None:  # type: ignore[no-untyped-def]
    async with open_panel(qtbot, tmp_path) as h:
        await _shop(h, shop_db)
        panel = h.panel
        assert panel is not None
        panel.ui.newEditorButton.click()
        tab = h.tab()
        sql = "select 1 as a;\nselect customer, note, amount from orders where id <= 3 order by id;\nselect 2"
        _type_sql(tab, sql, cursor_at="customer")
        await _ctrl_enter(qtbot, h, tab)
        grid = tab.session.result
        assert grid.rowCount() == 3 and grid.done
        assert [grid.index(r, 1).data() for r in range(3)] == ["", "note 2", "NULL"]
        assert tab.ui.statusLabel.text().startswith("3 rows ·")
        # Copy every cell (nothing selected), then a selection, in the three formats.
        tab.copy(CopyFormat.TSV)
        clipboard = QGuiApplication.clipboard()
        assert clipboard.text() == (
            "customer\tnote\tamount\ncustomer 1\t\t1.25\ncustomer 2\tnote 2\t2.50\ncustomer 3\t\t3.75\n"
        )
        view = tab.ui.resultsView
        view.selectionModel().select(grid.index(1, 0), view.selectionModel().SelectionFlag.Select)
        for row in (1, 2):
            view.selectionModel().select(grid.index(row, 1), view.selectionModel().SelectionFlag.Select)
        view.selectionModel().select(grid.index(2, 0), view.selectionModel().SelectionFlag.Select)
        tab.copy_actions[CopyFormat.CSV].trigger()
        assert clipboard.text() == "customer,note\r\ncustomer 2,note 2\r\ncustomer 3,\r\n"
        view.selectAll()
        tab.copy(CopyFormat.MARKDOWN)
        assert clipboard.text().splitlines() == [
            "| customer | note | amount |",
            "| --- | --- | ---: |",
            "| customer 1 |  | 1.25 |",
            "| customer 2 | note 2 | 2.50 |",
            "| customer 3 | *NULL* | 3.75 |",
        ]
        # A selection of several statements runs them one after the other; the last one's rows are shown.
        cursor = tab.ui.editor.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        tab.ui.editor.setTextCursor(cursor)
        await _ctrl_enter(qtbot, h, tab)
        assert grid.columnCount() == 1 and grid.index(0, 0).data() == "2"
        assert tab.ui.statusLabel.text().startswith("1 row ·")

        # The server's error: its sentence with line and column, the editor's cursor and mark on the spot.
        sql = "select 1;\nselect *\n  form orders;"
        _type_sql(tab, sql)
        await _ctrl_enter(qtbot, h, tab)
        error = tab.ui.errorLabel.text()
        assert tab.ui.errorLabel.isVisibleTo(tab)
        assert error.startswith("Line 3, column 3: ") and "form" in error
        assert tab.marked_text() == "form"
        assert tab.ui.editor.textCursor().position() == sql.index("form")
        assert tab.ui.statusLabel.text() == "Failed"
        tab.ui.editor.insertPlainText(" ")  # editing removes the mark
        assert tab.marked_text() == ""
        assert h.errors == []


@pytest.mark.asyncio
async def test_cancel_pg_sleep_and_the_session_goes_on(qtbot, tmp_path: Path, shop_db: PgDatabase) -> None:  # type: ignore[no-untyped-def]
    async with open_panel(qtbot, tmp_path) as h:
        await _shop(h, shop_db)
        panel = h.panel
        assert panel is not None
        tab = panel.new_editor()
        assert tab is not None
        _type_sql(tab, "select pg_sleep(30)")
        tab.ui.runButton.click()
        await wait_for(lambda: tab.session.running, "running")
        assert tab.ui.cancelButton.isEnabled() and not tab.ui.runButton.isEnabled()
        assert tab.ui.statusLabel.text().startswith("Running…")
        active = (
            "select count(*) from pg_stat_activity where datname = current_database() "
            "and state = 'active' and pid <> pg_backend_pid()"
        )
        await wait_for(lambda: shop_db.scalar(active) == 1, "the sleep running on the server")
        tab.ui.cancelButton.click()
        await h.finished(tab)
        assert "cancel" in tab.ui.errorLabel.text().lower()
        await wait_for(lambda: shop_db.scalar(active) == 0, "nothing left running on the server")
        _type_sql(tab, "select count(*) from orders")
        await _ctrl_enter(qtbot, h, tab)
        assert tab.session.result.index(0, 0).data() == str(ORDER_ROWS)
        assert not tab.ui.errorLabel.isVisibleTo(tab)


@pytest.mark.asyncio
async def test_export_to_csv_and_json_lines_through_the_job(qtbot, tmp_path: Path, shop_db: PgDatabase) -> None:  # type: ignore[no-untyped-def]
    async with open_panel(qtbot, tmp_path) as h:
        await _shop(h, shop_db)
        panel = h.panel
        assert panel is not None
        tab = panel.new_editor()
        assert tab is not None
        assert not tab.ui.exportButton.isEnabled()
        _type_sql(tab, "select id, customer, note from orders order by id")
        await _ctrl_enter(qtbot, h, tab)
        assert tab.ui.exportButton.isEnabled()
        target = tmp_path / "orders"
        tab.export_to(ExportKind.CSV, str(target))
        path, rows = await next_emission(h.exporter.finished)
        assert path == str(target) + ".csv" and rows == ORDER_ROWS
        with open(path, newline="", encoding="utf-8") as stream:
            read = list(csv.reader(stream))
        assert read[0] == ["id", "customer", "note"]
        assert read[1:4] == [["1", "customer 1", ""], ["2", "customer 2", "note 2"], ["3", "customer 3", ""]]
        assert len(read) == ORDER_ROWS + 1
        assert not Path(path + ".part").exists()
        await wait_for(lambda: "Exported 1,234 rows" in panel.ui.messageLabel.text(), "the message")
        tab.export_to(ExportKind.JSONL, str(tmp_path / "orders.jsonl"))
        path, _rows = await next_emission(h.exporter.finished)
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        assert json.loads(lines[2]) == {"id": 3, "customer": "customer 3", "note": None}
        assert json.loads(lines[0])["note"] == ""
        # The job shows in the pool's list like every background job.
        assert any(job.task_name == "databases.export" for job in h.pool.list_recent())
        assert h.errors == []


@pytest.mark.asyncio
async def test_history_saved_queries_edit_and_delete(qtbot, tmp_path: Path, shop_db: PgDatabase) -> None:  # type: ignore[no-untyped-def]
    async with open_panel(qtbot, tmp_path) as h:
        connection_id = await _shop(h, shop_db)
        panel = h.panel
        assert panel is not None
        tab = panel.new_editor()
        assert tab is not None
        _type_sql(tab, "select 40 + 2 as answer")
        await _ctrl_enter(qtbot, h, tab)
        # Save the query under a name.
        tab.ui.saveQueryButton.click()
        assert tab.save_dialog is not None
        tab.save_dialog.setTextValue("The answer")
        tab.save_dialog.accept()
        await wait_for(lambda: h.vm.saved.rowCount() == 1, "saved")
        # History: the statement is there; "Run again" puts it in the editor and runs it.
        tab.ui.editor.setPlainText("")
        tab.ui.historyButton.click()
        dialog = tab.history_dialog
        assert dialog is not None
        await wait_for(lambda: h.vm.history.rowCount() == 1, "the history")
        dialog.select_row(dialog.history_view, 0)
        dialog.run_history_button.click()
        await h.finished(tab)
        await wait_for(lambda: tab.session.result.rowCount() == 1, "run again")
        assert tab.ui.editor.toPlainText() == "select 40 + 2 as answer"
        assert tab.session.result.index(0, 0).data() == "42"
        # Saved queries: rename, then delete.
        tab.ui.historyButton.click()
        dialog = tab.history_dialog
        assert dialog is not None
        dialog.tabs.setCurrentIndex(1)
        dialog.select_row(dialog.saved_view, 0)
        dialog.rename_selected()
        assert dialog.rename_dialog is not None
        dialog.rename_dialog.setTextValue("Answer, renamed")
        dialog.rename_dialog.accept()
        await wait_for(lambda: h.vm.saved.index(0, 0).data() == "Answer, renamed", "renamed")
        assert h.vm.saved.rowCount() == 1
        dialog.select_row(dialog.saved_view, 0)
        dialog.delete_selected()
        assert dialog.confirm_box is not None
        delete = next(b for b in dialog.confirm_box.buttons() if b.text() == "Delete")
        delete.click()
        await wait_for(lambda: h.vm.saved.rowCount() == 0, "deleted")
        dialog.reject()

        # Edit: a red tag and writable show in the tab's bar.
        panel.ui.editButton.click()
        edit = panel.connection_dialog
        assert edit is not None and edit.ui.nameEdit.text() == "shop"
        assert edit.ui.passwordEdit.placeholderText() == "Unchanged (kept in the keychain)"
        edit.ui.colorCombo.setCurrentIndex(edit.ui.colorCombo.findData(ColorTag.RED))
        edit.ui.writableCheck.setChecked(True)
        edit.save()
        await wait_for(lambda: panel.connection_dialog is None, "saved")
        await wait_for(lambda: tab.ui.accessBadge.text() == "Writable", "the tab's bar")
        assert "#dc2626" in tab.ui.connectionBar.styleSheet()
        # Test from the panel: the outcome under the buttons and on the card.
        panel.ui.testButton.click()
        await wait_for(lambda: panel.status_text().startswith("Connected to PostgreSQL"), "tested")
        assert h.vm.model.config(connection_id).last_test_ok is True  # type: ignore[union-attr]
        # Delete: confirmed, its tab closes, the keychain entry goes.
        panel.ui.removeButton.click()
        box = panel.confirm_box
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text() == "Delete").click()
        await wait_for(lambda: h.service.connections() == [], "deleted")
        await wait_for(lambda: panel.tabs() == [], "its tab closed")
        assert panel.ui.connectionsStack.currentIndex() == 1
        assert db_secret_ref(connection_id, "password") not in h.secrets()
        assert "shop was removed." in panel.ui.messageLabel.text()
        assert h.errors == []
        QApplication.processEvents()


@pytest.mark.asyncio
async def test_explain_shows_the_plan(qtbot, tmp_path: Path, shop_db: PgDatabase) -> None:  # type: ignore[no-untyped-def]
    async with open_panel(qtbot, tmp_path) as h:
        await _shop(h, shop_db)
        panel = h.panel
        assert panel is not None
        tab = panel.new_editor()
        assert tab is not None
        _type_sql(tab, "select * from orders where id = 7")
        tab.ui.explainButton.click()
        await wait_for(lambda: tab.ui.planText.toPlainText() != "", "the plan")
        assert "orders" in tab.ui.planText.toPlainText()
        assert tab.ui.resultTabs.currentIndex() == 1
        assert tab.session.result.rowCount() == 0 and tab.session.result.index(0, 0) == QModelIndex()
