"""The variant chooser of a schema form: one of several shapes (`anyOf`/`oneOf`, or a list of types).

A combo box picks the shape and the editor of that shape is shown below it (beside it for single values). Each
shape's editor is built the first time it is chosen, starts with that shape's defaults, and keeps what was typed
into it when the user switches away and back. `set_value` picks the shape the value fits best.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from vector_desktop.presentation.json_schema.schema_fields import MISSING, Field, Kind
from vector_desktop.presentation.json_schema.schema_validation import field_default, match_variant
from vector_desktop.views.json_schema.schema_editors import Editor, FieldRow, Section

# make_editor(field, parent, title=..., flat=...), passed in by schema_containers (which imports this module)
EditorFactory = Callable[..., Editor]
_WIDE_KINDS = (Kind.OBJECT, Kind.ARRAY, Kind.VARIANT)


class VariantEditor(Editor):
    """One of several shapes: a combo box picks the shape, the editor of that shape is shown below it."""

    def __init__(self, field: Field, parent: QWidget | None, *, title: str, flat: bool, factory: EditorFactory) -> None:
        super().__init__(field, parent)
        self._factory = factory
        self.wide = any(v.field.kind in _WIDE_KINDS for v in field.variants)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.section: Section | None = None
        holder: QWidget = self
        if self.wide and not flat:
            self.section = Section(title, self)
            layout.addWidget(self.section)
            holder = self.section.body
        inner = QVBoxLayout(holder) if holder is not self else QVBoxLayout()
        if holder is self:
            layout.addLayout(inner)
        inner.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(holder)
        self.combo.setAccessibleName(self.tr("Kind of %1").replace("%1", field.label))
        if not field.required:
            self.combo.addItem(self.tr("(not set)"), -1)
        for index, variant in enumerate(field.variants):
            self.combo.addItem(variant.title, index)
        self.stack = QStackedWidget(holder)
        self.blank_page = QWidget(self.stack)
        self.stack.addWidget(self.blank_page)
        self.editors: dict[int, Editor] = {}
        row = QHBoxLayout() if not self.wide else inner
        row.addWidget(self.combo)
        row.addWidget(self.stack, 1)
        if row is not inner:
            inner.addLayout(row)
        self.combo.currentIndexChanged.connect(self._chosen)

    def _editor(self, index: int) -> Editor:
        if index not in self.editors:
            variant = self.field.variants[index].field
            editor = self._factory(variant, self.stack, title=self.field.variants[index].title, flat=True)
            editor.set_value(field_default(variant))
            editor.changed.connect(self.changed)
            editor.structure_changed.connect(self.structure_changed)
            self.stack.addWidget(editor)
            self.editors[index] = editor
        return self.editors[index]

    def _show(self, index: int) -> None:
        page = self._editor(index) if index >= 0 else self.blank_page
        for number in range(self.stack.count()):
            widget = self.stack.widget(number)
            assert widget is not None
            policy = QSizePolicy.Policy.Preferred if widget is page else QSizePolicy.Policy.Ignored
            widget.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(page)

    def _chosen(self, _combo_index: int) -> None:
        self._show(self.current())
        self.structure_changed.emit()
        self.changed.emit()

    def current(self) -> int:
        data = self.combo.currentData()
        return int(data) if data is not None else -1

    def current_editor(self) -> Editor | None:
        index = self.current()
        return self._editor(index) if index >= 0 else None

    def value(self) -> Any:
        editor = self.current_editor()
        return editor.value() if editor is not None else self.blank()

    def set_value(self, value: Any) -> None:
        unset = value is MISSING or (value is None and not self.field.nullable)
        index = -1 if unset and not self.field.required else 0 if unset else match_variant(self.field, value)
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(self.combo.findData(index), 0))
        self.combo.blockSignals(False)
        index = self.current()
        if index >= 0:
            self._editor(index).set_value(value if not unset else field_default(self.field.variants[index].field))
        self._show(index)
        self.structure_changed.emit()

    def input_error(self) -> str:
        editor = self.current_editor()
        return editor.input_error() if editor is not None else ""

    def walk(self, path: str) -> Iterator[tuple[str, FieldRow]]:
        editor = self.current_editor()
        return editor.walk(path) if editor is not None else iter(())

    def set_title(self, title: str) -> None:
        if self.section is not None:
            self.section.set_title(title)

    def focus_widget(self) -> QWidget:
        return self.combo

    def focus_chain(self) -> list[QWidget]:
        editor = self.current_editor()
        head = [self.section.header] if self.section is not None else []
        return [*head, self.combo, *(editor.focus_chain() if editor is not None else [])]
