"""Tool rounds through ChatService: the scripted OpenAI-compatible SSE server is the model, the SDK MCP test server
behind a real ConnectorsService runs the tools, the store is the profile's."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from typing import Any

import pytest
import pytest_asyncio

from tests.integration.chat_tools.toolrig import CHART_PNG, ToolRig
from tests.integration.chat_tools.toolrig import recording_mcp as _recording_mcp  # noqa: F401
from tests.integration.chat_tools.toolrig import tool_rig as _tool_rig  # noqa: F401
from tests.support.connectors import eventually
from tests.support.connectors import open_connectors as _open_connectors  # noqa: F401
from tests.support.fixtures_ai import collect_garbage_on_gui_thread as _gc_fixture  # noqa: F401
from tests.support.fixtures_ai import sse_server as _sse_server_fixture  # noqa: F401
from tests.support.jobs import Recorder as JobRecorder
from tests.support.sse_server import (
    DONE,
    ScriptedLLMServer,
    chunk,
    error_reply,
    split_bytes,
    sse,
    stream_of,
    text_stream,
    usage_chunk,
)
from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.providers import ProviderConfig
from vector_desktop.ai.types import LLMSettings
from vector_desktop.domain.chat import ChatListener, Message, MessageStatus, Role, ToolCallRecord
from vector_desktop.domain.jobs import JobState
from vector_desktop.domain.tool_policy import ConversationTools
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.jobs.pool import JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.services.chat_tools.long_calls import CHAT_TOOL_CALL, STOPPED_FROM_JOBS, LongCalls
from vector_desktop.store.chat_repository import ChatRepository
from vector_desktop.store.job_repository import JobRepository

SONNET = "anthropic/claude-sonnet-4.5"
LOCAL = "local:tiny"


class Recorder(ChatListener):
    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []

    def message_added(self, message: Message) -> None:
        self.events.append(("added", message))

    def message_changed(self, message: Message) -> None:
        self.events.append(("changed", message))

    def message_finished(self, message: Message) -> None:
        self.events.append(("finished", message))

    def message_failed(self, message: Message) -> None:
        self.events.append(("failed", message))

    def notice(self, conversation_id: str, text: str) -> None:
        self.events.append(("notice", (conversation_id, text)))

    def tool_events(self) -> list[tuple[str, MessageStatus, str]]:
        return [
            (name, m.status, m.finish_reason or "")
            for name, m in self.events
            if isinstance(m, Message) and m.role is Role.TOOL
        ]

    def notices(self) -> list[tuple[str, str]]:
        return [value for name, value in self.events if name == "notice"]


class OnDevice:
    """Stands in for the on-device model's streamer: the same scripted server under another model id."""

    def __init__(self, client: LLMClient) -> None:
        self.client = client

    def stream(self, messages: list[Any], settings: LLMSettings) -> AsyncIterator[Any]:
        return self.client.stream(messages, replace(settings, model=SONNET))


@pytest_asyncio.fixture
async def client(sse_server: ScriptedLLMServer) -> AsyncIterator[LLMClient]:
    llm = LLMClient([ProviderConfig.openrouter("sk-or-v1-tools-test-0123", sse_server.base_url)], max_retries=0)
    yield llm
    await llm.aclose()


@pytest.fixture
def repo(tool_rig: ToolRig) -> ChatRepository:
    return ChatRepository(tool_rig.connectors.core.store.sessions)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def service(repo: ChatRepository, client: LLMClient, tool_rig: ToolRig, recorder: Recorder) -> Iterator[ChatService]:
    chat = ChatService(
        repo, client, default_model=SONNET, tools=tool_rig.toolbox, local_model=LOCAL, local_streamer=OnDevice(client)
    )
    chat.add_listener(recorder)
    yield chat


def tool_call_reply(call_id: str, name: str, arguments: str) -> Any:
    """The model asks for one tool; id, name and arguments come in pieces and the bytes are cut mid-event."""
    cut = len(name) // 2
    events = b"".join(
        [
            sse(chunk("", role="assistant")),
            sse(chunk(tool_calls=[{"index": 0, "id": call_id, "type": "function", "function": {"name": name[:cut]}}])),
            sse(chunk(tool_calls=[{"index": 0, "function": {"name": name[cut:], "arguments": arguments[:3]}}])),
            sse(chunk(tool_calls=[{"index": 0, "function": {"arguments": arguments[3:7]}}])),
            sse(chunk(tool_calls=[{"index": 0, "function": {"arguments": arguments[7:]}}])),
            sse(chunk(finish_reason="tool_calls")),
            sse(usage_chunk(30, 10)),
            DONE,
        ]
    )
    return stream_of(*split_bytes(events, [17, 150, 151, 333, len(events) - 9], delay=0))


