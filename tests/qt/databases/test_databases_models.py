"""The Databases panel's models under Qt's model tester, filled from the real service and the machine's PostgreSQL:
the connections list, the lazy schema tree and its filter, the results grid read a page at a time, the history and
the saved queries; and the SQL highlighter's colours."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from tests.qt.databases.panel_harness import draft_for, open_panel
from tests.qt.databases.servers import ORDER_ROWS, PgDatabase
from tests.support.waiting import wait_for
from vector_desktop.domain.databases import ColorTag, ConnectionConfig, DatabaseKind
from vector_desktop.presentation.databases.connections_model import (
    BadgeRole,
    ColorRole,
    ConnectionColumn,
    ConnectionsModel,
    TestedRole,
    TestFailedRole,
)
from vector_desktop.presentation.databases.history_model import HistoryColumn
from vector_desktop.presentation.databases.result_model import IsNullRole, ResultModel
from vector_desktop.presentation.databases.schema_model import (
    ErrorRole,
    LoadingRole,
    NodeKind,
    NodeKindRole,
    SchemaColumn,
    rows_text,
)
from vector_desktop.presentation.databases.sql_highlighter import SqlHighlighter
from vector_desktop.presentation.databases.statement_at import SqlDialect

pytestmark = pytest.mark.usefixtures("quiet_quit")


def _config(connection_id: int, name: str, **changes: object) -> ConnectionConfig:
    values: dict[str, object] = {"id": connection_id, "name": name, "kind": DatabaseKind.POSTGRESQL}
    values.update(changes)
    return ConnectionConfig(**values)  # type: ignore[arg-type]


def test_connections_model_shows_target_badge_colour_and_last_test(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ConnectionsModel()
    qtmodeltester.check(model)
    tested = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)
    prod = _config(
        1, "prod", host="db.example.com", database="shop", user="app", color=ColorTag.RED, read_only=True,
        last_tested_at=tested, last_test_ok=False, last_test_message="The server refused the password.",
    )  # fmt: skip
    dev = _config(
        2, "dev", kind=DatabaseKind.MYSQL, host="127.0.0.1", database="dev", read_only=False, expose_to_ai=True
    )
    model.set_connections([prod, dev])
    assert model.rowCount() == 2
    assert model.index(0, ConnectionColumn.TARGET).data() == "app@db.example.com:5432/shop"
    assert model.index(1, ConnectionColumn.TARGET).data() == "127.0.0.1:3306/dev"
    assert model.index(1, ConnectionColumn.KIND).data() == "MySQL / MariaDB"
    assert model.index(0, 0).data(BadgeRole) == "Read-only"
    assert model.index(1, 0).data(BadgeRole) == "Writable · AI"  # its tools are offered in chat
    assert model.index(0, 0).data(ColorRole).name() == "#dc2626"
    assert model.index(1, 0).data(ColorRole) is None
    assert model.index(0, 0).data(TestedRole).endswith("· failed")
    assert model.index(0, 0).data(TestFailedRole) is True
    assert "The server refused the password." in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, 0).data(TestedRole) == ""
    # Same ids: updated in place (no reset); other ids: reset.
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_connections([prod, _config(2, "dev2", kind=DatabaseKind.MYSQL)])
    assert resets == [] and model.index(1, 0).data() == "dev2"
    model.set_connections([dev])
    assert resets == [True] and model.rowCount() == 1


@pytest.mark.asyncio
async def test_schema_tree_loads_each_level_when_expanded(
    qtbot, qtmodeltester, tmp_path: Path, shop_db: PgDatabase
) -> None:  # type: ignore[no-untyped-def]
    async with open_panel(qtbot, tmp_path) as h:
        qtmodeltester.check(h.vm.schema)
        qtmodeltester.check(h.vm.schema_proxy)
        config = await h.add(draft_for(shop_db))
        model = h.vm.schema
        connection = model.connection_index(config.id)
        await wait_for(lambda: model.rowCount(connection) > 0, "schemas loaded")
        schemas = [model.index(row, 0, connection).data() for row in range(model.rowCount(connection))]
        assert "public" in schemas and "audit" in schemas
        assert "pg_catalog" not in schemas
        public = model.index(schemas.index("public"), 0, connection)
        assert public.data(NodeKindRole) is NodeKind.SCHEMA
        await wait_for(lambda: model.rowCount(public) > 0, "tables of public")  # the default schema opens itself
        tables = {model.index(r, 0, public).data(): model.index(r, 0, public) for r in range(model.rowCount(public))}
        assert {"orders", "customers", "big_orders"} <= set(tables)
        # The model tester opens every node: wait until no table is still reading its columns.
        await wait_for(lambda: not any(t.data(LoadingRole) for t in tables.values()), "tables read")
        assert tables["big_orders"].siblingAtColumn(SchemaColumn.DETAIL).data().startswith("view")
        assert rows_text(ORDER_ROWS) == "≈ 1.2k rows"
        orders = tables["orders"]
        assert model.hasChildren(orders)
        model.fetchMore(orders)  # (the model tester may have asked for them already)
        await wait_for(lambda: model.rowCount(orders) == 5, "columns of orders")
        columns = [model.index(r, 0, orders) for r in range(5)]
        assert [c.data() for c in columns] == ["id", "customer", "amount", "note", "created"]
        details = [c.siblingAtColumn(SchemaColumn.DETAIL).data() for c in columns]
        assert details[0] == "integer · primary key"
        assert details[2] == "numeric(12,2) · not null"
        assert details[3] == "text"
        assert not model.hasChildren(columns[0])

        # The filter keeps matching tables (and their parents); connections always stay.
        proxy = h.vm.schema_proxy
        h.vm.set_schema_filter("CUST", config.id)
        root = proxy.mapFromSource(connection)
        assert root.isValid()
        public_proxy = proxy.mapFromSource(public)
        kept = [proxy.index(r, 0, public_proxy).data() for r in range(proxy.rowCount(public_proxy))]
        assert kept == ["customers"]
        await wait_for(lambda: model.rowCount(model.index(schemas.index("audit"), 0, connection)) > 0, "audit read")
        assert not proxy.mapFromSource(model.index(schemas.index("audit"), 0, connection)).isValid()
        h.vm.set_schema_filter("", config.id)
        assert proxy.rowCount(proxy.mapFromSource(public)) == len(tables)
        assert h.errors == []


@pytest.mark.asyncio
async def test_schema_failure_is_a_sentence_on_the_node(
    qtbot, qtmodeltester, tmp_path: Path, shop_db: PgDatabase
) -> None:  # type: ignore[no-untyped-def]
    async with open_panel(qtbot, tmp_path) as h:
        qtmodeltester.check(h.vm.schema)
        config = await h.add(draft_for(shop_db, database="no_such_database_here"))
        model = h.vm.schema
        connection = model.connection_index(config.id)
        await wait_for(lambda: connection.data(ErrorRole), "the failure")
        assert "no_such_database_here" in connection.data(ErrorRole)
        assert connection.siblingAtColumn(SchemaColumn.DETAIL).data() == "Could not load"
        assert not model.canFetchMore(connection)
        assert h.errors and "no_such_database_here" in h.errors[-1]
        assert "Traceback" not in h.errors[-1]


@pytest.mark.asyncio
async def test_result_model_reads_pages_and_shows_values_faithfully(
    qtbot, qtmodeltester, tmp_path: Path, shop_db: PgDatabase
) -> None:  # type: ignore[no-untyped-def]
    async with open_panel(qtbot, tmp_path) as h:
        config = await h.add(draft_for(shop_db))
        model = ResultModel(page_size=500)
        qtmodeltester.check(model)
        handle = await h.service.run(config.id, "SELECT id, customer, amount, note, created FROM orders ORDER BY id")
        try:
            model.set_handle(handle)
            assert model.columnCount() == 5 and model.rowCount() == 0
            assert model.canFetchMore(QModelIndex())
            model.fetchMore(QModelIndex())
            await wait_for(lambda: model.rowCount() == 500, "the first page")
            assert not model.done
            assert (
                model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "amount: numeric(12,2)"
            )
            # Row 1 (id 2): note 'note 2'; row 0 (id 1): note ''; row 2 (id 3): note NULL.
            assert model.index(0, 2).data() == "1.25"
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) == right
            assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) != right
            assert model.index(0, 3).data() == "" and model.index(0, 3).data(IsNullRole) is False
            assert model.index(2, 3).data() == "NULL" and model.index(2, 3).data(IsNullRole) is True
            assert model.index(2, 3).data(Qt.ItemDataRole.FontRole).italic()
            assert model.index(0, 3).data(Qt.ItemDataRole.FontRole) is None
            assert model.index(2, 3).data(Qt.ItemDataRole.ToolTipRole) == "NULL (no value)"
            assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == "(empty text)"
            assert model.index(0, 4).data().startswith("2026-01-02 03:04:05")
            for expected in (1000, ORDER_ROWS):
                model.fetchMore(QModelIndex())
                await wait_for(lambda expected=expected: model.rowCount() == expected, f"{expected} rows")
            await wait_for(lambda: model.done, "the end of the result")
            assert not model.canFetchMore(QModelIndex())
            assert model.cells_text([2, 1], [0, 3]) == [["3", None], ["2", "note 2"]]
        finally:
            model.close()
            await handle.close()
        assert h.errors == []


@pytest.mark.asyncio
async def test_history_and_saved_queries_models(qtbot, qtmodeltester, tmp_path: Path, shop_db: PgDatabase) -> None:  # type: ignore[no-untyped-def]
    async with open_panel(qtbot, tmp_path) as h:
        qtmodeltester.check(h.vm.history)
        qtmodeltester.check(h.vm.saved)
        config = await h.add(draft_for(shop_db))
        for sql in ("SELECT 1", "SELECT * FROM nowhere"):
            try:
                handle = await h.service.run(config.id, sql)
            except Exception:
                continue
            await handle.fetch(10)
            await handle.close()
        h.vm.load_history(config.id)
        await wait_for(lambda: h.vm.history.rowCount() == 2, "two history entries")
        newest = h.vm.history.entry_at(0)
        assert newest is not None and newest.sql == "SELECT * FROM nowhere"
        assert h.vm.history.index(0, HistoryColumn.ROWS).data() == "failed"
        assert h.vm.history.index(1, HistoryColumn.ROWS).data() == "1"
        assert h.vm.history.index(1, HistoryColumn.ORIGIN).data() == "Editor"
        h.vm.load_history(config.id, "nowhere")
        await wait_for(lambda: h.vm.history.rowCount() == 1, "the search")
        h.vm.save_query("b query", "SELECT 2", config.id)
        await wait_for(lambda: h.vm.saved.rowCount() == 1, "saved")
        h.vm.save_query("A query", "SELECT\n  1", None)
        await wait_for(lambda: h.vm.saved.rowCount() == 2, "saved twice")
        assert [h.vm.saved.index(r, 0).data() for r in range(2)] == ["A query", "b query"]
        assert h.vm.saved.index(0, 1).data() == "SELECT 1"


def _formats(document: QTextDocument, line: int) -> dict[str, str]:
    """The text of each formatted range of a line, by its colour."""
    block = document.findBlockByNumber(line)
    found: dict[str, str] = {}
    for fmt_range in block.layout().formats():
        text = block.text()[fmt_range.start : fmt_range.start + fmt_range.length]
        found[text] = fmt_range.format.foreground().color().name()
    return found


def test_highlighter_colours_keywords_strings_numbers_comments_and_identifiers(qapp) -> None:  # type: ignore[no-untyped-def]
    editor = QPlainTextEdit()  # a document with a layout, as in the editor
    document = editor.document()
    highlighter = SqlHighlighter(document, SqlDialect.POSTGRESQL)
    editor.setPlainText("SELECT \"Order\", 42, 'it''s' FROM t -- note\n/* a\n still */ SELECT $$ body\n; $$ ::jsonb")
    first = _formats(document, 0)
    assert first["SELECT"] == highlighter.keyword_format.foreground().color().name()
    assert first['"Order"'] == highlighter.identifier_format.foreground().color().name()
    assert first["42"] == highlighter.number_format.foreground().color().name()
    assert first["'it''s'"] == highlighter.string_format.foreground().color().name()
    assert first["-- note"] == highlighter.comment_format.foreground().color().name()
    assert _formats(document, 1)["/* a"] == highlighter.comment_format.foreground().color().name()
    second = _formats(document, 2)
    assert second[" still */"] == highlighter.comment_format.foreground().color().name()
    assert second["$$ body"] == highlighter.string_format.foreground().color().name()
    third = _formats(document, 3)
    assert third["; $$"] == highlighter.string_format.foreground().color().name()
    assert third["jsonb"] == highlighter.type_format.foreground().color().name()
    # MySQL: backticks are identifiers, "..." a string, # a comment.
    highlighter.set_dialect(SqlDialect.MYSQL)
    editor.setPlainText('SELECT `a`, "b" # note')
    mysql = _formats(document, 0)
    assert mysql["`a`"] == highlighter.identifier_format.foreground().color().name()
    assert mysql['"b"'] == highlighter.string_format.foreground().color().name()
    assert mysql["# note"] == highlighter.comment_format.foreground().color().name()
