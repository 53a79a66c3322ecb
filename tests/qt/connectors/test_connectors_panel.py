"""The Connectors panel as a user drives it, over a real connectors service, the real MCP tool server (streamable
HTTP on 127.0.0.1 and stdio) and a real job pool: adding servers, the tool browser, running tools, the history."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from tests.qt.connectors.panel_harness import STDIO_ARGS, PanelHarness
from tests.support.fixtures_mcp import MCP_STDIO_CWD
from tests.support.mcp_tool_server import MAGIC_LINK_URL
from tests.support.merge_server import MergeServer
from tests.support.waiting import next_emission, wait_for
from vector_desktop.domain.connectors import ConnectorState, McpServerDraft, McpTransport, NamedValue, mcp_secret_ref
from vector_desktop.domain.jobs import JobSnapshot, JobState
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.presentation.tools.history_model import HistoryColumn
from vector_desktop.presentation.tools.tools_model import ToolColumn
from vector_desktop.store.connector_repository import ConnectorRepository

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
MakePanel = Callable[..., PanelHarness]


@pytest.mark.asyncio
async def test_adding_an_http_server_in_the_dialog_shows_its_tools(mcp_http_server: str, make_panel: MakePanel) -> None:
    harness = make_panel()
    panel = harness.panel
    ui = panel.ui
    assert ui.connectorsStack.currentIndex() == 1
    assert "Set your Merge access key in Settings → Connectors" in ui.connectorsEmptyLabel.text()
    assert "add an MCP server" in ui.toolsEmptyLabel.text()
    ui.emptyAddButton.click()
    dialog = panel.server_dialog
    assert dialog is not None
    dialog.ui.nameEdit.setText("Linear tools")
    dialog.ui.urlEdit.setText("ftp://127.0.0.1/mcp")
    dialog.headers.add_row("Authorization", "Bearer sk-live-123", secret=True)
    dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save).click()
    # The service refuses the address: the sentence is next to the URL field and what was typed stays.
    await wait_for(lambda: dialog.message("url") != "", "the URL problem shown")
    assert dialog.message("url") == "Enter the server's address, starting with https:// or http://."
    assert dialog.isVisible() and dialog.ui.nameEdit.text() == "Linear tools"
    assert dialog.headers.values() == (NamedValue("Authorization", "Bearer sk-live-123", True),)
    dialog.ui.urlEdit.setText(mcp_http_server)
    dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save).click()
    await wait_for(lambda: panel.server_dialog is None, "dialog closed after saving")
    (config,) = harness.service.mcp_servers()
    await harness.tools_of(config.key)
    assert harness.connector_names() == ["Linear tools"]
    assert panel.selected() is not None and panel.selected().key == config.key  # type: ignore[union-attr]
    await wait_for(lambda: harness.vm.model.info(config.key).state is ConnectorState.READY, "server ready")  # type: ignore[union-attr]
    # The secret header went to the keychain, not into the store.
    assert harness.rig.secrets()[mcp_secret_ref(config.id, "header", "Authorization")] == "Bearer sk-live-123"
    assert config.headers == (NamedValue("Authorization", "", True),)
    assert harness.errors == []


@pytest.mark.asyncio
async def test_tool_search_toggles_persist_and_bulk_toggle(mcp_http_server: str, make_panel: MakePanel) -> None:
    harness = make_panel()
    config = await harness.add_http(mcp_http_server)
    ui = harness.panel.ui
    assert ui.toolsStack.currentIndex() == 0
    ui.toolSearch.setText("linear issue")
    assert harness.shown_tools() == ["linear__create_issue", "linear__list_issues"]
    ui.toolSearch.setText("JQL")  # descriptions count
    assert harness.shown_tools() == ["jira__search"]
    ui.toolSearch.setText("no such tool")
    assert ui.toolsStack.currentIndex() == 1
    assert ui.toolsEmptyLabel.text() == "No tool matches “no such tool”."
    ui.toolSearch.setText("jira")
    proxy = harness.vm.tools_proxy
    assert proxy.setData(proxy.index(0, ToolColumn.TOOL), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    repository = ConnectorRepository(harness.rig.core.store.sessions)
    await wait_for(lambda: repository.tool_enabled_map().get((config.key, "jira__search")) is False, "toggle saved")
    await wait_for(lambda: not harness.service.tools(config.key)[2].enabled, "service knows")
    # Bulk: everything shown (search "linear") off, then on again.
    ui.toolSearch.setText("linear")
    shown = harness.shown_tools()
    ui.disableAllButton.click()
    await wait_for(
        lambda: all(repository.tool_enabled_map().get((config.key, name)) is False for name in shown), "bulk off"
    )
    expected = 10 - len(shown) - 1

    def enabled_count() -> int | None:
        info = harness.vm.model.info(config.key)
        return info.enabled_tool_count if info is not None else None

    await wait_for(lambda: enabled_count() == expected, "the card's enabled count")
    ui.enableAllButton.click()
    await wait_for(lambda: all(repository.tool_enabled_map().get((config.key, n)) for n in shown), "bulk on")
    assert harness.errors == []


@pytest.mark.asyncio
async def test_adding_a_stdio_server_with_a_secret_environment_value(make_panel: MakePanel) -> None:
    harness = make_panel()
    panel = harness.panel
    panel.ui.addServerButton.click()
    dialog = panel.server_dialog
    assert dialog is not None
    dialog.ui.commandRadio.setChecked(True)
    dialog.ui.nameEdit.setText("local tools")
    dialog.save()
    assert dialog.message("command") == "Enter the command that starts the server, like npx or uvx."
    assert dialog.ui.commandEdit.hasFocus() or not dialog.isActiveWindow()
    dialog.ui.commandEdit.setText(sys.executable)
    dialog.ui.argsEdit.setText(" ".join(STDIO_ARGS))
    dialog.ui.cwdEdit.setText(MCP_STDIO_CWD)
    dialog.env.add_row("SERVICE_TOKEN", "tok-999", secret=True)
    dialog.env.add_row("MODE", "test")
    dialog.save()
    await wait_for(lambda: panel.server_dialog is None, "dialog closed after saving")
    (config,) = harness.service.mcp_servers()
    assert config.args == tuple(STDIO_ARGS)
    assert config.env == (NamedValue("SERVICE_TOKEN", "", True), NamedValue("MODE", "test", False))
    assert harness.rig.secrets()[mcp_secret_ref(config.id, "env", "SERVICE_TOKEN")] == "tok-999"
    await harness.tools_of(config.key)
    await wait_for(lambda: harness.vm.model.info(config.key).state is ConnectorState.READY, "server ready")  # type: ignore[union-attr]
    # Editing shows the secret as kept in the keychain, never its value.
    assert panel.select(config.key)
    panel.ui.editButton.click()
    editor = panel.server_dialog
    assert editor is not None and editor is not dialog
    assert editor.ui.commandRadio.isChecked() and editor.ui.nameEdit.text() == "local tools"
    assert editor.env.values()[0] == NamedValue("SERVICE_TOKEN", "", True)
    editor.reject()


@pytest.mark.asyncio
async def test_run_tool_form_result_table_history_and_rerun(mcp_http_server: str, make_panel: MakePanel) -> None:
    harness = make_panel()
    await harness.add_http(mcp_http_server)
    # A required field left blank: the message is next to it and nothing runs.
    dialog = harness.open_run("linear__create_issue")
    dialog.ui.runButton.click()
    assert not dialog.job_id
    messages = dialog.editor.form.messages()
    assert "input.title" in messages or "input" in messages, messages
    assert any(dialog.editor.form.message_at(path) for path in messages)
    dialog.reject()
    # A valid run: the list of issues is shown as a table.
    dialog = harness.open_run("linear__list_issues")
    editor = dialog.editor.form.widget_at("team_id")
    assert isinstance(editor, QLineEdit)
    editor.setText("team-a")
    outcome = await harness.run(dialog)
    assert outcome.status is ToolStatus.SUCCEEDED, outcome.error
    assert dialog.ui.statusLabel.text().startswith("Succeeded")
    view = dialog.result_view
    assert view.isVisible() and view.mode == "table"
    assert view.records.columns()[:2] == ["id", "title"]
    assert [view.records.index(row, 0).data() for row in range(view.records.rowCount())] == ["ISS-1", "ISS-2"]
    # It went through the job pool, and the History tab lists it with its arguments and result.
    assert harness.pool.get(outcome.job_id).state is JobState.SUCCEEDED  # type: ignore[union-attr]
    dialog.reject()
    ui = harness.panel.ui
    ui.centreTabs.setCurrentWidget(ui.historyTab)
    history = harness.runs.history
    await wait_for(lambda: history.rowCount() == 1 and history.action_at(0).status.finished, "run in the history")  # type: ignore[union-attr]
    assert history.index(0, HistoryColumn.TOOL).data() == "linear__list_issues"
    assert history.index(0, HistoryColumn.STATUS).data() == "Succeeded"
    assert harness.panel.history.select(outcome.action.id)  # type: ignore[union-attr]
    assert '"team_id": "team-a"' in ui.argumentsView.toPlainText()
    assert harness.panel.history.result_view.mode == "table"
    ui.historyStatusFilter.setCurrentIndex(ui.historyStatusFilter.findData("failed"))
    assert harness.runs.history_proxy.rowCount() == 0
    assert ui.historyEmptyLabel.text() == "No run matches these filters."
    ui.historyStatusFilter.setCurrentIndex(0)
    assert harness.panel.history.select(outcome.action.id)  # type: ignore[union-attr]
    # Re-run: the same arguments in the form, run again, a second row.
    ui.rerunButton.click()
    rerun = harness.panel.run_dialog
    assert rerun is not None and rerun.editor.value() == outcome.action.arguments  # type: ignore[union-attr]
    assert rerun.editor.value()["team_id"] == "team-a"
    again = await harness.run(rerun)
    assert again.status is ToolStatus.SUCCEEDED and again.action is not None
    assert again.action.id != outcome.action.id  # type: ignore[union-attr]
    await wait_for(lambda: history.rowCount() == 2, "second run in the history")
    assert harness.errors == []


@pytest.mark.asyncio
async def test_failing_and_cancelled_runs(mcp_http_server: str, make_panel: MakePanel) -> None:
    harness = make_panel()
    await harness.add_http(mcp_http_server)
    dialog = harness.open_run("failing_tool")
    outcome = await harness.run(dialog)
    assert outcome.status is ToolStatus.FAILED
    assert dialog.ui.statusLabel.text() == "tools reported an error: The tool broke."
    dialog.reject()
    dialog = harness.open_run("slow_tool")
    seconds = dialog.editor.form.widget_at("seconds")
    assert seconds is not None
    dialog.editor.set_value({"seconds": 20, "step": 0.1})
    dialog.ui.runButton.click()
    await wait_for(lambda: dialog.ui.progressBar.maximum() == 1000 and dialog.ui.progressBar.value() > 0, "progress")
    assert dialog.ui.cancelButton.isVisible()
    dialog.ui.cancelButton.click()
    await wait_for(lambda: dialog.outcome is not None, "run stopped")
    assert dialog.outcome is not None and dialog.outcome.status is ToolStatus.CANCELLED
    assert dialog.ui.runButton.isEnabled()


@pytest.mark.asyncio
async def test_a_result_asking_to_connect_shows_a_connect_button(mcp_http_server: str, make_panel: MakePanel) -> None:
    harness = make_panel()
    await harness.add_http(mcp_http_server, name="Linear")
    dialog = harness.open_run("needs_auth_tool")
    outcome = await harness.run(dialog)
    assert outcome.status is ToolStatus.NEEDS_AUTH
    assert dialog.ui.authFrame.isVisible() and not dialog.ui.statusLabel.isVisible()
    assert dialog.ui.connectButton.text() == "Connect Linear"
    assert dialog.ui.authLabel.text() == "Please connect your Linear account."
    dialog.ui.connectButton.click()
    assert harness.opened == [MAGIC_LINK_URL]
    assert dialog.ui.authLabel.text() == "Finish connecting in your browser, then run the tool again."


@pytest.mark.asyncio
async def test_elicitation_dialog_answers_with_the_schema_defaults(mcp_http_server: str, make_panel: MakePanel) -> None:
    harness = make_panel()
    await harness.add_http(mcp_http_server)
    dialog = harness.open_run("ask_user")
    dialog.ui.runButton.click()
    await wait_for(lambda: bool(harness.panel.questions.dialogs), "the server's question")
    question = harness.panel.questions.dialogs[0]
    assert question.message_label.text() == "Who should we contact about this?"
    assert question.form.value() == {"name": "Ada", "email": "ada@example.com", "subscribe": True, "level": 3}
    name = question.form.widget_at("name")
    assert isinstance(name, QLineEdit)
    name.setText("Grace")
    question.accept_button.click()
    await wait_for(lambda: dialog.outcome is not None, "run finished")
    assert dialog.outcome is not None and dialog.outcome.status is ToolStatus.SUCCEEDED
    contact = dialog.outcome.value["contact"]
    assert contact == {"name": "Grace", "email": "ada@example.com", "subscribe": True, "level": 3}
    assert not harness.panel.questions.dialogs


@pytest.mark.asyncio
async def test_remove_asks_first_and_offline_disables_network_actions(
    mcp_http_server: str, make_panel: MakePanel
) -> None:
    harness = make_panel()
    config = await harness.add_http(mcp_http_server)
    panel = harness.panel
    ui = panel.ui
    await harness.vm.set_offline(True)
    assert ui.offlineBanner.isVisible()
    # A server on another machine: what needs the network is disabled, with the reason.
    remote = McpServerDraft(name="remote", transport=McpTransport.HTTP, url="https://mcp.example.invalid/mcp")
    harness.vm.add_server(remote)
    (remote_config,) = await next_emission(harness.vm.server_saved)
    await wait_for(lambda: "remote" in harness.connector_names(), "remote server listed")
    assert panel.select(remote_config.key)
    assert not ui.restartButton.isEnabled()
    assert ui.restartButton.toolTip() == "You are offline: this needs the network."
    # The loopback server is on this machine: it keeps working offline.
    assert panel.select(config.key)
    assert ui.restartButton.isEnabled()
    harness.select_tool("linear__list_issues")
    assert ui.runButton.isEnabled()
    assert harness.connector_names() == ["remote", "tools"]
    await harness.vm.set_offline(False)
    harness.vm.remove(remote_config.key)
    await wait_for(lambda: harness.connector_names() == ["tools"], "remote server removed")
    assert panel.select(config.key)
    assert not ui.offlineBanner.isVisible()
    ui.removeButton.click()
    box = panel.confirm_box
    assert box is not None and "Remove tools?" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert harness.service.mcp_servers() != []
    ui.removeButton.click()
    box = panel.confirm_box
    assert box is not None
    (remove,) = [b for b in box.buttons() if b.text() == "Remove"]
    remove.click()
    await wait_for(lambda: harness.service.mcp_servers() == [], "server removed")
    await wait_for(lambda: harness.connector_names() == [], "card gone")
    assert ui.connectorsStack.currentIndex() == 1


@pytest.mark.asyncio
async def test_connecting_a_merge_connector_in_the_browser(merge_server: MergeServer, make_panel: MakePanel) -> None:
    harness = make_panel(environ=merge_server.settings())
    panel = harness.panel
    ui = panel.ui
    assert not ui.setupBanner.isVisible()
    jobs: list[JobSnapshot] = []
    harness.bridge.job_changed.connect(jobs.append)
    refreshing = harness.vm.refresh_merge()  # what the app does at start when online
    assert refreshing is not None
    await refreshing
    assert harness.connector_names() == ["Linear", "Jira", "Slack", "Google Drive", "Notion"]
    # The detection ran as a background job, so it shows in the Jobs panel.
    assert [(j.title, j.state) for j in jobs if j.state.finished] == [("Refresh connectors", JobState.SUCCEEDED)]
    ui.connectedChip.setChecked(True)
    assert harness.connector_names() == []
    assert ui.connectorsEmptyLabel.text() == "No connector matches the search and filters."
    ui.connectedChip.setChecked(False)
    # Cancel while waiting for the browser.
    assert panel.select("merge:jira")
    ui.connectButton.click()
    await wait_for(lambda: len(harness.opened) == 1, "the magic link opened")
    await wait_for(lambda: ui.connectFrame.isVisible(), "waiting shown")
    assert ui.connectWaitingLabel.text() == "Waiting for you to finish in the browser…"
    ui.cancelConnectButton.click()
    await wait_for(lambda: ui.messageLabel.text() == "Connecting Jira was cancelled.", "cancel shown")
    assert not ui.connectFrame.isVisible()
    # Connect Linear: the user finishes in the browser, the card turns connected and its tools come.
    assert panel.select("merge:linear")
    ui.connectButton.click()
    await wait_for(lambda: len(harness.opened) == 2, "the magic link opened")
    assert merge_server.visit(harness.opened[1]) == 200
    await wait_for(lambda: ui.messageLabel.text() == "Linear is connected.", "connected shown")
    info = harness.vm.model.info("merge:linear")
    assert info is not None and info.connected
    ui.connectedChip.setChecked(True)
    assert harness.connector_names() == ["Linear"]
    # Disconnect asks first.
    assert panel.select("merge:linear")
    assert ui.disconnectButton.isEnabled()
    ui.disconnectButton.click()
    box = panel.confirm_box
    assert box is not None and box.text().startswith("Disconnect Linear?")
    (disconnect,) = [b for b in box.buttons() if b.text() == "Disconnect"]
    disconnect.click()
    await wait_for(lambda: ui.messageLabel.text() == "Linear is disconnected.", "disconnected shown")
    assert harness.connector_names() == []
    assert harness.errors == []


@pytest.mark.asyncio
async def test_import_mcp_servers_json_and_read_a_server_log(mcp_http_server: str, make_panel: MakePanel) -> None:
    harness = make_panel()
    panel = harness.panel
    panel.ui.importButton.click()
    dialog = panel.import_dialog
    assert dialog is not None
    dialog.text.setPlainText("{not json")
    dialog.import_button.click()
    await wait_for(lambda: dialog.message.isVisible(), "the JSON problem shown")
    assert dialog.message.text() == "This is not valid JSON (line 1)."
    text = json.dumps({"mcpServers": {"remote": {"url": mcp_http_server, "headers": {"Authorization": "Bearer t0k"}}}})
    dialog.text.setPlainText(text)
    dialog.import_button.click()
    await wait_for(lambda: panel.import_dialog is None, "dialog closed")
    (config,) = harness.service.mcp_servers()
    assert config.name == "remote"
    assert harness.rig.secrets()[mcp_secret_ref(config.id, "header", "Authorization")] == "Bearer t0k"
    await wait_for(lambda: harness.connector_names() == ["remote"], "imported server listed")
    await harness.tools_of(config.key)
    outcome = await harness.run(harness.open_run("log_tool"))
    assert outcome.status is ToolStatus.SUCCEEDED
    assert panel.run_dialog is not None
    panel.run_dialog.reject()
    assert panel.select(config.key)
    panel.ui.logButton.click()
    log_dialog = panel.log_dialog
    assert log_dialog is not None
    await wait_for(lambda: "[info]" in log_dialog.text.toPlainText(), "log lines shown")


@pytest.mark.asyncio
async def test_a_refused_merge_key_is_explained_in_the_empty_state(
    merge_server: MergeServer, make_panel: MakePanel
) -> None:
    harness = make_panel(environ=merge_server.settings(MERGE_ACCESS_KEY="ah_live_wrong"))
    ui = harness.panel.ui
    harness.vm.refresh()
    await wait_for(lambda: "could not be read" in ui.connectorsEmptyLabel.text(), "empty state explains")
    assert harness.vm.merge_problem in ui.connectorsEmptyLabel.text()
    assert "ah_live_wrong" not in ui.connectorsEmptyLabel.text() + " ".join(harness.errors)
    assert ui.emptySettingsButton.isVisible()
