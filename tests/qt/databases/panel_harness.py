"""The Databases panel over the real databases service (the real PostgreSQL adapter, the profile's SQLite store, a
memory keychain), a real job pool for exports, shown offscreen. Used as `async with open_panel(qtbot, profile)`:
closing it closes the service like quitting the app does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from tests.qt.databases.servers import PgDatabase
from tests.support.memory_keyring import MemoryKeyring
from tests.support.waiting import next_emission, wait_for
from vector_desktop.core import make_databases, open_core
from vector_desktop.domain.databases import ConnectionConfig, ConnectionDraft, DatabaseKind, TlsMode
from vector_desktop.jobs.pool import JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.paths import resolve_paths
from vector_desktop.presentation.databases.databases_viewmodel import DatabasesViewModel
from vector_desktop.presentation.databases.result_export import ResultExporter
from vector_desktop.presentation.jobs_bridge import JobsBridge
from vector_desktop.secrets import SecretStore
from vector_desktop.services.databases.tasks import register_database_tasks
from vector_desktop.store.job_repository import JobRepository
from vector_desktop.views.databases.databases_panel import DatabasesPanel
from vector_desktop.views.databases.query_tab import QueryTab

KEYCHAIN_SERVICE = "vector-desktop-db-panel-test"


def draft_for(db: PgDatabase, name: str = "shop", **changes: Any) -> ConnectionDraft:
    values: dict[str, Any] = {
        "name": name,
        "kind": DatabaseKind.POSTGRESQL,
        "host": db.host,
        "port": db.port,
        "database": db.name,
        "user": db.user,
        "tls_mode": TlsMode.DISABLE,
        "password": "",
    }
    values.update(changes)
    return ConnectionDraft(**values)


class PanelHarness:
    def __init__(self, qtbot: Any, profile: Path) -> None:
        self.qtbot = qtbot
        self.keyring = MemoryKeyring()
        paths = resolve_paths(profile, environ={})
        self.core = open_core(paths, environ={}, secrets=SecretStore(KEYCHAIN_SERVICE, backend=self.keyring))
        self.service = make_databases(self.core)
        self.registry = TaskRegistry()
        register_database_tasks(self.registry, self.service)
        self.pool = JobPool(self.registry, JobRepository(self.core.store.sessions), workers=2)
        self.bridge = JobsBridge()
        self.bridge.attach(self.pool)
        self.vm = DatabasesViewModel(self.service)
        self.exporter = ResultExporter(self.pool, self.bridge)
        self.errors: list[str] = []
        self.vm.error_occurred.connect(self.errors.append)
        self.panel: DatabasesPanel | None = None

    async def open(self) -> DatabasesPanel:
        await self.service.open()
        self.vm.reload()
        panel = DatabasesPanel(self.vm, self.exporter)
        self.qtbot.addWidget(panel)
        panel.resize(1200, 760)
        panel.show()
        self.qtbot.waitExposed(panel)
        self.panel = panel
        return panel

    async def close(self) -> None:
        if self.panel is not None:
            self.panel.close_tabs()
        self.exporter.close()
        self.vm.close()
        await self.service.close()
        self.bridge.detach()
        self.pool.shutdown(wait_seconds=10.0)
        self.core.close()

    # -- helpers
    async def add(self, draft: ConnectionDraft) -> ConnectionConfig:
        self.vm.add_connection(draft)
        (config,) = await next_emission(self.vm.connection_saved)
        assert self.panel is not None
        self.panel.select(config.id)
        return config

    def secrets(self) -> dict[str, str]:
        return {name: value for (service, name), value in self.keyring.values.items() if service == KEYCHAIN_SERVICE}

    async def schema_children(self, parent: QModelIndex, what: str) -> QModelIndex:
        """`parent` (a proxy index of the tree) expanded, its children loaded; returns it."""
        assert self.panel is not None
        tree = self.panel.ui.schemaTree
        tree.expand(parent)
        model = tree.model()
        await wait_for(lambda: model.rowCount(parent) > 0, f"{what} loaded")
        return parent

    def child_named(self, parent: QModelIndex, name: str) -> QModelIndex:
        assert self.panel is not None
        model = self.panel.ui.schemaTree.model()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(Qt.ItemDataRole.DisplayRole) == name:
                return index
        names = [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]
        raise AssertionError(f"{name} is not among {names}")

    def tab(self) -> QueryTab:
        assert self.panel is not None
        tab = self.panel.current_tab()
        assert tab is not None
        return tab

    async def finished(self, tab: QueryTab) -> None:
        await wait_for(lambda: not tab.session.running, "the statement finished")


@asynccontextmanager
async def open_panel(qtbot: Any, profile: Path) -> AsyncIterator[PanelHarness]:
    harness = PanelHarness(qtbot, profile)
    try:
        await harness.open()
        yield harness
    finally:
        await harness.close()
