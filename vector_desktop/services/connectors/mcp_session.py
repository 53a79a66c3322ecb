"""One live connection to one MCP server (streamable HTTP or stdio) through the official SDK's `mcp.Client`.

The SDK's client is an async context manager built on anyio task groups, which must be left by the task that
entered them; so a runner task owns it from `start()` to `close()` and every request is made from the caller's
task through it. Everything runs on one plain asyncio loop (the connectors runtime's).

Protocol: the handshake era (`initialize`) first, as every server today speaks it; a server that answers that it
only speaks 2026-07-28 or later is reconnected in the SDK's "auto" mode.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import time
from collections.abc import Callable
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import httpx2
import mcp_types as types
from mcp import Client
from mcp.client._transport import Transport
from mcp.client.session import ClientRequestContext, IncomingMessage
from mcp.client.streamable_http import streamable_http_client

import vector_desktop
from vector_desktop.domain.connectors import (
    ConnectorConfigError,
    ConnectorError,
    ConnectorUnavailable,
    ElicitationAction,
    ElicitationAsker,
    ElicitationRequest,
)
from vector_desktop.domain.tools import ToolResult
from vector_desktop.services.connectors.login_shell import LoginEnvironment
from vector_desktop.services.connectors.mcp_endpoint import McpEndpoint, SessionHooks
from vector_desktop.services.connectors.mcp_errors import (
    FailureFacts,
    connector_error,
    exit_description,
    is_server_refusal,
    root_cause,
    unsupported_version,
)
from vector_desktop.services.connectors.mcp_results import refused_call, tool_result
from vector_desktop.services.connectors.mcp_stdio import StdioProcess
from vector_desktop.services.connectors.secret_mask import SecretMask

__all__ = ["McpEndpoint", "McpSession", "SessionHooks"]

logger = logging.getLogger(__name__)

SSE_READ_TIMEOUT = 300.0  # a response stream may stay quiet for long while a tool works
_PAGE_LIMIT = 100  # a server whose cursor never ends cannot hang a listing


ProgressCallback = Callable[[float, float | None, str], None]


class McpSession:
    def __init__(
        self,
        endpoint: McpEndpoint,
        hooks: SessionHooks | None = None,
        *,
        environment: LoginEnvironment | None = None,
    ) -> None:
        if bool(endpoint.url) == bool(endpoint.command):
            raise ConnectorConfigError(f"{endpoint.name} needs either a URL or a command.")
        self.endpoint = endpoint
        self.hooks = hooks or SessionHooks()
        self._environment = environment or LoginEnvironment()
        self._redact = SecretMask((*endpoint.env.values(), *endpoint.headers.values()))
        self._client: Client | None = None
        self._runner: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()
        self._stop = asyncio.Event()
        self._start_error: ConnectorError | None = None
        self._ended: ConnectorError | None = None  # why the connection is gone, once it is
        self._stdio: StdioProcess | None = None
        self._askers: list[ElicitationAsker] = []
        self._http = FailureFacts(endpoint.name, url=endpoint.url, command=endpoint.command)
        self._malformed = False

    # ------------------------------------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Connect and initialize; raises a ConnectorError subclass when the server cannot be used."""
        if self._runner is not None:
            raise RuntimeError("an McpSession starts once; make a new one to reconnect")
        self._runner = asyncio.create_task(self._run(), name=f"mcp-session:{self.endpoint.name}")
        try:
            await self._ready.wait()
        except asyncio.CancelledError:
            await self.close()
            raise
        if self._start_error is not None:
            await asyncio.wait({self._runner})
            raise self._start_error

    async def close(self) -> None:
        """Idempotent; stops the child process (and its process group)."""
        self._stop.set()
        if self._ended is None:
            self._ended = ConnectorUnavailable(f"The connection to {self.endpoint.name} is closed.")
        if self._runner is None:
            return
        if not self._ready.is_set():
            self._runner.cancel()  # still connecting: no need to wait for the handshake to time out
        # asyncio.wait: the runner finishes its clean-up (the child is stopped) even if this caller is cancelled.
        await asyncio.wait({self._runner})

    async def _run(self) -> None:
        try:
            for mode in ("legacy", "auto"):
                try:
                    await self._serve(mode)
                    return
                except Exception as exc:  # every failure becomes a sentence; cancellation passes through
                    if not self._ready.is_set() and mode == "legacy" and unsupported_version(exc):
                        continue
                    await self._failed(exc)
                    return
        finally:
            self._ready.set()

    async def _serve(self, mode: str) -> None:
        async with AsyncExitStack() as stack:
            client = Client(
                await self._transport(stack),
                mode=mode,
                read_timeout_seconds=self.endpoint.timeout,
                logging_callback=self._on_log,
                message_handler=self._on_message,
                elicitation_callback=self._on_elicit,
                client_info=types.Implementation(name="vector-desktop", version=vector_desktop.__version__),
                log_level="info",
                cache=None,  # lists are refetched on list_changed; nothing to gain from a cache
            )
            await stack.enter_async_context(client)
            self._client = client
            self._ready.set()
            try:
                await self._stop.wait()
            finally:
                self._client = None

    async def _failed(self, exc: BaseException) -> None:
        starting = not self._ready.is_set()
        error = await self._map(exc, starting=starting)
        if starting:
            self._start_error = error
        elif not self._stop.is_set():
            self._ended = error
            self._call_hook(self.hooks.closed, error)

    async def _transport(self, stack: AsyncExitStack) -> Transport:
        if self.endpoint.url:
            http = httpx2.AsyncClient(
                headers=dict(self.endpoint.headers),
                auth=self.endpoint.auth,
                timeout=httpx2.Timeout(self.endpoint.timeout, read=max(SSE_READ_TIMEOUT, self.endpoint.timeout)),
                event_hooks={"response": [self._on_http_response]},
            )
            await stack.enter_async_context(http)
            # SSE resumption (retry + Last-Event-ID) is built into the SDK's transport.
            return streamable_http_client(self.endpoint.url, http_client=http)
        env = await self._environment.base()
        env.update(self.endpoint.env)
        command = os.path.expanduser(self.endpoint.command)
        found = command if "/" in command else shutil.which(command, path=env.get("PATH"))
        if not found:
            raise ConnectorConfigError(f"The command {command} of {self.endpoint.name} was not found on the PATH.")
        cwd = os.path.expanduser(self.endpoint.cwd) if self.endpoint.cwd else ""
        if cwd and not Path(cwd).is_dir():
            raise ConnectorConfigError(f"The working folder {cwd} of {self.endpoint.name} does not exist.")
        self._stdio = StdioProcess(
            [found, *self.endpoint.args], env, cwd, on_stderr=self._on_stderr, on_exit=self._on_exit
        )
        return self._stdio.open()

    # ------------------------------------------------------------------------------------------------ properties

    @property
    def pid(self) -> int | None:
        """The stdio child's pid once started (None for HTTP servers)."""
        return self._stdio.pid if self._stdio is not None else None

    @property
    def stderr_tail(self) -> tuple[str, ...]:
        """The last lines the stdio child wrote to stderr, secrets masked."""
        return tuple(self._redact.text(line) for line in self._stdio.stderr_tail) if self._stdio else ()

    @property
    def server_name(self) -> str:
        info = self._client.server_info if self._client is not None else None
        return info.name if info is not None and info.name else self.endpoint.name

    @property
    def instructions(self) -> str:
        return (self._client.instructions or "") if self._client is not None else ""

    @property
    def protocol_version(self) -> str:
        return self._client.protocol_version if self._client is not None else ""

    @property
    def capabilities(self) -> dict[str, Any]:
        if self._client is None:
            return {}
        return self._client.server_capabilities.model_dump(by_alias=True, mode="json", exclude_none=True)

    @property
    def connected(self) -> bool:
        return self._client is not None and self._ended is None

    # ------------------------------------------------------------------------------------------------ requests

    async def list_tools(self) -> list[dict[str, Any]]:
        """The server's tools in wire form (camelCase: name, title, description, inputSchema, annotations...)."""
        return await self._list("tools")

    async def list_resources(self) -> list[dict[str, Any]]:
        return await self._list("resources")

    async def list_prompts(self) -> list[dict[str, Any]]:
        return await self._list("prompts")

    async def _list(self, kind: str) -> list[dict[str, Any]]:
        client = self._require()
        if getattr(client.server_capabilities, kind, None) is None:
            return []
        fetch = {"tools": client.list_tools, "resources": client.list_resources, "prompts": client.list_prompts}[kind]
        items: list[dict[str, Any]] = []
        cursor: str | None = None
        for _ in range(_PAGE_LIMIT):
            try:
                page = await fetch(cursor=cursor)
            except Exception as exc:
                raise await self._map(exc) from exc
            entries = getattr(page, kind)
            items.extend(entry.model_dump(by_alias=True, mode="json", exclude_none=True) for entry in entries)
            cursor = page.next_cursor
            if not cursor:
                break
        return items

    async def call_tool(
        self,
        name: str,
        arguments: dict[str, Any],
        *,
        timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        elicitation: ElicitationAsker | None = None,
    ) -> ToolResult:
        """Run a tool. A result (even an error result) comes back as a ToolResult; raises ConnectorTimeout,
        ConnectorUnavailable, ConnectorProtocolError or ConnectorAuthError when the call itself cannot be made."""
        client = self._require()
        seconds = timeout if timeout is not None else self.endpoint.timeout

        async def report(progress: float, total: float | None, message: str | None) -> None:
            if on_progress is not None:
                on_progress(progress, total, message or "")

        if elicitation is not None:
            self._askers.append(elicitation)
        started = time.monotonic()
        try:
            result = await client.call_tool(
                name, arguments, read_timeout_seconds=seconds, progress_callback=report if on_progress else None
            )
        except Exception as exc:
            elapsed = round((time.monotonic() - started) * 1000)
            if is_server_refusal(exc, self._http):
                return refused_call(self.endpoint.name, str(root_cause(exc)), elapsed)
            raise await self._map(exc, timeout=seconds) from exc
        finally:
            if elicitation is not None:
                self._askers.remove(elicitation)
        elapsed = round((time.monotonic() - started) * 1000)
        return tool_result(result, server_name=self.endpoint.name, tool_name=name, duration_ms=elapsed)

    def _require(self) -> Client:
        if self._ended is not None:
            raise self._ended
        if self._client is None:
            raise ConnectorUnavailable(f"{self.endpoint.name} is not connected.")
        self._http.http_status = None
        self._malformed = False
        return self._client

    # ------------------------------------------------------------------------------------------------ errors

    async def _map(self, exc: BaseException, *, starting: bool = False, timeout: float | None = None) -> ConnectorError:
        facts = FailureFacts(
            self.endpoint.name,
            url=self.endpoint.url,
            command=self.endpoint.command,
            timeout=timeout if timeout is not None else self.endpoint.timeout,
            starting=starting,
            http_status=self._http.http_status,
            www_authenticate=self._http.www_authenticate,
            retry_after=self._http.retry_after,
            malformed=self._malformed,
            has_auth=self.endpoint.auth is not None,
        )
        if self._stdio is not None:
            if not self._stdio.stopping:
                await self._stdio.wait_exited(1.0)  # a child that died explains itself on stderr
            facts.exit_code = self._stdio.returncode
            facts.last_stderr = self._redact.text(self._stdio.last_stderr_line)
        return self._redact.error(connector_error(exc, facts))

    # ------------------------------------------------------------------------------------------------ callbacks

    async def _on_http_response(self, response: httpx2.Response) -> None:
        if response.request.method != "POST":
            return  # the optional GET stream may be refused (405) without anything being wrong
        if response.status_code < 400:
            self._http.http_status = None  # e.g. the OAuth provider's retry after a 401 went through
            return
        self._http.http_status = response.status_code
        self._http.www_authenticate = response.headers.get("www-authenticate", "")
        self._http.retry_after = response.headers.get("retry-after", "")

    async def _on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        data = params.data
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, default=str)
        self._call_hook(self.hooks.log_message, str(params.level), self._redact.text(text))

    async def _on_message(self, message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            self._malformed = True
            logger.info("%s sent a malformed message: %s", self.endpoint.name, type(message).__name__)
        elif isinstance(message, types.ToolListChangedNotification):
            self._call_hook(self.hooks.tools_list_changed)
        elif isinstance(message, types.ResourceListChangedNotification):
            self._call_hook(self.hooks.resources_list_changed)
        elif isinstance(message, types.PromptListChangedNotification):
            self._call_hook(self.hooks.prompts_list_changed)

    async def _on_elicit(
        self, context: ClientRequestContext, params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        # The SDK does not say which call a server request belongs to: the latest call that can ask answers.
        asker = self._askers[-1] if self._askers else None
        if asker is None:
            return types.ElicitResult(action="decline")
        if isinstance(params, types.ElicitRequestURLParams):
            request = ElicitationRequest(self.endpoint.name, f"{params.message}\n{params.url}", {})
        else:
            request = ElicitationRequest(self.endpoint.name, params.message, dict(params.requested_schema))
        try:
            response = await asker.ask(request)
        except Exception:  # the asker broke: the server hears a cancel, the call goes on
            logger.exception("Asking the user for %s failed", self.endpoint.name)
            return types.ElicitResult(action="cancel")
        if response.action is ElicitationAction.ACCEPT:
            return types.ElicitResult(action="accept", content=response.content or {})
        return types.ElicitResult(action="cancel" if response.action is ElicitationAction.CANCEL else "decline")

    def _on_stderr(self, line: str) -> None:
        self._call_hook(self.hooks.stderr_line, self._redact.text(line))

    def _on_exit(self, code: int) -> None:
        if self._stop.is_set() or not self._ready.is_set():
            return  # stopping on purpose, or failing to start (start() reports that)
        last = self._redact.text(self._stdio.last_stderr_line) if self._stdio else ""
        said = f": {last}" if last else "."
        self._ended = ConnectorUnavailable(f"{self.endpoint.name} stopped ({exit_description(code)}){said}")
        self._call_hook(self.hooks.closed, self._ended)
        self._stop.set()

    def _call_hook(self, hook: Callable[..., None], *args: Any) -> None:
        try:
            hook(*args)
        except Exception:  # a faulty listener must not take the connection down
            logger.exception("MCP session hook %s failed", getattr(hook, "__name__", hook))
