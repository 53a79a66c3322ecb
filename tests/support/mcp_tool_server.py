"""An MCP server built with the official SDK that serves Merge-shaped tools, for tests and benchmarks.

Tools: `linear__create_issue` (arguments wrapped in `input`, JSON text result), `linear__list_issues` (read-only,
records as JSON text + structured content), `jira__search` (read-only), `slow_tool` (sleeps `seconds`, reports
progress each step), `failing_tool` (an isError result), `needs_auth_tool` (an isError result asking to connect,
shaped like Merge's), `ask_user` (elicits a form with defaults), `log_tool` (logging notifications) and `add_tool`
(adds a tool at run time and says so with `notifications/tools/list_changed`), `drop_stream` (closes its SSE
response stream mid-call; the client resumes it with Last-Event-ID and still gets the answer).

Run it:
- `python -m tests.support.mcp_tool_server --stdio` (a stdio server; `--exit-at-once` writes to stderr and exits 3)
- `python -m tests.support.mcp_tool_server --http PORT` (streamable HTTP at http://127.0.0.1:PORT/mcp)

In a test: the fixtures of tests/support/fixtures_mcp.py. To mount the same server under another path of another
ASGI app (the loopback Merge server does), use `streamable_http_app_at("/tool-packs/p/registered-users/u/mcp")`:
it returns a Starlette app that serves MCP at exactly that path; run its `router.lifespan_context` (or mount it
as the whole app) so the SDK's session manager starts.
"""

from __future__ import annotations

import argparse
import enum
import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import anyio
import mcp_types as types
from mcp.server.mcpserver import Context, Elicit, ElicitationResult, MCPServer, Resolve
from mcp.server.streamable_http import EventCallback, EventMessage, EventStore
from pydantic import BaseModel, Field

MAGIC_LINK_URL = "https://ah.merge.dev/magic-link/x/"
LINK_TOKEN = "lt-test-123"

ISSUES = [
    {"id": "ISS-1", "title": "Login page is slow", "state": "open", "priority": "high", "team_id": "team-a"},
    {"id": "ISS-2", "title": "Typo on the pricing page", "state": "closed", "priority": "low", "team_id": "team-a"},
    {"id": "ISS-3", "title": "Export to CSV", "state": "open", "priority": "medium", "team_id": "team-b"},
]


