"""What an McpSession is given: the endpoint to reach (secrets resolved) and the hooks it calls.

Both are re-exported by mcp_session, which is where the rest of the package imports them from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx2

from vector_desktop.domain.connectors import ConnectorError


@dataclass(frozen=True)
class McpEndpoint:
    """Where and how to reach one MCP server, secrets resolved (built just before connecting, never stored)."""

    name: str  # shown in messages ("GitHub", "Merge")
    url: str = ""  # streamable HTTP when set
    headers: Mapping[str, str] = field(default_factory=dict)
    command: str = ""  # stdio when set
    args: tuple[str, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)  # added to a clean env with the login shell's PATH
    cwd: str = ""
    auth: httpx2.Auth | None = None  # e.g. the SDK's OAuthClientProvider (an httpx2.Auth: the SDK's HTTP client)
    timeout: float = 30.0  # default per-request timeout (s)


class SessionHooks:
    """Called on the loop that runs the session; override what you need (defaults do nothing)."""

    def tools_list_changed(self) -> None:
        pass

    def resources_list_changed(self) -> None:
        pass

    def prompts_list_changed(self) -> None:
        pass

    def log_message(self, level: str, text: str) -> None:
        pass

    def stderr_line(self, text: str) -> None:  # stdio servers
        pass

    def closed(self, error: ConnectorError | None) -> None:  # connection ended by itself (process died...)
        pass
