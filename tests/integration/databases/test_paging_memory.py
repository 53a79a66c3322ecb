"""A million rows read page by page keep memory bounded: the rows stay on the server (PostgreSQL's named cursor,
MariaDB's unbuffered result) and only one page at a time is in the process. The bound is on resident memory and
generous (memory, not time): the whole result held at once takes well over 100 MB of Python objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.fixtures_databases import DbTarget
from vector_desktop.adapters.mysql import MySqlAdapter
from vector_desktop.adapters.postgresql import PostgresAdapter
from vector_desktop.domain.databases import DatabaseSession, QueryCursor

ROWS = 1_000_000
PAGE = 500
BOUND_MB = 50


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def read_all(cursor: QueryCursor) -> Iterator[int]:
    while page := cursor.fetch(PAGE):
        yield len(page)


def measure(session: DatabaseSession, sql: str) -> tuple[int, float]:
    """(rows read, resident memory growth in MB, sampled while reading every page)."""
    gc.collect()
    before = rss_mb()
    peak = before
    cursor = session.execute(sql)
    total = 0
    for index, size in enumerate(read_all(cursor)):
        total += size
        if index % 100 == 0:
            peak = max(peak, rss_mb())
    cursor.close()
    return total, max(peak, rss_mb()) - before


@pytest.mark.slow
def test_a_million_postgresql_rows_in_bounded_memory(pg_target: DbTarget) -> None:
    session = PostgresAdapter().connect(pg_target.params())
    try:
        total, growth_mb = measure(
            session, f"SELECT n, 'row ' || n AS label, n * 1.5 AS amount FROM generate_series(1, {ROWS}) AS n"
        )
    finally:
        session.close()
    assert total == ROWS
    assert growth_mb < BOUND_MB, f"resident memory grew by {growth_mb:.1f} MB"


@pytest.mark.slow
def test_a_million_mariadb_rows_in_bounded_memory(mysql_target: DbTarget) -> None:
    session = MySqlAdapter().connect(mysql_target.params())
    try:
        total, growth_mb = measure(
            session, f"SELECT seq, CONCAT('row ', seq) AS label, seq * 1.5 AS amount FROM seq_1_to_{ROWS}"
        )
    finally:
        session.close()
    assert total == ROWS
    assert growth_mb < BOUND_MB, f"resident memory grew by {growth_mb:.1f} MB"
