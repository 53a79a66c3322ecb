"""McpSession against the Merge-shaped MCP test server (the official SDK's server), over streamable HTTP and over
stdio: tools, results, progress, elicitation, notifications. Each test plays its whole scenario on a plain asyncio
loop (`asyncio.run`), as the connectors runtime does."""

from __future__ import annotations

import pytest

from tests.support.mcp_sessions import (
    NAME,
    RecordingHooks,
    ScriptedAsker,
    endpoint_fixture,  # noqa: F401
    run_session,
)
from tests.support.mcp_tool_server import (
    LINK_TOKEN,
    MAGIC_LINK_URL,
    HttpToolServer,
    MemoryEventStore,
    streamable_http_app_at,
)
from tests.support.waiting import wait_for
from vector_desktop.domain.connectors import ConnectorTimeout, ElicitationAction, ElicitationResponse
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.services.connectors.mcp_session import McpEndpoint, McpSession

# ---------------------------------------------------------------------------------------------------- tools


def test_lists_tools_with_annotations_and_input_schema(endpoint: McpEndpoint) -> None:
    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        tools = {tool["name"]: tool for tool in await session.list_tools()}
        assert {"linear__create_issue", "linear__list_issues", "jira__search", "slow_tool", "ask_user"} <= set(tools)
        create = tools["linear__create_issue"]
        assert create["annotations"]["destructiveHint"] is False
        assert create["annotations"]["title"] == "Create Linear issue"
        assert create["inputSchema"]["required"] == ["input"]
        assert tools["linear__list_issues"]["annotations"]["readOnlyHint"] is True
        assert session.server_name == "merge-tools"
        assert session.instructions == "Merge-shaped tools for tests."
        assert "tools" in session.capabilities
        assert await session.list_prompts() == []

    run_session(endpoint, scenario)


def test_creates_an_issue_with_input_wrapped_arguments(endpoint: McpEndpoint) -> None:
    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        arguments = {"input": {"title": "Fix login", "team_id": "team-a", "priority": "high"}}
        result = await session.call_tool("linear__create_issue", arguments)
        assert result.status is ToolStatus.SUCCEEDED
        assert result.structured["issue"]["title"] == "Fix login"
        assert result.structured["issue"]["priority"] == "high"
        assert '"Fix login"' in result.text
        listed = await session.call_tool("linear__list_issues", {"team_id": "team-a"})
        assert "Fix login" in [issue["title"] for issue in listed.structured["results"]]

    run_session(endpoint, scenario)


def test_list_issues_returns_its_structured_content(endpoint: McpEndpoint) -> None:
    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        result = await session.call_tool("linear__list_issues", {"state": "open"})
        assert result.status is ToolStatus.SUCCEEDED
        assert [issue["id"] for issue in result.value["results"]] == ["ISS-1", "ISS-3"]
        assert result.content[0]["type"] == "text"

    run_session(endpoint, scenario)


def test_error_result_is_failed_with_the_servers_reason(endpoint: McpEndpoint) -> None:
    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        result = await session.call_tool("failing_tool", {"reason": "Quota exceeded for team-a."})
        assert result.status is ToolStatus.FAILED
        assert result.is_error
        assert result.error == f"{NAME} reported an error: Quota exceeded for team-a."

    run_session(endpoint, scenario)


def test_result_asking_to_authenticate_needs_auth_with_the_magic_link(endpoint: McpEndpoint) -> None:
    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        result = await session.call_tool("needs_auth_tool", {})
        assert result.status is ToolStatus.NEEDS_AUTH
        assert result.auth is not None
        assert result.auth.magic_link_url == MAGIC_LINK_URL
        assert result.auth.link_token == LINK_TOKEN
        assert result.auth.connector == "linear"
        assert result.error == "Please connect your Linear account."

    run_session(endpoint, scenario)


