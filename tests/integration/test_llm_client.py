"""LLMClient against the scripted OpenAI-compatible SSE server (OpenRouter framing, injected faults)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from tests.support.fixtures_ai import collect_garbage_on_gui_thread as _gc_fixture  # noqa: F401
from tests.support.fixtures_ai import sse_server as _sse_server_fixture  # noqa: F401
from tests.support.sse_server import (
    DONE,
    Reply,
    ScriptedLLMServer,
    Write,
    chunk,
    closed_port,
    comment,
    endless_tokens,
    error_chunk,
    error_reply,
    split_bytes,
    sse,
    stream_of,
    text_stream,
    usage_chunk,
)
from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.errors import (
    AIConnectionError,
    AIRequestError,
    AITimeoutError,
    AuthError,
    ContextTooLongError,
    CreditsError,
    InvalidJSONError,
    ModelNotFoundError,
    ModerationError,
    NoProviderError,
    ProviderDownError,
    RateLimitError,
    StreamInterruptedError,
)
from vector_desktop.ai.models import LOCAL_MODEL_ID, ModelInfo
from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.ai.types import ChatMessage, LLMSettings, ToolSpec

KEY = "sk-or-v1-0123456789abcdef-testkey"
OPENAI_KEY = "sk-proj-openai-0123456789-testkey"
SONNET = "anthropic/claude-sonnet-4.5"
HELLO = [ChatMessage("user", "Say hello")]


def openrouter(server: ScriptedLLMServer, prefix: str = "api") -> ProviderConfig:
    return ProviderConfig.openrouter(KEY, server.url(prefix), app_name="Vector Desktop Tests")


def openai(server: ScriptedLLMServer, prefix: str = "oa") -> ProviderConfig:
    return ProviderConfig.openai(OPENAI_KEY, server.url(prefix))


class Sleeps:
    """Records the pauses the client asks for instead of waiting them out."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


@pytest_asyncio.fixture
async def make_client() -> AsyncIterator:
    clients: list[LLMClient] = []

    def make(providers: list[ProviderConfig], **kwargs) -> LLMClient:  # type: ignore[no-untyped-def]
        kwargs.setdefault("timeout", 10.0)
        kwargs.setdefault("sleep", Sleeps())
        client = LLMClient(providers, **kwargs)
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()


# ---- streaming ---------------------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_streams_text_with_usage_cost_and_the_model_that_answered(sse_server, make_client) -> None:
    sse_server.add(text_stream(["Hello", ", ", "world"], usage=usage_chunk(20, 3, 0.00042)))
    client = make_client([openrouter(sse_server)])
    pieces = [c.text async for c in client.stream(HELLO, LLMSettings(model=SONNET)) if c.text]
    assert pieces == ["Hello", ", ", "world"]

    sse_server.add(text_stream(["Hello", ", ", "world"], usage=usage_chunk(20, 3, 0.00042)))
    result = await client.complete(HELLO, LLMSettings(model=SONNET))
    assert result.text == "Hello, world"
    assert (result.model, result.provider, result.upstream_provider) == (SONNET, "OpenRouter", "Anthropic")
    assert result.finish_reason == "stop"
    assert (result.usage.prompt_tokens, result.usage.completion_tokens, result.usage.total_tokens) == (20, 3, 23)
    assert result.usage.cost == pytest.approx(0.00042)
    assert result.generation_id == "gen-test-1"


@pytest.mark.asyncio
async def test_answers_one_after_another_reuse_one_connection(sse_server, make_client) -> None:
    """After [DONE] the client reads the body's end, so the next request (a tool round makes two) needs no new
    connection (over the internet: no new TCP and TLS handshake)."""
    client = make_client([openrouter(sse_server)])
    for text in ("one", "two", "three"):
        sse_server.add(text_stream([text]))
        assert [c.text async for c in client.stream(HELLO, LLMSettings(model=SONNET)) if c.text] == [text]
    ports = {request.client_port for request in sse_server.chat_requests()}
    assert len(ports) == 1 and len(sse_server.chat_requests()) == 3


