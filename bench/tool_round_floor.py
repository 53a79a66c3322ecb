"""How low could a tool round go? The tool round of bench/tool_round.py built up in steps on one plain asyncio loop
(the connectors' own loop thread), so each step's cost shows and no hop, qasync or panel is in the way:

1. `raw`: the two chat requests (the bodies the app sent, replayed) read with httpx and the tool call made with
   `mcp.Client` (as tool_round.py's baseline);
2. `parsed`: the same, each stream's bytes also read as the app reads them (SSEDecoder → StreamState → ChatAccumulator:
   the JSON of every chunk, the tool call assembled);
3. `stored`: the same, plus the four writes that keep the round across a kill -9, made inline with the app's
   ChatRepository (question + answer row, the answer + the tool row, the tool result + the next answer row, the
   final answer: each one transaction, as ChatService writes them);
4. `minimal`: the same as `parsed`, plus the least the round's records could cost in any design: the four commits
   `stored` makes, and the tool call's record (begun in the second, finished in the third, as the issue asks
   for), written with the standard library's sqlite3 on one connection kept open (statements SQLite caches, no
   SQLAlchemy, no row objects), and the call's audit line appended to a file;
5. `chat`: the real round through ChatService + ChatToolbox (auto policy, audit line, the call's record) +
   ConnectorsService on that same loop, its store calls made inline (`run_blocking` left at its default);
and, for reference, `raw_qasync`: the raw round on a qasync loop on the main thread, the loop tool_round.py measures on.

Sides alternate in blocks; medians are printed as one JSON line (`value`: `chat`; `baseline`: `raw_qasync`, the
baseline of tool_round.py, whose goal is 1.2x it): how much of that budget the parsing and the durable writes take
before any hop, loop or panel cost.
`minimal` is a floor for any app that parses the stream and keeps the round across a kill -9, before any of its
own logic, event or panel: if it is above 1.2x, the goal of tool_round.py is out of reach of any implementation on
this stack, not only of this one.
Usage: python bench/tool_round_floor.py [--blocks N] [--per-block N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.connectors_servers import open_service, tool_server_child  # noqa: E402
from bench.tool_round_rig import (  # noqa: E402
    ARGUMENTS,
    KEY,
    MODEL,
    QUESTION,
    TOOL,
    RefusingApprover,
    RoundClock,
    llm_server_child,
)
from vector_desktop.ai.chunks import ChatAccumulator, StreamState  # noqa: E402
from vector_desktop.ai.providers import ProviderConfig  # noqa: E402
from vector_desktop.ai.sse import SSEDecoder  # noqa: E402
from vector_desktop.domain.chat import MessageStatus, Role, ToolCallRecord  # noqa: E402
from vector_desktop.services.chat.chat_next_rows import answer_row, call_row  # noqa: E402

PAUSE_S = 0.03  # between rounds

NEXT_SEQ = "(SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?)"
MESSAGE_COLUMNS = (
    "conversation_id, seq, role, content, status, model, provider, prompt_tokens, completion_tokens, error, "
    "tool_calls_json, tool_call_id, tool_name, images_json, parent_id, created_at, updated_at"
)
INSERT_MESSAGE = (
    f"INSERT INTO messages ({MESSAGE_COLUMNS}) VALUES (?, {NEXT_SEQ}, ?, ?, ?, ?, '', 0, 0, '', ?, ?, ?, '', ?, ?, ?)"
)
FINISH_MESSAGE = "UPDATE messages SET content = ?, status = 'complete', finish_reason = ?, tool_calls_json = ?, "
FINISH_MESSAGE += "updated_at = ? WHERE id = ?"
TOUCH = "UPDATE conversations SET updated_at = ? WHERE id = ?"
BEGIN_ACTION = (
    "INSERT INTO connector_tool_actions (connector_key, connector_name, tool_name, qualified_name, arguments_json, "
    "status, origin, allowed_by, started_at, summary, result_truncated, error) "
    "VALUES (?, 'Linear', ?, ?, ?, 'running', 'chat', 'auto', ?, '', 0, '')"
)
FINISH_ACTION = (
    "UPDATE connector_tool_actions SET status = 'succeeded', finished_at = ?, duration_ms = ?, result_json = ? "
    "WHERE id = ?"
)


class MinimalRecords:
    """The round's durable records at the least they can cost: sqlite3 on one open connection (the app's pragmas),
    each of the four writes one transaction, committed before the step that needs it; the audit line appended."""

    def __init__(self, store_path: Path, audit_path: Path) -> None:
        from vector_desktop.store.engine import _set_pragmas

        self.db = sqlite3.connect(store_path, timeout=5, check_same_thread=False)
        _set_pragmas(self.db, None)
        self.audit_path = audit_path

    @staticmethod
    def now() -> str:
        return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

    def _message(
        self,
        cid: str,
        role: str,
        status: str,
        now: str,
        *,
        call_id: str = "",
        tool: str = "",
        parent: int | None = None,
    ) -> int:
        """A new row, empty but for the question's text (its seq the next in the conversation)."""
        content = QUESTION if role == "user" else ""
        row = (cid, cid, role, content, status, MODEL, "", call_id, tool, parent, now, now)
        return self.db.execute(INSERT_MESSAGE, row).lastrowid or 0

    def question(self, cid: str) -> tuple[int, int]:
        """The question and its answer's row, the conversation touched, the draft gone."""
        with self.db:
            now = self.now()
            user = self._message(cid, "user", "complete", now)
            answer = self._message(cid, "assistant", "streaming", now, parent=user)
            self.db.execute(TOUCH, (now, cid))
            self.db.execute("DELETE FROM chat_drafts WHERE conversation_id = ?", (cid,))
        return user, answer

    def tool_call(self, cid: str, answer: int, calls: str, call_id: str) -> tuple[int, int]:
        """The answer that asked, the tool's row and the call's record begun: before the call runs."""
        with self.db:
            now = self.now()
            self.db.execute(FINISH_MESSAGE, ("", "tool_calls", calls, now, answer))
            row = self._message(cid, "tool", "streaming", now, call_id=call_id, tool=TOOL, parent=answer)
            action = (f"mcp:{cid}", TOOL, TOOL, json.dumps(ARGUMENTS), now)
            record = self.db.execute(BEGIN_ACTION, action).lastrowid or 0
            self.db.execute(TOUCH, (now, cid))
        return row, record

    def tool_result(self, cid: str, row: int, record: int, result: str, took: float) -> int:
        """The result in the tool's row and in the call's record, the next answer's row; then the audit line."""
        with self.db:
            now = self.now()
            self.db.execute(FINISH_MESSAGE, (result, "succeeded", "", now, row))
            self.db.execute(FINISH_ACTION, (now, round(took * 1000), result, record))
            answer = self._message(cid, "assistant", "streaming", now, parent=row)
            self.db.execute(TOUCH, (now, cid))
        line = {"time": now, "conversation": cid, "tool": TOOL, "arguments": ARGUMENTS, "decision": "auto"}
        with self.audit_path.open("a", encoding="utf-8") as audit:
            audit.write(json.dumps({**line, "status": "succeeded", "duration_ms": round(took * 1000)}) + "\n")
        return answer

    def recorded(self, cid: str) -> bool:
        """The round's call record finished and its audit line written (read after the timed round)."""
        query = "SELECT COUNT(*) FROM connector_tool_actions WHERE connector_key = ? AND status = 'succeeded'"
        (finished,) = self.db.execute(query, (f"mcp:{cid}",)).fetchone()
        with self.audit_path.open("rb") as audit:
            audit.seek(max(0, self.audit_path.stat().st_size - 1000))
            last = audit.read().splitlines()[-1]
        return finished == 1 and json.loads(last)["conversation"] == cid

    def answer(self, answer: int, text: str) -> None:
        with self.db:
            self.db.execute(FINISH_MESSAGE, (text, "stop", "", self.now(), answer))