def test_progress_notifications_reach_the_callback(endpoint: McpEndpoint) -> None:
    progress: list[tuple[float, float | None, str]] = []

    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        result = await session.call_tool(
            "slow_tool", {"seconds": 0.3, "step": 0.1}, on_progress=lambda *update: progress.append(update)
        )
        assert result.text == "slept 0.3 s"

    run_session(endpoint, scenario)
    assert progress == [(1, 3, "step 1 of 3"), (2, 3, "step 2 of 3"), (3, 3, "step 3 of 3")]


def test_a_call_longer_than_its_timeout_raises_connector_timeout(endpoint: McpEndpoint) -> None:
    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        with pytest.raises(ConnectorTimeout) as raised:
            await session.call_tool("slow_tool", {"seconds": 30, "step": 0.5}, timeout=0.5)
        assert str(raised.value) == f"{NAME} did not answer within 0.5 s."
        # The session is still usable afterwards.
        assert (await session.call_tool("linear__list_issues", {})).status is ToolStatus.SUCCEEDED

    run_session(endpoint, scenario)


# ---------------------------------------------------------------------------------------------------- elicitation


def test_elicitation_goes_to_the_asker_of_the_call_and_its_answer_to_the_server(endpoint: McpEndpoint) -> None:
    answer = {"name": "Bob", "email": "bob@example.com", "subscribe": False, "level": 2}
    asker = ScriptedAsker(ElicitationResponse(ElicitationAction.ACCEPT, answer))

    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        result = await session.call_tool("ask_user", {}, elicitation=asker)
        assert result.structured == {"action": "accept", "contact": answer}

    run_session(endpoint, scenario)
    [request] = asker.requests
    assert request.server_name == NAME
    assert request.message == "Who should we contact about this?"
    assert request.schema["properties"]["name"]["default"] == "Ada"
    assert request.schema["properties"]["subscribe"]["default"] is True


def test_elicitation_declined_or_without_asker_is_declined(endpoint: McpEndpoint) -> None:
    asker = ScriptedAsker(ElicitationResponse(ElicitationAction.DECLINE))

    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        declined = await session.call_tool("ask_user", {}, elicitation=asker)
        assert declined.structured == {"action": "decline"}
        unasked = await session.call_tool("ask_user", {})
        assert unasked.structured == {"action": "decline"}

    run_session(endpoint, scenario)
    assert len(asker.requests) == 1


# ---------------------------------------------------------------------------------------------------- notifications


def test_logging_notifications_reach_the_log_hook(endpoint: McpEndpoint) -> None:
    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        await session.call_tool("log_tool", {"count": 2, "level": "warning"})
        await wait_for(lambda: len(hooks.logs) == 2, "two log messages")

    hooks = run_session(endpoint, scenario)
    assert hooks.logs == [("warning", "log line 1"), ("warning", "log line 2")]


def test_tools_list_changed_reaches_the_hook(endpoint: McpEndpoint) -> None:
    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        await session.call_tool("add_tool", {"name": "late_tool"})
        await wait_for(lambda: hooks.tools_changed >= 1, "tools/list_changed")
        assert "late_tool" in [tool["name"] for tool in await session.list_tools()]

    run_session(endpoint, scenario)


def test_sse_stream_dropped_mid_call_is_resumed_with_last_event_id() -> None:
    events = MemoryEventStore()
    server = HttpToolServer(streamable_http_app_at(event_store=events)).start()
    progress: list[str] = []

    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        result = await session.call_tool(
            "drop_stream", {"pause": 0.3}, on_progress=lambda done, total, message: progress.append(message)
        )
        assert result.status is ToolStatus.SUCCEEDED
        assert result.text == "answered after the stream dropped"

    try:
        run_session(McpEndpoint(NAME, url=server.url), scenario)
    finally:
        server.stop()
    assert progress == ["before the drop", "after the drop"]
    assert events.replays == 1  # the client came back with Last-Event-ID
