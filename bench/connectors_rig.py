"""Shared set-up for bench/connectors.py: 500 realistic tools of 10 MCP servers, the Connectors panel wired as
gui_connectors.py wires it (over a stand-in for the service's memory), a bare list as the baseline, a clock for
frames. The servers and the real service are in bench/connectors_servers.py.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------------------------------------ 500 tools

SERVERS: dict[str, tuple[str, ...]] = {
    "GitHub": ("issue", "pull_request", "repository", "branch", "commit", "comment", "release", "label",
               "milestone", "workflow_run"),
    "Linear": ("issue", "project", "cycle", "team", "comment", "label", "attachment", "roadmap", "document",
               "initiative"),
    "Jira": ("issue", "project", "sprint", "board", "comment", "worklog", "version", "component", "filter",
             "transition"),
    "Slack": ("message", "channel", "user", "reaction", "file", "reminder", "bookmark", "pin", "user_group",
              "scheduled_message"),
    "Notion": ("page", "database", "block", "comment", "user", "property", "template", "view", "workspace",
               "link"),
    "Google Drive": ("file", "folder", "permission", "revision", "comment", "reply", "shared_drive", "shortcut",
                     "label", "change"),
    "Salesforce": ("account", "contact", "lead", "opportunity", "case", "task", "event", "campaign", "quote",
                   "contract"),
    "HubSpot": ("contact", "company", "deal", "ticket", "note", "meeting", "call", "email", "pipeline",
                "owner"),
    "Zendesk": ("ticket", "user", "organization", "group", "macro", "view", "article", "section", "satisfaction",
                "attachment"),
    "Asana": ("task", "project", "section", "tag", "story", "portfolio", "goal", "workspace", "team",
              "custom_field"),
}  # fmt: skip
VERBS = ("create", "get", "list", "update", "delete")
PER_SERVER = len(VERBS) * 10


def _words(noun: str) -> str:
    return noun.replace("_", " ")


def tool_dict(server: str, verb: str, noun: str) -> dict[str, Any]:
    """One `tools/list` entry (wire form) as a real server would describe it: a few sentences, a schema with
    described, typed, partly required properties, and annotations."""
    thing = _words(noun)
    id_prop = {f"{noun}_id": {"type": "string", "description": f"The id of the {thing} in {server}."}}
    fields = {
        "title": {"type": "string", "description": f"A short title for the {thing}.", "maxLength": 255},
        "description": {"type": "string", "description": f"What the {thing} is about, in Markdown."},
        "assignee_id": {"type": "string", "description": "Who is responsible for it (a user id)."},
        "priority": {"type": "string", "enum": ["low", "medium", "high", "urgent"], "default": "medium"},
        "labels": {"type": "array", "items": {"type": "string"}, "description": "Labels to put on it."},
    }
    paging = {
        "query": {"type": "string", "description": f"Words to search the {thing}s for."},
        "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 25},
        "cursor": {"type": "string", "description": "Where the previous page ended."},
        "sort": {"type": "string", "enum": ["created", "updated", "relevance"], "default": "updated"},
    }
    schemas: dict[str, tuple[dict[str, Any], list[str]]] = {
        "create": (fields, ["title"]),
        "get": (id_prop, [f"{noun}_id"]),
        "list": (paging, []),
        "update": ({**id_prop, **fields}, [f"{noun}_id"]),
        "delete": (id_prop, [f"{noun}_id"]),
    }
    properties, required = schemas[verb]
    sentences = {
        "create": f"Create a new {thing} in {server}. Use this when the user asks to add or file a {thing}; "
        f"only the title is required. Returns the created {thing} with its id and URL.",
        "get": f"Get one {thing} from {server} by its id, with every field {server} keeps for it. Use this "
        f"after a search or list call to read the details of a {thing}.",
        "list": f"List or search the {thing}s the connected {server} account can see, newest first. Supports "
        f"a text query, paging with a cursor and sorting. Returns at most `limit` {thing}s per page.",
        "update": f"Change fields of an existing {thing} in {server}. Only the fields given are changed; the "
        f"others keep their values. Returns the {thing} as it is after the change.",
        "delete": f"Delete a {thing} from {server}. This cannot be undone from here: ask the user to confirm "
        f"first. Returns nothing when it worked.",
    }
    return {
        "name": f"{verb}_{noun}",
        "title": f"{verb.capitalize()} {thing}",
        "description": sentences[verb],
        "inputSchema": {"type": "object", "properties": properties, "required": required},
        "annotations": {
            "readOnlyHint": verb in ("get", "list"),
            "destructiveHint": verb == "delete",
            "idempotentHint": verb in ("get", "list", "update"),
            "openWorldHint": True,
        },
    }


def server_tools() -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(connector key, server name, wire tools) of the 10 servers, in the service's order (by name)."""
    servers = sorted(SERVERS.items(), key=lambda item: item[0].casefold())
    return [
        (f"mcp:{number}", name, [tool_dict(name, verb, noun) for noun in nouns for verb in VERBS])
        for number, (name, nouns) in enumerate(servers, start=1)
    ]


