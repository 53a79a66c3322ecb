"""Which statement to run: the one under the editor's cursor, or those in the selection.

The editor's text is split on semicolons outside string literals, quoted identifiers, comments and (PostgreSQL)
dollar-quoted bodies, so `CREATE FUNCTION ... $$ a; b $$;` stays one statement. Offsets are Python string indices
(code points); the editor counts UTF-16 units, hence `to_utf16` / `from_utf16`. Pure Python: no Qt."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from vector_desktop.domain.databases import DatabaseKind


class SqlDialect(enum.StrEnum):
    POSTGRESQL = "postgresql"
    MYSQL = "mysql"

    @classmethod
    def of(cls, kind: DatabaseKind) -> SqlDialect:
        return cls.MYSQL if kind is DatabaseKind.MYSQL else cls.POSTGRESQL


@dataclass(frozen=True)
class Statement:
    """One statement of the editor's text: `text` is what is sent (no terminating semicolon, no surrounding
    whitespace), found at `text[start:end]` of the whole editor text."""

    start: int
    end: int
    text: str

    def locate(self, position: int | None = None, line: int | None = None, column: int | None = None) -> int | None:
        """Where the server's error points, as an index into the whole editor text: `position` is 1-based in the
        statement (PostgreSQL); `line` (1-based) and `column` (1-based, optional) are MySQL's way."""
        if position is not None and position > 0:
            return self.start + min(position - 1, len(self.text))
        if line is not None and line > 0:
            offset = 0
            for _ in range(line - 1):
                newline = self.text.find("\n", offset)
                if newline < 0:
                    break
                offset = newline + 1
            line_end = self.text.find("\n", offset)
            line_length = (line_end if line_end >= 0 else len(self.text)) - offset
            if column is not None and column > 0:
                offset += min(column - 1, line_length)
            return self.start + offset
        return None


_DOLLAR_TAG = re.compile(r"\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$")
_IDENTIFIER_CHARS = re.compile(r"[A-Za-z0-9_$\u0080-\uffff]")


@dataclass
class _Segment:
    start: int
    end: int  # index of the terminating semicolon, or len(text)
    has_code: bool


def _scan(text: str, dialect: SqlDialect) -> list[_Segment]:
    """Every piece between top-level semicolons, with whether it holds anything but whitespace and comments."""
    mysql = dialect is SqlDialect.MYSQL
    segments: list[_Segment] = []
    length = len(text)
    start = 0
    has_code = False
    i = 0
    while i < length:
        char = text[i]
        following = text[i + 1] if i + 1 < length else ""
        if char == ";":
            segments.append(_Segment(start, i, has_code))
            start = i + 1
            has_code = False
            i += 1
        elif _line_comment_starts(text, i, mysql):
            i = _line_end(text, i)
        elif char == "/" and following == "*":
            i = _block_comment_end(text, i, nested=not mysql)
        elif char in "'\"" or (char == "`" and mysql):
            has_code = True
            backslashes = mysql or (char == "'" and _is_escape_string(text, i))
            i = _quoted_end(text, i, char, backslashes=backslashes and char != "`")
        elif char == "$" and not mysql and (i == 0 or not _IDENTIFIER_CHARS.match(text[i - 1])):
            has_code = True
            tag = _DOLLAR_TAG.match(text, i)
            if tag is None:
                i += 1
            else:
                close = text.find(tag.group(), tag.end())
                i = length if close < 0 else close + len(tag.group())
        else:
            if not char.isspace():
                has_code = True
            i += 1
    segments.append(_Segment(start, length, has_code))
    return segments


def _line_comment_starts(text: str, i: int, mysql: bool) -> bool:
    """`--` (MySQL wants a space or the line's end after it), or MySQL's `#`."""
    if text.startswith("--", i):
        return not mysql or i + 2 >= len(text) or text[i + 2] in " \t\r\n\f\v"
    return mysql and text[i] == "#"


def _line_end(text: str, i: int) -> int:
    newline = text.find("\n", i)
    return len(text) if newline < 0 else newline


def _block_comment_end(text: str, i: int, *, nested: bool) -> int:
    depth = 0
    length = len(text)
    while i < length:
        pair = text[i : i + 2]
        if pair == "/*" and (nested or depth == 0):
            depth += 1
            i += 2
        elif pair == "*/":
            depth -= 1
            i += 2
            if depth == 0:
                return i
        else:
            i += 1
    return length


def _is_escape_string(text: str, quote: int) -> bool:
    """PostgreSQL's E'...' literal, where a backslash escapes the next character."""
    if quote == 0 or text[quote - 1] not in "eE":
        return False
    return quote == 1 or not _IDENTIFIER_CHARS.match(text[quote - 2])


def _quoted_end(text: str, i: int, quote: str, *, backslashes: bool) -> int:
    """The index after the closing quote (a doubled quote is an escaped one), or the end of the text."""
    length = len(text)
    i += 1
    while i < length:
        char = text[i]
        if backslashes and char == "\\":
            i += 2
            continue
        if char == quote:
            if i + 1 < length and text[i + 1] == quote:
                i += 2
                continue
            return i + 1
        i += 1
    return length


def _trimmed(text: str, segment: _Segment) -> Statement:
    piece = text[segment.start : segment.end]
    stripped = piece.strip()
    start = segment.start + (len(piece) - len(piece.lstrip()))
    return Statement(start, start + len(stripped), stripped)


def split_statements(text: str, dialect: SqlDialect = SqlDialect.POSTGRESQL) -> list[Statement]:
    """The statements of `text` in order, leaving out empty ones and those made only of comments."""
    return [_trimmed(text, segment) for segment in _scan(text, dialect) if segment.has_code]


def statement_at(text: str, position: int, dialect: SqlDialect = SqlDialect.POSTGRESQL) -> Statement | None:
    """The statement under the cursor at index `position`. A cursor right after a statement's semicolon, or in the
    blank space after it, means that statement; before the first statement, the first one."""
    statements = split_statements(text, dialect)
    if not statements:
        return None
    chosen = statements[0]
    for statement in statements:
        if statement.start > position:
            break
        chosen = statement
    return chosen


def statements_in(text: str, start: int, end: int, dialect: SqlDialect = SqlDialect.POSTGRESQL) -> list[Statement]:
    """The statements of the selected text `text[start:end]`, with offsets into the whole text."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    return [
        Statement(piece.start + start, piece.end + start, piece.text)
        for piece in split_statements(text[start:end], dialect)
    ]


# ------------------------------------------------------------------------------- editor offsets (UTF-16 units)


def to_utf16(text: str, index: int) -> int:
    """The editor position (UTF-16 units) of the string index `index`."""
    if text.isascii():
        return index
    return len(text[:index].encode("utf-16-le")) // 2


def from_utf16(text: str, position: int) -> int:
    """The string index of the editor position `position` (UTF-16 units)."""
    if text.isascii():
        return min(position, len(text))
    units = 0
    for index, char in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


# ------------------------------------------------------------------------------- statements the panel writes


def quote_identifier(name: str, dialect: SqlDialect = SqlDialect.POSTGRESQL) -> str:
    if dialect is SqlDialect.MYSQL:
        return "`" + name.replace("`", "``") + "`"
    return '"' + name.replace('"', '""') + '"'


def select_all_sql(schema: str, table: str, dialect: SqlDialect = SqlDialect.POSTGRESQL) -> str:
    """What a double click on a table shows in its new editor tab."""
    return f"SELECT * FROM {quote_identifier(schema, dialect)}.{quote_identifier(table, dialect)};"
