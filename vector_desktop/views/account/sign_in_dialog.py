"""A small modeless dialog while the browser is open: "Finish signing in in your browser…", the address (copyable,
for when the browser did not open) and Cancel. The composition closes it on success or error."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class SignInDialog(QDialog):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in with Google"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.message = QLabel(self.tr("Finish signing in in your browser…"), self)
        hint = QLabel(self.tr("If no browser opened, copy this address into one:"), self)
        hint.setWordWrap(True)
        self.url_edit = QLineEdit(self)
        self.url_edit.setReadOnly(True)
        self.url_edit.setAccessibleName(self.tr("Sign-in address"))
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.clicked.connect(self._copy)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self._cancel)
        row = QHBoxLayout()
        row.addWidget(self.url_edit, 1)
        row.addWidget(self.copy_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addLayout(buttons)
        self.resize(460, self.sizeHint().height())

    def set_url(self, url: str) -> None:
        self.url_edit.setText(url)
        self.url_edit.setCursorPosition(0)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.url_edit.text())

    def _cancel(self) -> None:
        self.cancel_requested.emit()
        self.hide()

    def reject(self) -> None:  # Escape or the window's close button
        self._cancel()