@pytest.mark.asyncio
async def test_sends_key_and_attribution_headers_to_openrouter(sse_server, make_client) -> None:
    client = make_client([openrouter(sse_server)])
    settings = LLMSettings(model=SONNET, temperature=0.3, max_tokens=200, system_prompt="Be brief.")
    await client.complete(HELLO, settings)
    (request,) = sse_server.chat_requests()
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.headers["http-referer"].startswith("https://")
    assert request.headers["x-openrouter-title"] == "Vector Desktop Tests"
    assert request.headers["x-title"] == "Vector Desktop Tests"
    body = request.json
    assert body["model"] == SONNET and body["stream"] is True
    assert body["messages"] == [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hello"}]
    assert body["temperature"] == 0.3 and body["max_tokens"] == 200
    assert body["usage"] == {"include": True}
    assert "models" not in body


@pytest.mark.asyncio
async def test_fallback_list_goes_to_openrouter_as_models_and_answer_names_the_model(sse_server, make_client) -> None:
    sse_server.add(text_stream(["from GPT"], model="openai/gpt-5.1"))
    client = make_client([openrouter(sse_server)])
    settings = LLMSettings(model=SONNET, fallback_models=("openai/gpt-5.1", "google/gemini-3-pro-preview"))
    result = await client.complete(HELLO, settings)
    body = sse_server.chat_requests()[0].json
    assert body["model"] == SONNET
    assert body["models"] == [SONNET, "openai/gpt-5.1", "google/gemini-3-pro-preview"]
    assert result.model == "openai/gpt-5.1"
    assert len(sse_server.chat_requests()) == 1  # OpenRouter falls back server-side


@pytest.mark.asyncio
async def test_openai_gets_a_plain_body_without_openrouter_fields(sse_server, make_client) -> None:
    sse_server.add(
        text_stream(["ok"], model="gpt-5.1", usage=usage_chunk(1000, 100, None, model="gpt-5.1"), comments=False),
        prefix="oa",
    )
    catalog = {"openai/gpt-5.1": ModelInfo("openai/gpt-5.1", "GPT-5.1", 128_000, 1.25, 10.0)}
    client = make_client([openai(sse_server)], catalog=catalog)
    settings = LLMSettings(model="openai/gpt-5.1", fallback_models=("gpt-4.1",), max_tokens=50, json_mode=False)
    result = await client.complete(HELLO, settings)
    (request,) = sse_server.chat_requests("oa")
    body = request.json
    assert request.headers["authorization"] == f"Bearer {OPENAI_KEY}"
    assert "http-referer" not in request.headers and "x-title" not in request.headers
    assert body["model"] == "gpt-5.1"
    for field in ("models", "provider", "usage", "max_tokens"):
        assert field not in body
    assert body["stream_options"] == {"include_usage": True}
    assert body["max_completion_tokens"] == 50
    # OpenAI reports no cost: it comes from the price table (1000 * 1.25 + 100 * 10) / 1e6.
    assert result.usage.cost == pytest.approx(0.00225)
    assert result.provider == "OpenAI"


@pytest.mark.asyncio
async def test_wire_faults_do_not_change_the_answer(sse_server, make_client) -> None:
    text = "Grüße → 世界 🎉"
    event = sse(chunk(text), crlf=True)
    cut = event.index("🎉".encode()) + 2  # in the middle of the emoji's four bytes
    sse_server.add(
        stream_of(
            Write(comment(crlf=True)),
            Write(sse(chunk("", role="assistant"), multiline=True)),
            *split_bytes(event, [cut, cut + 1]),
            Write(b"data: {not json at all\n\n"),
            Write(comment()),
            Write(sse(chunk(" fin", finish_reason="stop"), multiline=True, crlf=True)),
            Write(b"\r\n"),
            Write(sse(usage_chunk())),
            Write(DONE),
        )
    )
    client = make_client([openrouter(sse_server)])
    result = await client.complete(HELLO, LLMSettings(model=SONNET))
    assert result.text == text + " fin"
    assert result.usage.cost == pytest.approx(0.000123)


# ---- errors --------------------------------------------------------------------------------------------------


ERROR_CASES = [
    (error_reply(401, f"Invalid API key {KEY}"), AuthError, "OpenRouter did not accept the API key"),
    (
        error_reply(402, "Insufficient credits. Add more using https://openrouter.ai/credits"),
        CreditsError,
        "OpenRouter account is out of credits",
    ),
    (
        error_reply(403, "Input was flagged", metadata={"reasons": ["violence"], "flagged_input": "..."}),
        ModerationError,
        "OpenRouter refused this request (Input was flagged.)",
    ),
    (error_reply(429, "Rate limit exceeded", headers={"Retry-After": "7"}), RateLimitError, "Try again in 7 seconds"),
    (error_reply(500, "Internal Server Error"), ProviderDownError, "OpenRouter or the model behind it"),
    (error_reply(502, "Provider returned error"), ProviderDownError, "(error 502)"),
    (error_reply(503, "No available providers"), ProviderDownError, "(error 503)"),
    (error_reply(400, "foo/bar is not a valid model ID"), ModelNotFoundError, "does not offer the model"),
    (
        error_reply(400, "This endpoint's maximum context length is 200000 tokens"),
        ContextTooLongError,
        "too long for anthropic/claude-sonnet-4.5",
    ),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("reply", "error_type", "message"), ERROR_CASES, ids=lambda v: getattr(v, "__name__", ""))
async def test_http_errors_become_typed_errors_with_a_sentence(
    sse_server, make_client, reply: Reply, error_type: type, message: str
) -> None:
    sse_server.add(reply)
    client = make_client([openrouter(sse_server)], max_retries=0)
    with pytest.raises(error_type) as caught:
        await client.complete(HELLO, LLMSettings(model=SONNET))
    assert message in str(caught.value)
    assert KEY not in str(caught.value) and KEY not in caught.value.detail
    assert caught.value.provider == "OpenRouter"


OPENAI_ERROR_CASES = [
    (
        error_reply(
            429,
            "You exceeded your current quota",
            openai=True,
            code="insufficient_quota",
            error_type="insufficient_quota",
        ),
        CreditsError,
        "OpenAI account is out of credits",
    ),
    (
        error_reply(401, f"Incorrect API key provided: {OPENAI_KEY}", openai=True, code="invalid_api_key"),
        AuthError,
        "OpenAI did not accept the API key",
    ),
    (
        error_reply(404, "The model `gpt-9` does not exist", openai=True, code="model_not_found"),
        ModelNotFoundError,
        "OpenAI does not offer the model 'gpt-9'",
    ),
    (
        error_reply(
            400, "This model's maximum context length is 128000 tokens", openai=True, code="context_length_exceeded"
        ),
        ContextTooLongError,
        "This conversation is too long for gpt-9",
    ),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("reply", "error_type", "message"), OPENAI_ERROR_CASES, ids=lambda v: getattr(v, "__name__", "")
)
async def test_openai_error_bodies(sse_server, make_client, reply: Reply, error_type: type, message: str) -> None:
    sse_server.add(reply, prefix="oa")
    client = make_client([openai(sse_server)], max_retries=0)
    with pytest.raises(error_type) as caught:
        await client.complete(HELLO, LLMSettings(model="gpt-9"))
    assert message in str(caught.value)
    assert OPENAI_KEY not in str(caught.value) and OPENAI_KEY not in caught.value.detail


@pytest.mark.asyncio
async def test_a_base_url_that_is_not_an_api_is_explained(sse_server, make_client) -> None:
    sse_server.add(Reply(headers={"Content-Type": "text/html"}, body=b"<html>Welcome to nginx</html>"))
    sse_server.add(Reply(status=301, headers={"Location": "https://elsewhere.invalid/"}, body=b""))
    client = make_client([openrouter(sse_server)], max_retries=0)
    with pytest.raises(AIRequestError, match="is not an OpenAI-compatible API; check the address"):
        await client.complete(HELLO, LLMSettings(model=SONNET))
    with pytest.raises(AIRequestError, match="OpenRouter rejected the request"):
        await client.complete(HELLO, LLMSettings(model=SONNET))


@pytest.mark.asyncio
async def test_connection_refused(make_client) -> None:
    provider = ProviderConfig.openrouter(KEY, f"http://127.0.0.1:{closed_port()}/api/v1")
    client = make_client([provider], max_retries=0)
    with pytest.raises(AIConnectionError, match="Could not connect to OpenRouter"):
        await client.complete(HELLO, LLMSettings(model=SONNET))


@pytest.mark.asyncio
async def test_timeout(sse_server, make_client) -> None:
    sse_server.add(Reply(delay_headers=5, steps=[]))
    client = make_client([openrouter(sse_server)], timeout=0.5, max_retries=0)
    with pytest.raises(AITimeoutError, match=r"did not answer within 0\.5 seconds"):
        await client.complete(HELLO, LLMSettings(model=SONNET))


# ---- retries -----------------------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_retry_after_is_honoured_then_the_retry_succeeds(sse_server, make_client) -> None:
    sse_server.add(error_reply(429, "Rate limited", headers={"Retry-After": "3"}), text_stream(["after wait"]))
    sleeps = Sleeps()
    client = make_client([openrouter(sse_server)], sleep=sleeps)
    result = await client.complete(HELLO, LLMSettings(model=SONNET))
    assert result.text == "after wait"
    assert sleeps.delays == [3.0]
    assert len(sse_server.chat_requests()) == 2


@pytest.mark.asyncio
async def test_retry_after_longer_than_the_cap_is_not_waited_for(sse_server, make_client) -> None:
    sse_server.add(error_reply(429, "Rate limited", headers={"Retry-After": "600"}))
    sleeps = Sleeps()
    client = make_client([openrouter(sse_server)], sleep=sleeps, max_retry_wait=30)
    with pytest.raises(RateLimitError, match="Try again in 600 seconds") as caught:
        await client.complete(HELLO, LLMSettings(model=SONNET))
    assert caught.value.retry_after == 600
    assert sleeps.delays == []


@pytest.mark.asyncio
async def test_server_errors_are_retried_with_backoff(sse_server, make_client) -> None:
    sse_server.add(error_reply(502, "Provider returned error"), error_reply(503, "busy"), text_stream(["third time"]))
    sleeps = Sleeps()
    client = make_client([openrouter(sse_server)], sleep=sleeps, backoff=0.5)
    result = await client.complete(HELLO, LLMSettings(model=SONNET))
    assert result.text == "third time"
    assert sleeps.delays == [0.5, 1.0]


@pytest.mark.asyncio
async def test_error_event_before_the_first_token_is_retried(sse_server, make_client) -> None:
    sse_server.add(stream_of(comment(), sse(error_chunk(502))), text_stream(["recovered"]))
    client = make_client([openrouter(sse_server)])
    assert (await client.complete(HELLO, LLMSettings(model=SONNET))).text == "recovered"


@pytest.mark.asyncio
async def test_mid_stream_error_keeps_the_partial_text_and_is_not_retried(sse_server, make_client) -> None:
    sse_server.add(
        stream_of(sse(chunk("Hello ")), sse(chunk("wor")), sse(error_chunk(502, "Provider disconnected")), DONE)
    )
    client = make_client([openrouter(sse_server)])
    seen: list[str] = []
    with pytest.raises(StreamInterruptedError) as caught:
        async for piece in client.stream(HELLO, LLMSettings(model=SONNET)):
            seen.append(piece.text)
    assert "".join(seen) == "Hello wor"
    assert caught.value.partial_text == "Hello wor"
    assert str(caught.value) == ("The answer from OpenRouter broke off before it was complete (Provider disconnected.)")
    assert not caught.value.retryable
    assert len(sse_server.chat_requests()) == 1


@pytest.mark.asyncio
@pytest.mark.parametrize("framing", ["chunked", "close"])
async def test_a_stream_that_just_stops_is_an_interrupted_answer(sse_server, make_client, framing) -> None:
    sse_server.add(stream_of(sse(chunk("Half an ")), sse(chunk("answ")), abort=True, framing=framing))
    client = make_client([openrouter(sse_server)])
    with pytest.raises(StreamInterruptedError) as caught:
        await client.complete(HELLO, LLMSettings(model=SONNET))
    assert caught.value.partial_text == "Half an answ"
    assert len(sse_server.chat_requests()) == 1  # no retry after the first token


# ---- JSON mode and tools -----------------------------------------------------------------------------------------

WEATHER_SCHEMA = {
    "name": "weather",
    "strict": True,
    "schema": {
        "type": "object",
        "properties": {"city": {"type": "string"}, "temp": {"type": "number"}},
        "required": ["city", "temp"],
        "additionalProperties": False,
    },
}


@pytest.mark.asyncio
async def test_json_object_mode_parses_the_answer(sse_server, make_client) -> None:
    sse_server.add(text_stream(['{"city": ', '"Paris", "te', 'mp": 21.5}']))
    client = make_client([openrouter(sse_server)])
    result = await client.complete(HELLO, LLMSettings(model=SONNET, json_mode=True))
    assert result.parsed_json == {"city": "Paris", "temp": 21.5}
    assert sse_server.chat_requests()[0].json["response_format"] == {"type": "json_object"}


@pytest.mark.asyncio
async def test_json_schema_mode_validates_and_asks_for_capable_providers(sse_server, make_client) -> None:
    sse_server.add(text_stream(['{"city": "Oslo", "temp": -3}']))
    client = make_client([openrouter(sse_server)])
    result = await client.complete(HELLO, LLMSettings(model=SONNET, json_schema=WEATHER_SCHEMA))
    assert result.parsed_json == {"city": "Oslo", "temp": -3}
    body = sse_server.chat_requests()[0].json
    assert body["response_format"] == {"type": "json_schema", "json_schema": WEATHER_SCHEMA}
    assert body["provider"] == {"require_parameters": True}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("answer", "settings_kwargs", "fragment"),
    [
        ("Sure! The weather is nice.", {"json_mode": True}, "invalid JSON"),
        ('{"city": "Oslo"}', {"json_schema": WEATHER_SCHEMA}, "does not match the schema"),
    ],
)
async def test_invalid_json_is_a_clear_error_that_keeps_the_text(
    sse_server, make_client, answer, settings_kwargs, fragment
) -> None:
    sse_server.add(text_stream([answer]))
    client = make_client([openrouter(sse_server)])
    with pytest.raises(InvalidJSONError) as caught:
        await client.complete(HELLO, LLMSettings(model=SONNET, **settings_kwargs))
    assert caught.value.raw_text == answer
    assert str(caught.value).startswith("The model's answer is not the JSON that was asked for")
    assert fragment in str(caught.value)


