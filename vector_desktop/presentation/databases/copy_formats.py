"""Selected cells of a result as text for the clipboard: TSV (spreadsheets), CSV (RFC 4180) or a Markdown table.

Cells come as text already (the result model turns values into text), with None for SQL NULL: CSV writes NULL as an
empty unquoted field and an empty string as `""` (PostgreSQL's COPY convention), TSV writes NULL as an empty field,
Markdown as an italic NULL. Pure Python: no Qt."""

from __future__ import annotations

import csv
import enum
import io
import re
from collections.abc import Iterable, Sequence

Cell = str | None
_LINE_BREAKS = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")  # what str.splitlines breaks on


class CopyFormat(enum.StrEnum):
    TSV = "tsv"
    CSV = "csv"
    MARKDOWN = "markdown"


def selection_grid(cells: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The rows and columns, in order, that a (possibly ragged) selection of (row, column) cells spans."""
    rows: set[int] = set()
    columns: set[int] = set()
    for row, column in cells:
        rows.add(row)
        columns.add(column)
    return sorted(rows), sorted(columns)


def as_tsv(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """Tab-separated lines with a header line; tabs and line breaks inside a value become spaces."""

    def clean(cell: Cell) -> str:
        if cell is None:
            return ""
        return cell.replace("\r\n", " ").replace("\t", " ").replace("\n", " ").replace("\r", " ")

    lines = ["\t".join(clean(header) for header in headers)]
    lines.extend("\t".join(clean(cell) for cell in row) for row in rows)
    return "\n".join(lines) + "\n"


class _NullAwareWriter:
    """csv.writer quotes every empty string or none of them; this keeps NULL unquoted and "" quoted."""

    def __init__(self, out: io.StringIO) -> None:
        self._out = out
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def write(self, row: Sequence[Cell]) -> None:
        fields: list[str] = []
        for cell in row:
            if cell is None:
                fields.append("")
            elif cell == "":
                fields.append('""')
            else:
                self._buffer.seek(0)
                self._buffer.truncate()
                self._writer.writerow([cell])
                fields.append(self._buffer.getvalue()[:-2])
        self._out.write(",".join(fields) + "\r\n")


def as_csv(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    out = io.StringIO()
    writer = _NullAwareWriter(out)
    writer.write(list(headers))
    for row in rows:
        writer.write(row)
    return out.getvalue()


def _markdown_cell(cell: Cell) -> str:
    if cell is None:
        return "*NULL*"
    text = cell.replace("\\", "\\\\").replace("|", "\\|")
    return _LINE_BREAKS.sub("<br>", text)


def as_markdown(
    headers: Sequence[str], rows: Iterable[Sequence[Cell]], right_aligned: Sequence[bool] | None = None
) -> str:
    """A GitHub-flavoured Markdown table; `right_aligned` marks number columns."""
    aligned = list(right_aligned or [False] * len(headers))
    aligned += [False] * (len(headers) - len(aligned))
    lines = [
        "| " + " | ".join(_markdown_cell(header) or " " for header in headers) + " |",
        "| " + " | ".join("---:" if right else "---" for right in aligned[: len(headers)]) + " |",
    ]
    lines.extend("| " + " | ".join(_markdown_cell(cell) for cell in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def format_cells(
    copy_format: CopyFormat,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    right_aligned: Sequence[bool] | None = None,
) -> str:
    if copy_format is CopyFormat.CSV:
        return as_csv(headers, rows)
    if copy_format is CopyFormat.MARKDOWN:
        return as_markdown(headers, rows, right_aligned)
    return as_tsv(headers, rows)
