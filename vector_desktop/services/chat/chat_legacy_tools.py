"""Deprecated: a pre-issue-11 tool provider (`list_tools()`, `call(name, arguments) -> str`) with a ToolApprover, as
the ToolProvider the chat service asks, until nothing passes an approver any more."""

from __future__ import annotations

import inspect
import json
from typing import Any

from vector_desktop.ai.types import ToolCall
from vector_desktop.domain.chat import ChatError, ToolApprover, ToolOutcome, ToolProvider
from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.tool_policy import TOOL_DENIED, ConversationTools
from vector_desktop.domain.tools import ToolSpec, ToolStatus


class LegacyTools:
    """Deprecated: a pre-issue-11 provider (`list_tools()`, `call(name, arguments) -> str`) with a ToolApprover,
    as the new ToolProvider, until the chat view-model stops passing itself as the approver."""

    def __init__(self, provider: Any, approver: ToolApprover | None) -> None:
        self._provider = provider
        self._approver = approver

    async def list_tools(self, conversation_id: str) -> list[ToolSpec]:
        listed = self._provider.list_tools()
        if inspect.isawaitable(listed):
            listed = await listed
        return [
            ToolSpec("", t.name, t.name, description=t.description, input_schema=dict(t.parameters)) for t in listed
        ]

    async def call(self, conversation_id: str, call_id: str, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        call = ToolCall(call_id, name, json.dumps(arguments))
        if self._approver is None or not await self._approver.approve(call):
            return ToolOutcome(TOOL_DENIED, error="You did not allow this call.")
        try:
            text = await self._provider.call(name, arguments)
        except VectorError as error:
            return ToolOutcome(f"The tool {name} failed: {error}", status=ToolStatus.FAILED, error=str(error))
        return ToolOutcome(str(text), status=ToolStatus.SUCCEEDED)

    async def choosable(self) -> list[ToolSpec]:
        return await self.list_tools("")

    async def conversation_tools(self, conversation_id: str) -> ConversationTools:
        return ConversationTools()

    async def set_conversation_tools(self, conversation_id: str, choice: ConversationTools) -> None:
        raise ChatError("These tools cannot be chosen per conversation.")


def as_provider(tools: Any, approver: ToolApprover | None) -> ToolProvider | None:
    """`tools` itself (a ToolProvider), or wrapped when a deprecated approver comes with it."""
    if tools is None or approver is None:
        return tools  # type: ignore[no-any-return]
    return LegacyTools(tools, approver)