@pytest.mark.asyncio
async def test_streamed_tool_call_deltas_are_assembled(sse_server, make_client) -> None:
    def call(index: int, **fields) -> dict:  # type: ignore[no-untyped-def]
        return {"index": index, **fields}

    sse_server.add(
        stream_of(
            sse(chunk(role="assistant", content=None)),
            sse(
                chunk(
                    tool_calls=[
                        call(0, id="call_a", type="function", function={"name": "get_weather", "arguments": ""})
                    ]
                )
            ),
            sse(chunk(tool_calls=[call(0, function={"arguments": '{"city": '})])),
            sse(
                chunk(
                    tool_calls=[call(1, id="call_b", type="function", function={"name": "get_time", "arguments": "{}"})]
                )
            ),
            sse(chunk(tool_calls=[call(0, function={"arguments": '"Paris"}'})])),
            sse(chunk(finish_reason="tool_calls")),
            sse(usage_chunk()),
            DONE,
        )
    )
    client = make_client([openrouter(sse_server)])
    tools = (ToolSpec("get_weather", "Weather now", {"type": "object", "properties": {"city": {"type": "string"}}}),)
    result = await client.complete(HELLO, LLMSettings(model=SONNET, tools=tools))
    assert result.finish_reason == "tool_calls"
    assert [(c.id, c.name, c.arguments) for c in result.tool_calls] == [
        ("call_a", "get_weather", '{"city": "Paris"}'),
        ("call_b", "get_time", "{}"),
    ]
    assert result.tool_calls[0].parsed_arguments() == {"city": "Paris"}
    body = sse_server.chat_requests()[0].json
    assert body["tools"][0] == {
        "type": "function",
        "function": {"name": "get_weather", "description": "Weather now", "parameters": tools[0].parameters},
    }
    assert body["tool_choice"] == "auto"


