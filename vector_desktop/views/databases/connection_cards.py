"""Database connections drawn as cards: the colour tag as a stripe (red for production), the name and kind, where it
points, the read-only / writable badge and when it was last tested (in red when that test failed)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from vector_desktop.domain.databases import ConnectionConfig
from vector_desktop.presentation.databases.connections_model import (
    BadgeRole,
    ColorRole,
    ConfigRole,
    TestedRole,
    TestFailedRole,
)

CARD_HEIGHT = 64
STRIPE = 5
PADDING = 10
ERROR_COLOUR = QColor("#c62828")
WRITABLE_COLOUR = QColor("#b45309")


class ConnectionCardDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(220, CARD_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        config = index.data(ConfigRole)
        if not isinstance(config, ConnectionConfig):
            super().paint(painter, option, index)
            return
        widget: QWidget | None = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        painter.save()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        rect: QRect = option.rect  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        strong = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = strong if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        colour = index.data(ColorRole)
        if isinstance(colour, QColor):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRect(rect.left() + 3, rect.top() + 6, STRIPE, rect.height() - 12), 2, 2)

        left = rect.left() + STRIPE + PADDING + 2
        width = rect.right() - left - PADDING
        base = QFont(option.font)  # type: ignore[attr-defined]
        name_font = QFont(base)
        name_font.setBold(True)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        small_metrics = QFontMetrics(small)
        name_height = QFontMetrics(name_font).height()
        line_height = small_metrics.height()
        top = rect.top() + (rect.height() - name_height - 2 * line_height) // 2

        kind = config.kind.label
        kind_width = small_metrics.horizontalAdvance(kind) + 4
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(
            QRect(rect.right() - PADDING - kind_width, top, kind_width, name_height),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            kind,
        )
        painter.setFont(name_font)
        painter.setPen(strong)
        name = QFontMetrics(name_font).elidedText(config.name, Qt.TextElideMode.ElideRight, width - kind_width - 6)
        painter.drawText(QRect(left, top, width - kind_width - 6, name_height), Qt.AlignmentFlag.AlignVCenter, name)
        top += name_height

        painter.setFont(small)
        target = small_metrics.elidedText(config.display_target(), Qt.TextElideMode.ElideMiddle, width)
        painter.drawText(QRect(left, top, width, line_height), Qt.AlignmentFlag.AlignVCenter, target)
        top += line_height

        badge = str(index.data(BadgeRole) or "")
        badge_width = small_metrics.horizontalAdvance(badge) + 10
        badge_rect = QRect(left, top + 1, badge_width, line_height - 1)
        badge_colour = muted if config.read_only or selected else WRITABLE_COLOUR
        painter.setPen(badge_colour)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(badge_rect, 4, 4)
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        tested = str(index.data(TestedRole) or "")
        if tested:
            failed = bool(index.data(TestFailedRole))
            painter.setPen(ERROR_COLOUR if failed and not selected else muted)
            tested_left = badge_rect.right() + 8
            tested_width = rect.right() - PADDING - tested_left
            text = small_metrics.elidedText(tested, Qt.TextElideMode.ElideRight, tested_width)
            painter.drawText(QRect(tested_left, top, tested_width, line_height), Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()
