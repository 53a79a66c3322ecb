"""ChatToolbox against the SDK MCP test server behind a real ConnectorsService: what the policy lets through reaches
the server (asserted on the server's own call log), what it does not never does; the audit log and the
ConnectorToolAction rows agree."""

from __future__ import annotations

import json

import pytest

from tests.integration.chat_tools.toolrig import DESTRUCTIVE, ToolRig
from tests.integration.chat_tools.toolrig import recording_mcp as _recording_mcp  # noqa: F401
from tests.integration.chat_tools.toolrig import tool_rig as _tool_rig  # noqa: F401
from tests.support.connectors import open_connectors as _open_connectors  # noqa: F401
from vector_desktop.domain.tool_policy import TOOL_DENIED, ApprovalAnswer, DecisionKind, GrantScope, Policy
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.services.chat_tools.results import ResultCaps

CREATE = {"input": {"title": "Crash on start", "team_id": "team-a"}}


@pytest.mark.asyncio
async def test_a_read_only_tool_runs_without_asking(tool_rig: ToolRig) -> None:
    name = tool_rig.name("jira__search")
    outcome = await tool_rig.toolbox.call("conv-1", "call_1", name, {"jql": "project = X"})
    assert outcome.status is ToolStatus.SUCCEEDED and outcome.decision is not None
    assert outcome.decision.kind is DecisionKind.AUTO
    assert json.loads(outcome.text_for_model) == {"jql": "project = X", "issues": [], "total": 0}
    assert tool_rig.approver.requests == []
    assert tool_rig.mcp.calls == [("jira__search", {"jql": "project = X"})]
    [action] = tool_rig.actions()
    [line] = tool_rig.audit()
    tool_rig.assert_agree(line, action)
    assert (line["decision"], line["origin"], action.origin) == ("auto", "conv-1", "conv-1")
    assert action.allowed_by.startswith("auto") and outcome.action_id == action.id


@pytest.mark.asyncio
async def test_allow_once_asks_again_next_time(tool_rig: ToolRig) -> None:
    name = tool_rig.name("linear__create_issue")
    first = await tool_rig.toolbox.call("conv-1", "call_1", name, CREATE)
    second = await tool_rig.toolbox.call("conv-1", "call_2", name, CREATE)
    assert (first.status, second.status) == (ToolStatus.SUCCEEDED, ToolStatus.SUCCEEDED)
    assert len(tool_rig.approver.requests) == 2
    request = tool_rig.approver.requests[0]
    assert (request.spec.qualified_name, request.connector_name, request.arguments) == (name, "Tools", CREATE)
    assert request.summary == "Create an issue in Linear."
    assert tool_rig.tools_called() == ["linear__create_issue", "linear__create_issue"]
    for line, action in zip(tool_rig.audit(), tool_rig.actions(), strict=True):
        tool_rig.assert_agree(line, action)
        assert line["decision"] == "asked and allowed" and "(once)" in line["allowed_by"]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("scope", "other_conversation_asks"),
    [(GrantScope.CONVERSATION, True), (GrantScope.HOUR, False), (GrantScope.ALWAYS, False)],
)
async def test_a_grant_is_reused_by_the_next_call(
    tool_rig: ToolRig, scope: GrantScope, other_conversation_asks: bool
) -> None:
    name = tool_rig.name("linear__create_issue")
    tool_rig.approver.will(ApprovalAnswer(True, scope))
    await tool_rig.toolbox.call("conv-1", "call_1", name, CREATE)
    again = await tool_rig.toolbox.call("conv-1", "call_2", name, CREATE)
    assert len(tool_rig.approver.requests) == 1
    assert again.decision is not None and again.decision.kind is DecisionKind.GRANTED
    assert again.decision.grant is not None and again.decision.grant.scope is scope
    elsewhere = await tool_rig.toolbox.call("conv-2", "call_3", name, CREATE)
    assert elsewhere.status is ToolStatus.SUCCEEDED
    assert len(tool_rig.approver.requests) == (2 if other_conversation_asks else 1)
    assert tool_rig.tools_called() == ["linear__create_issue"] * 3
    lines = tool_rig.audit()
    assert [line["decision"] for line in lines][:2] == ["asked and allowed", "granted"]
    assert lines[1]["grant_id"] == again.decision.grant.id
    for line, action in zip(lines, tool_rig.actions(), strict=True):
        tool_rig.assert_agree(line, action)


@pytest.mark.asyncio
async def test_a_revoked_grant_asks_again(tool_rig: ToolRig) -> None:
    name = tool_rig.name("linear__create_issue")
    tool_rig.approver.will(ApprovalAnswer(True, GrantScope.ALWAYS))
    first = await tool_rig.toolbox.call("conv-1", "call_1", name, CREATE)
    assert first.decision is not None and first.decision.grant is not None
    engine = tool_rig.toolbox._engine
    engine.revoke_grant(first.decision.grant.id)  # type: ignore[attr-defined]
    await tool_rig.toolbox.call("conv-1", "call_2", name, CREATE)
    assert len(tool_rig.approver.requests) == 2


