"""The parts every editor of a schema form shares: the Editor base, the row around each field (label, help line,
message line) and the foldable Section that frames nested groups.

Every editor gives `value()` (MISSING while an optional field is blank), takes `set_value()`, says what it cannot
parse in `input_error()`, and lists its focusable widgets in `focus_chain()` so the form can set the tab order.
The editors of single values are in `schema_scalars`; objects, lists, key/value rows and `make_editor` in
`schema_containers`; the variant chooser in `schema_variants`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.presentation.json_schema.schema_fields import MISSING, Field

ERROR_STYLE = "QLabel { color: #c62828; }"
HELP_STYLE = "QLabel { color: gray; }"
_HELP_CHARS = 280


def tr(text: str) -> str:
    return QCoreApplication.translate("SchemaForm", text)


def show_json(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def label_text(field: Field, title: str | None = None) -> str:
    text = title if title is not None else field.label
    return f"{text} *" if field.required and field.name else text


def _small(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
    label.setFont(font)
    label.setWordWrap(True)
    return label


def monospace(widget: QWidget) -> None:
    widget.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))


def plain_text(edit: QPlainTextEdit) -> str:
    """The text as typed: toPlainText() would turn non-breaking spaces into plain ones."""
    return edit.document().toRawText().replace("\u2029", "\n")


def lines_high(edit: QPlainTextEdit, lines: int) -> None:
    margins = edit.contentsMargins()
    height = edit.fontMetrics().lineSpacing() * lines + 2 * edit.frameWidth() + margins.top() + margins.bottom() + 8
    edit.setFixedHeight(height)


class Editor(QWidget):
    """One field's input. `wide` editors (objects, lists, ...) take a whole form row and show their own title."""

    changed = Signal()
    structure_changed = Signal()  # rows added or removed, a variant switched: tab order and paths change
    wide = False

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field

    def blank(self) -> Any:
        """The value of an empty input: left out, or null for a required field that may be null."""
        return None if self.field.required and self.field.nullable else MISSING

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def input_error(self) -> str:
        return ""

    def focus_widget(self) -> QWidget:
        return self

    def focus_chain(self) -> list[QWidget]:
        return [self.focus_widget()]

    def walk(self, path: str) -> Iterator[tuple[str, FieldRow]]:
        """The rows inside this editor with their paths, in the order they are shown."""
        return iter(())

    def set_title(self, title: str) -> None:
        pass

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()


class FieldRow:
    """A field's editor with its label, grey help line and red message line (the message is "next to" it)."""

    def __init__(self, field: Field, editor: Editor, parent: QWidget, *, label: str | None) -> None:
        self.field = field
        self.editor = editor
        self.box = QWidget(parent)
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        description = field.description.strip()
        self.help: QLabel | None = None
        if description:
            short = description if len(description) <= _HELP_CHARS else description[: _HELP_CHARS - 1] + "…"
            self.help = _small(QLabel(short, self.box))
            self.help.setObjectName("fieldHelp")
            self.help.setStyleSheet(HELP_STYLE)
            self.help.setToolTip(description)
            if editor.wide:
                layout.insertWidget(0, self.help)  # above a group or list, not lost under it
            else:
                layout.addWidget(self.help)
        self.message = QLabel(self.box)
        self.message.setObjectName("fieldMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.label: QLabel | None = None
        self._description = " ".join(p for p in (description, tr("Required.") if field.required else "") if p)
        self.message.setAccessibleName(tr("%1 message").replace("%1", field.label))
        if field.name:
            editor.setObjectName(f"editor_{field.name}")
        if editor.wide:  # its section header carries the title; its inner fields keep their own names
            editor.setToolTip(description)
            return
        target = editor.focus_widget()
        if label is not None:
            self.label = QLabel(label, parent)
            self.label.setBuddy(target)
            self.label.setToolTip(description)
        if field.name:
            target.setObjectName(f"field_{field.name}")
        target.setAccessibleName(field.label)
        target.setToolTip(description)
        target.setAccessibleDescription(self._description)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if not self.editor.wide:
            description = " ".join(p for p in (self._description, text) if p)
            self.editor.focus_widget().setAccessibleDescription(description)

    @property
    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""


class Section(QGroupBox):
    """A framed group with a header button that folds it (Space or a click on the title)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.setSpacing(2)
        self.header = QToolButton(self)
        self.header.setObjectName("sectionHeader")
        self.header.setCheckable(True)
        self.header.setChecked(True)
        self.header.setAutoRaise(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        font = QFont(self.header.font())
        font.setBold(True)
        self.header.setFont(font)
        self.header.toggled.connect(self.set_expanded)
        self.body = QWidget(self)
        layout.addWidget(self.header)
        layout.addWidget(self.body)
        self.set_title(title)
        self.set_expanded(True)

    def set_title(self, title: str) -> None:
        self.header.setText(title)
        self.header.setAccessibleName(title)

    def set_expanded(self, on: bool) -> None:
        self.header.setChecked(on)
        self.header.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.header.setToolTip(self.tr("Fold this group") if on else self.tr("Show this group"))
        self.body.setVisible(on)

    @property
    def expanded(self) -> bool:
        return self.header.isChecked()
