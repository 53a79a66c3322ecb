"""The OpenAPI (Swagger 2.0) root document of tests/support/postgrest_server.py, built from the catalog the way
PostgREST 12 builds it: one path per table or view, a definition per relation whose properties carry the column's
PostgreSQL type as "format", a JSON-schema "type", the default, and the column comment followed by PostgREST's notes
(`<pk/>`, `<fk table='t' column='c'/>`); "required" lists NOT NULL columns without a default."""

from __future__ import annotations

from typing import Any

import psycopg

_COLUMNS = """
SELECT c.relname, a.attname, format_type(a.atttypid, NULL), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
       a.attidentity, col_description(c.oid, a.attnum), obj_description(c.oid, 'pg_class'),
       EXISTS (SELECT 1 FROM pg_constraint p WHERE p.conrelid = c.oid AND p.contype = 'p' AND a.attnum = ANY(p.conkey)),
       (SELECT fc.relname || '|' || fa.attname
          FROM pg_constraint f
          JOIN pg_class fc ON fc.oid = f.confrelid
          JOIN pg_attribute fa
            ON fa.attrelid = f.confrelid AND fa.attnum = f.confkey[array_position(f.conkey, a.attnum)]
         WHERE f.conrelid = c.oid AND f.contype = 'f' AND a.attnum = ANY(f.conkey) LIMIT 1)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
ORDER BY c.relname, a.attnum
"""

_JSON_TYPES = {
    "smallint": "integer",
    "integer": "integer",
    "bigint": "integer",
    "numeric": "number",
    "real": "number",
    "double precision": "number",
    "boolean": "boolean",
}


def table_columns(conn: psycopg.Connection[Any], schema: str, table: str) -> dict[str, str]:
    """name → type (format_type without modifiers) of a table or view; empty when there is none."""
    rows = conn.execute(
        """SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_attribute a
           JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = %s AND c.relname = %s AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
             AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""",
        (schema, table),
    ).fetchall()
    return {name: type_name for name, type_name in rows}


def openapi_document(
    conn: psycopg.Connection[Any], schema: str, host: str, version: str, *, writable: bool
) -> dict[str, Any]:
    definitions: dict[str, dict[str, Any]] = {}
    for row in conn.execute(_COLUMNS, (schema,)).fetchall():
        table, column, pg_type, not_null, default, identity, comment, table_comment, is_pk, fk = row
        definition = definitions.setdefault(table, {"type": "object", "required": [], "properties": {}})
        if table_comment:
            definition["description"] = table_comment
        notes = []
        if is_pk:
            notes.append("This is a Primary Key.<pk/>")
        if fk:
            ref_table, ref_column = fk.split("|")
            notes.append(
                f"This is a Foreign Key to `{ref_table}.{ref_column}`.<fk table='{ref_table}' column='{ref_column}'/>"
            )
        description = comment or ""
        if notes:
            description = (description + "\n\n" if description else "") + "Note:\n" + "\n".join(notes)
        spec: dict[str, Any] = {"format": pg_type}
        if pg_type.endswith("[]"):
            spec["type"] = "array"
            spec["items"] = {"type": "string"}
        elif pg_type not in ("json", "jsonb"):
            spec["type"] = _JSON_TYPES.get(pg_type, "string")
        if default is not None:
            spec["default"] = default
        if description:
            spec["description"] = description
        definition["properties"][column] = spec
        if not_null and default is None and not identity:
            definition["required"].append(column)
    paths: dict[str, Any] = {"/": {"get": {"tags": ["Introspection"], "summary": "OpenAPI description"}}}
    for table in definitions:
        operations: dict[str, Any] = {"get": {"tags": [table], "responses": {"200": {"description": "OK"}}}}
        if writable:
            for method in ("post", "patch", "delete"):
                operations[method] = {"tags": [table], "responses": {"204": {"description": "No Content"}}}
        paths[f"/{table}"] = operations
    return {
        "swagger": "2.0",
        "info": {"description": "", "title": "standard public schema", "version": version},
        "host": host,
        "basePath": "/",
        "schemes": ["http"],
        "consumes": ["application/json", "application/vnd.pgrst.object+json", "text/csv"],
        "produces": ["application/json", "application/vnd.pgrst.object+json", "text/csv"],
        "paths": paths,
        "definitions": definitions,
    }
