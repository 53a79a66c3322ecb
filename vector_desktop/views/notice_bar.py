"""A dismissable notice shown above the panels (e.g. 'no keychain', 'data file kept aside')."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class NoticeBar(QFrame):
    dismissed = Signal(str)

    def __init__(self, key: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("noticeBar")
        self.setAccessibleName(self.tr("Notice"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        icon = QLabel(self)
        icon.setPixmap(QIcon(":/icons/warning.svg").pixmap(QSize(16, 16)))
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Notice text"))
        close = QToolButton(self)
        close.setIcon(QIcon(":/icons/close.svg"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss notice"))
        close.clicked.connect(self._dismiss)
        layout.addWidget(icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit(self.key)
        self.deleteLater()
