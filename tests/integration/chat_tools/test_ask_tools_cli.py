"""`vector-desktop ask --tools [--yes]` as a child process: the scripted SSE server is the model, the SDK MCP test
server (added with `connectors add-mcp`) runs the tools; a call that would ask is refused without --yes."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.chat_tools.toolrig import recording_mcp as _recording_mcp  # noqa: F401
from tests.support.connectors import RigFactory, eventually
from tests.support.connectors import open_connectors as _open_connectors  # noqa: F401
from tests.support.fixtures_ai import sse_server as _sse_server_fixture  # noqa: F401
from tests.support.fixtures_mcp import MCP_STDIO_CWD
from tests.support.mcp_tool_server import HttpToolServer, RecordingServer
from tests.support.sse_server import DONE, Reply, ScriptedLLMServer, Write, chunk, sse, text_stream, usage_chunk
from vector_desktop.domain.chat import MessageStatus, Role
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.services.chat.chat_service import ChatService
from vector_desktop.store.chat_repository import ChatRepository

KEY = "sk-or-v1-cli-tools-0123456789abcdef"
CREATE = '{"input": {"title": "Crash on start", "team_id": "team-a"}}'


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vector_desktop", *args],
        env=env,
        cwd=MCP_STDIO_CWD,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
    )


def asks_for(server: ScriptedLLMServer, tool: str, arguments: str) -> Reply:
    """The model asks for the offered tool whose name ends with `tool` (read from the request it answers)."""

    def steps() -> Iterator[Write]:
        offered = [t["function"]["name"] for t in server.chat_requests()[-1].json.get("tools", [])]
        name = next((n for n in offered if n.endswith(tool)), tool)
        call = {"index": 0, "id": "call_1", "type": "function", "function": {"name": name, "arguments": arguments}}
        yield Write(sse(chunk("", role="assistant")))
        yield Write(sse(chunk(tool_calls=[call])))
        yield Write(sse(chunk(finish_reason="tool_calls")))
        yield Write(sse(usage_chunk()))
        yield Write(DONE)

    return Reply(steps=steps())


def test_ask_with_tools_refuses_a_call_that_asks_unless_yes(
    subprocess_env: dict[str, str],
    sse_server: ScriptedLLMServer,
    recording_mcp: tuple[RecordingServer, HttpToolServer],
    profile_dir: Path,
) -> None:
    server, http = recording_mcp
    env = {**subprocess_env, "OPENROUTER_API_KEY": KEY, "OPENROUTER_BASE_URL": sse_server.base_url}
    profile = ("--profile", str(profile_dir))
    added = run(env, "connectors", *profile, "add-mcp", "Tools", "--url", http.url)
    assert added.returncode == 0, added.stderr

    sse_server.add(asks_for(sse_server, "linear__create_issue", CREATE), text_stream(["I was not allowed."]))
    refused = run(env, "ask", *profile, "--tools", "File a bug")
    assert refused.returncode == 0, refused.stderr
    assert refused.stdout == "I was not allowed.\n"
    [line] = refused.stderr.splitlines()
    assert line.startswith("tool ") and line.endswith(
        "linear__create_issue: not allowed (ask; run with --yes to allow)"
    )
    assert server.calls == []

    sse_server.add(asks_for(sse_server, "linear__create_issue", CREATE), text_stream(["Filed ISS-100."]))
    allowed = run(env, "ask", *profile, "--tools", "--yes", "File a bug")
    assert allowed.returncode == 0, allowed.stderr
    assert allowed.stdout == "Filed ISS-100.\n"
    [line] = allowed.stderr.splitlines()
    assert line.startswith("tool ") and "linear__create_issue: succeeded in " in line and line.endswith(" ms")
    assert [name for name, _ in server.calls] == ["linear__create_issue"]

    sse_server.add(text_stream(["No tools here."]))
    plain = run(env, "ask", *profile, "Hello")
    assert (plain.returncode, plain.stdout, plain.stderr) == (0, "No tools here.\n", "")
    assert "tools" not in sse_server.chat_requests()[-1].json


@pytest.mark.asyncio
async def test_kill_9_during_a_tool_call_leaves_it_interrupted_and_not_run_again(
    subprocess_env: dict[str, str],
    sse_server: ScriptedLLMServer,
    recording_mcp: tuple[RecordingServer, HttpToolServer],
    open_connectors: RigFactory,
    profile_dir: Path,
) -> None:
    server, http = recording_mcp
    env = {**subprocess_env, "OPENROUTER_API_KEY": KEY, "OPENROUTER_BASE_URL": sse_server.base_url}
    profile = ("--profile", str(profile_dir))
    assert run(env, "connectors", *profile, "add-mcp", "Tools", "--url", http.url).returncode == 0
    sse_server.add(asks_for(sse_server, "slow_tool", '{"seconds": 60, "step": 0.5}'))
    child = subprocess.Popen(
        [sys.executable, "-m", "vector_desktop", "ask", *profile, "--tools", "--yes", "Be slow"],
        env=env,
        cwd=MCP_STDIO_CWD,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        eventually(lambda: [name for name, _ in server.calls] == ["slow_tool"], "the call reached the server")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    # The next start: the connectors mark their run interrupted, the chat marks its tool row interrupted.
    rig = open_connectors()
    [action] = rig.run(rig.service.history())
    assert action.status is ToolStatus.INTERRUPTED
    repo = ChatRepository(rig.core.store.sessions)
    [conversation] = repo.list_conversations()
    assert await ChatService(repo, sse_server_client_stub(), default_model="x").recover() == 1
    [row] = [m for m in repo.messages_page(conversation.id) if m.role is Role.TOOL]
    assert (row.status, row.can_retry_tool_call) == (MessageStatus.INTERRUPTED, True)
    assert [name for name, _ in server.calls] == ["slow_tool"]  # not run again
    assert len(sse_server.chat_requests()) == 1


def sse_server_client_stub() -> Any:
    """recover() streams nothing: no model client is needed for it."""
    return object()
