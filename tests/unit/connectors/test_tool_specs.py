"""Tool specs from wire-form MCP tools: safe unique qualified names, annotations, OpenAI entries and their cost."""

from __future__ import annotations

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from vector_desktop.domain.tools import ToolAnnotations
from vector_desktop.services.connectors.tool_specs import (
    NAME_PATTERN,
    openai_tool,
    qualified_name,
    tool_spec,
)

CREATE_ISSUE = {
    "name": "linear__create_issue",
    "title": "Create issue",
    "description": "Create an issue in Linear.",
    "inputSchema": {
        "type": "object",
        "properties": {"input": {"type": "object", "properties": {"title": {"type": "string"}}}},
        "required": ["input"],
    },
    "annotations": {"title": "Create Linear issue", "readOnlyHint": False, "destructiveHint": False},
}


def test_prefix_and_tool_joined_with_double_underscore() -> None:
    assert qualified_name("github", "create_pr", set()) == "github__create_pr"


def test_merge_tool_keeps_its_own_name_with_an_empty_prefix() -> None:
    assert qualified_name("", "linear__create_issue", set()) == "linear__create_issue"


def test_unsafe_characters_become_underscores() -> None:
    assert qualified_name("My Server", "files/read.v2", set()) == "My_Server__files_read_v2"


def test_too_long_name_is_cut_with_a_stable_hash_suffix() -> None:
    long_tool = "x" * 100
    name = qualified_name("server", long_tool, set())
    assert len(name) == 64
    assert NAME_PATTERN.fullmatch(name)
    assert name.startswith("server__xxx")
    assert name == qualified_name("server", long_tool, set())


def test_taken_name_gets_a_different_suffix() -> None:
    first = qualified_name("a", "b", set())
    second = qualified_name("a", "b", {first})
    third = qualified_name("a", "b", {first, second})
    assert first == "a__b"
    assert len({first, second, third}) == 3
    assert second.startswith("a__b_") and third.startswith("a__b_")


def test_tool_spec_maps_the_wire_form() -> None:
    spec = tool_spec("merge:linear", "", CREATE_ISSUE, set())
    assert spec.connector_key == "merge:linear"
    assert spec.name == spec.qualified_name == "linear__create_issue"
    assert spec.title == "Create issue"
    assert spec.input_schema == CREATE_ISSUE["inputSchema"]
    assert spec.output_schema is None
    assert spec.annotations == ToolAnnotations(title="Create Linear issue", read_only=False, destructive=False)
    assert spec.annotations.badges() == []
    assert spec.enabled


def test_token_cost_is_a_quarter_of_the_openai_entry_rounded_up() -> None:
    spec = tool_spec("mcp:1", "github", CREATE_ISSUE, set(), enabled=False)
    entry = openai_tool(spec)
    assert entry == {
        "type": "function",
        "function": {
            "name": "github__linear__create_issue",
            "description": "Create an issue in Linear.",
            "parameters": CREATE_ISSUE["inputSchema"],
        },
    }
    assert spec.token_cost == math.ceil(len(json.dumps(entry, ensure_ascii=False)) / 4)
    assert not spec.enabled


def test_tool_without_schema_or_description_still_makes_a_valid_entry() -> None:
    spec = tool_spec("mcp:2", "s", {"name": "ping", "annotations": {"readOnlyHint": True, "openWorldHint": "yes"}}, ())
    assert spec.input_schema == {"type": "object", "properties": {}}
    assert openai_tool(spec)["function"]["description"] == "ping"
    assert spec.annotations == ToolAnnotations(read_only=True)
    assert spec.token_cost > 0


names = st.text(min_size=0, max_size=90)


@given(st.lists(st.tuples(names, names), min_size=1, max_size=25))
def test_qualified_names_are_always_valid_unique_and_stable(tools: list[tuple[str, str]]) -> None:
    def assign() -> list[str]:
        taken: list[str] = []
        for prefix, tool in tools:
            taken.append(qualified_name(prefix, tool, set(taken)))
        return taken

    first = assign()
    assert all(NAME_PATTERN.fullmatch(name) for name in first)
    assert len(set(first)) == len(first)
    assert assign() == first
