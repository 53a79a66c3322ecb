"""A long conversation: 10,000 messages open in the real chat panel (ChatService + ChatViewModel + ChatPanel over a
real store, offscreen).

- value: time from selecting the conversation to the transcript's first paint showing it (its newest page), vs the
  baseline in the same run: selecting an empty conversation to the first paint of the (empty) panel. The first
  open is reported (nothing cached); `warm_open_ms` is the median of later opens.
- rss_mb: the process's resident memory (VmRSS) with the conversation open; `rss_scrolled_mb` after scrolling
  back through `--scroll` older messages (Page Up, older pages coming in at the top).
- scroll_stall_max_ms / scroll_stall_p99_ms: while scrolling back, the GUI thread's stalls (the gaps between ticks
  of a 1 ms timer, minus the interval): the longest and the 99th percentile; `scroll_stalls_over_16` counts those
  longer than a frame.
- stream_update_cpu_ms: an answer streaming at the end of the conversation once the reader has scrolled back through
  the older messages and come back to the end (2.5 s there: the app lets the pages read back go after 2 s;
  `rows_at_end` says how many rows were loaded when it began): a new streaming row, then a word or two every 30 ms
  (the view-model hands a streamed answer's text to the transcript's model that often), through that model; the GUI
  thread's CPU per update, vs `stream_update_cpu_short_ms`, the same stream at the end of a two-message
  conversation, and the longest stall while it streams. `stream_read_back_*`: the same stream while the reader is
  still at the top of the 1,000 rows scrolled back through (the answer grows far below what they read).
- keystroke_p99_ms: QTest.keyClick into the composer with the conversation open, each timed to its processing and
  the composer's repaint; the keys come with pauses between them (a typist), so debounced work (draft saving, the
  context estimate) runs in between as it would.

Prints one JSON line last.
Usage: python bench/history.py [--messages 10000] [--keys 300] [--scroll 1000] [--updates 180]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.tick_recorder import TickRecorder  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class PaintClock:
    """Remembers when a widget last painted."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        clock = self
        self.at = 0.0

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    clock.at = time.perf_counter()
                return False

        self._filter = Filter()
        widget.installEventFilter(self._filter)