# ---- routing and fallback ---------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_client_side_fallback_to_the_next_provider_on_503(sse_server, make_client) -> None:
    sse_server.add(error_reply(503, "overloaded"), prefix="a")
    sse_server.add(text_stream(["from b"], model="m2", comments=False), prefix="b")
    first = ProviderConfig.compatible("ollama", sse_server.url("a"))
    second = ProviderConfig.compatible("lmstudio", sse_server.url("b"), api_key="lm-key")
    client = make_client([first, second], max_retries=0)
    settings = LLMSettings(model="compat:ollama/m1", fallback_models=("compat:lmstudio/m2",), max_tokens=64)
    result = await client.complete(HELLO, settings)
    assert (result.text, result.model, result.provider) == ("from b", "m2", "lmstudio")
    (a_request,) = sse_server.chat_requests("a")
    (b_request,) = sse_server.chat_requests("b")
    assert a_request.json["model"] == "m1" and b_request.json["model"] == "m2"
    assert "authorization" not in a_request.headers
    assert b_request.headers["authorization"] == "Bearer lm-key"
    for field in ("models", "provider", "usage", "stream_options", "max_completion_tokens"):
        assert field not in b_request.json
    assert b_request.json["max_tokens"] == 64


@pytest.mark.asyncio
async def test_no_client_side_fallback_for_a_bad_key(sse_server, make_client) -> None:
    sse_server.add(error_reply(401, "bad key"), prefix="a")
    first = ProviderConfig.compatible("one", sse_server.url("a"), api_key="k")
    second = ProviderConfig.compatible("two", sse_server.url("b"))
    client = make_client([first, second])
    with pytest.raises(AuthError) as caught:
        await client.complete(HELLO, LLMSettings(model="compat:one/m", fallback_models=("compat:two/m",)))
    # The key of a user-added server is changed where the server was added, not in Settings.
    assert str(caught.value) == "one did not accept the API key. Check the key in File → AI servers."
    assert sse_server.chat_requests("b") == []


