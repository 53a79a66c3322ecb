"""One full tool round in the chat: the model asks for a read-only tool (`linear__list_issues`, policy auto, so
nothing is asked), the call runs on the MCP test server, the result goes back, the final answer streams.

App side: the chat panel shown (offscreen) over ChatViewModel, the real ChatService (chat_tool_rounds.py) with a
ChatToolbox (core.make_chat_toolbox: policy engine over the store, audit log) over the real ConnectorsService
(core.make_connectors, its own loop thread) on a temp profile; run on the qasync loop of the GUI thread with the
app's GC (200 ms tick, start-up objects frozen) and interpreter settings (1 ms GIL switch interval). Timed from
`ChatViewModel.send` to the final answer finished (its first paint is reported too), each round in a new
conversation (made before the timer starts).
Baseline, same run, same loop: the same two HTTP streams (the bodies the app sent, replayed) read raw with httpx
and the same tool call made with `mcp.Client`, each on its own warm session.
The model is the scripted OpenAI-compatible SSE server of tests/support in a child process (unpaced by default: the
streams come as fast as it writes them, so the figure is the cost of our layers, not a model's pace; `--pace-ms 1`
writes a chunk every millisecond, as bench/stream_render.py paces its stream, still far faster than any model); the
MCP server is the SDK test server (tests/support/mcp_tool_server.py) over streamable HTTP in another child process.
A third side, `service_only`, runs the same round through a second ChatService (same store, client, toolbox) that
no view-model listens to: the panel's share is the difference. The three sides run in blocks, their order rotated
from block to block; medians are reported, with each round's steps (from the service's listener events) and the
store and file calls it made through `run_blocking` (count, time run, time waited; the tool's audit line, and the chat's
tool row with the next answer's row, are written on the connectors' thread with the call's record, so they are not
among them). Also the longest GUI-thread
stall (a 1 ms QTimer, see bench/stream_render.py) in each round: app rounds from send to the answer's first paint.
`--profile N` prints the GUI thread's top N functions (cProfile, the timed part of app rounds) to stderr.
The session's first round, before the warm-up, is reported on its own (`first_round`): the question written in the
composer, half a second, then its Send button, as a user does (cold: what loads at the first message is loaded then).
`--history N`: each round's new conversation already holds N earlier messages (a tool round in a long conversation:
the transcript shows them, the requests carry them; the raw side replays those requests too).

Prints one JSON line last.
Usage: python bench/tool_round.py [--quick] [--blocks N] [--per-block N] [--profile N] [--pace-ms N] [--history N]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import json
import logging
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.connectors_servers import tool_server_child  # noqa: E402
from bench.storage_rig import qasync_loop, qt_app  # noqa: E402
from bench.stream_render import StallMeter  # noqa: E402
from bench.tool_round_rig import (  # noqa: E402
    ANSWER,
    MODEL,
    QUESTION,
    ChatRig,
    llm_server_child,
    open_chat,
    raw_round,
)

GOAL_RATIO = 1.2
GOAL_STALL_MS = 16.0
SETTLE_S = 0.06  # between rounds: the panel's layout after a new conversation, the view-model's flush
THINK_S = 0.5  # the first round: from the question written to Send (a user takes seconds to type it)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


EARLIER_QUESTION = "Can you summarise what we decided about the release, and what is still open?"
EARLIER_ANSWER = (
    "We decided to ship **version 2.4** on Thursday, with the login fix and the new export. Still open:\n\n"
    "- the pricing page typo (ISS-2), which marketing wants to word themselves;\n"
    "- whether the export keeps the old CSV columns for one more release.\n\n"
    "I can draft the release notes once the last two are settled."
)


async def conversation_for_round(rig: ChatRig, history: int) -> str:
    """The conversation a round runs in: a new one, empty or with `history` earlier messages (questions and
    answers, as a long conversation has), made and filled before the timer starts."""
    values: dict[str, Any] = {"model": MODEL}
    if history:
        values["title"] = "Release planning"
    conversation = await rig.headless.create_conversation(**values)
    if history:
        from vector_desktop.domain.chat import Role

        repo = rig.headless._repo

        def fill() -> None:
            for number in range(history):
                user = number % 2 == 0
                text = EARLIER_QUESTION if user else EARLIER_ANSWER
                repo.add_message(conversation.id, Role.USER if user else Role.ASSISTANT, text, model=MODEL)

        await asyncio.get_running_loop().run_in_executor(None, fill)
    return conversation.id


async def app_round(
    rig: ChatRig, meter: StallMeter, profiler: Any = None, history: int = 0, typed: bool = False
) -> dict[str, float]:
    """One round through the panel's view-model; seconds to each step, the first paint after it, the stall.
    `typed`: the question is written in the composer first and sent with its Send button, as a user does (the
    first round of a session: what the app loads when the user starts writing is loaded by then)."""
    vm = rig.view_model
    if history:
        opened = vm.select_conversation(await conversation_for_round(rig, history))
        if opened is not None:
            await opened
    else:
        await vm.new_conversation()
    await asyncio.sleep(SETTLE_S)
    composer = rig.panel.ui.composer
    if typed:
        composer.setPlainText(QUESTION)  # (textChanged, as each key typed)
        await asyncio.sleep(THINK_S)
    rig.clock.arm()
    assert rig.clock.done is not None
    rig.blocking.calls.clear()
    rig.blocking.armed = True
    meter.start()
    if profiler is not None:
        profiler.enable()  # this thread only: what the GUI thread does in the timed part of a round
    started, cpu_started = time.perf_counter(), time.thread_time()
    if typed:
        rig.panel.ui.sendButton.click()
        if composer.toPlainText():
            raise RuntimeError("the composer did not send")
    elif not vm.send(QUESTION):
        raise RuntimeError("the view-model refused to send")
    await asyncio.wait_for(rig.clock.done.wait(), 60)
    answered = rig.clock.done_at  # (the paint may come before this coroutine is resumed)
    while rig.painted_at <= answered:  # the answer reaches the screen
        rig.paint.clear()
        await asyncio.wait_for(rig.paint.wait(), 5)
    painted = rig.painted_at
    if profiler is not None:
        profiler.disable()
    meter.stop()
    cpu = time.thread_time() - cpu_started
    check_round(rig)
    while vm.busy:  # the send's task ends right after the answer is finished
        await asyncio.sleep(0.001)
    rig.blocking.armed = False
    steps = rig.clock.steps(started)
    return {
        **steps,
        **blocking_totals(rig),
        "painted": painted - started,
        "stall_ms": meter.max_gap_ms,
        "stall_without_gc_ms": meter.max_gap_without_gc_ms,
        "gc_ms": meter.gc_ms,
        "gui_cpu": cpu,
    }


async def service_round(rig: ChatRig, meter: StallMeter, history: int = 0) -> dict[str, float]:
    """The same round through a ChatService that no view-model listens to (the panel's share, by difference)."""
    conversation_id = await conversation_for_round(rig, history)
    await asyncio.sleep(SETTLE_S)
    rig.clock.arm()
    rig.blocking.calls.clear()
    rig.blocking.armed = True
    meter.start()
    started, cpu_started = time.perf_counter(), time.thread_time()
    await rig.headless.send(conversation_id, QUESTION)
    meter.stop()
    cpu = time.thread_time() - cpu_started
    rig.blocking.armed = False
    check_round(rig)
    return {
        **rig.clock.steps(started),
        **blocking_totals(rig),
        "stall_ms": meter.max_gap_ms,
        "stall_without_gc_ms": meter.max_gap_without_gc_ms,
        "gui_cpu": cpu,
    }


def blocking_totals(rig: ChatRig) -> dict[str, Any]:
    calls = rig.blocking.calls
    return {
        "blocking_calls": len(calls),
        "blocking_ran": sum(ran for _name, ran, _waited in calls),
        "blocking_waited": sum(waited for _name, _ran, waited in calls),
        "calls": list(calls),
    }


def check_round(rig: ChatRig) -> None:
    """The round did what a user would see: the tool ran (auto, nothing asked) and the answer arrived."""
    finished = rig.clock.messages()
    roles = [(m.role.value, m.status.value, m.finish_reason or "") for m in finished]
    if [role for role, _s, _f in roles] != ["assistant", "tool", "assistant"]:
        raise RuntimeError(f"unexpected round: {roles}")
    tool = finished[1]
    if (tool.status.value, tool.finish_reason, tool.tool_name) != ("complete", "succeeded", rig.tool_name):
        raise RuntimeError(f"the tool call did not succeed: {tool.status} {tool.finish_reason} {tool.error}")
    if '"ISS-1"' not in tool.content or finished[2].content.strip() != ANSWER:
        raise RuntimeError("the tool result or the answer is not what was sent")
    if rig.approver.asked:
        raise RuntimeError("the approver was asked (the policy should be auto)")


async def raw_round_timed(raw: Any, meter: StallMeter) -> dict[str, float]:
    await asyncio.sleep(SETTLE_S)
    meter.start()
    cpu_started = time.thread_time()
    steps: dict[str, float] = await raw.run()
    meter.stop()
    return {
        **steps,
        "stall_ms": meter.max_gap_ms,
        "stall_without_gc_ms": meter.max_gap_without_gc_ms,
        "gui_cpu": time.thread_time() - cpu_started,
    }


async def measure(
    blocks: int,
    per_block: int,
    warm: int,
    profiler: Any = None,
    pace_ms: float = 0.0,
    history: int = 0,
    service_thread: bool = False,
) -> dict[str, Any]:
    from vector_desktop.core import TOOL_AUDIT_FILE
    from vector_desktop.qtsupport.gc_timer import GuiThreadGarbageCollector

    with tempfile.TemporaryDirectory() as tmp, tool_server_child() as mcp_url, llm_server_child(pace_ms) as llm_url:
        rig = open_chat(Path(tmp) / "profile", llm_url, mcp_url, service_thread)
        collector = GuiThreadGarbageCollector()
        meter = StallMeter()
        try:
            rig.view_model.load()
            await asyncio.sleep(0.3)  # shown, history and tools loaded
            first = await app_round(rig, meter, history=history, typed=True)  # cold: the session's first Send
            await service_round(rig, meter, history)
            for _ in range(warm - 1):  # connections, statements, pydantic models, the panel's first rows
                await app_round(rig, meter, history=history)
                await service_round(rig, meter, history)
            async with raw_round(llm_url, mcp_url) as raw:
                for _ in range(warm):
                    await raw_round_timed(raw, meter)
                gc.collect()
                gc.freeze()  # as the app does once started: start-up objects stay out of later collections
                collector.start()
                rounds: dict[str, list[dict[str, Any]]] = {"app": [], "service": [], "raw": []}
                run = {
                    "app": lambda: app_round(rig, meter, profiler, history),
                    "service": lambda: service_round(rig, meter, history),
                    "raw": lambda: raw_round_timed(raw, meter),
                }
                sides = list(rounds)
                for block in range(blocks):  # order rotated, so every side sees the same machine load
                    for side in sides[block % 3 :] + sides[: block % 3]:
                        for _ in range(per_block):
                            rounds[side].append(await run[side]())
                collector.stop()
            audit_path = rig.connectors.core.paths.data_dir / TOOL_AUDIT_FILE
            audit = [json.loads(line) for line in audit_path.read_text(encoding="utf-8").splitlines() if line]
            actions = rig.connectors.runtime.run(rig.connectors.service.history(), 30)
        finally:
            await rig.close()
    return {**rounds, "first": first, "audit": audit, "actions": len(actions)}


STEP_KEYS = ("user_row", "ask_row", "asked", "tool_row", "tool_done", "answer_row", "answered", "painted", "gui_cpu")


def median_of(rows: list[dict[str, Any]], key: str) -> float:
    return statistics.median(row[key] for row in rows if key in row)


def stall_figures(rows: list[dict[str, Any]], prefix: str) -> dict[str, Any]:
    stalls = [row["stall_ms"] for row in rows]
    return {
        f"{prefix}max_stall_ms": round(max(stalls), 1),
        f"{prefix}median_round_max_stall_ms": round(statistics.median(stalls), 1),
        f"{prefix}p90_round_max_stall_ms": round(percentile(stalls, 0.9), 1),
        f"{prefix}rounds_with_stall_over_16ms": sum(1 for stall in stalls if stall > GOAL_STALL_MS),
        f"{prefix}max_stall_without_gc_ms": round(max(row["stall_without_gc_ms"] for row in rows), 1),
    }


def blocking_figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The store and file calls a round made through `run_blocking` (the chat's and the toolbox's; the
    view-model's own are not counted): how many, the time they ran on the worker, the time the callers waited for
    them (thread hops included; some overlap); per function: [calls, ms waited] per round, medians over rounds."""
    names = sorted({name for row in rows for name, _ran, _waited in row["calls"]})
    per_name = {}
    for name in names:
        counts = [sum(1 for n, _r, _w in row["calls"] if n == name) for row in rows]
        waited = [sum(w for n, _r, w in row["calls"] if n == name) for row in rows]
        per_name[name] = [statistics.median(counts), ms(statistics.median(waited))]
    return {
        "count": round(median_of(rows, "blocking_calls")),
        "ran_ms": ms(median_of(rows, "blocking_ran")),
        "waited_ms": ms(median_of(rows, "blocking_waited")),
        "per_function": dict(sorted(per_name.items(), key=lambda item: -item[1][1])),
    }


def first_round_figures(first: dict[str, Any]) -> dict[str, Any]:
    """The session's first round (typed, then Send; nothing warm but the connections the panel opened)."""
    return {
        "answered_ms": ms(first["answered"]),
        "painted_ms": ms(first["painted"]),
        "max_stall_ms": round(first["stall_ms"], 1),
        "gui_cpu_ms": ms(first["gui_cpu"]),
    }


def summary(rounds: dict[str, Any]) -> dict[str, Any]:
    app, service, raw = rounds["app"], rounds["service"], rounds["raw"]
    value, baseline = median_of(app, "answered"), median_of(raw, "answered")

    def parts(rows: list[dict[str, Any]]) -> list[float]:
        """The model's request, the tool call, the answer's stream (each from the end of the step before)."""
        asked, called, answered = (median_of(rows, key) for key in ("asked", "tool_done", "answered"))
        return [ms(asked), ms(called - asked), ms(answered - called)]

    return {
        "value": ms(value),
        "baseline": ms(baseline),
        "ratio": round(value / baseline, 3),
        "added_ms": ms(value - baseline),
        "p90_ms": ms(percentile([row["answered"] for row in app], 0.9)),
        "raw_p90_ms": ms(percentile([row["answered"] for row in raw], 0.9)),
        "to_first_paint_ms": ms(median_of(app, "painted")),
        "service_only_ms": ms(median_of(service, "answered")),
        "service_only_ratio": round(median_of(service, "answered") / baseline, 3),
        "parts_request_tool_answer_ms": {"app": parts(app), "service_only": parts(service), "raw": parts(raw)},
        "app_steps_ms": {key: ms(median_of(app, key)) for key in STEP_KEYS if key in app[0]},
        "service_only_steps_ms": {key: ms(median_of(service, key)) for key in STEP_KEYS if key in service[0]},
        **stall_figures(app, ""),
        **stall_figures(service, "service_only_"),
        **stall_figures(raw, "raw_"),
        "first_round": first_round_figures(rounds["first"]),
        "gui_cpu_ms": ms(median_of(app, "gui_cpu")),
        "service_only_gui_cpu_ms": ms(median_of(service, "gui_cpu")),
        "raw_gui_cpu_ms": ms(median_of(raw, "gui_cpu")),
        "blocking_calls_app": blocking_figures(app),
        "blocking_calls_service_only": blocking_figures(service),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke test of the bench)")
    parser.add_argument("--blocks", type=int, default=0, help="alternating blocks (default 30, quick 6)")
    parser.add_argument("--per-block", type=int, default=5, help="rounds per block and side")
    parser.add_argument("--profile", type=int, default=0, help="print the GUI thread's top N functions to stderr")
    parser.add_argument(
        "--pace-ms", type=float, default=0.0, help="the model writes a chunk every N ms (default 0: unpaced)"
    )
    parser.add_argument(
        "--history", type=int, default=0, help="each round's conversation has N earlier messages (default 0: new)"
    )
    parser.add_argument(
        "--service-thread",
        action="store_true",
        help="the panel's chat service runs on a loop of its own off the GUI thread (bench/chat_on_thread.py)",
    )
    args = parser.parse_args()
    blocks = args.blocks or (6 if args.quick else 30)
    per_block = 3 if args.quick and args.per_block == 5 else args.per_block
    warm = 3 if args.quick else 10
    logging.disable(logging.CRITICAL)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    load_before = os.getloadavg()[0]
    from vector_desktop.qtsupport.switch_interval import use_gui_switch_interval

    use_gui_switch_interval()  # as the app does
    app = qt_app()
    loop = qasync_loop(app)
    profiler = cProfile.Profile() if args.profile else None
    try:
        outcome = loop.run_until_complete(
            measure(blocks, per_block, warm, profiler, args.pace_ms, args.history, args.service_thread)
        )
    finally:
        loop.close()  # stops its executor's threads (Qt aborts at exit while they run)
    if profiler is not None:
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(args.profile)
    figures = summary(outcome)
    decisions = sorted({line["decision"] for line in outcome["audit"]})
    result = {
        "bench": "tool_round",
        "value": figures.pop("value"),
        "baseline": figures.pop("baseline"),
        "ratio": figures.pop("ratio"),
        "unit": f"ms per tool round (median of {len(outcome['app'])}, {blocks} rotating blocks of {per_block}): "
        "ChatViewModel.send → final answer finished, through ChatService + ChatToolbox (auto policy) + "
        "ConnectorsService, chat panel shown; baseline: the same two SSE streams read raw with httpx + the same "
        "call with mcp.Client (warm sessions, same loop)",
        "goal": f"ratio <= {GOAL_RATIO}; no GUI-thread stall > {GOAL_STALL_MS:.0f} ms",
        **figures,
        "audit_decisions": decisions,
        "audit_lines": len(outcome["audit"]),
        "actions_recorded": outcome["actions"],
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "quick": args.quick,
        "pace_ms": args.pace_ms,
        "history": args.history,
        "service_thread": args.service_thread,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
