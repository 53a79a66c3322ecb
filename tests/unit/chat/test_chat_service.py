"""ChatService with a real store and a scripted in-process ChatStreamer (a deterministic peer for the protocol).

Time is a fake clock: journaling cadence is checked by counting journal writes against fake time, never wall time.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest

from tests.support.fixtures_ai import collect_garbage_on_gui_thread as _gc_fixture  # noqa: F401
from vector_desktop.ai.errors import AIConnectionError, StreamInterruptedError
from vector_desktop.ai.types import ChatChunk, ChatMessage, LLMSettings, ToolCall, ToolSpec, Usage
from vector_desktop.domain.chat import ChatError, ChatListener, Message, MessageStatus, Role
from vector_desktop.domain.tool_policy import TOOL_DENIED
from vector_desktop.services.chat.chat_drafts import DraftSaver
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.store.chat_repository import ChatRepository

MODEL = "vendor/model"
LOCAL = "local:tiny"


class FakeClock:
    """Monotonic fake time; `sleep` returns when the clock has been advanced past the deadline."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, asyncio.Future[None]]] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
        for deadline, future in list(self._sleepers):
            if deadline <= self.now + 1e-9 and not future.done():
                future.set_result(None)
        self._sleepers = [(d, f) for d, f in self._sleepers if not f.done()]

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            return
        future = asyncio.get_running_loop().create_future()
        self._sleepers.append((self.now + seconds, future))
        await future


class Advance(float):
    """A script step: let this much fake time pass before the next chunk."""


