"""The connectors vocabulary: Merge Agent Handler connectors and MCP servers, their state, the record of every tool
run (the web app's ConnectorToolAction), errors with sentences for the user, and the storage ports.

A connector's key is stable and names it everywhere (store rows, tool specs, the command line):
`merge:<slug>` for a Merge connector, `mcp:<id>` for an MCP server the user added.
Secrets (header values, environment values, OAuth tokens) are never in these records: the keychain holds them
under the references built here.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

from vector_desktop.domain.errors import VectorError
from vector_desktop.domain.tools import ToolSpec, ToolStatus

MERGE_PREFIX = "merge:"
MCP_PREFIX = "mcp:"


def merge_key(slug: str) -> str:
    return f"{MERGE_PREFIX}{slug}"


def mcp_key(server_id: int) -> str:
    return f"{MCP_PREFIX}{server_id}"


def mcp_server_id(key: str) -> int | None:
    """The server id of an `mcp:<id>` key (None for any other key)."""
    if not key.startswith(MCP_PREFIX):
        return None
    try:
        return int(key[len(MCP_PREFIX) :])
    except ValueError:
        return None


def is_loopback_url(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.")


def mcp_secret_ref(server_id: int, where: str, name: str) -> str:
    """The keychain entry of a secret header (`where`="header") or environment value ("env") of a server."""
    return f"MCP_SERVER:{server_id}:{where}:{name}"


def mcp_oauth_ref(server_id: int, what: str) -> str:
    """The keychain entry of a server's OAuth tokens ("tokens") or dynamic client registration ("client")."""
    return f"MCP_SERVER:{server_id}:oauth:{what}"


class ConnectorKind(enum.StrEnum):
    MERGE = "merge"
    MCP_HTTP = "mcp-http"
    MCP_STDIO = "mcp-stdio"
    DATABASE = "database"  # a database connection exposed to the AI (the databases feature's tools)
    EMAIL = "email"  # the email feature's send_email tool

    @property
    def label(self) -> str:
        return {
            "merge": "Merge",
            "mcp-http": "MCP (URL)",
            "mcp-stdio": "MCP (command)",
            "database": "Database",
            "email": "Email",
        }[self.value]


class ConnectorState(enum.StrEnum):
    STOPPED = "stopped"  # an MCP server not started yet (they start on first use, after the first paint)
    CONNECTING = "connecting"
    READY = "ready"
    FAILED = "failed"
    NOT_CONNECTED = "not connected"  # a Merge connector the user has not authenticated yet
    NEEDS_SIGN_IN = "needs sign-in"  # an MCP server whose authorization must be (re)done in the browser
    DISABLED = "disabled"
    OFFLINE = "offline"  # shown from the cache; nothing can be fetched now


class McpTransport(enum.StrEnum):
    HTTP = "http"  # streamable HTTP
    STDIO = "stdio"  # a child process speaking JSON-RPC on stdin/stdout


@dataclass(frozen=True)
class NamedValue:
    """A header or environment variable of an MCP server. A secret's value is in the keychain
    (`mcp_secret_ref(server, where, name)`) and `value` is empty here."""

    name: str
    value: str = ""
    secret: bool = False


@dataclass(frozen=True)
class McpServerConfig:
    id: int
    name: str
    transport: McpTransport
    url: str = ""
    headers: tuple[NamedValue, ...] = ()
    command: str = ""
    args: tuple[str, ...] = ()
    env: tuple[NamedValue, ...] = ()
    cwd: str = ""
    enabled: bool = True
    use_oauth: bool = False  # the server requires MCP authorization (OAuth 2.1 in the browser)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def key(self) -> str:
        return mcp_key(self.id)

    @property
    def kind(self) -> ConnectorKind:
        return ConnectorKind.MCP_HTTP if self.transport is McpTransport.HTTP else ConnectorKind.MCP_STDIO

    @property
    def needs_network(self) -> bool:
        """Offline, only servers on another machine are out of reach: a command or a loopback URL still works."""
        return self.transport is McpTransport.HTTP and not is_loopback_url(self.url)

    @property
    def target(self) -> str:
        """The URL, or the command line, in one line for lists."""
        if self.transport is McpTransport.HTTP:
            return self.url
        return " ".join([self.command, *self.args])


