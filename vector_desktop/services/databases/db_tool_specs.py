"""What the databases' tools are: per connection exposed to the AI, `list_tables` and `describe_table`, with SQL
also `run_query` (read-only) and on a writable connection `run_write` (destructive); their qualified names
(`db_<slug>__<tool>`, unique across connections) and the connector each connection shows as."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from vector_desktop.domain.connectors import ConnectorInfo, ConnectorKind, ConnectorState, is_loopback_url
from vector_desktop.domain.databases import ConnectionConfig
from vector_desktop.domain.tools import ToolAnnotations, ToolSpec

MAX_ROWS = 200
SQL_SCHEMA = {
    "type": "object",
    "properties": {
        "sql": {"type": "string", "description": "One SQL statement. Use %s placeholders for values."},
        "params": {
            "type": "array",
            "description": "Values bound to the %s placeholders, in order (never put values into the SQL text).",
            "items": {},
        },
    },
    "required": ["sql"],
}


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return slug[:30] or "db"


def _definitions(config: ConnectionConfig) -> list[tuple[str, str, dict[str, Any], ToolAnnotations]]:
    where = f"the {config.kind.label} database “{config.name}”"
    read = ToolAnnotations(read_only=True, destructive=False, idempotent=True, open_world=False)
    tools = [
        (
            "list_tables",
            f"List the tables and views of {where}, with estimated row counts. Give `schema` for one schema.",
            {"type": "object", "properties": {"schema": {"type": "string"}}},
            read,
        ),
        (
            "describe_table",
            f"Describe a table of {where}: columns with types, nullability and defaults, keys and indexes.",
            {
                "type": "object",
                "properties": {"table": {"type": "string"}, "schema": {"type": "string"}},
                "required": ["table"],
            },
            read,
        ),
    ]
    if config.has_sql:
        tools.append(
            (
                "run_query",
                f"Run one read-only SQL statement on {where} and get the rows (at most {MAX_ROWS}). "
                "The server refuses writes here.",
                SQL_SCHEMA,
                read,
            )
        )
        if not config.read_only:
            tools.append(
                (
                    "run_write",
                    f"Run one SQL statement that changes {where} (INSERT, UPDATE, DELETE, DDL); it is committed.",
                    SQL_SCHEMA,
                    ToolAnnotations(read_only=False, destructive=True, idempotent=False, open_world=False),
                )
            )
    return tools


def _token_cost(spec_json: dict[str, Any]) -> int:
    return max(1, len(json.dumps(spec_json)) // 4)


def tool_prefixes(exposed: Sequence[ConnectionConfig]) -> dict[int, str]:
    """`db_<slug>` per exposed connection, unique (a clash gets the connection's id)."""
    seen: dict[str, int] = {}
    prefixes: dict[int, str] = {}
    for config in sorted(exposed, key=lambda c: c.id):
        prefix = f"db_{_slug(config.name)}"
        if prefix in seen:
            prefix = f"{prefix}_{config.id}".replace("-", "m")
        seen[prefix] = config.id
        prefixes[config.id] = prefix
    return prefixes


def connector_info(config: ConnectionConfig) -> ConnectorInfo:
    count = len(_definitions(config))
    return ConnectorInfo(
        key=config.key,
        kind=ConnectorKind.DATABASE,
        name=config.name,
        state=ConnectorState.READY,
        enabled=True,
        connected=True,
        tool_count=count,
        enabled_tool_count=count,
        detail=config.display_target(),
        needs_network=_needs_network(config),
    )


def tool_specs(exposed: Sequence[ConnectionConfig], connector_key: str | None = None) -> list[ToolSpec]:
    """The tools of the exposed connections (of the one whose key is `connector_key`, when given)."""
    prefixes = tool_prefixes(exposed)
    specs = []
    for config in exposed:
        if connector_key is not None and config.key != connector_key:
            continue
        for name, description, schema, hints in _definitions(config):
            qualified = f"{prefixes[config.id]}__{name}"
            wire = {"name": qualified, "description": description, "parameters": schema}
            specs.append(
                ToolSpec(
                    connector_key=config.key,
                    name=name,
                    qualified_name=qualified,
                    description=description,
                    title=f"{name.replace('_', ' ').capitalize()} ({config.name})",
                    input_schema=schema,
                    annotations=hints,
                    token_cost=_token_cost(wire),
                )
            )
    return specs


def _needs_network(config: ConnectionConfig) -> bool:
    if not config.host:
        return bool(config.supabase_url) and not is_loopback_url(config.supabase_url)
    return not (config.host.startswith("/") or is_loopback_url(f"//{config.host}"))
