"""The Connectors panel's Permissions tab over the real policy engine and store and a real connectors service with
the SDK-built MCP tool server on 127.0.0.1: policies per tool and per connector, trust, grants (listed, revoked one
by one and all at once), rules (added with argument matchers, a bad matcher shown next to its line, deleted)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from tests.qt.connectors.panel_harness import PanelHarness, make_panel  # noqa: F401
from tests.support.connectors import open_connectors  # noqa: F401
from tests.support.waiting import wait_for
from vector_desktop.domain.tool_policy import (
    ApprovalAnswer,
    ArgumentMatcher,
    DecisionKind,
    Grant,
    GrantScope,
    MatchOp,
    Policy,
)
from vector_desktop.domain.tools import ToolSpec
from vector_desktop.presentation.tool_policy.permissions_models import GrantColumn, RuleColumn
from vector_desktop.presentation.tool_policy.permissions_viewmodel import PermissionsViewModel
from vector_desktop.presentation.tool_policy.policy_tree_model import PolicyColumn
from vector_desktop.services.tool_policy.engine import PolicyEngine
from vector_desktop.store.tool_policy_repository import ToolPolicyRepository
from vector_desktop.views.tool_policy.permissions_tab import PermissionsTab, attach_permissions, permissions_tab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def run_blocking(fn: Callable[[], Any]) -> Any:
    return asyncio.get_running_loop().run_in_executor(None, fn)


@dataclass
class Permissions:
    harness: PanelHarness
    engine: PolicyEngine
    vm: PermissionsViewModel
    tab: PermissionsTab
    key: str  # the MCP server's connector key

    @property
    def ui(self) -> Any:
        return self.harness.panel.ui

    def repository(self) -> ToolPolicyRepository:
        return ToolPolicyRepository(self.harness.rig.core.store.sessions)

    def fresh_engine(self) -> PolicyEngine:
        """What the next start of the app reads from the store."""
        engine = PolicyEngine(self.repository())
        engine.reload()
        return engine

    def spec(self, name: str) -> ToolSpec:
        (spec,) = [s for s in self.harness.service.tools(self.key) if s.name == name]
        return spec

    def index(self, name: str, column: PolicyColumn) -> QModelIndex:
        source = self.vm.policies.index_of(self.key, name, column)
        assert source.isValid(), f"{name} is not in the policies"
        return self.vm.policies_proxy.mapFromSource(source)

    def shown(self, name: str, column: PolicyColumn) -> str:
        return str(self.index(name, column).data())

    def grant_rows(self) -> list[tuple[str, str]]:
        model = self.vm.grants
        return [
            (str(model.index(row, GrantColumn.TOOL).data()), str(model.index(row, GrantColumn.SCOPE).data()))
            for row in range(model.rowCount())
        ]

    def grant(self, name: str, scope: GrantScope, conversation: str = "c-1") -> Grant:
        """A grant as the chat's approval dialog makes one."""
        decision = self.engine.answer(
            self.spec(name), {}, conversation_id=conversation, answer=ApprovalAnswer(True, scope)
        )
        assert decision.kind is DecisionKind.ASKED_ALLOWED and decision.grant is not None
        return decision.grant


@pytest.fixture
def open_permissions(mcp_http_server: str, make_panel: Callable[..., PanelHarness]) -> Iterator[Any]:  # noqa: F811
    """The server comes first so that it stops last: closing the service ends its session with it."""
    made: list[PermissionsViewModel] = []

    async def open_tab() -> Permissions:
        harness = make_panel()
        config = await harness.add_http(mcp_http_server)
        engine = PolicyEngine(ToolPolicyRepository(harness.rig.core.store.sessions))
        await run_blocking(engine.reload)
        panel = harness.panel
        assert panel.ui.centreTabs.indexOf(panel.ui.permissionsTab) < 0  # no tab before the composition adds it
        assert permissions_tab(panel) is None
        vm = attach_permissions(panel, engine=engine, connectors=harness.service, run_blocking=run_blocking)
        made.append(vm)
        tab = permissions_tab(panel)
        assert tab is not None
        assert panel.ui.centreTabs.tabText(panel.ui.centreTabs.indexOf(panel.ui.permissionsTab)) == "&Permissions"
        panel.ui.centreTabs.setCurrentWidget(panel.ui.permissionsTab)
        found = Permissions(harness, engine, vm, tab, config.key)
        await wait_for(lambda: vm.policies.tool_row(found.spec("jira__search").qualified_name), "tools listed")
        await wait_for(lambda: vm.running == 0, "first read done")
        return found

    yield open_tab
    for vm in made:
        vm.close()


