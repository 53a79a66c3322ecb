"""The problem labels of a dialog's form: one next to each field, and one under the form for anything else (a
problem of a field without a label of its own goes there too)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "QLabel { color: #c62828; }"


class FieldMessages:
    def __init__(self, form: QWidget, fields: dict[str, QLabel], form_message: QLabel) -> None:
        self._form = form
        self.fields = fields
        self._form_message = form_message
        for label in self._labels():
            label.setStyleSheet(ERROR_STYLE)  # also without the app's theme (role="fieldError" in common.qss)

    def _labels(self) -> tuple[QLabel, ...]:
        return (*self.fields.values(), self._form_message)

    def clear(self) -> None:
        for label in self._labels():
            label.setText("")
            label.setVisible(False)

    def show(self, field: str, text: str) -> None:
        label = self.fields.get(field, self._form_message)
        label.setText(text)
        label.setVisible(True)

    def shown(self, field: str) -> str:
        """What is shown next to `field` ("" when nothing is)."""
        label = self.fields.get(field, self._form_message)
        return label.text() if label.isVisibleTo(self._form) else ""