@pytest.mark.asyncio
async def test_deny_sends_nothing_to_the_server(tool_rig: ToolRig) -> None:
    name = tool_rig.name("linear__create_issue")
    tool_rig.approver.will(ApprovalAnswer(False))
    outcome = await tool_rig.toolbox.call("conv-1", "call_1", name, {"input": {"title": "x", "api_key": "s3cr3t"}})
    assert outcome.text_for_model == TOOL_DENIED and outcome.status is None
    assert outcome.decision is not None and outcome.decision.kind is DecisionKind.ASKED_DENIED
    assert tool_rig.mcp.calls == [] and tool_rig.actions() == []
    [line] = tool_rig.audit()
    assert (line["decision"], line["status"], line["action_id"]) == ("asked and denied", "", None)
    assert line["arguments"]["input"]["api_key"] != "s3cr3t"  # scrubbed


@pytest.mark.asyncio
async def test_a_destructive_tool_never_runs_without_a_grant(tool_rig: ToolRig) -> None:
    name = tool_rig.name(DESTRUCTIVE)
    engine = tool_rig.toolbox._engine
    engine.set_tool_policy(tool_rig.key, DESTRUCTIVE, Policy.AUTO)  # type: ignore[attr-defined]
    tool_rig.toolbox.approver = None  # no one can be asked (e.g. the command line without --yes)
    outcome = await tool_rig.toolbox.call("conv-1", "call_1", name, {"id": "ISS-1"})
    assert outcome.text_for_model == TOOL_DENIED
    tool_rig.toolbox.approver = tool_rig.approver
    tool_rig.approver.will(ApprovalAnswer(False))
    await tool_rig.toolbox.call("conv-1", "call_2", name, {"id": "ISS-1"})
    assert tool_rig.mcp.calls == [] and tool_rig.actions() == []
    assert [line["decision"] for line in tool_rig.audit()] == ["asked and denied", "asked and denied"]


@pytest.mark.asyncio
async def test_a_deny_policy_is_final(tool_rig: ToolRig) -> None:
    name = tool_rig.name("jira__search")
    tool_rig.toolbox._engine.set_tool_policy(tool_rig.key, "jira__search", Policy.DENY)  # type: ignore[attr-defined]
    outcome = await tool_rig.toolbox.call("conv-1", "call_1", name, {"jql": "x"})
    assert outcome.text_for_model == TOOL_DENIED and tool_rig.approver.requests == [] and tool_rig.mcp.calls == []
    assert outcome.decision is not None and outcome.decision.kind is DecisionKind.DENIED


@pytest.mark.asyncio
async def test_a_failing_tool_and_a_tool_that_times_out(tool_rig: ToolRig) -> None:
    failed = await tool_rig.toolbox.call("conv-1", "call_1", tool_rig.name("failing_tool"), {"reason": "Disk full."})
    assert failed.status is ToolStatus.FAILED
    assert failed.text_for_model.startswith(f"The tool {tool_rig.name('failing_tool')} failed: ")
    assert "Disk full." in failed.text_for_model
    tool_rig.toolbox.timeout = 0.5
    slow = await tool_rig.toolbox.call("conv-1", "call_2", tool_rig.name("slow_tool"), {"seconds": 10, "step": 0.1})
    assert slow.status is ToolStatus.TIMED_OUT and slow.action_id is not None
    assert "could not be run" in slow.text_for_model
    actions = tool_rig.actions()
    assert [a.status for a in actions] == [ToolStatus.FAILED, ToolStatus.TIMED_OUT]
    for line, action in zip(tool_rig.audit(), actions, strict=True):
        tool_rig.assert_agree(line, action)


@pytest.mark.asyncio
async def test_results_are_capped_and_say_so(tool_rig: ToolRig) -> None:
    tool_rig.toolbox.caps = ResultCaps(max_rows=1)
    outcome = await tool_rig.toolbox.call("conv-1", "call_1", tool_rig.name("linear__list_issues"), {})
    body, note = outcome.text_for_model.rsplit("\n", 1)
    assert [r["id"] for r in json.loads(body)["results"]] == ["ISS-1"]
    assert note == "The result was cut: 2 more rows left out."
    tool_rig.toolbox.caps = ResultCaps(max_bytes=40)
    cut = await tool_rig.toolbox.call("conv-1", "call_2", tool_rig.name("jira__search"), {"jql": "x" * 200})
    assert cut.text_for_model.endswith("more bytes left out.") and len(cut.text_for_model) < 120
