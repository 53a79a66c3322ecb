"""The connectors service end to end on a temp profile, against the SDK-built tool server (streamable HTTP and
stdio) and the loopback Merge: servers added, tools live then cached offline, toggles kept, runs recorded with
scrubbed arguments, a killed stdio server restarted, list_changed, removal, and the Merge pack's connectors."""

from __future__ import annotations

import json
import os
import signal
from typing import Any

import pytest

from tests.support.connectors import ConnectorsRig, RigFactory, eventually
from tests.support.connectors import connectors_rig as _connectors_rig  # noqa: F401
from tests.support.connectors import open_connectors as _open_connectors  # noqa: F401
from tests.support.fixtures_mcp import MCP_STDIO_CWD, stdio_command
from tests.support.fixtures_mcp import mcp_http_server as _mcp_http_server  # noqa: F401
from tests.support.fixtures_mcp import mcp_tool_server as _mcp_tool_server  # noqa: F401
from tests.support.fixtures_merge import merge_server as _merge_server  # noqa: F401
from tests.support.mcp_tool_server import MAGIC_LINK_URL
from tests.support.merge_server import PRODUCTION_KEY, MergeServer
from vector_desktop.domain.connectors import (
    ActionFilter,
    ConnectorState,
    ConnectorTimeout,
    ConnectorUnavailable,
    ConnectorValidationError,
    McpServerConfig,
    McpServerDraft,
    McpTransport,
    NamedValue,
    ToolNotFound,
)
from vector_desktop.domain.connectors_api import ALLOWED_IN_PANEL
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.services.connectors.process_registry import process_info
from vector_desktop.store.connector_repository import ConnectorRepository

SECRET = "sk-live-abcdefghijklmnop0123456789"
MERGE_TOOLS = {"merge:linear": ["linear__create_issue", "linear__list_issues"], "merge:jira": ["jira__search"]}


def add_http(rig: ConnectorsRig, url: str, name: str = "Tools") -> McpServerConfig:
    headers = (NamedValue("Authorization", f"Bearer {SECRET}", secret=True), NamedValue("X-Team", "ops"))
    return rig.run(rig.service.add_mcp_server(McpServerDraft(name, McpTransport.HTTP, url=url, headers=headers)))


def add_stdio(rig: ConnectorsRig, name: str = "Local", *extra: str) -> McpServerConfig:
    command, args = stdio_command(*extra)
    env = (NamedValue("API_KEY", SECRET, secret=True),)
    draft = McpServerDraft(name, McpTransport.STDIO, command=command, args=tuple(args), env=env, cwd=MCP_STDIO_CWD)
    return rig.run(rig.service.add_mcp_server(draft))


def info(rig: ConnectorsRig, key: str) -> Any:
    return next(i for i in rig.service.connectors() if i.key == key)


def call(rig: ConnectorsRig, name: str, arguments: dict[str, Any], **options: Any) -> Any:
    return rig.run(rig.service.call_tool(name, arguments, origin="panel", allowed_by=ALLOWED_IN_PANEL, **options))


def alive(pid: int) -> bool:
    found = process_info(pid)
    return found is not None and not found.zombie


