"""GUI composition of the connectors feature: the service on its own loop thread, the `connectors.run_tool` job, the
view-models, the elicitation asker and the Connectors panel; and their shutdown.

Called from `GuiSession.finish_startup`, after the first paint: `open()` reads the store's caches (so the panel
shows the connectors as last fetched), then `start()` runs in the background (Merge refresh when online; MCP
servers start on first use), so starting with many servers configured adds nothing to the first paint.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon

log = logging.getLogger("vector_desktop.gui")
CLOSE_TIMEOUT_S = 3.0


def _open_url(url: str) -> bool:
    return bool(QDesktopServices.openUrl(QUrl(url)))


class BrowserOpener(QObject):
    """Opens an MCP server's sign-in page in the system browser. `open` may be called from the connectors' loop
    thread: the signal is queued to the GUI thread, where QDesktopServices must run."""

    open_requested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.open_requested.connect(_open_url)

    def open(self, url: str) -> None:
        self.open_requested.emit(url)


class ConnectorsGui:
    """What the window holds of the connectors feature (built by `build_connectors`)."""

    def __init__(self, runtime: Any, service: Any, view_model: Any, runs: Any, asker: Any, panel: Any) -> None:
        self.runtime = runtime
        self.service = service
        self.view_model = view_model
        self.runs = runs
        self.asker = asker
        self.panel = panel
        self._start_task: asyncio.Task[Any] | None = None

    def start(self) -> None:
        """Refresh in the background; failures land in the panel as sentences, never block start-up."""
        self._start_task = self.view_model.calls.start(self._start(), "connectors-start")

    async def _start(self) -> None:
        # The Merge pack is detected by a `connectors.refresh` job (it shows in the Jobs panel); MCP servers start
        # on first use.
        if self.service.merge_configured() and not self.service.offline:
            task = self.view_model.refresh_merge()
            if task is not None:
                await task

    def on_settings_changed(self, changed: Iterable[str]) -> None:
        if any(key.startswith("MERGE_") for key in changed):
            self.view_model.reload()
            if self.service.merge_configured():
                self.view_model.refresh_merge()

    async def close(self) -> None:
        self.runs.close()
        self.view_model.close()
        try:
            future = self.runtime.submit(self.service.close())
            await asyncio.wait_for(asyncio.wrap_future(future), CLOSE_TIMEOUT_S)
        except Exception:  # whatever happened, the loop thread must stop (it owns the child processes)
            log.warning("the connectors did not close cleanly", exc_info=True)
        finally:
            await asyncio.get_running_loop().run_in_executor(None, lambda: self.runtime.stop(timeout=1.5))


async def build_connectors(
    core: Any,
    *,
    window: Any,
    registry: Any,
    jobs: Any,
    jobs_bridge: Any,
    open_settings: Callable[[str], None],
    online_changed: Any | None = None,
    identity: Any | None = None,
    parent: QObject | None = None,
) -> ConnectorsGui:
    """Build the feature, add its panel to the window and start it in the background."""
    from vector_desktop.core import make_connectors
    from vector_desktop.presentation.connectors.connectors_viewmodel import ConnectorsViewModel
    from vector_desktop.presentation.connectors.elicitation import DialogElicitationAsker
    from vector_desktop.presentation.connectors.runs_viewmodel import ToolRunsViewModel
    from vector_desktop.presentation.tools.tool_events import ConnectorsEventBridge
    from vector_desktop.services.connectors.tasks import register_connector_tasks
    from vector_desktop.views.connectors.connectors_panel import ConnectorsPanel

    parent = parent or window
    opener = BrowserOpener(parent)
    runtime, service = make_connectors(core, open_browser=opener.open, identity=identity)
    runtime.start()
    try:
        await asyncio.wrap_future(runtime.submit(service.open()))
    except Exception:
        log.exception("the connectors could not be opened")
    asker = DialogElicitationAsker(parent)
    register_connector_tasks(registry, runtime, service, elicitation=asker)
    events = ConnectorsEventBridge(parent)
    view_model = ConnectorsViewModel(
        service, runtime, open_url=_open_url, events=events, jobs=jobs, jobs_bridge=jobs_bridge, parent=parent
    )
    runs = ToolRunsViewModel(service, runtime, jobs, jobs_bridge, events=events, parent=parent)
    view_model.reload()
    panel = ConnectorsPanel(view_model, runs, asker)
    panel.settings_requested.connect(open_settings)
    if online_changed is not None:
        online_changed.connect(lambda online, _reason: view_model.set_offline(not online))
    feature = ConnectorsGui(runtime, service, view_model, runs, asker, panel)
    core.config.listeners.append(feature.on_settings_changed)
    window.add_panel("connectors", window.tr("Connectors"), QIcon(":/icons/connectors.svg"), panel)
    feature.start()
    return feature
