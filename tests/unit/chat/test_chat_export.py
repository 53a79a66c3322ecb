"""Markdown / JSON export (also as the `chat.export` job on the real job pool), the model catalog cache, and the
per-provider reachability that feeds the outbox."""

from __future__ import annotations

import asyncio
import json
import socket
from pathlib import Path
from typing import Any

import pytest

from tests.support.jobs import Recorder
from vector_desktop.ai.models import LOCAL_MODEL_ID, ModelInfo
from vector_desktop.domain.chat import ChatError, MessageStatus, Role, ToolCallRecord
from vector_desktop.domain.jobs import JobState
from vector_desktop.jobs.pool import JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.services.chat.chat_export import export_to_text, register_tasks
from vector_desktop.services.chat.model_catalog import ModelCatalog
from vector_desktop.services.reachability import ProviderReachability
from vector_desktop.store.chat_repository import ChatRepository
from vector_desktop.store.job_repository import JobRepository


@pytest.fixture
def repo(store) -> ChatRepository:  # type: ignore[no-untyped-def]
    return ChatRepository(store.sessions)


def seeded(repo: ChatRepository) -> str:
    conversation = repo.create_conversation(
        title="Weather", system_prompt="Answer in one line.\nNo emojis.", model="m/one", temperature=0.5
    )
    repo.add_message(conversation.id, Role.USER, "Weather in Oslo?", images=("https://example.invalid/a.png",))
    repo.add_message(
        conversation.id,
        Role.ASSISTANT,
        "",
        model="m/one",
        tool_calls=(ToolCallRecord("c1", "weather", '{"city": "Oslo"}'),),
    )
    repo.add_message(conversation.id, Role.TOOL, "```\n-3 °C\n```", tool_call_id="c1", tool_name="weather")
    repo.add_message(
        conversation.id,
        Role.ASSISTANT,
        "It is -3 °C and",
        status=MessageStatus.INTERRUPTED,
        error="The answer broke off.",
        model="m/one",
    )
    return conversation.id


def test_markdown_export(repo: ChatRepository) -> None:
    text = export_to_text(repo, seeded(repo), "md")
    assert text.startswith("# Weather\n")
    assert "- Model: `m/one`" in text and "- Temperature: 0.5" in text
    assert "## System prompt\n\n> Answer in one line.\n> No emojis.\n" in text
    assert "![image 1](https://example.invalid/a.png)" in text
    assert 'Tool call `weather`:\n\n```json\n{"city": "Oslo"}\n```' in text
    assert "### Tool result `weather`" in text
    assert "````\n```\n-3 °C\n```\n````" in text  # the fence is longer than the backticks inside
    assert "_Interrupted: The answer broke off._" in text
    assert "Messages: 4" in text


def test_json_export_is_complete_and_valid(repo: ChatRepository) -> None:
    document = json.loads(export_to_text(repo, seeded(repo), "json"))
    assert document["conversation"]["system_prompt"] == "Answer in one line.\nNo emojis."
    roles = [(m["role"], m["status"]) for m in document["messages"]]
    assert roles == [
        ("user", "complete"),
        ("assistant", "complete"),
        ("tool", "complete"),
        ("assistant", "interrupted"),
    ]
    assert document["messages"][1]["tool_calls"] == [{"id": "c1", "name": "weather", "arguments": '{"city": "Oslo"}'}]
    empty = repo.create_conversation()
    assert json.loads(export_to_text(repo, empty.id, "json"))["messages"] == []


def test_export_refuses_unknown_things(repo: ChatRepository) -> None:
    with pytest.raises(ChatError, match="no conversation"):
        export_to_text(repo, "missing", "md")
    with pytest.raises(ChatError, match="format"):
        export_to_text(repo, seeded(repo), "pdf")


def test_export_job_on_the_job_pool(store, repo: ChatRepository, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    conversation_id = seeded(repo)
    for i in range(450):
        repo.add_message(conversation_id, Role.USER, f"more {i}")
    registry = TaskRegistry()
    register_tasks(registry, lambda: repo)
    pool = JobPool(registry, JobRepository(store.sessions), workers=1)
    recorder = Recorder()
    pool.add_listener(recorder)
    try:
        target = tmp_path / "weather.json"
        job_id = pool.apply_async("chat.export", [conversation_id, "json", str(target)], title="Export")
        done = recorder.wait_finished(job_id)
    finally:
        pool.shutdown(wait_seconds=5)
    assert done.state is JobState.SUCCEEDED, done.error
    assert done.result == {"path": str(target), "format": "json", "messages": 454}
    assert len(json.loads(target.read_text(encoding="utf-8"))["messages"]) == 454
    assert not target.with_name("weather.json.part").exists()
    assert any(0 < s.progress < 1 for s in recorder.of(job_id))


class Lister:
    def __init__(self, name: str, models: list[ModelInfo] | Exception) -> None:
        self.provider = type("P", (), {"name": name})()
        self._models = models

    def list_models_blocking(self) -> list[ModelInfo]:
        if isinstance(self._models, Exception):
            raise self._models
        return self._models


def test_model_catalog_caches_and_works_offline(repo: ChatRepository) -> None:
    catalog = ModelCatalog(repo)
    before = [m.id for m in catalog.models()]
    assert "anthropic/claude-sonnet-4.5" in before and before[-1] == LOCAL_MODEL_ID  # seed list before a refresh
    fetched = [ModelInfo("x/fast", "Fast", 1000, 0.1, 0.2, supports_tools=True)]
    assert catalog.refresh([Lister("OpenRouter", fetched), Lister("Broken", OSError("down"))]) == {"OpenRouter": 1}
    offline = ModelCatalog(repo)  # e.g. next start, no network: the cache answers
    models = offline.models()
    assert [m.id for m in models] == ["x/fast", LOCAL_MODEL_ID]
    assert models[0] == fetched[0]
    with pytest.raises(OSError):
        offline.refresh([Lister("Broken", OSError("down"))])
    assert [m.id for m in offline.models()] == ["x/fast", LOCAL_MODEL_ID]  # a failed refresh keeps the cache


@pytest.mark.asyncio
async def test_reachability_is_judged_per_provider() -> None:
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    listening.listen()
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    up = f"http://127.0.0.1:{listening.getsockname()[1]}/v1"
    down = f"http://127.0.0.1:{closed.getsockname()[1]}/v1"
    closed.close()
    routes: dict[str, Any] = {"a/model": up, "b/model": down, "nowhere/model": None}
    reachability = ProviderReachability(routes.get, timeout=2)
    assert reachability.is_reachable("b/model")  # not probed yet: try, and let the send report
    result = await asyncio.wait_for(reachability.refresh([up, down]), 10)
    listening.close()
    assert sorted(result.values()) == [False, True]
    assert reachability.is_reachable("a/model")  # a server on localhost counts as online
    assert not reachability.is_reachable("b/model")
    assert reachability.is_reachable("nowhere/model")
    assert reachability.is_reachable(LOCAL_MODEL_ID)
    reachability.set_offline(True)
    assert not reachability.is_reachable("a/model")
    assert reachability.is_reachable(LOCAL_MODEL_ID)
