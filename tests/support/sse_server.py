"""A scripted OpenAI-compatible HTTP server on 127.0.0.1 that replays OpenRouter-shaped streams and injects faults.

Runs http.server in a thread, so every byte on the wire is under the test's control: chunk boundaries (also in the
middle of a UTF-8 sequence), CRLF, comments, slow tokens, a body that stops without its end, HTTP errors with
OpenRouter or OpenAI error bodies. Each request is recorded (headers + JSON body) for assertions; a client that
goes away while a stream is written is recorded as a disconnect.

Replies are queued per (prefix, endpoint): `server.url("a")` is the base URL `http://127.0.0.1:<port>/a/v1`, and
`server.add(reply, prefix="a")` queues a reply for POST .../a/v1/chat/completions. With nothing queued, chat
completions answer "Hello from the test server." and GET /models, /key answer `models_payload` / `key_payload`.
"""

from __future__ import annotations

import itertools
import json
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

DEFAULT_MODEL = "anthropic/claude-sonnet-4.5"
DONE = b"data: [DONE]\n\n"


@dataclass(frozen=True)
class Write:
    """Bytes written (and flushed) as one piece, after waiting `delay` seconds."""

    data: bytes
    delay: float = 0.0


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None  # a whole (non-stream) body
    steps: Iterable[Write] | None = None  # a streamed body, written piece by piece
    framing: Literal["chunked", "close"] = "chunked"
    abort: bool = False  # end the streamed body without its proper end (chunked: no last chunk)
    delay_headers: float = 0.0  # wait before sending anything (timeouts)


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    prefix: str
    endpoint: str
    headers: dict[str, str]
    body: Any
    client_port: int = 0  # the client's TCP port: the same for requests over one kept-alive connection

    @property
    def json(self) -> dict[str, Any]:
        assert isinstance(self.body, dict), self.body
        return self.body


# ---- payload builders ----------------------------------------------------------------------------------------


def chunk(
    content: str | None = None,
    *,
    model: str = DEFAULT_MODEL,
    provider: str = "Anthropic",
    finish_reason: str | None = None,
    role: str | None = None,
    tool_calls: list[dict[str, Any]] | None = None,
    reasoning: str | None = None,
    gen_id: str = "gen-test-1",
) -> dict[str, Any]:
    delta: dict[str, Any] = {}
    if role:
        delta["role"] = role
    if content is not None:
        delta["content"] = content
    if reasoning is not None:
        delta["reasoning"] = reasoning
    if tool_calls is not None:
        delta["tool_calls"] = tool_calls
    return {
        "id": gen_id,
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": model,
        "provider": provider,
        "choices": [
            {"index": 0, "delta": delta, "finish_reason": finish_reason, "native_finish_reason": finish_reason}
        ],
    }


def usage_chunk(
    prompt: int = 12, completion: int = 5, cost: float | None = 0.000123, *, model: str = DEFAULT_MODEL
) -> dict[str, Any]:
    usage: dict[str, Any] = {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }
    if cost is not None:
        usage["cost"] = cost
        usage["is_byok"] = False
    return {
        "id": "gen-test-1",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": model,
        "provider": "Anthropic",
        "choices": [],
        "usage": usage,
    }


def error_chunk(code: int | str = 502, message: str = "Provider disconnected unexpectedly") -> dict[str, Any]:
    return {
        "id": "gen-test-1",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": DEFAULT_MODEL,
        "provider": "Anthropic",
        "error": {"code": code, "message": message, "metadata": {"error_type": "provider_unavailable"}},
        "choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "error"}],
    }


def sse(payload: dict[str, Any] | str, *, crlf: bool = False, multiline: bool = False) -> bytes:
    """One `data:` event. `multiline` spreads the JSON over several data: lines (joined with \\n by the parser)."""
    text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    eol = "\r\n" if crlf else "\n"
    if multiline and not isinstance(payload, str):
        text = json.dumps(payload, ensure_ascii=False, indent=1)
    lines = "".join(f"data: {line}{eol}" for line in text.split("\n"))
    return (lines + eol).encode()


def comment(text: str = "OPENROUTER PROCESSING", *, crlf: bool = False) -> bytes:
    eol = "\r\n" if crlf else "\n"
    return f": {text}{eol}{eol}".encode()


