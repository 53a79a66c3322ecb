"""Rows as text, a page at a time: TSV and JSON Lines for `vector-desktop db query`, CSV and JSON Lines for the
export job. Values go through domain/db_values (whole values, never cut; NULL apart from the empty string).

A TSV page is one %-format of all its values: pages of text and whole numbers (the common case) are written
without a Python call per value, which keeps `db query` of a million rows close to `psql -At`.
"""

from __future__ import annotations

import csv
import enum
import functools
import itertools
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, TextIO

from vector_desktop.domain.db_values import csv_text, decimal_text, json_value

TSV_NULL = "NULL"
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_PLAIN = frozenset({str, int})  # `%s` of these is exactly their csv_text
_PLAIN_OR_NULL = _PLAIN | {type(None)}
_DECIMAL_OR_NULL = frozenset({Decimal, type(None)})
_JSON_NATIVE = frozenset({str, int, type(None)})


class ExportFormat(enum.StrEnum):
    CSV = "csv"
    JSONL = "jsonl"

    @property
    def suffix(self) -> str:
        return ".csv" if self is ExportFormat.CSV else ".jsonl"


def unique_names(names: Sequence[str]) -> list[str]:
    """Column names as JSON keys: a repeated name gets _2, _3... (SELECT 1 AS a, 2 AS a)."""
    seen: dict[str, int] = {}
    unique = []
    taken = set(names)
    for name in names:
        count = seen.get(name, 0) + 1
        seen[name] = count
        if count == 1:
            unique.append(name)
            continue
        candidate = f"{name}_{count}"
        while candidate in taken:
            count += 1
            candidate = f"{name}_{count}"
        taken.add(candidate)
        unique.append(candidate)
    return unique


def _tsv_field(value: Any, null: str) -> str:
    if value is None:
        return null
    return csv_text(value).translate(_TSV_ESCAPES)


def _plain_column(column: tuple[Any, ...], null: str) -> Sequence[Any]:
    kinds = set(map(type, column))
    if kinds <= _PLAIN:
        return column
    if kinds <= _PLAIN_OR_NULL:
        return [null if value is None else value for value in column]
    text = decimal_text if kinds <= _DECIMAL_OR_NULL else csv_text  # numeric columns: skip csv_text's type tests
    # Not escaped here: a value that needs it fails the page's check and the page is written again with escapes.
    return [null if value is None else value if type(value) in _PLAIN else text(value) for value in column]


@functools.lru_cache(maxsize=64)
def _page_template(width: int, count: int) -> str:
    return ("\t".join(["%s"] * width) + "\n") * count


def tsv_page(rows: Sequence[Sequence[Any]], null: str = TSV_NULL) -> str:
    """Tab-separated lines, each ending in a newline. Tabs, newlines, carriage returns and backslashes inside a
    value are written \\t \\n \\r \\\\ (so one row stays one line); NULL is `null`; bytes are \\x hex.

    The whole page is one %-format of its values: text and whole numbers go in as they are (str() of both is what
    csv_text gives), other values are converted first. A value holding a tab, newline or backslash shows in the
    counts of the result, and only then is the page written again value by value with escapes."""
    if not rows:
        return ""
    width = len(rows[0])
    if width == 0:
        return "\n" * len(rows)
    values = tuple(itertools.chain.from_iterable(rows))
    if not set(map(type, values)) <= _PLAIN:
        columns = [_plain_column(column, null) for column in zip(*rows, strict=True)]
        values = tuple(itertools.chain.from_iterable(zip(*columns, strict=True)))
    text = _page_template(width, len(rows)) % values
    if (
        text.count("\t") == len(rows) * (width - 1)
        and text.count("\n") == len(rows)
        and "\\" not in text
        and "\r" not in text
    ):
        return text
    return _page_template(width, len(rows)) % tuple([_tsv_field(v, null) for v in itertools.chain.from_iterable(rows)])


def tsv_header(names: Sequence[str]) -> str:
    return "\t".join(name.translate(_TSV_ESCAPES) for name in names) + "\n"


def _json_column(column: tuple[Any, ...]) -> Iterable[Any]:
    if set(map(type, column)) <= _JSON_NATIVE:
        return column
    return [json_value(value) for value in column]


def jsonl_page(rows: Sequence[Sequence[Any]], names: Sequence[str]) -> str:
    """One JSON object per line (keys from `unique_names`), emoji and accents as they are."""
    if not rows:
        return ""
    columns = list(zip(*rows, strict=True))
    if not columns:
        return "{}\n" * len(rows)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    objects = (dict(zip(names, values, strict=True)) for values in zip(*map(_json_column, columns), strict=True))
    return "\n".join(map(dumps, objects)) + "\n"


class CsvWriter:
    """RFC 4180 CSV with a header line; NULL is an empty field."""

    def __init__(self, stream: TextIO, names: Sequence[str]) -> None:
        self._writer = csv.writer(stream, lineterminator="\r\n")
        self._writer.writerow(names)

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        self._writer.writerows([[csv_text(value) for value in row] for row in rows])


class JsonLinesWriter:
    def __init__(self, stream: TextIO, names: Sequence[str]) -> None:
        self._stream = stream
        self._names = unique_names(names)

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        self._stream.write(jsonl_page(rows, self._names))


def make_writer(fmt: ExportFormat, stream: TextIO, names: Sequence[str]) -> CsvWriter | JsonLinesWriter:
    return CsvWriter(stream, names) if fmt is ExportFormat.CSV else JsonLinesWriter(stream, names)
