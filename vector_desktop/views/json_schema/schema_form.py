"""A form generated from a JSON Schema ("Run tool", MCP elicitation), and the same form with a raw-JSON mode.

`SchemaForm` builds editors from the field tree of `presentation.json_schema.schema_fields`, starts from the
schema's defaults, and returns only what was filled (`value()` equals `prune(defaults(schema))` right after
`set_schema`, except that a required check box without a default reads as false). `validate()` shows each message
next to its field (a message about a place without its own row goes to the nearest enclosing one, prefixed with
the rest of the path), unfolds folded groups and focuses the first wrong field; after the first `validate()` the
messages follow the user's edits. `SchemaEditor` adds a Form / JSON switch.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.presentation.json_schema.schema_fields import (
    MISSING,
    Field,
    Kind,
    field_path,
    parse_schema,
    split_path,
)
from vector_desktop.presentation.json_schema.schema_validation import SchemaChecker, field_default
from vector_desktop.views.json_schema.schema_containers import ObjectEditor, make_editor
from vector_desktop.views.json_schema.schema_editors import ERROR_STYLE, Editor, FieldRow, Section, plain_text
from vector_desktop.views.json_schema.schema_scalars import json_error_text

EMPTY_OBJECT: dict[str, Any] = {"type": "object", "properties": {}, "additionalProperties": False}
REVALIDATE_MS = 150


class SchemaForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("formMessage")
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(False)
        layout.addWidget(self.message_label)
        self._holder = QVBoxLayout()
        layout.addLayout(self._holder)
        layout.addStretch(1)
        self._schema: Any = EMPTY_OBJECT
        self._field: Field = parse_schema(EMPTY_OBJECT)
        self._checker = SchemaChecker(EMPTY_OBJECT)
        self._root: Editor | None = None
        self._root_row: FieldRow | None = None
        self._loading = False
        self._live = False  # after the first validate(), messages follow the edits
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REVALIDATE_MS)
        self._timer.timeout.connect(self.refresh_messages)
        self.set_schema(EMPTY_OBJECT)

    # -- schema and value
    @property
    def schema(self) -> Any:
        return self._schema

    @property
    def field(self) -> Field:
        return self._field

    def set_schema(self, schema: Any) -> None:
        """Build the editors for `schema` and fill in its defaults; earlier input and messages are dropped.

        No schema (None), `true` or `{}` gives an object of free key/value entries, as tool arguments are."""
        old: QWidget | None = self._root_row.box if self._root_row is not None else self._root
        if old is not None:
            self._holder.removeWidget(old)
            old.hide()
            old.deleteLater()
        if schema is None or schema is True or schema == {}:
            schema = {"type": "object"}  # no schema, or "anything": tool arguments are an object of free entries
        self._schema = schema
        self._field = parse_schema(schema)
        self._checker = SchemaChecker(schema)
        if self._field.kind is Kind.OBJECT:
            self._root = ObjectEditor(self._field, self, flat=True, root=True)
            self._root_row = None
            self._holder.addWidget(self._root)
        else:
            self._root = make_editor(self._field, self, title=self._field.label or self.tr("Value"))
            self._root_row = FieldRow(self._field, self._root, self, label=None)
            self._holder.addWidget(self._root_row.box)
        self._root.changed.connect(self._edited)
        self._root.structure_changed.connect(self._fix_tab_order)
        self._live = False
        self._timer.stop()
        self._load(field_default(self._field))

    def value(self) -> Any:
        """What the user filled in (blank optional fields left out); MISSING for a blank non-object root."""
        assert self._root is not None
        return self._root.value()

    def set_value(self, value: Any) -> None:
        self._load(value)
        if self._live:
            self.refresh_messages()

    def _load(self, value: Any) -> None:
        assert self._root is not None
        self._loading = True
        try:
            self._root.set_value(value)
        finally:
            self._loading = False
        self.show_messages({})
        self._fix_tab_order()
        self.changed.emit()

    def _edited(self) -> None:
        if self._loading:
            return
        self.changed.emit()
        if self._live:
            self._timer.start()

    # -- messages
    def check(self, value: Any) -> dict[str, str]:
        """Path -> message for a value against this form's schema (no widget changes)."""
        return self._checker.messages(value)

    def messages(self) -> dict[str, str]:
        """The problems of the current input: what cannot be parsed, then what the schema says."""
        out = self.check(self.value())
        for path, row in self.rows():
            problem = row.editor.input_error()
            if problem:
                out[path] = problem
        return out

    def validate(self) -> bool:
        """Show the messages next to their fields and focus the first wrong one; True when all is well."""
        self._live = True
        self._timer.stop()
        messages = self.messages()
        self.show_messages(messages, focus=True)
        return not messages

    def refresh_messages(self) -> None:
        self.show_messages(self.messages())

    def rows(self) -> Iterator[tuple[str, FieldRow]]:
        """Every field row with its path, in the order shown."""
        if self._root_row is not None:
            yield "", self._root_row
        if self._root is not None:
            yield from self._root.walk("")

    def show_messages(self, messages: dict[str, str], *, focus: bool = False) -> None:
        rows = dict(self.rows())
        placed: dict[str, list[str]] = {}
        loose: list[str] = []
        for path, text in messages.items():
            parts = split_path(path)
            depth = len(parts)
            while depth > 0 and field_path(parts[:depth]) not in rows:
                depth -= 1
            target = field_path(parts[:depth])
            rest = field_path(parts[depth:])
            shown = f"{rest}: {text}" if rest else text
            (placed.setdefault(target, []) if target in rows else loose).append(shown)
        for path, row in rows.items():
            row.show_message(" ".join(placed.get(path, [])[:3]))
        self.message_label.setText("\n".join(loose))
        self.message_label.setVisible(bool(loose))
        if focus:
            first = next((row for path, row in rows.items() if path in placed), None)
            if first is not None:
                self._reveal(first.editor)
                first.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def message_at(self, path: str) -> str:
        """The message shown next to the field at `path` ("" when none, or no such field)."""
        if path == "" and self._root_row is None:
            return self.message_label.text() if not self.message_label.isHidden() else ""
        row = dict(self.rows()).get(path)
        return row.message_text if row is not None else ""

    def editor_at(self, path: str) -> Editor | None:
        if path == "" and self._root_row is None:
            return self._root
        row = dict(self.rows()).get(path)
        return row.editor if row is not None else None

    def widget_at(self, path: str) -> QWidget | None:
        """The input widget of the field at `path` (what gets the focus)."""
        editor = self.editor_at(path)
        return editor.focus_widget() if editor is not None else None

    def _reveal(self, widget: QWidget | None) -> None:
        while widget is not None and widget is not self:
            if isinstance(widget, Section):
                widget.set_expanded(True)
            widget = widget.parentWidget()

    def _fix_tab_order(self) -> None:
        if self._root is None:
            return
        chain = [w for w in self._root.focus_chain() if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)


