"""McpSession when things go wrong: stdio children that exit, die or print garbage, HTTP servers that refuse,
vanish or answer nonsense; each failure is one sentence naming the server, and no child process is left behind."""

from __future__ import annotations

import asyncio
import os
import signal
import sys

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from tests.support.fixtures_mcp import mcp_tool_server  # noqa: F401
from tests.support.mcp_sessions import (
    NAME,
    RecordingHooks,
    endpoint_fixture,  # noqa: F401
    pid_alive,
    run_session,
    stdio_endpoint,
)
from tests.support.mcp_tool_server import HttpToolServer
from tests.support.sse_server import closed_port
from tests.support.waiting import wait_for
from vector_desktop.domain.connectors import (
    ConnectorAuthError,
    ConnectorConfigError,
    ConnectorError,
    ConnectorNotFound,
    ConnectorProtocolError,
    ConnectorUnavailable,
)
from vector_desktop.services.connectors.mcp_session import McpEndpoint, McpSession

MALFORMED = f"{NAME} sent a malformed JSON-RPC message instead of an answer."


# ---------------------------------------------------------------------------------------------------- stdio process


def test_stdio_stderr_lines_reach_the_hook_and_close_leaves_no_process() -> None:
    pids: list[int] = []

    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        assert session.pid is not None and pid_alive(session.pid)
        pids.append(session.pid)
        await wait_for(lambda: "merge-tools ready on stdio" in hooks.stderr, "the server's stderr line")
        assert session.stderr_tail[-1] == "merge-tools ready on stdio"

    hooks = run_session(stdio_endpoint(), scenario)
    assert not pid_alive(pids[0])
    assert hooks.closed_with == []


def test_stdio_server_that_exits_at_once_fails_with_its_last_stderr_line() -> None:
    async def main() -> None:
        session = McpSession(stdio_endpoint("--exit-at-once"))
        with pytest.raises(ConnectorUnavailable) as raised:
            await session.start()
        assert str(raised.value) == (
            f"{NAME} stopped as soon as it started (exit status 3): fatal: MERGE_TEST_TOKEN is not set"
        )
        assert session.stderr_tail == ("starting merge-tools", "fatal: MERGE_TEST_TOKEN is not set")
        await session.close()

    asyncio.run(main())


def test_stdio_server_that_dies_is_reported_to_the_hook_and_calls_fail() -> None:
    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        assert session.pid is not None
        os.kill(session.pid, signal.SIGKILL)
        await wait_for(lambda: hooks.closed_with, "the closed hook")
        with pytest.raises(ConnectorUnavailable) as raised:
            await session.call_tool("linear__list_issues", {})
        assert str(raised.value).startswith(f"{NAME} stopped (killed by SIGKILL)")

    hooks = run_session(stdio_endpoint(), scenario)
    assert str(hooks.closed_with[0]).startswith(f"{NAME} stopped (killed by SIGKILL)")


def test_stdio_server_killed_during_a_call_fails_the_call() -> None:
    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        assert session.pid is not None
        pid = session.pid

        def kill_when_started(progress: float, total: float | None, message: str) -> None:
            if pid_alive(pid):
                os.kill(pid, signal.SIGKILL)

        with pytest.raises(ConnectorUnavailable) as raised:
            await session.call_tool("slow_tool", {"seconds": 30, "step": 0.1}, on_progress=kill_when_started)
        assert str(raised.value).startswith(f"{NAME} stopped (killed by SIGKILL)")

    run_session(stdio_endpoint(), scenario)


def test_stdio_command_not_found_is_a_config_error() -> None:
    async def main() -> None:
        session = McpSession(McpEndpoint(NAME, command="no-such-mcp-server-here"))
        with pytest.raises(ConnectorConfigError) as raised:
            await session.start()
        assert str(raised.value) == f"The command no-such-mcp-server-here of {NAME} was not found on the PATH."

    asyncio.run(main())


def test_stdio_environment_is_clean_and_secrets_are_masked_in_messages() -> None:
    script = (
        "import os, sys; "
        "print('leaked' if 'PYTEST_CURRENT_TEST' in os.environ else 'clean', file=sys.stderr); "
        "print('token is ' + os.environ['API_TOKEN'], file=sys.stderr); sys.exit(2)"
    )
    endpoint = McpEndpoint(NAME, command=sys.executable, args=("-c", script), env={"API_TOKEN": "s3cret-token-value"})

    async def main() -> None:
        hooks = RecordingHooks()
        session = McpSession(endpoint, hooks)
        with pytest.raises(ConnectorUnavailable) as raised:
            await session.start()
        assert "s3cret-token-value" not in str(raised.value)
        assert str(raised.value).endswith("token is ••••")
        assert hooks.stderr == ["clean", "token is ••••"]

    asyncio.run(main())


# ---------------------------------------------------------------------------------------------------- HTTP failures


