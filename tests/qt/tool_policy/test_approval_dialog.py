"""The approval dialog as the user drives it: what it shows, Enter allows once, Esc denies, each scope button, edited
arguments come back, arguments that do not fit the schema block every Allow button."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from vector_desktop.domain.tool_policy import ApprovalAnswer, ApprovalRequest, GrantScope
from vector_desktop.domain.tools import ToolAnnotations, ToolSpec
from vector_desktop.views.tool_policy.approval_dialog import ApprovalDialog

SCHEMA = {
    "type": "object",
    "properties": {
        "title": {"type": "string", "minLength": 1, "description": "The issue's title."},
        "team_id": {"type": "string"},
    },
    "required": ["title", "team_id"],
}
SPEC = ToolSpec(
    "linear",
    "create_issue",
    "linear__create_issue",
    description="Create an issue in Linear.",
    input_schema=SCHEMA,
    annotations=ToolAnnotations(destructive=True, open_world=True),
)


def request(arguments: dict[str, Any] | None = None) -> ApprovalRequest:
    return ApprovalRequest(
        "conv-1",
        SPEC,
        "Linear",
        arguments if arguments is not None else {"title": "Broken login", "team_id": "T1"},
        summary="Creates the issue “Broken login” in team T1.",
        reason="destructive tool",
    )


def open_dialog(qtbot: Any, arguments: dict[str, Any] | None = None) -> tuple[ApprovalDialog, list[ApprovalAnswer]]:
    dialog = ApprovalDialog(request(arguments))
    qtbot.addWidget(dialog)
    answers: list[ApprovalAnswer] = []
    dialog.answered.connect(answers.append)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, answers


def test_the_dialog_shows_the_tool_its_connector_badges_reason_and_summary(qtbot: Any) -> None:
    dialog, _answers = open_dialog(qtbot)
    ui = dialog.ui
    assert "create_issue" in ui.toolLabel.text() and "Linear" in ui.toolLabel.text()
    assert "linear__create_issue" in ui.qualifiedLabel.text()
    assert "destructive" in ui.badgesLabel.text() and "open-world" in ui.badgesLabel.text()
    assert ui.reasonLabel.text().endswith("destructive tool")
    assert ui.summaryLabel.text() == "Creates the issue “Broken login” in team T1."
    assert dialog.editor.value() == {"title": "Broken login", "team_id": "T1"}
    assert ui.allowOnceButton.isDefault() and ui.allowOnceButton.isEnabled()


def test_enter_allows_once(qtbot: Any) -> None:
    dialog, answers = open_dialog(qtbot)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert answers == [ApprovalAnswer(allowed=True, scope=GrantScope.ONCE, arguments=None)]
    assert not dialog.isVisible()


def test_enter_in_a_field_of_the_form_allows_once(qtbot: Any) -> None:
    dialog, answers = open_dialog(qtbot)
    field = dialog.editor.form.widget_at("title")
    assert isinstance(field, QLineEdit)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert answers == [ApprovalAnswer(allowed=True, scope=GrantScope.ONCE)]


def test_escape_denies(qtbot: Any) -> None:
    dialog, answers = open_dialog(qtbot)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    assert answers == [ApprovalAnswer(allowed=False)]
    assert not dialog.isVisible()


@pytest.mark.parametrize(
    ("button", "scope"),
    [
        ("allowOnceButton", GrantScope.ONCE),
        ("allowConversationButton", GrantScope.CONVERSATION),
        ("allowHourButton", GrantScope.HOUR),
        ("allowAlwaysButton", GrantScope.ALWAYS),
    ],
)
def test_each_scope_button_answers_with_its_scope(qtbot: Any, button: str, scope: GrantScope) -> None:
    dialog, answers = open_dialog(qtbot)
    qtbot.mouseClick(getattr(dialog.ui, button), Qt.MouseButton.LeftButton)
    assert answers == [ApprovalAnswer(allowed=True, scope=scope)]


def test_the_deny_button_denies(qtbot: Any) -> None:
    dialog, answers = open_dialog(qtbot)
    qtbot.mouseClick(dialog.ui.denyButton, Qt.MouseButton.LeftButton)
    assert answers == [ApprovalAnswer(allowed=False)]


def test_edited_arguments_come_back_with_the_answer(qtbot: Any) -> None:
    dialog, answers = open_dialog(qtbot)
    field = dialog.editor.form.widget_at("title")
    assert isinstance(field, QLineEdit)
    field.selectAll()
    qtbot.keyClicks(field, "Login broken on Safari")
    qtbot.mouseClick(dialog.ui.allowConversationButton, Qt.MouseButton.LeftButton)
    edited = {"title": "Login broken on Safari", "team_id": "T1"}
    assert answers == [ApprovalAnswer(allowed=True, scope=GrantScope.CONVERSATION, arguments=edited)]


def test_arguments_edited_as_json_come_back(qtbot: Any) -> None:
    dialog, answers = open_dialog(qtbot)
    qtbot.mouseClick(dialog.editor.json_button, Qt.MouseButton.LeftButton)
    dialog.editor.json_edit.setPlainText('{"title": "From JSON", "team_id": "T9"}')
    qtbot.mouseClick(dialog.ui.allowOnceButton, Qt.MouseButton.LeftButton)
    assert answers == [ApprovalAnswer(True, GrantScope.ONCE, {"title": "From JSON", "team_id": "T9"})]


def test_invalid_arguments_are_shown_next_to_the_field_and_block_allow(qtbot: Any) -> None:
    dialog, answers = open_dialog(qtbot)
    ui = dialog.ui
    field = dialog.editor.form.widget_at("title")
    assert isinstance(field, QLineEdit)
    field.clear()
    assert dialog.editor.form.message_at("title")  # next to the field
    assert ui.problemLabel.isVisible()
    for button in (ui.allowOnceButton, ui.allowConversationButton, ui.allowHourButton, ui.allowAlwaysButton):
        assert not button.isEnabled()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter does not allow either
    assert answers == [] and dialog.isVisible()
    qtbot.keyClicks(field, "Fixed")
    assert ui.allowOnceButton.isEnabled() and not ui.problemLabel.isVisible()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert answers == [ApprovalAnswer(True, GrantScope.ONCE, {"title": "Fixed", "team_id": "T1"})]


def test_json_that_does_not_parse_blocks_allow(qtbot: Any) -> None:
    dialog, answers = open_dialog(qtbot)
    qtbot.mouseClick(dialog.editor.json_button, Qt.MouseButton.LeftButton)
    dialog.editor.json_edit.setPlainText('{"title": ')
    assert not dialog.ui.allowOnceButton.isEnabled()
    assert "not valid" in dialog.ui.problemLabel.text()
    qtbot.mouseClick(dialog.ui.denyButton, Qt.MouseButton.LeftButton)
    assert answers == [ApprovalAnswer(allowed=False)]