class Priority(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    URGENT = "urgent"


class CreateIssueInput(BaseModel):
    title: str = Field(description="A short title for the issue.")
    team_id: str = Field(description="The team that owns the issue.")
    description: str = Field("", description="What happened, in Markdown.")
    priority: Priority = Field(Priority.MEDIUM, description="How urgent it is.")


class Contact(BaseModel):
    """The form `ask_user` elicits; every field has a default (SEP-1034 defaults)."""

    name: str = Field("Ada", description="Your name.")
    email: str = Field("ada@example.com", description="Where to reach you.")
    subscribe: bool = Field(True, description="Send me news.")
    level: int = Field(3, description="Experience from 1 to 5.")


def _text(value: Any) -> list[types.ContentBlock]:
    text = value if isinstance(value, str) else json.dumps(value)
    return [types.TextContent(text=text)]


def _ask_contact() -> Elicit[Contact]:
    return Elicit("Who should we contact about this?", Contact)


class RecordingServer(MCPServer):
    """The SDK's server, keeping every tools/call it received in `calls` (name, arguments), for tests that assert
    what reached the server (or that nothing did)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calls: list[tuple[str, dict[str, Any]]] = []

    async def call_tool(self, name: str, arguments: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        self.calls.append((name, dict(arguments)))
        return await super().call_tool(name, arguments, *args, **kwargs)


def build_server(name: str = "merge-tools") -> RecordingServer:
    """A fresh server (its tool list is private to it: `add_tool` changes only this one); `calls` records calls."""
    server = RecordingServer(name, instructions="Merge-shaped tools for tests.", log_level="WARNING")
    created: list[dict[str, Any]] = []

    @server.tool(
        name="linear__create_issue",
        description="Create an issue in Linear.",
        annotations=types.ToolAnnotations(
            title="Create Linear issue", read_only_hint=False, destructive_hint=False, open_world_hint=True
        ),
    )
    def create_issue(input: CreateIssueInput) -> types.CallToolResult:
        issue = {"id": f"ISS-{100 + len(created)}", "state": "open", **input.model_dump(mode="json")}
        created.append(issue)
        return types.CallToolResult(content=_text({"issue": issue}))

    @server.tool(
        name="linear__list_issues",
        description="List the issues of a Linear team.",
        annotations=types.ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=True),
    )
    def list_issues(team_id: str = "", state: str = "", limit: int = 50) -> types.CallToolResult:
        records = [
            issue
            for issue in [*ISSUES, *created]
            if (not team_id or issue["team_id"] == team_id) and (not state or issue["state"] == state)
        ][:limit]
        return types.CallToolResult(content=_text(records), structured_content={"results": records})

    @server.tool(
        name="jira__search",
        description="Search Jira issues with JQL.",
        annotations=types.ToolAnnotations(read_only_hint=True),
    )
    def jira_search(jql: str, max_results: int = 10) -> types.CallToolResult:
        return types.CallToolResult(content=_text({"jql": jql, "issues": [], "total": 0}))

    @server.tool(description="Sleep `seconds`, reporting progress every `step` seconds.")
    async def slow_tool(ctx: Context, seconds: float = 1.0, step: float = 0.1) -> str:
        steps = max(1, round(seconds / step))
        for index in range(steps):
            await anyio.sleep(seconds / steps)
            await ctx.report_progress(index + 1, steps, f"step {index + 1} of {steps}")
        return f"slept {seconds} s"

    @server.tool(description="Always fails with an error result.")
    def failing_tool(reason: str = "The tool broke.") -> types.CallToolResult:
        return types.CallToolResult(content=_text(reason), is_error=True)

    @server.tool(description="Answers like Merge when the connector is not authenticated.")
    def needs_auth_tool() -> types.CallToolResult:
        payload = {
            "error": "reauth_required",
            "message": "Please connect your Linear account.",
            "magic_link_url": MAGIC_LINK_URL,
            "link_token": LINK_TOKEN,
            "connector": "linear",
        }
        return types.CallToolResult(content=_text(payload), is_error=True)

    @server.tool(description="Ask the user for contact details (elicitation) and echo the answer.")
    def ask_user(answer: Annotated[ElicitationResult[Contact], Resolve(_ask_contact)]) -> types.CallToolResult:
        if answer.action == "accept":
            return types.CallToolResult(content=_text({"action": "accept", "contact": answer.data.model_dump()}))
        return types.CallToolResult(content=_text({"action": answer.action}))

    @server.tool(description="Send `count` logging notifications, then answer.")
    async def log_tool(ctx: Context, count: int = 2, level: types.LoggingLevel = "info") -> str:
        for index in range(count):
            params = types.LoggingMessageNotificationParams(level=level, data=f"log line {index + 1}", logger="tests")
            await ctx.session.send_notification(
                types.LoggingMessageNotification(params=params), related_request_id=ctx.request_id
            )
        return f"sent {count} log messages"

    @server.tool(description="Add a tool named `name` and tell the client its tool list changed.")
    async def add_tool(ctx: Context, name: str = "added_tool") -> str:
        def added(text: str = "") -> str:
            return f"{name}: {text}"

        server.add_tool(added, name=name, description=f"Added at run time ({name}).")
        # On the POST's own stream: it reaches the client even when no standalone GET stream is open.
        await ctx.session.send_notification(types.ToolListChangedNotification(), related_request_id=ctx.request_id)
        await ctx.notify_tools_changed()  # 2026-07-28 clients listening with subscriptions/listen
        return f"added {name}"

    @server.tool(description="Close this call's SSE stream half way; a resuming client still gets the answer.")
    async def drop_stream(ctx: Context, pause: float = 0.3) -> str:
        await ctx.report_progress(1, 2, "before the drop")
        await ctx.close_sse_stream()
        await anyio.sleep(pause)
        await ctx.report_progress(2, 2, "after the drop")
        return "answered after the stream dropped"

    return server


class MemoryEventStore(EventStore):
    """Keeps every SSE event so a client that lost a stream can resume it (Last-Event-ID)."""

    def __init__(self) -> None:
        self._events: list[tuple[str, str, types.JSONRPCMessage | None]] = []  # (event id, stream id, message)
        self.replays = 0  # how many times a client resumed a stream

    async def store_event(self, stream_id: str, message: types.JSONRPCMessage | None) -> str:
        event_id = str(len(self._events) + 1)
        self._events.append((event_id, stream_id, message))
        return event_id

    async def replay_events_after(self, last_event_id: str, send_callback: EventCallback) -> str | None:
        index = next((i for i, (event_id, _, _) in enumerate(self._events) if event_id == last_event_id), None)
        if index is None:
            return None
        stream_id = self._events[index][1]
        self.replays += 1
        for event_id, stream, message in self._events[index + 1 :]:
            if stream == stream_id and message is not None:
                await send_callback(EventMessage(message, event_id))
        return stream_id


def streamable_http_app_at(
    path: str = "/mcp",
    server: MCPServer | None = None,
    *,
    resumable: bool = True,
    event_store: MemoryEventStore | None = None,
) -> Any:
    """A Starlette app serving `server` (default: a fresh `build_server()`) over streamable HTTP at `path`;
    `resumable` keeps SSE events (in `event_store` when given) so dropped streams can be resumed (retry 100 ms)."""
    store = (event_store or MemoryEventStore()) if resumable else None
    return (server or build_server()).streamable_http_app(
        streamable_http_path=path, event_store=store, retry_interval=100 if resumable else None
    )


class HttpToolServer:
    """`build_server()` over streamable HTTP under uvicorn in a daemon thread on 127.0.0.1."""

    def __init__(self, app: Any = None, port: int = 0, path: str = "/mcp") -> None:
        import uvicorn

        self.path = path
        self.app = app if app is not None else streamable_http_app_at(path)
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=port, log_level="warning", ws="none", lifespan="on", access_log=False
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="mcp-tool-server", daemon=True)
        self.port = port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.path}"

    def start(self, timeout: float = 20.0) -> HttpToolServer:
        """Serve in a daemon thread; returns once the port is bound (`port` is then the real one)."""
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the MCP test server did not start")
            time.sleep(0.02)
        sockets = [s for server in self._server.servers for s in server.sockets]
        self.port = sockets[0].getsockname()[1]
        return self

    def serve_forever(self) -> None:
        """Serve on this thread until interrupted (the `--http PORT` command line)."""
        self._server.run()

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)


@contextmanager
def running_http_server(app: Any = None, path: str = "/mcp") -> Iterator[HttpToolServer]:
    server = HttpToolServer(app, path=path).start()
    try:
        yield server
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--stdio", action="store_true", help="serve over stdin/stdout")
    mode.add_argument("--http", type=int, metavar="PORT", help="serve streamable HTTP on 127.0.0.1:PORT/mcp")
    parser.add_argument("--exit-at-once", action="store_true", help="write to stderr and exit with status 3")
    parser.add_argument("--name", default="merge-tools")
    args = parser.parse_args(argv)
    if args.exit_at_once:
        print("starting merge-tools", file=sys.stderr)
        print("fatal: MERGE_TEST_TOKEN is not set", file=sys.stderr, flush=True)
        return 3
    if args.stdio:
        print(f"{args.name} ready on stdio", file=sys.stderr, flush=True)
        build_server(args.name).run("stdio")
        return 0
    HttpToolServer(streamable_http_app_at("/mcp", build_server(args.name)), port=args.http).serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