@pytest.mark.asyncio
async def test_a_full_tool_round(
    service: ChatService, tool_rig: ToolRig, sse_server: ScriptedLLMServer, repo: ChatRepository, recorder: Recorder
) -> None:
    name = tool_rig.name("jira__search")
    sse_server.add(tool_call_reply("call_1", name, '{"jql": "project = X"}'), text_stream(["No ", "issues."]))
    conversation = await service.create_conversation()
    assert await service.tools_for(conversation.id) == (
        len(await tool_rig.toolbox.list_tools(conversation.id)),
        sum(t.token_cost for t in await tool_rig.toolbox.list_tools(conversation.id)),
    )
    answer = await service.send(conversation.id, "Any issues in X?")
    assert (answer.content, answer.status) == ("No issues.", MessageStatus.COMPLETE)
    assert tool_rig.mcp.calls == [("jira__search", {"jql": "project = X"})]
    first, second = (r.json for r in sse_server.chat_requests())
    assert name in [t["function"]["name"] for t in first["tools"]]
    assert [m["role"] for m in second["messages"]] == ["user", "assistant", "tool"]
    assert second["messages"][1]["tool_calls"][0]["function"] == {"name": name, "arguments": '{"jql": "project = X"}'}
    assert json.loads(second["messages"][2]["content"]) == {"jql": "project = X", "issues": [], "total": 0}
    assert recorder.tool_events() == [
        ("added", MessageStatus.STREAMING, ""),
        ("finished", MessageStatus.COMPLETE, "succeeded"),
    ]
    page = repo.messages_page(conversation.id)
    assert [m.role for m in page] == [Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT]
    assert (page[2].tool_call_id, page[2].tool_name, page[2].parent_id, page[2].provider) == (
        "call_1",
        name,
        page[1].id,
        "Tools",
    )
    [action] = tool_rig.actions()
    assert page[2].duration_ms is not None and page[2].duration_ms == action.duration_ms


@pytest.mark.asyncio
async def test_a_tool_rows_duration_is_the_calls_own_not_the_time_spent_deciding(
    service: ChatService, tool_rig: ToolRig, sse_server: ScriptedLLMServer, repo: ChatRepository
) -> None:
    name = tool_rig.name("linear__create_issue")  # asks first
    arguments = '{"input": {"title": "T", "team_id": "team-a"}}'
    sse_server.add(tool_call_reply("call_1", name, arguments), text_stream(["Filed."]))
    tool_rig.approver.gate = asyncio.Event()
    conversation = await service.create_conversation()
    task = asyncio.ensure_future(service.send(conversation.id, "File it"))
    while not tool_rig.approver.requests:
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.6)  # the user reads the dialog
    tool_rig.approver.gate.set()
    await asyncio.wait_for(task, 30)
    [row] = [m for m in repo.messages_page(conversation.id) if m.role is Role.TOOL]
    assert row.created_at is not None and row.updated_at is not None and row.duration_ms is not None
    row_ms = (row.updated_at - row.created_at).total_seconds() * 1000
    [action] = tool_rig.actions()  # the connectors time the call alone
    assert row.duration_ms == action.duration_ms
    # The row was there while the dialog was open (0.6 s on the monotonic clock; the row's wall-clock stamps may
    # read a few microseconds less), and the call alone leaves that time out.
    assert row_ms - row.duration_ms >= 550


@pytest.mark.asyncio
async def test_a_failing_tool_and_a_tool_that_times_out(
    service: ChatService, tool_rig: ToolRig, sse_server: ScriptedLLMServer, repo: ChatRepository, recorder: Recorder
) -> None:
    tool_rig.toolbox.timeout = 0.5
    sse_server.add(
        tool_call_reply("call_1", tool_rig.name("failing_tool"), '{"reason": "Disk full."}'),
        text_stream(["It failed."]),
        tool_call_reply("call_2", tool_rig.name("slow_tool"), '{"seconds": 10, "step": 0.1}'),
        text_stream(["It was too slow."]),
    )
    conversation = await service.create_conversation()
    assert (await service.send(conversation.id, "Fail")).content == "It failed."
    assert (await service.send(conversation.id, "Be slow")).content == "It was too slow."
    rows = [m for m in repo.messages_page(conversation.id) if m.role is Role.TOOL]
    assert [(m.status, m.finish_reason) for m in rows] == [
        (MessageStatus.FAILED, "failed"),
        (MessageStatus.FAILED, "timed out"),
    ]
    assert "Disk full." in rows[0].error and rows[0].content.startswith("The tool")
    assert [e[0] for e in recorder.tool_events()] == ["added", "failed", "added", "failed"]
    tool_messages = [m for m in sse_server.chat_requests()[3].json["messages"] if m["role"] == "tool"]
    assert [m["content"] for m in tool_messages] == [rows[0].content, rows[1].content]