def test_url_nobody_listens_on_is_unavailable() -> None:
    port = closed_port()

    async def main() -> None:
        session = McpSession(McpEndpoint(NAME, url=f"http://127.0.0.1:{port}/mcp"))
        with pytest.raises(ConnectorUnavailable) as raised:
            await session.start()
        assert str(raised.value) == f"{NAME} cannot be reached: nothing answers at 127.0.0.1:{port}."

    asyncio.run(main())


def test_wrong_path_on_a_real_server_is_not_found(mcp_tool_server: HttpToolServer) -> None:  # noqa: F811
    url = f"http://127.0.0.1:{mcp_tool_server.port}/nope?key=secret"

    async def main() -> None:
        with pytest.raises(ConnectorNotFound) as raised:
            await McpSession(McpEndpoint(NAME, url=url)).start()
        message = str(raised.value)
        assert message.startswith(f"{NAME} has no MCP endpoint at http://127.0.0.1:{mcp_tool_server.port}/nope")
        assert "secret" not in message

    asyncio.run(main())


def _fake_app(status: int, body: str, media_type: str = "application/json") -> Starlette:
    async def answer(request: Request) -> Response:
        if media_type == "application/json" and status == 200:
            return PlainTextResponse(body, media_type=media_type)
        if status == 401:
            return JSONResponse({"error": "invalid_token"}, status_code=401)
        return PlainTextResponse(body, status_code=status, media_type=media_type)

    return Starlette(routes=[Route("/mcp", answer, methods=["GET", "POST", "DELETE"])])


@pytest.mark.parametrize(
    ("status", "body", "error", "text"),
    [
        (401, "", ConnectorAuthError, f"{NAME} refused the credentials (HTTP 401): check its token or key."),
        (403, "no", ConnectorAuthError, f"{NAME} refused access (HTTP 403): the credentials lack the permission."),
        (503, "busy", ConnectorUnavailable, f"{NAME} had a server error (HTTP 503): try again later."),
        (200, "{not json", ConnectorProtocolError, f"{NAME} sent a malformed JSON-RPC message instead of an answer."),
        (
            200,
            '{"hello": 1}',
            ConnectorProtocolError,
            f"{NAME} sent a malformed JSON-RPC message instead of an answer.",
        ),
    ],
)
def test_http_failures_map_to_one_sentence(status: int, body: str, error: type[ConnectorError], text: str) -> None:
    server = HttpToolServer(_fake_app(status, body), path="/mcp").start()
    endpoint = McpEndpoint(NAME, url=server.url, headers={"Authorization": "Bearer abcdef-secret"})

    async def main() -> None:
        with pytest.raises(error) as raised:
            await McpSession(endpoint).start()
        assert str(raised.value) == text

    try:
        asyncio.run(main())
    finally:
        server.stop()


def test_http_server_gone_after_start_makes_calls_unavailable(mcp_tool_server: HttpToolServer) -> None:  # noqa: F811
    async def scenario(session: McpSession, hooks: RecordingHooks) -> None:
        mcp_tool_server.stop()
        with pytest.raises(ConnectorUnavailable) as raised:
            await session.call_tool("linear__list_issues", {})
        assert NAME in str(raised.value)

    run_session(McpEndpoint(NAME, url=mcp_tool_server.url), scenario)


def test_close_during_a_call_ends_the_call_and_the_process(endpoint: McpEndpoint) -> None:
    async def main() -> None:
        session = McpSession(endpoint)
        await session.start()
        started = asyncio.Event()
        call = asyncio.create_task(
            session.call_tool("slow_tool", {"seconds": 30, "step": 0.1}, on_progress=lambda *_: started.set())
        )
        await started.wait()
        await session.close()
        with pytest.raises(ConnectorUnavailable):
            await call
        if session.pid is not None:
            assert not pid_alive(session.pid)
        with pytest.raises(ConnectorUnavailable) as raised:
            await session.list_tools()
        assert str(raised.value) == f"The connection to {NAME} is closed."

    asyncio.run(main())


def test_cancelling_start_stops_the_child() -> None:
    script = "import time; time.sleep(60)"  # never answers initialize

    async def main() -> None:
        session = McpSession(McpEndpoint(NAME, command=sys.executable, args=("-c", script)))
        starting = asyncio.create_task(session.start())
        await wait_for(lambda: session.pid is not None, "the child started")
        starting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await starting
        assert session.pid is not None and not pid_alive(session.pid)

    asyncio.run(main())


def test_stdio_server_writing_garbage_instead_of_json_rpc_is_a_protocol_error() -> None:
    script = "import sys, time; sys.stdin.readline(); print('Server listening...', flush=True); time.sleep(60)"

    async def main() -> None:
        session = McpSession(McpEndpoint(NAME, command=sys.executable, args=("-c", script), timeout=1.0))
        with pytest.raises(ConnectorProtocolError) as raised:
            await session.start()
        assert str(raised.value) == MALFORMED

    asyncio.run(main())
