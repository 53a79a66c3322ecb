"""The container editors of a schema form: objects, lists and free key/value rows; and `make_editor`.

Nested objects and lists are framed, foldable sections with their own form layout. A list keeps blank rows out of
its value, and numbers the rows that count so that a message about `labels[1]` lands on the second filled row.
`make_editor` picks the editor for a field (the variant chooser is in `schema_variants`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vector_desktop.presentation.json_schema.schema_fields import MISSING, Field, Kind, child_path
from vector_desktop.presentation.json_schema.schema_validation import field_default
from vector_desktop.views.json_schema.schema_editors import HELP_STYLE, Editor, FieldRow, Section, label_text
from vector_desktop.views.json_schema.schema_scalars import (
    BoolEditor,
    ConstEditor,
    EnumEditor,
    JsonEditor,
    LooseJsonEditor,
    MultiEnumEditor,
    NumberEditor,
    TextEditor,
)
from vector_desktop.views.json_schema.schema_variants import VariantEditor


class _Framed(Editor):
    """A wide editor: a foldable section titled with the field's label, or a bare body when `flat`."""

    wide = True

    def __init__(self, field: Field, parent: QWidget | None, *, title: str, flat: bool) -> None:
        super().__init__(field, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.section: Section | None = None
        if flat:
            self.body = QWidget(self)
            layout.addWidget(self.body)
        else:
            self.section = Section(title, self)
            self.body = self.section.body
            layout.addWidget(self.section)

    def set_title(self, title: str) -> None:
        if self.section is not None:
            self.section.set_title(title)

    def head_chain(self) -> list[QWidget]:
        return [self.section.header] if self.section is not None else []

    def focus_widget(self) -> QWidget:
        chain = self.focus_chain()
        return chain[0] if chain else self


def _connect(child: Editor, parent: Editor) -> None:
    child.changed.connect(parent.changed)
    child.structure_changed.connect(parent.structure_changed)


class ObjectEditor(_Framed):
    def __init__(
        self, field: Field, parent: QWidget | None = None, *, title: str = "", flat: bool = False, root: bool = False
    ) -> None:
        super().__init__(field, parent, title=title, flat=flat)
        self.root = root
        self.form = QFormLayout(self.body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.rows: list[FieldRow] = []
        # A root whose only property is a required object (Merge's `input`) shows that object's fields directly.
        lone = root and len(field.properties) == 1 and field.properties[0].kind is Kind.OBJECT
        for prop in field.properties:
            wrapper = lone and prop.required
            editor = make_editor(prop, self.body, title=label_text(prop), flat=wrapper)
            row = FieldRow(prop, editor, self.body, label=None if editor.wide else label_text(prop))
            if row.label is not None:
                self.form.addRow(row.label, row.box)
            else:
                self.form.addRow(row.box)
            _connect(editor, self)
            self.rows.append(row)
        self.extra: dict[str, Any] = {}  # keys the form has no field for, kept and sent as they came
        self.extra_note = QLabel(self.body)
        self.extra_note.setStyleSheet(HELP_STYLE)
        self.extra_note.setWordWrap(True)
        self.extra_note.setVisible(False)
        self.form.addRow(self.extra_note)
        self.map: MapEditor | None = None
        if field.additional is not None:
            self.map = MapEditor(field.additional, self.body)
            _connect(self.map, self)
            self.form.addRow(self.map)
        elif not field.properties:
            self.form.addRow(QLabel(self.tr("Nothing to fill in."), self.body))

    def value(self) -> Any:
        out: dict[str, Any] = {}
        for row in self.rows:
            value = row.editor.value()
            if value is not MISSING:
                out[row.field.name] = value
        filled = any(row.field.kind is not Kind.CONST and row.field.name in out for row in self.rows)
        entries = self.map.value() if self.map is not None else {}
        for key, value in {**self.extra, **entries}.items():
            out.setdefault(key, value)
        if not self.field.required and not filled and not entries and not self.extra:
            return MISSING
        return out

    def set_value(self, value: Any) -> None:
        values = value if isinstance(value, dict) else {}
        for row in self.rows:
            row.editor.set_value(values.get(row.field.name, MISSING))
        rest = {k: v for k, v in values.items() if self.field.property(k) is None}
        if self.map is not None:
            self.map.set_value(rest)
            rest = {}
        self.extra = rest
        self.extra_note.setText(
            self.tr("Also sent, not shown here (edit them as JSON): %1").replace("%1", ", ".join(rest))
        )
        self.extra_note.setVisible(bool(rest))

    def walk(self, path: str) -> Iterator[tuple[str, FieldRow]]:
        for row in self.rows:
            row_path = child_path(path, row.field.name)
            yield row_path, row
            yield from row.editor.walk(row_path)
        if self.map is not None:
            yield from self.map.walk(path)

    def focus_chain(self) -> list[QWidget]:
        chain = self.head_chain()
        for row in self.rows:
            chain += row.editor.focus_chain()
        return chain + (self.map.focus_chain() if self.map is not None else [])


class _RowList(Editor):
    """Rows with a Remove button each and an Add button below (a list's items, an object's free entries)."""

    def _setup_rows(self, body: QWidget, add_text: str) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(4)
        layout.addLayout(self.rows_layout)
        self.add_button = QPushButton(add_text, body)
        self.add_button.setAccessibleName(f"{add_text} ({self.field.label})" if self.field.name else add_text)
        self.add_button.clicked.connect(self._add_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.lines: list[tuple[QWidget, FieldRow, QToolButton, QLineEdit | None]] = []
        self.body_widget = body

    def _new_line(self, row: FieldRow, key: QLineEdit | None) -> None:
        line = QWidget(self.body_widget)
        layout = QHBoxLayout(line)
        layout.setContentsMargins(0, 0, 0, 0)
        if key is not None:
            key.setParent(line)
            layout.addWidget(key, 1)
        row.box.setParent(line)
        layout.addWidget(row.box, 2)
        remove = QToolButton(line)
        remove.setText(self.tr("Remove"))
        remove.clicked.connect(lambda: self._remove(line))
        layout.addWidget(remove)
        self.rows_layout.addWidget(line)
        line.show()  # now, not at the next layout pass: the new row takes the focus at once
        _connect(row.editor, self)
        self.lines.append((line, row, remove, key))

    def _clear_lines(self) -> None:
        for line, _row, _remove, _key in self.lines:
            self.rows_layout.removeWidget(line)
            line.hide()
            line.deleteLater()
        self.lines = []

    def _remove(self, line: QWidget) -> None:
        index = next(i for i, entry in enumerate(self.lines) if entry[0] is line)
        self.rows_layout.removeWidget(line)
        line.hide()
        line.deleteLater()
        del self.lines[index]
        self._update()
        self.structure_changed.emit()
        self.changed.emit()
        if index < len(self.lines):
            self._line_focus(index).setFocus()
        else:
            self.add_button.setFocus()

    def _line_focus(self, index: int) -> QWidget:
        _line, row, remove, key = self.lines[index]
        chain = ([key] if key is not None else []) + row.editor.focus_chain()
        return chain[0] if chain else remove

    def _add_clicked(self) -> None:
        self._add_blank()
        self._update()
        self.structure_changed.emit()
        self.changed.emit()
        self._line_focus(len(self.lines) - 1).setFocus()

    def _add_blank(self) -> None:
        raise NotImplementedError

    def _update(self) -> None:
        for number, (_line, _row, remove, _key) in enumerate(self.lines, start=1):
            remove.setAccessibleName(self.tr("Remove row %1").replace("%1", str(number)))

    def rows_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for _line, row, remove, key in self.lines:
            chain += ([key] if key is not None else []) + row.editor.focus_chain() + [remove]
        return [*chain, self.add_button]


class ArrayEditor(_Framed, _RowList):
    def __init__(self, field: Field, parent: QWidget | None = None, *, title: str = "", flat: bool = False) -> None:
        super().__init__(field, parent, title=title, flat=flat)
        assert field.items is not None
        self.item = field.items
        self._setup_rows(self.body, self.tr("Add item"))

    def _add_row(self, value: Any) -> None:
        editor = make_editor(self.item, self.body, title="", flat=False)
        editor.set_value(value)
        self._new_line(FieldRow(self.item, editor, self.body, label=None), None)

    def _add_blank(self) -> None:
        self._add_row(field_default(self.item))

    def _update(self) -> None:
        super()._update()
        count = len(self.lines)
        self.add_button.setEnabled(self.field.max_items is None or count < self.field.max_items)
        for number, (_line, row, remove, _key) in enumerate(self.lines, start=1):
            remove.setEnabled(count > (self.field.min_items or 0))
            row.editor.set_title(self.tr("Item %1").replace("%1", str(number)))
            row.editor.focus_widget().setAccessibleName(
                self.tr("%1, item %2").replace("%1", self.field.label).replace("%2", str(number))
            )

    def value(self) -> Any:
        values = [v for _line, row, _remove, _key in self.lines if (v := row.editor.value()) is not MISSING]
        return values if values or self.field.required else MISSING

    def set_value(self, value: Any) -> None:
        self._clear_lines()
        items = value if isinstance(value, list) else []
        for item in items:
            self._add_row(item)
        if not items and self.field.required:
            for _ in range(self.field.min_items or 0):
                self._add_blank()
        self._update()
        self.structure_changed.emit()

    def walk(self, path: str) -> Iterator[tuple[str, FieldRow]]:
        index = 0  # blank rows are not in the value, so they take no index
        for _line, row, _remove, _key in self.lines:
            if row.editor.value() is MISSING:
                continue
            item_path = child_path(path, index)
            index += 1
            yield item_path, row
            yield from row.editor.walk(item_path)

    def focus_chain(self) -> list[QWidget]:
        return self.head_chain() + self.rows_chain()


class MapEditor(_RowList):
    """Free key/value rows (`additionalProperties`): a name and a value each; rows without a name are ignored."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self._setup_rows(self, self.tr("Add entry"))

    def _add_row(self, key: str, value: Any) -> None:
        editor: Editor
        if self.field.kind is Kind.JSON:
            editor = LooseJsonEditor(self.field, self)
        else:
            editor = make_editor(self.field, self, title=self.tr("Value"))
        editor.set_value(value)
        key_edit = QLineEdit(key, self)
        key_edit.setPlaceholderText(self.tr("Name"))
        key_edit.setAccessibleName(self.tr("Entry name"))
        key_edit.textChanged.connect(self._emit_changed)
        row = FieldRow(self.field, editor, self, label=None)
        editor.focus_widget().setAccessibleName(self.tr("Entry value"))
        self._new_line(row, key_edit)

    def _add_blank(self) -> None:
        self._add_row("", field_default(self.field))

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for _line, row, _remove, key in self.lines:
            value = row.editor.value()
            if key is not None and key.text() and value is not MISSING:
                out[key.text()] = value
        return out

    def set_value(self, value: Any) -> None:
        self._clear_lines()
        for key, item in (value if isinstance(value, dict) else {}).items():
            self._add_row(str(key), item)
        self._update()
        self.structure_changed.emit()

    def walk(self, path: str) -> Iterator[tuple[str, FieldRow]]:
        for _line, row, _remove, key in self.lines:
            if key is not None and key.text():
                entry_path = child_path(path, key.text())
                yield entry_path, row
                yield from row.editor.walk(entry_path)

    def focus_chain(self) -> list[QWidget]:
        return self.rows_chain()


def make_editor(field: Field, parent: QWidget | None, *, title: str = "", flat: bool = False) -> Editor:
    if field.kind is Kind.OBJECT:
        return ObjectEditor(field, parent, title=title, flat=flat)
    if field.kind is Kind.ARRAY:
        return ArrayEditor(field, parent, title=title, flat=flat)
    if field.kind is Kind.VARIANT:
        return VariantEditor(field, parent, title=title, flat=flat, factory=make_editor)
    simple: dict[Kind, type[Editor]] = {
        Kind.MULTI_ENUM: MultiEnumEditor,
        Kind.ENUM: EnumEditor,
        Kind.BOOLEAN: BoolEditor,
        Kind.INTEGER: NumberEditor,
        Kind.NUMBER: NumberEditor,
        Kind.STRING: TextEditor,
        Kind.CONST: ConstEditor,
        Kind.NULL: ConstEditor,
    }
    return simple.get(field.kind, JsonEditor)(field, parent)