@dataclass(frozen=True)
class McpServerDraft:
    """What the user typed to add or change a server; secret values are here until they go to the keychain."""

    name: str
    transport: McpTransport
    url: str = ""
    headers: tuple[NamedValue, ...] = ()  # secret ones carry their value here ("" keeps the saved value)
    command: str = ""
    args: tuple[str, ...] = ()
    env: tuple[NamedValue, ...] = ()
    cwd: str = ""
    enabled: bool = True
    use_oauth: bool = False


@dataclass(frozen=True)
class MergeConnector:
    """A connector of the Merge tool pack (the web app's MergeIntegrationProvider), as last detected."""

    slug: str
    name: str
    logo_url: str = ""
    source_url: str = ""
    description: str = ""
    categories: tuple[str, ...] = ()
    auth_scope: str = ""
    connected: bool = False  # the registered user has authenticated it
    pack_tools: tuple[dict[str, Any], ...] = ()  # the pack's tool list from REST ({name, description})
    position: int = 0
    refreshed_at: datetime | None = None

    @property
    def key(self) -> str:
        return merge_key(self.slug)


@dataclass(frozen=True)
class ConnectorInfo:
    """One entry of the Connectors panel and of `connectors ls`: a Merge connector or an MCP server."""

    key: str
    kind: ConnectorKind
    name: str
    state: ConnectorState
    enabled: bool = True
    connected: bool = False
    tool_count: int = 0
    enabled_tool_count: int = 0
    detail: str = ""  # the URL or command of an MCP server, the categories of a Merge connector
    icon_url: str = ""
    error: str = ""  # why it failed, a sentence for the user
    stderr_tail: tuple[str, ...] = ()  # last lines a stdio server wrote to stderr
    refreshed_at: datetime | None = None  # when its tools were last fetched (or the Merge list detected)
    needs_network: bool = True  # False for a command or a loopback URL: usable offline

    @property
    def has_error(self) -> bool:
        return bool(self.error) or self.state is ConnectorState.FAILED


@dataclass(frozen=True)
class ToolAction:
    """One tool run, as recorded (the web app's ConnectorToolAction). Arguments are scrubbed of secrets; the
    result is capped in size (`result_truncated` says when it was cut)."""

    id: int
    connector_key: str
    connector_name: str
    tool_name: str
    qualified_name: str
    arguments: dict[str, Any]
    status: ToolStatus
    origin: str  # "panel", "cli", or a conversation id
    allowed_by: str  # who or what allowed it ("you, in the Connectors panel", "command line", a grant...)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    duration_ms: int | None = None
    summary: str = ""
    result_json: str | None = None
    result_truncated: bool = False
    error: str = ""


@dataclass(frozen=True)
class ActionFilter:
    connector_key: str = ""
    status: ToolStatus | None = None
    text: str = ""  # matched against tool names, summaries and errors
    limit: int = 500


@dataclass(frozen=True)
class CachedTools:
    """Tools (or resources, prompts) of one connector as last fetched, readable offline."""

    connector_key: str
    kind: str  # "tools" | "resources" | "prompts"
    items: tuple[dict[str, Any], ...]
    fetched_at: datetime | None = None


@dataclass(frozen=True)
class ElicitationRequest:
    """A server asks the user for input in the middle of a call (MCP `elicitation/create`)."""

    server_name: str
    message: str
    schema: dict[str, Any] = field(default_factory=dict)


