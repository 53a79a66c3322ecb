"""Set-up for bench/tool_round.py: the model (the scripted OpenAI-compatible SSE server of tests/support, in a child
process, answering like a model that asks for one tool then answers with its result), the chat wired as gui.py
and gui_tools.py wire it (ChatService with a ChatToolbox over the real ConnectorsService, ChatViewModel, ChatPanel
shown), a listener that times the round's steps, and the raw side (httpx + mcp.Client) for the baseline.

Run the model alone: `python -m bench.tool_round_rig --serve-llm` (prints its port, runs until killed).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vector_desktop.domain.chat import ChatListener, Message  # noqa: E402

MODEL = "anthropic/claude-sonnet-4.5"
KEY = "sk-or-v1-bench-tool-round-0123456789"
TOOL = "linear__list_issues"
ARGUMENTS = {"team_id": "team-a", "state": "open"}
QUESTION = "Which issues of team A are still open?"
ANSWER = (
    "Team A has one open issue: **ISS-1, Login page is slow** (priority high). The other issue of the team, "
    "ISS-2 (a typo on the pricing page), is already closed. If you want, I can look at the login page issue in "
    "more detail, list the issues of team B as well, or file a new issue for anything you found while testing."
)


# ------------------------------------------------------------------------------------------------ the model


def answer_pieces() -> list[str]:
    """The final answer in token-sized pieces (a word and its space each)."""
    return [word + " " for word in ANSWER.split(" ")]


def tool_call_events(call_id: str, name: str, arguments: str) -> list[bytes]:
    """The model's first stream: it asks for one tool; name and arguments arrive in pieces, as models send them."""
    from tests.support.sse_server import DONE, chunk, comment, sse, usage_chunk

    cut = len(name) // 2
    pieces = [arguments[i : i + 8] for i in range(0, len(arguments), 8)]
    first = {"index": 0, "id": call_id, "type": "function", "function": {"name": name[:cut], "arguments": ""}}
    return [
        comment(),
        sse(chunk("", role="assistant")),
        sse(chunk(tool_calls=[first])),
        sse(chunk(tool_calls=[{"index": 0, "function": {"name": name[cut:]}}])),
        *(sse(chunk(tool_calls=[{"index": 0, "function": {"arguments": piece}}])) for piece in pieces),
        sse(chunk(finish_reason="tool_calls")),
        sse(usage_chunk(480, 24)),
        DONE,
    ]


def serve_llm(pace_s: float = 0.0) -> None:
    """The child process: a ScriptedLLMServer whose chat completions answer like a model in a tool round: a request
    without a tool result gets the call of the offered tool named like TOOL, one with a tool result gets the answer;
    each chunk after waiting `pace_s` (0: as fast as it writes them).
    GET /api/v1/last-requests returns the bodies of the last two chat requests (the baseline replays them)."""
    from tests.support import sse_server
    from tests.support.sse_server import (
        RecordedRequest,
        Reply,
        ScriptedLLMServer,
        Write,
        json_reply,
        text_stream,
        usage_chunk,
    )

    class RoundServer(ScriptedLLMServer):
        def __init__(self) -> None:
            super().__init__()
            self._request = threading.local()
            self.last: list[Any] = []
            self.calls = 0

        def record(self, request: RecordedRequest) -> None:  # keeps only what the script needs (runs for hours)
            self._request.value = request
            if request.endpoint == "chat/completions":
                self.last = [*self.last[-1:], request.body]

        def next_reply(self, prefix: str, endpoint: str) -> Reply:
            request: RecordedRequest = self._request.value
            if endpoint == "last-requests":
                return json_reply(self.last)
            if endpoint != "chat/completions" or not isinstance(request.body, dict):
                return super().next_reply(prefix, endpoint)
            messages = request.body.get("messages") or []
            if any(m.get("role") == "tool" for m in messages):
                # The usage chunk as OpenRouter sends it (a bare usage dict here made the answer look unreported).
                return text_stream(answer_pieces(), usage=usage_chunk(700, 70), delay=pace_s)
            names = [t["function"]["name"] for t in request.body.get("tools") or []]
            name = next((n for n in names if n.endswith(TOOL)), TOOL)
            self.calls += 1
            events = tool_call_events(f"call_{self.calls}", name, json.dumps(ARGUMENTS))
            return Reply(steps=[Write(e, pace_s) for e in events])

    # As real servers do (uvicorn, nginx): small SSE writes are sent at once. With Nagle on, a write waiting for the
    # client's delayed ACK held a stream back by 40 ms in some rounds (the raw reader's more than the app's).
    sse_server._Handler.disable_nagle_algorithm = True
    server = RoundServer().start()
    print(server.port, flush=True)
    threading.Event().wait()


