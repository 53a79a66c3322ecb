"""Streaming into the chat panel: a 20k-token answer from a loopback OpenAI-compatible SSE server, rendered into the
real chat panel (ChatService + LLMClient + ChatViewModel + ChatPanel over a real store, offscreen) vs the same
stream read raw with httpx (bytes only), in the same run. Also the longest GUI-thread stall while it renders: a
1 ms QTimer on the GUI thread records the largest gap between its ticks.

Pacing: the main figure uses a stream paced at 1 ms per token (1,000 tokens/s, 5-10x faster than real models), so
both runs take about as long as the server does and the ratio shows how much the app falls behind a fast stream
(the render run ends at the first paint of the finished answer). An unpaced stream (as fast as the server can
write) is measured too, as extra figures: that run is CPU-bound and shows the app's cost per token, which a raw read
of bytes cannot be compared with fairly (it does no parsing at all).

The server runs in a child process (its own core), the answer is realistic markdown (paragraphs, lists, code).
Prints one JSON line last. Usage: python bench/stream_render.py [--tokens 20000] [--pace-ms 1.0]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MODEL = "anthropic/claude-sonnet-4.5"
KEY = "sk-or-v1-bench-0123456789abcdef"
PROSE = (
    "the model streams tokens into the panel while the user reads along and scrolls back to earlier parts of "
    "a long answer about storage uploads retries offline outboxes markdown rendering and desktop latency"
)
WORDS = tuple(PROSE.split())


# ---------------------------------------------------------------------------------------------------- the stream


def answer_tokens(count: int, seed: int = 11) -> list[str]:
    """`count` token-sized pieces of a markdown answer: paragraphs, bullet lists, headings and code blocks."""
    rng = random.Random(seed)
    tokens: list[str] = []
    while len(tokens) < count:
        kind = rng.random()
        if kind < 0.12:
            tokens += ["```", "python", "\n"]
            for line in range(rng.randint(3, 10)):
                tokens += ["    " if line else "", "value", f"_{line}", " = ", "compute", "(", "x", ")", "\n"]
            tokens += ["```", "\n\n"]
        elif kind < 0.25:
            for _ in range(rng.randint(2, 5)):
                tokens += ["- ", *(f"{rng.choice(WORDS)} " for _ in range(rng.randint(4, 12))), "\n"]
            tokens.append("\n")
        elif kind < 0.3:
            tokens += ["## ", *(f"{rng.choice(WORDS).capitalize()} " for _ in range(3)), "\n\n"]
        else:
            words = [f"{rng.choice(WORDS)} " for _ in range(rng.randint(25, 80))]
            words[rng.randrange(len(words))] = f"**{rng.choice(WORDS)}** "
            tokens += [*words, "\n\n"]
    return tokens[:count]


def sse_events(tokens: list[str]) -> Iterator[bytes]:
    def event(delta: dict[str, Any], finish: str | None = None) -> bytes:
        payload = {
            "id": "gen-bench",
            "object": "chat.completion.chunk",
            "created": 1_700_000_000,
            "model": MODEL,
            "provider": "Anthropic",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "native_finish_reason": finish}],
        }
        return b"data: " + json.dumps(payload).encode() + b"\n\n"

    yield b": OPENROUTER PROCESSING\n\n"
    yield event({"role": "assistant", "content": ""})
    for token in tokens:
        yield event({"content": token})
    yield event({"content": ""}, "stop")
    usage = {"prompt_tokens": 20, "completion_tokens": len(tokens), "total_tokens": 20 + len(tokens), "cost": 0.3}
    yield b"data: " + json.dumps({"id": "gen-bench", "choices": [], "model": MODEL, "usage": usage}).encode() + b"\n\n"
    yield b"data: [DONE]\n\n"


def serve(tokens: int, pace_ms: float) -> None:
    """The child process: answers every POST with the stream (paced or not), prints its port, runs until killed."""
    events = list(sse_events(answer_tokens(tokens)))
    pace = pace_ms / 1000

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            paced = pace > 0 and "unpaced" not in self.path
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            if not paced:
                self.wfile.write(b"".join(events))
                self.wfile.flush()
                return
            start = time.perf_counter()
            for number, data in enumerate(events):
                due = start + number * pace  # a schedule, not sleeps added up: both runs see the same timing
                wait = due - time.perf_counter()
                if wait > 0:
                    time.sleep(wait)
                self.wfile.write(data)
                self.wfile.flush()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


# ---------------------------------------------------------------------------------------------------- measuring


@dataclass
class StallMeter:
    """The largest gap between ticks of a 1 ms timer on the GUI thread while started; also the GUI thread's own CPU
    time in its busiest gap (a wall-clock gap with little CPU time is the machine's scheduler, not the app)."""

    max_gap_ms: float = 0.0
    max_gap_cpu_ms: float = 0.0
    max_gap_without_gc_ms: float = 0.0  # the largest gap less the garbage collections inside it
    gc_ms: float = 0.0
    ticks: int = 0

    def __post_init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._last = self._last_cpu = self._gc_started = self._last_gc = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self.gc_ms += (time.perf_counter() - self._gc_started) * 1000

    def start(self) -> None:
        self.max_gap_ms = self.max_gap_cpu_ms = self.max_gap_without_gc_ms = self.gc_ms = 0.0
        self.ticks = 0
        self._last, self._last_cpu, self._last_gc = time.perf_counter(), time.thread_time(), 0.0
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gap = (now - self._last) * 1000
        self.max_gap_ms = max(self.max_gap_ms, gap)
        self.max_gap_cpu_ms = max(self.max_gap_cpu_ms, (cpu - self._last_cpu) * 1000)
        self.max_gap_without_gc_ms = max(self.max_gap_without_gc_ms, gap - (self.gc_ms - self._last_gc))
        self._last, self._last_cpu, self._last_gc = now, cpu, self.gc_ms
        self.ticks += 1


async def read_raw(url: str) -> tuple[float, int, float]:
    """(seconds, bytes, share of the GUI thread's time it kept busy) for reading the stream's bytes with httpx."""
    import httpx

    body = {"model": MODEL, "messages": [{"role": "user", "content": "go"}], "stream": True}
    async with httpx.AsyncClient(timeout=120) as client:
        start, cpu_start = time.perf_counter(), time.thread_time()
        size = 0
        async with client.stream("POST", url, json=body) as response:
            async for data in response.aiter_bytes():
                size += len(data)
        elapsed = time.perf_counter() - start
        return elapsed, size, (time.thread_time() - cpu_start) / elapsed


class Rig:
    """The chat panel wired as gui.py wires it, on a fresh store, talking to the bench server."""

    def __init__(self, folder: Path, base_url: str, loop: asyncio.AbstractEventLoop) -> None:
        from vector_desktop.ai.client import LLMClient
        from vector_desktop.ai.models import seed_model_infos
        from vector_desktop.ai.providers import ProviderConfig
        from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
        from vector_desktop.services.chat.chat_service import ChatService
        from vector_desktop.store.chat_repository import ChatRepository
        from vector_desktop.store.engine import open_store
        from vector_desktop.views.chat.chat_panel import ChatPanel

        async def run_blocking(fn: Any, *args: Any, **kwargs: Any) -> Any:
            return await loop.run_in_executor(None, partial(fn, *args, **kwargs))

        self.store = open_store(folder / "bench.sqlite3", folder / "backups")
        self.repo = ChatRepository(self.store.sessions)
        self.client = LLMClient([ProviderConfig.openrouter(KEY, base_url)], timeout=120, max_retries=0)
        self.client.prepare()  # as gui.py does (off the GUI thread there)
        self.service = ChatService(self.repo, self.client, run_blocking=run_blocking, default_model=MODEL)
        self.vm = ChatViewModel(
            self.service,
            run_blocking=lambda fn: loop.run_in_executor(None, fn),
            models=seed_model_infos,
            check_context=self.client.check_context,
        )
        self.panel = ChatPanel(self.vm)
        self.panel.resize(1100, 760)
        self.panel.show()
        self.painted_at = 0.0
        from PySide6.QtCore import QEvent, QObject

        rig = self

        class PaintWatch(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    rig.painted_at = time.perf_counter()
                return False

        self._watch = PaintWatch()
        self.panel.ui.transcript.viewport().installEventFilter(self._watch)

    async def render(self, meter: StallMeter) -> tuple[float, int]:
        """Send a message and wait until the whole answer has been painted. Returns (seconds, characters)."""
        from vector_desktop.domain.chat import MessageStatus

        await self.vm.new_conversation()
        messages = self.vm.messages
        done = asyncio.Event()
        finished_at = 0.0

        def check(*_args: Any) -> None:
            nonlocal finished_at
            last = messages.message_at(messages.rowCount() - 1)
            if last is not None and last.status is MessageStatus.COMPLETE and last.content and not finished_at:
                finished_at = time.perf_counter()
                done.set()

        messages.dataChanged.connect(check)
        meter.start()
        start, cpu_start = time.perf_counter(), time.thread_time()
        self.vm.send("Write a long answer")
        await asyncio.wait_for(done.wait(), 600)
        while self.painted_at <= finished_at:  # the finished answer reaches the screen
            await asyncio.sleep(0.001)
        elapsed = self.painted_at - start
        self.gui_cpu_share = (time.thread_time() - cpu_start) / (time.perf_counter() - start)
        meter.stop()
        messages.dataChanged.disconnect(check)
        last = messages.message_at(messages.rowCount() - 1)
        return elapsed, len(last.content) if last is not None else 0

    async def close(self) -> None:
        await self.vm.aclose()
        await self.client.aclose()
        self.panel.close()
        self.store.dispose()


async def measure(args: argparse.Namespace, port: int) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    meter = StallMeter()
    with tempfile.TemporaryDirectory() as tmp:
        results: dict[str, Any] = {}
        for mode in ("unpaced", "paced"):
            base = f"http://127.0.0.1:{port}/{mode}/v1"
            folder = Path(tmp) / mode
            folder.mkdir()
            rig = Rig(folder, base, loop)
            await asyncio.sleep(0.2)  # let the panel settle (first layout, model list)
            gc.collect()
            gc.freeze()  # as the app does once started: start-up objects stay out of later collections
            raw_s, raw_bytes, raw_cpu = await read_raw(f"{base}/chat/completions")
            render_s, chars = await rig.render(meter)
            raw_again_s, _, raw_again_cpu = await read_raw(f"{base}/chat/completions")  # before and after: load drifts
            raw = (raw_s + raw_again_s) / 2
            results[mode] = {
                "raw_s": raw,
                "render_s": render_s,
                "stall_ms": meter.max_gap_ms,
                "stall_cpu_ms": meter.max_gap_cpu_ms,
                "stall_without_gc_ms": meter.max_gap_without_gc_ms,
                "gc_ms": meter.gc_ms,
                "bytes": raw_bytes,
                "chars": chars,
                "journal_writes": rig.service.journal_writes,
                "gui_cpu_share": rig.gui_cpu_share,
                "raw_cpu_share": (raw_cpu + raw_again_cpu) / 2,
            }
            await rig.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tokens", type=int, default=20_000)
    parser.add_argument("--pace-ms", type=float, default=1.0)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.tokens, args.pace_ms)
        return

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_API"] = "pyside6"
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--tokens", str(args.tokens), "--pace-ms", str(args.pace_ms)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        from PySide6.QtCore import qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        from vector_desktop.qtsupport.event_loop import HookedQEventLoop
        from vector_desktop.qtsupport.gc_timer import GuiThreadGarbageCollector
        from vector_desktop.qtsupport.switch_interval import use_gui_switch_interval

        app = QApplication.instance() or QApplication(sys.argv[:1])
        qInstallMessageHandler(lambda *_args: None)  # "propagateSizeHints" from the offscreen platform
        loop = HookedQEventLoop(app)
        asyncio.set_event_loop(loop)
        collector = GuiThreadGarbageCollector()  # as the app does
        use_gui_switch_interval()  # as the app does
        collector.start()
        with loop:
            results = loop.run_until_complete(measure(args, port))
        collector.stop()
    finally:
        server.kill()
        server.wait(10)
    paced, unpaced = results["paced"], results["unpaced"]
    ratio = paced["render_s"] / paced["raw_s"]
    result = {
        "bench": "stream_render",
        "value": round(paced["render_s"] * 1000, 1),
        "baseline": round(paced["raw_s"] * 1000, 1),
        "ratio": round(ratio, 3),
        "unit": f"ms for {args.tokens} tokens paced at {args.pace_ms:g} ms/token (rendered vs raw httpx read)",
        "goal": "ratio <= 1.15; no GUI stall over 16 ms",
        "max_stall_ms": round(paced["stall_ms"], 1),
        "max_stall_cpu_ms": round(paced["stall_cpu_ms"], 1),
        "max_stall_without_gc_ms": round(paced["stall_without_gc_ms"], 1),
        "gc_ms_total": round(paced["gc_ms"], 1),
        "unpaced_render_ms": round(unpaced["render_s"] * 1000, 1),
        "unpaced_raw_ms": round(unpaced["raw_s"] * 1000, 1),
        "unpaced_ratio": round(unpaced["render_s"] / unpaced["raw_s"], 2),
        "unpaced_tokens_per_s": round(args.tokens / unpaced["render_s"]),
        "unpaced_max_stall_ms": round(unpaced["stall_ms"], 1),
        "unpaced_max_stall_cpu_ms": round(unpaced["stall_cpu_ms"], 1),
        "unpaced_max_stall_without_gc_ms": round(unpaced["stall_without_gc_ms"], 1),
        "gui_thread_busy_pct": round(paced["gui_cpu_share"] * 100, 1),
        "raw_read_busy_pct": round(paced["raw_cpu_share"] * 100, 1),
        "answer_chars": paced["chars"],
        "stream_bytes": paced["bytes"],
        "journal_writes": paced["journal_writes"],
        "tokens": args.tokens,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