def test_an_http_server_is_added_fetched_toggled_and_read_back_offline(
    mcp_http_server: str, open_connectors: RigFactory
) -> None:
    rig = open_connectors()
    server = add_http(rig, mcp_http_server)
    assert rig.secrets() == {f"MCP_SERVER:{server.id}:header:Authorization": f"Bearer {SECRET}"}
    assert server.headers[0] == NamedValue("Authorization", "", secret=True)
    added = info(rig, server.key)
    assert (added.state, added.tool_count, added.detail) == (ConnectorState.STOPPED, 0, mcp_http_server)

    tools = rig.run(rig.service.ensure_tools(server.key))
    names = [t.qualified_name for t in tools]
    assert "Tools__linear__create_issue" in names and "Tools__add_tool" in names
    create = next(t for t in tools if t.name == "linear__create_issue")
    assert create.input_schema["required"] == ["input"] and create.token_cost > 0
    assert (create.annotations.read_only, create.annotations.destructive) == (False, False)
    ready = info(rig, server.key)
    assert (ready.state, ready.tool_count, ready.enabled_tool_count) == (ConnectorState.READY, len(tools), len(tools))
    assert ("tools", server.key) in rig.listener.events

    rig.run(rig.service.set_tools_enabled(server.key, ["linear__create_issue", "jira__search"], False))
    assert {t.name for t in rig.service.tools(server.key) if not t.enabled} == {"linear__create_issue", "jira__search"}
    rig.run(rig.service.set_enabled(server.key, False))
    assert info(rig, server.key).state is ConnectorState.DISABLED
    rig.close()

    again = open_connectors(offline=True)
    cached = again.service.tools(server.key)  # right after open(): from the cache, no network
    assert [t.qualified_name for t in cached] == names
    assert {t.name for t in cached if not t.enabled} == {"linear__create_issue", "jira__search"}
    shown = info(again, server.key)
    assert (shown.state, shown.enabled, shown.tool_count, shown.enabled_tool_count) == (
        ConnectorState.DISABLED,
        False,
        len(names),
        len(names) - 2,
    )
    again.run(again.service.set_enabled(server.key, True))
    # A server on this machine (a loopback URL) needs no network: being offline does not stop it.
    assert (info(again, server.key).state, info(again, server.key).needs_network) == (ConnectorState.STOPPED, False)
    assert again.run(again.service.ensure_tools(server.key)) == cached
    assert info(again, server.key).state is ConnectorState.READY

    # One on another machine is not contacted while offline; what was fetched before is still listed.
    remote = again.run(
        again.service.add_mcp_server(McpServerDraft("Remote", McpTransport.HTTP, url="https://mcp.example.invalid/mcp"))
    )
    remote_tool = {"name": "search", "description": "Search.", "inputSchema": {"type": "object"}}
    ConnectorRepository(again.core.store.sessions).save_cache(remote.key, "tools", [remote_tool])  # fetched before
    again.close()
    third = open_connectors(offline=True)
    shown = info(third, remote.key)
    assert (shown.state, shown.needs_network, shown.tool_count) == (ConnectorState.OFFLINE, True, 1)
    assert [t.name for t in third.run(third.service.ensure_tools(remote.key))] == ["search"]  # the cache answers
    with pytest.raises(ConnectorUnavailable, match="offline"):
        third.run(third.service.restart(remote.key))


def test_runs_are_recorded_with_scrubbed_arguments(mcp_http_server: str, open_connectors: RigFactory) -> None:
    rig = open_connectors()
    server = add_http(rig, mcp_http_server)
    arguments = {"input": {"title": f"Rotate the key {SECRET}", "team_id": "team-a", "priority": "high"}}

    done = call(rig, "Tools__linear__create_issue", arguments)
    assert done.result.status is ToolStatus.SUCCEEDED
    assert done.result.value["issue"]["priority"] == "high"
    row = rig.run(rig.service.action(done.action.id))
    assert row is not None and row.status is ToolStatus.SUCCEEDED
    assert row.arguments == {"input": {"title": "Rotate the key [REDACTED]", "team_id": "team-a", "priority": "high"}}
    assert SECRET not in (row.result_json or "") and SECRET not in row.summary
    assert json.loads(row.result_json or "")["issue"]["team_id"] == "team-a"
    assert (row.connector_key, row.connector_name, row.tool_name, row.origin, row.allowed_by) == (
        server.key,
        "Tools",
        "linear__create_issue",
        "panel",
        ALLOWED_IN_PANEL,
    )
    assert row.duration_ms is not None and row.finished_at is not None

    listed = call(rig, "Tools__linear__list_issues", {"team_id": "team-a"})
    assert [issue["id"] for issue in listed.result.value["results"]] == ["ISS-1", "ISS-2", "ISS-100"]
    assert listed.action.summary == "3 results"

    failed = call(rig, "Tools__failing_tool", {"reason": "The printer is on fire."})
    assert failed.result.status is ToolStatus.FAILED
    assert failed.action.status is ToolStatus.FAILED and "The printer is on fire." in failed.action.error

    auth = call(rig, "Tools__needs_auth_tool", {})
    assert auth.result.status is ToolStatus.NEEDS_AUTH and auth.result.auth is not None
    assert auth.result.auth.magic_link_url == MAGIC_LINK_URL
    assert auth.action.status is ToolStatus.NEEDS_AUTH

    progress_before = len(rig.listener.of("progress"))
    slow = call(rig, "Tools__slow_tool", {"seconds": 0.3, "step": 0.1})
    progress = rig.listener.of("progress")[progress_before:]
    assert [p.action_id for p in progress] == [slow.action.id] * 3
    assert [p.message for p in progress] == ["step 1 of 3", "step 2 of 3", "step 3 of 3"]

    with pytest.raises(ConnectorTimeout):
        call(rig, "Tools__slow_tool", {"seconds": 5, "step": 1}, timeout=0.3)
    with pytest.raises(ToolNotFound):
        call(rig, "Tools__no_such_tool", {})

    history = rig.run(rig.service.history())
    assert [a.status for a in history] == [
        ToolStatus.TIMED_OUT,
        ToolStatus.SUCCEEDED,
        ToolStatus.NEEDS_AUTH,
        ToolStatus.FAILED,
        ToolStatus.SUCCEEDED,
        ToolStatus.SUCCEEDED,
    ]
    assert history[0].error.endswith(".") and history[0].finished_at is not None
    only_failed = rig.run(rig.service.history(ActionFilter(status=ToolStatus.FAILED)))
    assert [a.tool_name for a in only_failed] == ["failing_tool"]
    assert ("actions", None) in rig.listener.events


