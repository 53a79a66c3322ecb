"""What the connectors feature offers the rest of the app (the panel, the command line, later the chat's tool
registry): one façade over the Merge connectors and the user's MCP servers, and the events it sends.

Every coroutine here runs on the connectors' own asyncio loop (a thread of its own, so MCP sessions, stdio child
processes and slow servers never touch the GUI thread); callers on another thread go through
`ConnectorsRuntime.submit` / `run`. Listener methods are called on that loop's thread: Qt receivers get them
through queued signals.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Collection, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, runtime_checkable

from vector_desktop.domain.connectors import (
    ActionFilter,
    ConnectorInfo,
    ElicitationAsker,
    McpServerConfig,
    McpServerDraft,
    MergeConnector,
    ToolAction,
)
from vector_desktop.domain.tools import ToolResult, ToolSpec

T = TypeVar("T")

# Who allowed a run, as recorded in ConnectorToolAction.allowed_by.
ALLOWED_IN_PANEL = "you, in the Connectors panel"
ALLOWED_ON_COMMAND_LINE = "you, on the command line"


@dataclass(frozen=True)
class CallProgress:
    """A progress notification of a running call (MCP `notifications/progress`)."""

    action_id: int
    progress: float
    total: float | None = None
    message: str = ""

    @property
    def fraction(self) -> float | None:
        if self.total is None or self.total <= 0:
            return None
        return max(0.0, min(1.0, self.progress / self.total))


@dataclass(frozen=True)
class ServerLogLine:
    """A logging notification of a server (`notifications/message`) or a line it wrote to stderr (stdio)."""

    connector_key: str
    level: str  # "debug" ... "emergency", or "stderr"
    text: str


@dataclass(frozen=True)
class ToolRun:
    """A finished run: the recorded row and the result (`result.auth` set when the connector must be connected)."""

    action: ToolAction
    result: ToolResult


class ConnectorsListener:
    """Events from the connectors service, on the connectors' loop thread. Override what you need."""

    def connectors_changed(self) -> None:
        """The list of connectors or one's state changed: read `connectors()` again."""

    def tools_changed(self, connector_key: str) -> None:
        """The tools of one connector changed (fetched, list_changed, toggled): read `tools()` again."""

    def actions_changed(self) -> None:
        """A run started or finished: read the history again."""

    def call_progress(self, progress: CallProgress) -> None:
        """A running call reported progress."""

    def server_log(self, line: ServerLogLine) -> None:
        """A server sent a log message or wrote to stderr."""


class ConnectorsRuntime(Protocol):
    """The thread that runs the connectors' asyncio loop."""

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Schedule `coro` on the connectors' loop from any thread."""
        ...

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        """Run `coro` on the connectors' loop and wait for it (never from that loop's own thread)."""
        ...

    def call_soon(self, callback: Callable[[], Any]) -> None: ...


class ToolSource(Protocol):
    """What the chat's toolbox, the composer's tool list and the Permissions tab need of a feature that hands tools
    to the model (the connectors; the databases' tools). `connectors()` and `tools()` read memory (any thread);
    `call_tool` and `history` run on the connectors' loop (a source whose work is blocking sends it to its own
    threads). `call_tool` records the run as a ConnectorToolAction before and after, like the connectors do."""

    def connectors(self) -> list[ConnectorInfo]: ...

    def tools(self, connector_key: str | None = None) -> list[ToolSpec]: ...

    async def call_tool(
        self,
        qualified_name: str,
        arguments: dict[str, Any],
        *,
        origin: str,
        allowed_by: str,
        timeout: float | None = None,
        elicitation: ElicitationAsker | None = None,
    ) -> ToolRun: ...

    async def history(self, query: ActionFilter = ActionFilter()) -> list[ToolAction]:  # noqa: B008
        ...


@runtime_checkable
class PreparesConnectors(Protocol):
    """A ToolSource whose connectors take a while to start (MCP servers, Merge): `prepare` starts them ahead of a
    call that may come soon; one that cannot start is left for the call to report (it never raises for that)."""

    async def prepare(self, connector_keys: Collection[str]) -> None: ...