def split_bytes(data: bytes, at: Sequence[int], delay: float = 0.02) -> list[Write]:
    """`data` as several writes cut at the given byte offsets (e.g. inside a UTF-8 sequence)."""
    cuts = [0, *sorted(at), len(data)]
    return [Write(data[a:b], delay) for a, b in itertools.pairwise(cuts) if b > a]


def text_stream(
    pieces: Sequence[str],
    *,
    model: str = DEFAULT_MODEL,
    provider: str = "Anthropic",
    usage: dict[str, Any] | None = None,
    finish_reason: str = "stop",
    done: bool = True,
    comments: bool = True,
    crlf: bool = False,
    delay: float = 0.0,
) -> Reply:
    """An OpenRouter-shaped stream: keep-alive comment, role chunk, one chunk per piece, finish, usage, [DONE]."""
    steps: list[Write] = []
    if comments:
        steps.append(Write(comment(crlf=crlf)))
    steps.append(Write(sse(chunk("", model=model, provider=provider, role="assistant"), crlf=crlf)))
    for piece in pieces:
        steps.append(Write(sse(chunk(piece, model=model, provider=provider), crlf=crlf), delay))
    steps.append(Write(sse(chunk("", model=model, provider=provider, finish_reason=finish_reason), crlf=crlf)))
    steps.append(Write(sse(usage if usage is not None else usage_chunk(model=model), crlf=crlf)))
    if done:
        steps.append(Write(DONE.replace(b"\n", b"\r\n") if crlf else DONE))
    return Reply(steps=steps)


def stream_of(*events: bytes | Write, abort: bool = False, framing: Literal["chunked", "close"] = "chunked") -> Reply:
    return Reply(steps=[e if isinstance(e, Write) else Write(e) for e in events], abort=abort, framing=framing)


def endless_tokens(delay: float = 0.05, limit: int = 2000) -> Reply:
    """A slow stream that only ends when the client goes away (or after `limit` tokens)."""

    def steps() -> Iterator[Write]:
        yield Write(sse(chunk("", role="assistant")))
        for i in range(limit):
            yield Write(sse(chunk(f"tok{i} ")), delay)

    return Reply(steps=steps())


def error_reply(
    status: int,
    message: str,
    *,
    openai: bool = False,
    code: str | int | None = None,
    error_type: str | None = None,
    headers: dict[str, str] | None = None,
    metadata: dict[str, Any] | None = None,
) -> Reply:
    """An HTTP error with OpenRouter's body ({"code": int, ...}) or OpenAI's ({"type": str, "code": str, ...})."""
    if openai:
        error: dict[str, Any] = {
            "message": message,
            "type": error_type or "invalid_request_error",
            "param": None,
            "code": code,
        }
    else:
        error = {"code": status if code is None else code, "message": message}
        if metadata:
            error["metadata"] = metadata
    body = json.dumps({"error": error}).encode()
    return Reply(status=status, headers={"Content-Type": "application/json", **(headers or {})}, body=body)


def json_reply(payload: Any, status: int = 200) -> Reply:
    return Reply(status=status, headers={"Content-Type": "application/json"}, body=json.dumps(payload).encode())


DEFAULT_MODELS_PAYLOAD: dict[str, Any] = {
    "data": [
        {
            "id": "anthropic/claude-sonnet-4.5",
            "canonical_slug": "anthropic/claude-sonnet-4.5-20250929",
            "name": "Anthropic: Claude Sonnet 4.5",
            "created": 1759000000,
            "description": "Sonnet.",
            "context_length": 200000,
            "architecture": {"input_modalities": ["text", "image"], "output_modalities": ["text"]},
            "pricing": {"prompt": "0.000003", "completion": "0.000015", "request": "0", "image": "0"},
            "top_provider": {"context_length": 200000, "max_completion_tokens": 64000, "is_moderated": False},
            "per_request_limits": None,
            "supported_parameters": [
                "max_tokens",
                "temperature",
                "tools",
                "tool_choice",
                "response_format",
                "structured_outputs",
            ],
        },
        {
            "id": "openai/gpt-5.1",
            "name": "OpenAI: GPT-5.1",
            "context_length": 400000,
            "pricing": {"prompt": "0.00000125", "completion": "0.00001"},
            "top_provider": {"context_length": 400000, "max_completion_tokens": 128000},
            "supported_parameters": ["tools", "response_format"],
        },
        {"id": "tiny/ctx-model", "name": "Tiny context", "context_length": 50, "pricing": {"prompt": "0"}},
        {"name": "entry without id"},
    ],
    "total_count": 4,
}
DEFAULT_KEY_PAYLOAD: dict[str, Any] = {
    "data": {
        "label": "sk-or-v1-abc...xyz",
        "limit": 10.0,
        "limit_remaining": 7.5,
        "limit_reset": "monthly",
        "usage": 2.5,
        "usage_daily": 0.5,
        "usage_monthly": 2.5,
        "is_free_tier": False,
    }
}


