"""Tool-call rows in the transcript model: compact (tool, short arguments, status, duration), expanded to the
arguments and the result as pretty JSON, Stop while running, Retry when cut by a crash; the model stays valid."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from vector_desktop.domain.chat import Message, MessageStatus, Role, ToolCallRecord
from vector_desktop.presentation.chat.chat_models import MessageAction, MessageListModel, MessageRoles

T0 = datetime(2026, 1, 5, 14, 3, tzinfo=UTC)
CALL = ToolCallRecord("call_1", "demo__jira__search", '{"jql": "project = X", "max_results": 5}')


def messages(status: MessageStatus, content: str = "") -> list[Message]:
    user = Message(1, "c", 1, Role.USER, "Find the issues", created_at=T0)
    assistant = Message(2, "c", 2, Role.ASSISTANT, "", tool_calls=(CALL,), parent_id=1, created_at=T0)
    tool = Message(
        3, "c", 3, Role.TOOL, content, status=status, tool_call_id="call_1", tool_name=CALL.name, parent_id=2,
        created_at=T0, updated_at=T0 + timedelta(milliseconds=420),
    )  # fmt: skip
    return [user, assistant, tool]


def test_a_running_call_is_one_compact_row_with_stop(qtmodeltester: Any) -> None:
    model = MessageListModel()
    model.reset("c", messages(MessageStatus.STREAMING), has_older=False)
    qtmodeltester.check(model)
    index = model.index(2)
    assert index.data(MessageRoles.HEADER) == 'demo__jira__search — jql="project = X", max_results=5'
    assert index.data(MessageRoles.STATUS_TEXT) == "Running…"
    assert index.data(MessageRoles.ACTIONS) == (MessageAction.STOP_TOOL,)
    assert index.data(MessageRoles.BODY) == "" and index.data(MessageRoles.EXPANDED) is False
    assert "_Calls `demo__jira__search`_" in model.index(1).data(MessageRoles.BODY)


def test_real_names_duration_and_expanding_to_arguments_and_result(qtmodeltester: Any) -> None:
    model = MessageListModel()
    model.reset("c", messages(MessageStatus.COMPLETE, '{"issues": [], "total": 0}'), has_older=False)
    model.set_tool_names({CALL.name: ("jira_search", "Jira")})
    index = model.index(2)
    assert index.data(MessageRoles.HEADER).startswith("jira_search · Jira — jql=")
    assert index.data(MessageRoles.STATUS_TEXT) == "Done · 420 ms"
    revision = index.data(MessageRoles.REVISION)
    assert model.toggle_expanded(3) is True
    assert index.data(MessageRoles.REVISION) > revision  # measured again
    body = index.data(MessageRoles.BODY)
    assert '```json\n{\n  "jql": "project = X",\n  "max_results": 5\n}\n```' in body
    assert '"issues": []' in body and '"total": 0' in body
    assert model.toggle_expanded(3) is False and index.data(MessageRoles.BODY) == ""
    assert model.toggle_expanded(2) is False  # only tool rows fold
    qtmodeltester.check(model)


def test_an_interrupted_call_offers_retry_and_is_not_rerun(qtmodeltester: Any) -> None:
    model = MessageListModel()
    model.reset("c", messages(MessageStatus.INTERRUPTED), has_older=False)
    qtmodeltester.check(model)
    index = model.index(2)
    assert index.data(MessageRoles.STATUS_TEXT) == "Interrupted"
    assert index.data(MessageRoles.ACTIONS) == (MessageAction.RETRY_TOOL,)
    model.set_busy(True)
    assert index.data(MessageRoles.ACTIONS) == ()
    model.toggle_expanded(3)
    assert "not run again" in index.data(MessageRoles.BODY)