class ConnectorsApi(Protocol):
    """The connectors façade (services/connectors/connectors_service.py implements it).

    `connectors()`, `tools()` and `merge_connectors()` are plain methods that read memory (filled from the store's
    cache at `open()`, so they answer offline); they may be called from any thread. Everything else is a coroutine
    for the connectors' loop and raises `ConnectorError` subclasses whose text is a sentence for the user."""

    def add_listener(self, listener: ConnectorsListener) -> None: ...

    def remove_listener(self, listener: ConnectorsListener) -> None: ...

    # ---------------------------------------------------------------- state (memory, any thread)
    def connectors(self) -> list[ConnectorInfo]:
        """Merge connectors (in pack order) then MCP servers (by name)."""
        ...

    def tools(self, connector_key: str | None = None) -> list[ToolSpec]:
        """Tools of one connector, or of all; disabled ones included (`enabled` False)."""
        ...

    def merge_connectors(self) -> list[MergeConnector]: ...

    def merge_configured(self) -> bool:
        """The Merge key and tool pack id are set."""
        ...

    def mcp_servers(self) -> list[McpServerConfig]: ...

    @property
    def offline(self) -> bool: ...

    @property
    def merge_error(self) -> str:
        """Why the last Merge detection failed (a sentence), "" when it worked or was not tried."""
        ...

    # ---------------------------------------------------------------- life cycle
    async def open(self) -> None:
        """Read settings and caches from the store, reap stdio servers an earlier run left behind. No network."""
        ...

    async def start(self) -> None:
        """After the first paint: refresh Merge connectors when online; enabled MCP servers start lazily."""
        ...

    async def set_offline(self, offline: bool) -> None: ...

    async def close(self) -> None:
        """Stop every MCP session and child process (bounded wait)."""
        ...

    # ---------------------------------------------------------------- fetching
    async def refresh(self, connector_key: str | None = None) -> None:
        """Merge: detect the pack's connectors (all pages) and which are authenticated, then fetch live tools.
        MCP: (re)connect when needed and list tools, resources and prompts. None = everything enabled."""
        ...

    async def ensure_tools(self, connector_key: str | None = None) -> list[ToolSpec]:
        """Start what is not started yet (lazily) and return its tools; cached tools when it cannot start."""
        ...

    async def prepare(self, connector_keys: Collection[str]) -> None:
        """See PreparesConnectors."""
        ...

    # ---------------------------------------------------------------- Merge
    async def connect_link(self, slug: str) -> str:
        """Mint a link token and return the magic link URL for the browser."""
        ...

    async def wait_connected(self, slug: str, *, timeout: float = 600.0, interval: float = 3.0) -> bool:
        """Poll until the registered user has authenticated `slug` (True), or the time runs out (False);
        cancel the task to stop waiting. Refreshes the connector's tools when it becomes connected."""
        ...

    async def disconnect(self, slug: str) -> None:
        """Delete the registered user's credential for `slug`."""
        ...

    # ---------------------------------------------------------------- MCP servers
    async def add_mcp_server(self, draft: McpServerDraft) -> McpServerConfig: ...

    async def update_mcp_server(self, server_id: int, draft: McpServerDraft) -> McpServerConfig: ...

    async def import_mcp_servers(self, text: str) -> list[McpServerConfig]:
        """Add the servers of a Claude Desktop / Cursor `mcpServers` JSON; secret-looking values go to the
        keychain. Raises ConnectorValidationError("json", ...) when the text is not such a document."""
        ...

    async def remove(self, connector_key: str) -> None:
        """Remove an MCP server (stops it, deletes its keychain entries and caches)."""
        ...

    async def restart(self, connector_key: str) -> None: ...

    async def server_log(self, connector_key: str) -> list[ServerLogLine]:
        """The latest log lines and stderr lines of a server (a bounded buffer)."""
        ...

    # ---------------------------------------------------------------- toggles
    async def set_enabled(self, connector_key: str, enabled: bool) -> None: ...

    async def set_tools_enabled(self, connector_key: str, names: Sequence[str], enabled: bool) -> None: ...

    # ---------------------------------------------------------------- running tools
    async def call_tool(
        self,
        qualified_name: str,
        arguments: dict[str, Any],
        *,
        origin: str,
        allowed_by: str,
        timeout: float | None = None,
        elicitation: ElicitationAsker | None = None,
    ) -> ToolRun:
        """Run a tool by its qualified name. Recorded as a ConnectorToolAction before and after the call (scrubbed
        arguments, capped result). A tool-level error or a request to authenticate is a ToolRun with that status,
        not an exception; a call that cannot be made at all (unknown tool, server down, timeout) raises."""
        ...

    async def history(self, query: ActionFilter = ActionFilter()) -> list[ToolAction]:  # noqa: B008
        ...

    async def action(self, action_id: int) -> ToolAction | None: ...
