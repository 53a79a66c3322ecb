"""The Permissions tab's models over plain domain values: qtmodeltester on each, in-place updates, search, edits,
and the rule editor's line-by-line matcher check."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt

from vector_desktop.domain.connectors import ConnectorInfo, ConnectorKind, ConnectorState
from vector_desktop.domain.tool_policy import ArgumentMatcher, Grant, GrantScope, MatchOp, Policy, PolicyRule
from vector_desktop.domain.tools import ToolAnnotations, ToolSpec
from vector_desktop.presentation.tool_policy.permissions_models import GrantColumn, GrantsModel, RuleColumn, RulesModel
from vector_desktop.presentation.tool_policy.permissions_viewmodel import check_matchers
from vector_desktop.presentation.tool_policy.policy_tree_model import (
    PolicyColumn,
    PolicyFilterProxy,
    PolicyState,
    PolicyTreeModel,
)

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
LINEAR = ConnectorInfo(key="merge:linear", kind=ConnectorKind.MERGE, name="Linear", state=ConnectorState.READY)
DEMO = ConnectorInfo(key="mcp:1", kind=ConnectorKind.MCP_HTTP, name="demo", state=ConnectorState.READY)


def tool(key: str, name: str, description: str = "", **notes: Any) -> ToolSpec:
    return ToolSpec(key, name, f"{key.split(':')[1]}__{name}", description, annotations=ToolAnnotations(**notes))


def test_policy_tree_model_rows_edits_and_search(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = PolicyTreeModel()
    proxy = PolicyFilterProxy()
    proxy.setSourceModel(model)
    search = tool("merge:linear", "search_issues", "Find issues", read_only=True)
    delete = tool("merge:linear", "delete_issue", "Delete an issue", destructive=True)
    echo = dataclasses.replace(tool("mcp:1", "echo", "Says it back"), enabled=False)
    state = PolicyState(
        connectors=[LINEAR, DEMO],
        tools=[search, delete, echo],
        choices={("merge:linear", "delete_issue"): Policy.DENY, ("mcp:1", ""): Policy.AUTO},
        untrusted=frozenset({"mcp:1"}),
        effective={
            search.qualified_name: (Policy.AUTO, "read-only tool"),
            delete.qualified_name: (Policy.DENY, "your policy for this tool"),
            echo.qualified_name: (Policy.ASK, "untrusted connector"),
        },
    )
    model.set_state(state)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    linear = model.index(0, 0)
    assert model.rowCount(linear) == 2 and model.rowCount(model.index(1, 0)) == 1
    assert model.index(0, PolicyColumn.EFFECTIVE).data() == "1 auto · 1 deny"
    assert model.index(1, PolicyColumn.CHOICE).data() == "Auto"
    assert model.index(1, PolicyColumn.TRUSTED).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(1, PolicyColumn.WHY).data().startswith("Not trusted")
    assert model.index(1, PolicyColumn.CHOICE, linear).data() == "Deny"
    assert model.index(0, PolicyColumn.WHY, model.index(1, 0)).data() == (
        "Untrusted connector (turned off: not offered to the model)"
    )
    assert model.index(0, PolicyColumn.TRUSTED, linear).data(Qt.ItemDataRole.CheckStateRole) is None
    asked: list[tuple[Any, ...]] = []
    model.policy_requested.connect(lambda *args: asked.append(args))
    model.trust_requested.connect(lambda *args: asked.append(args))
    assert model.setData(model.index(0, PolicyColumn.CHOICE, linear), "ask")
    assert not model.setData(model.index(0, PolicyColumn.CHOICE, linear), "sometimes")
    assert model.setData(
        model.index(1, PolicyColumn.TRUSTED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert asked == [("merge:linear", "search_issues", Policy.ASK), ("mcp:1", True)]
    assert model.index(0, PolicyColumn.CHOICE, linear).data() == "Ask"
    # Same shape: rows change in place, no reset.
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    effective = dict(state.effective)
    effective[search.qualified_name] = (Policy.ASK, "your policy for this tool")
    model.set_state(PolicyState(state.connectors, state.tools, state.choices, frozenset(), effective))
    assert resets == [] and model.index(0, PolicyColumn.EFFECTIVE, linear).data() == "Ask"
    assert model.index(0, PolicyColumn.EFFECTIVE).data() == "1 ask · 1 deny"
    proxy.set_search("delete")
    assert proxy.rowCount() == 1 and proxy.rowCount(proxy.index(0, 0)) == 1
    proxy.set_search("linear")  # a matching connector shows all its tools
    assert proxy.rowCount() == 1 and proxy.rowCount(proxy.index(0, 0)) == 2
    qtmodeltester.check(proxy)
    model.set_state(PolicyState([DEMO], [echo], {}, frozenset(), {}))
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_grants_and_rules_models(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    grants = GrantsModel()
    grants.set_grants(
        [
            Grant(1, "linear__delete_issue", "merge:linear", GrantScope.CONVERSATION, "c-9", created_at=NOW),
            Grant(2, "demo__echo", "mcp:1", GrantScope.HOUR, expires_at=NOW, created_at=NOW),
        ],
        {"linear__delete_issue": "delete_issue"},
        {"merge:linear": "Linear"},
        {"c-9": "Trip plans"},
    )
    qtmodeltester.check(grants)
    assert [grants.index(0, column).data() for column in (0, 1, 2, 3, 4)] == [
        "delete_issue",
        "Linear",
        "In one conversation",
        "Trip plans",
        "Never",
    ]
    assert grants.index(1, GrantColumn.TOOL).data() == "demo__echo"  # a tool gone from its connector
    assert grants.index(1, GrantColumn.EXPIRES).data() != ""
    rules = RulesModel()
    rules.set_rules(
        [
            PolicyRule(1, "jira__*", Policy.AUTO),
            PolicyRule(
                2, "*", Policy.ASK, "merge:linear", (ArgumentMatcher("input.team", MatchOp.ONE_OF, ["A", "B"]),)
            ),
        ],
        {"merge:linear": "Linear"},
    )
    qtmodeltester.check(rules)
    assert [rules.index(0, column).data() for column in RuleColumn] == [
        "jira__*",
        "Any",
        "(any arguments)",
        "Allow",
        "",
    ]
    assert rules.index(1, RuleColumn.MATCHERS).data() == 'input.team in ["A", "B"]'
    assert rules.index(1, RuleColumn.CONNECTOR).data() == "Linear"


def test_matcher_lines_are_checked_one_by_one() -> None:
    checked = check_matchers("input.a == 1\n\ninput.b ~ 2\n input.c exists ")
    assert checked.matchers == (
        ArgumentMatcher("input.a", MatchOp.EQUALS, 1),
        ArgumentMatcher("input.c", MatchOp.EXISTS),
    )
    assert list(checked.errors) == [2] and "is not a comparison" in checked.errors[2]
    assert not checked.ok and check_matchers("").ok
