"""Copying result cells: TSV for spreadsheets, CSV that reads back to the same values (NULL apart from ""), and a
Markdown table that survives pipes and line breaks."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from vector_desktop.presentation.databases.copy_formats import (
    CopyFormat,
    as_csv,
    as_markdown,
    as_tsv,
    format_cells,
    selection_grid,
)

HEADERS = ["id", "name", "note"]
ROWS = [["1", "Ada", None], ["2", "", "tab\there\nand a line"]]


def test_tsv_has_a_header_and_flattens_tabs_and_line_breaks() -> None:
    assert as_tsv(HEADERS, ROWS) == "id\tname\tnote\n1\tAda\t\n2\t\ttab here and a line\n"


def test_csv_keeps_null_unquoted_and_the_empty_string_quoted() -> None:
    text = as_csv(HEADERS, ROWS)
    assert text == 'id,name,note\r\n1,Ada,\r\n2,"","tab\there\nand a line"\r\n'


def test_markdown_table_escapes_pipes_and_aligns_numbers_right() -> None:
    text = as_markdown(["n", "text"], [["12", "a|b"], ["3", None], ["4", "two\nlines"]], [True, False])
    assert text.splitlines() == [
        "| n | text |",
        "| ---: | --- |",
        "| 12 | a\\|b |",
        "| 3 | *NULL* |",
        "| 4 | two<br>lines |",
    ]


def test_format_cells_picks_the_format() -> None:
    assert format_cells(CopyFormat.TSV, ["a"], [["x"]]) == "a\nx\n"
    assert format_cells(CopyFormat.CSV, ["a"], [["x,y"]]) == 'a\r\n"x,y"\r\n'
    assert format_cells(CopyFormat.MARKDOWN, ["a"], [["x"]]).startswith("| a |")


def test_a_ragged_selection_spans_its_rows_and_columns() -> None:
    assert selection_grid([(3, 2), (1, 0), (3, 0), (1, 2)]) == ([1, 3], [0, 2])
    assert selection_grid([]) == ([], [])


_CELL = st.one_of(st.none(), st.text(max_size=12))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=3, max_size=3), max_size=6))
def test_csv_reads_back_to_the_same_values(rows: list[list[str | None]]) -> None:
    text = as_csv(HEADERS, rows)
    read = list(csv.reader(io.StringIO(text, newline="")))
    assert read[0] == HEADERS
    assert [[cell for cell in row] for row in read[1:]] == [["" if c is None else c for c in row] for row in rows]
    # NULL is an empty unquoted field, the empty string a quoted one: they stay apart in the text.
    for line_cells in rows:
        if None in line_cells and "" in line_cells:
            assert '""' in text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=2, max_size=2), min_size=1, max_size=6))
def test_markdown_rows_keep_their_column_count(rows: list[list[str | None]]) -> None:
    lines = as_markdown(["a", "b"], rows).splitlines()
    assert len(lines) == len(rows) + 2
    for line in lines:
        unescaped_pipes = line.replace("\\\\", "").replace("\\|", "").count("|")
        assert unescaped_pipes == 3