def test_a_stdio_server_runs_is_restarted_when_killed_and_stops_with_the_app(open_connectors: RigFactory) -> None:
    rig = open_connectors()
    server = add_stdio(rig)
    tools = rig.run(rig.service.ensure_tools(server.key))
    assert "Local__linear__list_issues" in [t.qualified_name for t in tools]
    assert info(rig, server.key).state is ConnectorState.READY
    records = rig.service._registry.records()
    assert [r.label for r in records] == ["Local"]
    first = records[0].pid
    assert alive(first)
    log = rig.run(rig.service.server_log(server.key))
    assert any(line.level == "stderr" and "ready on stdio" in line.text for line in log)

    os.kill(first, signal.SIGKILL)
    eventually(lambda: info(rig, server.key).state is ConnectorState.FAILED or not alive(first), "noticed the kill")
    eventually(
        lambda: (
            info(rig, server.key).state is ConnectorState.READY
            and [r.pid for r in rig.service._registry.records()] not in ([], [first])
        ),
        "restarted by itself",
    )
    second = rig.service._registry.records()[0].pid
    assert second != first and alive(second)
    assert call(rig, "Local__jira__search", {"jql": "project = X"}).result.value["jql"] == "project = X"

    rig.close()
    eventually(lambda: not alive(second), "the child stopped with the app")
    assert rig.service._registry.records() == []


def test_automatic_restarts_stop_after_a_few_and_the_user_can_restart(open_connectors: RigFactory) -> None:
    rig = open_connectors()  # three automatic restarts (FAST_RESTARTS)
    server = add_stdio(rig)
    rig.run(rig.service.ensure_tools(server.key))

    def pids() -> list[int]:
        return [r.pid for r in rig.service._registry.records()]

    for _ in range(3):
        [pid] = pids()
        os.kill(pid, signal.SIGKILL)
        eventually(lambda pid=pid: pids() not in ([], [pid]), "restarted")  # type: ignore[misc]
        eventually(lambda: info(rig, server.key).state is ConnectorState.READY, "ready again")
    [last] = pids()
    os.kill(last, signal.SIGKILL)
    eventually(lambda: info(rig, server.key).state is ConnectorState.FAILED, "given up")
    failed = info(rig, server.key)
    assert "stopped" in failed.error and pids() == []
    managed = rig.service._servers.get(server.key)

    async def restart_planned() -> bool:  # read on the loop, after the handler that set FAILED has finished
        return managed is not None and managed.restart_task is not None

    assert not rig.run(restart_planned())

    rig.run(rig.service.restart(server.key))
    assert info(rig, server.key).state is ConnectorState.READY and len(pids()) == 1


