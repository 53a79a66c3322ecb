"""A full chat round with tools in the real chat panel: the loopback LLM server asks for a tool of the SDK-built MCP
server, the approval dialog appears, the user allows it once, the call runs on the MCP server, its row shows in the
transcript, the result goes back to the model and the final answer streams. Also the composer's tools choice."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.qt.tool_policy.chat_rig import LOCAL, open_tools_chat, tool_call_stream, until
from tests.support.sse_server import text_stream
from vector_desktop.domain.chat import MessageStatus, Role, ToolCallRecord
from vector_desktop.domain.tool_policy import TOOL_DENIED, ConversationTools
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.presentation.chat.chat_models import MessageAction, MessageRoles

ARGUMENTS = {"input": {"title": "Login broken", "team_id": "team-a"}}


def tool_rows(chat: Any) -> list[Any]:
    return [m for m in chat.vm.messages.messages() if m.role is Role.TOOL]


@pytest.mark.asyncio
async def test_the_model_asks_for_a_tool_the_user_allows_it_once_and_the_answer_streams(
    qtbot: Any, connectors_rig: Any, sse_server: Any, mcp_http_server: str
) -> None:
    async with open_tools_chat(qtbot, connectors_rig, sse_server, mcp_http_server) as chat:
        spec = chat.spec("linear__create_issue")
        sse_server.add(
            tool_call_stream("call_1", spec.qualified_name, ARGUMENTS), text_stream(["Created ", "ISS-100."])
        )
        chat.type_and_send("File a bug about the login")
        dialog = await chat.approval_dialog()
        assert "linear__create_issue" in dialog.ui.toolLabel.text() and "demo" in dialog.ui.toolLabel.text()
        assert dialog.editor.value() == ARGUMENTS
        # The transcript applies its changes once a frame: on a busy machine the dialog can come a frame first.
        await until(lambda: tool_rows(chat))
        rows = tool_rows(chat)
        assert rows[0].status is MessageStatus.STREAMING  # the row is there before the call runs
        row = chat.vm.messages.row_of(rows[0].id)
        assert chat.vm.messages.index(row).data(MessageRoles.STATUS_TEXT) == "Running…"
        assert MessageAction.STOP_TOOL in chat.vm.messages.index(row).data(MessageRoles.ACTIONS)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)  # Enter: allow once

        await until(lambda: chat.rows()[-1] == ("assistant", "Created ISS-100.", ""))
        assert chat.panel.tools.approvals.dialog is None
        (tool,) = tool_rows(chat)
        assert tool.status is MessageStatus.COMPLETE and "ISS-100" in tool.content
        index = chat.vm.messages.index(chat.vm.messages.row_of(tool.id))
        assert index.data(MessageRoles.HEADER).startswith("linear__create_issue · demo — input=")
        assert index.data(MessageRoles.STATUS_TEXT).startswith("Done")
        assert index.data(MessageRoles.BODY) == ""  # folded: one compact row
        chat.click_row_header(tool.id)
        body = index.data(MessageRoles.BODY)
        assert '"title": "Login broken"' in body and "ISS-100" in body  # arguments and result, pretty
        fold = chat.panel.message_menu(index).actions()[0]  # the same from the keyboard (context menu)
        assert fold.text() == "Hide arguments and result"
        fold.trigger()
        assert index.data(MessageRoles.BODY) == ""
        second = sse_server.chat_requests()[1].json["messages"]
        assert second[-1]["role"] == "tool" and "ISS-100" in second[-1]["content"]
        offered = [t["function"]["name"] for t in sse_server.chat_requests()[0].json["tools"]]
        assert spec.qualified_name in offered
        audit = [json.loads(line) for line in chat.audit_path.read_text(encoding="utf-8").splitlines()]
        assert [(a["qualified_name"], a["decision"]) for a in audit] == [(spec.qualified_name, "asked and allowed")]


@pytest.mark.asyncio
async def test_escape_denies_and_the_model_is_told(
    qtbot: Any, connectors_rig: Any, sse_server: Any, mcp_http_server: str
) -> None:
    async with open_tools_chat(qtbot, connectors_rig, sse_server, mcp_http_server) as chat:
        spec = chat.spec("linear__create_issue")
        sse_server.add(tool_call_stream("call_1", spec.qualified_name, ARGUMENTS), text_stream(["Understood."]))
        chat.type_and_send("File a bug")
        dialog = await chat.approval_dialog()
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
        await until(lambda: chat.rows()[-1] == ("assistant", "Understood.", ""))
        (tool,) = tool_rows(chat)
        assert tool.content == TOOL_DENIED
        index = chat.vm.messages.index(chat.vm.messages.row_of(tool.id))
        assert index.data(MessageRoles.STATUS_TEXT) == "Not run"

        # Retry asks again (the policy applies again); allowed, the call runs (the model had answered already).
        chat.click_message_button(tool.id, MessageAction.RETRY_TOOL)
        qtbot.mouseClick((await chat.approval_dialog()).ui.allowOnceButton, Qt.MouseButton.LeftButton)
        await until(lambda: "ISS-100" in chat.message(tool.id).content)
        await until(lambda: index.data(MessageRoles.STATUS_TEXT).startswith("Done"))


@pytest.mark.asyncio
async def test_stop_on_a_running_tool_row_stops_the_call(
    qtbot: Any, connectors_rig: Any, sse_server: Any, mcp_http_server: str
) -> None:
    async with open_tools_chat(qtbot, connectors_rig, sse_server, mcp_http_server) as chat:
        spec = chat.spec("slow_tool")
        sse_server.add(
            tool_call_stream("call_1", spec.qualified_name, {"seconds": 60, "step": 0.2}),
            text_stream(["I stopped waiting for it."]),
        )
        chat.type_and_send("Take your time")
        qtbot.mouseClick((await chat.approval_dialog()).ui.allowOnceButton, Qt.MouseButton.LeftButton)
        await until(lambda: bool(chat.panel.spinner.running))  # the running row spins
        history = connectors_rig.service.history
        await until(lambda: any(a.status is ToolStatus.RUNNING for a in connectors_rig.run(history())))
        (tool,) = tool_rows(chat)
        chat.click_message_button(tool.id, MessageAction.STOP_TOOL)
        await until(lambda: chat.message(tool.id).status is not MessageStatus.STREAMING)
        # That call alone stopped: the model is told, and its answer streams.
        await until(lambda: chat.rows()[-1] == ("assistant", "I stopped waiting for it.", ""))
        await until(lambda: not chat.vm.busy)
        index = chat.vm.messages.index(chat.vm.messages.row_of(tool.id))
        assert index.data(MessageRoles.STATUS_TEXT).startswith("Stopped")
        assert not chat.panel.spinner.running
        told = sse_server.chat_requests()[1].json["messages"][-1]
        assert told["role"] == "tool" and "The user stopped this tool call" in told["content"]
        audit = [json.loads(line) for line in chat.audit_path.read_text(encoding="utf-8").splitlines()]
        assert [(a["qualified_name"], a["status"]) for a in audit] == [(spec.qualified_name, "cancelled")]


@pytest.mark.asyncio
async def test_the_tools_menu_saves_the_choice_of_the_conversation(
    qtbot: Any, connectors_rig: Any, sse_server: Any, mcp_http_server: str
) -> None:
    async with open_tools_chat(qtbot, connectors_rig, sse_server, mcp_http_server) as chat:
        await chat.vm.new_conversation()
        conversation_id = chat.vm.current_id
        controls = chat.panel.tools
        assert chat.ui.toolsButton.isVisible()
        await until(lambda: chat.ui.toolsLabel.text().startswith("Tools: "))
        total = len(connectors_rig.service.tools(chat.connector_key))
        assert chat.ui.toolsLabel.text().startswith(f"Tools: {total} · ≈")

        controls.none_action.trigger()
        await until(lambda: chat.ui.toolsLabel.text() == "Tools: off")
        assert chat.policy_store.conversation_tools(conversation_id) == ConversationTools("none")

        controls.choose_action.trigger()
        chooser = controls.chooser
        assert chooser is not None and chooser.chosen() == []
        wanted = chat.spec("jira__search").qualified_name
        item = chooser.item_for(wanted)
        assert item is not None
        item.setCheckState(0, Qt.CheckState.Checked)
        chooser.accept()
        await until(lambda: chat.ui.toolsLabel.text().startswith("Tools: 1 · ≈"))
        assert chat.policy_store.conversation_tools(conversation_id) == ConversationTools("chosen", frozenset({wanted}))
        assert controls.choose_action.isChecked()

        controls.all_action.trigger()
        await until(lambda: chat.ui.toolsLabel.text().startswith(f"Tools: {total} "))
        assert chat.policy_store.conversation_tools(conversation_id).mode == "all"


@pytest.mark.asyncio
async def test_a_model_that_cannot_use_tools_answers_without_them_and_the_user_is_told_once(
    qtbot: Any, connectors_rig: Any, sse_server: Any, mcp_http_server: str
) -> None:
    async with open_tools_chat(qtbot, connectors_rig, sse_server, mcp_http_server) as chat:
        await chat.vm.new_conversation()
        choosing = chat.vm.set_model(LOCAL)
        assert choosing is not None
        await choosing
        await until(lambda: chat.ui.toolsLabel.text() == "Tools: not offered to this model")
        chat.type_and_send("Hello")
        await until(lambda: chat.rows()[-1][1] == "Answered on this computer.")
        notice = chat.ui.noticeLabel
        assert (
            notice.isVisible() and notice.text() == "The on-device model cannot use tools, so it answers without them."
        )
        assert sse_server.chat_requests() == []
        await chat.vm.new_conversation()  # another conversation: the notice belonged to the other one
        assert not notice.isVisible()


@pytest.mark.asyncio
async def test_a_call_cut_by_a_crash_shows_retry_and_runs_only_when_asked(
    qtbot: Any, connectors_rig: Any, sse_server: Any, mcp_http_server: str
) -> None:
    async with open_tools_chat(qtbot, connectors_rig, sse_server, mcp_http_server) as chat:
        spec = chat.spec("linear__create_issue")
        repo = chat.repo
        conversation = repo.create_conversation(title="Cut short", model=chat.service.default_model())
        question = repo.add_message(conversation.id, Role.USER, "File a bug")
        call = ToolCallRecord("call_1", spec.qualified_name, json.dumps(ARGUMENTS))
        asked = repo.add_message(conversation.id, Role.ASSISTANT, "", tool_calls=(call,), parent_id=question.id)
        repo.add_message(
            conversation.id, Role.TOOL, "", status=MessageStatus.STREAMING, tool_call_id="call_1",
            tool_name=spec.qualified_name, parent_id=asked.id,
        )  # fmt: skip
        await chat.service.recover()  # what the next start does: the call in flight is interrupted, not re-run
        await chat.vm.load(select=conversation.id)
        (tool,) = tool_rows(chat)
        index = chat.vm.messages.index(chat.vm.messages.row_of(tool.id))
        assert index.data(MessageRoles.STATUS_TEXT) == "Interrupted"
        assert index.data(MessageRoles.ACTIONS) == (MessageAction.RETRY_TOOL,)
        assert sse_server.chat_requests() == []

        sse_server.add(text_stream(["Filed as ISS-100."]))
        chat.click_message_button(tool.id, MessageAction.RETRY_TOOL)
        dialog = await chat.approval_dialog()  # the policy applies again
        qtbot.mouseClick(dialog.ui.allowOnceButton, Qt.MouseButton.LeftButton)
        await until(lambda: chat.rows()[-1] == ("assistant", "Filed as ISS-100.", ""))
        assert "ISS-100" in chat.message(tool.id).content
        assert index.data(MessageRoles.STATUS_TEXT).startswith("Done")