@pytest.mark.asyncio
async def test_routing_rules(sse_server, make_client) -> None:
    nothing = make_client([])
    assert nothing.default_model() == LOCAL_MODEL_ID
    with pytest.raises(NoProviderError, match="Add an OpenRouter API key"):
        await nothing.complete(HELLO, LLMSettings(model=SONNET))

    only_openai = make_client([openai(sse_server)])
    assert only_openai.route("gpt-5.1")[0].kind == "openai"
    assert only_openai.route("openai/gpt-5.1")[0].kind == "openai"
    assert only_openai.default_model() == "gpt-5.1"
    with pytest.raises(NoProviderError):
        only_openai.route(SONNET)

    both = make_client([openrouter(sse_server), ProviderConfig.compatible("box", sse_server.url("c"))])
    assert both.route(SONNET)[0].kind == "openrouter"
    assert both.route("gpt-5.1") == (both.providers[0], "openai/gpt-5.1")
    assert both.route("compat:box/llama3")[0].name == "box"
    assert both.default_model() == SONNET
    assert both.default_model("compat:box/llama3") == "compat:box/llama3"


@pytest.mark.asyncio
async def test_context_too_long_is_refused_before_sending(sse_server, make_client) -> None:
    tiny = ModelInfo("tiny/ctx-model", "Tiny", context_length=50)
    client = make_client([openrouter(sse_server)], catalog={tiny.id: tiny})
    long_chat = [ChatMessage("user", "word " * 400)]
    check = client.check_context(long_chat, LLMSettings(model=tiny.id))
    assert not check.fits and check.limit == 50
    with pytest.raises(ContextTooLongError, match=r"too long for tiny/ctx-model \(about [\d,]+ tokens; .* takes 50\)"):
        await client.complete(long_chat, LLMSettings(model=tiny.id))
    assert sse_server.chat_requests() == []
    # With a roomier fallback the too-small model is skipped.
    sse_server.add(text_stream(["fits"]))
    result = await client.complete(long_chat, LLMSettings(model=tiny.id, fallback_models=(SONNET,)))
    assert result.text == "fits"
    assert sse_server.chat_requests()[0].json["model"] == SONNET