def tool_specs() -> list[Any]:
    """The 500 ToolSpecs the service would hold (qualified names made unique as catalog.build_specs does)."""
    from vector_desktop.services.connectors.tool_specs import tool_spec

    taken: set[str] = set()
    specs = []
    for key, name, tools in server_tools():
        for tool in tools:
            spec = tool_spec(key, name, tool, taken)
            taken.add(spec.qualified_name)
            specs.append(spec)
    return specs


# ------------------------------------------------------------------------------------------------ the panel


class ToolsFeed:
    """Stands in for ConnectorsService's memory (`connectors()`, `tools()`: what the panel reads) and sends its
    listener events from the connectors' thread, as the service does when a server's lists are fetched."""

    def __init__(self, runtime: Any) -> None:
        from vector_desktop.domain.connectors import ConnectorInfo, ConnectorKind, ConnectorState

        self._runtime = runtime
        self._listeners: list[Any] = []
        self.servers = server_tools()
        self.all_specs = tool_specs()
        self._specs: list[Any] = []
        self._count = 0  # servers whose lists are in (the first ones in the service's order)

        def info(key: str, name: str, ready: bool) -> Any:
            count = PER_SERVER if ready else 0
            return ConnectorInfo(
                key=key,
                kind=ConnectorKind.MCP_STDIO,
                name=name,
                state=ConnectorState.READY if ready else ConnectorState.CONNECTING,
                connected=ready,
                tool_count=count,
                enabled_tool_count=count,
                detail=f"npx -y @example/{name.lower().replace(' ', '-')}-mcp",
            )

        self._infos = {ready: [info(key, name, ready) for key, name, _tools in self.servers] for ready in (False, True)}
        self._by_server = [[s for s in self.all_specs if s.connector_key == key] for key, _name, _tools in self.servers]

    # -- what the panel reads (any thread)
    def add_listener(self, listener: Any) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Any) -> None:
        self._listeners.remove(listener)

    def connectors(self) -> list[Any]:
        count = self._count
        return self._infos[True][:count] + self._infos[False][count:]

    def tools(self, connector_key: str | None = None) -> list[Any]:
        return [s for s in self._specs if connector_key is None or s.connector_key == connector_key]

    def merge_connectors(self) -> list[Any]:
        return []

    def merge_configured(self) -> bool:
        return True

    def mcp_servers(self) -> list[Any]:
        return []

    @property
    def offline(self) -> bool:
        return False

    async def ensure_tools(self, connector_key: str | None = None) -> list[Any]:
        return self.tools(connector_key)

    async def history(self, query: Any = None) -> list[Any]:
        return []

    async def action(self, action_id: int) -> Any:
        return None

    # -- the bench's part
    def publish(self, count: int) -> float:
        """On the connectors' thread: the lists of the first `count` servers are in (0: none yet). Tells the
        listeners as the service does after a fetch: tools_changed for each server whose list came or went, then
        connectors_changed. Returns when it notified."""

        def notify() -> float:
            changed = [key for key, _name, _tools in self.servers[min(count, self._count) : max(count, self._count)]]
            self._count = count
            self._specs = [spec for group in self._by_server[:count] for spec in group]
            notified = time.perf_counter()
            for key in changed:
                for listener in self._listeners:
                    listener.tools_changed(key)
            for listener in self._listeners:
                listener.connectors_changed()
            return notified

        async def on_loop() -> float:
            return notify()

        result: float = self._runtime.run(on_loop(), 10)
        return result


@dataclass
class PanelRig:
    feed: ToolsFeed
    runtime: Any
    store: Any
    pool: Any
    bridge: Any
    events: Any
    view_model: Any
    runs: Any
    panel: Any
    arrivals: list[float]  # when the view-model heard of changed lists (the bridge's coalesced signals)

    def close(self) -> None:
        self.runs.close()
        self.view_model.close()
        self.bridge.detach()
        self.pool.shutdown(wait_seconds=5.0)
        self.panel.close()
        self.runtime.stop()
        self.store.dispose()


