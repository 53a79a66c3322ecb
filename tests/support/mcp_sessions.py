"""Helpers for tests that drive an McpSession: hooks that record what they are told, a scripted elicitation
asker, and a runner that plays a whole scenario on a plain asyncio loop (as the connectors runtime does)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest

from tests.support.fixtures_mcp import MCP_STDIO_CWD, stdio_command
from tests.support.mcp_tool_server import HttpToolServer
from vector_desktop.domain.connectors import ConnectorError, ElicitationRequest, ElicitationResponse
from vector_desktop.services.connectors.mcp_session import McpEndpoint, McpSession, SessionHooks

NAME = "Merge test"


class RecordingHooks(SessionHooks):
    def __init__(self) -> None:
        self.tools_changed = 0
        self.logs: list[tuple[str, str]] = []
        self.stderr: list[str] = []
        self.closed_with: list[ConnectorError | None] = []

    def tools_list_changed(self) -> None:
        self.tools_changed += 1

    def log_message(self, level: str, text: str) -> None:
        self.logs.append((level, text))

    def stderr_line(self, text: str) -> None:
        self.stderr.append(text)

    def closed(self, error: ConnectorError | None) -> None:
        self.closed_with.append(error)


class ScriptedAsker:
    def __init__(self, response: ElicitationResponse) -> None:
        self.response = response
        self.requests: list[ElicitationRequest] = []

    async def ask(self, request: ElicitationRequest) -> ElicitationResponse:
        self.requests.append(request)
        return self.response


def stdio_endpoint(*extra: str, name: str = NAME, **changes: Any) -> McpEndpoint:
    """The test tool server over stdio (`extra` arguments such as `--exit-at-once`)."""
    command, args = stdio_command(*extra)
    return McpEndpoint(name, command=command, args=tuple(args), cwd=MCP_STDIO_CWD, **changes)


Scenario = Callable[[McpSession, RecordingHooks], Awaitable[None]]


def run_session(endpoint: McpEndpoint, scenario: Scenario) -> RecordingHooks:
    hooks = RecordingHooks()

    async def main() -> None:
        session = McpSession(endpoint, hooks)
        await session.start()
        try:
            await scenario(session, hooks)
        finally:
            await session.close()

    asyncio.run(main())
    return hooks


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# Every test taking `endpoint` runs over streamable HTTP and over stdio.
@pytest.fixture(params=["http", "stdio"], name="endpoint")
def endpoint_fixture(request: pytest.FixtureRequest) -> Iterator[McpEndpoint]:
    if request.param == "stdio":
        yield stdio_endpoint()
        return
    server = HttpToolServer().start()
    try:
        yield McpEndpoint(NAME, url=server.url)
    finally:
        server.stop()
