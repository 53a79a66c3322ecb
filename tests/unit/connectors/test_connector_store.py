"""The connectors' store rows on a real SQLite store: MCP servers without secrets, Merge providers replaced by
detection, caches, toggles, state, and ConnectorToolAction rows (running before the call, interrupted after a
crash)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from vector_desktop.domain.connectors import (
    ActionFilter,
    ConnectorValidationError,
    McpServerDraft,
    McpTransport,
    MergeConnector,
    NamedValue,
)
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.store.connector_repository import ConnectorRepository
from vector_desktop.store.tool_action_repository import ToolActionRepository


@pytest.fixture
def repo(store: Any) -> ConnectorRepository:
    return ConnectorRepository(store.sessions)


def test_secret_values_never_reach_the_store(repo: ConnectorRepository, store: Any) -> None:
    draft = McpServerDraft(
        "GitHub",
        McpTransport.STDIO,
        command="npx",
        args=("-y", "@modelcontextprotocol/server-github"),
        env=(NamedValue("GITHUB_TOKEN", "ghp_TOPSECRETTOKEN1234567890", secret=True), NamedValue("MODE", "ro")),
    )
    server = repo.add_mcp_server(draft)
    assert server.env == (NamedValue("GITHUB_TOKEN", "", True), NamedValue("MODE", "ro", False))
    raw = sqlite3.connect(store.path).execute("select env_json, args_json from mcp_servers").fetchone()
    assert "TOPSECRET" not in raw[0] and json.loads(raw[1]) == ["-y", "@modelcontextprotocol/server-github"]
    with pytest.raises(ConnectorValidationError) as taken:
        repo.add_mcp_server(McpServerDraft("github", McpTransport.HTTP, url="https://x"))
    assert taken.value.field == "name"


def test_removing_a_server_drops_its_cache_and_toggles(repo: ConnectorRepository) -> None:
    server = repo.add_mcp_server(McpServerDraft("Files", McpTransport.STDIO, command="files-server"))
    repo.save_cache(server.key, "tools", [{"name": "read"}])
    repo.set_tools_enabled(server.key, ["read"], False)
    assert repo.load_cache(server.key, "tools") is not None
    assert repo.delete_mcp_server(server.id) == server
    assert repo.load_cache(server.key, "tools") is None
    assert repo.tool_enabled_map() == {}
    again = repo.add_mcp_server(McpServerDraft("Files", McpTransport.STDIO, command="files-server"))
    assert again.id != server.id  # ids are never reused (keychain entries are keyed by id)


def test_detection_replaces_merge_connectors_and_keeps_toggles(repo: ConnectorRepository) -> None:
    linear = MergeConnector("linear", "Linear", categories=("ticketing",), pack_tools=({"name": "create_issue"},))
    jira = MergeConnector("jira", "Jira", connected=True)
    repo.replace_merge_connectors([linear, jira])
    repo.set_connector_enabled("merge:jira", False)
    repo.save_cache("merge:linear", "tools", [{"name": "x"}])
    repo.replace_merge_connectors([jira])
    listed = repo.list_merge_connectors()
    assert [c.slug for c in listed] == ["jira"] and listed[0].connected and listed[0].refreshed_at is not None
    assert repo.load_cache("merge:linear", "tools") is None
    assert repo.connector_enabled_map() == {"merge:jira": False}
    repo.set_merge_connected("jira", False)
    assert not repo.list_merge_connectors()[0].connected


def test_state_values(repo: ConnectorRepository) -> None:
    assert repo.get_state("merge.registered_user_id") is None
    repo.set_state("merge.registered_user_id", "ru_1")
    repo.set_state("merge.registered_user_id", "ru_2")
    assert repo.get_state("merge.registered_user_id") == "ru_2"
    repo.set_state("merge.registered_user_id", None)
    assert repo.get_state("merge.registered_user_id") is None


def test_tool_actions_are_written_before_and_completed_after(store: Any) -> None:
    actions = ToolActionRepository(store.sessions)
    started = actions.start_action(
        connector_key="mcp:1",
        connector_name="Files",
        tool_name="read",
        qualified_name="files__read",
        arguments={"path": "/tmp/a"},
        origin="cli",
        allowed_by="you, on the command line",
    )
    assert started.status is ToolStatus.RUNNING and actions.get_action(started.id) == started
    done = actions.finish_action(
        started.id, status=ToolStatus.SUCCEEDED, duration_ms=12, summary="ok", result_json='{"value": 1}',
        result_truncated=False, error="",
    )  # fmt: skip
    assert done.status is ToolStatus.SUCCEEDED and done.finished_at is not None and done.duration_ms == 12
    cut = actions.start_action(
        connector_key="merge:linear", connector_name="Linear", tool_name="linear__create_issue",
        qualified_name="linear__create_issue", arguments={}, origin="panel", allowed_by="you",
    )  # fmt: skip
    assert actions.mark_interrupted("The app stopped.") == 1
    assert actions.get_action(cut.id).status is ToolStatus.INTERRUPTED  # type: ignore[union-attr]
    assert [a.id for a in actions.list_actions()] == [cut.id, started.id]
    assert [a.id for a in actions.list_actions(ActionFilter(connector_key="mcp:1"))] == [started.id]
    assert [a.id for a in actions.list_actions(ActionFilter(status=ToolStatus.INTERRUPTED))] == [cut.id]
    assert [a.id for a in actions.list_actions(ActionFilter(text="create"))] == [cut.id]
