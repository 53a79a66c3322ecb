"""The editors of single values in a schema form: text, numbers, check boxes, choices, fixed values, free JSON.

A blank input is "not set" (left out of the value, or null for a required field that may be null); a number
field refuses letters as they are typed and has no size limit; free JSON says where its syntax is wrong.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from vector_desktop.presentation.json_schema.schema_fields import MISSING, Field, Kind
from vector_desktop.views.json_schema.schema_editors import Editor, lines_high, monospace, plain_text, show_json, tr

_FORMAT_PLACEHOLDERS = {
    "date": "YYYY-MM-DD",
    "date-time": "YYYY-MM-DDTHH:MM:SSZ",
    "time": "HH:MM:SS",
    "email": "name@example.com",
    "uri": "https://…",
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
}
_INTEGER = re.compile(r"[-+]?\d+")


class TextEditor(Editor):
    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line: QLineEdit | None = None
        self.area: QPlainTextEdit | None = None
        placeholder = _FORMAT_PLACEHOLDERS.get(field.format, "")
        if field.examples and isinstance(field.examples[0], str | int | float):
            placeholder = self.tr("e.g. %1").replace("%1", show_json(field.examples[0]))
        if field.multiline and not field.masked:
            self.area = QPlainTextEdit(self)
            self.area.setTabChangesFocus(True)
            self.area.setPlaceholderText(placeholder)
            self.area.setReadOnly(field.read_only)
            lines_high(self.area, 4)
            self.area.textChanged.connect(self._emit_changed)
            layout.addWidget(self.area)
        else:
            self.line = QLineEdit(self)
            self.line.setPlaceholderText(placeholder)
            self.line.setReadOnly(field.read_only)
            if field.masked:
                self.line.setEchoMode(QLineEdit.EchoMode.Password)
                self.line.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            if field.max_length:
                self.line.setMaxLength(field.max_length)
            hints = {"email": Qt.InputMethodHint.ImhEmailCharactersOnly, "uri": Qt.InputMethodHint.ImhUrlCharactersOnly}
            if field.format in hints:
                self.line.setInputMethodHints(hints[field.format])
            self.line.textChanged.connect(self._emit_changed)
            layout.addWidget(self.line)

    def focus_widget(self) -> QWidget:
        widget = self.line or self.area
        assert widget is not None
        return widget

    def text(self) -> str:
        return self.line.text() if self.line is not None else plain_text(self.area) if self.area else ""

    def value(self) -> Any:
        text = self.text()
        return text if text else self.blank()

    def set_value(self, value: Any) -> None:
        text = "" if value is MISSING or value is None else show_json(value)
        if self.line is not None:
            self.line.setText(text)
        elif self.area is not None:
            self.area.setPlainText(text)


class NumberEditor(Editor):
    """Digits only, any size (no 32-bit limit); empty is allowed and means "not set"."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.integer = field.kind is Kind.INTEGER
        pattern = r"[-+]?\d*" if self.integer else r"[-+]?(\d+\.?\d*|\.\d*)?([eE][-+]?\d*)?"
        self.line = QLineEdit(self)
        self.line.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.line))
        self.line.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.line.setReadOnly(field.read_only)
        low = field.minimum if field.minimum is not None else field.exclusive_minimum
        high = field.maximum if field.maximum is not None else field.exclusive_maximum
        if low is not None and high is not None:
            self.line.setPlaceholderText(self.tr("%1 to %2").replace("%1", str(low)).replace("%2", str(high)))
        elif field.examples and isinstance(field.examples[0], int | float):
            self.line.setPlaceholderText(self.tr("e.g. %1").replace("%1", str(field.examples[0])))
        self.line.textChanged.connect(self._emit_changed)
        layout.addWidget(self.line)

    def focus_widget(self) -> QWidget:
        return self.line

    def _parsed(self, text: str) -> int | float | None:
        if _INTEGER.fullmatch(text):
            return int(text)
        if self.integer:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
        return number if math.isfinite(number) else None

    def value(self) -> Any:
        text = self.line.text().strip()
        if not text:
            return self.blank()
        number = self._parsed(text)
        return text if number is None else number  # unparsable text stays text: validation names it

    def input_error(self) -> str:
        text = self.line.text().strip()
        if text and self._parsed(text) is None:
            return self.tr("Enter a whole number.") if self.integer else self.tr("Enter a number.")
        return ""

    def set_value(self, value: Any) -> None:
        if value is MISSING or value is None:
            self.line.setText("")
        elif isinstance(value, float) and not isinstance(value, bool):
            self.line.setText(repr(value))
        else:
            self.line.setText(show_json(value))


