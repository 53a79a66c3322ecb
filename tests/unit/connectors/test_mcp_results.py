"""MCP tool results read into ToolResults: structured content first, JSON text parsed, Merge's auth requests."""

from __future__ import annotations

import json
from typing import Any

import mcp_types as types

from vector_desktop.domain.tools import ToolStatus
from vector_desktop.services.connectors.mcp_results import refused_call, tool_result


def result(text: str, *, is_error: bool = False, structured: dict[str, Any] | None = None) -> types.CallToolResult:
    return types.CallToolResult(
        content=[types.TextContent(text=text)], is_error=is_error, structured_content=structured
    )


def read(call: types.CallToolResult, tool: str = "linear__create_issue") -> Any:
    return tool_result(call, server_name="Merge", tool_name=tool, duration_ms=12)


def test_structured_content_is_preferred_over_the_text() -> None:
    got = read(result('{"a": 1}', structured={"results": [1, 2]}))
    assert got.status is ToolStatus.SUCCEEDED
    assert got.structured == {"results": [1, 2]}
    assert got.text == '{"a": 1}'
    assert got.duration_ms == 12


def test_text_is_parsed_as_json_when_it_parses_and_kept_as_text_otherwise() -> None:
    assert read(result('[{"id": "ISS-1"}]')).value == [{"id": "ISS-1"}]
    plain = read(result("Created ISS-1."))
    assert plain.structured is None
    assert plain.value == "Created ISS-1."


def test_error_result_fails_with_a_sentence_from_its_first_line() -> None:
    got = read(result("Team not found.\nTrace: ...", is_error=True))
    assert got.status is ToolStatus.FAILED
    assert got.error == "Merge reported an error: Team not found."


def test_merge_reauth_error_needs_auth_with_its_link() -> None:
    payload = {"error": "reauth_required", "message": "Connect Linear.", "magic_link_url": "https://m/x/"}
    got = read(result(json.dumps(payload), is_error=True))
    assert got.status is ToolStatus.NEEDS_AUTH
    assert got.auth is not None
    assert (got.auth.connector, got.auth.message, got.auth.magic_link_url) == (
        "linear",
        "Connect Linear.",
        "https://m/x/",
    )
    assert got.error == "Connect Linear."


def test_nested_error_object_with_a_link_token_needs_auth() -> None:
    payload = {"error": {"type": "authentication_required", "link_token": "lt-1", "connector": "jira"}}
    got = read(result(json.dumps(payload), is_error=True), tool="search")
    assert got.status is ToolStatus.NEEDS_AUTH
    assert got.auth is not None
    assert (got.auth.connector, got.auth.link_token) == ("jira", "lt-1")
    assert got.error == "Connect jira to use this tool."


def test_a_successful_result_that_merely_contains_a_link_is_a_success() -> None:
    got = read(result(json.dumps({"magic_link_url": "https://m/x/"})))
    assert got.status is ToolStatus.SUCCEEDED
    assert got.auth is None


def test_refused_call_is_a_failed_result_naming_the_server() -> None:
    got = refused_call("GitHub", "Unknown tool: nope\nmore", 5)
    assert got.status is ToolStatus.FAILED
    assert got.error == "GitHub refused the call: Unknown tool: nope"
