"""What the databases' tools give the model back: rows capped in count and in bytes (with a note saying so), the
tables of a connection, a table's description, a one-line summary for the history and the error's sentence."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vector_desktop.domain.databases import DatabaseError, TableDetail, TableInfo
from vector_desktop.domain.databases_api import QueryHandle
from vector_desktop.domain.db_values import json_value
from vector_desktop.services.databases.db_tool_specs import MAX_ROWS

MAX_BYTES = 16_000
MAX_TABLES = 500


@dataclass(frozen=True)
class DbToolCaps:
    max_rows: int = MAX_ROWS
    max_bytes: int = MAX_BYTES


async def capped_rows(handle: QueryHandle, caps: DbToolCaps) -> dict[str, Any]:
    run = handle.run
    if not run.columns:
        return {"status": run.status, "rows_affected": run.rowcount}
    wanted = caps.max_rows + 1
    rows: list[tuple[Any, ...]] = []
    while len(rows) < wanted:
        page = await handle.fetch(wanted - len(rows))
        if not page:
            break
        rows.extend(page)
    cut = len(rows) > caps.max_rows
    rows = rows[: caps.max_rows]
    out = [[json_value(v) for v in row] for row in rows]
    value: dict[str, Any] = {"columns": [c.name for c in run.columns], "rows": out}
    while out and len(json.dumps(value, ensure_ascii=False).encode()) > caps.max_bytes:
        out = out[: max(0, len(out) * 3 // 4)]
        value["rows"] = out
        cut = True
    value["row_count"] = len(out)
    if cut:
        value["note"] = (
            f"The result was cut to {len(out)} rows; the query returns more. Narrow it (WHERE, LIMIT, "
            "aggregates) to see the rest."
        )
    return value


def tables_value(tables: Sequence[TableInfo]) -> dict[str, Any]:
    """At most MAX_TABLES of `tables` (the caller stops reading once it has more)."""
    value: dict[str, Any] = {
        "tables": [
            {"schema": t.schema, "name": t.name, "kind": t.kind.value, "estimated_rows": t.estimated_rows}
            for t in tables[:MAX_TABLES]
        ]
    }
    if len(tables) > MAX_TABLES:
        value["note"] = f"Only the first {MAX_TABLES} tables are listed; give `schema` to list one schema."
    return value


def detail_value(detail: TableDetail) -> dict[str, Any]:
    return {
        "schema": detail.table.schema,
        "table": detail.table.name,
        "kind": detail.table.kind.value,
        "estimated_rows": detail.table.estimated_rows,
        "columns": [
            {"name": c.name, "type": c.type, "nullable": c.nullable, "default": c.default, "primary_key": c.primary_key}
            for c in detail.columns
        ],
        "primary_key": list(detail.primary_key),
        "foreign_keys": [
            {
                "columns": list(fk.columns),
                "references": f"{fk.ref_schema}.{fk.ref_table}",
                "ref_columns": list(fk.ref_columns),
            }
            for fk in detail.foreign_keys
        ],
        "indexes": [{"name": i.name, "columns": list(i.columns), "unique": i.unique} for i in detail.indexes],
    }


def error_sentence(error: DatabaseError) -> str:
    text = str(error)
    server = error.server_message.strip()
    if server and server not in text:
        text = f"{text} The server said: {server}"
    return text


def summary_of(tool: str, value: Any) -> str:
    if isinstance(value, dict):
        if "row_count" in value:
            return f"{value['row_count']} rows"
        if "rows_affected" in value:
            return f"{value.get('status') or 'done'} ({value['rows_affected']} rows)"
        if "tables" in value:
            return f"{len(value['tables'])} tables"
        if "columns" in value:
            return f"{len(value['columns'])} columns"
    return tool
