"""A message line that shows a sentence (red for an error) for a while, then hides."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel


class TransientMessage:
    """A label that shows a message (red for an error) for a while, then hides."""

    ERROR_STYLE = "QLabel { color: #c62828; }"

    def __init__(self, label: QLabel, milliseconds: int) -> None:
        self._label = label
        self._milliseconds = milliseconds
        self._serial = 0

    def show(self, text: str, *, error: bool = False) -> None:
        self._label.setText(text)
        self._label.setStyleSheet(self.ERROR_STYLE if error else "")
        self._label.setVisible(bool(text))
        self._serial += 1
        serial = self._serial
        QTimer.singleShot(self._milliseconds, self._label, lambda: self._hide(serial))

    def _hide(self, serial: int) -> None:
        if serial == self._serial:
            self._label.hide()