# ---- cancellation ------------------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_cancelling_the_consumer_closes_the_connection(sse_server, make_client) -> None:
    sse_server.add(endless_tokens(delay=0.02))
    client = make_client([openrouter(sse_server)])
    got_some = asyncio.Event()
    received: list[str] = []

    async def consume() -> None:
        async for piece in client.stream(HELLO, LLMSettings(model=SONNET)):
            received.append(piece.text)
            if len(received) >= 3:
                got_some.set()

    task = asyncio.ensure_future(consume())
    await asyncio.wait_for(got_some.wait(), 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await asyncio.to_thread(sse_server.disconnected.wait, 10)
    # The client is still usable afterwards.
    assert (await client.complete(HELLO, LLMSettings(model=SONNET))).text == "Hello from the test server."


@pytest.mark.asyncio
async def test_the_request_body_is_valid_json_with_images(sse_server, make_client) -> None:
    from vector_desktop.ai.types import ImagePart

    client = make_client([openrouter(sse_server)])
    message = ChatMessage("user", "What is this?", images=(ImagePart("https://example.invalid/cat.png"),))
    await client.complete([message], LLMSettings(model=SONNET))
    content = sse_server.chat_requests()[0].json["messages"][0]["content"]
    assert content == [
        {"type": "text", "text": "What is this?"},
        {"type": "image_url", "image_url": {"url": "https://example.invalid/cat.png", "detail": "auto"}},
    ]
    assert json.dumps(content)
