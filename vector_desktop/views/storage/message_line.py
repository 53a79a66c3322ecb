"""The Storage panel's message line: an error stays until the next message, information hides after a while."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "QLabel { color: #c62828; }"
MESSAGE_MS = 10_000


def set_style(widget: QWidget, sheet: str) -> None:
    # Setting a style sheet re-polishes the widget even when the sheet is the same (~10 ms stalls mid-upload).
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class MessageLine:
    def __init__(self, label: QLabel) -> None:
        self._label = label
        self._serial = 0

    def show(self, text: str, *, error: bool) -> None:
        self._serial += 1
        serial = self._serial
        set_style(self._label, ERROR_STYLE if error else "")
        self._label.setText(text)
        self._label.setVisible(bool(text))
        if not error:
            QTimer.singleShot(MESSAGE_MS, self._label, lambda: self._hide(serial))

    def _hide(self, serial: int) -> None:
        if serial == self._serial:
            self._label.hide()
