"""The composer's tools label is read again when what it depends on changes (the conversation opened, its model, a
notice that the model answers without tools), not at every change of the conversation (its title, its activity)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest

from tests.support.chat_panel_driver import until
from vector_desktop.ai.types import ChatChunk, LLMSettings, Usage
from vector_desktop.domain.chat import ToolOutcome
from vector_desktop.domain.tool_policy import ConversationTools
from vector_desktop.domain.tools import ToolGroup, ToolSpec
from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.store.chat_repository import ChatRepository

MODEL = "vendor/model"
SPEC = ToolSpec("calc", "add", "calc__add", token_cost=40)


class Streamer:
    async def stream(self, messages: list[Any], settings: LLMSettings) -> AsyncIterator[ChatChunk]:
        yield ChatChunk(text="Hello.", model=MODEL)
        yield ChatChunk(finish_reason="stop", usage=Usage(5, 2, 7, None), model=MODEL)


class Tools:
    async def list_tools(self, conversation_id: str) -> Sequence[ToolSpec]:
        return [SPEC]

    async def call(self, conversation_id: str, call_id: str, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        raise AssertionError("no call in these tests")

    async def choosable(self) -> Sequence[ToolSpec]:
        return [SPEC]

    async def conversation_tools(self, conversation_id: str) -> ConversationTools:
        return ConversationTools()

    async def set_conversation_tools(self, conversation_id: str, choice: ConversationTools) -> None:
        return None


class CountingService(ChatService):
    label_reads = 0

    async def tools_for(self, conversation_id: str, model: str | None = None) -> tuple[int, int]:
        self.label_reads += 1
        return await super().tools_for(conversation_id, model)


@pytest.mark.asyncio
async def test_the_tools_label_is_read_when_the_model_changes_not_the_title(store: Any) -> None:
    service = CountingService(ChatRepository(store.sessions), Streamer(), default_model=MODEL, tools=Tools())
    vm = ChatViewModel(service)
    vm.tools.set_catalog(lambda: [ToolGroup("calc", "Calculator", (SPEC,))])
    try:
        await vm.new_conversation()
        await until(lambda: vm.tools.label.startswith("Tools: 1"))
        reads = service.label_reads
        assert vm.send("Hi")  # its title is set from the message, its activity changes
        await until(lambda: not vm.busy and vm.current is not None and vm.current.title == "Hi")
        vm.rename(vm.current_id, "Greetings")
        await until(lambda: vm.current is not None and vm.current.title == "Greetings")
        assert service.label_reads == reads

        vm.set_model("local:tiny")  # a model that may use no tools
        await until(lambda: service.label_reads == reads + 1)
    finally:
        await vm.aclose()


@pytest.mark.asyncio
async def test_before_the_first_message_the_label_says_whether_the_chosen_model_gets_tools(store: Any) -> None:
    """No conversation yet (a new profile, or New): the label speaks of the model the first message would go to. The
    on-device model is offered no tools, so no tools and no token cost are announced for it."""
    local = "local:tiny"
    service = ChatService(
        ChatRepository(store.sessions), Streamer(), default_model=local, local_model=local, tools=Tools()
    )
    vm = ChatViewModel(service)
    vm.tools.set_catalog(lambda: [ToolGroup("calc", "Calculator", (SPEC,))])
    try:
        assert vm.current_id == ""
        await until(lambda: vm.tools.label == "Tools: not offered to this model")

        vm.set_model(MODEL)  # chosen in the model list before writing
        await until(lambda: vm.tools.label == "Tools: 1 · ≈40 tokens")
        vm.set_model(local)
        await until(lambda: vm.tools.label == "Tools: not offered to this model")
        assert vm.current_id == ""  # nothing was created to find it out
    finally:
        await vm.aclose()
