"""Statements through the PostgreSQL adapter against the machine's PostgreSQL: pages from a server-side cursor,
read-only enforced by the server, commit on close, errors placed in the statement, parameters that stay data,
time limits, cancel from another thread, EXPLAIN without running, and statements that cannot be declared; and
COPY for the command line's `--format text`: every byte as psql prints it, errors half-way, its time limit, a cancel
and a reader that stops, each leaving the session ready for the next statement."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator

import pytest

from tests.integration.databases.waiting import when
from tests.support.fixtures_databases import DbTarget
from vector_desktop.adapters.postgresql import PostgresAdapter, PostgresSession
from vector_desktop.domain.databases import (
    QueryCancelledError,
    QueryError,
    QueryTimeoutError,
    ReadOnlyViolationError,
)


@pytest.fixture
def table(pg_module_target: DbTarget) -> Iterator[str]:
    name = f"t_{uuid.uuid4().hex[:8]}"
    pg_module_target.run(
        f"CREATE TABLE public.{name} (id int PRIMARY KEY, body text)",
        f"ALTER TABLE {name} OWNER TO {pg_module_target.user}",
    )
    yield name
    pg_module_target.run(f"DROP TABLE IF EXISTS public.{name}")


@pytest.fixture
def app_name() -> str:
    return f"vd-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def session(pg_module_target: DbTarget, app_name: str) -> Iterator[PostgresSession]:
    opened = PostgresAdapter().connect(pg_module_target.params(application_name=app_name))
    yield opened
    opened.close()


def all_rows(session: PostgresSession, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    cursor = session.execute(sql, params)
    try:
        return cursor.fetch(10_000)
    finally:
        cursor.close()


def test_rows_come_in_pages_from_a_server_side_cursor(
    session: PostgresSession, pg_module_target: DbTarget, app_name: str
) -> None:
    cursor = session.execute("SELECT n, n * 2 AS twice FROM generate_series(1, 2500) AS n")
    assert [c.name for c in cursor.columns] == ["n", "twice"]
    assert [c.type_name for c in cursor.columns] == ["int4", "int4"]
    first = cursor.fetch(1000)
    assert first[0] == (1, 2) and len(first) == 1000
    # The server holds the rest: our backend's last statement was a FETCH of 1000 rows from a named cursor.
    last = pg_module_target.rows(f"SELECT state, query FROM pg_stat_activity WHERE application_name = '{app_name}'")
    assert last[0][0] == "idle in transaction"
    assert last[0][1].startswith("FETCH FORWARD 1000 FROM")
    assert len(cursor.fetch(1000)) == 1000
    rest = cursor.fetch(1000)
    assert len(rest) == 500 and rest[-1] == (2500, 5000)
    assert cursor.fetch(1000) == []
    cursor.close()
    cursor.close()  # idempotent
    after = pg_module_target.rows(f"SELECT state FROM pg_stat_activity WHERE application_name = '{app_name}'")
    assert after == [("idle",)]  # the transaction ended with the cursor


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO {t} VALUES (1, 'x')",
        "UPDATE {t} SET body = 'y'",
        "WITH added AS (INSERT INTO {t} VALUES (2, 'z') RETURNING id) SELECT * FROM added",
        "CREATE TABLE {t}_copy (a int)",
        "DROP TABLE {t}",
    ],
)
def test_a_read_only_run_cannot_write(
    session: PostgresSession, pg_module_target: DbTarget, table: str, statement: str
) -> None:
    with pytest.raises(ReadOnlyViolationError) as caught:
        cursor = session.execute(statement.format(t=table))
        cursor.fetch(10)
    assert str(caught.value).startswith("This connection is read-only, so the server refused to write")
    assert caught.value.code == "25006"
    assert pg_module_target.rows(f"SELECT count(*) FROM {table}") == [(0,)]
    assert all_rows(session, "SELECT 1") == [(1,)]  # still usable


def test_a_write_is_committed_when_its_cursor_closes(
    session: PostgresSession, pg_module_target: DbTarget, table: str
) -> None:
    cursor = session.execute(f"INSERT INTO {table} VALUES (%s, %s), (%s, %s)", [1, "a", 2, "b"], read_only=False)
    assert cursor.columns == [] and cursor.rowcount == 2 and cursor.status == "INSERT 0 2"
    assert cursor.fetch(10) == []
    assert pg_module_target.rows(f"SELECT count(*) FROM {table}") == [(0,)]  # not yet committed
    cursor.close()
    assert pg_module_target.rows(f"SELECT id, body FROM {table} ORDER BY id") == [(1, "a"), (2, "b")]


def test_insert_returning_gives_its_rows_and_commits(
    session: PostgresSession, pg_module_target: DbTarget, table: str
) -> None:
    cursor = session.execute(f"INSERT INTO {table} VALUES (7, 'seven') RETURNING id, upper(body)", read_only=False)
    assert [c.name for c in cursor.columns] == ["id", "upper"]
    assert cursor.fetch(10) == [(7, "SEVEN")]
    cursor.close()
    assert pg_module_target.rows(f"SELECT body FROM {table}") == [("seven",)]


def test_a_failed_write_is_rolled_back(session: PostgresSession, pg_module_target: DbTarget, table: str) -> None:
    with pytest.raises(QueryError) as caught:
        session.execute(
            f"INSERT INTO {table} SELECT n, 'n' FROM generate_series(1, 5) AS n WHERE 1 / (n - 3) IS NOT NULL",
            read_only=False,
        )
    assert caught.value.code == "22012"
    assert str(caught.value) == "Division by zero."
    assert pg_module_target.rows(f"SELECT count(*) FROM {table}") == [(0,)]
    assert all_rows(session, "SELECT 2") == [(2,)]


def test_errors_name_the_line_and_column_of_the_statement(session: PostgresSession) -> None:
    with pytest.raises(QueryError) as caught:
        session.execute("SELECT 1,\n  nosuch_column\nFROM pg_class")
    error = caught.value
    assert (error.line, error.column, error.code) == (2, 3, "42703")
    assert str(error) == 'Column "nosuch_column" does not exist (line 2, column 3).'
    assert error.server_message.startswith('column "nosuch_column" does not exist')

    with pytest.raises(QueryError) as caught:
        session.execute("SELECT %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,\n  bad_name", list(range(11)))
    assert (caught.value.line, caught.value.column) == (2, 3)

    with pytest.raises(QueryError) as caught:
        session.execute("SELEKT 1")
    assert (caught.value.line, caught.value.column, caught.value.code) == (1, 1, "42601")


def test_parameters_stay_data(session: PostgresSession, pg_module_target: DbTarget, table: str) -> None:
    attack = "x'); DROP TABLE " + table + "; --"
    cursor = session.execute(f"INSERT INTO {table} VALUES (%s, %s)", [1, attack], read_only=False)
    cursor.close()
    assert all_rows(session, f"SELECT body FROM {table} WHERE body = %s", [attack]) == [(attack,)]
    assert all_rows(session, "SELECT %s::text", ["1; DELETE FROM " + table]) == [("1; DELETE FROM " + table,)]
    assert pg_module_target.rows(f"SELECT count(*) FROM {table}") == [(1,)]


def test_percent_signs_need_no_escaping_without_parameters(session: PostgresSession) -> None:
    assert all_rows(session, "SELECT '100%' AS a, '{x}' AS b") == [("100%", "{x}")]
    assert all_rows(session, "SELECT '100%%' AS a, %s AS b", ["y"]) == [("100%", "y")]


def test_the_time_limit_is_enforced_by_the_server(session: PostgresSession) -> None:
    cursor = session.execute("SELECT pg_sleep(10)", timeout_s=0.2)
    with pytest.raises(QueryTimeoutError) as caught:
        cursor.fetch(1)
    assert str(caught.value) == "The statement ran longer than its time limit of 0.2 s and the server stopped it."
    assert all_rows(session, "SELECT pg_sleep(0.3), 3")[0][1] == 3  # the limit was for that statement only


def running(target: DbTarget, app_name: str) -> bool:
    rows = target.rows(f"SELECT 1 FROM pg_stat_activity WHERE application_name = '{app_name}' AND state = 'active'")
    return bool(rows)


def test_cancel_from_another_thread_stops_the_statement(
    session: PostgresSession, pg_module_target: DbTarget, app_name: str
) -> None:
    cursor = session.execute("SELECT pg_sleep(30)")
    watcher = when(lambda: running(pg_module_target, app_name), session.cancel)
    with pytest.raises(QueryCancelledError, match="The statement was cancelled"):
        cursor.fetch(1)
    watcher.join()
    cursor.close()
    assert all_rows(session, "SELECT 1") == [(1,)]


def test_cancel_between_pages_ends_the_result(session: PostgresSession) -> None:
    cursor = session.execute("SELECT n FROM generate_series(1, 100) AS n")
    assert len(cursor.fetch(10)) == 10
    session.cancel()
    with pytest.raises(QueryCancelledError):
        cursor.fetch(10)
    assert cursor.fetch(10) == []
    assert all_rows(session, "SELECT 4") == [(4,)]


def test_explain_shows_the_plan_without_running(
    session: PostgresSession, pg_module_target: DbTarget, table: str
) -> None:
    plan = session.explain(f"INSERT INTO {table} VALUES (%s, %s)", [1, "never"])
    assert plan.startswith(f"Insert on {table}")
    assert pg_module_target.rows(f"SELECT count(*) FROM {table}") == [(0,)]
    assert "Index Scan" in session.explain("SELECT * FROM pg_class WHERE oid = %s", [1259])
    with pytest.raises(QueryError) as caught:
        session.explain("SELECT *\nFROM nosuch_table")
    assert (caught.value.line, caught.value.column) == (2, 6)


def test_statements_that_are_not_cursors_still_run(session: PostgresSession, table: str) -> None:
    show = session.execute("SHOW standard_conforming_strings")
    assert show.fetch(5) == [("on",)] and show.status == "SHOW"
    show.close()
    explain = session.execute("EXPLAIN SELECT 1")
    assert explain.fetch(5)[0][0].startswith("Result")
    explain.close()
    assert all_rows(session, "VALUES (1, 'a'), (2, 'b')") == [(1, "a"), (2, "b")]
    ddl = session.execute(f"ALTER TABLE {table} ADD COLUMN extra int", read_only=False)
    assert ddl.columns == [] and ddl.status == "ALTER TABLE"
    ddl.close()
    assert [c.name for c in session.describe("public", table).columns] == ["id", "body", "extra"]


def test_a_new_statement_ends_the_previous_one(session: PostgresSession) -> None:
    first = session.execute("SELECT n FROM generate_series(1, 10) AS n")
    assert len(first.fetch(3)) == 3
    second = session.execute("SELECT 'second'")
    assert first.fetch(3) == []
    assert second.fetch(3) == [("second",)]
    second.close()


def test_browse_quotes_schema_and_table_names(session: PostgresSession, pg_module_target: DbTarget) -> None:
    pg_module_target.run(
        f'CREATE SCHEMA "My Schema" AUTHORIZATION {pg_module_target.user}',
        'CREATE TABLE "My Schema"."odd ""name""" (n int)',
        f'ALTER TABLE "My Schema"."odd ""name""" OWNER TO {pg_module_target.user}',
        'INSERT INTO "My Schema"."odd ""name""" SELECT generate_series(1, 30)',
    )
    try:
        cursor = session.browse("My Schema", 'odd "name"', limit=25)
        assert [c.name for c in cursor.columns] == ["n"]
        assert len(cursor.fetch(100)) == 25
        cursor.close()
        with pytest.raises(QueryError, match="does not exist"):
            session.browse("My Schema", "missing")
    finally:
        pg_module_target.run('DROP SCHEMA "My Schema" CASCADE')


