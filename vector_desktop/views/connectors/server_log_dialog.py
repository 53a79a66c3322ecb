"""A server's log: its logging notifications and the lines it wrote to stderr, newest last, following live."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from vector_desktop.domain.connectors_api import ServerLogLine

MAX_LINES = 2000


def line_text(line: ServerLogLine) -> str:
    return f"[{line.level}] {line.text}"


class ServerLogDialog(QDialog):
    def __init__(self, key: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setWindowTitle(self.tr("Log of %1").replace("%1", name))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Messages the server sent and what it wrote to its error output."), self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Server log"))
        self.text.setMaximumBlockCount(MAX_LINES)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlaceholderText(self.tr("Nothing yet."))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        layout.addWidget(buttons)

    def set_lines(self, lines: Sequence[ServerLogLine]) -> None:
        self.text.setPlainText("\n".join(line_text(line) for line in lines))
        self.text.verticalScrollBar().setValue(self.text.verticalScrollBar().maximum())

    def add_line(self, line: ServerLogLine) -> None:
        if line.connector_key == self.key:
            self.text.appendPlainText(line_text(line))
