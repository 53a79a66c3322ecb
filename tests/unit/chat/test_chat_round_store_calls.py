"""What one chat round asks of the store (a real one): the question is read for and written in one hop, the page the
model is sent is read once per answer, rows that follow a finished message are written in the same hop, and a row
written ahead never outlives a Stop.

The model is an in-process scripted ChatStreamer and the tools a small in-process ToolProvider; every store call
goes through a `run_blocking` that counts them (by the function handed to it, as the GUI's executor gets them)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from tests.support.calc_tools import CalcTools
from vector_desktop.ai.types import ChatChunk, ChatMessage, LLMSettings, Usage
from vector_desktop.domain.chat import ChatListener, Message, MessageStatus, Role, ToolOutcome
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.services.chat.chat_history import extended
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.store.chat_repository import ChatRepository

MODEL = "vendor/model"
# The rows of one tool round ("What is 2 + 40?"), and what listeners hear of it.
ROUND_ROWS = [
    ("user", "complete", "What is 2 + 40?"),
    ("assistant", "complete", ""),
    ("tool", "complete", "42"),
    ("assistant", "complete", "It is 42."),
]
ROUND_EVENTS = [
    ("added", "user"),
    ("started", "assistant"),
    ("finished", "assistant"),
    ("added", "tool"),
    ("finished", "tool"),
    ("started", "assistant"),
    ("finished", "assistant"),
]


def text(value: str) -> ChatChunk:
    return ChatChunk(text=value, model=MODEL, provider="Scripted")


def finish(reason: str = "stop") -> ChatChunk:
    return ChatChunk(finish_reason=reason, usage=Usage(10, 5, 15, 0.01), model=MODEL)


def tool_call(call_id: str, name: str, arguments: str) -> list[ChatChunk]:
    delta = {"index": 0, "id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}
    return [ChatChunk(tool_call_deltas=(delta,)), finish("tool_calls")]


class Streamer:
    """Plays one queued script per request and keeps the messages each request sent."""

    def __init__(self) -> None:
        self.scripts: list[list[ChatChunk]] = []
        self.requests: list[list[ChatMessage]] = []

    async def stream(self, messages: list[Any], settings: LLMSettings) -> AsyncIterator[ChatChunk]:
        self.requests.append(list(messages))
        for chunk in self.scripts.pop(0) if self.scripts else [text("OK"), finish()]:
            yield chunk


class Tools(CalcTools):
    """A ToolProvider with one tool, `calc__add`, that adds and notes each call."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    async def call(self, conversation_id: str, call_id: str, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        self.calls.append(call_id)
        return ToolOutcome(str(arguments["a"] + arguments["b"]), status=ToolStatus.SUCCEEDED)


