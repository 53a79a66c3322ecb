"""The schema form as a user drives it: typing into generated fields, messages next to them, lists, nested groups,
variants, defaults, the JSON mode, and round trips of generated values through the widgets."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.unit.connectors.test_schema_fields import LINEAR_CREATE_ISSUE, NOTIFY_VARIANTS, PYDANTIC_TOOL, ZOD_TOOL
from vector_desktop.presentation.json_schema.schema_fields import MISSING, defaults, prune
from vector_desktop.views.json_schema.schema_containers import ArrayEditor, MapEditor, ObjectEditor
from vector_desktop.views.json_schema.schema_editors import Section
from vector_desktop.views.json_schema.schema_form import SchemaEditor, SchemaForm
from vector_desktop.views.json_schema.schema_variants import VariantEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NESTED: dict[str, Any] = {
    "type": "object",
    "properties": {
        "project": {
            "type": "object",
            "title": "Project",
            "required": ["settings"],
            "properties": {
                "name": {"type": "string"},
                "settings": {
                    "type": "object",
                    "required": ["visibility"],
                    "properties": {
                        "visibility": {"enum": ["public", "private"], "default": "private"},
                        "limits": {
                            "type": "object",
                            "properties": {"members": {"type": "integer", "minimum": 1, "default": 10}},
                        },
                    },
                },
            },
        }
    },
    "required": ["project"],
}
NESTED["properties"]["note"] = {"type": "string"}  # with a second field, `project` is a group of its own


@pytest.fixture
def make_form(qtbot: QtBot) -> Callable[[Any], SchemaForm]:
    def make(schema: Any) -> SchemaForm:
        form = SchemaForm()
        qtbot.addWidget(form)
        form.set_schema(schema)
        form.resize(640, 900)
        form.show()
        qtbot.waitExposed(form)
        return form

    return make


@pytest.fixture
def make_editor(qtbot: QtBot) -> Callable[[Any], SchemaEditor]:
    def make(schema: Any) -> SchemaEditor:
        editor = SchemaEditor()
        qtbot.addWidget(editor)
        editor.set_schema(schema)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    return make


def line(form: SchemaForm, path: str) -> QLineEdit:
    widget = form.widget_at(path)
    assert isinstance(widget, QLineEdit), (path, widget)
    return widget


def type_into(qtbot: QtBot, form: SchemaForm, path: str, text: str) -> None:
    widget = form.widget_at(path)
    assert isinstance(widget, QLineEdit | QPlainTextEdit), (path, widget)
    widget.clear()
    for number, piece in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)  # QTest cannot type "\n" as a character
        qtbot.keyClicks(widget, piece)


def message_label(form: SchemaForm, path: str) -> QLabel:
    row = dict(form.rows())[path]
    return row.message


def focused(form: QWidget) -> QWidget | None:
    return form.window().focusWidget()


def tab_order(start: QWidget, count: int) -> list[str]:
    names: list[str] = []
    widget = start
    while len(names) < count:
        following = widget.nextInFocusChain()
        assert following is not None
        widget = following
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            names.append(widget.objectName() or widget.accessibleName())
    return names


# -- the Merge tool, `input`-wrapped
def test_typing_into_a_merge_tool_form_gives_the_wrapped_arguments(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form(LINEAR_CREATE_ISSUE)
    assert form.value() == {"input": {"priority": 2, "state": "todo"}}  # the defaults, nothing else
    assert line(form, "input.priority").text() == "2"
    # The lone `input` wrapper is not a group of its own: its fields are the form.
    wrapper = form.editor_at("input")
    assert isinstance(wrapper, ObjectEditor) and wrapper.section is None
    type_into(qtbot, form, "input.title", "Login fails on Safari")
    type_into(qtbot, form, "input.team_id", "ENG")
    type_into(qtbot, form, "input.description", "Steps:\n1. open\n2. fail")
    type_into(qtbot, form, "input.priority", "1")
    type_into(qtbot, form, "input.estimate", "2.5")
    type_into(qtbot, form, "input.due_date", "2026-12-24")
    labels = form.editor_at("input.labels")
    assert isinstance(labels, ArrayEditor)
    qtbot.mouseClick(labels.add_button, Qt.MouseButton.LeftButton)
    assert focused(form) is labels.lines[0][1].editor.focus_widget()  # the new row gets the focus
    qtbot.keyClicks(focused(form), "bug")
    qtbot.mouseClick(labels.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(focused(form), "safari")
    state = form.widget_at("input.state")
    assert isinstance(state, QComboBox)
    state.setCurrentIndex(state.findText("done"))
    assert form.value() == {
        "input": {
            "title": "Login fails on Safari",
            "team_id": "ENG",
            "description": "Steps:\n1. open\n2. fail",
            "priority": 1,
            "estimate": 2.5,
            "labels": ["bug", "safari"],
            "state": "done",
            "due_date": "2026-12-24",
        }
    }
    assert form.validate()


def test_required_limits_and_pattern_messages_sit_next_to_their_fields(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form(LINEAR_CREATE_ISSUE)
    assert not form.validate()
    assert form.message_at("input.title") == "This field is required."
    assert form.message_at("input.team_id") == "This field is required."
    assert form.message_at("input.priority") == ""
    title_message = message_label(form, "input.title")
    assert title_message.isVisible() and "c62828" in title_message.styleSheet()
    # "next to": the message is in the same row box as the title's input, right under it.
    editor = line(form, "input.title").parentWidget()
    assert editor is not None and title_message.parentWidget() is editor.parentWidget()
    assert focused(form) is line(form, "input.title")  # the first wrong field gets the focus
    assert "This field is required." in line(form, "input.title").accessibleDescription()

    type_into(qtbot, form, "input.title", "ab")
    type_into(qtbot, form, "input.team_id", "eng1")
    type_into(qtbot, form, "input.priority", "9")
    assert not form.validate()
    assert form.message_at("input.title") == "Use at least 3 characters."
    assert form.message_at("input.team_id") == "Must match the pattern ^[A-Z]{2,5}$."
    assert form.message_at("input.priority") == "Must be at most 4."
    assert focused(form) is line(form, "input.title")

    type_into(qtbot, form, "input.title", "Long enough")
    qtbot.waitUntil(lambda: form.message_at("input.title") == "")  # messages follow the edits after validate()
    assert form.message_at("input.team_id") != ""
    assert not form.validate()
    assert focused(form) is line(form, "input.team_id")


def test_a_required_field_is_marked_and_described(make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form(LINEAR_CREATE_ISSUE)
    labels = {label.text() for label in form.findChildren(QLabel)}
    assert {"Title *", "Team id *", "Priority", "Description"} <= labels
    title = line(form, "input.title")
    assert title.accessibleName() == "Title"
    assert title.accessibleDescription() == "Short summary Required."
    assert title.toolTip() == "Short summary"
    assert "Short summary" in {label.text() for label in form.findChildren(QLabel, "fieldHelp")}
    assert line(form, "input.team_id").placeholderText() == "e.g. ENG"
    assert line(form, "input.due_date").placeholderText() == "YYYY-MM-DD"
    assert isinstance(form.widget_at("input.description"), QPlainTextEdit)
    assert line(form, "input.title").maxLength() == 120


def test_a_password_field_is_masked(make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form(LINEAR_CREATE_ISSUE)
    token = line(form, "input.api_token")
    assert token.echoMode() == QLineEdit.EchoMode.Password
    masked = make_form(
        {"type": "object", "properties": {"secret": {"type": "string", "writeOnly": True, "maxLength": 500}}}
    )
    assert line(masked, "secret").echoMode() == QLineEdit.EchoMode.Password  # never a plain text area


def test_keyboard_tab_order_follows_the_form(make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form(LINEAR_CREATE_ISSUE)
    order = tab_order(line(form, "input.title"), 6)
    assert order[:5] == ["field_team_id", "field_description", "field_priority", "field_estimate", "sectionHeader"]
    labels = form.editor_at("input.labels")
    assert isinstance(labels, ArrayEditor)
    labels.add_button.click()
    row_input = labels.lines[0][1].editor.focus_widget()
    assert labels.section is not None
    assert tab_order(labels.section.header, 3) == [row_input.accessibleName(), "Remove row 1", "Add item (Labels)"]


# -- enums, booleans, numbers
def test_enums_are_combo_boxes_with_a_not_set_choice_when_optional(make_form) -> None:  # type: ignore[no-untyped-def]
    schema = {
        "type": "object",
        "required": ["size", "color"],
        "properties": {
            "size": {"enum": ["S", "M", "L"], "default": "M"},
            "color": {"oneOf": [{"const": "#f00", "title": "Red"}, {"const": "#00f", "title": "Blue"}]},
            "shape": {"type": "string", "enum": ["round", "square"]},
            "tone": {"enum": ["warm", None]},
        },
    }
    form = make_form(schema)

    def items(path: str) -> list[str]:
        combo = form.widget_at(path)
        assert isinstance(combo, QComboBox)
        return [combo.itemText(i) for i in range(combo.count())]

    assert items("size") == ["S", "M", "L"]
    assert items("color") == ["(choose one)", "Red", "Blue"]
    assert items("shape") == ["(not set)", "round", "square"]
    assert items("tone") == ["(not set)", "(none)", "warm"]
    assert form.value() == {"size": "M"}
    assert not form.validate() and form.message_at("color") == "This field is required."
    color = form.widget_at("color")
    assert isinstance(color, QComboBox)
    color.setCurrentIndex(2)
    tone = form.widget_at("tone")
    assert isinstance(tone, QComboBox)
    tone.setCurrentIndex(1)
    assert form.value() == {"size": "M", "color": "#00f", "tone": None}
    form.set_value({"size": "L", "shape": "square"})
    assert form.value() == {"size": "L", "shape": "square"}


def test_booleans_have_a_not_set_state_when_optional_without_default(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    schema = {
        "type": "object",
        "required": ["agree"],
        "properties": {
            "agree": {"type": "boolean"},
            "notify": {"type": "boolean", "default": True},
            "archived": {"type": "boolean"},
        },
    }
    form = make_form(schema)
    agree, notify, archived = (form.widget_at(p) for p in ("agree", "notify", "archived"))
    assert isinstance(agree, QCheckBox) and isinstance(notify, QCheckBox) and isinstance(archived, QCheckBox)
    assert not agree.isTristate() and notify.isTristate() and archived.isTristate()  # optional: may be unset
    assert archived.text() == "Not set" and notify.text() == "Yes"
    assert form.value() == {"agree": False, "notify": True}
    qtbot.keyClick(archived, Qt.Key.Key_Space)
    assert archived.checkState() == Qt.CheckState.Checked and archived.text() == "Yes"
    assert form.value()["archived"] is True
    form.set_value({"agree": True})
    assert form.value() == {"agree": True}  # what is not in the value is not set, not false
    assert archived.checkState() == notify.checkState() == Qt.CheckState.PartiallyChecked


def test_numbers_take_digits_only_of_any_size(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form(
        {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "ratio": {"type": "number"}, "page": {"type": "integer"}},
        }
    )
    qtbot.keyClicks(line(form, "id"), "12a3")  # the letter is refused as it is typed
    assert line(form, "id").text() == "123"
    type_into(qtbot, form, "id", "123456789012345678901234567890")  # beyond 64 bits
    type_into(qtbot, form, "ratio", "1.5e3")
    assert form.value() == {"id": 123456789012345678901234567890, "ratio": 1500.0}
    type_into(qtbot, form, "ratio", "1e")
    assert not form.validate() and form.message_at("ratio") == "Enter a number."
    type_into(qtbot, form, "ratio", "-0.25")
    assert form.validate() and form.value() == {"id": 123456789012345678901234567890, "ratio": -0.25}


# -- lists and nested objects
def test_lists_add_and_remove_rows_within_min_and_max_items(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    schema = {
        "type": "object",
        "required": ["tags"],
        "properties": {
            "tags": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}, "minItems": 1, "maxItems": 3}
        },
    }
    form = make_form(schema)
    tags = form.editor_at("tags")
    assert isinstance(tags, ArrayEditor)
    assert len(tags.lines) == 1  # minItems blank rows to start with
    remove_first = tags.lines[0][2]
    assert not remove_first.isEnabled()  # cannot go below minItems
    qtbot.keyClicks(tags.lines[0][1].editor.focus_widget(), "one")
    for text in ("Two", "three"):
        qtbot.mouseClick(tags.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(focused(form), text)
    assert not tags.add_button.isEnabled()  # maxItems reached
    assert form.value() == {"tags": ["one", "Two", "three"]}
    assert not form.validate()
    assert form.message_at("tags[1]") == "Must match the pattern ^[a-z]+$."
    assert focused(form) is tags.lines[1][1].editor.focus_widget()
    qtbot.mouseClick(tags.lines[1][2], Qt.MouseButton.LeftButton)  # remove "Two"
    assert form.value() == {"tags": ["one", "three"]}
    assert tags.add_button.isEnabled()
    assert focused(form) is tags.lines[1][1].editor.focus_widget()  # the focus moves to the next row
    qtbot.waitUntil(lambda: form.message_at("tags[1]") == "")
    assert [remove.accessibleName() for _l, _r, remove, _k in tags.lines] == ["Remove row 1", "Remove row 2"]


def test_a_blank_row_is_left_out_and_messages_still_find_their_row(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form(
        {"type": "object", "properties": {"ids": {"type": "array", "items": {"type": "integer", "maximum": 9}}}}
    )
    ids = form.editor_at("ids")
    assert isinstance(ids, ArrayEditor)
    assert form.value() == {}
    for _ in range(3):
        ids.add_button.click()
    qtbot.keyClicks(ids.lines[1][1].editor.focus_widget(), "4")
    qtbot.keyClicks(ids.lines[2][1].editor.focus_widget(), "42")
    assert form.value() == {"ids": [4, 42]}
    assert not form.validate()
    assert dict(form.rows())["ids[1]"] is ids.lines[2][1]  # value index 1 is the third row
    assert ids.lines[2][1].message_text == "Must be at most 9."


def test_lists_of_objects_and_refs(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form(PYDANTIC_TOOL)
    assert form.value() == {"mode": "fast"}  # null defaults are blank fields, left out
    mode = form.widget_at("mode")
    assert isinstance(mode, QComboBox) and mode.currentText() == "fast"
    type_into(qtbot, form, "query", "open bugs")
    filters = form.editor_at("filters")
    assert isinstance(filters, ArrayEditor)
    filters.add_button.click()
    item = filters.lines[0][1].editor
    assert isinstance(item, ObjectEditor) and item.section is not None and item.section.header.text() == "Item 1"
    type_into(qtbot, form, "filters[0].field", "state")
    value_editor = form.widget_at("filters[0].value")
    assert isinstance(value_editor, QPlainTextEdit)  # `value` has no type: free JSON
    qtbot.keyClicks(value_editor, '["open", 3]')
    assert form.value() == {"query": "open bugs", "mode": "fast", "filters": [{"field": "state", "value": ["open", 3]}]}
    value_editor.setPlainText('{"open": ')
    assert not form.validate()
    assert form.message_at("filters[0].value").startswith("Not valid JSON at line 1, column 10")


def test_nested_objects_are_foldable_groups_that_open_for_a_message(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form(NESTED)
    assert form.value() == {"project": {"settings": {"visibility": "private", "limits": {"members": 10}}}}
    sections = form.findChildren(Section)
    assert [s.header.text() for s in sections] == ["Project *", "Settings *", "Limits"]
    limits = sections[2]
    qtbot.mouseClick(limits.header, Qt.MouseButton.LeftButton)
    assert not limits.expanded and not limits.body.isVisible()
    type_into(qtbot, form, "project.settings.limits.members", "0")
    assert not form.validate()
    assert form.message_at("project.settings.limits.members") == "Must be at least 1."
    assert limits.expanded and focused(form) is form.widget_at("project.settings.limits.members")
    type_into(qtbot, form, "project.name", "Apollo")
    type_into(qtbot, form, "project.settings.limits.members", "")
    assert form.value() == {"project": {"name": "Apollo", "settings": {"visibility": "private"}}}


def test_free_key_value_rows(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    schema = {
        "type": "object",
        "properties": {
            "headers": {"type": "object", "additionalProperties": {"type": "string", "minLength": 2}},
            "extra": {"type": "object"},
        },
    }
    form = make_form(schema)
    headers = form.editor_at("headers")
    assert isinstance(headers, ObjectEditor) and isinstance(headers.map, MapEditor)
    headers.map.add_button.click()
    key = headers.map.lines[0][3]
    assert key is not None and focused(form) is key
    qtbot.keyClicks(key, "X-Trace")
    qtbot.keyClicks(headers.map.lines[0][1].editor.focus_widget(), "a")
    extra = form.editor_at("extra")
    assert isinstance(extra, ObjectEditor) and extra.map is not None
    for name, text in (("n", "42"), ("s", "plain words"), ("q", '"42"')):
        extra.map.add_button.click()
        entry = extra.map.lines[-1]
        qtbot.keyClicks(entry[3], name)
        qtbot.keyClicks(entry[1].editor.focus_widget(), text)
    assert form.value() == {"headers": {"X-Trace": "a"}, "extra": {"n": 42, "s": "plain words", "q": "42"}}
    assert not form.validate() and form.message_at("headers.X-Trace") == "Use at least 2 characters."
    form.set_value(form.value())
    assert form.value() == {"headers": {"X-Trace": "a"}, "extra": {"n": 42, "s": "plain words", "q": "42"}}


def test_multiple_choice_is_a_checkable_list(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    schema = {
        "type": "object",
        "properties": {"days": {"type": "array", "items": {"enum": ["mon", "tue", "wed"]}, "minItems": 2}},
    }
    form = make_form(schema)
    days = form.widget_at("days")
    assert isinstance(days, QListWidget) and days.count() == 3
    assert form.value() == {}
    days.item(2).setCheckState(Qt.CheckState.Checked)
    assert form.value() == {"days": ["wed"]}
    assert not form.validate() and form.message_at("days") == "Add at least 2 items."
    days.setCurrentRow(0)
    qtbot.keyClick(days, Qt.Key.Key_Space)  # keyboard: Space ticks the current option
    assert form.value() == {"days": ["mon", "wed"]}


# -- variants
def test_a_variant_chooser_swaps_the_sub_form_and_keeps_what_was_typed(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form(NOTIFY_VARIANTS)
    target = form.editor_at("target")
    assert isinstance(target, VariantEditor)
    assert [target.combo.itemText(i) for i in range(target.combo.count())] == ["Email", "sms"]
    assert form.value() == {"target": {"kind": "email"}}
    type_into(qtbot, form, "target.address", "ops@example.com")
    target.combo.setCurrentIndex(1)
    assert form.widget_at("target.address") is None and form.widget_at("target.number") is not None
    assert form.value() == {"target": {"kind": "sms"}}
    assert not form.validate() and form.message_at("target.number") == "This field is required."
    assert focused(form) is form.widget_at("target.number")
    type_into(qtbot, form, "target.number", "+4912345")
    assert form.validate() and form.value() == {"target": {"kind": "sms", "number": "+4912345"}}
    target.combo.setCurrentIndex(0)
    assert form.value() == {"target": {"kind": "email", "address": "ops@example.com"}}
    form.set_value({"target": {"kind": "sms", "number": "+1"}})  # picked by its discriminator
    assert target.combo.currentIndex() == 1 and line(form, "target.number").text() == "+1"


def test_an_optional_variant_starts_unset_and_scalar_variants_sit_inline(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    schema = {
        "type": "object",
        "properties": {"when": {"anyOf": [{"type": "string", "format": "date"}, {"type": "integer"}]}},
    }
    form = make_form(schema)
    when = form.editor_at("when")
    assert isinstance(when, VariantEditor) and not when.wide
    assert when.combo.currentText() == "(not set)" and form.value() == {}
    when.combo.setCurrentIndex(2)
    number = when.current_editor()
    assert number is not None and isinstance(number.focus_widget(), QLineEdit)
    number.focus_widget().setText("7")  # type: ignore[attr-defined]
    assert form.value() == {"when": 7} and form.validate()
    when.combo.setCurrentIndex(1)
    assert form.value() == {}  # the text variant starts blank
    text = when.current_editor()
    assert text is not None
    qtbot.keyClicks(text.focus_widget(), "2026-13-01")
    assert not form.validate() and form.message_at("when") == "Enter a date as YYYY-MM-DD."


# -- defaults and schemas with refs
@pytest.mark.parametrize("schema", [LINEAR_CREATE_ISSUE, PYDANTIC_TOOL, ZOD_TOOL, NOTIFY_VARIANTS, NESTED])
def test_the_form_starts_with_the_pruned_defaults(make_form, schema: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    form = make_form(schema)
    assert form.value() == prune(defaults(schema), schema)


def test_a_recursive_ref_ends_in_a_json_field(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    tree = {
        "$defs": {
            "Node": {"type": "object", "properties": {"name": {"type": "string"}, "next": {"$ref": "#/$defs/Node"}}}
        },
        "type": "object",
        "properties": {"root": {"$ref": "#/$defs/Node"}},
    }
    form = make_form(tree)
    type_into(qtbot, form, "root.name", "a")
    type_into(qtbot, form, "root.next.name", "b")
    deepest = form.widget_at("root.next.next")
    assert isinstance(deepest, QPlainTextEdit)
    qtbot.keyClicks(deepest, '{"name": "c"}')
    assert form.value() == {"root": {"name": "a", "next": {"name": "b", "next": {"name": "c"}}}}


def test_an_empty_schema_and_a_scalar_root(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form({"type": "object", "properties": {}, "additionalProperties": False})
    assert form.value() == {} and form.validate()
    assert "Nothing to fill in." in {label.text() for label in form.findChildren(QLabel)}
    form.set_schema({"type": "string", "minLength": 2, "title": "Answer"})
    assert form.value() is MISSING
    assert not form.validate() and form.message_at("") == "A value is required."
    type_into(qtbot, form, "", "x")
    assert not form.validate() and form.message_at("") == "Use at least 2 characters."


@pytest.mark.parametrize("schema", [None, True, {}])
def test_no_schema_gives_free_entries(qtbot: QtBot, make_form, schema: Any) -> None:  # type: ignore[no-untyped-def]
    form = make_form(schema)
    assert form.value() == {} and form.validate()
    root = form.editor_at("")
    assert isinstance(root, ObjectEditor) and root.map is not None
    root.map.add_button.click()
    qtbot.keyClicks(root.map.lines[0][3], "limit")  # type: ignore[arg-type]
    qtbot.keyClicks(root.map.lines[0][1].editor.focus_widget(), "5")
    assert form.value() == {"limit": 5}


def test_fields_not_in_the_form_are_kept(make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form(ZOD_TOOL)
    form.set_value({"channel": "general", "stray": 1})
    assert form.value() == {"channel": "general", "stray": 1}
    assert not form.validate() and "Unknown field: stray." in form.message_label.text()
    notes = [label.text() for label in form.findChildren(QLabel) if label.isVisible() and "stray" in label.text()]
    assert any("Also sent" in text for text in notes)


def test_changed_is_emitted_for_edits_not_for_loading(qtbot: QtBot, make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form(LINEAR_CREATE_ISSUE)
    with qtbot.waitSignal(form.changed, timeout=1000):
        qtbot.keyClicks(line(form, "input.title"), "x")
    emitted: list[int] = []
    form.changed.connect(lambda: emitted.append(1))
    form.set_value({"input": {"title": "a", "labels": ["x", "y"]}})
    assert emitted == [1]  # one for the whole load


# -- the JSON mode
def test_json_mode_round_trip(qtbot: QtBot, make_editor) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(LINEAR_CREATE_ISSUE)
    form = editor.form
    type_into(qtbot, form, "input.title", "From the form")
    assert editor.set_mode(SchemaEditor.JSON) and editor.mode() == SchemaEditor.JSON
    assert editor.json_button.isChecked() and editor.json_edit.isVisible()
    assert json.loads(editor.json_edit.toPlainText()) == {
        "input": {"title": "From the form", "priority": 2, "state": "todo"}
    }
    assert editor.value() == {"input": {"title": "From the form", "priority": 2, "state": "todo"}}
    editor.json_edit.setPlainText('{"input": {"title": "From JSON", "team_id": "OPS", "labels": ["a"]}}')
    assert editor.value() == {"input": {"title": "From JSON", "team_id": "OPS", "labels": ["a"]}}
    assert editor.validate()
    qtbot.mouseClick(editor.form_button, Qt.MouseButton.LeftButton)
    assert editor.mode() == SchemaEditor.FORM
    assert line(form, "input.title").text() == "From JSON" and line(form, "input.priority").text() == ""
    assert editor.value() == {"input": {"title": "From JSON", "team_id": "OPS", "labels": ["a"]}}


def test_a_json_syntax_error_says_where_and_stays_in_json_mode(qtbot: QtBot, make_editor) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(LINEAR_CREATE_ISSUE)
    editor.set_mode(SchemaEditor.JSON)
    editor.json_edit.setPlainText('{\n  "input": {"title": "x",}\n}')
    qtbot.mouseClick(editor.form_button, Qt.MouseButton.LeftButton)
    assert editor.mode() == SchemaEditor.JSON and editor.json_button.isChecked()
    assert editor.json_message.isVisible()
    assert (
        editor.json_message.text()
        == "Not valid JSON at line 2, column 26: Expecting property name enclosed in double quotes."
    )
    assert editor.json_edit.textCursor().position() == 27  # the cursor is put at the mistake
    assert focused(editor) is editor.json_edit
    with pytest.raises(ValueError, match="line 2, column 26"):
        editor.value()
    assert not editor.validate()
    qtbot.keyClicks(editor.json_edit, " ")
    assert not editor.json_message.isVisible()  # typing clears the old complaint


def test_json_mode_validates_against_the_schema(make_editor) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(LINEAR_CREATE_ISSUE)
    editor.set_mode(SchemaEditor.JSON)
    editor.json_edit.setPlainText('{"input": {"title": "ab"}}')
    assert not editor.validate()
    assert set(editor.json_message.text().splitlines()) == {
        "input.title: Use at least 3 characters.",
        "input.team_id: This field is required.",
    }
    editor.set_value({"input": {"title": "Good title", "team_id": "ENG"}})
    assert json.loads(editor.json_edit.toPlainText()) == {"input": {"title": "Good title", "team_id": "ENG"}}
    assert editor.validate() and not editor.json_message.isVisible()
    editor.json_edit.setPlainText("")
    assert editor.value() == {}


def test_switching_schema_in_json_mode_shows_its_defaults(make_editor) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(LINEAR_CREATE_ISSUE)
    editor.set_mode(SchemaEditor.JSON)
    editor.set_schema(PYDANTIC_TOOL)
    assert json.loads(editor.json_edit.toPlainText()) == {"mode": "fast"}
    assert editor.set_mode(SchemaEditor.FORM) and editor.form.value() == {"mode": "fast"}


# -- round trips of generated values through the widgets
PRINTABLE = st.text(st.characters(categories=("L", "N", "P", "Zs"), max_codepoint=0x2FFF), min_size=1, max_size=10)
LINES = st.text(st.characters(categories=("L", "N", "P", "Zs"), include_characters="\n"), min_size=1, max_size=10)
OPTIONS = ["x", "y", "z"]
KINDS: dict[str, tuple[dict[str, Any], st.SearchStrategy[Any]]] = {
    "text": ({"type": "string"}, PRINTABLE),
    "body": ({"type": "string"}, LINES),  # a text area, by its name
    "int": ({"type": "integer"}, st.integers(-(2**80), 2**80)),
    "num": ({"type": "number"}, st.floats(-1e12, 1e12, allow_nan=False).filter(lambda f: not f.is_integer())),
    "flag": ({"type": "boolean"}, st.booleans()),
    "pick": ({"enum": ["a", "b", 3]}, st.sampled_from(["a", "b", 3])),
    "many": (
        {"type": "array", "items": {"enum": OPTIONS}},
        st.sets(st.sampled_from(OPTIONS), min_size=1).map(lambda chosen: [o for o in OPTIONS if o in chosen]),
    ),
    "list": ({"type": "array", "items": {"type": "string"}}, st.lists(PRINTABLE, min_size=1, max_size=3)),
    "obj": (
        {"type": "object", "properties": {"inner": {"type": "integer"}}},
        st.fixed_dictionaries({"inner": st.integers()}),
    ),
    "json": (
        {},
        st.one_of(
            st.integers(), st.lists(st.booleans(), min_size=1), st.dictionaries(PRINTABLE, st.integers(), min_size=1)
        ),
    ),
    "kv": (
        {"type": "object", "additionalProperties": {"type": "integer"}},
        st.dictionaries(PRINTABLE, st.integers(), min_size=1, max_size=3),
    ),
}


@st.composite
def schema_and_value(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A schema of some of the kinds above and a value filling some of its fields (none of them blank)."""
    chosen = draw(st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=5, unique=True))
    schema = {"type": "object", "properties": {name: KINDS[name][0] for name in chosen}}
    value = draw(st.fixed_dictionaries({}, optional={name: KINDS[name][1] for name in chosen}))
    return schema, value


NBSP_CASE = (
    {
        "type": "object",
        "properties": {"body": {"type": "string"}, "list": {"type": "array", "items": {"type": "string"}}},
    },
    {"body": "a\xa0b\n", "list": ["\xa0"]},
)  # non-breaking spaces, in a text area and in the JSON text: QPlainTextEdit.toPlainText() would turn them into " "


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(generated=schema_and_value())
@example(generated=NBSP_CASE)
def test_set_value_then_value_gives_the_same_arguments(
    qtbot: QtBot, generated: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    schema, value = generated
    form = SchemaForm()
    qtbot.addWidget(form)
    form.set_schema(schema)
    form.set_value(value)
    assert form.value() == value
    editor = SchemaEditor()
    qtbot.addWidget(editor)
    editor.set_schema(schema)
    editor.set_value(value)
    editor.set_mode(SchemaEditor.JSON)
    assert editor.value() == value and editor.set_mode(SchemaEditor.FORM) and editor.value() == value
