"""Testing a user-added server against real HTTP servers on 127.0.0.1: llama.cpp's own OpenAI-compatible server, the
scripted SSE server (401, model lists), a plain web server (404 / HTML), and a port nobody listens on."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.support.fixtures_ai import LlamaServer
from tests.support.sse_server import ScriptedLLMServer, closed_port, error_reply, json_reply
from vector_desktop.domain.ai_servers import (
    NotCompatibleServerError,
    ServerKeyRejectedError,
    ServerTestError,
    ServerUnreachableError,
    ServerValidationError,
)
from vector_desktop.secrets import SecretStore
from vector_desktop.services.ai_servers import AIServerService
from vector_desktop.services.chat.model_catalog import ModelCatalog
from vector_desktop.services.openrouter_service import OpenRouterService
from vector_desktop.store.chat_repository import ChatRepository
from vector_desktop.store.server_repository import ServerRepository

KEY = "sk-local-TOPSECRET-0123456789"


class _QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def web_server(tmp_path: Path) -> Iterator[str]:
    """A plain static web server (not an API): /v1/models is missing, /html/v1/models is an HTML page."""
    root = tmp_path / "site"
    (root / "html" / "v1").mkdir(parents=True)
    (root / "html" / "v1" / "models").write_text("<html><body>Welcome to my NAS</body></html>", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietFiles, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def service(store: Any, memory_keyring: object) -> AIServerService:
    return AIServerService(
        ServerRepository(store.sessions),
        SecretStore("vector-desktop-test-servers"),
        model_cache=ChatRepository(store.sessions),
        timeout=10.0,
    )


def test_models_of_the_scripted_server_and_the_key_is_sent(
    service: AIServerService, sse_server: ScriptedLLMServer
) -> None:
    sse_server.models_payload = {"data": [{"id": "llama3.2:3b", "object": "model"}, {"id": "qwen2.5-coder"}]}
    assert service.test(sse_server.url("ollama") + "/", KEY) == ["llama3.2:3b", "qwen2.5-coder"]
    (request,) = sse_server.requests
    assert (request.method, request.path) == ("GET", "/ollama/v1/models")
    assert request.headers["authorization"] == f"Bearer {KEY}"

    assert service.test(sse_server.url("ollama")) == ["llama3.2:3b", "qwen2.5-coder"]
    assert "authorization" not in sse_server.requests[-1].headers


def test_a_server_with_no_models_yet(service: AIServerService, sse_server: ScriptedLLMServer) -> None:
    sse_server.add(json_reply({"object": "list", "data": []}), prefix="ollama", endpoint="models")
    assert service.test(sse_server.url("ollama")) == []


def test_closed_port_says_the_connection_was_refused(service: AIServerService) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    with pytest.raises(ServerUnreachableError) as caught:
        service.test(url)
    assert str(caught.value) == (
        f"Nothing is listening at {url}: the connection was refused. "
        "Check that the server is running and that the address and port are right."
    )
    assert caught.value.kind == "unreachable"


def test_401_says_the_key_was_not_accepted(service: AIServerService, sse_server: ScriptedLLMServer) -> None:
    url = sse_server.url("vllm")
    sse_server.add(
        error_reply(401, f"Incorrect API key provided: {KEY}", openai=True, code="invalid_api_key"),
        error_reply(401, "Missing API key", openai=True, code="invalid_api_key"),
        prefix="vllm",
        endpoint="models",
    )
    with pytest.raises(ServerKeyRejectedError) as caught:
        service.test(url, KEY)
    assert str(caught.value) == f"The server at {url} did not accept the API key (HTTP 401). Check the key."
    assert KEY not in str(caught.value)
    with pytest.raises(ServerKeyRejectedError) as caught:
        service.test(url)
    assert str(caught.value) == f"The server at {url} needs an API key (HTTP 401). Enter it in the API key field."


def test_404_on_models_is_not_an_openai_compatible_server(service: AIServerService, web_server: str) -> None:
    url = f"{web_server}/v1"
    with pytest.raises(NotCompatibleServerError) as caught:
        service.test(url)
    assert str(caught.value) == (
        f"{url} is not an OpenAI-compatible server: it has no /models endpoint (HTTP 404). "
        "Check the address; for most servers it ends in /v1."
    )
    assert caught.value.status == 404


def test_an_html_page_is_not_an_openai_compatible_server(service: AIServerService, web_server: str) -> None:
    url = f"{web_server}/html/v1"
    with pytest.raises(NotCompatibleServerError) as caught:
        service.test(url)
    assert str(caught.value) == (
        f"{url} is not an OpenAI-compatible server: its /models answer is not JSON. "
        "Check the address; for most servers it ends in /v1."
    )


def test_json_that_is_no_model_list(service: AIServerService, sse_server: ScriptedLLMServer) -> None:
    sse_server.add(json_reply({"status": "ok"}), prefix="x", endpoint="models")
    with pytest.raises(NotCompatibleServerError, match="its /models answer is not a list of models"):
        service.test(sse_server.url("x"))


def test_other_server_errors_are_reported_as_sentences(service: AIServerService, sse_server: ScriptedLLMServer) -> None:
    sse_server.add(error_reply(500, "CUDA out of memory"), prefix="x", endpoint="models")
    with pytest.raises(ServerTestError) as caught:
        service.test(sse_server.url("x"))
    assert str(caught.value).startswith("The server or the model behind it is not answering right now (error 500).")


def test_an_invalid_address_is_refused_before_any_request(service: AIServerService) -> None:
    with pytest.raises(ServerValidationError, match="must start with http:// or https://"):
        service.test("localhost:11434")


@pytest.mark.local_model
def test_llama_cpp_server_lists_its_model_and_feeds_the_catalog(
    service: AIServerService, llama_server: LlamaServer, store: Any
) -> None:
    assert service.test(llama_server.base_url) == [llama_server.model]

    # Added as a server, it becomes a provider whose models reach the picker's cache as compat:<name>/<id>.
    service.add("llama.cpp", llama_server.base_url)
    chat = ChatRepository(store.sessions)
    counts = ModelCatalog(chat).refresh([OpenRouterService(p) for p in service.provider_configs()])
    assert counts == {"llama.cpp": 1}
    assert [m.model_id for m in chat.cached_models("llama.cpp")] == [f"compat:llama.cpp/{llama_server.model}"]
    assert service.provider_configs()[0].models == (llama_server.model,)
