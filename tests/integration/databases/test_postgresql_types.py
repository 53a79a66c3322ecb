"""Every type of the issue written through the PostgreSQL adapter with bound parameters, read back as Python
values, and shown faithfully by domain/db_values."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from tests.support.fixtures_databases import DbTarget
from vector_desktop.adapters.postgresql import PostgresAdapter, PostgresSession
from vector_desktop.domain.db_values import csv_text, display_text, is_null, json_value

ZONE = timezone(timedelta(hours=5, minutes=30))


@pytest.fixture(scope="module")
def session(pg_module_target: DbTarget) -> Iterator[PostgresSession]:
    pg_module_target.run(
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
        f"ALTER TYPE mood OWNER TO {pg_module_target.user}",
        """CREATE TABLE everything (
            id int PRIMARY KEY, amount numeric(30, 10), ratio double precision, doc jsonb, raw json,
            numbers int[], words text[], key uuid, at timestamptz, local_at timestamp, day date, span interval,
            blob bytea, feeling mood, note text, flag boolean)""",
        f"ALTER TABLE everything OWNER TO {pg_module_target.user}",
    )
    opened = PostgresAdapter().connect(pg_module_target.params())
    yield opened
    opened.close()


def write_and_read(session: PostgresSession, values: list[Any]) -> tuple[Any, ...]:
    row_id = values[0]
    columns = "id, amount, ratio, doc, raw, numbers, words, key, at, local_at, day, span, blob, feeling, note, flag"
    placeholders = ", ".join(["%s"] * 16)
    cursor = session.execute(f"INSERT INTO everything ({columns}) VALUES ({placeholders})", values, read_only=False)
    cursor.close()
    cursor = session.execute(f"SELECT {columns} FROM everything WHERE id = %s", [row_id])
    rows = cursor.fetch(2)
    cursor.close()
    assert len(rows) == 1
    return rows[0]


def test_values_come_back_as_they_went_in(session: PostgresSession) -> None:
    from psycopg.types.json import Json

    key = uuid.uuid4()
    at = datetime(2024, 5, 1, 12, 30, 15, 250000, tzinfo=ZONE)
    sent = [
        1,
        Decimal("12345678901234567890.0123456789"),
        0.1,
        Json({"name": "café ☕", "nested": [1, 2.5, None], "big": 12345678901234567890}),
        Json([1, "two"]),
        [1, None, 3],
        ["a", "", None, "😀"],
        key,
        at,
        datetime(2024, 1, 2, 3, 4, 5),
        date(2024, 2, 29),
        timedelta(days=3, hours=4, minutes=5, seconds=6),
        b"\x00\x01\xfe\xff" * 10,
        "happy",
        "",
        True,
    ]
    got = write_and_read(session, sent)
    assert got[1] == Decimal("12345678901234567890.0123456789") and isinstance(got[1], Decimal)
    assert got[2] == 0.1
    assert got[3] == {"name": "café ☕", "nested": [1, 2.5, None], "big": 12345678901234567890}
    assert got[4] == [1, "two"]
    assert got[5] == [1, None, 3]
    assert got[6] == ["a", "", None, "😀"]
    assert got[7] == key
    assert got[8] == at and got[8].utcoffset() is not None  # same instant, with a zone
    assert got[9] == datetime(2024, 1, 2, 3, 4, 5) and got[9].tzinfo is None
    assert got[10] == date(2024, 2, 29)
    assert got[11] == timedelta(days=3, hours=4, minutes=5, seconds=6)
    assert got[12] == b"\x00\x01\xfe\xff" * 10
    assert got[13] == "happy"
    assert got[14] == "" and not is_null(got[14])
    assert got[15] is True

    shown = [display_text(value) for value in got]
    assert shown[1] == "12345678901234567890.0123456789"
    assert shown[3] == '{"big":12345678901234567890,"name":"café ☕","nested":[1,2.5,null]}'
    assert shown[6] == '["a","",null,"😀"]'
    assert shown[11] == "3 days 04:05:06"
    assert shown[12] == "<40 bytes> " + ("0001feff" * 4) + "…"
    assert shown[13] == "happy" and shown[14] == "" and shown[15] == "true"
    assert json_value(got[1]) == "12345678901234567890.0123456789"
    assert csv_text(got[12]) == "\\x" + ("0001feff" * 10)


def test_null_and_the_empty_string_stay_apart(session: PostgresSession) -> None:
    got = write_and_read(session, [2] + [None] * 13 + ["", None])
    assert got[1:14] == (None,) * 13
    assert got[14] == ""
    assert [display_text(got[13]), display_text(got[14])] == ["NULL", ""]


def test_values_python_cannot_hold_keep_the_servers_words(session: PostgresSession) -> None:
    cursor = session.execute(
        "SELECT 'infinity'::timestamptz, '-infinity'::date, '1 year 2 mons 3 days 04:00:00'::interval, "
        "'10:00'::interval, 'NaN'::numeric, '12.50'::money::text, '10.0.0.1/8'::inet"
    )
    row = cursor.fetch(1)[0]
    cursor.close()
    assert row[0] == "infinity" and row[1] == "-infinity"
    assert row[2] == "1 year 2 mons 3 days 04:00:00"  # months have no fixed length
    assert row[3] == timedelta(hours=10)
    assert display_text(row[4]) == "NaN"
    assert row[5] == "$12.50"
    assert display_text(row[6]) == "10.0.0.1/8"


def test_column_types_as_the_server_names_them(session: PostgresSession) -> None:
    cursor = session.execute("SELECT amount, doc, numbers, key, at, span, blob, feeling FROM everything LIMIT 0")
    assert [c.type_name for c in cursor.columns] == [
        "numeric(30,10)",
        "jsonb",
        "int4[]",
        "uuid",
        "timestamptz",
        "interval",
        "bytea",
        "mood",  # psycopg knows an enum only by its oid: the server names it
    ]
    cursor.close()
