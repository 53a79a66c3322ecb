"""Painting of the conversation list: the title on the first line (elided at the right, never a horizontal scroll
bar), when it was last active on a second, muted line. Pinned conversations come first (the model sorts them) and
carry the ★ the model puts in their title."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from vector_desktop.presentation.chat.chat_models import ConversationRoles

AnyIndex = QModelIndex | QPersistentModelIndex
PAD_X = 8
PAD_Y = 5
LINE_GAP = 1


class ConversationDelegate(QStyledItemDelegate):
    @staticmethod
    def _small_font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(font.pointSizeF() * 0.88, 6.0))
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        title = QFontMetrics(option.font).height()
        when = QFontMetrics(self._small_font(option)).height()
        return QSize(option.rect.width(), PAD_Y * 2 + title + LINE_GAP + when)

    def lines(self, option: QStyleOptionViewItem, index: AnyIndex) -> tuple[str, str]:
        """The two lines as painted at this width: the title (elided at the right) and the date."""
        width = max(option.rect.width() - 2 * PAD_X, 10)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        when = str(index.data(ConversationRoles.WHEN) or "")
        title_metrics = QFontMetrics(option.font)
        when_metrics = QFontMetrics(self._small_font(option))
        return (
            title_metrics.elidedText(title, Qt.TextElideMode.ElideRight, width),
            when_metrics.elidedText(when, Qt.TextElideMode.ElideRight, width),
        )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)  # background, selection

        title, when = self.lines(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        )
        ink = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = ink if selected else option.palette.color(group, QPalette.ColorRole.PlaceholderText)
        rect = option.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        title_height = QFontMetrics(option.font).height()
        painter.save()
        painter.setFont(option.font)
        painter.setPen(ink)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), title_height), flags, title)
        small = self._small_font(option)
        painter.setFont(small)
        painter.setPen(muted)
        top = rect.top() + title_height + LINE_GAP
        painter.drawText(QRect(rect.left(), top, rect.width(), QFontMetrics(small).height()), flags, when)
        painter.restore()
