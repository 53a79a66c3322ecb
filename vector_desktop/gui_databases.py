"""GUI composition of the databases feature: the service (on the GUI's loop: its driver calls run on the sessions'
own threads), the `databases.export` job, the view-model, the exporter and the Databases panel; and their shutdown.

`open()` reads the saved connections (no network), so adding the panel costs nothing at start-up; a connection is
reached only when the user opens its schema, runs a statement or tests it."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon

log = logging.getLogger("vector_desktop.gui")
CLOSE_TIMEOUT_S = 5.0


class DatabasesGui:
    """What the window holds of the databases feature (built by `build_databases`)."""

    def __init__(self, service: Any, view_model: Any, exporter: Any, panel: Any) -> None:
        self.service = service
        self.view_model = view_model
        self.exporter = exporter
        self.panel = panel

    async def close(self) -> None:
        self.panel.close_tabs()
        self.exporter.close()
        self.view_model.close()
        try:
            await asyncio.wait_for(self.service.close(), CLOSE_TIMEOUT_S)
        except Exception:  # the sessions' threads are daemons of the pool: shutdown goes on whatever happened
            log.warning("the databases did not close cleanly", exc_info=True)


async def build_databases(
    core: Any,
    *,
    window: Any,
    registry: Any,
    jobs: Any,
    jobs_bridge: Any,
    parent: QObject | None = None,
) -> DatabasesGui:
    """Build the feature and add its panel to the window."""
    from vector_desktop.core import make_databases
    from vector_desktop.presentation.databases.databases_events import DatabasesEventBridge
    from vector_desktop.presentation.databases.databases_viewmodel import DatabasesViewModel
    from vector_desktop.presentation.databases.result_export import ResultExporter
    from vector_desktop.services.databases.tasks import register_database_tasks
    from vector_desktop.views.databases.databases_panel import DatabasesPanel

    parent = parent or window
    service = make_databases(core)
    try:
        await service.open()
    except Exception:
        log.exception("the saved database connections could not be read")
    register_database_tasks(registry, service)
    events = DatabasesEventBridge(parent)
    view_model = DatabasesViewModel(service, events=events, parent=parent)
    exporter = ResultExporter(jobs, jobs_bridge, parent)
    view_model.reload()
    panel = DatabasesPanel(view_model, exporter)
    window.add_panel("databases", window.tr("Databases"), QIcon(":/icons/databases.svg"), panel)
    return DatabasesGui(service, view_model, exporter, panel)
