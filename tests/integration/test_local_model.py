"""The on-device model in-process: llama.cpp on a worker thread, streamed through the same client API."""

from __future__ import annotations

import asyncio
import threading

import pytest

from tests.support.fixtures_ai import collect_garbage_on_gui_thread as _gc_fixture  # noqa: F401
from tests.support.fixtures_ai import local_model_skip_reason
from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.errors import LocalModelUnavailableError
from vector_desktop.ai.local_model import LocalModel
from vector_desktop.ai.models import LOCAL_MODEL_ID
from vector_desktop.ai.types import ChatMessage, LLMSettings

pytestmark = pytest.mark.local_model


@pytest.fixture(scope="module")
def local_model() -> LocalModel:
    reason = local_model_skip_reason()
    if reason:
        pytest.skip(reason)
    return LocalModel()


@pytest.mark.asyncio
async def test_answers_with_no_provider_and_no_network(local_model: LocalModel) -> None:
    client = LLMClient([], local=local_model)
    assert client.default_model() == LOCAL_MODEL_ID
    gui_thread = threading.get_ident()
    pieces: list[str] = []
    async for chunk in client.stream([ChatMessage("user", "Say hello.")], LLMSettings(LOCAL_MODEL_ID, max_tokens=12)):
        assert threading.get_ident() == gui_thread  # chunks arrive on the loop's thread
        pieces.append(chunk.text)
    await client.aclose()
    assert "".join(pieces).strip()
    assert len([p for p in pieces if p]) > 1  # streamed token by token, not in one piece


@pytest.mark.asyncio
async def test_result_names_the_on_device_model(local_model: LocalModel) -> None:
    client = LLMClient([], local=local_model)
    result = await client.complete([ChatMessage("user", "Hi")], LLMSettings(LOCAL_MODEL_ID, max_tokens=6))
    assert result.text.strip()
    assert result.provider == "On-device model"
    assert result.finish_reason in ("stop", "length")


@pytest.mark.asyncio
async def test_closing_the_stream_stops_generation(local_model: LocalModel) -> None:
    client = LLMClient([], local=local_model)
    stream = client.stream([ChatMessage("user", "Count to one hundred.")], LLMSettings(LOCAL_MODEL_ID, max_tokens=500))
    first = await stream.__anext__()
    await stream.aclose()
    assert first.text or first.finish_reason
    # The worker saw the stop flag and released the model: the next request runs.
    result = await asyncio.wait_for(
        client.complete([ChatMessage("user", "Hi")], LLMSettings(LOCAL_MODEL_ID, max_tokens=4)), 60
    )
    assert result.finish_reason in ("stop", "length")


@pytest.mark.asyncio
async def test_missing_model_file_is_explained(tmp_path) -> None:
    missing = LocalModel(tmp_path / "nope.gguf")
    assert not missing.available()
    client = LLMClient([], local=missing)
    with pytest.raises(LocalModelUnavailableError, match=r"^The on-device model cannot run: "):
        await client.complete([ChatMessage("user", "Hi")], LLMSettings(LOCAL_MODEL_ID))
