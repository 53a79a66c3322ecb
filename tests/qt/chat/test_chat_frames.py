"""The transcript changes at most once a frame (qtsupport/frame_pacer.py): a tool round's rows (the answer that asks
for the tool, the tool row, the next answer) reach the transcript together, in the order they came, with nothing
lost or doubled; the question is shown at once, and so is the end of the answer. Through the real ChatService on a
real store; the frame is made very long so which change waits for it does not depend on the machine's speed."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.support.calc_tools import CalcTools
from tests.support.chat_panel_driver import until
from vector_desktop.ai.types import ChatChunk, LLMSettings, Usage
from vector_desktop.domain.chat import MessageStatus, Role
from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.qtsupport.frame_pacer import FramePacer
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.store.chat_repository import ChatRepository

MODEL = "vendor/model"
LONG_FRAME_MS = 60_000
ANSWER = ["It ", "is ", "42", "."]


class Streamer:
    """Asks for the tool once, then streams the answer piece by piece (each piece its own loop turn) and ends it
    when released."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.streamed = asyncio.Event()  # every piece was handed over; the end waits for `release`

    async def stream(self, messages: list[Any], settings: LLMSettings) -> AsyncIterator[ChatChunk]:
        await asyncio.sleep(0)
        if any(m.role == "tool" for m in messages):
            for piece in ANSWER:
                yield ChatChunk(text=piece, model=MODEL)
                await asyncio.sleep(0.01)
            self.streamed.set()
            await self.release.wait()
            yield ChatChunk(finish_reason="stop", usage=Usage(700, 70, 770, 0.0002), model=MODEL)
            return
        delta = {"index": 0, "id": "c1", "type": "function", "function": {"name": "calc__add", "arguments": "{}"}}
        yield ChatChunk(tool_call_deltas=(delta,), model=MODEL)
        yield ChatChunk(finish_reason="tool_calls", usage=Usage(480, 24, 504, 0.000123), model=MODEL)


@pytest.fixture
def repo(store: Any) -> ChatRepository:
    return ChatRepository(store.sessions)


def shown(vm: ChatViewModel) -> list[tuple[str, str]]:
    return [(m.role.value, m.content) for m in vm.messages.messages()]


@pytest.mark.asyncio
async def test_a_tool_rounds_rows_arrive_together_in_order_with_the_question_and_the_end_at_once(
    repo: ChatRepository,
) -> None:
    streamer = Streamer()
    service = ChatService(repo, streamer, default_model=MODEL, tools=CalcTools())
    vm = ChatViewModel(service, frame_ms=LONG_FRAME_MS)
    inserted: list[list[tuple[str, str]]] = []  # the transcript after each row inserted
    vm.messages.rowsInserted.connect(lambda *_: inserted.append(shown(vm)))
    try:
        await vm.new_conversation()
        await asyncio.sleep(0.05)
        vm._frame._last = -math.inf  # the last frame is long past (the pacer's own tests below use a clock)
        question = "What is 2 + 40?"
        assert vm.send(question)
        await until(lambda: bool(inserted))
        assert inserted[0] == [("user", question)]  # at once: the first change after a quiet frame
        await asyncio.wait_for(streamer.streamed.wait(), 10)
        assert shown(vm) == [("user", question)]  # the rows after the question wait for the frame
        vm._frame.flush()  # the frame ends
        rows = shown(vm)
        assert [role for role, _text in rows] == ["user", "assistant", "tool", "assistant"]
        assert rows[-1] == ("assistant", "".join(ANSWER))  # streamed while its row waited: none of it lost
        streamer.release.set()
        await until(lambda: not vm.busy)
        stored = repo.messages_page(vm.current_id, None, 10)
        assert [m.role.value for m in stored] == ["user", "assistant", "tool", "assistant"]
        assert stored[-1].content == "".join(ANSWER) and stored[-1].status is MessageStatus.COMPLETE
        # The end of the answer did not wait for the (minute-long) frame; everything came in order, text once.
        assert vm.messages.messages() == stored
        assert [rows[-1][0] for rows in inserted] == ["user", "assistant", "tool", "assistant"]
    finally:
        await vm.aclose()


@pytest.mark.asyncio
async def test_changes_waiting_for_the_frame_go_before_another_conversation_is_shown(repo: ChatRepository) -> None:
    streamer = Streamer()
    service = ChatService(repo, streamer, default_model=MODEL, tools=CalcTools())
    vm = ChatViewModel(service, frame_ms=LONG_FRAME_MS)
    try:
        await vm.new_conversation()
        first = vm.current_id
        assert vm.send("What is 2 + 40?")
        await asyncio.wait_for(streamer.streamed.wait(), 10)
        await vm.new_conversation()
        assert shown(vm) == []
        await vm.select_conversation(first)  # type: ignore[misc]
        rows = shown(vm)
        assert [role for role, _text in rows] == ["user", "assistant", "tool", "assistant"]
        assert rows[-1] == ("assistant", "".join(ANSWER))  # what arrived so far, once
        streamer.release.set()
        await until(lambda: not vm.busy)
        assert shown(vm)[-1] == ("assistant", "".join(ANSWER))
        assert [m.role for m in vm.messages.messages()] == [Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT]
    finally:
        await vm.aclose()


# ------------------------------------------------------------------------------------------------ the pacer


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def paced(qtbot: QtBot) -> Iterator[tuple[FramePacer, list[float], Clock]]:
    clock = Clock()
    runs: list[float] = []
    pacer = FramePacer(lambda: runs.append(clock.now), 16, clock=clock)
    yield pacer, runs, clock
    pacer.flush()


def test_the_first_request_after_a_quiet_frame_runs_at_once_the_rest_wait_for_the_frames_end(
    qtbot: QtBot, paced: tuple[FramePacer, list[float], Clock]
) -> None:
    pacer, runs, clock = paced
    pacer.request()
    assert runs == [100.0]
    clock.now += 0.005
    pacer.request()
    pacer.request()
    assert runs == [100.0]  # within the frame: waits
    qtbot.waitUntil(lambda: len(runs) == 2, timeout=2000)
    assert runs == [100.0, 100.005]  # one run for both requests
    clock.now += 0.020  # a quiet frame later
    pacer.request()
    assert len(runs) == 3


def test_flush_runs_now_and_a_waiting_run_is_not_repeated(
    qtbot: QtBot, paced: tuple[FramePacer, list[float], Clock]
) -> None:
    pacer, runs, clock = paced
    pacer.request()
    clock.now += 0.001
    pacer.request()
    pacer.flush()
    assert len(runs) == 2
    qtbot.wait(40)
    assert len(runs) == 2
