"""Fixtures for MCP tests: the Merge-shaped tool server (tests/support/mcp_tool_server.py) over streamable HTTP
and the command that runs it over stdio.

Register with `pytest_plugins = ["tests.support.fixtures_mcp"]` in the root conftest, or import the fixtures into a
test module: `from tests.support.fixtures_mcp import mcp_http_server  # noqa: F401`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.mcp_tool_server import HttpToolServer, streamable_http_app_at

ROOT = str(Path(__file__).resolve().parent.parent.parent)


@pytest.fixture(name="mcp_tool_server")
def mcp_tool_server() -> Iterator[HttpToolServer]:
    """A fresh tool server (its own tool list) under uvicorn on a free port of 127.0.0.1; stopped afterwards."""
    server = HttpToolServer(streamable_http_app_at("/mcp")).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(name="mcp_http_server")
def mcp_http_server(mcp_tool_server: HttpToolServer) -> str:
    """The URL of a fresh tool server: `http://127.0.0.1:PORT/mcp`."""
    return mcp_tool_server.url


def stdio_command(*extra: str) -> tuple[str, list[str]]:
    return sys.executable, ["-m", "tests.support.mcp_tool_server", "--stdio", *extra]


@pytest.fixture(name="mcp_stdio_command")
def mcp_stdio_command() -> tuple[str, list[str]]:
    """(command, args) that run the tool server over stdio; run it with cwd=`MCP_STDIO_CWD` (the repository root,
    so `tests.support` imports) or with PYTHONPATH set to it."""
    return stdio_command()


MCP_STDIO_CWD = ROOT
