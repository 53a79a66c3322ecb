"""One row of the Settings dialog: a setting's input control, where its value comes from, a note about ignored
values, its error and a warning about a risky value. Secret fields never show their value: a status line says
whether one is stored, a password field replaces it and Clear removes it.

Style sheets cost at every open (a label with a sheet of its own is polished on its own, against the app's theme too;
a sheet on the dialog makes every widget in it a style-sheet widget): the source line on every row is grey through
its palette, and the labels that show only now and then get their sheet when they first show something. The note
about an ignored value and the warning about a risky one are made only for the few fields that have one (every
widget is kilobytes, per open).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from vector_desktop.presentation.settings_viewmodel import FieldState

ERROR_STYLE = "QLabel { color: #c62828; }"
NOTE_STYLE = "QLabel { color: #b26a00; }"
OK_STYLE = "QLabel { color: #2e7d32; }"
SOURCE_COLOUR = "gray"


def _small(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
    label.setFont(font)
    return label


def _greyed(label: QLabel) -> QLabel:
    palette = QPalette(label.palette())
    palette.setColor(QPalette.ColorRole.WindowText, QColor(SOURCE_COLOUR))
    label.setPalette(palette)
    return label


def _show_styled(label: QLabel, message: str, style: str, small: bool = False) -> None:
    """Show `message` (hide the label when empty), giving the label its sheet the first time it shows something."""
    if message and label.styleSheet() != style:
        if small:
            _small(label)
        label.setStyleSheet(style)
    label.setText(message)
    label.setVisible(bool(message))


class FieldEditor(QWidget):
    """One setting: its input control, source line, note about ignored values and error line."""

    edited = Signal(str)  # key
    reset_requested = Signal(str)  # key

    def __init__(self, state: FieldState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = state.key
        self.secret = state.secret
        self.kind = state.kind
        self._baseline = ""
        self._clear_pending = False
        self._status_text = ""
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(6)
        layout.addLayout(row)
        self.status: QLabel | None = None
        self.clear_button: QPushButton | None = None
        self.reset_button: QPushButton | None = None
        self.line: QLineEdit | None = None
        self.check: QCheckBox | None = None
        self.combo: QComboBox | None = None
        if state.secret:
            self.status = QLabel(self)
            self.status.setObjectName(f"status_{state.key}")
            self.status.setAccessibleName(self.tr("%1 status").replace("%1", state.label))
            self.line = QLineEdit(self)
            self.line.setEchoMode(QLineEdit.EchoMode.Password)
            self.line.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            self.clear_button = QPushButton(self.tr("Clear"), self)
            self.clear_button.setObjectName(f"clear_{state.key}")
            self.clear_button.setAccessibleName(self.tr("Clear %1").replace("%1", state.label))
            self.clear_button.setToolTip(self.tr("Remove the stored value from the keychain when you save"))
            self.clear_button.clicked.connect(self._clear)
            row.addWidget(self.status)
            row.addWidget(self.line, 1)
            row.addWidget(self.clear_button)
            self.line.textEdited.connect(self._secret_typed)
        elif state.kind == "bool":
            self.check = QCheckBox(self)
            self.check.toggled.connect(self._changed)
            row.addWidget(self.check, 1)
        elif state.kind == "choice":
            self.combo = QComboBox(self)
            self.combo.addItems(list(state.choices))
            self.combo.currentTextChanged.connect(self._changed)
            row.addWidget(self.combo, 1)
        else:
            self.line = QLineEdit(self)
            if state.kind in ("int", "port", "float"):
                self.line.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
            elif state.kind == "url":
                self.line.setInputMethodHints(Qt.InputMethodHint.ImhUrlCharactersOnly)
            elif state.kind == "email":
                self.line.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
            self.line.textChanged.connect(self._changed)
            row.addWidget(self.line, 1)
        if not state.secret:
            self.reset_button = QPushButton(self.tr("Reset"), self)
            self.reset_button.setObjectName(f"reset_{state.key}")
            self.reset_button.setAccessibleName(self.tr("Reset %1").replace("%1", state.label))
            self.reset_button.setToolTip(
                self.tr("Remove the value saved in the app; the .env file, environment or default applies again")
            )
            self.reset_button.clicked.connect(lambda: self.reset_requested.emit(self.key))
            row.addWidget(self.reset_button)
        control = self.control()
        control.setObjectName(f"field_{state.key}")
        control.setAccessibleName(state.label)
        control.setAccessibleDescription(state.description)
        control.setToolTip(state.description)
        self.source_label = _greyed(_small(QLabel(self)))
        self.source_label.setObjectName(f"source_{state.key}")
        self.source_label.setToolTip(state.description)
        self.source_label.setAccessibleName(self.tr("%1 source").replace("%1", state.label))
        self.note_label: QLabel | None = None  # made by _show_note when there is one
        self.danger_label: QLabel | None = None  # a risky value (set_danger), in red until it changes
        self.error_label = QLabel(self)
        self.error_label.setObjectName(f"error_{state.key}")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("%1 error").replace("%1", state.label))
        self.error_label.setVisible(False)
        layout.addWidget(self.source_label)
        layout.addWidget(self.error_label)
        self.show_state(state)

    def control(self) -> QWidget:
        widget = self.line or self.check or self.combo
        assert widget is not None
        return widget

    def show_state(self, state: FieldState) -> None:
        """Show the value as it is now; forgets any unsaved edit of this field."""
        self._baseline = state.text
        self._clear_pending = False
        control = self.control()
        control.blockSignals(True)
        try:
            if self.check is not None:
                self.check.setChecked(state.text == "true")
            elif self.combo is not None:
                self.combo.setCurrentText(state.text)
            elif self.line is not None:
                self.line.setText(state.text)  # "" for a secret: its value is never put back into the widget
                self.line.setPlaceholderText(state.placeholder)
        finally:
            control.blockSignals(False)
        control.setEnabled(state.ready)
        self.source_label.setText(self.tr("Source: %1").replace("%1", state.source) if state.source else "")
        self._show_note(state.problem)
        if self.status is not None:
            self._status_text = state.secret_status
            self.status.setText(state.secret_status)
        if self.clear_button is not None:
            self.clear_button.setEnabled(state.ready and state.can_clear)
        if self.reset_button is not None:
            self.reset_button.setVisible(state.can_reset)
        self.set_error("")

    def value_text(self) -> str:
        if self.check is not None:
            return "true" if self.check.isChecked() else "false"
        if self.combo is not None:
            return self.combo.currentText()
        assert self.line is not None
        return self.line.text()

    def change(self) -> tuple[bool, str | None]:
        """(changed, new value); None removes the stored value (a cleared secret)."""
        if self.secret:
            if self._clear_pending:
                return True, None
            text = self.value_text()
            return (True, text) if text else (False, None)
        text = self.value_text()
        return (text != self._baseline, text)

    def set_danger(self, message: str) -> None:
        if message and self.danger_label is None:
            self.danger_label = self._message_label("danger", after=self.error_label)
        if self.danger_label is not None:
            _show_styled(self.danger_label, message, ERROR_STYLE)

    def _show_note(self, message: str) -> None:
        if message and self.note_label is None:
            self.note_label = self._message_label("note", after=self.source_label)
        if self.note_label is not None:
            _show_styled(self.note_label, message, NOTE_STYLE, small=True)

    def _message_label(self, kind: str, after: QLabel) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"{kind}_{self.key}")
        label.setWordWrap(True)
        label.setVisible(False)
        self._layout.insertWidget(self._layout.indexOf(after) + 1, label)
        return label

    def set_error(self, message: str) -> None:
        _show_styled(self.error_label, message, ERROR_STYLE)

    def _changed(self, *_args: object) -> None:
        self.edited.emit(self.key)

    def _secret_typed(self, text: str) -> None:
        if text and self._clear_pending and self.status is not None:
            self._clear_pending = False
            self.status.setText(self._status_text)
        self.edited.emit(self.key)

    def _clear(self) -> None:
        assert self.line is not None and self.status is not None
        self.line.clear()
        self._clear_pending = True
        self.status.setText(self.tr("will be removed when you save"))
        self.set_error("")
        self.edited.emit(self.key)