class SchemaEditor(QWidget):
    """A SchemaForm with a Form / JSON switch; `value()`, `set_value()` and `validate()` work in either mode."""

    FORM = "form"
    JSON = "json"
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.form_button = QPushButton(self.tr("Form"), self)
        self.json_button = QPushButton(self.tr("JSON"), self)
        self.form_button.setToolTip(self.tr("Fill in the arguments field by field"))
        self.json_button.setToolTip(self.tr("Edit the arguments as raw JSON"))
        group = QButtonGroup(self)
        for button in (self.form_button, self.json_button):
            button.setCheckable(True)
            group.addButton(button)
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.form_button.setChecked(True)
        self.form_button.clicked.connect(lambda: self.set_mode(self.FORM))
        self.json_button.clicked.connect(lambda: self.set_mode(self.JSON))
        self.stack = QStackedWidget(self)
        self.scroll_area = QScrollArea(self.stack)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form = SchemaForm()
        self.scroll_area.setWidget(self.form)
        self.stack.addWidget(self.scroll_area)
        page = QWidget(self.stack)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        self.json_edit = QPlainTextEdit(page)
        self.json_edit.setObjectName("jsonEdit")
        self.json_edit.setAccessibleName(self.tr("Arguments as JSON"))
        self.json_edit.setTabChangesFocus(True)
        self.json_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.json_message = QLabel(page)
        self.json_message.setObjectName("jsonMessage")
        self.json_message.setStyleSheet(ERROR_STYLE)
        self.json_message.setWordWrap(True)
        self.json_message.setVisible(False)
        page_layout.addWidget(self.json_edit, 1)
        page_layout.addWidget(self.json_message)
        self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        self._mode = self.FORM
        self._loading = False
        self.form.changed.connect(self._form_changed)
        self.json_edit.textChanged.connect(self._json_changed)

    def mode(self) -> str:
        return self._mode

    def set_schema(self, schema: Any) -> None:
        self.form.set_schema(schema)
        if self._mode == self.JSON:
            self._show_json(self.form.value())

    def set_mode(self, mode: str) -> bool:
        """Switch between the form and the JSON text; False (and still JSON) when the text does not parse."""
        if mode == self._mode:
            self._check_buttons()
            return True
        if mode == self.JSON:
            self._show_json(self.form.value())
            self._mode = self.JSON
            self.stack.setCurrentIndex(1)
        else:
            parsed = self._parse()
            if parsed is None:
                self._check_buttons()
                return False
            self.form.set_value(parsed[0])
            self._mode = self.FORM
            self.stack.setCurrentIndex(0)
        self._check_buttons()
        return True

    def value(self) -> Any:
        """The value in either mode; in JSON mode with a syntax error, raises ValueError (call validate() first)."""
        if self._mode == self.FORM:
            return self.form.value()
        try:
            return self._loads(plain_text(self.json_edit))
        except json.JSONDecodeError as error:
            raise ValueError(json_error_text(error)) from error

    def set_value(self, value: Any) -> None:
        self.form.set_value(value)
        if self._mode == self.JSON:
            self._show_json(value)

    def validate(self) -> bool:
        if self._mode == self.FORM:
            return self.form.validate()
        parsed = self._parse()
        if parsed is None:
            return False
        messages = self.form.check(parsed[0])
        lines = [f"{path}: {text}" if path else text for path, text in messages.items()]
        self.json_message.setText("\n".join(lines))
        self.json_message.setVisible(bool(lines))
        if lines:
            self.json_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return not lines

    # -- JSON text
    def _loads(self, text: str) -> Any:
        if not text.strip():
            return {} if self.form.field.kind is Kind.OBJECT else MISSING
        return json.loads(text)

    def _parse(self) -> tuple[Any] | None:
        """(value,) or None after showing where the syntax error is."""
        try:
            return (self._loads(plain_text(self.json_edit)),)
        except json.JSONDecodeError as error:
            self.json_message.setText(json_error_text(error))
            self.json_message.setVisible(True)
            cursor = self.json_edit.textCursor()
            cursor.setPosition(min(error.pos, len(plain_text(self.json_edit))), QTextCursor.MoveMode.MoveAnchor)
            self.json_edit.setTextCursor(cursor)
            self.json_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return None

    def _show_json(self, value: Any) -> None:
        self._loading = True
        try:
            text = "" if value is MISSING else json.dumps(value, indent=2, ensure_ascii=False)
            self.json_edit.setPlainText(text)
        finally:
            self._loading = False
        self.json_message.setVisible(False)

    def _check_buttons(self) -> None:
        (self.form_button if self._mode == self.FORM else self.json_button).setChecked(True)

    def _form_changed(self) -> None:
        if self._mode == self.FORM:
            self.changed.emit()

    def _json_changed(self) -> None:
        if not self._loading:
            self.json_message.setVisible(False)
            self.changed.emit()
