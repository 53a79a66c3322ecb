"""MySQL / MariaDB's information_schema read into the domain's schema records. Column types are COLUMN_TYPE as the
server shows it ("enum('a','b')", "decimal(12,2)"); MariaDB's JSON columns (LONGTEXT with a json_valid check) are
shown as "json"."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from pymysql.connections import Connection

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

SYSTEM_SCHEMAS = ("information_schema", "performance_schema", "mysql", "sys")

_KINDS = {"VIEW": TableKind.VIEW, "SYSTEM VIEW": TableKind.VIEW}

_SCHEMAS = """
SELECT SCHEMA_NAME, SCHEMA_NAME = DATABASE() FROM information_schema.SCHEMATA
WHERE SCHEMA_NAME NOT IN ('information_schema', 'performance_schema', 'mysql', 'sys')
ORDER BY SCHEMA_NAME
"""

_TABLES = """
SELECT TABLE_NAME, TABLE_TYPE, TABLE_ROWS, TABLE_COMMENT FROM information_schema.TABLES
WHERE TABLE_SCHEMA = %s ORDER BY TABLE_NAME
"""

_TABLE = """
SELECT TABLE_NAME, TABLE_TYPE, TABLE_ROWS, TABLE_COMMENT FROM information_schema.TABLES
WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s
"""

_COLUMNS = """
SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, COLUMN_KEY, COLUMN_COMMENT, EXTRA, GENERATION_EXPRESSION
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s ORDER BY ORDINAL_POSITION
"""

_FOREIGN_KEYS = """
SELECT CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
FROM information_schema.KEY_COLUMN_USAGE
WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s AND REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION
"""

_INDEXES = """
SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, INDEX_TYPE FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX
"""

# MariaDB's JSON is an alias of LONGTEXT with a column-level CHECK (json_valid(`col`)), named after the column.
MARIADB_JSON_COLUMNS = """
SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA = %s AND LEVEL = 'Column' AND CHECK_CLAUSE LIKE 'json\\_valid(%%'
"""


def _rows(conn: Connection, query: str, args: tuple[Any, ...] | None = None) -> list[tuple[Any, ...]]:
    with conn.cursor() as cursor:
        cursor.execute(query, args)
        return list(cursor.fetchall())


def schemas(conn: Connection) -> list[SchemaInfo]:
    return [SchemaInfo(name=str(name), is_default=bool(default)) for name, default in _rows(conn, _SCHEMAS)]


def tables(conn: Connection, schema: str) -> list[TableInfo]:
    return [_table(schema, *row) for row in _rows(conn, _TABLES, (schema,))]


def json_columns(conn: Connection, schema: str, mariadb: bool) -> set[tuple[str, str]]:
    """(table, column) of MariaDB's JSON columns in `schema` (MySQL's JSON is a type of its own: empty set)."""
    if not mariadb:
        return set()
    return {(str(table), str(column)) for table, column in _rows(conn, MARIADB_JSON_COLUMNS, (schema,))}


def describe(conn: Connection, schema: str, table: str, *, mariadb: bool) -> TableDetail:
    found = _rows(conn, _TABLE, (schema, table))
    if not found:
        raise QueryError(f"There is no table or view “{table}” in the database “{schema}”.", code="1146")
    info = _table(schema, *found[0])
    json_names = {column for name, column in json_columns(conn, schema, mariadb) if name == info.name}
    index_rows = _rows(conn, _INDEXES, (schema, table))
    primary_key = tuple(str(column) for index, _, column, _ in index_rows if index == "PRIMARY")
    columns = tuple(
        _column(row, primary_key, json_names, mariadb=mariadb) for row in _rows(conn, _COLUMNS, (schema, table))
    )
    return TableDetail(
        table=info,
        columns=columns,
        primary_key=primary_key,
        foreign_keys=_foreign_keys(_rows(conn, _FOREIGN_KEYS, (schema, table))),
        indexes=_indexes(index_rows),
    )


def _table(schema: str, name: Any, table_type: Any, rows: Any, comment: Any) -> TableInfo:
    kind = _KINDS.get(str(table_type), TableKind.TABLE)
    return TableInfo(
        schema=schema,
        name=str(name),
        kind=kind,
        estimated_rows=int(rows) if rows is not None and kind is TableKind.TABLE else None,
        comment="" if kind is TableKind.VIEW else str(comment or ""),
    )


def _column(row: tuple[Any, ...], primary_key: tuple[str, ...], json_names: set[str], *, mariadb: bool) -> ColumnInfo:
    name, column_type, nullable, default, _key, comment, extra, generated = row
    name = str(name)
    if mariadb and default == "NULL":
        default = None  # MariaDB shows defaults as SQL: 'NULL' is "no default", a string would be quoted
    extra = str(extra or "")
    if generated:
        storage = "STORED" if "STORED" in extra.upper() else "VIRTUAL"
        default = f"GENERATED ALWAYS AS ({generated}) {storage}"
    elif default is None and "auto_increment" in extra.lower():
        default = "auto_increment"
    return ColumnInfo(
        name=name,
        type="json" if name in json_names else str(column_type),
        nullable=str(nullable) == "YES",
        default=None if default is None else str(default),
        primary_key=name in primary_key,
        comment=str(comment or ""),
    )


def _foreign_keys(rows: list[tuple[Any, ...]]) -> tuple[ForeignKeyInfo, ...]:
    grouped: OrderedDict[str, list[tuple[Any, ...]]] = OrderedDict()
    for row in rows:
        grouped.setdefault(str(row[0]), []).append(row)
    return tuple(
        ForeignKeyInfo(
            name=name,
            columns=tuple(str(part[1]) for part in parts),
            ref_schema=str(parts[0][2]),
            ref_table=str(parts[0][3]),
            ref_columns=tuple(str(part[4]) for part in parts),
        )
        for name, parts in grouped.items()
    )


def _indexes(rows: list[tuple[Any, ...]]) -> tuple[IndexInfo, ...]:
    grouped: OrderedDict[str, list[tuple[Any, ...]]] = OrderedDict()
    for row in rows:
        grouped.setdefault(str(row[0]), []).append(row)
    indexes = []
    for name, parts in grouped.items():
        columns = tuple(str(part[2]) for part in parts)
        unique = not int(parts[0][1])
        primary = name == "PRIMARY"
        label = "PRIMARY KEY" if primary else ("UNIQUE INDEX" if unique else "INDEX")
        quoted = ", ".join(f"`{column}`" for column in columns)
        definition = f"{label} {'' if primary else f'`{name}` '}({quoted}) USING {parts[0][3]}"
        indexes.append(IndexInfo(name=name, columns=columns, unique=unique, primary=primary, definition=definition))
    return tuple(indexes)
