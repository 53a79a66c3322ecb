"""What the service shows: tool specs with unique qualified names across every connector, and one ConnectorInfo per
Merge connector and MCP server. Pure functions over what the parts hold in memory."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from vector_desktop.domain.connectors import (
    ConnectorInfo,
    ConnectorKind,
    ConnectorState,
    McpServerConfig,
    MergeConnector,
)
from vector_desktop.domain.tools import ToolSpec
from vector_desktop.services.connectors.mcp_servers import McpServers
from vector_desktop.services.connectors.merge_tools import MergeTools
from vector_desktop.services.connectors.tool_specs import tool_spec

ToolSource = tuple[str, str, list[dict[str, Any]]]  # connector key, name prefix ("" keeps Merge names), wire tools


def build_specs(
    sources: Iterable[ToolSource], enabled: Mapping[tuple[str, str], bool]
) -> dict[str, tuple[ToolSpec, ...]]:
    """Specs by connector key. Sources come in display order (Merge connectors, then servers by name), so a name
    collision is always settled the same way."""
    taken: set[str] = set()
    specs: dict[str, tuple[ToolSpec, ...]] = {}
    for key, prefix, tools in sources:
        seen: set[str] = set()
        found = []
        for tool in tools:
            name = tool.get("name")
            if not isinstance(name, str) or not name or name in seen:
                continue
            seen.add(name)
            spec = tool_spec(key, prefix, tool, taken, enabled.get((key, name), True))
            taken.add(spec.qualified_name)
            found.append(spec)
        specs[key] = tuple(found)
    return specs


def merge_info(
    connector: MergeConnector,
    *,
    enabled: bool,
    offline: bool,
    pack_state: ConnectorState,
    pack_error: str,
    specs: tuple[ToolSpec, ...],
    fetched_at: datetime | None,
) -> ConnectorInfo:
    if not enabled:
        state = ConnectorState.DISABLED
    elif offline:
        state = ConnectorState.OFFLINE
    elif not connector.connected:
        state = ConnectorState.NOT_CONNECTED
    elif pack_state in (ConnectorState.FAILED, ConnectorState.CONNECTING):
        state = pack_state
    else:
        state = ConnectorState.READY
    count = len(specs) if specs or fetched_at is not None else len(connector.pack_tools)
    return ConnectorInfo(
        key=connector.key,
        kind=ConnectorKind.MERGE,
        name=connector.name,
        state=state,
        enabled=enabled,
        connected=connector.connected,
        tool_count=count,
        enabled_tool_count=sum(1 for s in specs if s.enabled) if specs else count,
        detail=", ".join(connector.categories),
        icon_url=connector.logo_url,
        error=pack_error if state is ConnectorState.FAILED else "",
        refreshed_at=fetched_at or connector.refreshed_at,
    )


def server_info(
    config: McpServerConfig,
    *,
    state: ConnectorState,
    error: str,
    stderr_tail: tuple[str, ...],
    specs: tuple[ToolSpec, ...],
    fetched_at: datetime | None,
) -> ConnectorInfo:
    failed = state in (ConnectorState.FAILED, ConnectorState.NEEDS_SIGN_IN)
    return ConnectorInfo(
        key=config.key,
        kind=config.kind,
        name=config.name,
        state=state,
        enabled=config.enabled,
        connected=state is ConnectorState.READY,
        tool_count=len(specs),
        enabled_tool_count=sum(1 for s in specs if s.enabled),
        detail=config.target,
        error=error if failed else "",
        stderr_tail=stderr_tail if failed else (),
        refreshed_at=fetched_at,
        needs_network=config.needs_network,
    )


def connector_infos(
    merge: MergeTools,
    servers: McpServers,
    enabled: Mapping[str, bool],
    specs: Mapping[str, tuple[ToolSpec, ...]],
    *,
    offline: bool,
) -> list[ConnectorInfo]:
    """Merge connectors in pack order, then MCP servers by name."""
    infos = [
        merge_info(
            connector,
            enabled=enabled.get(connector.key, True),
            offline=offline,
            pack_state=merge.state,
            pack_error=merge.error,
            specs=specs.get(connector.key, ()),
            fetched_at=merge.fetched_at.get(connector.key),
        )
        for connector in merge.connectors
    ]
    for config in servers.configs():
        server = servers.get(config.key)
        if server is not None:
            infos.append(
                server_info(
                    config,
                    state=servers.shown_state(server),
                    error=server.error,
                    stderr_tail=server.stderr_tail,
                    specs=specs.get(config.key, ()),
                    fetched_at=server.fetched_at,
                )
            )
    return infos
