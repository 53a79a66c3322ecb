"""The Connectors panel's models over real domain objects: qtmodeltester on each, filters, search, toggles, results."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt

from vector_desktop.domain.connectors import ConnectorInfo, ConnectorKind, ConnectorState, ToolAction
from vector_desktop.domain.tools import ToolAnnotations, ToolSpec, ToolStatus
from vector_desktop.presentation.connectors.connectors_models import (
    ConnectorColumn,
    ConnectorsFilterProxy,
    ConnectorsModel,
    SubtitleRole,
)
from vector_desktop.presentation.connectors.result_model import (
    JsonTreeModel,
    RecordsModel,
    records_of,
    records_tsv,
)
from vector_desktop.presentation.tools.history_model import HistoryColumn, HistoryFilterProxy, HistoryModel
from vector_desktop.presentation.tools.tools_model import ToolColumn, ToolsFilterProxy, ToolsModel

LINEAR = ConnectorInfo(
    key="merge:linear",
    kind=ConnectorKind.MERGE,
    name="Linear",
    state=ConnectorState.READY,
    connected=True,
    tool_count=12,
    enabled_tool_count=10,
    detail="Ticketing",
)
JIRA = ConnectorInfo(key="merge:jira", kind=ConnectorKind.MERGE, name="Jira", state=ConnectorState.NOT_CONNECTED)
DEMO = ConnectorInfo(
    key="mcp:1",
    kind=ConnectorKind.MCP_STDIO,
    name="demo",
    state=ConnectorState.FAILED,
    enabled=False,
    error="The server stopped: command not found.",
    detail="npx demo-server",
)


def spec(key: str, name: str, description: str = "", enabled: bool = True, cost: int = 40) -> ToolSpec:
    prefix = key.split(":", 1)[1]
    return ToolSpec(
        connector_key=key,
        name=name,
        qualified_name=f"{prefix}__{name}",
        description=description,
        annotations=ToolAnnotations(read_only=True),
        token_cost=cost,
        enabled=enabled,
    )


def action(action_id: int, tool: str, status: ToolStatus, key: str = "merge:linear", summary: str = "") -> ToolAction:
    return ToolAction(
        id=action_id,
        connector_key=key,
        connector_name="Linear" if key == "merge:linear" else "demo",
        tool_name=tool,
        qualified_name=f"linear__{tool}",
        arguments={"input": {"title": "x"}},
        status=status,
        origin="panel",
        allowed_by="you, in the Connectors panel",
        started_at=datetime(2026, 12, 1, 10, action_id, tzinfo=UTC),
        duration_ms=1500 if status.finished else None,
        summary=summary,
    )


def test_connectors_model_rows_filters_and_search(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ConnectorsModel()
    proxy = ConnectorsFilterProxy()
    proxy.setSourceModel(model)
    model.set_connectors([LINEAR, JIRA, DEMO])
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    assert model.index(0, ConnectorColumn.NAME).data() == "Linear"
    assert model.index(0, 0).data(SubtitleRole) == "Ready · 12 tools (10 enabled)"
    assert model.index(2, ConnectorColumn.ERROR).data() == "The server stopped: command not found."

    def names() -> list[str]:
        return [str(proxy.index(row, 0).data()) for row in range(proxy.rowCount())]

    proxy.set_filters(connected=True)
    assert names() == ["Linear"]
    proxy.set_filters(connected=False, errors=True)
    assert names() == ["demo"]
    proxy.set_filters(errors=False, enabled=True)
    assert names() == ["Linear", "Jira"]
    proxy.set_filters(enabled=False)
    proxy.set_search("npx")
    assert names() == ["demo"]
    proxy.set_search("")
    # the same keys again: rows change in place, the selection a view holds survives
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_connectors([LINEAR, JIRA.__class__(**{**JIRA.__dict__, "state": ConnectorState.READY}), DEMO])
    assert not resets
    assert model.index(1, ConnectorColumn.STATE).data() == "Ready"
    model.set_connectors([DEMO])
    assert resets == [1]
    qtmodeltester.check(proxy)


def test_tools_model_search_toggle_and_bulk(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ToolsModel()
    proxy = ToolsFilterProxy()
    proxy.setSourceModel(model)
    tools = [
        spec("merge:linear", "create_issue", "Create an issue in a Linear team."),
        spec("merge:linear", "list_issues", "List issues, newest first."),
        spec("mcp:1", "search", "Full-text search over the wiki.", enabled=False),
    ]
    model.set_tools(tools, {"merge:linear": "Linear", "mcp:1": "demo"})
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    toggles: list[tuple[str, list[str], bool]] = []
    model.toggle_requested.connect(lambda key, names, on: toggles.append((key, names, on)))

    def shown() -> list[str]:
        return [str(proxy.index(row, ToolColumn.TOOL).data()) for row in range(proxy.rowCount())]

    proxy.set_search("ISSUE")
    assert shown() == ["create_issue", "list_issues"]
    proxy.set_search("issue newest")
    assert shown() == ["list_issues"]
    proxy.set_search("wiki")
    assert shown() == ["search"]
    proxy.set_search("demo")  # the connector's name counts
    assert shown() == ["search"]
    proxy.set_search("")
    proxy.set_connector("merge:linear")
    assert shown() == ["create_issue", "list_issues"]
    proxy.set_connector("")

    search_row = proxy.index(2, ToolColumn.TOOL)
    assert search_row.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert proxy.setData(search_row, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert toggles == [("mcp:1", ["search"], True)]
    assert proxy.index(2, ToolColumn.TOOL).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    model.set_enabled("merge:linear", ["create_issue", "list_issues"], False)
    states = [model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) for row in range(2)]
    assert states == [Qt.CheckState.Unchecked, Qt.CheckState.Unchecked]
    assert model.index(0, ToolColumn.CONNECTOR).data() == "Linear"
    assert model.index(0, ToolColumn.TOKENS).data() == "40"
    qtmodeltester.check(model)


def test_tool_search_as_you_type_over_500_tools() -> None:
    """Each keystroke narrows the list the user sees (bench/connectors.py measures how fast)."""
    model = ToolsModel()
    proxy = ToolsFilterProxy()
    proxy.setSourceModel(model)
    tools = [
        spec(f"mcp:{server}", f"tool_{server}_{n}", f"Does thing number {n} of server {server} with care.")
        for server in range(10)
        for n in range(50)
    ]
    model.set_tools(tools, {f"mcp:{server}": f"server {server}" for server in range(10)})
    shown = []
    typed = ""
    for letter in "thing number 42":
        typed += letter
        proxy.set_search(typed)
        shown.append(proxy.rowCount())
    assert shown[0] == 500 and shown == sorted(shown, reverse=True)
    assert proxy.rowCount() == 10  # tool 42 of each server
    names = {proxy.index(row, 0).data() for row in range(proxy.rowCount())}
    assert names == {f"tool_{server}_42" for server in range(10)}


def test_a_connector_showing_earlier_tools_says_when_they_were_fetched(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    fetched = datetime.now(UTC)
    offline = ConnectorInfo(
        key="mcp:2", kind=ConnectorKind.MCP_HTTP, name="remote", state=ConnectorState.OFFLINE, tool_count=3,
        enabled_tool_count=3, refreshed_at=fetched,
    )  # fmt: skip
    ready = ConnectorInfo(
        key="mcp:3", kind=ConnectorKind.MCP_HTTP, name="live", state=ConnectorState.READY, tool_count=3,
        enabled_tool_count=3, refreshed_at=fetched,
    )  # fmt: skip
    model = ConnectorsModel()
    model.set_connectors([offline, ready])
    qtmodeltester.check(model)
    assert model.index(0, 0).data(SubtitleRole).startswith("Offline · 3 tools · refreshed Today ")
    assert "refreshed" not in model.index(1, 0).data(SubtitleRole)  # live tools: no date needed
    assert "Last refreshed: Today " in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_history_model_filters_and_updates(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = HistoryModel()
    proxy = HistoryFilterProxy()
    proxy.setSourceModel(model)
    model.set_actions(
        [
            action(1, "list_issues", ToolStatus.SUCCEEDED, summary="3 issues"),
            action(2, "create_issue", ToolStatus.FAILED, summary="Team not found"),
            action(3, "search", ToolStatus.SUCCEEDED, key="mcp:1", summary="no match"),
        ]
    )
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    assert [model.index(row, HistoryColumn.TOOL).data() for row in range(3)] == [
        "search",
        "create_issue",
        "list_issues",
    ]
    assert model.index(2, HistoryColumn.DURATION).data() == "1.5 s"
    assert model.index(1, HistoryColumn.STATUS).data() == "Failed"

    def shown() -> list[str]:
        return [str(proxy.index(row, HistoryColumn.TOOL).data()) for row in range(proxy.rowCount())]

    proxy.set_connector("merge:linear")
    assert shown() == ["create_issue", "list_issues"]
    proxy.set_status(ToolStatus.FAILED)
    assert shown() == ["create_issue"]
    proxy.set_status(None)
    proxy.set_connector("")
    proxy.set_search("issue")
    assert shown() == ["create_issue", "list_issues"]
    proxy.set_search("")
    model.upsert(action(4, "list_issues", ToolStatus.RUNNING))
    assert model.index(0, HistoryColumn.STATUS).data() == "Running"
    model.upsert(action(4, "list_issues", ToolStatus.SUCCEEDED, summary="2 issues"))
    assert model.index(0, HistoryColumn.SUMMARY).data() == "2 issues"
    qtmodeltester.check(proxy)


def test_result_as_records_table_and_json_tree(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    issues = [{"id": "LIN-1", "title": "Crash", "labels": ["bug"]}, {"id": "LIN-2", "title": "Docs", "done": True}]
    assert records_of({"result": issues}) == issues
    assert records_of(issues) == issues
    assert records_of({"a": 1, "b": 2}) is None
    assert records_of([]) is None
    table = RecordsModel()
    table.set_records(issues)
    qtmodeltester.check(table)
    assert table.columns() == ["id", "title", "labels", "done"]
    assert table.index(0, 2).data() == '["bug"]'
    assert table.index(1, 3).data() == "true"
    assert records_tsv(issues).splitlines()[0] == "id\ttitle\tlabels\tdone"

    tree = JsonTreeModel()
    tree.set_value({"team": {"id": "T1", "members": [1, 2, 3]}, "ok": True, "note": None})
    qtmodeltester.check(tree)
    assert tree.rowCount() == 3
    team = tree.index(0, 0)
    assert team.data() == "team"
    assert tree.index(0, 1).data() == "{2 keys}"
    members = tree.index(1, 0, team)
    assert tree.index(1, 1, team).data() == "[3 items]"
    assert tree.rowCount(members) == 3
    assert tree.parent(members) == team
    assert tree.parent(team) == QModelIndex()
    tree.set_value("plain text")
    qtmodeltester.check(tree)
    assert tree.index(0, 1).data() == '"plain text"'
