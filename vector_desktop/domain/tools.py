"""The tool vocabulary shared by every feature that hands tools to the model or to the user (connectors now;
databases and email later): a tool's definition, one call, its result. No Qt, no I/O.

The AI layer has its own wire-format `ToolSpec` (ai/types.py: the OpenAI `tools` entry); the domain's `ToolSpec`
is richer: where the tool comes from, its real and qualified names, annotations and what it costs per request.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ToolAnnotations:
    """MCP tool annotations: hints from the server, never guarantees. None = the server did not say."""

    title: str = ""
    read_only: bool | None = None
    destructive: bool | None = None
    idempotent: bool | None = None
    open_world: bool | None = None

    def badges(self) -> list[str]:
        """Short words for what the server declared (for lists and the CLI)."""
        words = []
        if self.read_only:
            words.append("read-only")
        if self.destructive:
            words.append("destructive")
        if self.idempotent:
            words.append("idempotent")
        if self.open_world:
            words.append("open-world")
        return words


@dataclass(frozen=True)
class ToolSpec:
    """One tool of one connector.

    `name` is the tool's real name on its server; `qualified_name` is `<connector>__<tool>` made safe for model
    APIs (`^[a-zA-Z0-9_-]{1,64}$`) and unique across all connectors; `connector_key` names its connector."""

    connector_key: str
    name: str
    qualified_name: str
    description: str = ""
    title: str = ""
    input_schema: dict[str, Any] = field(default_factory=lambda: {"type": "object", "properties": {}})
    output_schema: dict[str, Any] | None = None
    annotations: ToolAnnotations = field(default_factory=ToolAnnotations)
    token_cost: int = 0  # estimated tokens its definition adds to each request that offers it
    enabled: bool = True

    @property
    def display_title(self) -> str:
        return self.title or self.annotations.title or self.name


@dataclass(frozen=True)
class ToolGroup:
    """One connector's tools the user may offer the model (enabled tools of an enabled connector): what the chat's
    composer counts and the tool policy's tools chooser lists."""

    connector_key: str
    name: str
    tools: tuple[ToolSpec, ...]


class ToolStatus(enum.StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"  # the tool ran and reported an error (isError), or the call could not be made
    NEEDS_AUTH = "needs auth"  # the connector must be connected (signed in) first
    CANCELLED = "cancelled"
    TIMED_OUT = "timed out"
    INTERRUPTED = "interrupted"  # the app stopped during the call; never re-run by itself

    @property
    def finished(self) -> bool:
        return self is not ToolStatus.RUNNING


@dataclass(frozen=True)
class AuthRequest:
    """A tool result saying the user must connect (authenticate) a connector before the tool can work."""

    connector: str  # the connector's slug or key
    message: str = ""
    magic_link_url: str = ""
    link_token: str = ""


@dataclass(frozen=True)
class ToolCall:
    id: str
    qualified_name: str
    arguments: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ToolResult:
    """What a call gave back. `structured` is the structured content, or the text content parsed as JSON when it
    parses; `text` is the text content as sent. `error` is a sentence for the user when the call failed."""

    status: ToolStatus
    structured: Any = None
    text: str = ""
    is_error: bool = False
    duration_ms: int = 0
    error: str = ""
    auth: AuthRequest | None = None
    content: tuple[dict[str, Any], ...] = ()  # the raw content blocks (images, embedded resources...)

    @property
    def value(self) -> Any:
        """The most useful form of the result: structured when there is one, else the text."""
        return self.structured if self.structured is not None else self.text
