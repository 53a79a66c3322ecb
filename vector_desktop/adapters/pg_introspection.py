"""PostgreSQL's catalog read into the domain's schema records: schemas, one schema's tables and views (lazily),
and one table's columns, keys and indexes. Types are shown as the server names them (format_type)."""

from __future__ import annotations

from typing import Any

import psycopg

from vector_desktop.domain.databases import (
    ColumnInfo,
    ForeignKeyInfo,
    IndexInfo,
    QueryError,
    SchemaInfo,
    TableDetail,
    TableInfo,
    TableKind,
)

_KINDS = {
    "r": TableKind.TABLE,
    "p": TableKind.TABLE,
    "v": TableKind.VIEW,
    "m": TableKind.MATERIALIZED_VIEW,
    "f": TableKind.FOREIGN_TABLE,
}

_SCHEMAS = """
SELECT n.nspname, n.nspname = coalesce(current_schema(), 'public')
FROM pg_catalog.pg_namespace n
WHERE n.nspname <> 'information_schema' AND n.nspname !~ '^pg_' AND has_schema_privilege(n.oid, 'USAGE')
ORDER BY n.nspname
"""

_TABLES = """
SELECT c.relname, c.relkind, c.reltuples::float8, coalesce(obj_description(c.oid, 'pg_class'), '')
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
ORDER BY c.relname
"""

_TABLE = """
SELECT c.oid, c.relname, c.relkind, c.reltuples::float8, coalesce(obj_description(c.oid, 'pg_class'), '')
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = %s AND c.relname = %s AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
"""

_COLUMNS = """
SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
       coalesce(col_description(a.attrelid, a.attnum), ''), a.attidentity, a.attgenerated
FROM pg_catalog.pg_attribute a
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = %s AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
"""

_PRIMARY_KEY = """
SELECT array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(num, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord)
FROM pg_catalog.pg_constraint con
WHERE con.conrelid = %s AND con.contype = 'p'
"""

_FOREIGN_KEYS = """
SELECT con.conname,
       array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(num, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
       fn.nspname, fc.relname,
       array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord)
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.conrelid = %s AND con.contype = 'f'
ORDER BY con.conname
"""

_INDEXES = """
SELECT ic.relname, i.indisunique, i.indisprimary, pg_get_indexdef(i.indexrelid),
       array(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) AS k)
FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
WHERE i.indrelid = %s
ORDER BY i.indisprimary DESC, ic.relname
"""


def schemas(conn: psycopg.Connection[Any]) -> list[SchemaInfo]:
    rows = conn.execute(_SCHEMAS).fetchall()
    return [SchemaInfo(name=name, is_default=bool(default)) for name, default in rows]


def tables(conn: psycopg.Connection[Any], schema: str) -> list[TableInfo]:
    rows = conn.execute(_TABLES, (schema,)).fetchall()
    return [_table(schema, name, kind, tuples, comment) for name, kind, tuples, comment in rows]


def describe(conn: psycopg.Connection[Any], schema: str, table: str) -> TableDetail:
    found = conn.execute(_TABLE, (schema, table)).fetchone()
    if found is None:
        raise QueryError(f"There is no table or view “{table}” in the schema “{schema}”.", code="42P01")
    oid, name, kind, tuples, comment = found
    key_row = conn.execute(_PRIMARY_KEY, (oid,)).fetchone()
    primary_key = tuple(key_row[0]) if key_row else ()
    columns = tuple(_column(row, primary_key) for row in conn.execute(_COLUMNS, (oid,)).fetchall())
    foreign_keys = tuple(
        ForeignKeyInfo(
            name=fk, columns=tuple(cols), ref_schema=ref_schema, ref_table=ref_table, ref_columns=tuple(refs)
        )
        for fk, cols, ref_schema, ref_table, refs in conn.execute(_FOREIGN_KEYS, (oid,)).fetchall()
    )
    indexes = tuple(
        IndexInfo(name=index, columns=tuple(cols), unique=bool(unique), primary=bool(primary), definition=definition)
        for index, unique, primary, definition, cols in conn.execute(_INDEXES, (oid,)).fetchall()
    )
    return TableDetail(
        table=_table(schema, name, kind, tuples, comment),
        columns=columns,
        primary_key=primary_key,
        foreign_keys=foreign_keys,
        indexes=indexes,
    )


def _table(schema: str, name: str, kind: str, tuples: float | None, comment: str) -> TableInfo:
    table_kind = _KINDS.get(kind, TableKind.TABLE)
    # reltuples is -1 until the table was first vacuumed or analyzed (PostgreSQL 14+); views have no estimate.
    has_estimate = table_kind in (TableKind.TABLE, TableKind.MATERIALIZED_VIEW) and tuples is not None and tuples >= 0
    return TableInfo(
        schema=schema,
        name=name,
        kind=table_kind,
        estimated_rows=round(tuples) if has_estimate and tuples is not None else None,
        comment=comment,
    )


def _column(row: tuple[Any, ...], primary_key: tuple[str, ...]) -> ColumnInfo:
    name, type_name, nullable, default, comment, identity, generated = row
    if identity:
        default = "GENERATED ALWAYS AS IDENTITY" if identity == "a" else "GENERATED BY DEFAULT AS IDENTITY"
    elif generated:
        default = f"GENERATED ALWAYS AS ({default}) STORED"
    return ColumnInfo(
        name=name,
        type=type_name,
        nullable=bool(nullable),
        default=default,
        primary_key=name in primary_key,
        comment=comment,
    )