@contextlib.contextmanager
def llm_server_child(pace_ms: float = 0.0) -> Iterator[str]:
    """The model in a child process (its own interpreter and GIL, as a real server is); yields its base URL."""
    command = [sys.executable, "-m", "bench.tool_round_rig", "--serve-llm", "--pace-ms", str(pace_ms)]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        server.kill()
        server.wait(10)


# ------------------------------------------------------------------------------------------------ the round


class RefusingApprover:
    """The policy of the read-only tool is auto: if anything asks, the bench is wrong (counted, then refused)."""

    def __init__(self) -> None:
        self.asked = 0

    async def ask(self, request: Any) -> Any:
        from vector_desktop.domain.tool_policy import ApprovalAnswer, GrantScope

        self.asked += 1
        return ApprovalAnswer(False, GrantScope.ONCE)


@dataclass
class RoundClock(ChatListener):
    """A ChatListener (added after the view-model's, so its handlers have run) noting when each step of a round
    happened: the answer rows started and finished, the tool row added and finished."""

    marks: list[tuple[str, float, Any]] = field(default_factory=list)
    done: asyncio.Event | None = None
    done_at: float = 0.0  # when the answer finished (or failed), as the listener saw it

    def arm(self) -> None:
        self.marks.clear()
        self.done = asyncio.Event()
        self.done_at = 0.0

    def _mark(self, name: str, message: Any) -> None:
        at = time.perf_counter()
        self.marks.append((name, at, message))
        answered = name == "finished" and message.role.value == "assistant" and not message.tool_calls
        if (answered or name == "failed") and self.done is not None and not self.done_at:
            self.done_at = at
            self.tell_done(self.done)

    def tell_done(self, done: asyncio.Event) -> None:
        done.set()

    def message_added(self, message: Message) -> None:
        self._mark("added", message)

    def message_started(self, message: Message) -> None:
        self._mark("started", message)

    def message_finished(self, message: Message) -> None:
        self._mark("finished", message)

    def message_failed(self, message: Message) -> None:
        self._mark("failed", message)

    def notice(self, conversation_id: str, text: str) -> None:
        self.marks.append(("notice", time.perf_counter(), text))

    def steps(self, started: float) -> dict[str, float]:
        """Seconds from `started` to each step of the round that happened (user row stored, first answer row,
        the model's request for the tool done, tool row, tool done, second answer row, answer done)."""
        found: dict[str, float] = {}
        for name, at, message in self.marks:
            role = message.role.value if name != "notice" else ""
            if name == "added" and role in ("user", "tool"):
                step = f"{role}_row"
            elif name == "started":
                step = "answer_row" if "asked" in found else "ask_row"
            elif name in ("finished", "failed"):
                step = {"tool": "tool_done", "assistant": "answered" if "tool_done" in found else "asked"}.get(role, "")
            else:
                continue
            found.setdefault(step, at - started)
        return found

    def messages(self) -> list[Any]:
        return [message for name, _at, message in self.marks if name in ("finished", "failed")]


