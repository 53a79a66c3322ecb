"""ChatService with the real LLMClient against the scripted OpenRouter-shaped SSE server."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from tests.support.fixtures_ai import collect_garbage_on_gui_thread as _gc_fixture  # noqa: F401
from tests.support.fixtures_ai import sse_server as _sse_server_fixture  # noqa: F401
from tests.support.sse_server import ScriptedLLMServer, chunk, endless_tokens, sse, stream_of, text_stream, usage_chunk
from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.ai.types import ToolSpec
from vector_desktop.domain.chat import ChatListener, MessageStatus, Role
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.store.chat_repository import ChatRepository

SONNET = "anthropic/claude-sonnet-4.5"


class FirstDelta(ChatListener):
    def __init__(self) -> None:
        self.seen = asyncio.Event()

    def message_delta(self, message_id: int, delta: str) -> None:
        self.seen.set()


@pytest_asyncio.fixture
async def client(sse_server: ScriptedLLMServer) -> AsyncIterator[LLMClient]:
    llm = LLMClient([ProviderConfig.openrouter("sk-or-v1-service-test-0123", sse_server.base_url)], max_retries=0)
    yield llm
    await llm.aclose()


@pytest.mark.asyncio
async def test_stop_closes_the_http_stream_and_keeps_the_text(
    store, client: LLMClient, sse_server: ScriptedLLMServer
) -> None:  # type: ignore[no-untyped-def]
    repo = ChatRepository(store.sessions)
    service = ChatService(repo, client, default_model=SONNET)
    listener = FirstDelta()
    service.add_listener(listener)
    conversation = await service.create_conversation()
    sse_server.add(endless_tokens(delay=0.02))
    task = asyncio.ensure_future(service.send(conversation.id, "count"))
    await asyncio.wait_for(listener.seen.wait(), 20)
    await asyncio.sleep(0.1)
    service.stop(conversation.id)
    answer = await asyncio.wait_for(task, 20)
    assert answer.status is MessageStatus.CANCELLED
    assert answer.content.startswith("tok0 ")
    assert repo.require_message(answer.id).content == answer.content
    for _ in range(500):  # the server notices the closed connection when it writes the next token
        if sse_server.disconnects:
            break
        await asyncio.sleep(0.02)
    assert sse_server.disconnects == 1


class Weather:
    def list_tools(self) -> list[ToolSpec]:
        return [
            ToolSpec("weather", "Weather in a city", {"type": "object", "properties": {"city": {"type": "string"}}})
        ]

    async def call(self, name: str, arguments: dict[str, Any]) -> str:
        return json.dumps({"city": arguments["city"], "celsius": -3})


class Allow:
    async def approve(self, call: Any) -> bool:
        return True


@pytest.mark.asyncio
async def test_tool_loop_over_the_wire(store, client: LLMClient, sse_server: ScriptedLLMServer) -> None:  # type: ignore[no-untyped-def]
    repo = ChatRepository(store.sessions)
    service = ChatService(repo, client, default_model=SONNET, tools=Weather(), approver=Allow())
    conversation = await service.create_conversation()
    call = {"index": 0, "id": "call_w", "type": "function", "function": {"name": "weather", "arguments": ""}}
    sse_server.add(
        stream_of(
            sse(chunk("", role="assistant")),
            sse(chunk(tool_calls=[call])),
            sse(chunk(tool_calls=[{"index": 0, "function": {"arguments": '{"city": "Oslo"}'}}])),
            sse(chunk(finish_reason="tool_calls")),
            sse(usage_chunk(30, 10, 0.001)),
            b"data: [DONE]\n\n",
        ),
        text_stream(["It is -3 °C in Oslo."], usage=usage_chunk(50, 8, 0.002)),
    )
    answer = await service.send(conversation.id, "Weather in Oslo?")
    assert (answer.content, answer.status) == ("It is -3 °C in Oslo.", MessageStatus.COMPLETE)
    second = sse_server.chat_requests()[1].json
    assert second["tools"][0]["function"]["name"] == "weather"
    assert [m["role"] for m in second["messages"]] == ["user", "assistant", "tool"]
    assert second["messages"][1]["tool_calls"][0]["function"] == {"name": "weather", "arguments": '{"city": "Oslo"}'}
    assert second["messages"][2] == {
        "role": "tool",
        "content": '{"city": "Oslo", "celsius": -3}',
        "tool_call_id": "call_w",
        "name": "weather",
    }
    page = repo.messages_page(conversation.id)
    assert [m.role for m in page] == [Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT]
    totals = await service.totals(conversation.id)
    assert (totals.prompt_tokens, totals.completion_tokens) == (80, 18)
    assert totals.cost == pytest.approx(0.003)
