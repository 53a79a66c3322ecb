"""What a PostgREST server's OpenAPI root document (GET /rest/v1/) tells about its tables, and its JSON values
turned back into the Python values the PostgreSQL adapter would give (by the column's PostgreSQL type, which the
document names as the property's "format").

PostgREST describes a column as `{"type": "integer", "format": "bigint", "description": "comment\\n\\nNote:\\nThis
is a Primary Key.<pk/>"}`; foreign keys as `<fk table='users' column='id'/>`; `required` lists the columns an insert
must give (NOT NULL without a default), which is the closest the document comes to nullability.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from vector_desktop.domain.databases import (
    ColumnInfo,
    ForeignKeyInfo,
    QueryError,
    TableDetail,
    TableInfo,
    TableKind,
)

_PK = "<pk/>"
_FK = re.compile(r"<fk table='(?P<table>[^']*)' column='(?P<column>[^']*)'/>")
_NOTE = re.compile(r"\s*Note:\s*\n.*$", re.DOTALL)
_WRITE_METHODS = ("post", "patch", "put", "delete")


def definitions(doc: Mapping[str, Any]) -> Mapping[str, Any]:
    value = doc.get("definitions") or {}
    return value if isinstance(value, Mapping) else {}


def table_names(doc: Mapping[str, Any]) -> list[str]:
    """Tables and views the key may read: the document's paths that are not RPC functions."""
    paths = doc.get("paths") or {}
    names = {path.strip("/") for path in paths if path != "/" and not path.startswith("/rpc/")}
    return sorted(names & set(definitions(doc)) or names)


def can_write(doc: Mapping[str, Any]) -> bool:
    """PostgREST lists POST/PATCH/DELETE only where the key's role has the privilege."""
    paths = doc.get("paths") or {}
    return any(
        method in (operations or {})
        for path, operations in paths.items()
        if path != "/" and not path.startswith("/rpc/")
        for method in _WRITE_METHODS
    )


def api_version(doc: Mapping[str, Any]) -> str:
    info = doc.get("info") or {}
    return str(info.get("version") or "") if isinstance(info, Mapping) else ""


def tables(doc: Mapping[str, Any], schema: str) -> list[TableInfo]:
    found = definitions(doc)
    return [
        TableInfo(
            schema=schema,
            name=name,
            kind=TableKind.TABLE,  # the document does not tell a view from a table
            estimated_rows=None,
            comment=_comment(found.get(name, {}).get("description", "")),
        )
        for name in table_names(doc)
    ]


def describe(doc: Mapping[str, Any], schema: str, table: str) -> TableDetail:
    definition = definitions(doc).get(table)
    if not isinstance(definition, Mapping):
        raise QueryError(f"The Supabase API has no table or view “{table}” for this key.", code="PGRST205")
    required = set(definition.get("required") or ())
    properties: Mapping[str, Any] = definition.get("properties") or {}
    columns: list[ColumnInfo] = []
    primary_key: list[str] = []
    foreign_keys: list[ForeignKeyInfo] = []
    for name, spec in properties.items():
        description = str(spec.get("description") or "")
        is_key = _PK in description
        if is_key:
            primary_key.append(name)
        for match in _FK.finditer(description):
            ref_schema, _, ref_table = match.group("table").rpartition(".")
            foreign_keys.append(
                ForeignKeyInfo(
                    name="",  # the document does not name constraints
                    columns=(name,),
                    ref_schema=ref_schema or schema,
                    ref_table=ref_table,
                    ref_columns=(match.group("column"),),
                )
            )
        default = spec.get("default")
        columns.append(
            ColumnInfo(
                name=name,
                type=column_type(spec),
                nullable=name not in required and not is_key,
                default=None if default is None else str(default),
                primary_key=is_key,
                comment=_comment(description),
            )
        )
    return TableDetail(
        table=TableInfo(schema=schema, name=table, comment=_comment(str(definition.get("description") or ""))),
        columns=tuple(columns),
        primary_key=tuple(primary_key),
        foreign_keys=tuple(foreign_keys),
    )


def column_type(spec: Mapping[str, Any]) -> str:
    return str(spec.get("format") or spec.get("type") or "")


def _comment(description: str) -> str:
    return _NOTE.sub("", description).strip()


# ------------------------------------------------------------------------------------------------ values


def from_json(value: Any, pg_type: str) -> Any:
    """A value of PostgREST's JSON (parsed with Decimal for every fraction) as psycopg would give it: numeric
    exact, double precision and fractions inside json as floats, timestamps, dates, uuid and bytea typed."""
    if value is None or pg_type.endswith("[]"):
        return value
    try:
        return _convert(value, pg_type)
    except (ValueError, ArithmeticError):
        return value  # 'infinity', out-of-range dates...: keep the server's text


def _convert(value: Any, pg_type: str) -> Any:
    base = pg_type.split("(")[0].strip()
    if base in ("json", "jsonb"):
        return _json_floats(value)  # as psycopg gives json: fractions are floats there
    if base in ("numeric", "decimal") and isinstance(value, int | Decimal):
        return Decimal(value)
    if base in ("double precision", "real") and isinstance(value, Decimal):
        return float(value)
    if not isinstance(value, str):
        return value
    if base == "timestamp with time zone" or base == "timestamp without time zone":
        return datetime.fromisoformat(value)
    if base == "date":
        return date.fromisoformat(value)
    if base == "time without time zone":
        return time.fromisoformat(value)
    if base == "uuid":
        return uuid.UUID(value)
    if base == "bytea" and value.startswith("\\x"):
        return bytes.fromhex(value[2:])
    return value


def _json_floats(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list):
        return [_json_floats(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_floats(item) for key, item in value.items()}
    return value
