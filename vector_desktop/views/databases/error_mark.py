"""Where the server's error points in the SQL editor: its line and column, and the place marked (the word
underlined, its line tinted) until the text changes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtGui import QTextCursor as Cursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from vector_desktop.presentation.databases.statement_at import to_utf16

MARK_COLOUR = QColor(220, 38, 38, 70)


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a string index."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def mark_error(editor: QPlainTextEdit, text: str, where: int) -> None:
    """Put the cursor at `where` (a string index of `text`, the editor's text) and mark the word there."""
    position = to_utf16(text, where)
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    mark = QTextEdit.ExtraSelection()
    mark.cursor = editor.textCursor()  # type: ignore[attr-defined]
    mark.cursor.movePosition(Cursor.MoveOperation.EndOfWord, Cursor.MoveMode.KeepAnchor)  # type: ignore[attr-defined]
    if not mark.cursor.hasSelection():  # type: ignore[attr-defined]
        mark.cursor.movePosition(Cursor.MoveOperation.NextCharacter, Cursor.MoveMode.KeepAnchor)  # type: ignore[attr-defined]
    char_format = QTextCharFormat()
    char_format.setBackground(MARK_COLOUR)
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    char_format.setUnderlineColor(QColor("#c62828"))
    mark.format = char_format  # type: ignore[attr-defined]
    line = QTextEdit.ExtraSelection()
    line.cursor = editor.textCursor()  # type: ignore[attr-defined]
    line.cursor.clearSelection()  # type: ignore[attr-defined]
    line_format = QTextCharFormat()
    line_format.setBackground(QColor(220, 38, 38, 28))
    line_format.setProperty(QTextCharFormat.Property.FullWidthSelection, True)
    line.format = line_format  # type: ignore[attr-defined]
    editor.setExtraSelections([line, mark])


def marked_text(editor: QPlainTextEdit) -> str:
    """The editor's text under the error mark ("" when nothing is marked)."""
    marks = editor.extraSelections()
    return marks[-1].cursor.selectedText() if marks else ""  # type: ignore[attr-defined]
