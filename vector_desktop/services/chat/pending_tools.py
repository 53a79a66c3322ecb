"""The chat's tools while they are still being built.

The app shows the chat and lets the user type before the connectors, databases and email exist (they are built
right after, see gui.py). A message sent in that moment must not go without the tools the user expects: the chat
service holds this provider until then, and each call waits for the real one (or for "none" if they could not be
built) instead of answering as if there were no tools.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from vector_desktop.domain.chat import ChatError, PreparesTools, ToolOutcome, ToolProvider
from vector_desktop.domain.tool_policy import ConversationTools
from vector_desktop.domain.tools import ToolSpec


class PendingTools:
    """A ToolProvider that waits for `resolve(provider)` and then passes every call on to it."""

    def __init__(self) -> None:
        self._provider: asyncio.Future[ToolProvider | None] = asyncio.get_running_loop().create_future()

    def resolve(self, provider: ToolProvider | None) -> None:
        if not self._provider.done():
            self._provider.set_result(provider)

    @property
    def resolved(self) -> bool:
        return self._provider.done()

    async def _wait(self) -> ToolProvider | None:
        return await asyncio.shield(self._provider)

    async def list_tools(self, conversation_id: str) -> Sequence[ToolSpec]:
        provider = await self._wait()
        return [] if provider is None else await provider.list_tools(conversation_id)

    async def call(self, conversation_id: str, call_id: str, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        provider = await self._wait()
        if provider is None:
            raise ChatError("No tools are available in this app.")
        return await provider.call(conversation_id, call_id, name, arguments)

    async def choosable(self) -> Sequence[ToolSpec]:
        provider = await self._wait()
        return [] if provider is None else await provider.choosable()

    async def conversation_tools(self, conversation_id: str) -> ConversationTools:
        provider = await self._wait()
        if provider is None:
            return ConversationTools(mode="none")
        return await provider.conversation_tools(conversation_id)

    async def set_conversation_tools(self, conversation_id: str, choice: ConversationTools) -> None:
        provider = await self._wait()
        if provider is None:
            raise ChatError("No tools are available in this app.")
        await provider.set_conversation_tools(conversation_id, choice)

    async def prepare(self, conversation_id: str) -> None:
        """(PreparesTools) Once the tools exist: the user wrote while the app was still building them."""
        provider = await self._wait()
        if isinstance(provider, PreparesTools):
            await provider.prepare(conversation_id)
