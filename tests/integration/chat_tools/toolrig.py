"""A real tool set-up for chat-tool tests: the SDK MCP test server (recording every call it receives) on 127.0.0.1,
added to a real ConnectorsService on a temp profile, and a ChatToolbox over it built by core.make_chat_toolbox
(policy engine over the store, audit log beside it) with a scripted approver."""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import mcp_types as types
import pytest

from tests.support.connectors import ConnectorsRig, RigFactory
from tests.support.mcp_tool_server import HttpToolServer, RecordingServer, build_server, streamable_http_app_at
from vector_desktop.core import TOOL_AUDIT_FILE, make_chat_toolbox
from vector_desktop.domain.connectors import ActionFilter, McpServerDraft, McpTransport, ToolAction
from vector_desktop.domain.tool_policy import ApprovalAnswer, ApprovalRequest, GrantScope
from vector_desktop.services.chat_tools.toolbox import ChatToolbox

DESTRUCTIVE = "delete_issue"
CHART_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


@dataclass
class ScriptedApprover:
    """Answers from a queue (allow once when empty); records every request."""

    answers: deque[ApprovalAnswer] = field(default_factory=deque)
    requests: list[ApprovalRequest] = field(default_factory=list)
    gate: asyncio.Event | None = None

    def will(self, *answers: ApprovalAnswer) -> None:
        self.answers.extend(answers)

    async def ask(self, request: ApprovalRequest) -> ApprovalAnswer:
        self.requests.append(request)
        if self.gate is not None:
            await self.gate.wait()
        return self.answers.popleft() if self.answers else ApprovalAnswer(True, GrantScope.ONCE)


@dataclass
class ToolRig:
    connectors: ConnectorsRig
    mcp: RecordingServer
    toolbox: ChatToolbox
    approver: ScriptedApprover
    key: str

    def name(self, tool: str) -> str:
        """The qualified name of one of the test server's tools."""
        return next(t.qualified_name for t in self.connectors.service.tools(self.key) if t.name == tool)

    def tools_called(self) -> list[str]:
        return [name for name, _ in self.mcp.calls]

    def actions(self) -> list[ToolAction]:
        """ConnectorToolAction rows, oldest first."""
        return list(reversed(self.connectors.run(self.connectors.service.history(ActionFilter()))))

    def audit(self) -> list[dict[str, Any]]:
        path = self.connectors.core.paths.data_dir / TOOL_AUDIT_FILE
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def assert_agree(self, line: dict[str, Any], action: ToolAction) -> None:
        """The audit line says what the ConnectorToolAction row says."""
        assert line["action_id"] == action.id
        assert line["status"] == action.status.value
        assert line["arguments"] == action.arguments
        assert line["allowed_by"] == action.allowed_by
        assert line["qualified_name"] == action.qualified_name
        assert line["origin"] == action.origin
        assert line["duration_ms"] == action.duration_ms


def recording_server() -> RecordingServer:
    """The test server plus one destructive tool (added with the SDK, like a server would declare it)."""
    server = build_server()

    def delete_issue(id: str) -> str:
        return f"deleted {id}"

    server.add_tool(
        delete_issue,
        name=DESTRUCTIVE,
        description="Delete an issue for good.",
        annotations=types.ToolAnnotations(destructive_hint=True, read_only_hint=False),
    )

    def render_chart(title: str = "") -> types.CallToolResult:
        return types.CallToolResult(
            content=[
                types.TextContent(type="text", text=f"Chart: {title}"),
                types.ImageContent(type="image", data=CHART_PNG, mime_type="image/png"),
            ]
        )

    server.add_tool(
        render_chart,
        name="render_chart",
        description="Draw a chart.",
        annotations=types.ToolAnnotations(read_only_hint=True),
    )
    return server


@pytest.fixture(name="recording_mcp")
def recording_mcp() -> Iterator[tuple[RecordingServer, HttpToolServer]]:
    server = recording_server()
    http = HttpToolServer(streamable_http_app_at("/mcp", server)).start()
    try:
        yield server, http
    finally:
        http.stop()


def open_tool_rig(rig: ConnectorsRig, server: RecordingServer, url: str, **toolbox_options: Any) -> ToolRig:
    config = rig.run(rig.service.add_mcp_server(McpServerDraft("Tools", McpTransport.HTTP, url=url)))
    key = f"mcp:{config.id}"
    rig.run(rig.service.refresh(key))
    approver = ScriptedApprover()
    toolbox = make_chat_toolbox(rig.core, rig.runtime, rig.service, approver, **toolbox_options)
    return ToolRig(rig, server, toolbox, approver, key)


@pytest.fixture(name="tool_rig")
def tool_rig(recording_mcp: tuple[RecordingServer, HttpToolServer], open_connectors: RigFactory) -> ToolRig:
    # The server is set up first so that it is stopped last, after the connectors closed their session.
    server, http = recording_mcp
    return open_tool_rig(open_connectors(), server, http.url)