@pytest.mark.asyncio
async def test_a_call_cut_by_a_kill_is_interrupted_at_start_and_runs_again_only_on_retry(
    service: ChatService,
    tool_rig: ToolRig,
    sse_server: ScriptedLLMServer,
    repo: ChatRepository,
    client: LLMClient,
    recorder: Recorder,
) -> None:
    name = tool_rig.name("linear__create_issue")
    arguments = json.dumps({"input": {"title": "Crash", "team_id": "team-a"}})
    # What a kill -9 during the call leaves behind: the model's request, and the tool row still "streaming".
    conversation = repo.create_conversation(model=SONNET)
    question = repo.add_message(conversation.id, Role.USER, "File a bug")
    asked = repo.add_message(
        conversation.id,
        Role.ASSISTANT,
        "",
        parent_id=question.id,
        model=SONNET,
        finish_reason="tool_calls",
        tool_calls=(ToolCallRecord("call_1", name, arguments),),
    )
    left = repo.add_message(
        conversation.id,
        Role.TOOL,
        "",
        status=MessageStatus.STREAMING,
        tool_call_id="call_1",
        tool_name=name,
        parent_id=asked.id,
    )
    restarted = ChatService(repo, client, default_model=SONNET, tools=tool_rig.toolbox)
    restarted.add_listener(recorder)
    assert await restarted.recover() == 1
    row = repo.require_message(left.id)
    assert row.status is MessageStatus.INTERRUPTED and row.can_retry_tool_call
    assert tool_rig.mcp.calls == [] and sse_server.chat_requests() == []  # nothing ran again by itself
    sse_server.add(text_stream(["Filed ISS-100."]))
    answer = await restarted.retry_tool_call(row.id)
    assert answer.content == "Filed ISS-100."
    assert tool_rig.tools_called() == ["linear__create_issue"]
    assert len(tool_rig.approver.requests) == 1  # the policy applied again
    retried = repo.require_message(row.id)
    assert (retried.status, retried.finish_reason, retried.error) == (MessageStatus.COMPLETE, "succeeded", "")
    assert recorder.tool_events() == [
        ("changed", MessageStatus.STREAMING, ""),
        ("finished", MessageStatus.COMPLETE, "succeeded"),
    ]
    roles = [m["role"] for m in sse_server.chat_requests()[0].json["messages"]]
    assert roles == ["user", "assistant", "tool"]


@pytest.mark.asyncio
async def test_the_on_device_model_answers_without_tools_and_says_so_once(
    service: ChatService, sse_server: ScriptedLLMServer, recorder: Recorder
) -> None:
    conversation = await service.create_conversation(model=LOCAL)
    await service.send(conversation.id, "one")
    await service.send(conversation.id, "two")
    assert all("tools" not in r.json for r in sse_server.chat_requests())
    assert recorder.notices() == [
        (conversation.id, "The on-device model cannot use tools, so it answers without them.")
    ]
    assert await service.tools_for(conversation.id) == (0, 0)


@pytest.mark.asyncio
async def test_a_server_that_refuses_tools_gets_the_question_again_without_them(
    service: ChatService, sse_server: ScriptedLLMServer, recorder: Recorder
) -> None:
    sse_server.add(
        error_reply(404, 'No endpoints found that support tool use. Try disabling "tools".'),
        text_stream(["Plain answer."]),
        text_stream(["Second plain answer."]),
    )
    conversation = await service.create_conversation()
    first = await service.send(conversation.id, "one")
    second = await service.send(conversation.id, "two")
    assert (first.content, second.content) == ("Plain answer.", "Second plain answer.")
    assert ["tools" in r.json for r in sse_server.chat_requests()] == [True, False, False]
    assert recorder.notices() == [(conversation.id, f"{SONNET} does not accept tools, so it answers without them.")]


@pytest.mark.asyncio
async def test_the_conversations_tool_choice(
    service: ChatService, tool_rig: ToolRig, sse_server: ScriptedLLMServer, recorder: Recorder
) -> None:
    conversation = await service.create_conversation()
    name = tool_rig.name("jira__search")
    await service.set_conversation_tools(conversation.id, ConversationTools("chosen", frozenset({name})))
    assert await service.conversation_tools(conversation.id) == ConversationTools("chosen", frozenset({name}))
    assert (await service.tools_for(conversation.id))[0] == 1
    await service.send(conversation.id, "one")
    await service.set_conversation_tools(conversation.id, ConversationTools("none"))
    await service.send(conversation.id, "two")
    first, second = (r.json for r in sse_server.chat_requests())
    assert [t["function"]["name"] for t in first["tools"]] == [name]
    assert "tools" not in second and recorder.notices() == []
    assert name in [t.qualified_name for t in await service.tool_choices()]


