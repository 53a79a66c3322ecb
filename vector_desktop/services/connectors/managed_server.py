"""One MCP server as the service holds it at run time (settings, state, session, lists, logs), and how sessions
are made: the SDK's McpSession, imported on first use so that listing cached connectors never loads the SDK."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import httpx2

from vector_desktop.domain.connectors import ConnectorState, McpServerConfig
from vector_desktop.domain.connectors_api import ServerLogLine
from vector_desktop.services.connectors.mcp_endpoint import McpEndpoint, SessionHooks

if TYPE_CHECKING:
    from vector_desktop.services.connectors.mcp_session import McpSession

STDERR_TAIL = 20
LOG_LINES = 500
CLOSE_WAIT = 5.0

SessionFactory = Callable[[McpEndpoint, SessionHooks], "McpSession"]
AuthFactory = Callable[[McpServerConfig], httpx2.Auth | None]


def sdk_session(endpoint: McpEndpoint, hooks: SessionHooks) -> McpSession:
    """The real session; the SDK is imported on first use (listing cached connectors never needs it)."""
    from vector_desktop.services.connectors.mcp_session import McpSession

    return McpSession(endpoint, hooks)


@dataclass
class ManagedServer:
    config: McpServerConfig
    state: ConnectorState = ConnectorState.STOPPED
    error: str = ""
    session: McpSession | None = None
    pid: int | None = None
    generation: int = 0  # bumped at each start and stop: a `closed` from an older session is ignored
    attempts: int = 0
    ready_since: float = 0.0
    restart_task: asyncio.Task[None] | None = None
    lists: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    fetched_at: datetime | None = None
    stderr: deque[str] = field(default_factory=lambda: deque(maxlen=STDERR_TAIL))
    stderr_tail: tuple[str, ...] = ()
    log: deque[ServerLogLine] = field(default_factory=lambda: deque(maxlen=LOG_LINES))
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def key(self) -> str:
        return self.config.key