class Ladder:
    """The steps below the chat service, on the loop they are made on: one HTTP client, one MCP session."""

    def __init__(
        self, llm_url: str, http: Any, mcp: Any, bodies: list[dict[str, Any]], repo: Any, minimal: MinimalRecords
    ) -> None:
        self.llm_url, self.http, self.mcp, self.bodies, self.repo = llm_url, http, mcp, bodies, repo
        self.minimal = minimal

    async def stream(self, body: dict[str, Any], parse: bool) -> Any:
        state = StreamState(ProviderConfig.openrouter(KEY, self.llm_url), MODEL)
        decoder, collected = SSEDecoder(), ChatAccumulator()
        async with self.http.stream("POST", f"{self.llm_url}/chat/completions", json=body) as response:
            async for data in response.aiter_bytes():
                if parse:
                    for event in decoder.feed(data):
                        chunk = state.handle_data(event.data, event.event)
                        if chunk is not None:
                            collected.add(chunk)
        if parse and not (collected.text or collected.tool_calls()):
            raise RuntimeError("the stream was read, but nothing was parsed from it")
        return collected

    async def round(self, parse: bool, store: bool, conversation_id: str = "") -> float:
        """One round; with `store`, its rows written as ChatService writes them (chat_next_rows.py)."""
        repo = self.repo
        started = time.perf_counter()
        if store:
            question = ((conversation_id, Role.USER, QUESTION), {"model": MODEL, "draft": ""})
            _user, answer = repo.add_message_and_next(question, lambda user: answer_row(user, MODEL))
        asked = await self.stream(self.bodies[0], parse)
        if store:
            calls = tuple(ToolCallRecord(c.id, c.name, c.arguments) for c in asked.tool_calls())
            values = {"status": MessageStatus.COMPLETE, "tool_calls": calls, "finish_reason": "tool_calls"}
            answer, tool_row = repo.update_message_and_add(answer.id, values, call_row(answer, calls[0], answer.seq))
        result = await self.mcp.call_tool(TOOL, ARGUMENTS)
        if result.is_error:
            raise RuntimeError(f"the tool call failed: {result}")
        if store:
            text = json.dumps([getattr(part, "text", "") for part in result.content])
            values = {"status": MessageStatus.COMPLETE, "content": text, "finish_reason": "succeeded"}
            tool_row, answer = repo.update_message_and_add(tool_row.id, values, answer_row(tool_row, MODEL))
        final = await self.stream(self.bodies[1], parse)
        if store:
            repo.update_message(answer.id, content=final.text, status=MessageStatus.COMPLETE, finish_reason="stop")
        return time.perf_counter() - started

    async def minimal_round(self, conversation_id: str) -> float:
        """`parsed`, with the round's records written by MinimalRecords."""
        records = self.minimal
        started = time.perf_counter()
        _user, answer = records.question(conversation_id)
        asked = await self.stream(self.bodies[0], True)
        call = asked.tool_calls()[0]
        calls = json.dumps([{"id": call.id, "name": call.name, "arguments": call.arguments}])
        row, record = records.tool_call(conversation_id, answer, calls, call.id)
        called = time.perf_counter()
        result = await self.mcp.call_tool(TOOL, ARGUMENTS)
        if result.is_error:
            raise RuntimeError(f"the tool call failed: {result}")
        text = json.dumps([getattr(part, "text", "") for part in result.content])
        answer = records.tool_result(conversation_id, row, record, text, time.perf_counter() - called)
        final = await self.stream(self.bodies[1], True)
        records.answer(answer, final.text)
        return time.perf_counter() - started


