"""What the first message and the first tool call would wait for is got ready while the user writes: the markdown
library (~60 ms to import) loads off the GUI thread once, not on it with the first message shown; and the
conversation's tools are prepared (their MCP servers started: tests/integration/chat_tools/test_tools_prepared.py)
once per conversation, not for a model that cannot use them. Through the real ChatService on a real store; the
view-model's `run_blocking` notes what it was given to run off the GUI thread."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from tests.support.calc_tools import CalcTools
from tests.support.chat_panel_driver import until
from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.presentation.chat.markdown_render import load_parser_library
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.store.chat_repository import ChatRepository

T = TypeVar("T")
MODEL = "vendor/model"


class NoStreamer:
    async def stream(self, messages: list[Any], settings: Any) -> Any:
        raise AssertionError("nothing is sent in these tests")
        yield  # (an async generator)


class OffThread:
    """`run_blocking` for the view-model: runs each callable on a worker thread, noting its name."""

    def __init__(self) -> None:
        self.ran: list[str] = []

    async def __call__(self, fn: Callable[[], T]) -> T:
        self.ran.append(getattr(fn, "__name__", repr(fn)))
        return await asyncio.get_running_loop().run_in_executor(None, fn)


class PreparedTools(CalcTools):
    """Notes each conversation whose tools were prepared."""

    def __init__(self) -> None:
        self.prepared: list[str] = []

    async def prepare(self, conversation_id: str) -> None:
        self.prepared.append(conversation_id)


@pytest.fixture
def repo(store: Any) -> ChatRepository:
    return ChatRepository(store.sessions)


@pytest.mark.asyncio
async def test_the_first_keystroke_loads_the_markdown_library_off_the_gui_thread_once(repo: ChatRepository) -> None:
    off_thread = OffThread()
    vm = ChatViewModel(ChatService(repo, NoStreamer(), default_model=MODEL), run_blocking=off_thread)
    try:
        await vm.new_conversation()
        await asyncio.sleep(0.05)
        assert load_parser_library.__name__ not in off_thread.ran  # idle: nothing loaded (start-up stays lean)
        vm.draft_changed("")
        assert load_parser_library.__name__ not in off_thread.ran  # an emptied composer is no intent to send
        for text in ("W", "Wh", "Wha", "What"):
            vm.draft_changed(text)
            await asyncio.sleep(0)
        await until(lambda: load_parser_library.__name__ in off_thread.ran)
        assert off_thread.ran.count(load_parser_library.__name__) == 1  # once per session, not per keystroke
    finally:
        await vm.aclose()


@pytest.mark.asyncio
async def test_a_draft_restored_into_an_empty_conversation_loads_it_too(repo: ChatRepository) -> None:
    service = ChatService(repo, NoStreamer(), default_model=MODEL)
    with_draft = await service.create_conversation(title="draft only")
    await service.save_draft(with_draft.id, "A question I had not sent yet")
    off_thread = OffThread()
    vm = ChatViewModel(service, run_blocking=off_thread)
    try:
        opened = vm.select_conversation(with_draft.id)
        assert opened is not None
        await opened
        await until(lambda: load_parser_library.__name__ in off_thread.ran)
    finally:
        await vm.aclose()


@pytest.mark.asyncio
async def test_writing_prepares_the_conversations_tools_once_and_not_for_the_on_device_model(
    repo: ChatRepository,
) -> None:
    tools = PreparedTools()
    service = ChatService(repo, NoStreamer(), default_model=MODEL, tools=tools, local_model="local:test")
    vm = ChatViewModel(service, run_blocking=OffThread())
    try:
        first = await vm.new_conversation()
        await asyncio.sleep(0.05)
        assert tools.prepared == []
        for text in ("L", "Li", "Lis", "List"):
            vm.draft_changed(text)
            await asyncio.sleep(0)
        await until(lambda: bool(tools.prepared))
        second = await vm.new_conversation()
        vm.draft_changed("A")
        vm.draft_changed("An")
        await until(lambda: len(tools.prepared) == 2)
        assert tools.prepared == [first.id, second.id]

        on_device = await service.create_conversation(model="local:test")
        opened = vm.select_conversation(on_device.id)
        assert opened is not None
        await opened
        vm.draft_changed("Offline")
        await asyncio.sleep(0.1)
        assert tools.prepared == [first.id, second.id]  # it answers without tools: nothing to start
    finally:
        await vm.aclose()
