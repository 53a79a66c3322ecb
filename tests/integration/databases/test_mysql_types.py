"""MySQL / MariaDB types written through the adapter with bound parameters, read back as Python values and shown
faithfully: DECIMAL exact, JSON parsed (MariaDB's JSON is LONGTEXT with a json_valid check), DATETIME with
fractions, BLOB bytes, ENUM and SET as text, utf8mb4 emoji, NULL apart from ''."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from tests.support.fixtures_databases import DbTarget
from vector_desktop.adapters.mysql import MySqlAdapter, MySqlSession
from vector_desktop.domain.db_values import display_text, is_null, json_value

COLUMNS = "id, amount, ratio, doc, at, day, clock, blob_value, feeling, tags, note, emoji, flag"


@pytest.fixture(scope="module")
def session(mysql_module_target: DbTarget) -> Iterator[MySqlSession]:
    mysql_module_target.run(
        """CREATE TABLE everything (
            id int PRIMARY KEY, amount decimal(30,10), ratio double, doc json, at datetime(6), day date, clock time,
            blob_value blob, feeling enum('sad','ok','happy'), tags set('red','green','blue'), note varchar(50),
            emoji varchar(50), flag tinyint(1))"""
    )
    opened = MySqlAdapter().connect(mysql_module_target.params())
    yield opened
    opened.close()


def write_and_read(session: MySqlSession, values: list[object]) -> tuple[object, ...]:
    placeholders = ", ".join(["%s"] * len(values))
    session.execute(f"INSERT INTO everything ({COLUMNS}) VALUES ({placeholders})", values, read_only=False).close()
    cursor = session.execute(f"SELECT {COLUMNS} FROM everything WHERE id = %s", [values[0]])
    rows = cursor.fetch(2)
    cursor.close()
    assert len(rows) == 1
    return rows[0]


def test_values_come_back_as_they_went_in(session: MySqlSession) -> None:
    got = write_and_read(
        session,
        [
            1,
            Decimal("12345678901234567890.0123456789"),
            0.1,
            '{"name": "café ☕", "n": [1, 2.5, null]}',
            datetime(2024, 5, 1, 12, 30, 15, 250000),
            date(2024, 2, 29),
            timedelta(hours=26, minutes=3),
            b"\x00\x01\xfe\xff" * 10,
            "happy",
            "red,blue",
            "",
            "😀 family 👨‍👩‍👧",
            1,
        ],
    )
    assert got[1] == Decimal("12345678901234567890.0123456789") and isinstance(got[1], Decimal)
    assert got[2] == 0.1
    assert got[3] == {"name": "café ☕", "n": [1, 2.5, None]}  # parsed, though MariaDB says LONGTEXT
    assert got[4] == datetime(2024, 5, 1, 12, 30, 15, 250000)
    assert got[5] == date(2024, 2, 29)
    assert got[6] == timedelta(hours=26, minutes=3)
    assert got[7] == b"\x00\x01\xfe\xff" * 10
    assert got[8] == "happy" and got[9] == "red,blue"
    assert got[10] == "" and not is_null(got[10])
    assert got[11] == "😀 family 👨‍👩‍👧"
    assert got[12] == 1
    assert display_text(got[1]) == "12345678901234567890.0123456789"
    assert display_text(got[3]) == '{"name":"café ☕","n":[1,2.5,null]}'
    assert display_text(got[4]) == "2024-05-01 12:30:15.250000"
    assert display_text(got[6]) == "1 day 02:03:00"
    assert display_text(got[7]).startswith("<40 bytes> 0001feff")
    assert json_value(got[1]) == "12345678901234567890.0123456789"


def test_null_and_the_empty_string_stay_apart(session: MySqlSession) -> None:
    got = write_and_read(session, [2, *([None] * 9), "", None, None])
    assert got[1:10] == (None,) * 9
    assert got[10] == "" and got[11] is None
    assert [display_text(got[10]), display_text(got[11])] == ["", "NULL"]


def test_json_columns_of_a_table_made_in_the_same_session(session: MySqlSession) -> None:
    session.execute("CREATE TABLE later_json (id int PRIMARY KEY, body json, plain longtext)", read_only=False).close()
    session.execute(
        "INSERT INTO later_json VALUES (1, %s, %s)", ['{"a": 1}', '{"not": "parsed"}'], read_only=False
    ).close()
    cursor = session.execute("SELECT body, plain FROM later_json")
    assert [c.type_name for c in cursor.columns] == ["JSON", "BLOB"]
    assert cursor.fetch(5) == [({"a": 1}, '{"not": "parsed"}')]  # only the column declared json is parsed
    cursor.close()


def test_column_types_as_the_driver_names_them(session: MySqlSession) -> None:
    cursor = session.execute("SELECT amount, ratio, at, day, blob_value, note FROM everything LIMIT 0")
    assert [c.type_name for c in cursor.columns] == ["NEWDECIMAL", "DOUBLE", "DATETIME", "DATE", "BLOB", "VAR_STRING"]
    assert cursor.fetch(5) == []
    cursor.close()