class StoreCalls:
    """`run_blocking` on a worker thread, noting the name of each function it runs; `after(name, args)` runs on
    the loop when a call is done (to press Stop at an exact moment)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.after: Callable[[str, tuple[Any, ...]], None] | None = None

    async def __call__(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        self.names.append(fn.__name__)
        result = await asyncio.get_running_loop().run_in_executor(None, lambda: fn(*args, **kwargs))
        if self.after is not None:
            self.after(fn.__name__, args)
        return result


class Events(ChatListener):
    def __init__(self) -> None:
        self.names: list[tuple[str, str]] = []

    def message_added(self, message: Message) -> None:
        self.names.append(("added", message.role.value))

    def message_started(self, message: Message) -> None:
        self.names.append(("started", message.role.value))

    def message_finished(self, message: Message) -> None:
        self.names.append(("finished", message.role.value))


@pytest.fixture
def repo(store: Any) -> ChatRepository:
    return ChatRepository(store.sessions)


@pytest.fixture
def calls() -> StoreCalls:
    return StoreCalls()


@pytest.fixture
def streamer() -> Streamer:
    return Streamer()


@pytest.fixture
def tools() -> Tools:
    return Tools()


@pytest.fixture
def service(repo: ChatRepository, streamer: Streamer, tools: Tools, calls: StoreCalls) -> ChatService:
    return ChatService(repo, streamer, run_blocking=calls, default_model=MODEL, tools=tools)


def stored(repo: ChatRepository, conversation_id: str) -> list[tuple[str, str, str]]:
    return [(m.role.value, m.status.value, m.content) for m in repo.messages_page(conversation_id, limit=100)]


@pytest.mark.asyncio
async def test_a_tool_round_reads_the_page_once_and_writes_each_following_row_in_the_same_hop(
    service: ChatService, repo: ChatRepository, streamer: Streamer, calls: StoreCalls
) -> None:
    conversation = await service.create_conversation()
    await service.send(conversation.id, "first question")  # history for the second send
    streamer.scripts = [tool_call("call_1", "calc__add", '{"a": 2, "b": 40}'), [text("It is 42."), finish()]]
    events = Events()
    service.add_listener(events)
    calls.names.clear()

    answer = await service.send(conversation.id, "What is 2 + 40?")

    assert answer.content == "It is 42." and answer.status is MessageStatus.COMPLETE
    assert stored(repo, conversation.id)[2:] == ROUND_ROWS
    # The second request sends what the first one did, plus the round: no second read of the page.
    assert [m.role for m in streamer.requests[-1]] == ["user", "assistant", "user", "assistant", "tool"]
    assert [m.content for m in streamer.requests[-1]][:3] == ["first question", "OK", "What is 2 + 40?"]
    assert calls.names == [
        # The conversation, its outbox and its page read, the question (with the new title and the cleared draft)
        # and the answer's row (streaming) written: one hop.
        "_ask",
        "_update_then_add",  # the answer asking for the tool, and the call's row
        "_update_then_add",  # the call's result, and the next answer's row
        "update_message",  # the answer
        "get_conversation",  # its activity, for the conversation list
    ]
    assert events.names == ROUND_EVENTS


@pytest.mark.asyncio
async def test_a_model_changed_elsewhere_is_read_before_the_question_is_written(
    service: ChatService, repo: ChatRepository, streamer: Streamer, calls: StoreCalls
) -> None:
    conversation = await service.create_conversation(model=MODEL)
    repo.update_conversation(conversation.id, model="other/model")  # e.g. by the command line, on the same store
    calls.names.clear()

    answer = await service.send(conversation.id, "Hello")

    assert calls.names[:2] == ["_ask", "_write_question"]  # the first hop only read: its plan was for MODEL
    user = repo.messages_page(conversation.id)[0]
    assert (user.role, user.model, answer.content) == (Role.USER, "other/model", "OK")
    assert repo.require_conversation(conversation.id).title == "Hello"
    calls.names.clear()
    await service.send(conversation.id, "Again")  # the model read is the one planned for now: one hop again
    assert calls.names == ["_ask", "update_message", "get_conversation"]


@pytest.mark.asyncio
async def test_stop_right_after_a_tool_call_leaves_no_answer_row_behind(
    service: ChatService, repo: ChatRepository, streamer: Streamer, calls: StoreCalls
) -> None:
    conversation = await service.create_conversation()
    streamer.scripts = [tool_call("call_1", "calc__add", '{"a": 1, "b": 2}')]

    def stop_once_the_result_is_stored(name: str, args: tuple[Any, ...]) -> None:
        following = args[2] if name == "_update_then_add" else None
        if following is not None and following[0][1] is Role.ASSISTANT:  # the next answer's row was written too
            service.stop(conversation.id)

    calls.after = stop_once_the_result_is_stored
    events = Events()
    service.add_listener(events)

    await service.send(conversation.id, "1 + 2?")

    assert stored(repo, conversation.id) == [
        ("user", "complete", "1 + 2?"),
        ("assistant", "complete", ""),
        ("tool", "complete", "3"),
    ]  # the answer row written ahead is gone again, and was never shown
    assert events.names[-2:] == [("added", "tool"), ("finished", "tool")]
    assert len(streamer.requests) == 1
    assert not service.is_busy(conversation.id)


@pytest.mark.asyncio
async def test_stop_as_the_model_asks_for_a_tool_ends_that_call_as_stopped(
    service: ChatService, repo: ChatRepository, streamer: Streamer, tools: Tools, calls: StoreCalls
) -> None:
    conversation = await service.create_conversation()
    streamer.scripts = [tool_call("call_1", "calc__add", '{"a": 1, "b": 2}')]

    def stop_once_the_call_row_is_stored(name: str, args: tuple[Any, ...]) -> None:
        following = args[2] if name == "_update_then_add" else None
        if following is not None and following[0][1] is Role.TOOL:  # the call's row was written with the answer
            service.stop(conversation.id)

    calls.after = stop_once_the_call_row_is_stored

    await service.send(conversation.id, "1 + 2?")

    rows = stored(repo, conversation.id)
    assert [(role, status) for role, status, _text in rows] == [
        ("user", "complete"),
        ("assistant", "complete"),
        ("tool", "cancelled"),  # shown, then stopped before it ran: never run
    ]
    assert tools.calls == []


@pytest.mark.asyncio
async def test_the_page_is_read_again_when_the_round_does_not_follow_it() -> None:
    def message(seq: int) -> Message:
        return Message(id=seq, conversation_id="c", seq=seq, role=Role.USER, content=str(seq))

    page = [message(1), message(2)]
    assert extended(page, 2, [message(3), message(4)], 10) == [*page, message(3), message(4)]
    assert extended(page, 2, [message(3), message(4)], 3) == [message(2), message(3), message(4)]
    assert extended(page, 2, [message(4)], 10) is None  # something else was written in between: read again
    assert extended(page, 2, [], 10) == page


class StartingTools(Tools):
    """Like ChatToolbox: `start` begins the call on a thread of its own (the connectors' loop in the app) and runs
    `then(outcome)` there once it ran; `before_done(outcome)` runs on that thread after `then`, before the chat's
    loop hears of the outcome (to press Stop at that exact moment)."""

    def __init__(self) -> None:
        super().__init__()
        self.before_done: Callable[[], None] | None = None
        self.threads: list[str] = []

    def start(
        self,
        conversation_id: str,
        call_id: str,
        name: str,
        arguments: dict[str, Any],
        *,
        then: Callable[[ToolOutcome], None] | None = None,
    ) -> asyncio.Future[ToolOutcome]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[ToolOutcome] = loop.create_future()

        def run() -> None:
            self.calls.append(call_id)
            self.threads.append(threading.current_thread().name)
            outcome = ToolOutcome(str(arguments["a"] + arguments["b"]), status=ToolStatus.SUCCEEDED)
            if then is not None:
                then(outcome)
            if self.before_done is not None:
                self.before_done()
            loop.call_soon_threadsafe(future.set_result, outcome)

        threading.Thread(target=run, name="connectors-like").start()
        return future


@pytest.mark.asyncio
async def test_with_a_toolbox_that_starts_calls_the_result_row_is_written_where_the_call_ended(
    repo: ChatRepository, streamer: Streamer, calls: StoreCalls
) -> None:
    tools = StartingTools()
    service = ChatService(repo, streamer, run_blocking=calls, default_model=MODEL, tools=tools)
    conversation = await service.create_conversation()
    streamer.scripts = [tool_call("call_1", "calc__add", '{"a": 2, "b": 40}'), [text("It is 42."), finish()]]
    events = Events()
    service.add_listener(events)
    calls.names.clear()

    answer = await service.send(conversation.id, "What is 2 + 40?")

    assert (answer.content, answer.status) == ("It is 42.", MessageStatus.COMPLETE)
    assert stored(repo, conversation.id) == ROUND_ROWS
    assert tools.threads == ["connectors-like"]
    # The call's result and the next answer's row are written on the call's thread: one hop fewer than
    # `test_a_tool_round_reads_the_page_once_and_writes_each_following_row_in_the_same_hop`.
    assert calls.names == ["_ask", "_update_then_add", "update_message", "get_conversation"]
    assert events.names == ROUND_EVENTS


@pytest.mark.asyncio
async def test_stop_after_the_row_was_finished_where_the_call_ended_leaves_no_answer_row(
    repo: ChatRepository, streamer: Streamer, calls: StoreCalls
) -> None:
    tools = StartingTools()
    service = ChatService(repo, streamer, run_blocking=calls, default_model=MODEL, tools=tools)
    conversation = await service.create_conversation()
    streamer.scripts = [tool_call("call_1", "calc__add", '{"a": 1, "b": 2}')]
    loop = asyncio.get_running_loop()
    stopped = threading.Event()

    def stop_now() -> None:  # on the call's thread, after its row (and the next answer's) were written
        assert [role for role, _status, _text in stored(repo, conversation.id)][-1] == "assistant"
        loop.call_soon_threadsafe(lambda: (service.stop(conversation.id), stopped.set()))
        stopped.wait(10)

    tools.before_done = stop_now

    await service.send(conversation.id, "1 + 2?")

    rows = stored(repo, conversation.id)
    assert [(role, status) for role, status, _text in rows] == [
        ("user", "complete"),
        ("assistant", "complete"),
        ("tool", "cancelled"),  # Stop came before the chat took the outcome: the row says so
    ]  # and the answer row written ahead on the call's thread is gone again
    assert tools.calls == ["call_1"] and len(streamer.requests) == 1
    assert not service.is_busy(conversation.id)