async def until(predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            raise TimeoutError("the panel did not get there in time")
        await asyncio.sleep(0)


STREAM_UPDATE_S = 0.03  # presentation/chat: streamed text is coalesced this often
BACK_AT_END_S = 2.5  # the reader stays at the end this long before the next answer comes
STREAM_WORDS = ["the", "answer", "grows", "by", "a", "word", "or", "two", "while", "the", "reader", "follows"]


async def stream_answer(vm: Any, updates: int) -> tuple[float, float]:
    """An answer streaming into the open conversation, its text handed over every 30 ms: (GUI-thread CPU per
    update in ms, longest stall in ms). The row is taken away again afterwards."""
    from dataclasses import replace

    from vector_desktop.domain.chat import Message, MessageStatus, Role

    transcript = vm.messages
    last = transcript.message_at(transcript.rowCount() - 1)
    streaming = Message(
        id=10**9,
        conversation_id=last.conversation_id,
        seq=last.seq + 1,
        role=Role.ASSISTANT,
        content="",
        status=MessageStatus.STREAMING,
        model="anthropic/claude-sonnet-4.5",
        created_at=last.created_at,
    )
    transcript.insert_message(streaming)
    await asyncio.sleep(0.3)
    gaps = TickRecorder()
    gaps.start()
    started = time.thread_time()
    for number in range(updates):
        transcript.append_text(streaming.id, STREAM_WORDS[number % len(STREAM_WORDS)] + " ")
        await asyncio.sleep(STREAM_UPDATE_S)
    cpu_ms = (time.thread_time() - started) * 1000 / updates
    gaps.stop()
    transcript.update_message(replace(streaming, status=MessageStatus.COMPLETE))
    transcript.remove_messages([streaming.id])
    await asyncio.sleep(0.2)
    return cpu_ms, max(gaps.stalls(), default=0.0)


async def measure(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from vector_desktop.ai.client import LLMClient
    from vector_desktop.ai.models import seed_model_infos
    from vector_desktop.domain.chat import Role
    from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
    from vector_desktop.services.chat.chat_service import ChatService
    from vector_desktop.store.chat_repository import ChatRepository
    from vector_desktop.store.engine import open_store
    from vector_desktop.views.chat.chat_panel import ChatPanel

    loop = asyncio.get_running_loop()
    store = open_store(folder / "bench.sqlite3", folder / "backups")  # filled by a child process (see main)
    repo = ChatRepository(store.sessions)
    [big] = repo.list_conversations()
    empty = repo.create_conversation(title="Empty")
    other = repo.create_conversation(title="Short")
    repo.add_message(other.id, Role.USER, "A short question.")
    repo.add_message(other.id, Role.ASSISTANT, "A short answer.")

    async def run_blocking(fn: Any, *fn_args: Any, **kwargs: Any) -> Any:
        return await loop.run_in_executor(None, partial(fn, *fn_args, **kwargs))

    client = LLMClient([], timeout=30)
    service = ChatService(repo, client, run_blocking=run_blocking, default_model="local:smollm2-135m-instruct")
    vm = ChatViewModel(
        service,
        run_blocking=lambda fn: loop.run_in_executor(None, fn),
        models=seed_model_infos,
        check_context=client.check_context,
    )
    panel = ChatPanel(vm)
    panel.resize(1100, 760)
    panel.show()
    ui = panel.ui
    transcript_paint = PaintClock(ui.transcript.viewport())
    empty_paint = PaintClock(ui.emptyTranscript)
    await vm.load(other.id)
    await until(lambda: vm.messages.rowCount() == 2)
    await asyncio.sleep(0.3)  # first layout, model list, context estimate
    gc.collect()
    gc.freeze()  # as the app does once started
    rss_ready = rss_mb()  # everything imported, the panel up: what the long conversation adds is measured from here

    async def open_and_paint(conversation_id: str, clock: PaintClock) -> float:
        task = vm.select_conversation(other.id)
        if task is not None:
            await task
        await asyncio.sleep(0.1)
        reset_at = 0.0

        def on_reset() -> None:
            nonlocal reset_at
            if vm.messages.conversation_id == conversation_id:
                reset_at = time.perf_counter()

        vm.messages.modelReset.connect(on_reset)
        start = time.perf_counter()
        vm.select_conversation(conversation_id)
        await until(lambda: reset_at > 0 and clock.at > reset_at)
        vm.messages.modelReset.disconnect(on_reset)
        return (clock.at - start) * 1000

    baseline_first = await open_and_paint(empty.id, empty_paint)
    value_first = await open_and_paint(big.id, transcript_paint)
    baselines, warm = [], []
    for _ in range(args.repeat):
        baselines.append(await open_and_paint(empty.id, empty_paint))
        warm.append(await open_and_paint(big.id, transcript_paint))
    await until(lambda: vm.current_id == big.id and vm.messages.rowCount() > 0)
    await asyncio.sleep(0.5)
    rss_open = rss_mb()
    if args.tracemalloc:
        print_top_allocations()

    # Typing into the composer with the long conversation open.
    composer = ui.composer
    composer.setFocus()
    composer_paint = PaintClock(composer.viewport())
    rng = random.Random(5)
    latencies: list[float] = []
    for number in range(args.keys):
        key = rng.choice("abcdefghijklmnopqrstuvwxyz     ")
        before = composer_paint.at
        start = time.perf_counter()
        QTest.keyClicks(composer, key)
        while composer_paint.at <= before:  # processed, and the new character on screen
            # The loop's turn runs Qt's events (processEvents here would run the chat's tasks inside this one).
            await asyncio.sleep(0)
        latencies.append((composer_paint.at - start) * 1000)
        pause = 0.5 if number % 40 == 39 else rng.uniform(0.03, 0.12)  # now and then a pause: debounced work runs
        await asyncio.sleep(pause)
    QTest.keyClick(composer, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(composer, Qt.Key.Key_Delete)

    # Scrolling back through older messages (pages come in at the top).
    bar = ui.transcript.verticalScrollBar()
    deadline = time.perf_counter() + 120
    gaps = TickRecorder()
    gaps.start()
    while vm.messages.rowCount() < args.scroll and vm.messages.has_older and time.perf_counter() < deadline:
        bar.triggerAction(bar.SliderAction.SliderPageStepSub)  # Page Up, as a reader would
        await asyncio.sleep(0.01)
    gaps.stop()
    await asyncio.sleep(0.5)
    rss_scrolled = rss_mb()
    rows_loaded = vm.messages.rowCount()
    # What one full collection by the app's GC timer costs now (it runs one about every 100 ticks while allocating).
    full_gc: list[float] = []
    for _ in range(3):
        start = time.perf_counter()
        gc.collect()
        full_gc.append((time.perf_counter() - start) * 1000)
    tracked = len(gc.get_objects())
    read_back_cpu, read_back_stall = await stream_answer(vm, args.updates)  # the reader still far back
    bar.setValue(bar.maximum())  # the reader back at the end, where the next answer comes
    await asyncio.sleep(BACK_AT_END_S)
    rows_at_end = vm.messages.rowCount()
    stream_cpu, stream_stall = await stream_answer(vm, args.updates)
    await vm.load(other.id)
    await until(lambda: vm.messages.rowCount() == 2)
    stream_cpu_short, _ = await stream_answer(vm, args.updates)

    await vm.aclose()
    await client.aclose()
    panel.close()
    store.dispose()
    return {
        "value_first": value_first,
        "baseline_first": baseline_first,
        "warm": statistics.median(warm) if warm else value_first,
        "baseline_warm": statistics.median(baselines) if baselines else baseline_first,
        "rss_ready": rss_ready,
        "rss_open": rss_open,
        "rss_scrolled": rss_scrolled,
        "rows_loaded": rows_loaded,
        "rows_at_end": rows_at_end,
        "full_gc_ms": statistics.median(full_gc),
        "stream_cpu": stream_cpu,
        "stream_cpu_short": stream_cpu_short,
        "stream_stall": stream_stall,
        "read_back_cpu": read_back_cpu,
        "read_back_stall": read_back_stall,
        "gc_tracked_objects": tracked,
        "latencies": latencies,
        "scroll_stalls": gaps.stalls(),
    }


def print_top_allocations(top: int = 12) -> None:
    """tracemalloc's live Python allocations by package (Qt's own C++ memory is not seen), on stderr."""
    import tracemalloc
    from collections import Counter

    by_package: Counter[str] = Counter()
    for stat in tracemalloc.take_snapshot().statistics("filename"):
        name = stat.traceback[0].filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
        name = name.split("lib/python3.11/")[-1]  # the standard library by module
        parts = name.split("/")
        by_package["/".join(parts[:3]) if parts[0] == "vector_desktop" else parts[0]] += stat.size
    print(f"tracemalloc, conversation open: {sum(by_package.values()) / 2**20:.1f} MB traced", file=sys.stderr)
    for name, size in by_package.most_common(top):
        print(f"{size / 2**20:7.2f} MB  {name}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--scroll", type=int, default=1000, help="older messages to page in before the 2nd RSS")
    parser.add_argument("--updates", type=int, default=180, help="updates of the streamed answer")
    parser.add_argument("--repeat", type=int, default=5, help="later opens for the warm figure")
    parser.add_argument("--tracemalloc", action="store_true", help="top allocation sites by package, conversation open")
    args = parser.parse_args()
    if args.tracemalloc:
        import tracemalloc

        tracemalloc.start(1)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_API"] = "pyside6"

    from vector_desktop.app import skip_httpx_command_line
    from vector_desktop.qtsupport.pyside_import_check import speed_up_pyside_import_check

    speed_up_pyside_import_check()  # as the app does
    skip_httpx_command_line()
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
    with tempfile.TemporaryDirectory() as tmp, loop:
        # Filled in a child process: the bulk insert's memory must not count as the panel's.
        fill = f"from bench.chat_data import fill_store; fill_store(Path({tmp!r}), 1, {args.messages}).dispose()"
        subprocess.run([sys.executable, "-c", f"from pathlib import Path; {fill}"], check=True, cwd=ROOT)
        found = loop.run_until_complete(measure(args, Path(tmp)))
    collector.stop()
    latencies = found["latencies"]
    result = {
        "bench": "history",
        "value": round(found["value_first"], 1),
        "baseline": round(found["baseline_first"], 1),
        "ratio": round(found["value_first"] / found["baseline_first"], 2),
        "unit": f"ms from selecting a {args.messages}-message conversation to its first paint (first open)",
        "goal": "<= 200 ms; rss <= 150 MB; keystroke p99 <= 16 ms",
        "warm_open_ms": round(found["warm"], 1),
        "warm_baseline_ms": round(found["baseline_warm"], 1),
        "rss_mb": round(found["rss_open"], 1),
        "rss_before_open_mb": round(found["rss_ready"], 1),
        "rss_added_by_conversation_mb": round(found["rss_open"] - found["rss_ready"], 1),
        "rss_scrolled_mb": round(found["rss_scrolled"], 1),
        "rows_scrolled_in": found["rows_loaded"],
        "rows_at_end": found["rows_at_end"],
        "scroll_stall_max_ms": round(max(found["scroll_stalls"], default=0.0), 1),
        "scroll_stall_p99_ms": round(percentile(found["scroll_stalls"], 0.99), 1),
        "scroll_stalls_over_16": sum(stall > 16 for stall in found["scroll_stalls"]),
        "stream_update_cpu_ms": round(found["stream_cpu"], 2),
        "stream_update_cpu_short_ms": round(found["stream_cpu_short"], 2),
        "stream_stall_max_ms": round(found["stream_stall"], 1),
        "stream_read_back_cpu_ms": round(found["read_back_cpu"], 2),
        "stream_read_back_stall_max_ms": round(found["read_back_stall"], 1),
        "full_gc_ms": round(found["full_gc_ms"], 1),
        "gc_tracked_objects": found["gc_tracked_objects"],
        "keystroke_p50_ms": round(statistics.median(latencies), 2),
        "keystroke_p99_ms": round(percentile(latencies, 0.99), 2),
        "keystroke_max_ms": round(max(latencies), 2),
        "keys": len(latencies),
        "messages": args.messages,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
