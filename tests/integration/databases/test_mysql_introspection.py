"""MariaDB's information_schema through the MySQL adapter: databases, tables and views with estimated rows, and a
table's columns (COLUMN_TYPE as the server shows it, json for MariaDB's JSON), keys and indexes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.fixtures_databases import DbTarget
from vector_desktop.adapters.mysql import MySqlAdapter, MySqlSession
from vector_desktop.domain.databases import QueryError, TableKind


@pytest.fixture(scope="module")
def session(mysql_module_target: DbTarget) -> Iterator[MySqlSession]:
    mysql_module_target.run(
        "CREATE TABLE customers (id int AUTO_INCREMENT PRIMARY KEY, email varchar(200) NOT NULL UNIQUE, "
        "name varchar(50) DEFAULT 'anonymous', nickname varchar(20), mood enum('a','b') NOT NULL DEFAULT 'a', "
        "prefs json, created datetime(6) DEFAULT CURRENT_TIMESTAMP(6)) COMMENT 'People who buy'",
        "CREATE TABLE orders (region char(2), number int, customer_id int, amount decimal(12,2) NOT NULL, "
        "total decimal(14,2) AS (amount * 2) STORED, PRIMARY KEY (region, number), "
        "KEY by_customer (customer_id, amount), "
        "CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id))",
        "CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 100",
        "INSERT INTO customers (email) SELECT CONCAT('c', seq, '@example.com') FROM seq_1_to_40",
        "ANALYZE TABLE customers",
    )
    opened = MySqlAdapter().connect(mysql_module_target.params())
    yield opened
    opened.close()


def test_schemas_are_the_databases_the_user_may_see(session: MySqlSession, mysql_module_target: DbTarget) -> None:
    assert [(s.name, s.is_default) for s in session.schemas()] == [(mysql_module_target.database, True)]


def test_tables_and_views(session: MySqlSession, mysql_module_target: DbTarget) -> None:
    tables = {t.name: t for t in session.tables(mysql_module_target.database)}
    assert set(tables) == {"customers", "orders", "big_orders"}
    assert tables["customers"].kind is TableKind.TABLE and tables["customers"].estimated_rows == 40
    assert tables["customers"].comment == "People who buy"
    assert tables["big_orders"].kind is TableKind.VIEW and tables["big_orders"].estimated_rows is None
    assert tables["big_orders"].comment == ""


def test_describe_a_table(session: MySqlSession, mysql_module_target: DbTarget) -> None:
    detail = session.describe(mysql_module_target.database, "customers")
    columns = {c.name: c for c in detail.columns}
    assert [c.name for c in detail.columns] == ["id", "email", "name", "nickname", "mood", "prefs", "created"]
    assert columns["id"].type == "int(11)" and columns["id"].default == "auto_increment" and columns["id"].primary_key
    assert columns["email"].type == "varchar(200)" and not columns["email"].nullable
    assert columns["name"].default == "'anonymous'"  # MariaDB shows defaults as SQL
    assert columns["nickname"].default is None and columns["nickname"].nullable
    assert columns["mood"].type == "enum('a','b')" and columns["mood"].default == "'a'"
    assert columns["prefs"].type == "json"
    assert columns["created"].default == "current_timestamp(6)"
    assert detail.primary_key == ("id",)
    assert {(i.name, i.columns, i.unique, i.primary) for i in detail.indexes} == {
        ("PRIMARY", ("id",), True, True),
        ("email", ("email",), True, False),
    }
    assert detail.table.comment == "People who buy"


def test_describe_keys(session: MySqlSession, mysql_module_target: DbTarget) -> None:
    database = mysql_module_target.database
    detail = session.describe(database, "orders")
    assert detail.primary_key == ("region", "number")
    columns = {c.name: c for c in detail.columns}
    assert columns["amount"].type == "decimal(12,2)"
    assert columns["total"].default == "GENERATED ALWAYS AS (`amount` * 2) STORED"
    assert [(fk.name, fk.columns, fk.ref_schema, fk.ref_table, fk.ref_columns) for fk in detail.foreign_keys] == [
        ("orders_customer", ("customer_id",), database, "customers", ("id",))
    ]
    by_name = {i.name: i for i in detail.indexes}
    assert by_name["by_customer"].columns == ("customer_id", "amount")
    assert by_name["by_customer"].definition == "INDEX `by_customer` (`customer_id`, `amount`) USING BTREE"
    assert detail.indexes[0].primary
    with pytest.raises(QueryError, match="There is no table or view “nope”"):
        session.describe(database, "nope")
