"""The GUI approver: one question shown at a time, the next after an answer, a stopped answer withdraws its
question, closing the chat view-model denies what is still open; and the approval dialogs it opens."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.qt.tool_policy.chat_rig import until
from vector_desktop.domain.tool_policy import ApprovalAnswer, ApprovalRequest, GrantScope
from vector_desktop.domain.tools import ToolSpec
from vector_desktop.presentation.tools.gui_approver import GuiApprover
from vector_desktop.views.tool_policy.approval_presenter import ApprovalPresenter


def question(name: str) -> ApprovalRequest:
    spec = ToolSpec("demo", name, f"demo__{name}", input_schema={"type": "object", "properties": {}})
    return ApprovalRequest("conv-1", spec, "Demo", {})


@pytest.mark.asyncio
async def test_questions_queue_and_are_shown_one_at_a_time() -> None:
    approver = GuiApprover()
    shown: list[str] = []
    closed: list[int] = []
    approver.request_shown.connect(lambda _id, request: shown.append(request.spec.name))
    approver.request_closed.connect(closed.append)
    first = asyncio.ensure_future(approver.ask(question("one")))
    second = asyncio.ensure_future(approver.ask(question("two")))
    await until(lambda: len(approver.pending) == 2)
    assert shown == ["one"]
    one, two = approver.pending
    assert not approver.answer(two + 100, ApprovalAnswer(True))  # no such question
    approver.answer(one, ApprovalAnswer(True, GrantScope.HOUR))
    assert await first == ApprovalAnswer(True, GrantScope.HOUR)
    await until(lambda: shown == ["one", "two"])
    assert closed == [one]
    approver.answer(two, ApprovalAnswer(False))
    assert await second == ApprovalAnswer(False)
    assert approver.pending == [] and approver.current is None


@pytest.mark.asyncio
async def test_a_stopped_answer_withdraws_its_question_and_closing_denies_the_rest() -> None:
    approver = GuiApprover()
    shown: list[str] = []
    approver.request_shown.connect(lambda _id, request: shown.append(request.spec.name))
    first = asyncio.ensure_future(approver.ask(question("one")))
    second = asyncio.ensure_future(approver.ask(question("two")))
    await until(lambda: len(approver.pending) == 2)
    first.cancel()  # the user pressed Stop while the dialog was open
    await until(lambda: shown == ["one", "two"])
    approver.close()
    assert await second == ApprovalAnswer(False)
    assert await approver.ask(question("three")) == ApprovalAnswer(False)  # after close: denied at once
    assert shown == ["one", "two"]


@pytest.mark.asyncio
async def test_the_dialogs_follow_the_queue(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    approver = GuiApprover()
    presenter = ApprovalPresenter(approver, window)
    first = asyncio.ensure_future(approver.ask(question("one")))
    second = asyncio.ensure_future(approver.ask(question("two")))
    await until(lambda: presenter.dialog is not None)
    dialog = presenter.dialog
    assert dialog is not None
    assert "one" in dialog.ui.toolLabel.text()
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert await first == ApprovalAnswer(True, GrantScope.ONCE)
    await until(lambda: presenter.dialog is not None and "two" in presenter.dialog.ui.toolLabel.text())
    finished: list[int] = []
    assert presenter.dialog is not None
    presenter.dialog.finished.connect(finished.append)
    approver.close()  # the chat view-model closes: the open question is denied, its dialog goes away
    assert await second == ApprovalAnswer(False)
    await until(lambda: presenter.dialog is None and finished)
