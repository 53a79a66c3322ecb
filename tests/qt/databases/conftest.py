"""Fixtures of the Databases panel tests: a database of the test's own on the machine's PostgreSQL, and a server
that refuses the password."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.qt.databases.servers import PgDatabase, RefusingServer, pg_database, refusing_server


@pytest.fixture
def shop_db() -> Iterator[PgDatabase]:
    with pg_database() as database:
        yield database


@pytest.fixture
def refusing_pg() -> Iterator[RefusingServer]:
    with refusing_server() as server:
        yield server


@pytest.fixture
def quiet_quit(qapp):  # type: ignore[no-untyped-def]
    """Closing the panel's dialogs must not quit the test's QApplication."""
    previous = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(previous)
