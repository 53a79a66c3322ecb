"""The open conversation's tokens and cost, kept by the chat view-model from the message events instead of a store
read after every finished message: checked against what the store itself says (a real store), through a tool round
of the real ChatService."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.support.calc_tools import CalcTools
from tests.support.chat_panel_driver import until
from vector_desktop.ai.types import ChatChunk, LLMSettings, Usage
from vector_desktop.domain.chat import ConversationTotals, MessageStatus, Role
from vector_desktop.presentation.chat.chat_totals import TotalsTracker, is_fresh_row, totals_text
from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.store.chat_repository import ChatRepository

MODEL = "vendor/model"


@pytest.fixture
def repo(store: Any) -> ChatRepository:
    return ChatRepository(store.sessions)


class Known:
    """The tracker's reads of the store (counted) and what it reported."""

    def __init__(self, repo: ChatRepository) -> None:
        self.repo = repo
        self.reads = 0
        self.reported: list[ConversationTotals] = []
        self.gate: asyncio.Event | None = None

    async def fetch(self, conversation_id: str) -> ConversationTotals:
        self.reads += 1
        totals = self.repo.conversation_totals(conversation_id)
        if self.gate is not None:
            await self.gate.wait()
        return totals

    def on_known(self, _conversation_id: str, totals: ConversationTotals) -> None:
        self.reported.append(totals)


def same(kept: ConversationTotals | None, stored: ConversationTotals) -> bool:
    assert kept is not None
    cost_matches = kept.cost == stored.cost or (
        kept.cost is not None and stored.cost is not None and abs(kept.cost - stored.cost) < 1e-12
    )
    return cost_matches and (kept.messages, kept.prompt_tokens, kept.completion_tokens) == (
        stored.messages,
        stored.prompt_tokens,
        stored.completion_tokens,
    )


@pytest.mark.asyncio
async def test_totals_follow_a_tool_round_exactly_without_reading_the_store(repo: ChatRepository) -> None:
    conversation = repo.create_conversation(model=MODEL)
    repo.add_message(conversation.id, Role.USER, "earlier", status=MessageStatus.COMPLETE)
    known = Known(repo)
    tracker = TotalsTracker(known.fetch, known.on_known)
    tracker.open(conversation.id)
    read = tracker.request()
    assert read is not None
    await read
    assert known.reads == 1 and same(tracker.totals, repo.conversation_totals(conversation.id))

    question = repo.add_message(conversation.id, Role.USER, "What is 2 + 40?")
    assert tracker.apply(None, question, new_row=True)
    asking = repo.add_message(conversation.id, Role.ASSISTANT, "", status=MessageStatus.STREAMING, model=MODEL)
    assert is_fresh_row(asking) and tracker.apply(None, asking, new_row=True)
    asked = repo.update_message(
        asking.id, status=MessageStatus.COMPLETE, prompt_tokens=480, completion_tokens=24, cost=0.000123
    )
    assert tracker.apply(asking, asked)
    call = repo.add_message(conversation.id, Role.TOOL, "", status=MessageStatus.STREAMING, tool_call_id="c1")
    assert tracker.apply(None, call, new_row=True)
    result = repo.update_message(call.id, status=MessageStatus.COMPLETE, content="42")
    assert tracker.apply(call, result)
    answering = repo.add_message(conversation.id, Role.ASSISTANT, "", status=MessageStatus.STREAMING, model=MODEL)
    assert tracker.apply(None, answering, new_row=True)
    answer = repo.update_message(
        answering.id, status=MessageStatus.COMPLETE, content="It is 42.", prompt_tokens=700, completion_tokens=70
    )
    assert tracker.apply(answering, answer)

    assert known.reads == 1  # all of it from the events
    assert same(tracker.totals, repo.conversation_totals(conversation.id))
    assert known.reported[-1] == tracker.totals
    assert totals_text(tracker.totals) == totals_text(repo.conversation_totals(conversation.id))


