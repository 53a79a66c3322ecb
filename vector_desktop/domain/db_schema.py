"""The schema of a database as introspected: schemas, tables and views, columns, keys and indexes."""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True)
class SchemaInfo:
    name: str
    is_default: bool = False  # public / the connection's database


class TableKind(enum.StrEnum):
    TABLE = "table"
    VIEW = "view"
    MATERIALIZED_VIEW = "materialized view"
    FOREIGN_TABLE = "foreign table"


@dataclass(frozen=True)
class TableInfo:
    schema: str
    name: str
    kind: TableKind = TableKind.TABLE
    estimated_rows: int | None = None  # pg_class.reltuples / information_schema.TABLES.TABLE_ROWS; None = unknown
    comment: str = ""


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    type: str  # as the server names it: "numeric(12,2)", "jsonb", "varchar(255)", "enum('a','b')"
    nullable: bool = True
    default: str | None = None
    primary_key: bool = False
    comment: str = ""


@dataclass(frozen=True)
class ForeignKeyInfo:
    name: str
    columns: tuple[str, ...]
    ref_schema: str
    ref_table: str
    ref_columns: tuple[str, ...]


@dataclass(frozen=True)
class IndexInfo:
    name: str
    columns: tuple[str, ...]
    unique: bool = False
    primary: bool = False
    definition: str = ""


@dataclass(frozen=True)
class TableDetail:
    table: TableInfo
    columns: tuple[ColumnInfo, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKeyInfo, ...] = ()
    indexes: tuple[IndexInfo, ...] = ()
