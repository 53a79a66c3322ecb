"""The chat is shown before the keychain has given the providers' keys (the GUI starts with what .env and the
environment give): a message sent in that moment waits for them and goes to the model the keys make the default,
instead of to the only model known without keys (or failing with "no provider")."""

from __future__ import annotations

import asyncio

import pytest

from tests.support.fixtures_ai import sse_server as _sse_server_fixture  # noqa: F401
from tests.support.sse_server import ScriptedLLMServer, text_stream
from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.config import Config
from vector_desktop.domain.chat import MessageStatus
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.store.chat_repository import ChatRepository

KEY = "sk-or-v1-keychain-test-0123"


@pytest.mark.asyncio
async def test_a_message_sent_before_the_keys_are_read_waits_and_goes_to_their_provider(
    store, sse_server: ScriptedLLMServer
) -> None:  # type: ignore[no-untyped-def]
    client = LLMClient([], max_retries=0)  # what is known before the keychain answers: no remote provider
    service = ChatService(ChatRepository(store.sessions), client, default_model=lambda: client.default_model(""))
    settled: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    service.wait_for_models(settled)
    sse_server.add(text_stream(["From ", "OpenRouter."]))
    try:
        new_model = asyncio.ensure_future(service.settled_default_model())
        conversation = await service.create_conversation()  # the conversation's own model: the default
        sending = asyncio.ensure_future(service.send(conversation.id, "Hello?"))
        flushing = asyncio.ensure_future(service.flush_outbox())
        for _ in range(20):
            await asyncio.sleep(0.01)
        assert not sending.done() and not flushing.done() and not new_model.done()
        assert sse_server.chat_requests() == []
        client.set_providers([ProviderConfig.openrouter(KEY, sse_server.base_url)])  # the keychain answered
        settled.set_result(None)
        answer = await asyncio.wait_for(sending, 30)
        assert await asyncio.wait_for(flushing, 30) == 0
        assert await new_model == client.default_model("") != ""
    finally:
        await client.aclose()
    assert (answer.content, answer.status) == ("From OpenRouter.", MessageStatus.COMPLETE)
    (request,) = sse_server.chat_requests()
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.json["model"] == client.default_model("")


class Keychain:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def get(self, key: str) -> str | None:
        self.asked.append(key)
        return "from-the-keychain"


def test_a_setting_read_without_the_keychain_comes_from_env_files_and_the_environment_only() -> None:
    keychain = Keychain()
    config = Config(
        dotenv={"OPENAI_API_KEY": "sk-from-dotenv"},
        environ={"OPENROUTER_APP_NAME": "Vector"},
        secrets=keychain,
    )
    assert config.get_without_keychain("OPENAI_API_KEY") == "sk-from-dotenv"
    assert config.get_without_keychain("OPENROUTER_API_KEY") is None
    assert config.get_without_keychain("OPENROUTER_APP_NAME") == "Vector"
    assert keychain.asked == []
    assert config.get("OPENROUTER_API_KEY") == "from-the-keychain"  # the real read still asks it
