"""The PostgreSQL catalog through the adapter: schemas, one schema's tables and views with estimated rows, and a
table's columns (types as the server names them), keys and indexes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.fixtures_databases import DbTarget
from vector_desktop.adapters.postgresql import PostgresAdapter, PostgresSession
from vector_desktop.domain.databases import QueryError, TableKind


@pytest.fixture(scope="module")
def session(pg_module_target: DbTarget) -> Iterator[PostgresSession]:
    owner = pg_module_target.user
    pg_module_target.run(f"CREATE SCHEMA sales AUTHORIZATION {owner}")
    conn = pg_module_target.admin()
    try:
        conn.execute(f"SET ROLE {owner}")
        for statement in (
            "CREATE TABLE public.customers (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email varchar(200) "
            "NOT NULL UNIQUE, name text DEFAULT 'anonymous', created timestamptz NOT NULL DEFAULT now())",
            "COMMENT ON TABLE public.customers IS 'People who buy'",
            "COMMENT ON COLUMN public.customers.email IS 'Where receipts go'",
            "CREATE TABLE sales.orders (region char(2), number int, customer_id int REFERENCES public.customers(id), "
            "amount numeric(12,2) NOT NULL, total numeric GENERATED ALWAYS AS (amount * 2) STORED, "
            "PRIMARY KEY (region, number))",
            "CREATE INDEX orders_lower_region ON sales.orders (lower(region), amount)",
            "CREATE VIEW sales.big_orders AS SELECT * FROM sales.orders WHERE amount > 100",
            "CREATE MATERIALIZED VIEW sales.totals AS SELECT region, sum(amount) AS amount FROM sales.orders "
            "GROUP BY region",
            "CREATE TABLE sales.never_analyzed (x int)",
            "INSERT INTO public.customers (email) SELECT 'c' || n || '@example.com' FROM generate_series(1, 40) n",
            "ANALYZE public.customers",
        ):
            conn.execute(statement)
    finally:
        conn.close()
    opened = PostgresAdapter().connect(pg_module_target.params())
    yield opened
    opened.close()


def test_schemas_leave_out_the_system_ones(session: PostgresSession) -> None:
    schemas = session.schemas()
    assert [(s.name, s.is_default) for s in schemas] == [("public", True), ("sales", False)]


def test_tables_and_views_of_one_schema(session: PostgresSession) -> None:
    tables = {t.name: t for t in session.tables("sales")}
    assert set(tables) == {"orders", "big_orders", "totals", "never_analyzed"}
    assert tables["orders"].kind is TableKind.TABLE
    assert tables["big_orders"].kind is TableKind.VIEW and tables["big_orders"].estimated_rows is None
    assert tables["totals"].kind is TableKind.MATERIALIZED_VIEW
    assert tables["never_analyzed"].estimated_rows is None  # reltuples -1: unknown, not zero
    customers = session.tables("public")
    assert [(t.name, t.estimated_rows, t.comment) for t in customers] == [("customers", 40, "People who buy")]
    assert session.tables("no_such_schema") == []


def test_describe_a_table(session: PostgresSession) -> None:
    detail = session.describe("public", "customers")
    columns = {c.name: c for c in detail.columns}
    assert [c.name for c in detail.columns] == ["id", "email", "name", "created"]
    assert columns["id"].type == "integer" and columns["id"].default == "GENERATED ALWAYS AS IDENTITY"
    assert columns["id"].primary_key and not columns["id"].nullable
    assert columns["email"].type == "character varying(200)" and columns["email"].comment == "Where receipts go"
    assert columns["name"].default == "'anonymous'::text" and columns["name"].nullable
    assert columns["created"].type == "timestamp with time zone" and columns["created"].default == "now()"
    assert detail.primary_key == ("id",)
    assert {(i.name, i.columns, i.unique, i.primary) for i in detail.indexes} == {
        ("customers_pkey", ("id",), True, True),
        ("customers_email_key", ("email",), True, False),
    }
    assert detail.table.comment == "People who buy"


def test_describe_keys_and_expression_indexes(session: PostgresSession) -> None:
    detail = session.describe("sales", "orders")
    assert detail.primary_key == ("region", "number")
    columns = {c.name: c for c in detail.columns}
    assert columns["amount"].type == "numeric(12,2)"
    assert columns["total"].default == "GENERATED ALWAYS AS ((amount * (2)::numeric)) STORED"
    assert [(fk.columns, fk.ref_schema, fk.ref_table, fk.ref_columns) for fk in detail.foreign_keys] == [
        (("customer_id",), "public", "customers", ("id",))
    ]
    by_name = {i.name: i for i in detail.indexes}
    assert by_name["orders_lower_region"].columns == ("lower(region::text)", "amount")  # as the server says
    assert by_name["orders_lower_region"].definition.startswith("CREATE INDEX orders_lower_region ON sales.orders")
    assert detail.indexes[0].primary


def test_describe_a_view_and_a_missing_table(session: PostgresSession) -> None:
    view = session.describe("sales", "big_orders")
    assert view.table.kind is TableKind.VIEW and view.primary_key == () and view.indexes == ()
    assert [c.name for c in view.columns][:2] == ["region", "number"]
    with pytest.raises(QueryError, match="There is no table or view “nope” in the schema “sales”"):
        session.describe("sales", "nope")