@pytest.mark.asyncio
async def test_what_cannot_be_known_from_an_event_is_read_again(repo: ChatRepository) -> None:
    conversation = repo.create_conversation(model=MODEL)
    question = repo.add_message(conversation.id, Role.USER, "Hello on device")
    known = Known(repo)
    tracker = TotalsTracker(known.fetch, known.on_known)
    tracker.open(conversation.id)
    await tracker.request()  # type: ignore[misc]

    streaming = repo.add_message(
        conversation.id, Role.ASSISTANT, "", status=MessageStatus.STREAMING, model="local:x", parent_id=question.id
    )
    assert tracker.apply(None, streaming, new_row=True)
    # An answer without reported usage is estimated from its text and its question's: the store's to say.
    unreported = repo.update_message(streaming.id, status=MessageStatus.COMPLETE, content="Hi there, friend.")
    assert not tracker.apply(streaming, unreported)
    await tracker.request()  # type: ignore[misc]
    stored = repo.conversation_totals(conversation.id)
    assert tracker.totals == stored and stored.unreported_messages == 2
    # A row whose earlier state is not known here, and a removal.
    assert not tracker.apply(None, question)
    await tracker.request()  # type: ignore[misc]
    assert not tracker.apply(question, None)
    assert tracker.totals is None and known.reads == 3  # unknown until the caller reads them again


@pytest.mark.asyncio
async def test_reads_are_coalesced_and_a_change_during_a_read_reads_again(repo: ChatRepository) -> None:
    conversation = repo.create_conversation(model=MODEL)
    known = Known(repo)
    known.gate = asyncio.Event()
    tracker = TotalsTracker(known.fetch, known.on_known)
    tracker.open(conversation.id)
    read = tracker.request()
    assert read is not None
    task = asyncio.ensure_future(read)
    await until(lambda: known.reads == 1)
    assert tracker.request() is None  # one read at a time
    message = repo.add_message(conversation.id, Role.USER, "written while the read ran")
    assert not tracker.apply(None, message, new_row=True)  # the read under way may or may not include it
    known.gate.set()
    await asyncio.wait_for(task, 5)
    assert known.reads == 2
    assert known.reported == [repo.conversation_totals(conversation.id)]


# ------------------------------------------------------------------------------------------------ in the view-model


class Streamer:
    """A model that asks for the tool once, then answers with usage (an OpenRouter-like stream, in-process)."""

    async def stream(self, messages: list[Any], settings: LLMSettings) -> AsyncIterator[ChatChunk]:
        await asyncio.sleep(0)
        if any(m.role == "tool" for m in messages):
            yield ChatChunk(text="It is 42.", model=MODEL)
            yield ChatChunk(finish_reason="stop", usage=Usage(700, 70, 770, 0.0002), model=MODEL)
            return
        delta = {"index": 0, "id": "c1", "type": "function", "function": {"name": "calc__add", "arguments": "{}"}}
        yield ChatChunk(tool_call_deltas=(delta,), model=MODEL)
        yield ChatChunk(finish_reason="tool_calls", usage=Usage(480, 24, 504, 0.000123), model=MODEL)


class CountingService(ChatService):
    reads = 0

    async def totals(self, conversation_id: str) -> ConversationTotals:
        self.reads += 1
        return await super().totals(conversation_id)


@pytest.mark.asyncio
async def test_the_view_model_reads_the_totals_once_per_conversation_opened(repo: ChatRepository) -> None:
    service = CountingService(repo, Streamer(), default_model=MODEL, tools=CalcTools())
    vm = ChatViewModel(service)
    shown: list[str] = []
    vm.totals_changed.connect(shown.append)
    try:
        await vm.new_conversation()
        await until(lambda: service.reads == 1 and bool(shown))
        assert vm.send("What is 2 + 40?")
        await until(lambda: not vm.busy and len(vm.messages.messages()) == 4)
        stored = repo.conversation_totals(vm.current_id)
        assert (stored.prompt_tokens, stored.completion_tokens) == (1180, 94)
        assert shown[-1] == totals_text(stored)
        assert service.reads == 1  # not one read per finished message
    finally:
        await vm.aclose()