class BoolEditor(Editor):
    """A check box; a third state ("Not set") when the field is optional or may be null."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(self)
        self.check.setTristate(not field.required or field.nullable)
        self.check.setEnabled(not field.read_only)
        self.check.checkStateChanged.connect(self._state_changed)
        layout.addWidget(self.check)
        self._show_state()

    def focus_widget(self) -> QWidget:
        return self.check

    def _show_state(self) -> None:
        state = self.check.checkState()
        texts = {Qt.CheckState.Checked: self.tr("Yes"), Qt.CheckState.Unchecked: self.tr("No")}
        self.check.setText(texts.get(state, self.tr("Not set")))

    def _state_changed(self, _state: Qt.CheckState) -> None:
        self._show_state()
        self.changed.emit()

    def value(self) -> Any:
        state = self.check.checkState()
        if state == Qt.CheckState.PartiallyChecked:
            return self.blank()
        return state == Qt.CheckState.Checked

    def set_value(self, value: Any) -> None:
        if value is True or value is False:
            self.check.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
        else:
            tri = self.check.isTristate()
            self.check.setCheckState(Qt.CheckState.PartiallyChecked if tri else Qt.CheckState.Unchecked)


_NOT_SET, _NULL = -1, -2


def _same(a: Any, b: Any) -> bool:
    return (type(a) is type(b) and a == b) if isinstance(a, bool) or isinstance(b, bool) else bool(a == b)


class EnumEditor(Editor):
    """A combo box of the options; "(not set)" first when optional, "(choose one)" when required without default."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        if not field.required:
            self.combo.addItem(self.tr("(not set)"), _NOT_SET)
        elif not field.has_default:
            self.combo.addItem(self.tr("(choose one)"), _NOT_SET)
        if field.nullable:
            self.combo.addItem(self.tr("(none)"), _NULL)
        for index, option in enumerate(field.options):
            self.combo.addItem(option.label, index)
        self.combo.setEnabled(not field.read_only)
        self.combo.currentIndexChanged.connect(self._emit_changed)
        layout.addWidget(self.combo)
        layout.addStretch(1)

    def focus_widget(self) -> QWidget:
        return self.combo

    def value(self) -> Any:
        data = self.combo.currentData()
        if data == _NOT_SET:
            return self.blank()
        if data == _NULL:
            return None
        return self.field.options[int(data)].value

    def set_value(self, value: Any) -> None:
        wanted = _NOT_SET if value is MISSING else _NULL if value is None else None
        if wanted is None:
            wanted = next((i for i, o in enumerate(self.field.options) if _same(o.value, value)), _NOT_SET)
        index = self.combo.findData(wanted)
        self.combo.setCurrentIndex(max(index, 0))


class MultiEnumEditor(Editor):
    """Several of fixed options: a list of check boxes (Space toggles the current one)."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        for option in field.options:
            item = QListWidgetItem(option.label, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        rows = max(1, min(len(field.options), 6))
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 4)
        self.list.itemChanged.connect(self._emit_changed)
        layout.addWidget(self.list)

    def focus_widget(self) -> QWidget:
        return self.list

    def value(self) -> Any:
        chosen = [
            self.field.options[row].value
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        return chosen if chosen or self.field.required else MISSING

    def set_value(self, value: Any) -> None:
        values = value if isinstance(value, list) else []
        for row, option in enumerate(self.field.options):
            on = any(_same(option.value, v) for v in values)
            self.list.item(row).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class ConstEditor(Editor):
    """A fixed value, shown and always sent (a `const`, or `null` for a null-only field)."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.fixed = None if field.kind is Kind.NULL else field.const
        self.label = QLabel(show_json(self.fixed), self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)

    def focus_chain(self) -> list[QWidget]:
        return []

    def value(self) -> Any:
        return self.fixed

    def set_value(self, value: Any) -> None:
        pass


class JsonEditor(Editor):
    """Free JSON (a `true`/`{}` schema, a tuple, a recursive `$ref`): a small monospace text editor."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.area = QPlainTextEdit(self)
        self.area.setTabChangesFocus(True)
        monospace(self.area)
        self.area.setPlaceholderText(self.tr('JSON, e.g. {"key": "value"}, [1, 2] or "text"'))
        lines_high(self.area, 3)
        self.area.textChanged.connect(self._emit_changed)
        layout.addWidget(self.area)

    def focus_widget(self) -> QWidget:
        return self.area

    def value(self) -> Any:
        text = plain_text(self.area).strip()
        if not text:
            return self.blank()
        try:
            return json.loads(text)
        except ValueError:
            return text

    def input_error(self) -> str:
        text = plain_text(self.area)
        if not text.strip():
            return ""
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            return json_error_text(error)
        return ""

    def set_value(self, value: Any) -> None:
        self.area.setPlainText("" if value is MISSING else json.dumps(value, indent=2, ensure_ascii=False))


def json_error_text(error: json.JSONDecodeError) -> str:
    return (
        tr("Not valid JSON at line %1, column %2: %3.")
        .replace("%1", str(error.lineno))
        .replace("%2", str(error.colno))
        .replace("%3", error.msg)
    )


class LooseJsonEditor(Editor):
    """A value of a free key/value row: JSON when it parses (42, true, {...}), else the text as typed."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(self)
        self.line.setToolTip(self.tr('Text, or JSON such as 42, true, [1, 2] or {"a": 1}'))
        self.line.textChanged.connect(self._emit_changed)
        layout.addWidget(self.line)

    def focus_widget(self) -> QWidget:
        return self.line

    def value(self) -> Any:
        text = self.line.text()
        try:
            return json.loads(text)
        except ValueError:
            return text

    def set_value(self, value: Any) -> None:
        if value is MISSING:
            self.line.setText("")
            return
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if isinstance(value, str):
            try:
                json.loads(value)
                text = json.dumps(value, ensure_ascii=False)  # "42" the text, not 42 the number
            except ValueError:
                pass
        self.line.setText(text)
