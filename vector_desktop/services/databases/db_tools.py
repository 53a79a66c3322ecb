"""The databases' tools for the chat: each connection the user exposed to the AI offers `list_tables`,
`describe_table` and `run_query` (always in a read-only transaction, enforced by the server), and a writable
connection also `run_write` (declared destructive, so the policy engine asks for it every time unless a grant
allows it). Implements domain.connectors_api.ToolSource, so the chat's toolbox, the composer and the Permissions
tab see these tools beside the connectors' ones.

Every call is recorded as a ConnectorToolAction before it starts and after it ends, like a connector's. The model
never sees a password or a full connection URL: the tools name the connection, and the results hold rows, not
settings. Results are capped in rows and bytes, with a note saying so.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from vector_desktop.domain.connectors import (
    ActionFilter,
    ConnectorInfo,
    ElicitationAsker,
    ToolAction,
    ToolActionStore,
    ToolNotFound,
)
from vector_desktop.domain.connectors_api import ConnectorsListener, ToolRun
from vector_desktop.domain.databases import DB_PREFIX, ConnectionConfig, DatabaseError, QueryTimeoutError, TableInfo
from vector_desktop.domain.databases_api import DatabasesApi, DatabasesListener
from vector_desktop.domain.tool_records import ToolCallRecorder
from vector_desktop.domain.tools import ToolResult, ToolSpec, ToolStatus
from vector_desktop.services.databases.db_tool_results import (
    MAX_TABLES,
    DbToolCaps,
    capped_rows,
    detail_value,
    error_sentence,
    summary_of,
    tables_value,
)
from vector_desktop.services.databases.db_tool_specs import SQL_SCHEMA as SQL_SCHEMA
from vector_desktop.services.databases.db_tool_specs import connector_info, tool_specs


class DatabaseTools:
    """Implements ToolSource over the databases service. `connectors()`/`tools()` read memory; `call_tool` runs on
    whatever loop awaits it (the service's blocking work goes to its sessions' threads)."""

    def __init__(
        self,
        databases: DatabasesApi,
        actions: ToolActionStore,
        *,
        scrub_arguments: Callable[[dict[str, Any]], dict[str, Any]] = dict,
        caps: DbToolCaps = DbToolCaps(),  # noqa: B008 (frozen)
    ) -> None:
        self._databases = databases
        self._recorder = ToolCallRecorder(actions, scrub_arguments=scrub_arguments)
        self.caps = caps
        self._relays: dict[int, _Relay] = {}

    def add_listener(self, listener: ConnectorsListener) -> None:
        """Connector events for the tools' readers: a connection added, edited, exposed or removed changes them."""
        relay = _Relay(listener, self)
        self._relays[id(listener)] = relay
        self._databases.add_listener(relay)

    def remove_listener(self, listener: ConnectorsListener) -> None:
        relay = self._relays.pop(id(listener), None)
        if relay is not None:
            self._databases.remove_listener(relay)

    # ------------------------------------------------------------------------------------------------ listing

    def _exposed(self) -> list[ConnectionConfig]:
        return [c for c in self._databases.connections() if c.expose_to_ai]

    def connectors(self) -> list[ConnectorInfo]:
        return [connector_info(config) for config in self._exposed()]

    def tools(self, connector_key: str | None = None) -> list[ToolSpec]:
        return tool_specs(self._exposed(), connector_key)

    # ------------------------------------------------------------------------------------------------ calling

    async def call_tool(
        self,
        qualified_name: str,
        arguments: dict[str, Any],
        *,
        origin: str,
        allowed_by: str,
        timeout: float | None = None,
        elicitation: ElicitationAsker | None = None,
    ) -> ToolRun:
        spec = next((s for s in self.tools() if s.qualified_name == qualified_name), None)
        if spec is None:
            raise ToolNotFound(f"There is no database tool named {qualified_name}.")
        config = self._databases.find(spec.connector_key)
        call = self._recorder.start(
            connector_key=config.key,
            connector_name=config.name,
            tool_name=spec.name,
            qualified_name=qualified_name,
            arguments=arguments,
            origin=origin,
            allowed_by=allowed_by,
        )
        try:
            value = await self._run(spec.name, config, arguments, origin, timeout)
        except asyncio.CancelledError:
            call.finish(ToolStatus.CANCELLED, error="The call was stopped.", result_cap=self.caps.max_bytes)
            raise
        except DatabaseError as error:
            message = error_sentence(error)
            status = ToolStatus.TIMED_OUT if isinstance(error, QueryTimeoutError) else ToolStatus.FAILED
            finished = call.finish(status, error=message, result_cap=self.caps.max_bytes)
            return ToolRun(finished, ToolResult(status, is_error=True, error=message, duration_ms=call.elapsed_ms))
        text = json.dumps(value, ensure_ascii=False)
        finished = call.finish(
            ToolStatus.SUCCEEDED, result=text, summary=summary_of(spec.name, value), result_cap=self.caps.max_bytes
        )
        result = ToolResult(ToolStatus.SUCCEEDED, structured=value, text=text, duration_ms=call.elapsed_ms)
        return ToolRun(finished, result)

    async def _run(
        self, tool: str, config: ConnectionConfig, arguments: dict[str, Any], origin: str, timeout: float | None
    ) -> Any:
        if tool == "list_tables":
            return await self._list_tables(config, str(arguments.get("schema") or ""))
        if tool == "describe_table":
            return await self._describe(config, str(arguments.get("table") or ""), str(arguments.get("schema") or ""))
        sql = str(arguments.get("sql") or "").strip()
        if not sql:
            raise DatabaseError("The call gave no SQL statement.")
        params = arguments.get("params")
        if params is not None and not isinstance(params, list):
            raise DatabaseError("`params` must be a list of values.")
        read_only = tool == "run_query"
        handle = await self._databases.run(
            config.id, sql, params, origin=origin, read_only=read_only, timeout_s=timeout
        )
        try:
            return await capped_rows(handle, self.caps)
        finally:
            await handle.close()

    async def _list_tables(self, config: ConnectionConfig, schema: str) -> dict[str, Any]:
        if schema:
            schemas = [schema]
        else:
            listed = await self._databases.schemas(config.id)
            schemas = [s.name for s in listed]
        tables: list[TableInfo] = []
        for name in schemas:
            tables.extend(await self._databases.tables(config.id, name))
            if len(tables) >= MAX_TABLES:
                break
        return tables_value(tables)

    async def _describe(self, config: ConnectionConfig, table: str, schema: str) -> dict[str, Any]:
        if not table:
            raise DatabaseError("The call did not say which table to describe.")
        if "." in table and not schema:
            schema, table = table.split(".", 1)
        if not schema:
            schema = await self._schema_of(config, table)
        return detail_value(await self._databases.describe(config.id, schema, table))

    async def _schema_of(self, config: ConnectionConfig, table: str) -> str:
        schemas = await self._databases.schemas(config.id)
        ordered = sorted(schemas, key=lambda s: not s.is_default)
        for schema in ordered:
            if any(t.name == table for t in await self._databases.tables(config.id, schema.name)):
                return schema.name
        raise DatabaseError(f"There is no table named {table} in {config.name}.")

    async def history(self, query: ActionFilter = ActionFilter()) -> list[ToolAction]:  # noqa: B008
        return self._recorder.history(query, lambda key: key.startswith(DB_PREFIX))


class _Relay(DatabasesListener):
    def __init__(self, listener: ConnectorsListener, tools: DatabaseTools) -> None:
        self._listener = listener
        self._tools = tools

    def connections_changed(self) -> None:
        self._listener.connectors_changed()
        for config in self._tools._databases.connections():
            self._listener.tools_changed(config.key)

    def history_changed(self, connection_id: int) -> None:
        self._listener.actions_changed()
