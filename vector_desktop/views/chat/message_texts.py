"""The one-line texts of a transcript row (header, status chip, usage line, the empty answer's placeholder) as
QStaticText: elided and shaped once per change of the row, then drawn without laying the glyphs out again. A
QListView repaints every visible row at each change of any row, so this is most of what a repaint costs."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QFontMetrics, QStaticText

from vector_desktop.domain.chat import MessageStatus, Role
from vector_desktop.presentation.chat.chat_row_view import RowView
from vector_desktop.views.chat.message_layout import RowLayout


@dataclass(frozen=True)
class RowTexts:
    header: QStaticText
    header_at: QPointF
    chip: QStaticText | None = None
    chip_at: QPointF = field(default_factory=QPointF)
    usage: QStaticText | None = None
    usage_at: QPointF = field(default_factory=QPointF)
    placeholder: QStaticText | None = None


def _static(text: str) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    return static


def _centred_y(rect: QRect, metrics: QFontMetrics) -> float:
    return rect.top() + (rect.height() - metrics.height()) / 2


def row_texts(
    view: RowView, layout: RowLayout, bold: QFontMetrics, regular: QFontMetrics, placeholder: str
) -> RowTexts:
    """The texts as the delegate draws them: the header in bold, left and centred in its line, elided before the
    chip (and a running call's spinner, or a tool row's buttons); the chip's text centred in it; the usage line
    left in the footer; "…" where an answer has no text yet."""
    message = view.message
    tool_row = message.role is Role.TOOL
    running_tool = tool_row and message.status is MessageStatus.STREAMING
    chip = layout.chip
    reserved = (chip.width() + 8 if chip.isValid() else 0) + (chip.height() + 6) * running_tool
    if tool_row and layout.actions:  # its buttons share the header line
        reserved = layout.header.right() - layout.actions[0][1].left() + 8
    header_rect = layout.header.adjusted(0, 0, -reserved, 0)
    header = bold.elidedText(view.header, Qt.TextElideMode.ElideRight, max(header_rect.width(), 0))
    chip_text = chip_at = None
    if chip.isValid() and view.status_text:
        chip_text = _static(view.status_text)
        left = chip.left() + (chip.width() - regular.horizontalAdvance(view.status_text)) / 2
        chip_at = QPointF(left, _centred_y(chip, regular))
    usage = _static(view.usage_text) if view.usage_text else None
    empty_answer = not tool_row and not view.body.strip()
    return RowTexts(
        _static(header),
        QPointF(header_rect.left(), _centred_y(header_rect, bold)),
        chip_text,
        chip_at or QPointF(),
        usage,
        QPointF(layout.footer.left(), _centred_y(layout.footer, regular)),
        _static(placeholder) if empty_answer else None,
    )
