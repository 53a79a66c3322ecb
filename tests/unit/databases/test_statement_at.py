"""Finding the statement under the editor's cursor: semicolons inside strings, quoted identifiers, comments and
dollar-quoted bodies never split a statement; the error position maps back into the editor's text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vector_desktop.presentation.databases.statement_at import (
    SqlDialect,
    Statement,
    from_utf16,
    quote_identifier,
    select_all_sql,
    split_statements,
    statement_at,
    statements_in,
    to_utf16,
)

PG = SqlDialect.POSTGRESQL
MY = SqlDialect.MYSQL


def texts(text: str, dialect: SqlDialect = PG) -> list[str]:
    return [statement.text for statement in split_statements(text, dialect)]


def test_plain_statements_split_on_semicolons() -> None:
    assert texts("select 1; select 2;\n\nselect 3") == ["select 1", "select 2", "select 3"]


def test_semicolons_inside_strings_identifiers_and_comments_do_not_split() -> None:
    sql = "select 'a;b', \"odd;name\" from t -- c;d\n where x = 'it''s;'; /* x; /* nested; */ y; */ select 2"
    assert texts(sql) == [
        "select 'a;b', \"odd;name\" from t -- c;d\n where x = 'it''s;'",
        "/* x; /* nested; */ y; */ select 2",
    ]


def test_dollar_quoted_function_body_is_one_statement() -> None:
    sql = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;\nSELECT $$a;b$$, $1;"
    assert texts(sql) == [
        "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql",
        "SELECT $$a;b$$, $1",
    ]


def test_escape_strings_in_postgresql_and_backslashes_in_mysql() -> None:
    assert texts(r"select E'it\'s;' ; select 2") == [r"select E'it\'s;'", "select 2"]
    assert texts(r"select 'it\'s;'; select 2", MY) == [r"select 'it\'s;'", "select 2"]
    # In PostgreSQL a plain string ends at the quote after the backslash.
    assert texts(r"select 'a\'; select 2") == [r"select 'a\'", "select 2"]


def test_mysql_comments_and_backticks() -> None:
    sql = "select `a;b` # no; split\nfrom t; select 1--2;\nselect 3 -- real; comment\n"
    assert texts(sql, MY) == ["select `a;b` # no; split\nfrom t", "select 1--2", "select 3 -- real; comment"]
    # MySQL block comments do not nest.
    assert texts("/* a /* b */ select 1; select 2", MY) == ["/* a /* b */ select 1", "select 2"]


def test_comment_only_and_empty_pieces_are_left_out() -> None:
    assert texts(";;  -- just a note\n; select 1 ; /* end */") == ["select 1"]
    assert split_statements("   \n") == []


def test_unterminated_string_runs_to_the_end() -> None:
    assert texts("select 'abc; select 2") == ["select 'abc; select 2"]


def test_statement_under_the_cursor() -> None:
    sql = "select 1;\nselect 2;\n\nselect 3"
    assert statement_at(sql, 0).text == "select 1"  # type: ignore[union-attr]
    assert statement_at(sql, 9).text == "select 1"  # type: ignore[union-attr]  # right after the semicolon
    assert statement_at(sql, 10).text == "select 2"  # type: ignore[union-attr]
    assert statement_at(sql, 20).text == "select 2"  # type: ignore[union-attr]  # the blank line after it
    assert statement_at(sql, len(sql)).text == "select 3"  # type: ignore[union-attr]
    assert statement_at("\n\n  select 4", 0).text == "select 4"  # type: ignore[union-attr]
    assert statement_at("  -- nothing\n", 3) is None


def test_statements_of_a_selection_keep_their_place_in_the_text() -> None:
    sql = "select 0; select 1; select 2; select 3"
    start = sql.index("select 1")
    end = sql.index("select 3")
    found = statements_in(sql, start, end)
    assert [s.text for s in found] == ["select 1", "select 2"]
    assert all(sql[s.start : s.end] == s.text for s in found)
    assert [s.text for s in statements_in(sql, end + 3, start)] == ["select 1", "select 2", "sel"]


def test_locating_the_servers_error_in_the_editor() -> None:
    sql = "select 1;\nselect *\n  form t;"
    statement = statement_at(sql, 12)
    assert statement is not None and statement.text == "select *\n  form t"
    # PostgreSQL: 1-based character position in the statement.
    where = statement.locate(position=statement.text.index("form") + 1)
    assert where is not None and sql[where:].startswith("form t")
    # MySQL: line 2 of the statement, column 3.
    where = statement.locate(line=2, column=3)
    assert where is not None and sql[where:].startswith("form t")
    assert statement.locate(line=2) is not None and sql[statement.locate(line=2) :].startswith("  form")  # type: ignore[misc]
    assert statement.locate() is None
    assert Statement(5, 6, "x").locate(position=99) == 6


def test_editor_positions_count_utf16_units() -> None:
    text = "select '😀', 'é'; select 2"
    index = text.index("select 2")
    position = to_utf16(text, index)
    assert position == index + 1  # the emoji takes two UTF-16 units
    assert from_utf16(text, position) == index
    assert from_utf16("abc", 10) == 3


def test_identifiers_are_quoted_per_dialect() -> None:
    assert select_all_sql("public", 'we"ird', PG) == 'SELECT * FROM "public"."we""ird";'
    assert select_all_sql("shop", "we`ird", MY) == "SELECT * FROM `shop`.`we``ird`;"
    assert quote_identifier("Order") == '"Order"'


# ------------------------------------------------------------------------------------------------ properties

_WORDS = st.sampled_from(["select", "x", "1", "from", "t", "where", "a", "=", ",", "(", ")", "*", "é", "😀"])
_PG_PIECES = st.one_of(
    _WORDS,
    st.text(alphabet="ab;'$ \n", max_size=6).map(lambda s: "'" + s.replace("'", "''") + "'"),
    st.text(alphabet='ab;" \n', max_size=6).map(lambda s: '"' + s.replace('"', '""') + '"'),
    st.text(alphabet="ab; '\"", max_size=6).map(lambda s: "-- " + s + "\n"),
    st.text(alphabet="ab; '\"\n", max_size=6).map(lambda s: "/* " + s.replace("*/", "") + " */"),
    st.text(alphabet="ab; '\"\n", max_size=6).map(lambda s: "$q$" + s + "$q$"),
)
_MY_PIECES = st.one_of(
    _WORDS,
    st.text(alphabet='ab;" \n', max_size=6).map(lambda s: "'" + s + "'"),
    st.text(alphabet="ab;' \n", max_size=6).map(lambda s: '"' + s + '"'),
    st.text(alphabet="ab; '\"", max_size=6).map(lambda s: "`" + s + "`"),
    st.text(alphabet="ab; '\"", max_size=6).map(lambda s: "# " + s + "\n"),
    st.text(alphabet="ab; '\"\n", max_size=6).map(lambda s: "/* " + s.replace("*/", "") + " */"),
)


def _statement(pieces: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    # Every statement starts and ends with a plain word, so its trimmed text is exactly what was generated.
    return st.tuples(_WORDS, st.lists(pieces, max_size=6), _WORDS).map(
        lambda parts: " ".join([parts[0], *parts[1], parts[2]])
    )


@pytest.mark.parametrize(("dialect", "pieces"), [(PG, _PG_PIECES), (MY, _MY_PIECES)])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_split_gives_back_the_statements_that_were_joined(
    dialect: SqlDialect, pieces: st.SearchStrategy[str], data: st.DataObject
) -> None:
    statements = data.draw(st.lists(_statement(pieces), min_size=1, max_size=5))
    separators = data.draw(st.lists(st.sampled_from([";", ";\n", " ;  \n\n", ";\t"]), min_size=len(statements)))
    text = "".join(s + sep for s, sep in zip(statements, separators, strict=False))
    found = split_statements(text, dialect)
    assert [s.text for s in found] == statements
    assert all(text[s.start : s.end] == s.text for s in found)
    # The cursor anywhere inside statement i (or right after its semicolon) picks statement i.
    for number, statement in enumerate(found):
        for position in (statement.start, (statement.start + statement.end) // 2, statement.end, statement.end + 1):
            chosen = statement_at(text, min(position, len(text)), dialect)
            assert chosen == found[number] or (
                position > statement.end and chosen == found[min(number + 1, len(found) - 1)]
            )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_splits_into_pieces_found_where_they_are(text: str) -> None:
    for dialect in (PG, MY):
        for statement in split_statements(text, dialect):
            assert statement.text and statement.text == statement.text.strip()
            assert text[statement.start : statement.end] == statement.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.integers(min_value=0, max_value=40))
def test_utf16_positions_round_trip(text: str, index: int) -> None:
    index = min(index, len(text))
    assert from_utf16(text, to_utf16(text, index)) == index
