"""One tool run: on the session of the tool's connector (started when needed), recorded as running before the call
and finished after it, progress passed on to the listeners."""

from __future__ import annotations

import dataclasses
import logging
import time
from typing import Any

from vector_desktop.domain.connectors import ConnectorError, ElicitationAsker, merge_key
from vector_desktop.domain.connectors_api import CallProgress, ConnectorsListener, ToolRun
from vector_desktop.domain.tools import AuthRequest, ToolResult, ToolSpec, ToolStatus
from vector_desktop.services.connectors.mcp_servers import McpServers
from vector_desktop.services.connectors.merge_tools import MergeTools
from vector_desktop.services.connectors.tool_runs import ToolRunRecorder

log = logging.getLogger(__name__)

_MERGE_PREFIX = merge_key("")


class ToolCaller:
    def __init__(
        self, recorder: ToolRunRecorder, listeners: ConnectorsListener, servers: McpServers, merge: MergeTools
    ) -> None:
        self._recorder = recorder
        self._listeners = listeners
        self._servers = servers
        self._merge = merge

    async def run(
        self,
        spec: ToolSpec,
        connector_name: str,
        arguments: dict[str, Any],
        *,
        origin: str,
        allowed_by: str,
        timeout: float | None,
        elicitation: ElicitationAsker | None,
    ) -> ToolRun:
        action = self._recorder.started(spec, connector_name, arguments, origin=origin, allowed_by=allowed_by)
        self._listeners.actions_changed()

        def progress(done: float, total: float | None, message: str) -> None:
            self._listeners.call_progress(CallProgress(action.id, done, total, message))

        began = time.monotonic()
        try:
            session = await self.session(spec.connector_key)
            result = await session.call_tool(
                spec.name, arguments, timeout=timeout, on_progress=progress, elicitation=elicitation
            )
            result = await self._with_magic_link(spec, result)
        except BaseException as error:
            self._recorder.failed(action, error, _ms_since(began))
            self._listeners.actions_changed()
            if isinstance(error, Exception) and not isinstance(error, ConnectorError):
                log.exception("calling %s failed", spec.qualified_name)
                raise ConnectorError(f"Calling {spec.name} failed unexpectedly ({type(error).__name__}).") from error
            raise
        finished = self._recorder.finished(action, result, _ms_since(began))
        self._listeners.actions_changed()
        return ToolRun(finished, result)

    async def session(self, connector_key: str) -> Any:
        """The live session of the connector (Merge's, or an MCP server's), started when it is not."""
        if connector_key.startswith(_MERGE_PREFIX):
            return await self._merge.session()
        return await self._servers.session(connector_key)

    async def _with_magic_link(self, spec: ToolSpec, result: ToolResult) -> ToolResult:
        """A Merge tool asking to connect without a link gets a fresh one, so the user can click it."""
        if result.status is not ToolStatus.NEEDS_AUTH or not spec.connector_key.startswith(_MERGE_PREFIX):
            return result
        if result.auth is not None and result.auth.magic_link_url:
            return result
        slug = spec.connector_key[len(_MERGE_PREFIX) :]
        try:
            url = await self._merge.merge.link_url(slug)
        except ConnectorError as error:
            log.warning("no link to connect %s: %s", slug, error)
            return result
        auth = result.auth or AuthRequest(connector=slug)
        return dataclasses.replace(result, auth=dataclasses.replace(auth, magic_link_url=url))


def _ms_since(began: float) -> int:
    return int((time.monotonic() - began) * 1000)