@dataclass
class BlockingCalls:
    """The `run_blocking` of the chat and the toolbox (an executor thread, as in gui.py), noting each call while
    armed: its name, the time it ran on the worker, and the time the caller waited for it (hops included)."""

    loop: asyncio.AbstractEventLoop
    calls: list[tuple[str, float, float]] = field(default_factory=list)
    armed: bool = False

    async def run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        call = partial(fn, *args, **kwargs) if args or kwargs else fn
        ran = 0.0

        def timed() -> Any:
            nonlocal ran
            began = time.perf_counter()
            try:
                return call()
            finally:
                ran = time.perf_counter() - began

        waited = time.perf_counter()
        try:
            return await self.loop.run_in_executor(None, timed)
        finally:
            if self.armed:
                self.calls.append((_name_of(fn), ran, time.perf_counter() - waited))

    def run_one(self, fn: Any) -> Any:
        return self.run(fn)


def _name_of(fn: Any) -> str:
    while isinstance(fn, partial):
        fn = fn.func
    return getattr(fn, "__qualname__", repr(fn))


@dataclass
class ChatRig:
    """The chat panel over the real ChatService with its ChatToolbox over the real ConnectorsService."""

    connectors: Any  # bench.connectors_servers.ServiceRig
    client: Any
    service: Any
    headless: Any  # a second ChatService over the same store, client and toolbox, with no view-model listening
    toolbox: Any
    approver: RefusingApprover
    view_model: Any
    panel: Any
    clock: RoundClock
    blocking: BlockingCalls
    tool_name: str
    painted_at: float = 0.0
    paint: asyncio.Event = field(default_factory=asyncio.Event)  # set at each paint of the transcript
    watch: Any = None
    closers: list[Any] = field(default_factory=list)

    async def close(self) -> None:
        await self.view_model.aclose()
        await self.client.aclose()
        for close in self.closers:
            close()
        self.panel.close()
        self.connectors.close()


def open_chat(profile: Path, llm_url: str, mcp_url: str, service_thread: bool = False) -> ChatRig:
    """As gui.py (_build_chat) and gui_tools.py (build_chat_tools) wire it, on a fresh profile; the MCP test server
    added as a connector (streamable HTTP), its tools listed. `service_thread`: the view-model's ChatService runs on
    the connectors' loop thread instead (bench/chat_on_thread.py; the headless one stays on this loop)."""
    from bench.connectors_servers import open_service
    from vector_desktop.ai.client import LLMClient
    from vector_desktop.ai.models import seed_model_infos
    from vector_desktop.ai.providers import ProviderConfig
    from vector_desktop.core import make_chat_toolbox
    from vector_desktop.domain.connectors import McpServerDraft, McpTransport
    from vector_desktop.gui_tools import tool_groups
    from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
    from vector_desktop.services.chat.chat_service import ChatService
    from vector_desktop.store.chat_repository import ChatRepository
    from vector_desktop.views.chat.chat_panel import ChatPanel

    loop = asyncio.get_event_loop()
    blocking = BlockingCalls(loop)
    connectors = open_service(profile)
    runtime, connectors_service = connectors.runtime, connectors.service
    config = runtime.run(connectors_service.add_mcp_server(McpServerDraft("Linear", McpTransport.HTTP, url=mcp_url)))
    key = f"mcp:{config.id}"
    specs = runtime.run(connectors_service.ensure_tools(key), 60)
    tool_name = next(spec.qualified_name for spec in specs if spec.name == TOOL)
    approver = RefusingApprover()
    toolbox = make_chat_toolbox(
        connectors.core,
        runtime,
        connectors_service,
        approver,
        run_blocking=blocking.run_one,
    )
    client = LLMClient([ProviderConfig.openrouter(KEY, llm_url)], timeout=120, max_retries=0)
    client.prepare()
    repo = ChatRepository(connectors.core.store.sessions)
    service: Any = ChatService(repo, client, run_blocking=blocking.run, default_model=MODEL, tools=toolbox)
    headless = ChatService(repo, client, run_blocking=blocking.run, default_model=MODEL, tools=toolbox)
    clock = RoundClock()
    closers: list[Any] = []
    if service_thread:
        from bench.chat_on_thread import ClockOnThread, ServiceOnThread

        clock = ClockOnThread()
        clock.gui_loop = loop

        async def on_thread() -> tuple[Any, Any]:
            own_client = LLMClient([ProviderConfig.openrouter(KEY, llm_url)], timeout=120, max_retries=0)
            own_client.prepare()
            own_toolbox = make_chat_toolbox(connectors.core, runtime, connectors_service, approver)
            return ChatService(repo, own_client, default_model=MODEL, tools=own_toolbox), own_client

        threaded, own_client = runtime.run(on_thread())
        closers.append(lambda: runtime.run(own_client.aclose(), 10))
        service = ServiceOnThread(threaded, runtime.loop, loop)
    view_model = ChatViewModel(
        service,
        run_blocking=lambda fn: loop.run_in_executor(None, fn),
        models=seed_model_infos,
        check_context=client.check_context,
    )
    view_model.tools.set_catalog(lambda: tool_groups(connectors_service))
    if service_thread:
        runtime.loop.call_soon_threadsafe(threaded.add_listener, clock)  # after the view-model's
    else:
        service.add_listener(clock)
    headless.add_listener(clock)
    panel = ChatPanel(view_model)
    panel.resize(1100, 760)
    panel.show()
    rig = ChatRig(
        connectors, client, service, headless, toolbox, approver, view_model, panel, clock, blocking, tool_name
    )
    rig.closers = closers
    watch_paints(rig)
    return rig


