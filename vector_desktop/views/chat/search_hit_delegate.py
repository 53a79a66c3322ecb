"""Painting of a message-search hit: the conversation's title, then the snippet with the matched words highlighted."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from vector_desktop.presentation.chat.chat_models import SearchRoles
from vector_desktop.views.chat.message_delegate import MessageDelegate

AnyIndex = QModelIndex | QPersistentModelIndex


class SearchHitDelegate(QStyledItemDelegate):
    """A search hit: the conversation's title, then the snippet with the matched words highlighted."""

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        title = html.escape(str(index.data(SearchRoles.TITLE) or ""))
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText).name()
        document.setHtml(
            f'<p style="margin:0; color:{muted};"><small>{title}</small></p>'
            f'<p style="margin:0;">{index.data(SearchRoles.SNIPPET_HTML) or ""}</p>'
        )
        document.setTextWidth(width)
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = MessageDelegate._width(option)
        document = self._document(option, index, width)
        return QSize(width, int(document.size().height() + 2))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        document = self._document(option, index, option.rect.width())
        painter.save()
        painter.translate(option.rect.topLeft())
        document.drawContents(painter, QRectF(0, 0, option.rect.width(), option.rect.height()))
        painter.restore()
