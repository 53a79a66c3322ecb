"""Share a query result as CSV by email: the results grid's menu entry gives the rows read so far as CSV, capped,
with a note when the result was cut (the machine's PostgreSQL, the real Databases panel)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.qt.databases.panel_harness import open_panel
from tests.qt.databases.servers import PgDatabase, pg_database
from tests.qt.databases.test_databases_panel import _ctrl_enter, _shop, _type_sql

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("quiet_quit"),
]


@pytest.fixture
def quiet_quit(qapp: Any) -> Iterator[None]:
    previous = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(previous)


@pytest.fixture
def shop_db() -> Iterator[PgDatabase]:
    with pg_database() as database:
        yield database


@pytest.mark.asyncio
async def test_share_as_csv_gives_the_rows_and_says_when_cut(qtbot, tmp_path: Path, shop_db: PgDatabase) -> None:  # type: ignore[no-untyped-def]
    async with open_panel(qtbot, tmp_path) as h:
        await _shop(h, shop_db)
        assert h.panel is not None
        h.panel.ui.newEditorButton.click()
        tab = h.tab()
        _type_sql(tab, "select customer, amount from orders where id <= 3 order by id")
        await _ctrl_enter(qtbot, h, tab)
        shared: list[tuple[str, bytes, str]] = []
        tab.share_csv_requested.connect(lambda name, data, note: shared.append((name, data, note)))
        tab.share_csv()
        tab.share_csv(max_rows=2)
    assert shared[0] == (
        "query-result",
        b"customer,amount\r\ncustomer 1,1.25\r\ncustomer 2,2.50\r\ncustomer 3,3.75\r\n",
        "",
    )
    assert shared[1][1].count(b"\r\n") == 3 and shared[1][2] == "Only the first 2 rows are attached."
