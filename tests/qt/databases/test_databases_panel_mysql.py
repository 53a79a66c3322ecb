"""The Databases panel over MariaDB (the machine's server, a database and user of the test's own): the schema tree,
a table's rows from a double click, Ctrl+Enter with MySQL's own syntax highlighted and run, and a server error
marked in the editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.qt.databases.panel_harness import open_panel
from tests.support.fixtures_databases import DbTarget
from tests.support.waiting import wait_for
from vector_desktop.domain.databases import ConnectionDraft, DatabaseKind, TlsMode

pytestmark = [pytest.mark.usefixtures("quiet_quit"), pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.mark.asyncio
async def test_mysql_schema_rows_ctrl_enter_and_an_error(qtbot, tmp_path: Path, mysql_target: DbTarget) -> None:  # type: ignore[no-untyped-def]
    mysql_target.run(
        "CREATE TABLE pets (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, mood ENUM('calm','grumpy'), "
        "price DECIMAL(8,2), bio TEXT) CHARACTER SET utf8mb4",
        "INSERT INTO pets VALUES (1, 'Rex 🐶', 'calm', 12.50, NULL), (2, 'Tom', 'grumpy', 0.10, '')",
    )
    async with open_panel(qtbot, tmp_path) as h:
        draft = ConnectionDraft(
            name="pets",
            kind=DatabaseKind.MYSQL,
            host=mysql_target.host,
            port=mysql_target.port,
            database=mysql_target.database,
            user=mysql_target.user,
            tls_mode=TlsMode.DISABLE,
            password=mysql_target.password,
        )
        await h.add(draft)
        panel = h.panel
        assert panel is not None
        tree = panel.ui.schemaTree
        proxy = tree.model()
        await wait_for(lambda: proxy.rowCount(tree.rootIndex()) > 0, "the schemas")
        schema = h.child_named(tree.rootIndex(), mysql_target.database)
        await wait_for(lambda: tree.isExpanded(schema) and proxy.rowCount(schema) > 0, "the database opened")
        pets = h.child_named(schema, "pets")
        await h.schema_children(pets, "columns of pets")
        assert [proxy.index(r, 0, pets).data() for r in range(proxy.rowCount(pets))] == [
            "id", "name", "mood", "price", "bio",
        ]  # fmt: skip

        tree.scrollTo(pets)
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(pets).center())
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(pets).center())
        await wait_for(lambda: len(panel.tabs()) == 1, "a tab")
        tab = h.tab()
        assert tab.ui.editor.toPlainText() == f"SELECT * FROM `{mysql_target.database}`.`pets`;"
        await h.finished(tab)
        grid = tab.session.result
        cells = [[grid.index(r, c).data() for c in range(grid.columnCount())] for r in range(grid.rowCount())]
        assert cells == [["1", "Rex 🐶", "calm", "12.50", "NULL"], ["2", "Tom", "grumpy", "0.10", ""]]

        tab.ui.editor.setPlainText(
            "SELECT name FROM pets WHERE mood = 'grumpy';\nSELECT nope FROM pets;\nSELECT name FROM\nWHERE id = 1;"
        )
        cursor = tab.ui.editor.textCursor()
        cursor.setPosition(3)
        tab.ui.editor.setTextCursor(cursor)
        tab.ui.editor.setFocus()
        qtbot.keyClick(tab.ui.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_for(lambda: tab.session.running or tab.session.result.rowCount() == 1, "the first statement ran")
        await h.finished(tab)
        assert [tab.session.result.index(0, 0).data()] == ["Tom"]

        cursor.setPosition(len("SELECT name FROM pets WHERE mood = 'grumpy';\nSEL"))
        tab.ui.editor.setTextCursor(cursor)
        qtbot.keyClick(tab.ui.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_for(lambda: tab.ui.errorLabel.isVisibleTo(tab), "the error")
        assert tab.ui.errorLabel.text() == "Unknown column 'nope' in 'SELECT'."  # MariaDB gives no position here

        # A syntax error: MariaDB says the line; the editor marks it (line 4 of the editor, line 2 of the statement).
        cursor.setPosition(len(tab.ui.editor.toPlainText()) - 3)
        tab.ui.editor.setTextCursor(cursor)
        qtbot.keyClick(tab.ui.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_for(lambda: "nope" not in tab.ui.errorLabel.text(), "the second run started")
        await h.finished(tab)
        assert tab.ui.errorLabel.text().startswith("Line 4")
        assert tab.ui.editor.textCursor().blockNumber() == 3