def test_a_stdio_server_that_cannot_start_says_why(open_connectors: RigFactory) -> None:
    rig = open_connectors()
    server = add_stdio(rig, "Broken", "--exit-at-once")
    assert rig.run(rig.service.ensure_tools(server.key)) == []
    failed = info(rig, server.key)
    assert failed.state is ConnectorState.FAILED and failed.has_error
    assert "MERGE_TEST_TOKEN is not set" in failed.error + " ".join(failed.stderr_tail)


def test_list_changed_refetches_the_tools_and_logs_are_kept(mcp_http_server: str, open_connectors: RigFactory) -> None:
    rig = open_connectors()
    server = add_http(rig, mcp_http_server)
    rig.run(rig.service.ensure_tools(server.key))
    before = rig.listener.of("tools").count(server.key)
    call(rig, "Tools__add_tool", {"name": "fresh_tool"})
    eventually(
        lambda: "Tools__fresh_tool" in [t.qualified_name for t in rig.service.tools(server.key)], "new tool listed"
    )
    assert rig.listener.of("tools").count(server.key) > before
    assert call(rig, "Tools__fresh_tool", {"text": "hi"}).result.text == "fresh_tool: hi"
    cached = rig.service._store.load_cache(server.key, "tools")
    assert cached is not None and "fresh_tool" in [t["name"] for t in cached.items]

    call(rig, "Tools__log_tool", {"count": 2, "level": "warning"})
    logged = [(line.level, line.text) for line in rig.run(rig.service.server_log(server.key))]
    assert logged[-2:] == [("warning", "log line 1"), ("warning", "log line 2")]
    assert [line.text for line in rig.listener.of("log")][-2:] == ["log line 1", "log line 2"]


def test_removing_a_server_deletes_its_keychain_entries_and_history_stays(
    mcp_http_server: str, open_connectors: RigFactory
) -> None:
    rig = open_connectors()
    http = add_http(rig, mcp_http_server)
    local = add_stdio(rig)
    assert len(rig.secrets()) == 2
    call(rig, "Tools__jira__search", {"jql": "x"})
    rig.run(rig.service.remove(http.key))
    assert rig.secrets() == {f"MCP_SERVER:{local.id}:env:API_KEY": SECRET}
    assert [i.key for i in rig.service.connectors()] == [local.key]
    assert rig.service.tools(http.key) == []
    assert [a.tool_name for a in rig.run(rig.service.history())] == ["jira__search"]
    with pytest.raises(ConnectorValidationError):
        rig.run(rig.service.remove("merge:linear"))


def test_updating_a_server_keeps_or_replaces_its_secrets(mcp_http_server: str, open_connectors: RigFactory) -> None:
    rig = open_connectors()
    server = add_http(rig, mcp_http_server)
    rig.run(rig.service.ensure_tools(server.key))
    kept = McpServerDraft(
        "Renamed", McpTransport.HTTP, url=mcp_http_server, headers=(NamedValue("Authorization", "", secret=True),)
    )
    rig.run(rig.service.update_mcp_server(server.id, kept))
    assert rig.secrets() == {f"MCP_SERVER:{server.id}:header:Authorization": f"Bearer {SECRET}"}
    assert info(rig, server.key).state is ConnectorState.STOPPED  # restarts with the new settings on next use
    assert "Renamed__jira__search" in [t.qualified_name for t in rig.run(rig.service.ensure_tools(server.key))]
    plain = McpServerDraft("Renamed", McpTransport.HTTP, url=mcp_http_server, headers=(NamedValue("X-Team", "a"),))
    rig.run(rig.service.update_mcp_server(server.id, plain))
    assert rig.secrets() == {}


