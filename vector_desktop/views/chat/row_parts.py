"""Small painted parts of a transcript row: its status chip and its buttons (drawn, not widgets)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton, QStyleOptionViewItem, QWidget

from vector_desktop.domain.chat import MessageStatus
from vector_desktop.views.chat.message_texts import RowTexts

_CHIP_COLORS = {
    MessageStatus.STREAMING.value: ("#2563eb", "#ffffff"),
    MessageStatus.QUEUED.value: ("#b45309", "#ffffff"),
    MessageStatus.INTERRUPTED.value: ("#c2410c", "#ffffff"),
    MessageStatus.FAILED.value: ("#c62828", "#ffffff"),
    MessageStatus.CANCELLED.value: ("#6b7280", "#ffffff"),
    MessageStatus.COMPLETE.value: ("#2e7d32", "#ffffff"),  # a tool row that ran
}


def paint_chip(painter: QPainter, rect: QRect, status: str, texts: RowTexts) -> None:
    fill, ink = _CHIP_COLORS.get(status, ("#6b7280", "#ffffff"))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(fill))
    painter.drawRoundedRect(QRectF(rect), rect.height() / 2, rect.height() / 2)
    if texts.chip is not None:
        painter.setPen(QColor(ink))
        painter.drawStaticText(texts.chip_at, texts.chip)


def paint_button(
    painter: QPainter, rect: QRect, text: str, option: QStyleOptionViewItem, widget: QWidget | None
) -> None:
    button = QStyleOptionButton()
    button.rect = rect
    button.text = text
    button.palette = option.palette
    button.fontMetrics = option.fontMetrics
    button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
    style = widget.style() if widget is not None else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, widget)