class ScriptedStreamer:
    """Plays one queued script per stream() call: ChatChunks, Advance(seconds), asyncio.Events to wait on,
    exceptions to raise. Records what it was asked."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.scripts: deque[list[Any]] = deque()
        self.requests: list[tuple[list[ChatMessage], LLMSettings]] = []
        self.closed = 0

    def add(self, *steps: Any) -> None:
        self.scripts.append(list(steps))

    async def stream(self, messages: list[Any], settings: Any) -> AsyncIterator[ChatChunk]:
        self.requests.append((list(messages), settings))
        script = self.scripts.popleft() if self.scripts else [text("OK"), finish()]
        try:
            for step in script:
                if isinstance(step, Advance):
                    self.clock.advance(float(step))
                    await asyncio.sleep(0)
                elif isinstance(step, asyncio.Event):
                    await step.wait()
                elif isinstance(step, BaseException):
                    raise step
                else:
                    yield step
        finally:
            self.closed += 1


def text(value: str) -> ChatChunk:
    return ChatChunk(text=value, model=MODEL, provider="Scripted")


def finish(reason: str = "stop", prompt: int = 10, completion: int = 5, cost: float | None = 0.01) -> ChatChunk:
    return ChatChunk(finish_reason=reason, usage=Usage(prompt, completion, prompt + completion, cost), model=MODEL)


def tool_call(call_id: str, name: str, arguments: str) -> list[ChatChunk]:
    half = len(arguments) // 2
    return [
        ChatChunk(
            tool_call_deltas=(
                {
                    "index": 0,
                    "id": call_id,
                    "type": "function",
                    "function": {"name": name, "arguments": arguments[:half]},
                },
            )
        ),
        ChatChunk(tool_call_deltas=({"index": 0, "function": {"arguments": arguments[half:]}},)),
        ChatChunk(finish_reason="tool_calls"),
    ]


class JournalingRepo(ChatRepository):
    """The real repository, noting each partial-text write with the fake time it happened."""

    def __init__(self, sessions: Any, clock: FakeClock) -> None:
        super().__init__(sessions)
        self.clock = clock
        self.journal: list[tuple[float, str]] = []
        self.journaled = asyncio.Event()

    def journal_partial(self, message_id: int, text: str) -> None:
        super().journal_partial(message_id, text)
        self.journal.append((self.clock(), text))
        self.journaled.set()


class Recorder(ChatListener):
    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []
        self.delta_seen = asyncio.Event()

    def message_added(self, message: Message) -> None:
        self.events.append(("added", message))

    def message_started(self, message: Message) -> None:
        self.events.append(("started", message))

    def message_delta(self, message_id: int, delta: str) -> None:
        self.events.append(("delta", (message_id, delta)))
        self.delta_seen.set()

    def message_finished(self, message: Message) -> None:
        self.events.append(("finished", message))

    def message_failed(self, message: Message) -> None:
        self.events.append(("failed", message))

    def messages_removed(self, conversation_id: str, message_ids: Sequence[int]) -> None:
        self.events.append(("removed", list(message_ids)))

    def names(self) -> list[str]:
        return [name for name, _ in self.events if name != "delta"]


class Tools:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def list_tools(self) -> list[ToolSpec]:
        return [ToolSpec("add", "Add two numbers", {"type": "object", "properties": {"a": {}, "b": {}}})]

    async def call(self, name: str, arguments: dict[str, Any]) -> str:
        self.calls.append((name, arguments))
        return str(arguments["a"] + arguments["b"])


class Approver:
    def __init__(self, answer: bool, gate: asyncio.Event | None = None) -> None:
        self.answer = answer
        self.gate = gate
        self.asked: list[ToolCall] = []

    async def approve(self, call: Any) -> bool:
        self.asked.append(call)
        if self.gate is not None:
            await self.gate.wait()
        return self.answer


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def repo(store, clock: FakeClock) -> JournalingRepo:  # type: ignore[no-untyped-def]
    return JournalingRepo(store.sessions, clock)


@pytest.fixture
def streamer(clock: FakeClock) -> ScriptedStreamer:
    return ScriptedStreamer(clock)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def service(repo: JournalingRepo, streamer: ScriptedStreamer, clock: FakeClock, recorder: Recorder) -> ChatService:
    chat = ChatService(repo, streamer, clock, 0.25, sleep=clock.sleep, default_model=MODEL, local_model=LOCAL)
    chat.add_listener(recorder)
    return chat


def contents(repo: ChatRepository, conversation_id: str) -> list[tuple[str, str, str]]:
    return [(m.role.value, m.content, m.status.value) for m in repo.messages_page(conversation_id, limit=1000)]


@pytest.mark.asyncio
async def test_send_stores_both_messages_and_streams(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer, recorder: Recorder
) -> None:
    conversation = await service.create_conversation(system_prompt="Be kind.", temperature=0.2)
    repo.save_draft(conversation.id, "Hello there")
    streamer.add(text("Hi"), text(", you."), finish(prompt=7, completion=3, cost=0.002))
    answer = await service.send(conversation.id, "Hello there")
    assert (answer.content, answer.status, answer.model, answer.finish_reason) == (
        "Hi, you.",
        MessageStatus.COMPLETE,
        MODEL,
        "stop",
    )
    assert (answer.prompt_tokens, answer.completion_tokens, answer.cost) == (7, 3, 0.002)
    assert contents(repo, conversation.id) == [
        ("user", "Hello there", "complete"),
        ("assistant", "Hi, you.", "complete"),
    ]
    assert repo.get_draft(conversation.id) is None  # sent text is not restored as a draft
    assert recorder.names()[:3] == ["added", "started", "finished"]
    assert [d for name, d in recorder.events if name == "delta"] == [(answer.id, "Hi"), (answer.id, ", you.")]
    messages, settings = streamer.requests[0]
    assert [(m.role, m.content) for m in messages] == [("user", "Hello there")]
    assert (settings.model, settings.system_prompt, settings.temperature) == (MODEL, "Be kind.", 0.2)
    titled = await service.get_conversation(conversation.id)
    assert titled.title == "Hello there"
    totals = await service.totals(conversation.id)
    assert (totals.total_tokens, totals.cost) == (10, 0.002)


@pytest.mark.asyncio
async def test_user_message_is_stored_before_the_request(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer
) -> None:
    conversation = await service.create_conversation()
    seen: list[list[tuple[str, str, str]]] = []

    class Peeking(ScriptedStreamer):
        async def stream(self, messages: list[Any], settings: Any) -> AsyncIterator[ChatChunk]:
            seen.append(contents(repo, conversation.id))
            yield text("fine")

    service._streamer = Peeking(FakeClock())
    await service.send(conversation.id, "store me first")
    assert seen == [[("user", "store me first", "complete"), ("assistant", "", "streaming")]]


@pytest.mark.asyncio
async def test_journal_writes_at_least_every_interval_but_not_per_chunk(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer
) -> None:
    conversation = await service.create_conversation()
    steps: list[Any] = []
    for i in range(40):
        steps += [Advance(0.1), text(f"t{i} ")]
    streamer.add(*steps, finish())
    answer = await service.send(conversation.id, "long answer please")
    full = "".join(f"t{i} " for i in range(40))
    assert answer.content == full
    times = [t for t, _ in repo.journal]
    # 4 s of streaming at one chunk per 0.1 s: about one write per 0.25-0.3 s, never one per chunk.
    assert 12 <= len(times) <= 17, times
    gaps = [b - a for a, b in zip([0.0, *times], times, strict=False)]
    assert max(gaps) <= 0.25 + 0.1 + 1e-9  # never more than the interval plus one chunk's wait
    assert min(gaps) >= 0.25 - 1e-9  # and never more often than the interval
    texts = [t for _, t in repo.journal]
    assert all(full.startswith(t) for t in texts)
    assert texts == sorted(texts, key=len)


@pytest.mark.asyncio
async def test_text_is_journaled_on_time_even_when_the_stream_stalls(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer, clock: FakeClock, recorder: Recorder
) -> None:
    conversation = await service.create_conversation()
    release = asyncio.Event()
    streamer.add(text("first words"), release, text(" and the rest"), finish())
    task = asyncio.ensure_future(service.send(conversation.id, "go"))
    await asyncio.wait_for(recorder.delta_seen.wait(), 5)
    assert repo.journal == []
    clock.advance(0.3)  # the stream says nothing for a while: the timer writes what arrived
    await asyncio.wait_for(repo.journaled.wait(), 5)
    assert repo.journal == [(pytest.approx(0.3), "first words")]
    release.set()
    answer = await asyncio.wait_for(task, 5)
    assert answer.content == "first words and the rest"


@pytest.mark.asyncio
async def test_stop_keeps_partial_text_as_cancelled(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer, recorder: Recorder
) -> None:
    conversation = await service.create_conversation()
    streamer.add(text("Partial "), asyncio.Event(), text("never"))
    task = asyncio.ensure_future(service.send(conversation.id, "tell me"))
    await asyncio.wait_for(recorder.delta_seen.wait(), 5)
    assert service.is_busy(conversation.id)
    with pytest.raises(ChatError, match="still arriving"):
        await service.send(conversation.id, "another")
    assert service.stop(conversation.id)
    answer = await asyncio.wait_for(task, 5)
    assert (answer.content, answer.status) == ("Partial ", MessageStatus.CANCELLED)
    assert streamer.closed == 1
    assert not service.is_busy(conversation.id)
    assert contents(repo, conversation.id)[-1] == ("assistant", "Partial ", "cancelled")
    assert repo.require_message(answer.id).can_continue
    assert not service.stop(conversation.id)


@pytest.mark.asyncio
async def test_shutdown_saves_the_answer_as_interrupted(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer, recorder: Recorder
) -> None:
    conversation = await service.create_conversation()
    streamer.add(text("Half"), asyncio.Event())
    task = asyncio.ensure_future(service.send(conversation.id, "tell me"))
    await asyncio.wait_for(recorder.delta_seen.wait(), 5)
    service.shutdown()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert contents(repo, conversation.id)[-1] == ("assistant", "Half", "interrupted")


@pytest.mark.asyncio
async def test_failure_before_any_text_is_failed_with_the_error(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer, recorder: Recorder
) -> None:
    conversation = await service.create_conversation()
    streamer.add(AIConnectionError("Scripted", "http://127.0.0.1:9"))
    answer = await service.send(conversation.id, "anyone there?")
    assert answer.status is MessageStatus.FAILED
    assert answer.error.startswith("Could not connect to Scripted")
    assert contents(repo, conversation.id)[0] == ("user", "anyone there?", "complete")
    assert recorder.names()[-1] == "failed"


@pytest.mark.asyncio
async def test_break_mid_stream_is_interrupted_then_continue_appends(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer
) -> None:
    conversation = await service.create_conversation()
    streamer.add(text("The capital of France "), StreamInterruptedError("Scripted", "The capital of France "))
    broken = await service.send(conversation.id, "capital of France?")
    assert (broken.status, broken.content) == (MessageStatus.INTERRUPTED, "The capital of France ")
    assert "broke off" in broken.error
    assert broken.can_continue
    streamer.add(text("is Paris."), finish(prompt=20, completion=3, cost=0.001))
    continued = await service.continue_(broken.id)
    assert continued.id == broken.id
    assert (continued.content, continued.status, continued.error) == (
        "The capital of France is Paris.",
        MessageStatus.COMPLETE,
        "",
    )
    messages, _ = streamer.requests[-1]
    assert [(m.role, m.content) for m in messages] == [
        ("user", "capital of France?"),
        ("assistant", "The capital of France "),
    ]
    assert continued.prompt_tokens == 20
    assert len(contents(repo, conversation.id)) == 2
    with pytest.raises(ChatError, match="stopped early"):
        await service.continue_(continued.id)


@pytest.mark.asyncio
async def test_regenerate_replaces_the_answer(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer, recorder: Recorder
) -> None:
    conversation = await service.create_conversation()
    streamer.add(text("first try"), finish())
    first = await service.send(conversation.id, "joke please")
    streamer.add(text("second try"), finish())
    second = await service.regenerate(first.id)
    assert second.content == "second try"
    assert repo.get_message(first.id) is None
    assert ("removed", [first.id]) in recorder.events
    assert contents(repo, conversation.id) == [
        ("user", "joke please", "complete"),
        ("assistant", "second try", "complete"),
    ]
    assert [(m.role, m.content) for m in streamer.requests[-1][0]] == [("user", "joke please")]
    with pytest.raises(ChatError, match="Only an answer"):
        await service.regenerate(repo.messages_page(conversation.id)[0].id)


@pytest.mark.asyncio
async def test_edit_and_resend_drops_what_followed(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer
) -> None:
    conversation = await service.create_conversation()
    await service.send(conversation.id, "first question")
    await service.send(conversation.id, "second question")
    first_question = repo.messages_page(conversation.id)[0]
    streamer.add(text("new answer"), finish())
    answer = await service.edit_and_resend(first_question.id, "better first question")
    assert answer.content == "new answer"
    assert contents(repo, conversation.id) == [
        ("user", "better first question", "complete"),
        ("assistant", "new answer", "complete"),
    ]
    assert [(m.role, m.content) for m in streamer.requests[-1][0]] == [("user", "better first question")]


@pytest.mark.asyncio
async def test_retry_a_failed_answer(service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer) -> None:
    conversation = await service.create_conversation()
    streamer.add(AIConnectionError("Scripted"))
    failed = await service.send(conversation.id, "hello?")
    streamer.add(text("hello!"), finish())
    answer = await service.retry(failed.id)
    assert contents(repo, conversation.id) == [("user", "hello?", "complete"), ("assistant", "hello!", "complete")]
    assert answer.status is MessageStatus.COMPLETE


@pytest.mark.asyncio
async def test_tool_call_allowed_runs_and_the_model_is_asked_again(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer
) -> None:
    tools, approver = Tools(), Approver(True)
    service.set_tools(tools, approver)
    conversation = await service.create_conversation()
    streamer.add(*tool_call("call_1", "add", '{"a": 2, "b": 40}'), finish("tool_calls"))
    streamer.add(text("It is 42."), finish())
    answer = await service.send(conversation.id, "what is 2 + 40?")
    assert answer.content == "It is 42."
    assert tools.calls == [("add", {"a": 2, "b": 40})]
    assert [c.name for c in approver.asked] == ["add"]
    page = repo.messages_page(conversation.id)
    assert [(m.role, m.content) for m in page] == [
        (Role.USER, "what is 2 + 40?"),
        (Role.ASSISTANT, ""),
        (Role.TOOL, "42"),
        (Role.ASSISTANT, "It is 42."),
    ]
    assert page[1].tool_calls[0].name == "add" and page[1].finish_reason == "tool_calls"
    assert page[2].tool_call_id == "call_1"
    assert [t.name for t in streamer.requests[0][1].tools] == ["add"]
    second_request = streamer.requests[1][0]
    assert [m.role for m in second_request] == ["user", "assistant", "tool"]
    assert second_request[1].tool_calls == (ToolCall("call_1", "add", '{"a": 2, "b": 40}'),)
    assert second_request[2].tool_call_id == "call_1"


@pytest.mark.asyncio
async def test_tool_call_denied_is_not_run(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer
) -> None:
    tools = Tools()
    service.set_tools(tools, Approver(False))
    conversation = await service.create_conversation()
    streamer.add(*tool_call("call_9", "add", '{"a": 1, "b": 1}'), finish("tool_calls"))
    streamer.add(text("Understood, I will not."), finish())
    answer = await service.send(conversation.id, "add 1 and 1")
    assert tools.calls == []
    assert [m.content for m in repo.messages_page(conversation.id) if m.role is Role.TOOL] == [TOOL_DENIED]
    assert answer.content == "Understood, I will not."


@pytest.mark.asyncio
async def test_tool_rounds_are_bounded(service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer) -> None:
    service.set_tools(Tools(), Approver(True))
    service.max_tool_rounds = 2
    conversation = await service.create_conversation()
    for i in range(3):
        streamer.add(*tool_call(f"call_{i}", "add", '{"a": 1, "b": 2}'), finish("tool_calls"))
    answer = await service.send(conversation.id, "loop forever")
    assert "2 rounds" in answer.error
    assert len(streamer.requests) == 3


@pytest.mark.asyncio
async def test_stop_while_a_tool_waits_for_approval(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer
) -> None:
    gate = asyncio.Event()
    approver = Approver(True, gate)
    service.set_tools(Tools(), approver)
    conversation = await service.create_conversation()
    streamer.add(*tool_call("call_1", "add", '{"a": 1, "b": 2}'), finish("tool_calls"))
    task = asyncio.ensure_future(service.send(conversation.id, "add"))
    while not approver.asked:
        await asyncio.sleep(0.01)
    service.stop(conversation.id)
    result = await asyncio.wait_for(task, 5)
    assert result.tool_calls and result.role is Role.ASSISTANT
    assert not service.is_busy(conversation.id)
    # The unanswered call is not sent with the next question.
    streamer.add(text("ok"), finish())
    await service.send(conversation.id, "never mind")
    assert [m.role for m in streamer.requests[-1][0]] == ["user", "user"]


@pytest.mark.asyncio
async def test_offline_messages_queue_and_flush_in_order(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer, recorder: Recorder
) -> None:
    online = False
    service.set_reachability(lambda model: online or model.startswith("local:"))
    conversation = await service.create_conversation()
    first = await service.send(conversation.id, "first while offline")
    second = await service.send(conversation.id, "second while offline")
    assert (first.status, second.status) == (MessageStatus.QUEUED, MessageStatus.QUEUED)
    assert streamer.requests == []
    assert await service.flush_outbox() == 0  # still offline: nothing moves
    online = True
    streamer.add(text("answer one"), finish())
    streamer.add(text("answer two"), finish())
    assert await service.flush_outbox() == 2
    assert contents(repo, conversation.id) == [
        ("user", "first while offline", "complete"),
        ("assistant", "answer one", "complete"),
        ("user", "second while offline", "complete"),
        ("assistant", "answer two", "complete"),
    ]
    assert [m.content for m in streamer.requests[0][0]] == ["first while offline"]
    assert [m.content for m in streamer.requests[1][0]] == ["first while offline", "answer one", "second while offline"]
    assert repo.queued_messages() == []


@pytest.mark.asyncio
async def test_a_new_message_waits_behind_queued_ones(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer
) -> None:
    online = False
    service.set_reachability(lambda model: online)
    conversation = await service.create_conversation()
    await service.send(conversation.id, "queued first")
    online = True
    streamer.add(text("to the first"), finish())
    streamer.add(text("to the second"), finish())
    result = await service.send(conversation.id, "sent second")
    assert (result.role, result.content) == (Role.ASSISTANT, "to the second")  # sent by the flush, in order
    assert [c for _, c, _ in contents(repo, conversation.id)] == [
        "queued first",
        "to the first",
        "sent second",
        "to the second",
    ]


@pytest.mark.asyncio
async def test_queued_message_answered_on_device(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer
) -> None:
    service.set_reachability(lambda model: model.startswith("local:"))
    conversation = await service.create_conversation(fallback_models=("other/model",))
    queued = await service.send(conversation.id, "offline question")
    streamer.add(ChatChunk(text="local answer", model=LOCAL), finish())
    answer = await service.answer_locally(queued.id)
    assert (answer.content, answer.status) == ("local answer", MessageStatus.COMPLETE)
    settings = streamer.requests[-1][1]
    assert (settings.model, settings.fallback_models) == (LOCAL, ())
    assert repo.require_message(queued.id).status is MessageStatus.COMPLETE
    with pytest.raises(ChatError, match="outbox"):
        await service.answer_locally(queued.id)


@pytest.mark.asyncio
async def test_json_mode_flags_an_answer_that_is_not_json(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer
) -> None:
    conversation = await service.create_conversation(json_mode=True)
    streamer.add(text('{"ok": true}'), finish())
    good = await service.send(conversation.id, "json please")
    assert good.error == "" and streamer.requests[-1][1].json_mode
    streamer.add(text("not json"), finish())
    bad = await service.send(conversation.id, "json again")
    assert bad.status is MessageStatus.COMPLETE and "not valid JSON" in bad.error


@pytest.mark.asyncio
async def test_store_calls_go_through_run_blocking(repo: JournalingRepo, streamer: ScriptedStreamer) -> None:
    calls: list[str] = []

    async def in_executor(fn: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(fn.__name__)
        return await asyncio.get_running_loop().run_in_executor(None, lambda: fn(*args, **kwargs))

    service = ChatService(repo, streamer, run_blocking=in_executor, default_model=MODEL)
    conversation = await service.create_conversation()
    answer = await service.send(conversation.id, "threaded")
    assert answer.content == "OK"
    assert {"create_conversation", "_ask", "update_message"} <= set(calls)  # _ask: the question with its answer row


@pytest.mark.asyncio
async def test_history_window_and_images(
    service: ChatService, repo: JournalingRepo, streamer: ScriptedStreamer
) -> None:
    service.history_limit = 3
    conversation = await service.create_conversation()
    for i in range(3):
        await service.send(conversation.id, f"q{i}")
    await service.send(conversation.id, "look", images=("data:image/png;base64,AAAA",))
    messages = streamer.requests[-1][0]
    assert [m.content for m in messages] == ["q2", "OK", "look"]
    assert messages[-1].images[0].url == "data:image/png;base64,AAAA"


@pytest.mark.asyncio
async def test_empty_message_and_missing_model_are_refused(repo: JournalingRepo, streamer: ScriptedStreamer) -> None:
    service = ChatService(repo, streamer)
    conversation = await service.create_conversation()
    with pytest.raises(ChatError, match="empty"):
        await service.send(conversation.id, "   ")
    with pytest.raises(ChatError, match="Choose a model"):
        await service.send(conversation.id, "hi")
    assert repo.messages_page(conversation.id) == []


@pytest.mark.asyncio
async def test_drafts_are_saved_within_the_delay_and_restored(
    service: ChatService, repo: JournalingRepo, clock: FakeClock
) -> None:
    conversation = await service.create_conversation()
    saver = DraftSaver(service.save_draft, delay=0.4, sleep=clock.sleep)
    for text_so_far in ("H", "He", "Hel", "Hello"):
        saver.changed(conversation.id, text_so_far)
        clock.advance(0.1)
        await asyncio.sleep(0)
    assert repo.get_draft(conversation.id) is None  # typing fast: not one write per key
    clock.advance(0.1)  # 0.4 s after the first unsaved change
    for _ in range(5):
        await asyncio.sleep(0)
    assert await service.draft(conversation.id) == "Hello"
    saver.changed(conversation.id, "Hello wor")
    await saver.flush()  # switching conversation: written now
    assert await service.draft(conversation.id) == "Hello wor"
    saver.changed(conversation.id, "Hello world")
    saver.discard(conversation.id)  # sent instead
    clock.advance(1)
    await asyncio.sleep(0)
    assert await service.draft(conversation.id) == "Hello wor"


@pytest.mark.asyncio
async def test_conversation_list_delete_undo_and_recover(
    service: ChatService, repo: JournalingRepo, recorder: Recorder
) -> None:
    first = await service.create_conversation(title="first")
    second = await service.create_conversation(title="second")
    streaming = repo.add_message(first.id, Role.ASSISTANT, "cut off", status=MessageStatus.STREAMING)
    deleted = await service.delete_conversation(second.id)
    assert deleted.deleted_at is not None
    assert [c.id for c in await service.list_conversations()] == [first.id]
    await service.restore_conversation(second.id)  # undo
    assert {c.id for c in await service.list_conversations()} == {first.id, second.id}
    await service.delete_conversation(second.id)
    assert await service.recover(bin_days=0) == 1
    assert repo.require_message(streaming.id).status is MessageStatus.INTERRUPTED
    assert repo.get_conversation(second.id) is None  # purged from the bin
    assert [h.message_id for h in await service.search("cut")] == [streaming.id]


@pytest.mark.asyncio
async def test_a_late_stop_never_cancels_the_caller(service: ChatService, streamer: ScriptedStreamer) -> None:
    conversation = await service.create_conversation()

    class StopWhenDone(ChatListener):
        def message_finished(self, message: Message) -> None:
            assert service.stop(message.conversation_id)  # the answer is complete already

    service.add_listener(StopWhenDone())
    answer = await service.send(conversation.id, "quick one")
    assert answer.status is MessageStatus.COMPLETE
    await asyncio.sleep(0.01)  # no stray CancelledError lands here
    assert not service.is_busy(conversation.id)


class BurstStreamer:
    """Many chunks from one network read: handed over without ever waiting (each costs a little CPU time)."""

    def __init__(self, count: int) -> None:
        self.count = count

    async def stream(self, messages: list[Any], settings: Any) -> AsyncIterator[ChatChunk]:
        import time

        for number in range(self.count):
            time.sleep(0.001)  # parsing and handling one chunk, as CPU time the event loop cannot use
            yield text(f"t{number} ")
        yield finish()


@pytest.mark.asyncio
async def test_a_burst_of_chunks_does_not_hold_the_event_loop(repo: JournalingRepo, clock: FakeClock) -> None:
    service = ChatService(repo, BurstStreamer(60), clock, 0.25, sleep=clock.sleep, default_model=MODEL)
    conversation = await service.create_conversation()
    turns = 0

    async def other_work() -> None:  # e.g. the GUI's timers and paints, on the same loop
        nonlocal turns
        while True:
            turns += 1
            await asyncio.sleep(0)

    seen_at_delta: list[int] = []  # how many turns the other work had when each piece of text arrived

    class Watch(ChatListener):
        def message_delta(self, message_id: int, delta: str) -> None:
            seen_at_delta.append(turns)

    service.add_listener(Watch())
    other = asyncio.ensure_future(other_work())
    answer = await service.send(conversation.id, "go")
    other.cancel()
    assert answer.content.count("t") == 60 and len(seen_at_delta) == 60
    assert seen_at_delta[-1] - seen_at_delta[0] >= 3  # 60 ms of chunks: the loop got turns in between
