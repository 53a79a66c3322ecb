"""Statements through the MySQL adapter against the machine's MariaDB: unbuffered pages, read-only enforced by
the server (DDL included), commit on close, errors placed in the statement, parameters that stay data, time
limits, cancel with KILL QUERY from another thread, early close of a large result, and EXPLAIN."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.integration.databases.waiting import when
from tests.support.fixtures_databases import DbTarget
from vector_desktop.adapters.mysql import MySqlAdapter, MySqlSession
from vector_desktop.domain.databases import (
    QueryCancelledError,
    QueryError,
    QueryTimeoutError,
    ReadOnlyViolationError,
    ServerUnreachableError,
)


@pytest.fixture
def table(mysql_module_target: DbTarget) -> Iterator[str]:
    name = f"t_{uuid.uuid4().hex[:8]}"
    mysql_module_target.run(f"CREATE TABLE {name} (id int PRIMARY KEY, body varchar(200)) ENGINE=InnoDB")
    yield name
    mysql_module_target.run(f"DROP TABLE IF EXISTS {name}")


@pytest.fixture
def session(mysql_module_target: DbTarget) -> Iterator[MySqlSession]:
    opened = MySqlAdapter().connect(mysql_module_target.params())
    yield opened
    opened.close()


def all_rows(session: MySqlSession, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    cursor = session.execute(sql, params)
    try:
        return cursor.fetch(10_000)
    finally:
        cursor.close()


def count(target: DbTarget, table: str) -> int:
    return int(target.rows(f"SELECT count(*) FROM {table}")[0][0])


def test_rows_come_in_pages(session: MySqlSession) -> None:
    cursor = session.execute("SELECT seq, seq * 2 AS twice FROM seq_1_to_2500")
    assert [c.name for c in cursor.columns] == ["seq", "twice"]
    assert len(cursor.fetch(1000)) == 1000
    assert len(cursor.fetch(1000)) == 1000
    rest = cursor.fetch(1000)
    assert len(rest) == 500 and rest[-1] == (2500, 5000)
    assert cursor.fetch(1000) == []
    cursor.close()
    cursor.close()


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO {t} VALUES (1, 'x')",
        "UPDATE {t} SET body = 'y'",
        "DELETE FROM {t}",
        "CREATE TABLE {t}_copy (a int)",
        "TRUNCATE TABLE {t}",
        "DROP TABLE {t}",
    ],
)
def test_a_read_only_run_cannot_write(
    session: MySqlSession, mysql_module_target: DbTarget, table: str, statement: str
) -> None:
    mysql_module_target.run(f"INSERT INTO {table} VALUES (100, 'kept')")
    with pytest.raises(ReadOnlyViolationError) as caught:
        session.execute(statement.format(t=table)).fetch(10)
    assert str(caught.value).startswith("This connection is read-only, so the server refused to write")
    assert caught.value.code == "1792"
    assert mysql_module_target.rows(f"SELECT id, body FROM {table}") == [(100, "kept")]
    assert not mysql_module_target.rows(f"SHOW TABLES LIKE '{table}_copy'")
    assert all_rows(session, "SELECT 1") == [(1,)]


def test_a_write_is_committed_when_its_cursor_closes(
    session: MySqlSession, mysql_module_target: DbTarget, table: str
) -> None:
    cursor = session.execute(f"INSERT INTO {table} VALUES (%s, %s), (%s, %s)", [1, "a", 2, "b"], read_only=False)
    assert cursor.columns == [] and cursor.rowcount == 2 and cursor.status == "2 rows affected"
    assert count(mysql_module_target, table) == 0  # not yet committed
    cursor.close()
    assert mysql_module_target.rows(f"SELECT id, body FROM {table} ORDER BY id") == [(1, "a"), (2, "b")]
    # The session's characteristic follows each run: the next read-only one refuses writes again.
    with pytest.raises(ReadOnlyViolationError):
        session.execute(f"INSERT INTO {table} VALUES (3, 'c')")


def test_a_failed_write_is_rolled_back(session: MySqlSession, mysql_module_target: DbTarget, table: str) -> None:
    first = session.execute(f"INSERT INTO {table} VALUES (1, 'a')", read_only=False)
    first.close()
    with pytest.raises(QueryError) as caught:
        session.execute(f"INSERT INTO {table} VALUES (2, 'b'), (1, 'again')", read_only=False)
    assert caught.value.code == "1062"
    assert "Duplicate entry" in str(caught.value)
    assert mysql_module_target.rows(f"SELECT id FROM {table}") == [(1,)]


def test_errors_name_the_line_and_column_of_the_statement(session: MySqlSession) -> None:
    with pytest.raises(QueryError) as caught:
        session.execute("SELECT 1,\n  FROM dual")
    error = caught.value
    assert (error.line, error.column, error.code) == (2, 3, "1064")
    assert str(error) == "Syntax error near 'FROM dual' (line 2, column 3)."
    assert error.server_message.startswith("You have an error in your SQL syntax")
    with pytest.raises(QueryError) as caught:
        session.execute("SELECT * FROM no_such_table")
    assert caught.value.code == "1146" and "doesn't exist" in str(caught.value)


def test_parameters_stay_data(session: MySqlSession, mysql_module_target: DbTarget, table: str) -> None:
    attack = "x'); DROP TABLE " + table + "; -- \\' \" %s"
    cursor = session.execute(f"INSERT INTO {table} VALUES (%s, %s)", [1, attack], read_only=False)
    cursor.close()
    assert all_rows(session, f"SELECT body FROM {table} WHERE body = %s", [attack]) == [(attack,)]
    assert count(mysql_module_target, table) == 1


def test_percent_signs_and_placeholders(session: MySqlSession) -> None:
    assert all_rows(session, "SELECT '100%' AS a") == [("100%",)]
    assert all_rows(session, "SELECT '100%%' AS a, %s AS b", ["y"]) == [("100%", "y")]
    with pytest.raises(QueryError, match="placeholders do not match the 1 values given"):
        session.execute("SELECT %s, %s", ["only one"])
    assert all_rows(session, "SELECT 5") == [(5,)]


def test_the_time_limit_is_enforced_by_the_server(session: MySqlSession) -> None:
    with pytest.raises(QueryTimeoutError) as caught:
        session.execute("SELECT SLEEP(10)", timeout_s=0.2).fetch(1)
    assert str(caught.value) == "The statement ran longer than its time limit of 0.2 s and the server stopped it."
    assert caught.value.code == "1969"  # MariaDB's max_statement_time
    assert all_rows(session, "SELECT SLEEP(0.3), 3") == [(0, 3)]  # that limit was for that statement only


def sleeping(target: DbTarget) -> bool:
    rows = target.rows(
        "SELECT 1 FROM information_schema.PROCESSLIST WHERE INFO = 'SELECT SLEEP(30)' AND COMMAND = 'Query'"
    )
    return bool(rows)


def test_cancel_from_another_thread_stops_the_statement(session: MySqlSession, mysql_module_target: DbTarget) -> None:
    watcher = when(lambda: sleeping(mysql_module_target), session.cancel)
    with pytest.raises(QueryCancelledError, match="The statement was cancelled"):
        session.execute("SELECT SLEEP(30)").fetch(1)
    watcher.join()
    assert all_rows(session, "SELECT 1") == [(1,)]


def test_cancel_between_pages_ends_the_result(session: MySqlSession) -> None:
    cursor = session.execute("SELECT seq FROM seq_1_to_100000")
    assert len(cursor.fetch(10)) == 10
    session.cancel()
    with pytest.raises(QueryCancelledError):
        cursor.fetch(10)
    assert cursor.fetch(10) == []
    assert all_rows(session, "SELECT 4") == [(4,)]


def test_closing_a_large_result_early_leaves_the_session_usable(session: MySqlSession) -> None:
    session.execute("SET @kept = 'session state survives'").close()
    cursor = session.execute("SELECT seq FROM seq_1_to_2000000")
    assert len(cursor.fetch(500)) == 500
    cursor.close()
    assert all_rows(session, "SELECT @kept") == [("session state survives",)]


def test_explain_shows_the_plan_without_running(
    session: MySqlSession, mysql_module_target: DbTarget, table: str
) -> None:
    mysql_module_target.run(f"INSERT INTO {table} SELECT seq, 'x' FROM seq_1_to_20")
    plan = session.explain(f"SELECT * FROM {table} WHERE body = %s", ["x"])
    lines = plan.splitlines()
    assert lines[0].startswith("id | select_type | table")
    assert table in lines[2]
    # EXPLAIN runs in a read-only transaction, where MariaDB refuses even to plan a write.
    with pytest.raises(ReadOnlyViolationError):
        session.explain(f"INSERT INTO {table} VALUES (%s, %s)", [99, "never"])
    assert count(mysql_module_target, table) == 20


def test_statements_that_return_no_rows_or_other_rows(session: MySqlSession, table: str) -> None:
    assert all_rows(session, f"SHOW COLUMNS FROM {table}")[0][0] == "id"
    ddl = session.execute(f"ALTER TABLE {table} ADD COLUMN extra int", read_only=False)
    assert ddl.columns == [] and ddl.status == "0 rows affected"
    ddl.close()
    assert [c.name for c in session.describe(session.database, table).columns] == ["id", "body", "extra"]


def test_browse_quotes_names(session: MySqlSession, mysql_module_target: DbTarget) -> None:
    mysql_module_target.run(
        "CREATE TABLE `odd ``name``` (n int)", "INSERT INTO `odd ``name``` SELECT seq FROM seq_1_to_30"
    )
    try:
        cursor = session.browse(mysql_module_target.database, "odd `name`", limit=25)
        assert len(cursor.fetch(100)) == 25
        cursor.close()
    finally:
        mysql_module_target.run("DROP TABLE `odd ``name```")


def test_a_session_connects_again_after_the_server_ended_it(
    session: MySqlSession, mysql_module_target: DbTarget
) -> None:
    assert all_rows(session, "SELECT 1") == [(1,)]
    for (thread_id,) in mysql_module_target.rows(
        f"SELECT ID FROM information_schema.PROCESSLIST WHERE USER = '{mysql_module_target.user}'"
    ):
        mysql_module_target.run(f"KILL {int(thread_id)}")
    with pytest.raises(ServerUnreachableError, match="The connection to the server was lost"):
        session.execute("SELECT 1")
    assert all_rows(session, "SELECT 2") == [(2,)]
