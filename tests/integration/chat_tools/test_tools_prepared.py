"""Writing in a conversation gets its tools ready (ChatToolbox.prepare → ConnectorsService.prepare): the MCP
servers of the tools it offers start before the model asks for a call (the first call of a session waited ~1 s for
the MCP library's import and the server's start). Nothing is called; a server the user turned off, one that signs
in with OAuth (its start may open the browser), and the tools of a conversation that offers none are left alone.
Against the SDK test server over streamable HTTP, on a real profile."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from tests.integration.chat_tools.toolrig import ScriptedApprover
from tests.integration.chat_tools.toolrig import recording_mcp as _recording_mcp  # noqa: F401
from tests.support.connectors import ConnectorsRig, RigFactory
from tests.support.connectors import open_connectors as _open_connectors  # noqa: F401
from tests.support.mcp_tool_server import HttpToolServer, RecordingServer
from vector_desktop.core import make_chat_toolbox
from vector_desktop.domain.connectors import ConnectorState, McpServerDraft, McpTransport
from vector_desktop.domain.tool_policy import ConversationTools
from vector_desktop.services.chat.pending_tools import PendingTools
from vector_desktop.services.chat_tools.toolbox import ChatToolbox


def state(rig: ConnectorsRig, key: str) -> ConnectorState:
    return next(info.state for info in rig.service.connectors() if info.key == key)


async def until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "never happened"
        await asyncio.sleep(0.02)


def servers_known_but_stopped(open_connectors: RigFactory, *drafts: McpServerDraft) -> tuple[ConnectorsRig, list[str]]:
    """The servers added and their tools fetched once (kept in the profile), then the app opened again: known
    tools, no session (servers start on first use)."""
    first = open_connectors()
    keys = []
    for draft in drafts:
        config = first.run(first.service.add_mcp_server(draft))
        first.run(first.service.refresh(config.key))
        keys.append(config.key)
    first.close()
    rig = open_connectors()
    assert [state(rig, key) for key in keys] == [ConnectorState.STOPPED] * len(keys)
    assert all(rig.service.tools(key) for key in keys)
    return rig, keys


def toolbox_of(rig: ConnectorsRig) -> ChatToolbox:
    return make_chat_toolbox(rig.core, rig.runtime, rig.service, ScriptedApprover())


@pytest.fixture(name="stopped_server")
def stopped_server(
    recording_mcp: tuple[RecordingServer, HttpToolServer], open_connectors: RigFactory
) -> tuple[RecordingServer, ConnectorsRig, str]:
    """One server over HTTP, its tools known, not started."""
    server, http = recording_mcp
    rig, (key,) = servers_known_but_stopped(open_connectors, McpServerDraft("Tools", McpTransport.HTTP, url=http.url))
    return server, rig, key


@pytest.mark.asyncio
async def test_writing_starts_the_servers_of_the_offered_tools_and_calls_nothing(
    stopped_server: tuple[RecordingServer, ConnectorsRig, str],
) -> None:
    server, rig, key = stopped_server
    toolbox = toolbox_of(rig)
    await toolbox.prepare("conversation-1")
    await until(lambda: state(rig, key) is ConnectorState.READY)
    assert server.calls == []  # started, nothing run
    name = next(t.qualified_name for t in rig.service.tools(key) if t.name == "linear__list_issues")
    outcome = await toolbox.call("conversation-1", "c1", name, {"team_id": "team-a", "state": "open"})
    assert outcome.ran and '"ISS-1"' in outcome.text_for_model  # read-only: auto, on the session started ahead
    assert [called for called, _arguments in server.calls] == ["linear__list_issues"]


@pytest.mark.asyncio
async def test_servers_that_must_not_start_by_themselves_are_left_alone(
    recording_mcp: tuple[RecordingServer, HttpToolServer], open_connectors: RigFactory
) -> None:
    _server, http = recording_mcp
    rig, (plain, turned_off, oauth) = servers_known_but_stopped(
        open_connectors,
        McpServerDraft("Plain", McpTransport.HTTP, url=http.url),
        McpServerDraft("Off", McpTransport.HTTP, url=http.url),
        McpServerDraft("Signed", McpTransport.HTTP, url=http.url),
    )
    rig.run(rig.service.set_enabled(turned_off, False))
    config = next(c for c in rig.service.mcp_servers() if c.key == oauth)
    draft = McpServerDraft("Signed", McpTransport.HTTP, url=http.url, use_oauth=True)
    rig.run(rig.service.update_mcp_server(config.id, draft))
    toolbox = toolbox_of(rig)

    await toolbox.set_conversation_tools("offers-none", ConversationTools(mode="none"))
    await toolbox.prepare("offers-none")
    await asyncio.sleep(0.5)  # (a start would have begun by now)
    assert state(rig, plain) is ConnectorState.STOPPED

    await toolbox.prepare("offers-all")
    await until(lambda: state(rig, plain) is ConnectorState.READY)
    assert state(rig, turned_off) is ConnectorState.DISABLED
    assert state(rig, oauth) is ConnectorState.STOPPED  # never started: its sign-in is the user's to start


@pytest.mark.asyncio
async def test_writing_while_the_app_still_builds_its_tools_prepares_them_once_they_exist(
    stopped_server: tuple[RecordingServer, ConnectorsRig, str],
) -> None:
    _server, rig, key = stopped_server
    pending = PendingTools()  # what the chat service holds until gui_features has built the toolbox
    preparing = asyncio.ensure_future(pending.prepare("conversation-1"))
    await asyncio.sleep(0.2)
    assert not preparing.done() and state(rig, key) is ConnectorState.STOPPED
    pending.resolve(toolbox_of(rig))
    await asyncio.wait_for(preparing, 30)
    await until(lambda: state(rig, key) is ConnectorState.READY)