class ElicitationAction(enum.StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    CANCEL = "cancel"


@dataclass(frozen=True)
class ElicitationResponse:
    action: ElicitationAction
    content: dict[str, Any] | None = None


class ElicitationAsker(Protocol):
    """Asks the user (dialog in the app, the terminal on the command line). Runs on the connectors' loop."""

    async def ask(self, request: ElicitationRequest) -> ElicitationResponse: ...


# ---------------------------------------------------------------------------------------------------- errors


class ConnectorError(VectorError):
    """A connector action failed; `str()` is a sentence for the user that never carries a secret."""


class ConnectorConfigError(ConnectorError):
    """Something must be set up first (the Merge key, a tool pack id...)."""


class ConnectorValidationError(ConnectorError):
    """A field of a form is not acceptable; `field` names it ("name", "url", "command", ...)."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


class ConnectorAuthError(ConnectorError):
    """The server refused the credentials (401/403)."""


class ConnectorNotFound(ConnectorError):
    """The server says the thing asked for does not exist (404): unknown pack, user, connector or tool."""


class ConnectorRateLimited(ConnectorError):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ConnectorTimeout(ConnectorError):
    """No answer in time."""


class ConnectorUnavailable(ConnectorError):
    """The server cannot be reached, answered with a 5xx, or the connection dropped."""


class ConnectorProtocolError(ConnectorError):
    """The server answered something that is not valid JSON-RPC / MCP."""


class ConnectorSignInRequired(ConnectorError):
    """An MCP server needs the user to sign in (again) in the browser."""


class ToolNotFound(ConnectorError):
    pass


# ---------------------------------------------------------------------------------------------------- ports


class ConnectorStore(Protocol):
    """Persistence of connector settings and caches (vector_desktop.store.connector_repository implements it).
    Every call is short and blocking: call it off the GUI thread."""

    # MCP servers
    def list_mcp_servers(self) -> list[McpServerConfig]: ...

    def get_mcp_server(self, server_id: int) -> McpServerConfig | None: ...

    def find_mcp_server(self, name: str) -> McpServerConfig | None: ...

    def add_mcp_server(self, draft: McpServerDraft) -> McpServerConfig: ...

    def update_mcp_server(self, server_id: int, draft: McpServerDraft) -> McpServerConfig: ...

    def set_mcp_server_enabled(self, server_id: int, enabled: bool) -> McpServerConfig: ...

    def delete_mcp_server(self, server_id: int) -> McpServerConfig | None: ...

    # Merge connectors (MergeIntegrationProvider rows)
    def list_merge_connectors(self) -> list[MergeConnector]: ...

    def replace_merge_connectors(self, connectors: Sequence[MergeConnector]) -> None: ...

    def set_merge_connected(self, slug: str, connected: bool) -> None: ...

    # ConnectorCache rows
    def save_cache(self, connector_key: str, kind: str, items: Sequence[dict[str, Any]]) -> None: ...

    def load_cache(self, connector_key: str, kind: str) -> CachedTools | None: ...

    def load_all_caches(self, kind: str) -> dict[str, CachedTools]: ...

    def drop_cache(self, connector_key: str) -> None: ...

    # Tool preferences (enable toggles), kept when a tool disappears for a while
    def tool_enabled_map(self) -> dict[tuple[str, str], bool]: ...

    def set_tools_enabled(self, connector_key: str, names: Sequence[str], enabled: bool) -> None: ...

    def connector_enabled_map(self) -> dict[str, bool]: ...

    def set_connector_enabled(self, connector_key: str, enabled: bool) -> None: ...

    # Small state values (the Merge registered user id, origin id, when the list was last detected)
    def get_state(self, key: str) -> str | None: ...

    def set_state(self, key: str, value: str | None) -> None: ...


class ToolActionStore(Protocol):
    """The ConnectorToolAction rows."""

    def start_action(
        self,
        *,
        connector_key: str,
        connector_name: str,
        tool_name: str,
        qualified_name: str,
        arguments: dict[str, Any],
        origin: str,
        allowed_by: str,
    ) -> ToolAction: ...

    def finish_action(
        self,
        action_id: int,
        *,
        status: ToolStatus,
        duration_ms: int,
        summary: str,
        result_json: str | None,
        result_truncated: bool,
        error: str,
    ) -> ToolAction: ...

    def get_action(self, action_id: int) -> ToolAction | None: ...

    def list_actions(self, query: ActionFilter = ActionFilter()) -> list[ToolAction]: ...

    def mark_interrupted(self, message: str) -> int:
        """Rows left running by a crash become interrupted; returns how many."""
        ...


# Tools of a connector as the panel lists them (a convenience alias for signatures).
ToolList = Sequence[ToolSpec]
