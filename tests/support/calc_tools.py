"""An in-process ToolProvider offering one tool, `calc__add`, whose every call answers "42": for chat tests whose
subject is not the tools themselves (the view-model's totals, the transcript's frames)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from vector_desktop.domain.chat import ToolOutcome
from vector_desktop.domain.tool_policy import ConversationTools
from vector_desktop.domain.tools import ToolSpec, ToolStatus


class CalcTools:
    async def list_tools(self, conversation_id: str) -> Sequence[ToolSpec]:
        return [ToolSpec("calc", "add", "calc__add")]

    async def call(self, conversation_id: str, call_id: str, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        return ToolOutcome("42", status=ToolStatus.SUCCEEDED)

    async def choosable(self) -> Sequence[ToolSpec]:
        return await self.list_tools("")

    async def conversation_tools(self, conversation_id: str) -> ConversationTools:
        return ConversationTools()

    async def set_conversation_tools(self, conversation_id: str, choice: ConversationTools) -> None:
        return None