def test_importing_a_document_moves_secrets_to_the_keychain(mcp_http_server: str, open_connectors: RigFactory) -> None:
    rig = open_connectors()
    command, args = stdio_command()
    document = {
        "mcpServers": {
            "remote": {"type": "http", "url": mcp_http_server, "headers": {"Authorization": f"Bearer {SECRET}"}},
            "local": {"command": command, "args": args, "cwd": MCP_STDIO_CWD, "env": {"GITHUB_TOKEN": SECRET}},
        }
    }
    imported = rig.run(rig.service.import_mcp_servers(json.dumps(document)))
    assert [s.name for s in imported] == ["remote", "local"]
    assert sorted(rig.secrets()) == [
        f"MCP_SERVER:{imported[0].id}:header:Authorization",
        f"MCP_SERVER:{imported[1].id}:env:GITHUB_TOKEN",
    ]
    assert SECRET not in json.dumps([str(s) for s in rig.service.mcp_servers()])
    fetched = rig.run(rig.service.ensure_tools())
    remote = [t.name for t in fetched if t.connector_key == imported[0].key]
    assert (
        "linear__create_issue" in remote and [t.name for t in fetched if t.connector_key == imported[1].key] == remote
    )
    with pytest.raises(ConnectorValidationError) as taken:
        rig.run(rig.service.import_mcp_servers(json.dumps(document)))
    assert taken.value.field == "json" and "already a server named “remote”" in str(taken.value)


def test_merge_connectors_detected_connected_and_read_offline(
    merge_server: MergeServer, open_connectors: RigFactory
) -> None:
    user = merge_server.add_user(authenticated=("linear",))
    environ = merge_server.settings(MERGE_REGISTERED_USER_ID=user)
    rig = open_connectors(environ=environ)
    assert rig.service.merge_configured() and rig.service.connectors() == []
    rig.run(rig.service.start())
    shown = rig.service.connectors()
    assert [i.key for i in shown] == ["merge:linear", "merge:jira", "merge:slack", "merge:google_drive", "merge:notion"]
    assert [i.state for i in shown[:2]] == [ConnectorState.READY, ConnectorState.NOT_CONNECTED]
    assert shown[0].detail == "ticketing, project_management" and shown[0].icon_url.endswith("linear.png")
    assert [t.qualified_name for t in rig.service.tools("merge:linear")] == MERGE_TOOLS["merge:linear"]
    assert rig.service.tools("merge:jira") == []  # not connected: nothing to run yet

    issues = call(rig, "linear__list_issues", {"state": "open"})
    assert issues.result.status is ToolStatus.SUCCEEDED and issues.action.connector_name == "Linear"
    mcp_calls = [r for r in merge_server.requests if r.path.endswith("/mcp")]
    assert mcp_calls and all(r.authorization == f"Bearer {PRODUCTION_KEY}" for r in mcp_calls)

    link = rig.run(rig.service.connect_link("jira"))
    assert not rig.run(rig.service.wait_connected("jira", timeout=0.3, interval=0.1))
    assert merge_server.visit(link) == 200
    assert rig.run(rig.service.wait_connected("jira", timeout=20, interval=0.1))
    assert info(rig, "merge:jira").state is ConnectorState.READY
    assert [t.qualified_name for t in rig.service.tools("merge:jira")] == MERGE_TOOLS["merge:jira"]

    rig.run(rig.service.disconnect("jira"))
    assert merge_server.authenticated(user) == ["linear"]
    assert info(rig, "merge:jira").state is ConnectorState.NOT_CONNECTED
    assert rig.service.tools("merge:jira") == []
    rig.run(rig.service.set_enabled("merge:slack", False))
    assert info(rig, "merge:slack").state is ConnectorState.DISABLED
    rig.close()

    offline = open_connectors(environ=environ, offline=True)
    merge_server.clear_requests()
    offline.run(offline.service.start())
    states = [i.state for i in offline.service.connectors()]
    assert states == [ConnectorState.OFFLINE] * 2 + [ConnectorState.DISABLED] + [ConnectorState.OFFLINE] * 2
    assert [t.qualified_name for t in offline.service.tools("merge:linear")] == MERGE_TOOLS["merge:linear"]
    assert merge_server.requests == []


def test_merge_errors_are_kept_for_the_panel(merge_server: MergeServer, open_connectors: RigFactory) -> None:
    rig = open_connectors(environ=merge_server.settings(MERGE_ACCESS_KEY="ah_live_wrong_key_0000000000000"))
    rig.run(rig.service.start())
    assert rig.service.connectors() == []
    assert rig.service.merge_error.endswith(".") and "wrong_key" not in rig.service.merge_error
