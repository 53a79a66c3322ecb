"""The adapters' pure text helpers: secrets out of messages, an error position turned into line and column of the
statement as the user wrote it, MySQL's "near '...' at line N", and what PostgREST's OpenAPI document tells."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from uuid import UUID

import pytest

from vector_desktop.adapters import adapter_for, mysql_errors, postgrest_openapi
from vector_desktop.adapters.messages import line_column, original_position, scrub, sentence
from vector_desktop.adapters.postgrest_rest import key_role, rest_base_url
from vector_desktop.domain.databases import (
    ConnectionConfig,
    ConnectionParams,
    ConnectionValidationError,
    DatabaseKind,
    QueryError,
    TlsMode,
)


def test_secrets_are_masked_longest_first() -> None:
    assert (
        scrub("auth failed for s3cr3t and s3cr3t-long", ["s3cr3t", "s3cr3t-long", ""]) == "auth failed for ••• and •••"
    )
    assert scrub("nothing here", []) == "nothing here"


def test_sentence_and_line_column() -> None:
    assert sentence('relation "x" does not exist') == 'Relation "x" does not exist.'
    assert sentence("Done!") == "Done!"
    text = "SELECT *\nFROM nosuch\nWHERE x"
    assert line_column(text, 1) == (1, 1)
    assert line_column(text, 15) == (2, 6)
    assert line_column(text, len(text) + 1) == (3, 8)


def test_positions_map_back_through_bound_placeholders() -> None:
    # psycopg sends %s as $1..$n ($10 is one character longer) and %% as %.
    text = "SELECT " + ", ".join(["%s"] * 10) + ", 'a%%b', bad"
    sent = "SELECT " + ", ".join(f"${n}" for n in range(1, 11)) + ", 'a%b', bad"
    assert original_position(text, sent.index("bad") + 1, True) == text.index("bad") + 1
    assert original_position(text, 5, False) == 5


@pytest.mark.parametrize(
    ("message", "text", "place"),
    [
        (
            "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version "
            "for the right syntax to use near 'FRM t' at line 2",
            "SELECT a\nFRM t",
            (10, 2, 1),
        ),
        (
            "You have an error in your SQL syntax; check the manual ... near '' at line 1",
            "SELECT 1 FROM",
            (14, 1, 14),
        ),
    ],
)
def test_mysql_syntax_errors_are_placed(message: str, text: str, place: tuple[int, int, int]) -> None:
    error = mysql_errors.statement_error(
        mysql_errors_fake(1064, message), mysql_errors.Statement(text), cancelled=False
    )
    assert isinstance(error, QueryError)
    assert (error.position, error.line, error.column) == place
    assert str(error).startswith("Syntax error")
    assert f"(line {place[1]}, column {place[2]})" in str(error)


def mysql_errors_fake(code: int, message: str) -> Exception:
    import pymysql

    return pymysql.err.ProgrammingError(code, message)


def test_adapter_factory_gives_each_kind() -> None:
    for kind in DatabaseKind:
        assert adapter_for(kind).kind is kind


DOC = {
    "swagger": "2.0",
    "info": {"version": "12.2.3"},
    "paths": {"/": {"get": {}}, "/items": {"get": {}}, "/orders": {"get": {}, "post": {}}, "/rpc/f": {"post": {}}},
    "definitions": {
        "items": {
            "description": "What we sell",
            "required": ["id", "name"],
            "properties": {
                "id": {"format": "bigint", "type": "integer", "description": "Note:\nThis is a Primary Key.<pk/>"},
                "name": {"format": "text", "type": "string", "description": "Shown to people"},
                "price": {"format": "numeric", "type": "number", "default": "0"},
            },
        },
        "orders": {
            "properties": {
                "item_id": {
                    "format": "bigint",
                    "description": "Note:\nThis is a Foreign Key to `items.id`.<fk table='items' column='id'/>",
                }
            }
        },
    },
}


def test_openapi_document_gives_tables_and_columns() -> None:
    assert postgrest_openapi.table_names(DOC) == ["items", "orders"]
    assert postgrest_openapi.can_write(DOC)
    assert not postgrest_openapi.can_write({"paths": {"/": {"get": {}}, "/items": {"get": {}}}})
    tables = postgrest_openapi.tables(DOC, "public")
    assert [(t.name, t.comment) for t in tables] == [("items", "What we sell"), ("orders", "")]
    detail = postgrest_openapi.describe(DOC, "public", "items")
    assert detail.primary_key == ("id",)
    assert [(c.name, c.type, c.nullable, c.default, c.comment) for c in detail.columns] == [
        ("id", "bigint", False, None, ""),
        ("name", "text", False, None, "Shown to people"),
        ("price", "numeric", True, "0", ""),
    ]
    orders = postgrest_openapi.describe(DOC, "public", "orders")
    assert [(fk.columns, fk.ref_table, fk.ref_columns) for fk in orders.foreign_keys] == [
        (("item_id",), "items", ("id",))
    ]
    with pytest.raises(QueryError, match="no table or view “nosuch”"):
        postgrest_openapi.describe(DOC, "public", "nosuch")


def test_rest_values_come_back_as_python_values() -> None:
    convert = postgrest_openapi.from_json
    assert convert(Decimal("1.50"), "numeric") == Decimal("1.50")
    assert convert(3, "numeric") == Decimal(3)
    assert convert(Decimal("0.5"), "double precision") == 0.5
    assert convert("2024-05-01T10:00:00+02:00", "timestamp with time zone").utcoffset().total_seconds() == 7200
    assert convert("2024-05-01T10:00:00", "timestamp without time zone") == datetime(2024, 5, 1, 10)
    assert convert("infinity", "timestamp with time zone") == "infinity"
    assert convert("2024-02-29", "date") == date(2024, 2, 29)
    assert convert("12345678-1234-5678-1234-567812345678", "uuid") == UUID("12345678-1234-5678-1234-567812345678")
    assert convert("\\x00ff", "bytea") == b"\x00\xff"
    assert convert(["a", None], "text[]") == ["a", None]
    assert convert(None, "uuid") is None
    assert convert({"a": 1}, "jsonb") == {"a": 1}


def test_rest_urls_and_key_roles() -> None:
    assert rest_base_url("https://abc.supabase.co/") == "https://abc.supabase.co/rest/v1"
    assert rest_base_url("https://abc.supabase.co/rest/v1") == "https://abc.supabase.co/rest/v1"
    anon = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2ln"
    assert key_role(anon) == "anon"
    assert key_role("sb_publishable_abc") == ""
    assert key_role("a.%%%.c") == ""


def _params(kind: DatabaseKind, mode: TlsMode, ca_file: str = "") -> ConnectionParams:
    config = ConnectionConfig(
        id=1, name="x", kind=kind, host="db.example.com", database="app", user="me", tls_mode=mode, ca_file=ca_file
    )
    return ConnectionParams(config=config, password="s3cret-é", connect_timeout_s=3.5, application_name="VD")


def test_postgresql_tls_modes_are_libpq_ssl_modes(tmp_path: Path) -> None:
    from vector_desktop.adapters.postgresql import connect_kwargs

    kwargs = connect_kwargs(_params(DatabaseKind.POSTGRESQL, TlsMode.REQUIRE))
    assert kwargs["sslmode"] == "require" and "sslrootcert" not in kwargs
    assert kwargs["connect_timeout"] == 4 and kwargs["application_name"] == "VD" and kwargs["port"] == 5432
    assert connect_kwargs(_params(DatabaseKind.POSTGRESQL, TlsMode.VERIFY_FULL))["sslrootcert"] == "system"
    ca = str(tmp_path / "ca.pem")
    Path(ca).write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    with_ca = connect_kwargs(_params(DatabaseKind.POSTGRESQL, TlsMode.VERIFY_FULL, ca))
    assert with_ca["sslmode"] == "verify-full" and with_ca["sslrootcert"] == ca
    assert connect_kwargs(_params(DatabaseKind.POSTGRESQL, TlsMode.DISABLE))["sslmode"] == "disable"


def test_mysql_tls_modes_map_to_pymysql(tmp_path: Path) -> None:
    import ssl

    from vector_desktop.adapters.mysql import connect_kwargs

    disabled = connect_kwargs(_params(DatabaseKind.MYSQL, TlsMode.DISABLE))
    assert disabled["ssl_disabled"] is True and disabled["port"] == 3306
    assert disabled["password"] == "s3cret-é".encode()  # utf-8, not PyMySQL's latin-1
    assert "ssl" not in connect_kwargs(_params(DatabaseKind.MYSQL, TlsMode.PREFER))
    required = connect_kwargs(_params(DatabaseKind.MYSQL, TlsMode.REQUIRE))["ssl"]
    assert isinstance(required, ssl.SSLContext) and required.verify_mode == ssl.CERT_NONE
    verified = connect_kwargs(_params(DatabaseKind.MYSQL, TlsMode.VERIFY_FULL))["ssl"]
    assert verified.verify_mode == ssl.CERT_REQUIRED and verified.check_hostname


@pytest.mark.parametrize("kind", [DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL])
def test_a_ca_file_that_cannot_be_read_is_a_setting_to_fix(tmp_path: Path, kind: DatabaseKind) -> None:
    from vector_desktop.adapters import mysql, postgresql

    connect_kwargs = postgresql.connect_kwargs if kind is DatabaseKind.POSTGRESQL else mysql.connect_kwargs
    missing = str(tmp_path / "missing.pem")
    with pytest.raises(ConnectionValidationError) as caught:
        connect_kwargs(_params(kind, TlsMode.VERIFY_FULL, missing))
    assert caught.value.field == "ca_file"
    assert str(caught.value) == f"The CA file “{missing}” cannot be read (No such file or directory)."