async def chat_rounds(chat: Any, clock: RoundClock, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        conversation = await chat.create_conversation(model=MODEL)
        await asyncio.sleep(PAUSE_S)
        clock.arm()
        started = time.perf_counter()
        await chat.send(conversation.id, QUESTION)
        times.append(clock.done_at - started)
        roles = [m.role.value for m in clock.messages()]
        if roles != ["assistant", "tool", "assistant"] or clock.messages()[1].finish_reason != "succeeded":
            raise RuntimeError(f"unexpected round: {roles}")
    return times


async def ladder_rounds(ladder: Ladder, chat: Any, parse: bool, store: bool, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        conversation_id = (await chat.create_conversation(model=MODEL)).id if store else ""
        await asyncio.sleep(PAUSE_S)
        times.append(await ladder.round(parse, store, conversation_id))
    return times


async def minimal_rounds(ladder: Ladder, chat: Any, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        conversation_id = (await chat.create_conversation(model=MODEL)).id
        await asyncio.sleep(PAUSE_S)
        times.append(await ladder.minimal_round(conversation_id))
        rows = [(m.role.value, m.status.value) for m in ladder.repo.messages_page(conversation_id)]
        if rows != [(role, "complete") for role in ("user", "assistant", "tool", "assistant")]:
            raise RuntimeError(f"the minimal round's rows are not the app's: {rows}")
        if not ladder.minimal.recorded(conversation_id):
            raise RuntimeError("the minimal round's call record or audit line is missing")
    return times


class Sides:
    """Everything made on the connectors' loop (its thread), and the raw round on a qasync loop."""

    def __init__(self, rig: Any, llm_url: str, mcp_url: str) -> None:
        self.rig, self.llm_url, self.mcp_url = rig, llm_url, mcp_url

    async def open(self) -> None:
        import httpx
        from mcp import Client

        from vector_desktop.ai.client import LLMClient
        from vector_desktop.ai.providers import ProviderConfig
        from vector_desktop.core import make_chat_toolbox
        from vector_desktop.services.chat.chat_service import ChatService
        from vector_desktop.store.chat_repository import ChatRepository

        rig = self.rig
        toolbox = make_chat_toolbox(rig.core, rig.runtime, rig.service, RefusingApprover())
        self.client = LLMClient([ProviderConfig.openrouter(KEY, self.llm_url)], timeout=120, max_retries=0)
        self.client.prepare()
        self.repo = ChatRepository(rig.core.store.sessions)
        self.chat = ChatService(self.repo, self.client, default_model=MODEL, tools=toolbox)
        self.clock = RoundClock()
        self.chat.add_listener(self.clock)
        await chat_rounds(self.chat, self.clock, 5)  # warm; and the two requests the other sides replay
        self.http = httpx.AsyncClient(timeout=120)
        bodies = (await self.http.get(f"{self.llm_url}/last-requests")).json()
        # The MCP session is entered and left in one task of its own (anyio's cancel scopes ask for that).
        opened: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.closing = asyncio.Event()

        async def hold() -> None:
            async with Client(self.mcp_url, mode="legacy", cache=None) as session:
                opened.set_result(session)
                await self.closing.wait()

        self.holder = asyncio.ensure_future(hold())
        mcp = await opened
        records = MinimalRecords(rig.core.store.path, rig.core.paths.data_dir / "minimal-audit.jsonl")
        self.ladder = Ladder(self.llm_url, self.http, mcp, bodies, self.repo, records)
        for parse, store in ((False, False), (True, False), (True, True)):
            await ladder_rounds(self.ladder, self.chat, parse, store, 5)
        await minimal_rounds(self.ladder, self.chat, 5)

    async def close(self) -> None:
        self.closing.set()
        await self.holder
        await self.http.aclose()
        await self.client.aclose()

    def runs(self, per_block: int) -> dict[str, Callable[[], Awaitable[list[float]]]]:
        return {
            "raw": lambda: ladder_rounds(self.ladder, self.chat, False, False, per_block),
            "parsed": lambda: ladder_rounds(self.ladder, self.chat, True, False, per_block),
            "stored": lambda: ladder_rounds(self.ladder, self.chat, True, True, per_block),
            "minimal": lambda: minimal_rounds(self.ladder, self.chat, per_block),
            "chat": lambda: chat_rounds(self.chat, self.clock, per_block),
        }


async def raw_on_qasync(llm_url: str, mcp_url: str, rounds: int) -> list[float]:
    from bench.tool_round_rig import raw_round

    times = []
    async with raw_round(llm_url, mcp_url) as raw:
        for _ in range(rounds):
            await asyncio.sleep(PAUSE_S)
            times.append((await raw.run())["answered"])
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--blocks", type=int, default=12)
    parser.add_argument("--per-block", type=int, default=10)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    load_before = os.getloadavg()[0]
    from bench.storage_rig import qasync_loop, qt_app
    from vector_desktop.qtsupport.switch_interval import use_gui_switch_interval

    use_gui_switch_interval()  # as the app does
    with tempfile.TemporaryDirectory() as tmp, tool_server_child() as mcp_url, llm_server_child(0) as llm_url:
        rig = open_service(Path(tmp) / "profile")
        from vector_desktop.domain.connectors import McpServerDraft, McpTransport

        draft = McpServerDraft("Linear", McpTransport.HTTP, url=mcp_url)
        config = rig.runtime.run(rig.service.add_mcp_server(draft))
        rig.runtime.run(rig.service.ensure_tools(f"mcp:{config.id}"), 60)
        sides = Sides(rig, llm_url, mcp_url)
        rig.runtime.run(sides.open(), 120)
        qloop = qasync_loop(qt_app())
        qloop.run_until_complete(raw_on_qasync(llm_url, mcp_url, 5))
        gc.collect()
        gc.freeze()
        times: dict[str, list[float]] = {name: [] for name in (*sides.runs(1), "raw_qasync")}
        try:
            runs = sides.runs(args.per_block)
            names = list(times)
            for block in range(args.blocks):  # order rotated, so every side sees the same machine load
                for name in names[block % len(names) :] + names[: block % len(names)]:
                    if name == "raw_qasync":
                        times[name] += qloop.run_until_complete(raw_on_qasync(llm_url, mcp_url, args.per_block))
                    else:
                        times[name] += rig.runtime.run(runs[name](), 120)
        finally:
            rig.runtime.run(sides.close(), 30)
            qloop.close()
            rig.close()
    medians = {name: round(statistics.median(values) * 1000, 2) for name, values in times.items()}
    baseline = medians["raw_qasync"]  # tool_round.py's baseline
    print(
        json.dumps(
            {
                "bench": "tool_round_floor",
                "value": medians["chat"],
                "baseline": baseline,
                "ratio": round(medians["chat"] / baseline, 3),
                "unit": f"ms per tool round, median of {len(times['raw'])} per side: the chat service on one plain "
                "loop, store calls inline, no panel; baseline: tool_round.py's raw round (qasync loop)",
                "goal": "none (analysis: how much of tool_round.py's 1.2x the parsing and the durable writes take)",
                "ms": medians,
                "ratio_to_raw_qasync": {name: round(value / baseline, 3) for name, value in medians.items()},
                "ratio_to_raw_same_loop": {name: round(value / medians["raw"], 3) for name, value in medians.items()},
                "load_before": round(load_before, 2),
                "load_after": round(os.getloadavg()[0], 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