def watch_paints(rig: ChatRig) -> None:
    from PySide6.QtCore import QEvent, QObject

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                rig.painted_at = time.perf_counter()
                rig.paint.set()
            return False

    rig.watch = PaintWatch()
    rig.panel.ui.transcript.viewport().installEventFilter(rig.watch)


# ------------------------------------------------------------------------------------------------ the raw side


@dataclass
class RawRound:
    """The same work without our layers: the two chat requests (the bodies the app sent, replayed) read raw with
    httpx, and the tool call made with mcp.Client, each on its own warm session, on the GUI thread's loop."""

    llm_url: str
    bodies: list[dict[str, Any]]
    http: Any
    mcp: Any

    async def stream(self, body: dict[str, Any]) -> int:
        size = 0
        async with self.http.stream("POST", f"{self.llm_url}/chat/completions", json=body) as response:
            async for data in response.aiter_bytes():
                size += len(data)
        return size

    async def run(self) -> dict[str, float]:
        started = time.perf_counter()
        await self.stream(self.bodies[0])
        asked = time.perf_counter()
        result = await self.mcp.call_tool(TOOL, ARGUMENTS)
        if result.is_error:
            raise RuntimeError(f"the raw tool call failed: {result}")
        called = time.perf_counter()
        await self.stream(self.bodies[1])
        done = time.perf_counter()
        return {"asked": asked - started, "tool_done": called - started, "answered": done - started}


@contextlib.asynccontextmanager
async def raw_round(llm_url: str, mcp_url: str) -> Any:
    """Open the raw sessions; the request bodies are the last two the app sent (run one app round first)."""
    import httpx
    from mcp import Client

    async with httpx.AsyncClient(timeout=120) as http:
        bodies = (await http.get(f"{llm_url}/last-requests")).json()
        if len(bodies) != 2:
            raise RuntimeError("run an app round before the raw one (its requests are replayed)")
        async with Client(mcp_url, mode="legacy", cache=None) as mcp:
            yield RawRound(llm_url, bodies, http, mcp)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--serve-llm", action="store_true")
    parser.add_argument("--pace-ms", type=float, default=0.0)
    args = parser.parse_args()
    if args.serve_llm:
        serve_llm(args.pace_ms / 1000)


if __name__ == "__main__":
    main()
