"""One tool source over several (the connectors and the databases' tools), so the chat's toolbox, the composer's
tool list and the Permissions tab see one registry while no feature imports another (TOOLS.md)."""

from __future__ import annotations

import asyncio
from collections.abc import Collection
from typing import Any

from vector_desktop.domain.connectors import ActionFilter, ConnectorInfo, ElicitationAsker, ToolAction, ToolNotFound
from vector_desktop.domain.connectors_api import ConnectorsListener, PreparesConnectors, ToolRun, ToolSource
from vector_desktop.domain.tools import ToolSpec


class CombinedTools:
    """Implements ToolSource over `sources`, in order (connectors first). A connector key or qualified name is
    found in the first source that has it."""

    def __init__(self, *sources: ToolSource) -> None:
        self._sources = sources

    def add_listener(self, listener: ConnectorsListener) -> None:
        """Each source that sends events gets the listener (the Permissions tab and the composer reload on them)."""
        for source in self._sources:
            add = getattr(source, "add_listener", None)
            if add is not None:
                add(listener)

    def remove_listener(self, listener: ConnectorsListener) -> None:
        for source in self._sources:
            remove = getattr(source, "remove_listener", None)
            if remove is not None:
                remove(listener)

    def connectors(self) -> list[ConnectorInfo]:
        return [info for source in self._sources for info in source.connectors()]

    def tools(self, connector_key: str | None = None) -> list[ToolSpec]:
        if connector_key is None:
            return [spec for source in self._sources for spec in source.tools()]
        source = self._owner_of_key(connector_key)
        return source.tools(connector_key) if source is not None else []

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
        for source in self._sources:
            if any(spec.qualified_name == qualified_name for spec in source.tools()):
                return await source.call_tool(
                    qualified_name,
                    arguments,
                    origin=origin,
                    allowed_by=allowed_by,
                    timeout=timeout,
                    elicitation=elicitation,
                )
        raise ToolNotFound(f"There is no tool named {qualified_name}.")

    async def prepare(self, connector_keys: Collection[str]) -> None:
        """Each source that starts its connectors ahead (PreparesConnectors) gets the keys it owns."""
        keys = set(connector_keys)
        await asyncio.gather(
            *(
                source.prepare([info.key for info in source.connectors() if info.key in keys])
                for source in self._sources
                if isinstance(source, PreparesConnectors)
            )
        )

    async def history(self, query: ActionFilter = ActionFilter()) -> list[ToolAction]:  # noqa: B008
        if query.connector_key:
            source = self._owner_of_key(query.connector_key)
            return await source.history(query) if source is not None else []
        # Sources may share the ConnectorToolAction table: one row once.
        found = {action.id: action for source in self._sources for action in await source.history(query)}
        return sorted(found.values(), key=lambda a: a.id, reverse=True)[: query.limit]

    def _owner_of_key(self, connector_key: str) -> ToolSource | None:
        return next((s for s in self._sources if any(c.key == connector_key for c in s.connectors())), None)
