"""A plain-text editor for argument matchers, one a line, that shows each line's problem next to that line (in red
at its right, the line tinted) and in a tooltip over it."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFontDatabase, QHelpEvent, QPainter, QPaintEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

ERROR_COLOUR = QColor("#c62828")
ERROR_TINT = QColor(198, 40, 40, 28)
GAP = 24  # pixels between a line's text and its problem


class MatcherEditor(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[int, str] = {}
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(True)
        self.setPlaceholderText('input.project == "X"')
        self.setAccessibleName(self.tr("Argument tests, one a line"))

    def errors(self) -> dict[int, str]:
        return dict(self._errors)

    def set_errors(self, errors: Mapping[int, str]) -> None:
        """Line number (0-based) → its problem."""
        self._errors = dict(errors)
        selections = []
        for number in sorted(self._errors):
            block = self.document().findBlockByNumber(number)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(ERROR_TINT)
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(block)
            selections.append(selection)
        self.setExtraSelections(selections)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._errors:
            return
        painter = QPainter(self.viewport())
        painter.setPen(ERROR_COLOUR)
        metrics = self.fontMetrics()
        offset = self.contentOffset()
        width = self.viewport().width()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > event.rect().bottom():
                break
            text = self._errors.get(block.blockNumber())
            if text:
                left = offset.x() + self.document().documentMargin() + metrics.horizontalAdvance(block.text()) + GAP
                room = max(width - left - 4, 0)
                if room > metrics.horizontalAdvance("…") * 4:
                    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(room))
                    rect = QRectF(left, geometry.top(), room, metrics.height())
                    painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), shown)
            block = block.next()
        painter.end()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            number = self.cursorForPosition(event.pos()).blockNumber()
            text = self._errors.get(number)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
