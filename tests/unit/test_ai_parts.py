"""Pure parts of the AI layer: model list parsing, provider set-up, error mapping, JSON checks, tool-call assembly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from vector_desktop.ai import jsoncheck
from vector_desktop.ai.chunks import ChatAccumulator
from vector_desktop.ai.error_mapping import error_from_response, parse_retry_after
from vector_desktop.ai.errors import CreditsError, InvalidJSONError, RateLimitError, scrub
from vector_desktop.ai.models import AIModel, context_length_of, parse_models
from vector_desktop.ai.providers import ProviderConfig, providers_from_settings
from vector_desktop.ai.types import ChatChunk


def test_seed_models_and_context_sizes() -> None:
    assert [(m.id, m.label, m.context_length) for m in AIModel] == [
        ("anthropic/claude-opus-4.5", "Claude Opus 4.5", 200_000),
        ("anthropic/claude-sonnet-4.5", "Claude Sonnet 4.5", 200_000),
        ("anthropic/claude-haiku-4.5", "Claude Haiku 4.5", 200_000),
        ("openai/gpt-5.1", "GPT-5.1", 128_000),
        ("google/gemini-3-pro-preview", "Gemini 3 Pro", 1_000_000),
    ]
    assert context_length_of("gpt-5.1") == 128_000
    assert context_length_of("unknown/model") is None


def test_models_payload_is_parsed_defensively() -> None:
    models = parse_models(
        {
            "data": [
                {"id": "a/b", "name": "A B", "context_length": "4096", "pricing": {"prompt": "0.000001"}},
                {"id": "a/b", "name": "duplicate"},
                {
                    "id": "c/d",
                    "context_length": None,
                    "top_provider": {"context_length": 8192},
                    "pricing": {"prompt": "-1", "completion": "abc"},
                    "supported_parameters": "tools",
                },
                "not an object",
                {"id": ""},
            ]
        }
    )
    assert [(m.id, m.name, m.context_length) for m in models] == [("a/b", "A B", 4096), ("c/d", "c/d", 8192)]
    assert models[0].prompt_price_per_m == 1.0 and models[0].completion_price_per_m is None
    assert models[1].prompt_price_per_m is None and not models[1].supports_tools
    assert parse_models({"error": "nope"}) == [] and parse_models(None) == []
    assert type(models[0]).from_dict(models[0].to_dict()) == models[0]


def test_providers_from_settings_prefers_openrouter_and_never_shows_the_key() -> None:
    values = {
        "OPENROUTER_API_KEY": "sk-or-v1-secret",
        "OPENROUTER_BASE_URL": "https://openrouter.ai/api/v1",
        "OPENROUTER_APP_NAME": "Vector Desktop",
        "OPENAI_API_KEY": "sk-openai",
        "OPENAI_BASE_URL": "https://api.openai.com/v1",
    }
    ollama = ProviderConfig.compatible("Ollama", "http://127.0.0.1:11434/v1")
    providers = providers_from_settings(values.get, [ollama])
    assert [p.kind for p in providers] == ["openrouter", "compatible"]
    assert "sk-or-v1-secret" not in repr(providers)
    values["OPENROUTER_API_KEY"] = ""
    assert [p.name for p in providers_from_settings(values.get)] == ["OpenAI"]
    values["OPENAI_API_KEY"] = ""
    assert providers_from_settings(values.get) == []
    with pytest.raises(ValueError):
        ProviderConfig.compatible("a/b", "http://127.0.0.1:1/v1")


def test_retry_after_in_seconds_or_as_a_date() -> None:
    assert parse_retry_after("12") == 12.0
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now.timestamp()) == 30.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_error_mapping_reads_both_error_shapes() -> None:
    openai = ProviderConfig.openai("sk-live-key-123456")
    quota = error_from_response(
        openai, 429, b'{"error": {"message": "quota", "type": "insufficient_quota", "code": "insufficient_quota"}}', {}
    )
    assert isinstance(quota, CreditsError)
    router = ProviderConfig.openrouter("sk-or-v1-abcdefgh")
    limited = error_from_response(router, 429, b"not json", {"retry-after": "2"})
    assert isinstance(limited, RateLimitError) and limited.retry_after == 2.0
    assert scrub("key sk-or-v1-abcdefgh and Bearer xyz", "sk-or-v1-abcdefgh") == "key *** and ***"


def test_tool_call_deltas_without_index() -> None:
    acc = ChatAccumulator()
    acc.add(ChatChunk(tool_call_deltas=({"id": "c1", "function": {"name": "f", "arguments": '{"a":'}},)))
    acc.add(ChatChunk(tool_call_deltas=({"function": {"arguments": "1}"}},)))
    acc.add(ChatChunk(tool_call_deltas=({"id": "c2", "function": {"name": "g", "arguments": {"b": 2}}},)))
    assert [(c.id, c.name, c.arguments) for c in acc.tool_calls()] == [("c1", "f", '{"a":1}'), ("c2", "g", '{"b": 2}')]


SCHEMA = {
    "type": "object",
    "properties": {"n": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}}},
    "required": ["n"],
    "additionalProperties": False,
}


@pytest.mark.parametrize("use_jsonschema", [True, False])
def test_json_answers_are_checked(monkeypatch: pytest.MonkeyPatch, use_jsonschema: bool) -> None:
    if not use_jsonschema:
        monkeypatch.setitem(__import__("sys").modules, "jsonschema", None)  # the small built-in checker
    assert jsoncheck.parse_json_answer('```json\n{"n": 1, "tags": ["a"]}\n```', SCHEMA) == {"n": 1, "tags": ["a"]}
    for bad in ('{"tags": []}', '{"n": "1"}', '{"n": 1, "x": 0}', '{"n": 1, "tags": [3]}', '{"n": true}'):
        with pytest.raises(InvalidJSONError) as caught:
            jsoncheck.parse_json_answer(bad, SCHEMA)
        assert caught.value.raw_text == bad
    with pytest.raises(InvalidJSONError, match="empty"):
        jsoncheck.parse_json_answer("  ")
