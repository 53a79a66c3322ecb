"""The real chat panel with tools: a ChatService over the profile's store and a real LLMClient talking to the scripted
SSE server, a real ConnectorsService with the SDK-built MCP tool server over HTTP, the policy engine over the
store, the audit log, the ChatToolbox with the GUI approver (the approval dialog), wired as gui_tools wires them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.support.chat_panel_driver import ChatPanelDriver, until
from tests.support.connectors import ConnectorsRig
from tests.support.sse_server import DONE, ScriptedLLMServer, chunk, sse, stream_of, usage_chunk
from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.models import ModelInfo, seed_model_infos
from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.ai.types import ChatChunk, Usage
from vector_desktop.domain.chat import Message
from vector_desktop.domain.connectors import McpServerDraft, McpTransport
from vector_desktop.domain.tools import ToolSpec
from vector_desktop.gui_tools import tool_groups
from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.services.chat_tools.toolbox import ChatToolbox
from vector_desktop.services.tool_policy.audit import AuditLog
from vector_desktop.services.tool_policy.engine import PolicyEngine
from vector_desktop.store.chat_repository import ChatRepository
from vector_desktop.store.tool_policy_repository import ToolPolicyRepository
from vector_desktop.views.chat.chat_panel import ChatPanel
from vector_desktop.views.tool_policy.approval_dialog import ApprovalDialog
from vector_desktop.views.tool_policy.approval_presenter import ApprovalPresenter
from vector_desktop.views.tool_policy.tools_chooser import ToolsChooserDialog

KEY = "sk-or-v1-0123456789abcdef-testkey"
SONNET = "anthropic/claude-sonnet-4.5"
LOCAL = "local:test-model"
LOCAL_INFO = ModelInfo(LOCAL, "Test model (on this computer)", 2048, 0.0, 0.0)


def tool_call_stream(call_id: str, name: str, arguments: dict[str, Any]) -> Any:
    call = {"index": 0, "id": call_id, "type": "function", "function": {"name": name, "arguments": ""}}
    text = json.dumps(arguments)
    half = len(text) // 2
    return stream_of(
        sse(chunk(role="assistant", content=None)),
        sse(chunk(tool_calls=[call])),
        sse(chunk(tool_calls=[{"index": 0, "function": {"arguments": text[:half]}}])),
        sse(chunk(tool_calls=[{"index": 0, "function": {"arguments": text[half:]}}])),
        sse(chunk(finish_reason="tool_calls")),
        sse(usage_chunk()),
        DONE,
    )


class LocalStreamer:
    """The on-device model's stand-in (in-process, as in tests/qt/chat/test_chat_panel.py)."""

    async def stream(self, messages: list[Any], settings: Any) -> AsyncIterator[ChatChunk]:
        await asyncio.sleep(0)
        yield ChatChunk(text="Answered on this computer.", model=LOCAL, provider="On-device model")
        yield ChatChunk(finish_reason="stop", usage=Usage(3, 4, 7, 0.0), model=LOCAL)


class ToolsChat(ChatPanelDriver):
    def __init__(self, qtbot: Any, rig: ConnectorsRig, server: ScriptedLLMServer, mcp_url: str) -> None:
        self.qtbot = qtbot
        self.rig = rig
        self.server = server
        loop = asyncio.get_event_loop()
        draft = McpServerDraft(name="demo", transport=McpTransport.HTTP, url=mcp_url)
        config = rig.run(rig.service.add_mcp_server(draft))
        self.connector_key = config.key
        rig.run(rig.service.ensure_tools(config.key))
        self.policy_store = ToolPolicyRepository(rig.core.store.sessions)
        self.engine = PolicyEngine(self.policy_store)
        self.engine.reload()
        self.audit_path = Path(rig.profile) / "tool-audit.jsonl"
        self.audit = AuditLog(self.audit_path)
        self.repo = ChatRepository(rig.core.store.sessions)
        self.client = LLMClient([ProviderConfig.openrouter(KEY, server.base_url)], timeout=10.0, max_retries=0)

        def run_blocking(fn: Callable[[], Any]) -> Any:
            return loop.run_in_executor(None, fn)

        self.service = ChatService(
            self.repo, self.client, default_model=SONNET, local_model=LOCAL, local_streamer=LocalStreamer()
        )
        self.vm = ChatViewModel(
            self.service,
            models=lambda: [*seed_model_infos(), LOCAL_INFO],
            check_context=self.client.check_context,
            local_available=True,
        )
        self.toolbox = ChatToolbox(
            rig.service,
            rig.runtime,
            self.engine,
            self.audit,
            approver=self.vm.tools.approver,
            run_blocking=run_blocking,
        )
        self.service.set_tools(self.toolbox)
        self.vm.tools.set_catalog(lambda: tool_groups(rig.service))
        self.panel = ChatPanel(self.vm)
        self.panel.tools.attach_tool_policy(ApprovalPresenter(self.vm.tools.approver, self.panel), ToolsChooserDialog)
        qtbot.addWidget(self.panel)
        self.panel.resize(1100, 760)
        self.panel.show()
        self.ui = self.panel.ui

    async def approval_dialog(self) -> ApprovalDialog:
        """The approval dialog, once it is open."""
        await until(lambda: self.panel.tools.approvals.dialog is not None)
        dialog = self.panel.tools.approvals.dialog
        assert dialog is not None
        return dialog

    def message(self, message_id: int) -> Message:
        found = self.vm.messages.message(message_id)
        assert found is not None, f"message {message_id} is not in the transcript"
        return found

    def spec(self, name: str) -> ToolSpec:
        return next(t for t in self.rig.service.tools(self.connector_key) if t.name == name)

    async def close(self) -> None:
        await self.vm.aclose()
        await self.client.aclose()

    def click_row_header(self, message_id: int) -> None:
        header = self.row_layout(message_id).header
        viewport = self.ui.transcript.viewport()
        self.qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=header.center())


@asynccontextmanager
async def open_tools_chat(
    qtbot: Any, rig: ConnectorsRig, server: ScriptedLLMServer, mcp_url: str
) -> AsyncIterator[ToolsChat]:
    chat = ToolsChat(qtbot, rig, server, mcp_url)
    await chat.vm.load()
    try:
        yield chat
    finally:
        await chat.close()
