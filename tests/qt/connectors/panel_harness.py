"""The Connectors panel over a real connectors service (tests/support/connectors.py), a real job pool over the
profile's SQLite store, and the real MCP tool server (HTTP on 127.0.0.1, or stdio)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.support.connectors import ConnectorsRig, RigFactory
from tests.support.fixtures_mcp import MCP_STDIO_CWD
from tests.support.waiting import next_emission, wait_for
from vector_desktop.domain.connectors import McpServerConfig, McpServerDraft, McpTransport, NamedValue
from vector_desktop.jobs.pool import JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.presentation.connectors.connectors_viewmodel import ConnectorsViewModel
from vector_desktop.presentation.connectors.elicitation import DialogElicitationAsker
from vector_desktop.presentation.connectors.runs_viewmodel import RunOutcome, ToolRunsViewModel
from vector_desktop.presentation.jobs_bridge import JobsBridge
from vector_desktop.presentation.tools.tool_events import ConnectorsEventBridge
from vector_desktop.presentation.tools.tools_model import SpecRole, ToolColumn
from vector_desktop.services.connectors.tasks import register_connector_tasks
from vector_desktop.store.job_repository import JobRepository
from vector_desktop.views.connectors.connectors_panel import ConnectorsPanel
from vector_desktop.views.connectors.run_tool_dialog import RunToolDialog

STDIO_ARGS = ["-m", "tests.support.mcp_tool_server", "--stdio"]


class PanelHarness:
    def __init__(self, qtbot: Any, rig: ConnectorsRig) -> None:
        self.rig = rig
        self.service = rig.service
        self.opened: list[str] = []
        self.registry = TaskRegistry()
        self.asker = DialogElicitationAsker()
        register_connector_tasks(self.registry, rig.runtime, rig.service, elicitation=self.asker)
        self.pool = JobPool(self.registry, JobRepository(rig.core.store.sessions), workers=2)
        self.bridge = JobsBridge()
        self.bridge.attach(self.pool)
        self.events = ConnectorsEventBridge()
        self.vm = ConnectorsViewModel(
            rig.service, rig.runtime, open_url=self.opened.append, events=self.events, jobs=self.pool,
            jobs_bridge=self.bridge,
        )  # fmt: skip
        self.runs = ToolRunsViewModel(rig.service, rig.runtime, self.pool, self.bridge, events=self.events)
        self.errors: list[str] = []
        self.vm.error_occurred.connect(self.errors.append)
        self.runs.error_occurred.connect(self.errors.append)
        self.vm.reload()
        self.panel = ConnectorsPanel(self.vm, self.runs, self.asker)
        qtbot.addWidget(self.panel)
        self.panel.resize(1100, 700)
        self.panel.show()
        qtbot.waitExposed(self.panel)

    # -- servers
    async def add_http(self, url: str, name: str = "tools") -> McpServerConfig:
        draft = McpServerDraft(name=name, transport=McpTransport.HTTP, url=url)
        return await self.add(draft)

    async def add_stdio(self, name: str = "local", env: tuple[NamedValue, ...] = ()) -> McpServerConfig:
        draft = McpServerDraft(
            name=name, transport=McpTransport.STDIO, command=sys.executable, args=tuple(STDIO_ARGS), env=env,
            cwd=MCP_STDIO_CWD,
        )  # fmt: skip
        return await self.add(draft)

    async def add(self, draft: McpServerDraft) -> McpServerConfig:
        self.vm.add_server(draft)
        (config,) = await next_emission(self.vm.server_saved)
        await self.tools_of(config.key)
        return config

    async def tools_of(self, key: str, count: int = 10) -> None:
        await wait_for(
            lambda: sum(1 for spec in self.vm.tools.tools() if spec.connector_key == key) >= count,
            f"tools of {key} in the browser",
        )

    # -- what the user sees
    def connector_names(self) -> list[str]:
        proxy = self.vm.proxy
        return [str(proxy.index(row, 0).data()) for row in range(proxy.rowCount())]

    def shown_tools(self) -> list[str]:
        proxy = self.vm.tools_proxy
        return [str(proxy.index(row, ToolColumn.TOOL).data()) for row in range(proxy.rowCount())]

    def select_tool(self, name: str) -> None:
        proxy = self.vm.tools_proxy
        for row in range(proxy.rowCount()):
            spec = proxy.index(row, 0).data(SpecRole)
            if spec.name == name:
                assert self.panel.tool_browser.select(spec.qualified_name)
                return
        raise AssertionError(f"{name} is not in the tool browser: {self.shown_tools()}")

    def open_run(self, name: str) -> RunToolDialog:
        self.select_tool(name)
        assert self.panel.ui.runButton.isEnabled(), self.panel.ui.runButton.toolTip()
        self.panel.ui.runButton.click()
        dialog = self.panel.run_dialog
        assert dialog is not None and dialog.spec.name == name
        return dialog

    async def run(self, dialog: RunToolDialog) -> RunOutcome:
        dialog.ui.runButton.click()
        assert dialog.job_id, "the run was not queued"
        await wait_for(lambda: dialog.outcome is not None, f"{dialog.spec.name} finished")
        assert dialog.outcome is not None
        return dialog.outcome

    def close(self) -> None:
        self.runs.close()
        self.vm.close()
        self.bridge.detach()
        self.pool.shutdown(wait_seconds=10.0)


@pytest.fixture
def make_panel(qapp, qtbot, open_connectors: RigFactory) -> Iterator[Callable[..., PanelHarness]]:  # type: ignore[no-untyped-def]
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    made: list[PanelHarness] = []

    def make(**options: Any) -> PanelHarness:
        harness = PanelHarness(qtbot, open_connectors(**options))
        made.append(harness)
        return harness

    yield make
    for harness in made:
        harness.close()
    qapp.setQuitOnLastWindowClosed(quit_on_close)
