"""How database values are shown (grid, command line, AI tools) and written (CSV, JSON): faithful and exact."""

from __future__ import annotations

import enum
import ipaddress
import json
import uuid
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest

from vector_desktop.domain.db_values import (
    BYTES_MARKER,
    NULL_TEXT,
    bytes_preview,
    csv_text,
    display_text,
    interval_text,
    is_null,
    iso_duration,
    json_text,
    json_value,
)


def test_null_is_told_apart_from_the_empty_string() -> None:
    assert display_text(None) == NULL_TEXT == "NULL"
    assert display_text("") == ""
    assert is_null(None) and not is_null("") and not is_null("NULL")
    assert csv_text(None) == "" and csv_text(None, null="\\N") == "\\N"
    assert json_value(None) is None and json_value("") == ""


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("12345678901234567890.123456789"), "12345678901234567890.123456789"),
        (Decimal("1.50"), "1.50"),  # the scale the server sent
        (Decimal("1E-7"), "0.0000001"),
        (Decimal("-0.00"), "-0.00"),
        (Decimal("NaN"), "NaN"),
        (Decimal("-Infinity"), "-Infinity"),
        (0.1, "0.1"),
        (float("inf"), "Infinity"),
        (True, "true"),
        (12, "12"),
    ],
)
def test_numbers_are_exact(value: object, shown: str) -> None:
    assert display_text(value) == shown
    assert csv_text(value) == shown


def test_decimal_goes_to_json_as_an_exact_string() -> None:
    assert json_value(Decimal("0.1")) == "0.1"
    assert json.loads(json_text({"price": Decimal("19.99")})) == {"price": "19.99"}
    assert json_value(float("nan")) == "NaN"
    assert json_value(2.5) == 2.5


def test_times_keep_their_zone() -> None:
    moment = datetime(2024, 5, 1, 12, 30, 0, 123000, tzinfo=timezone(timedelta(hours=2)))
    assert display_text(moment) == "2024-05-01 12:30:00.123000+02:00"
    assert json_value(moment) == "2024-05-01T12:30:00.123000+02:00"
    assert display_text(datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)) == "2024-01-02 03:04:05+00:00"
    assert display_text(datetime(2024, 1, 2, 3, 4, 5)) == "2024-01-02 03:04:05"  # MySQL DATETIME has no zone
    assert display_text(date(2024, 2, 29)) == "2024-02-29"
    assert display_text(time(23, 59, 1)) == "23:59:01"


@pytest.mark.parametrize(
    ("span", "readable", "iso"),
    [
        (timedelta(days=3, hours=4, minutes=5, seconds=6, microseconds=500000), "3 days 04:05:06.5", "P3DT4H5M6.5S"),
        (timedelta(days=1), "1 day", "P1D"),
        (timedelta(0), "00:00:00", "PT0S"),
        (timedelta(hours=-1), "-01:00:00", "-PT1H"),
        (timedelta(minutes=90), "01:30:00", "PT1H30M"),
    ],
)
def test_intervals_are_readable(span: timedelta, readable: str, iso: str) -> None:
    assert interval_text(span) == readable == display_text(span)
    assert iso_duration(span) == iso == json_value(span)


def test_bytes_show_size_and_a_hex_preview_but_are_written_in_full() -> None:
    assert display_text(b"\x0a\x1b\x2c") == "<3 bytes> 0a1b2c"
    assert display_text(b"\x00") == "<1 byte> 00"
    assert display_text(b"") == "<0 bytes>"
    big = bytes(range(40))
    assert bytes_preview(big) == "<40 bytes> " + bytes(range(16)).hex() + "…"
    assert csv_text(big) == "\\x" + big.hex()
    assert json_value(b"\x00\xff") == {BYTES_MARKER: "AP8="}
    assert display_text(memoryview(b"ab")) == "<2 bytes> 6162"


def test_json_arrays_uuid_and_enums() -> None:
    document = {"name": "café ☕", "tags": ["a", "b"], "n": 1.5, "nested": {"k": None}}
    assert display_text(document) == '{"name":"café ☕","tags":["a","b"],"n":1.5,"nested":{"k":null}}'
    assert display_text([1, 2, None]) == "[1,2,null]"
    assert display_text([Decimal("1.10"), datetime(2024, 1, 1, tzinfo=UTC)]) == '["1.10","2024-01-01T00:00:00+00:00"]'
    identifier = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert display_text(identifier) == "12345678-1234-5678-1234-567812345678" == json_value(identifier)

    class Mood(enum.Enum):
        HAPPY = "happy"

    assert display_text(Mood.HAPPY) == "happy" == json_value(Mood.HAPPY)
    assert display_text(ipaddress.ip_address("10.0.0.1")) == "10.0.0.1"
    assert display_text({"b", "a"}) == "a,b"  # a MySQL SET
    assert json_value({"b", "a"}) == ["a", "b"]


def test_long_text_is_cut_without_splitting_an_emoji_sequence() -> None:
    family = "👨\u200d👩\u200d👧"
    assert display_text("x" * 10, max_chars=5) == "xxxx…"
    assert display_text("😀" * 3) == "😀😀😀"
    cut = display_text("ab" + family + "cd", max_chars=5)
    assert cut.endswith("…") and "\u200d" not in cut[-2:]
    assert display_text("e\u0301e\u0301", max_chars=3) == "e\u0301…"  # the accent stays with its letter
    assert display_text("e\u0301e\u0301", max_chars=2) == "…"
    assert display_text("y" * 3000, max_chars=None) == "y" * 3000
    assert csv_text("y" * 3000) == "y" * 3000  # files get everything


def test_csv_text_of_structured_values() -> None:
    assert csv_text({"a": [1, 2]}) == '{"a":[1,2]}'
    assert csv_text(datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)) == "2024-01-02 03:04:05+00:00"
    assert csv_text("tab\tand\nnewline") == "tab\tand\nnewline"  # quoting is the CSV writer's job
    assert csv_text(False) == "false"