# ---- the server ---------------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30  # idle keep-alive connections end on their own
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        path = self.path.split("?", 1)[0]
        prefix, _, rest = path.lstrip("/").partition("/")
        endpoint = rest.removeprefix("v1/").strip("/")
        headers = {k.lower(): v for k, v in self.headers.items()}
        state.record(
            RecordedRequest(self.command, self.path, prefix, endpoint, headers, body, int(self.client_address[1]))
        )
        reply = state.next_reply(prefix, endpoint)
        try:
            self._send(reply)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            state.note_disconnect()
            self.close_connection = True

    def _send(self, reply: Reply) -> None:
        state = self.server.state
        if reply.delay_headers and state.stopping.wait(reply.delay_headers):
            return
        if reply.steps is None:
            body = reply.body or b""
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            return
        self.send_response(reply.status)
        headers = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache", **reply.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        if reply.framing == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.flush()
        for step in reply.steps:
            if step.delay and state.stopping.wait(step.delay):
                self.close_connection = True
                return
            if reply.framing == "chunked":
                self.wfile.write(b"%x\r\n%s\r\n" % (len(step.data), step.data))
            else:
                self.wfile.write(step.data)
            self.wfile.flush()
        if reply.abort:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if reply.framing == "chunked":
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: ScriptedLLMServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client closing an idle keep-alive connection (or a stream it cancelled) is normal here.
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class ScriptedLLMServer:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._replies: dict[tuple[str, str], deque[Reply]] = {}
        self.requests: list[RecordedRequest] = []
        self.disconnects = 0
        self.disconnected = threading.Event()
        self.stopping = threading.Event()
        self.models_payload: dict[str, Any] = DEFAULT_MODELS_PAYLOAD
        self.key_payload: dict[str, Any] = DEFAULT_KEY_PAYLOAD
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # lifecycle
    def start(self) -> ScriptedLLMServer:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.state = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    def url(self, prefix: str = "api") -> str:
        return f"http://127.0.0.1:{self.port}/{prefix}/v1"

    @property
    def base_url(self) -> str:
        return self.url("api")

    # scripting
    def add(self, *replies: Reply, prefix: str = "api", endpoint: str = "chat/completions") -> None:
        with self._lock:
            self._replies.setdefault((prefix, endpoint), deque()).extend(replies)

    def next_reply(self, prefix: str, endpoint: str) -> Reply:
        with self._lock:
            queue = self._replies.get((prefix, endpoint))
            if queue:
                return queue.popleft()
        if endpoint == "models":
            return json_reply(self.models_payload)
        if endpoint == "key":
            return json_reply(self.key_payload)
        if endpoint == "chat/completions":
            return text_stream(["Hello ", "from the ", "test server."])
        return error_reply(404, f"no route for {endpoint}")

    # recording
    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def note_disconnect(self) -> None:
        with self._lock:
            self.disconnects += 1
        self.disconnected.set()

    def chat_requests(self, prefix: str | None = None) -> list[RecordedRequest]:
        with self._lock:
            return [
                r for r in self.requests if r.endpoint == "chat/completions" and (prefix is None or r.prefix == prefix)
            ]

    def wait_for_requests(self, count: int, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.requests) >= count:
                return True
            time.sleep(0.01)
        return False


def closed_port() -> int:
    """A loopback port nobody listens on (for "connection refused")."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
