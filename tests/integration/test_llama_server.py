"""llama.cpp's own OpenAI-compatible server (llama-cpp-python[server]) with the on-device model, as a real peer."""

from __future__ import annotations

import pytest

from tests.support.fixtures_ai import LlamaServer
from tests.support.fixtures_ai import collect_garbage_on_gui_thread as _gc_fixture  # noqa: F401
from tests.support.fixtures_ai import llama_server as _llama_server_fixture  # noqa: F401
from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.ai.types import ChatMessage, LLMSettings
from vector_desktop.services.openrouter_service import OpenRouterService

pytestmark = pytest.mark.local_model


@pytest.mark.asyncio
async def test_streamed_answer_from_llama_cpp_server(llama_server: LlamaServer) -> None:
    provider = ProviderConfig.compatible("llama.cpp", llama_server.base_url)
    client = LLMClient([provider], timeout=60)
    model = provider.compat_model_id(llama_server.model)
    try:
        pieces = [
            chunk.text
            async for chunk in client.stream(
                [ChatMessage("user", "Name one colour.")], LLMSettings(model=model, max_tokens=16, temperature=0)
            )
            if chunk.text
        ]
        result = await client.complete([ChatMessage("user", "Say hi.")], LLMSettings(model=model, max_tokens=8))
    finally:
        await client.aclose()
    assert len(pieces) > 1 and "".join(pieces).strip()
    assert result.text.strip()
    assert result.provider == "llama.cpp"
    assert result.finish_reason in ("stop", "length")


@pytest.mark.asyncio
async def test_models_of_a_compatible_server_are_listed_with_routable_ids(llama_server: LlamaServer) -> None:
    provider = ProviderConfig.compatible("llama.cpp", llama_server.base_url)
    models = await OpenRouterService(provider).list_models()
    assert [m.id for m in models] == [f"compat:llama.cpp/{llama_server.model}"]