@pytest.mark.asyncio
async def test_stop_during_a_tool_call(
    service: ChatService, tool_rig: ToolRig, sse_server: ScriptedLLMServer, repo: ChatRepository
) -> None:
    sse_server.add(tool_call_reply("call_1", tool_rig.name("slow_tool"), '{"seconds": 20, "step": 0.1}'))
    conversation = await service.create_conversation()
    task = asyncio.ensure_future(service.send(conversation.id, "Be slow"))
    while tool_rig.tools_called() != ["slow_tool"]:
        await asyncio.sleep(0.02)
    service.stop(conversation.id)
    result = await asyncio.wait_for(task, 30)
    assert result.role is Role.ASSISTANT and result.tool_calls
    [row] = [m for m in repo.messages_page(conversation.id) if m.role is Role.TOOL]
    assert (row.status, row.finish_reason, row.can_retry_tool_call) == (MessageStatus.CANCELLED, "cancelled", True)
    eventually(lambda: [a.status for a in tool_rig.actions()] == [ToolStatus.CANCELLED], "the run is cancelled")
    sse_server.add(text_stream(["ok"]))
    await service.send(conversation.id, "never mind")
    assert [m["role"] for m in sse_server.chat_requests()[-1].json["messages"]] == ["user", "user"]


@pytest.mark.asyncio
async def test_images_a_tool_returns_go_to_the_model_as_image_parts_after_the_results(
    service: ChatService, tool_rig: ToolRig, sse_server: ScriptedLLMServer, repo: ChatRepository
) -> None:
    name = tool_rig.name("render_chart")
    sse_server.add(tool_call_reply("call_1", name, '{"title": "Sales"}'), text_stream(["A rising line."]))
    conversation = await service.create_conversation()
    answer = await service.send(conversation.id, "Chart the sales")
    assert answer.content == "A rising line."
    [row] = [m for m in repo.messages_page(conversation.id) if m.role is Role.TOOL]
    assert row.images == (f"data:image/png;base64,{CHART_PNG}",)
    assert "is attached after these results" in row.content
    sent = sse_server.chat_requests()[1].json["messages"]
    assert [m["role"] for m in sent] == ["user", "assistant", "tool", "user"]
    parts = sent[-1]["content"]
    assert [p["type"] for p in parts] == ["text", "image_url"]
    assert parts[1]["image_url"]["url"] == f"data:image/png;base64,{CHART_PNG}"


@pytest.mark.asyncio
async def test_a_long_call_becomes_a_job_and_cancelling_the_job_stops_only_that_call(
    service: ChatService, tool_rig: ToolRig, sse_server: ScriptedLLMServer, repo: ChatRepository
) -> None:
    registry = TaskRegistry()
    pool = JobPool(registry, JobRepository(tool_rig.connectors.core.store.sessions), workers=1)
    jobs = JobRecorder()
    pool.add_listener(jobs)
    long_calls = LongCalls(pool, after_s=0.2)
    long_calls.register(registry)
    tool_rig.toolbox.long_calls = long_calls
    try:
        sse_server.add(
            tool_call_reply("call_1", tool_rig.name("slow_tool"), '{"seconds": 30, "step": 0.1}'),
            text_stream(["Stopped it."]),
        )
        conversation = await service.create_conversation()
        task = asyncio.ensure_future(service.send(conversation.id, "Be slow"))
        while not jobs.snapshots:
            await asyncio.sleep(0.02)
        job = jobs.snapshots[0]
        assert (job.task_name, job.title) == (CHAT_TOOL_CALL, f"Tool call: {tool_rig.name('slow_tool')}")
        await asyncio.get_running_loop().run_in_executor(None, jobs.wait_state, job.id, JobState.RUNNING)
        pool.cancel(job.id)
        answer = await asyncio.wait_for(task, 30)
        assert answer.content == "Stopped it."  # the answer went on
        [row] = [m for m in repo.messages_page(conversation.id) if m.role is Role.TOOL]
        assert (row.status, row.finish_reason, row.error) == (MessageStatus.FAILED, "cancelled", STOPPED_FROM_JOBS)
        told = sse_server.chat_requests()[1].json["messages"][-1]
        assert told["role"] == "tool" and "stopped this tool call (from the Jobs panel)" in told["content"]
        assert jobs.wait_finished(job.id).state is JobState.CANCELLED
        eventually(lambda: [a.status for a in tool_rig.actions()] == [ToolStatus.CANCELLED], "the run is cancelled")
        # A short call never becomes a job.
        sse_server.add(tool_call_reply("call_2", tool_rig.name("jira__search"), '{"jql": "x"}'), text_stream(["ok"]))
        await service.send(conversation.id, "Search")
        assert {s.id for s in jobs.snapshots} == {job.id}
    finally:
        pool.shutdown(2.0)
