"""A message sent while the app is still building the chat's tools (the chat answers input before the connectors,
databases and email exist): it waits for them and the model gets them, instead of an answer without tools."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from tests.integration.chat_tools.test_chat_tool_rounds import SONNET, tool_call_reply
from tests.integration.chat_tools.toolrig import ToolRig
from tests.integration.chat_tools.toolrig import recording_mcp as _recording_mcp  # noqa: F401
from tests.integration.chat_tools.toolrig import tool_rig as _tool_rig  # noqa: F401
from tests.support.connectors import open_connectors as _open_connectors  # noqa: F401
from tests.support.fixtures_ai import sse_server as _sse_server_fixture  # noqa: F401
from tests.support.sse_server import ScriptedLLMServer, text_stream
from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.domain.chat import ChatError, MessageStatus
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.services.chat.pending_tools import PendingTools
from vector_desktop.store.chat_repository import ChatRepository


@pytest_asyncio.fixture
async def client(sse_server: ScriptedLLMServer) -> AsyncIterator[LLMClient]:
    llm = LLMClient([ProviderConfig.openrouter("sk-or-v1-pending-test-01", sse_server.base_url)], max_retries=0)
    yield llm
    await llm.aclose()


@pytest.mark.asyncio
async def test_a_message_sent_before_the_tools_exist_waits_for_them(
    tool_rig: ToolRig, sse_server: ScriptedLLMServer, client: LLMClient
) -> None:
    pending = PendingTools()
    service = ChatService(ChatRepository(tool_rig.connectors.core.store.sessions), client, default_model=SONNET)
    service.set_tools(pending)
    name = tool_rig.name("jira__search")
    sse_server.add(tool_call_reply("call_1", name, '{"jql": "project = X"}'), text_stream(["None."]))
    conversation = await service.create_conversation()
    sending = asyncio.ensure_future(service.send(conversation.id, "Any issues in X?"))
    for _ in range(20):  # the send gets as far as it can without the tools
        await asyncio.sleep(0.01)
    assert not sending.done() and sse_server.chat_requests() == []  # nothing went to the model without tools
    pending.resolve(tool_rig.toolbox)  # the features are built
    answer = await asyncio.wait_for(sending, 30)
    assert (answer.content, answer.status) == ("None.", MessageStatus.COMPLETE)
    first = sse_server.chat_requests()[0].json
    assert name in [tool["function"]["name"] for tool in first["tools"]]
    assert tool_rig.mcp.calls == [("jira__search", {"jql": "project = X"})]


@pytest.mark.asyncio
async def test_when_the_tools_could_not_be_built_the_message_goes_without_them(
    tool_rig: ToolRig, sse_server: ScriptedLLMServer, client: LLMClient
) -> None:
    pending = PendingTools()
    service = ChatService(ChatRepository(tool_rig.connectors.core.store.sessions), client, default_model=SONNET)
    service.set_tools(pending)
    sse_server.add(text_stream(["Hello."]))
    conversation = await service.create_conversation()
    sending = asyncio.ensure_future(service.send(conversation.id, "Hi"))
    await asyncio.sleep(0.05)
    pending.resolve(None)
    answer = await asyncio.wait_for(sending, 30)
    assert answer.content == "Hello."
    assert "tools" not in sse_server.chat_requests()[0].json
    assert (await service.conversation_tools(conversation.id)).mode == "none"
    assert await service.tool_choices() == []
    with pytest.raises(ChatError):
        await service.set_conversation_tools(conversation.id, (await service.conversation_tools(conversation.id)))