# COPY (query) TO STDOUT (the command line's --format text), read from libpq row by row (adapters/pg_copy.py).
COPY = {"csv": False, "null": "NULL", "header": False, "read_only": True, "timeout_s": None}


def copied(session: PostgresSession, sql: str, **options: object) -> tuple[int, bytes, list[int]]:
    chunks: list[bytes] = []
    rows = session.copy_out(sql, lambda chunk: chunks.append(bytes(chunk)), **{**COPY, **options})
    return rows, b"".join(chunks), [len(chunk) for chunk in chunks]


def still_usable(session: PostgresSession) -> bool:
    return copied(session, "SELECT 7")[1] == b"7\n"


def test_many_rows_arrive_whole_in_64_kb_writes_as_psql_prints_them(
    session: PostgresSession, pg_module_target: DbTarget
) -> None:
    sql = "SELECT n, md5(n::text), NULLIF(n % 3, 0), E'a\\tb' FROM generate_series(1, 50000) AS n"
    rows, data, sizes = copied(session, sql)
    psql = subprocess.run(
        ["psql", "-X", "-h", pg_module_target.host, "-p", str(pg_module_target.port), "-U", "postgres", "-d",
         pg_module_target.database, "-c", f"COPY ({sql}) TO STDOUT WITH (NULL 'NULL')"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    assert rows == 50000
    assert data == psql
    assert len(sizes) > 20 and all(size >= 65536 for size in sizes[:-1])  # 64 kB pieces (whole rows), then the rest


def test_an_error_half_way_is_the_servers_and_the_session_goes_on(session: PostgresSession) -> None:
    chunks: list[bytes] = []
    with pytest.raises(QueryError, match="Division by zero"):
        session.copy_out(
            "SELECT 1 / (n - 40000) FROM generate_series(1, 50000) AS n", lambda c: chunks.append(bytes(c)), **COPY
        )
    assert sum(len(c) for c in chunks) > 0  # rows had been written before the server failed
    assert still_usable(session)


def test_the_time_limit_stops_a_copy(session: PostgresSession) -> None:
    with pytest.raises(QueryTimeoutError):
        copied(session, "SELECT pg_sleep(10)", timeout_s=0.2)
    assert still_usable(session)


def test_a_cancel_from_another_thread_stops_a_waiting_copy(
    session: PostgresSession, pg_module_target: DbTarget, app_name: str
) -> None:
    watcher = when(lambda: running(pg_module_target, app_name), session.cancel)
    with pytest.raises(QueryCancelledError):
        copied(session, "SELECT n, pg_sleep(30) FROM generate_series(1, 2) AS n")
    watcher.join()
    assert still_usable(session)


def test_a_reader_that_stops_ends_the_copy_on_the_server(session: PostgresSession) -> None:
    def closed_pipe(_chunk: object) -> None:
        raise BrokenPipeError

    with pytest.raises(BrokenPipeError):
        session.copy_out("SELECT n FROM generate_series(1, 2000000) AS n", closed_pipe, **COPY)
    assert still_usable(session)
