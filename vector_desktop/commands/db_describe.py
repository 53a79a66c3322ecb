"""`db describe` output: the columns as a tab-separated table, then the keys and indexes; or all of it as JSON."""

from __future__ import annotations

from typing import Any

from vector_desktop.domain.databases import TableDetail


def _clean(text: str) -> str:
    return " ".join(text.split())


def describe_text(detail: TableDetail) -> str:
    primary = set(detail.primary_key) or {c.name for c in detail.columns if c.primary_key}
    lines = ["column\ttype\tnullable\tdefault\tkey"]
    for column in detail.columns:
        default = "-" if column.default is None else _clean(column.default)
        key = "PK" if column.name in primary else ""
        nullable = "null" if column.nullable else "not null"
        lines.append(f"{column.name}\t{column.type}\t{nullable}\t{default}\t{key}".rstrip("\t"))
    if detail.primary_key:
        lines += ["", f"primary key\t({', '.join(detail.primary_key)})"]
    for fk in detail.foreign_keys:
        target = f"{fk.ref_schema}.{fk.ref_table}({', '.join(fk.ref_columns)})"
        lines.append(f"foreign key\t{fk.name}\t({', '.join(fk.columns)}) -> {target}")
    for index in detail.indexes:
        kind = "primary" if index.primary else "unique" if index.unique else "index"
        lines.append(f"{kind} index\t{index.name}\t({', '.join(index.columns)})")
    if detail.table.comment:
        lines.append(f"comment\t{_clean(detail.table.comment)}")
    return "".join(line + "\n" for line in lines)


def describe_json(detail: TableDetail) -> dict[str, Any]:
    table = detail.table
    return {
        "schema": table.schema,
        "name": table.name,
        "kind": table.kind.value,
        "estimated_rows": table.estimated_rows,
        "comment": table.comment,
        "columns": [
            {
                "name": c.name,
                "type": c.type,
                "nullable": c.nullable,
                "default": c.default,
                "primary_key": c.primary_key or c.name in detail.primary_key,
                "comment": c.comment,
            }
            for c in detail.columns
        ],
        "primary_key": list(detail.primary_key),
        "foreign_keys": [
            {
                "name": fk.name,
                "columns": list(fk.columns),
                "ref_schema": fk.ref_schema,
                "ref_table": fk.ref_table,
                "ref_columns": list(fk.ref_columns),
            }
            for fk in detail.foreign_keys
        ],
        "indexes": [
            {
                "name": i.name,
                "columns": list(i.columns),
                "unique": i.unique,
                "primary": i.primary,
                "definition": i.definition,
            }
            for i in detail.indexes
        ],
    }
