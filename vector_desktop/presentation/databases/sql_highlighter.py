"""SQL syntax highlighting for the editor: keywords, strings, numbers, comments and quoted identifiers, in the
PostgreSQL or the MySQL dialect. Block comments, strings and PostgreSQL dollar-quoted bodies may span lines: the
block state carries what is still open into the next line."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from vector_desktop.presentation.databases.statement_at import SqlDialect

_COMMON_KEYWORDS = """
add all alter and any as asc begin between by case cast check column commit constraint create cross current_date
current_time current_timestamp database default delete desc distinct drop else end except exists explain false
fetch first foreign from full function grant group having if in index inner insert intersect into is join key
last left like limit natural not null nulls offset on or order outer over partition primary procedure references
revoke right rollback row rows savepoint schema select set show table then to transaction trigger true truncate
union unique update using values view when where window with
"""
_POSTGRESQL_KEYWORDS = """
analyze array asymmetric both collate concurrently conflict cursor declare deferrable do domain each extension
filter following ilike immediate inherits language lateral listen local materialized notify nothing only owned
preceding range recursive refresh replace restrict returning returns role security sequence similar some symmetric
tablespace temp temporary unbounded unlogged vacuum variadic verbose volatile stable immutable
"""
_MYSQL_KEYWORDS = """
auto_increment binary change charset collate databases describe div duplicate engine engines escape force
fulltext ignore interval kill lock low_priority modify mod optimize outfile processlist regexp rename replace
rlike separator show signed sql_calc_found_rows straight_join tables unlock unsigned use xor zerofill
"""
_TYPES = """
bigint bigserial bit blob bool boolean bytea char character date datetime decimal double enum float inet int
int2 int4 int8 integer interval json jsonb longblob longtext mediumint mediumtext money numeric real serial
smallint smallserial text time timestamp timestamptz tinyint tinytext uuid varbinary varchar xml year
"""

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
_NUMBER = re.compile(r"(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)")
_DOLLAR_TAG = re.compile(r"\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$")

# Block states: what a line leaves open for the next one.
_NONE = -1
_IN_COMMENT = 1  # PostgreSQL nests block comments: the depth is added (state = _IN_COMMENT + depth - 1)
_IN_STRING = 100  # + the quote character's code
_IN_DOLLAR = 1000  # + the index of the tag in the highlighter's table of tags seen


def _format(colour: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setForeground(QColor(colour))
    if bold:
        char_format.setFontWeight(QFont.Weight.Bold)
    if italic:
        char_format.setFontItalic(True)
    return char_format


class SqlHighlighter(QSyntaxHighlighter):
    """Colours readable on light and dark backgrounds alike."""

    def __init__(self, document: QTextDocument, dialect: SqlDialect = SqlDialect.POSTGRESQL) -> None:
        super().__init__(document)
        self.keyword_format = _format("#3b6fd6", bold=True)
        self.type_format = _format("#1a9a8a")
        self.string_format = _format("#c2541b")
        self.number_format = _format("#a0569e")
        self.comment_format = _format("#808a96", italic=True)
        self.identifier_format = _format("#8a7a12")
        self._dollar_tags: list[str] = []
        self._dialect = dialect
        self._keywords: frozenset[str] = frozenset()
        self._types: frozenset[str] = frozenset(_TYPES.split())
        self._set_keywords()

    @property
    def dialect(self) -> SqlDialect:
        return self._dialect

    def set_dialect(self, dialect: SqlDialect) -> None:
        if dialect is not self._dialect:
            self._dialect = dialect
            self._set_keywords()
            self.rehighlight()

    def _set_keywords(self) -> None:
        extra = _MYSQL_KEYWORDS if self._dialect is SqlDialect.MYSQL else _POSTGRESQL_KEYWORDS
        self._keywords = frozenset((_COMMON_KEYWORDS + extra).split())

    # -- QSyntaxHighlighter
    def highlightBlock(self, text: str) -> None:
        mysql = self._dialect is SqlDialect.MYSQL
        length = len(text)
        self.setCurrentBlockState(_NONE)
        i = self._continue_open(text, self.previousBlockState())
        while 0 <= i < length:
            char = text[i]
            following = text[i + 1] if i + 1 < length else ""
            if (char == "-" and following == "-") or (char == "#" and mysql):
                self.setFormat(i, length - i, self.comment_format)
                return
            if char == "/" and following == "*":
                i = self._block_comment(text, i, 0)
            elif char == "'" or (char == '"' and mysql):
                i = self._string(text, i, char, self.string_format)
            elif char == '"' or (char == "`" and mysql):
                i = self._string(text, i, char, self.identifier_format)
            elif char == "$" and not mysql and (tag := _DOLLAR_TAG.match(text, i)) is not None:
                i = self._dollar_body(text, i, tag.group(), tag.end())
            elif char.isdigit() or (char == "." and following.isdigit()):
                previous = text[i - 1] if i > 0 else ""
                match = _NUMBER.match(text, i)
                end = match.end() if match is not None else i + 1
                if not (previous.isalnum() or previous in "_$"):
                    self.setFormat(i, end - i, self.number_format)
                i = end
            elif char.isalpha() or char == "_":
                match = _WORD.match(text, i)
                end = match.end() if match is not None else i + 1
                word = text[i:end].lower()
                if word in self._keywords:
                    self.setFormat(i, end - i, self.keyword_format)
                elif word in self._types:
                    self.setFormat(i, end - i, self.type_format)
                i = end
            else:
                i += 1

    def _continue_open(self, text: str, state: int) -> int:
        """Finish what the previous line left open; the index to go on from, or -1 when it stays open."""
        if state >= _IN_DOLLAR:
            tag = self._dollar_tags[state - _IN_DOLLAR]
            return self._dollar_body(text, 0, tag, 0)
        if state >= _IN_STRING:
            quote = chr(state - _IN_STRING)
            char_format = self.string_format if quote == "'" else self.identifier_format
            if quote == '"' and self._dialect is SqlDialect.MYSQL:
                char_format = self.string_format
            return self._string(text, -1, quote, char_format)
        if state >= _IN_COMMENT:
            return self._block_comment(text, 0, state - _IN_COMMENT + 1)
        return 0

    def _block_comment(self, text: str, start: int, depth: int) -> int:
        nested = self._dialect is SqlDialect.POSTGRESQL
        i = start
        length = len(text)
        while i < length:
            pair = text[i : i + 2]
            if pair == "/*" and (nested or depth == 0):
                depth += 1
                i += 2
            elif pair == "*/" and depth > 0:
                depth -= 1
                i += 2
                if depth == 0:
                    self.setFormat(start, i - start, self.comment_format)
                    return i
            else:
                i += 1
        self.setFormat(start, length - start, self.comment_format)
        self.setCurrentBlockState(_IN_COMMENT + depth - 1)
        return -1

    def _string(self, text: str, quote_at: int, quote: str, char_format: QTextCharFormat) -> int:
        """From the opening quote at `quote_at` (-1: the string began on an earlier line) to the closing one."""
        backslashes = self._dialect is SqlDialect.MYSQL and quote != "`"
        i = quote_at + 1
        length = len(text)
        while i < length:
            char = text[i]
            if backslashes and char == "\\":
                i += 2
                continue
            if char == quote:
                if i + 1 < length and text[i + 1] == quote:
                    i += 2
                    continue
                start = max(quote_at, 0)
                self.setFormat(start, i + 1 - start, char_format)
                return i + 1
            i += 1
        start = max(quote_at, 0)
        self.setFormat(start, length - start, char_format)
        self.setCurrentBlockState(_IN_STRING + ord(quote))
        return -1

    def _dollar_body(self, text: str, start: int, tag: str, body_from: int) -> int:
        close = text.find(tag, body_from)
        if close >= 0:
            end = close + len(tag)
            self.setFormat(start, end - start, self.string_format)
            return end
        self.setFormat(start, len(text) - start, self.string_format)
        if tag not in self._dollar_tags:
            self._dollar_tags.append(tag)
        self.setCurrentBlockState(_IN_DOLLAR + self._dollar_tags.index(tag))
        return -1