def build_panel(folder: Path) -> PanelRig:
    """The Connectors panel as gui_connectors.build_connectors builds it, over a ToolsFeed; shown at 1100 x 720
    on its Tools tab."""
    from vector_desktop.jobs.pool import JobPool
    from vector_desktop.jobs.registry import TaskRegistry
    from vector_desktop.presentation.connectors.connectors_viewmodel import ConnectorsViewModel
    from vector_desktop.presentation.connectors.elicitation import DialogElicitationAsker
    from vector_desktop.presentation.connectors.runs_viewmodel import ToolRunsViewModel
    from vector_desktop.presentation.jobs_bridge import JobsBridge
    from vector_desktop.presentation.tools.tool_events import ConnectorsEventBridge
    from vector_desktop.services.connectors.runtime import LoopThread
    from vector_desktop.store.engine import open_store
    from vector_desktop.store.job_repository import JobRepository
    from vector_desktop.views.connectors.connectors_panel import ConnectorsPanel

    runtime = LoopThread("connectors").start()
    feed = ToolsFeed(runtime)
    store = open_store(folder / "store.sqlite3", folder / "backups")
    pool = JobPool(TaskRegistry(), JobRepository(store.sessions), workers=1)
    bridge = JobsBridge()
    bridge.attach(pool)
    events = ConnectorsEventBridge()
    arrivals: list[float] = []
    # connected before the view-model's own slots, so this runs first when the lists arrive
    events.connectors_changed.connect(lambda: arrivals.append(time.perf_counter()))
    events.tools_changed.connect(lambda _keys: arrivals.append(time.perf_counter()))
    view_model = ConnectorsViewModel(feed, runtime, open_url=lambda _url: True, events=events)  # type: ignore[arg-type]
    runs = ToolRunsViewModel(feed, runtime, pool, bridge, events=events)  # type: ignore[arg-type]
    view_model.reload()
    panel = ConnectorsPanel(view_model, runs, DialogElicitationAsker())
    panel.ui.centreTabs.setCurrentWidget(panel.ui.toolsTab)
    panel.resize(1100, 720)
    panel.show()
    return PanelRig(feed, runtime, store, pool, bridge, events, view_model, runs, panel, arrivals)


class BareList:
    """The baseline: a QListView over a QStandardItemModel of the same names, and a plain QSortFilterProxyModel
    fed by a QLineEdit, in a window of the same size."""

    def __init__(self, names: list[str]) -> None:
        from PySide6.QtCore import QSortFilterProxyModel, Qt
        from PySide6.QtGui import QStandardItemModel
        from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

        self.names = names
        self.window = QWidget()
        layout = QVBoxLayout(self.window)
        self.search = QLineEdit()
        self.view = QListView()
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        self.model = QStandardItemModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view.setModel(self.proxy)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.window.resize(1100, 720)
        self.window.show()

    def fill(self) -> None:
        from PySide6.QtGui import QStandardItem

        root = self.model.invisibleRootItem()
        root.appendRows([QStandardItem(name) for name in self.names])

    def clear(self) -> None:
        self.model.removeRows(0, self.model.rowCount())


class FrameClock:
    """When the frames of some widgets end: an event filter sees each Paint as it starts, and a zero timer posted
    then runs once the repaint that paints it (every dirty widget of the window, and the flush) is over. Each
    frame keeps the set of watched widgets it painted."""

    def __init__(self, widgets: list[Any]) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        clock = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and clock.armed:
                    now = time.perf_counter()
                    clock.paint_starts.append((now, watched))
                    clock._painting.add(watched)
                    if not clock._pending:
                        clock._pending = True
                        QTimer.singleShot(0, clock._frame_over)
                return False

        self._filter = Filter()
        for widget in widgets:
            widget.installEventFilter(self._filter)
        self.armed = False
        self._pending = False
        self._painting: set[Any] = set()
        self.paint_starts: list[tuple[float, Any]] = []
        self.frames: list[tuple[float, frozenset[Any], float]] = []  # (end, widgets painted, GUI thread CPU time)

    def _frame_over(self) -> None:
        self._pending = False
        self.frames.append((time.perf_counter(), frozenset(self._painting), time.thread_time()))
        self._painting.clear()

    def arm(self) -> None:
        self.paint_starts.clear()
        self.frames.clear()
        self._painting.clear()
        self.armed = True

    def disarm(self) -> None:
        self.armed = False

    @property
    def frame_ends(self) -> list[float]:
        return [end for end, _widgets, _cpu in self.frames]

    def painted(self, widget: Any) -> bool:
        return any(watched is widget for _at, watched in self.paint_starts)

    def last_frame(self, ignoring: Any = None, *, stop_at_ignored: bool = False) -> tuple[float, float]:
        """(end, GUI-thread CPU time then) of the last frame that painted more than `ignoring`, a search field
        (its cursor blinks; after the first or last letter its clear button fades for 160 ms, and when that ends
        the layout around it may repaint too: neither is the change being shown), and never before the first frame.
        `stop_at_ignored`: frames after the first one that painted only `ignoring` are the fade's (after a key)."""
        if not self.frames:
            return float("nan"), float("nan")
        first_end, _widgets, first_cpu = self.frames[0]
        last = (first_end, first_cpu)
        for end, widgets, cpu in self.frames[1:]:
            if widgets - {ignoring}:
                last = (end, cpu)
            elif stop_at_ignored:
                break
        return last

    def first_paint_of(self, widget: Any) -> float:
        return next((at for at, watched in self.paint_starts if watched is widget), float("nan"))


async def settle(clock: FrameClock, quiet_s: float, limit_s: float = 5.0) -> None:
    """Wait until no frame has ended for `quiet_s` (delayed layouts, header resizes and their repaints)."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit_s:
        await asyncio.sleep(quiet_s / 3)
        last = clock.frame_ends[-1] if clock.frame_ends else started
        if not clock._pending and time.perf_counter() - last >= quiet_s:
            return
