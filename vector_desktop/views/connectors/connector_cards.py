"""Connectors drawn as cards in a list: a round badge with the initial (coloured by name), the name, a line with
state, tool count and kind, and the problem in red when there is one."""

from __future__ import annotations

import zlib

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from vector_desktop.domain.connectors import ConnectorInfo, ConnectorState
from vector_desktop.presentation.connectors.connectors_models import InfoRole, SubtitleRole

CARD_HEIGHT = 66
BADGE = 34
PADDING = 10
_BADGE_COLOURS = ("#4f6bed", "#0f9d8a", "#c2410c", "#7c3aed", "#0e7490", "#b45309", "#be185d", "#15803d")
_DOT = {
    ConnectorState.READY: "#16a34a",
    ConnectorState.CONNECTING: "#d97706",
    ConnectorState.FAILED: "#dc2626",
    ConnectorState.NEEDS_SIGN_IN: "#d97706",
}
ERROR_COLOUR = QColor("#c62828")


def badge_colour(name: str) -> QColor:
    return QColor(_BADGE_COLOURS[zlib.crc32(name.encode("utf-8")) % len(_BADGE_COLOURS)])


class ConnectorCardDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(220, CARD_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        info = index.data(InfoRole)
        if not isinstance(info, ConnectorInfo):
            super().paint(painter, option, index)
            return
        widget: QWidget | None = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        painter.save()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        rect: QRect = option.rect  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        badge = QRect(rect.left() + PADDING, rect.top() + (rect.height() - BADGE) // 2, BADGE, BADGE)
        colour = badge_colour(info.name)
        if not info.enabled:
            colour = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(badge)
        initial_font = QFont(option.font)  # type: ignore[attr-defined]
        initial_font.setBold(True)
        initial_font.setPointSizeF(initial_font.pointSizeF() * 1.15)
        painter.setFont(initial_font)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, (info.name[:1] or "?").upper())
        dot_colour = _DOT.get(info.state)
        if dot_colour is not None and info.enabled:
            dot = QRect(badge.right() - 9, badge.bottom() - 9, 11, 11)
            painter.setBrush(QColor(dot_colour))
            painter.setPen(palette.color(QPalette.ColorRole.Base))
            painter.drawEllipse(dot)

        left = badge.right() + PADDING
        width = rect.right() - left - PADDING
        name_font = QFont(option.font)  # type: ignore[attr-defined]
        name_font.setBold(True)
        small_font = QFont(option.font)  # type: ignore[attr-defined]
        small_font.setPointSizeF(small_font.pointSizeF() * 0.9)
        strong = palette.color(text_role)
        muted = strong if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        kind = info.kind.label
        kind_width = QFontMetrics(small_font).horizontalAdvance(kind) + 4
        third = (info.error, ERROR_COLOUR if not selected else strong) if info.error else (info.detail, muted)
        lines: list[tuple[str, QFont, QColor, int]] = [
            (info.name, name_font, strong, width - kind_width - 6),
            (str(index.data(SubtitleRole) or ""), small_font, strong if info.enabled else muted, width),
        ]
        if third[0]:
            lines.append((third[0], small_font, third[1], width))
        heights = [QFontMetrics(font).height() for _text, font, _colour, _width in lines]
        top = rect.top() + (rect.height() - sum(heights)) // 2
        painter.setFont(small_font)
        painter.setPen(muted)
        kind_rect = QRect(rect.right() - PADDING - kind_width, top, kind_width, heights[0])
        painter.drawText(kind_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, kind)
        for (text, font, text_colour, line_width), height in zip(lines, heights, strict=True):
            painter.setFont(font)
            painter.setPen(text_colour)
            elided = QFontMetrics(font).elidedText(text.replace("\n", " "), Qt.TextElideMode.ElideRight, line_width)
            painter.drawText(QRect(left, top, line_width, height), Qt.AlignmentFlag.AlignVCenter, elided)
            top += height
        painter.restore()
