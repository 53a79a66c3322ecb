"""OpenRouterService against the scripted server: GET /models and GET /key, parsed; errors typed."""

from __future__ import annotations

import asyncio

import pytest

from tests.support.fixtures_ai import collect_garbage_on_gui_thread as _gc_fixture  # noqa: F401
from tests.support.fixtures_ai import sse_server as _sse_server_fixture  # noqa: F401
from tests.support.sse_server import ScriptedLLMServer, error_reply
from vector_desktop.ai.errors import AuthError
from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.services.openrouter_service import OpenRouterService

KEY = "sk-or-v1-service-testkey-0123456789"


def service(server: ScriptedLLMServer) -> OpenRouterService:
    return OpenRouterService(ProviderConfig.openrouter(KEY, server.base_url, app_name="Vector Desktop"))


@pytest.mark.asyncio
async def test_lists_models_with_context_and_price(sse_server: ScriptedLLMServer) -> None:
    models = await service(sse_server).list_models()
    assert [m.id for m in models] == ["anthropic/claude-sonnet-4.5", "openai/gpt-5.1", "tiny/ctx-model"]
    sonnet = models[0]
    assert (sonnet.name, sonnet.context_length) == ("Anthropic: Claude Sonnet 4.5", 200_000)
    assert (sonnet.prompt_price_per_m, sonnet.completion_price_per_m) == (3.0, 15.0)
    assert sonnet.supports_tools and sonnet.supports_structured_outputs
    assert models[2].completion_price_per_m is None  # missing price stays unknown, not free
    (request,) = sse_server.requests
    assert (request.method, request.endpoint) == ("GET", "models")
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.headers["x-openrouter-title"] == "Vector Desktop"


@pytest.mark.asyncio
async def test_key_info(sse_server: ScriptedLLMServer) -> None:
    info = await service(sse_server).key_info()
    assert (info.limit, info.limit_remaining, info.usage, info.is_free_tier) == (10.0, 7.5, 2.5, False)


@pytest.mark.asyncio
async def test_bad_key_is_a_typed_error(sse_server: ScriptedLLMServer) -> None:
    sse_server.add(error_reply(401, "User not found."), endpoint="key")
    with pytest.raises(AuthError, match="OpenRouter did not accept the API key"):
        await service(sse_server).key_info()


@pytest.mark.asyncio
async def test_blocking_variant_for_jobs(sse_server: ScriptedLLMServer) -> None:
    models = await asyncio.to_thread(service(sse_server).list_models_blocking)
    assert len(models) == 3