OpenPermissions = Callable[[], Any]


@pytest.mark.asyncio
async def test_a_tool_policy_shows_in_force_and_persists(open_permissions: OpenPermissions, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    p: Permissions = await open_permissions()
    qtmodeltester.check(p.vm.policies)
    qtmodeltester.check(p.vm.policies_proxy)
    assert p.shown("jira__search", PolicyColumn.CHOICE) == "Default"
    assert p.shown("jira__search", PolicyColumn.EFFECTIVE) == "Auto"
    assert p.shown("jira__search", PolicyColumn.WHY) == "Read-only tool"
    assert p.shown("linear__create_issue", PolicyColumn.EFFECTIVE) == "Ask"
    # The user picks Deny in the row's combo.
    tree = p.ui.policyTree
    index = p.index("jira__search", PolicyColumn.CHOICE)
    tree.setCurrentIndex(index)  # clicking the cell: the combo opens at once
    combo = tree.indexWidget(index)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Default", "Auto", "Ask", "Deny"]
    combo.setCurrentIndex(combo.findData("deny"))
    combo.activated.emit(combo.currentIndex())
    await wait_for(lambda: p.shown("jira__search", PolicyColumn.EFFECTIVE) == "Deny", "deny in force")
    assert p.shown("jira__search", PolicyColumn.CHOICE) == "Deny"
    assert p.shown("jira__search", PolicyColumn.WHY) == "Your policy for this tool"
    assert p.fresh_engine().policy_for(p.key, "jira__search") is Policy.DENY
    # A connector-wide Auto: tools without their own choice follow it; the destructive cap still asks.
    connector = p.vm.policies_proxy.mapFromSource(p.vm.policies.index_of(p.key, "", PolicyColumn.CHOICE))
    assert p.vm.policies_proxy.setData(connector, "auto", Qt.ItemDataRole.EditRole)
    await wait_for(lambda: p.shown("linear__create_issue", PolicyColumn.EFFECTIVE) == "Auto", "connector policy")
    assert p.shown("linear__create_issue", PolicyColumn.WHY) == "Your policy for this connector"
    assert p.shown("jira__search", PolicyColumn.EFFECTIVE) == "Deny"  # its own choice wins
    assert p.fresh_engine().policy_for(p.key) is Policy.AUTO
    # Back to Default for the tool.
    assert p.vm.policies_proxy.setData(p.index("jira__search", PolicyColumn.CHOICE), "", Qt.ItemDataRole.EditRole)
    await wait_for(lambda: p.shown("jira__search", PolicyColumn.EFFECTIVE) == "Auto", "back to the connector's")
    assert p.fresh_engine().policy_for(p.key, "jira__search") is None
    # Search as in the tool browser.
    p.ui.policySearch.setText("JQL")
    assert p.vm.policies_proxy.rowCount() == 1
    assert p.vm.policies_proxy.rowCount(p.vm.policies_proxy.index(0, 0)) == 1
    p.ui.policySearch.setText("no such tool")
    assert p.ui.policyStack.currentIndex() == 1
    assert p.ui.policyEmptyLabel.text() == "No tool matches “no such tool”."
    qtmodeltester.check(p.vm.policies_proxy)
    assert p.harness.errors == []


@pytest.mark.asyncio
async def test_an_untrusted_connector_asks_for_every_tool(open_permissions: OpenPermissions) -> None:
    p: Permissions = await open_permissions()
    trusted = p.vm.policies_proxy.mapFromSource(p.vm.policies.index_of(p.key, "", PolicyColumn.TRUSTED))
    assert trusted.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert p.vm.policies_proxy.setData(trusted, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    await wait_for(lambda: p.shown("jira__search", PolicyColumn.EFFECTIVE) == "Ask", "untrusted asks")
    assert p.shown("jira__search", PolicyColumn.WHY) == "Untrusted connector"
    assert "Not trusted" in str(trusted.siblingAtColumn(PolicyColumn.WHY).data())
    assert not p.fresh_engine().is_trusted(p.key)
    assert p.vm.policies_proxy.setData(trusted, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    await wait_for(lambda: p.shown("jira__search", PolicyColumn.EFFECTIVE) == "Auto", "trusted again")
    assert p.fresh_engine().is_trusted(p.key)
    # Turning a tool off in the Tools tab shows here too (the connectors' events reach the tab).
    p.harness.vm.set_tools_enabled(p.key, ["jira__search"], False)
    await wait_for(lambda: "turned off" in p.shown("jira__search", PolicyColumn.WHY), "turned off shown")
    assert p.shown("jira__search", PolicyColumn.WHY) == "Read-only tool (turned off: not offered to the model)"


@pytest.mark.asyncio
async def test_grants_are_listed_and_revoked_one_and_all(open_permissions: OpenPermissions, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    p: Permissions = await open_permissions()
    ui = p.ui
    assert ui.grantsStack.currentIndex() == 1 and not ui.revokeAllButton.isEnabled()
    await run_blocking(lambda: p.grant("linear__create_issue", GrantScope.CONVERSATION))
    await run_blocking(lambda: p.grant("slow_tool", GrantScope.HOUR))
    always = await run_blocking(lambda: p.grant("failing_tool", GrantScope.ALWAYS))
    await run_blocking(lambda: p.grant("log_tool", GrantScope.ONCE))  # recorded, but never listed: it is used up
    p.vm.reload()  # what the composition does after the chat made a grant
    await wait_for(lambda: len(p.grant_rows()) == 3, "three grants listed")
    qtmodeltester.check(p.vm.grants)
    assert sorted(p.grant_rows()) == [
        ("failing_tool", "Always"),
        ("linear__create_issue", "In one conversation"),
        ("slow_tool", "For an hour"),
    ]
    assert ui.permissionsTabs.tabText(ui.permissionsTabs.indexOf(ui.grantsPage)) == "&Grants (3)"
    row = p.vm.grants.row_of(always.id)
    assert p.vm.grants.index(row, GrantColumn.EXPIRES).data() == "Never"
    assert p.vm.grants.index(row, GrantColumn.CONVERSATION).data() == "Any"
    # Revoke the selected one.
    assert not ui.revokeButton.isEnabled()
    assert p.tab.select_grant(always.id)
    assert ui.revokeButton.isEnabled()
    ui.revokeButton.click()
    await wait_for(lambda: len(p.grant_rows()) == 2, "one revoked")
    assert "failing_tool" not in [tool for tool, _scope in p.grant_rows()]
    (revoked,) = [g for g in p.repository().grants(include_inactive=True) if g.id == always.id]
    assert revoked.revoked_at is not None
    decision = p.engine.decide(p.spec("failing_tool"), {}, conversation_id="c-2")
    assert decision.kind is DecisionKind.ASK  # asked again
    # A grant made while the tab is hidden shows when it is shown again.
    ui.centreTabs.setCurrentWidget(ui.toolsTab)
    await run_blocking(lambda: p.grant("jira__search", GrantScope.ALWAYS))
    ui.centreTabs.setCurrentWidget(ui.permissionsTab)
    await wait_for(lambda: len(p.grant_rows()) == 3, "listed when shown")
    # Revoke all asks first; Cancel keeps them.
    ui.revokeAllButton.click()
    box = p.tab.confirm_box
    assert box is not None and box.text() == "Revoke all 3 grants? Every tool they allowed asks again."
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(p.repository().grants()) == 3
    ui.revokeAllButton.click()
    box = p.tab.confirm_box
    assert box is not None
    (revoke,) = [b for b in box.buttons() if b.text() == "Revoke all"]
    revoke.click()
    await wait_for(lambda: p.grant_rows() == [], "all revoked")
    assert p.repository().grants() == []
    assert ui.grantsStack.currentIndex() == 1
    assert ui.permissionsTabs.tabText(ui.permissionsTabs.indexOf(ui.grantsPage)) == "&Grants"
    await wait_for(lambda: ui.messageLabel.text() == "Every grant was revoked (3).", "told how many")
    assert p.harness.errors == []


@pytest.mark.asyncio
async def test_a_rule_with_a_matcher_is_added_and_deleted(open_permissions: OpenPermissions, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    p: Permissions = await open_permissions()
    ui = p.ui
    ui.permissionsTabs.setCurrentWidget(ui.rulesPage)
    assert ui.rulesStack.currentIndex() == 1
    ui.addRuleButton.click()
    dialog = p.tab.rule_dialog
    assert dialog is not None and dialog.isVisible()
    create = p.spec("linear__create_issue")
    dialog.ui.toolEdit.setText("")
    dialog.save_button.click()
    assert dialog.message("tool") == "Name a tool, or a pattern such as jira__* for several tools."
    dialog.ui.toolEdit.setText("*__create_issue")
    dialog.ui.connectorCombo.setCurrentIndex(dialog.ui.connectorCombo.findData(p.key))
    dialog.ui.effectCombo.setCurrentIndex(dialog.ui.effectCombo.findData("deny"))
    dialog.matchers.setPlainText('input.project == "X"\ninput.title startswith')
    # The bad line's problem is shown next to it (and listed under the editor), as the user types.
    assert list(dialog.matchers.errors()) == [1]
    assert "a value is missing after “startswith”" in dialog.matchers.errors()[1]
    assert dialog.message("matchers").startswith("Line 2: ")
    dialog.save_button.click()
    assert dialog.isVisible() and p.repository().rules() == []
    dialog.matchers.setPlainText('input.project == "X"\n\ninput.labels contains "bug"')
    assert dialog.matchers.errors() == {} and dialog.message("matchers") == ""
    dialog.ui.noteEdit.setText("Nothing in project X")
    dialog.save_button.click()
    await wait_for(lambda: p.tab.rule_dialog is None, "dialog closed")
    (rule,) = p.repository().rules()
    assert (rule.tool, rule.connector_key, rule.effect, rule.note) == (
        "*__create_issue",
        p.key,
        Policy.DENY,
        "Nothing in project X",
    )
    assert rule.matchers == (
        ArgumentMatcher("input.project", MatchOp.EQUALS, "X"),
        ArgumentMatcher("input.labels", MatchOp.CONTAINS, "bug"),
    )
    await wait_for(lambda: p.vm.rules.rowCount() == 1, "rule listed")
    qtmodeltester.check(p.vm.rules)
    model = p.vm.rules
    assert [model.index(0, column).data() for column in RuleColumn] == [
        "*__create_issue",
        "tools",
        'input.project == "X"; input.labels contains "bug"',
        "Deny",
        "Nothing in project X",
    ]
    assert ui.rulesStack.currentIndex() == 0
    assert p.tab.selected_rules() == [rule]  # the new rule is selected
    arguments = {"input": {"project": "X", "labels": ["bug"], "title": "t"}}
    assert p.engine.decide(create, arguments, conversation_id="c").kind is DecisionKind.DENIED
    assert p.engine.decide(create, {"input": {"project": "Y"}}, conversation_id="c").kind is DecisionKind.ASK
    # Delete it.
    assert ui.deleteRuleButton.isEnabled()
    ui.deleteRuleButton.click()
    await wait_for(lambda: p.vm.rules.rowCount() == 0, "rule deleted")
    assert p.repository().rules() == []
    assert ui.rulesStack.currentIndex() == 1
    assert p.engine.decide(create, arguments, conversation_id="c").kind is DecisionKind.ASK
    assert p.harness.errors == []
