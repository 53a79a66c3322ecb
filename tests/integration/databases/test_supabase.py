"""The Supabase adapter: its REST path against a loopback server speaking PostgREST's protocol over a real
PostgreSQL database (tests/support/postgrest_server.py), and its SQL path through the local PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import httpx
import pytest

from tests.support.fixtures_databases import DbTarget, closed_port
from tests.support.postgrest_server import PostgrestServer
from vector_desktop.adapters.postgrest_rest import ROOT_NEEDS_SECRET_KEY
from vector_desktop.adapters.supabase import SupabaseAdapter, SupabaseSession
from vector_desktop.domain.databases import (
    AuthenticationFailedError,
    ConnectionConfig,
    ConnectionParams,
    ConnectionValidationError,
    DatabaseError,
    DatabaseKind,
    QueryCancelledError,
    QueryError,
    ServerUnreachableError,
    SqlNotAvailableError,
    TableKind,
    TlsMode,
    TlsRequiredError,
)


@pytest.fixture
def api(postgrest_server: PostgrestServer, pg_target: DbTarget) -> PostgrestServer:
    pg_target.run(
        f"SET ROLE {pg_target.user}",  # the role owns what it makes, so the SQL path may read it
        "CREATE TABLE public.customers (id bigint PRIMARY KEY, name text NOT NULL)",
        "COMMENT ON TABLE public.customers IS 'People who buy'",
        "CREATE TABLE public.items (id bigint PRIMARY KEY, name text NOT NULL, price numeric(12,2), "
        "at timestamptz, tags text[], doc jsonb, blob bytea, note text, "
        "customer_id bigint REFERENCES public.customers(id))",
        "COMMENT ON COLUMN public.items.name IS 'Shown to people'",
        "INSERT INTO public.customers VALUES (1, 'Ada')",
        "INSERT INTO public.items SELECT n, 'item ' || n, n * 1.10, '2024-05-01 10:00:00+02', ARRAY['a', 'b'], "
        "'{\"k\": 1.5}', '\\x00ff', CASE WHEN n = 1 THEN NULL WHEN n = 2 THEN '' ELSE 'note' END, 1 "
        "FROM generate_series(1, 25) AS n",
    )
    return postgrest_server


def rest_params(server: PostgrestServer, key: str | None = None, **changes: object) -> ConnectionParams:
    config = ConnectionConfig(
        id=7, name="project", kind=DatabaseKind.SUPABASE, supabase_url=server.project_url, tls_mode=TlsMode.PREFER
    )
    config = replace(config, **changes)  # type: ignore[arg-type]
    return ConnectionParams(config=config, api_key=server.anon_key if key is None else key, connect_timeout_s=5.0)


@pytest.fixture
def session(api: PostgrestServer) -> Iterator[SupabaseSession]:
    opened = SupabaseAdapter().connect(rest_params(api))
    yield opened
    opened.close()


def test_test_reads_the_api_and_the_keys_role(api: PostgrestServer) -> None:
    for key, role, can_write in ((api.anon_key, "anon", False), (api.service_key, "service_role", True)):
        session = SupabaseAdapter().connect(rest_params(api, key))
        try:
            report = session.test()
        finally:
            session.close()
        assert report.server_version == "PostgREST 12.2.3"
        assert report.user == role and report.can_write is can_write
        assert report.tls is False and report.latency_ms > 0
        assert report.database == f"127.0.0.1:{api.port}"
    sent = api.requests[-1]
    assert sent.path == "/rest/v1/" and sent.method == "HEAD"
    assert sent.headers["apikey"] == api.service_key
    assert sent.headers["authorization"] == f"Bearer {api.service_key}"


def test_a_publishable_key_where_the_gateway_keeps_the_document_for_secret_keys(api: PostgrestServer) -> None:
    api.restrict_root = True
    session = SupabaseAdapter().connect(rest_params(api))
    try:
        report = session.test()
        assert report.user == "anon" and report.can_write is False
        assert report.server_version == "PostgREST 12.2.3"
        with pytest.raises(DatabaseError) as caught:
            session.tables("public")
        assert str(caught.value) == ROOT_NEEDS_SECRET_KEY
    finally:
        session.close()
    secret = SupabaseAdapter().connect(rest_params(api, api.service_key))
    try:
        assert [t.name for t in secret.tables("public")] == ["customers", "items"]
    finally:
        secret.close()


def test_tables_and_columns_from_the_openapi_document(session: SupabaseSession) -> None:
    assert [(s.name, s.is_default) for s in session.schemas()] == [("public", True)]
    tables = session.tables("public")
    assert [(t.name, t.kind, t.estimated_rows, t.comment) for t in tables] == [
        ("customers", TableKind.TABLE, None, "People who buy"),
        ("items", TableKind.TABLE, None, ""),
    ]
    detail = session.describe("public", "items")
    columns = {c.name: c for c in detail.columns}
    assert detail.primary_key == ("id",)
    assert columns["price"].type == "numeric" and columns["at"].type == "timestamp with time zone"
    assert columns["name"].comment == "Shown to people" and not columns["name"].nullable
    assert columns["tags"].type == "text[]" and columns["note"].nullable
    assert [(fk.columns, fk.ref_table, fk.ref_columns) for fk in detail.foreign_keys] == [
        (("customer_id",), "customers", ("id",))
    ]


def test_browse_reads_pages_with_the_total(session: SupabaseSession, api: PostgrestServer) -> None:
    cursor = session.browse("public", "items")
    assert [c.name for c in cursor.columns][:3] == ["id", "name", "price"]
    first = cursor.fetch(10)
    assert cursor.total == 25  # type: ignore[attr-defined]
    assert [row[0] for row in first] == list(range(1, 11))
    row = first[0]
    assert row[2] == Decimal("1.10") and isinstance(row[2], Decimal)
    assert row[3] == datetime.fromisoformat("2024-05-01T10:00:00+02:00") and row[3].utcoffset() is not None
    assert row[4] == ["a", "b"] and row[5] == {"k": 1.5} and row[6] == b"\x00\xff"
    assert row[7] is None and first[1][7] == ""  # NULL and the empty string stay apart
    assert len(cursor.fetch(10)) == 10
    assert [r[0] for r in cursor.fetch(10)] == [21, 22, 23, 24, 25]
    assert cursor.fetch(10) == []
    cursor.close()
    pages = [dict(r.query) for r in api.requests if r.path == "/rest/v1/items"]
    assert [(p["offset"], p["limit"]) for p in pages] == [("0", "10"), ("10", "10"), ("20", "10")]
    assert all(p["order"] == "id.asc" for p in pages)  # stable pages: ordered by the primary key
    first_request = next(r for r in api.requests if r.path == "/rest/v1/items")
    assert "count=exact" in first_request.headers["prefer"]


def test_browse_with_a_limit(session: SupabaseSession) -> None:
    cursor = session.browse("public", "items", limit=12)
    assert len(cursor.fetch(10)) == 10
    assert len(cursor.fetch(10)) == 2
    assert cursor.fetch(10) == []


def test_cancel_ends_a_rest_result(session: SupabaseSession) -> None:
    cursor = session.browse("public", "items")
    session.cancel()
    with pytest.raises(QueryCancelledError):
        cursor.fetch(10)
    assert cursor.fetch(10) == []


def test_a_bad_key_is_refused(api: PostgrestServer) -> None:
    session = SupabaseAdapter().connect(rest_params(api, "not-a-key-123"))
    try:
        with pytest.raises(AuthenticationFailedError) as caught:
            session.test()
    finally:
        session.close()
    assert str(caught.value).startswith("Supabase refused the API key")
    assert caught.value.code == "PGRST301"
    assert "not-a-key-123" not in str(caught.value) + caught.value.server_message


def test_postgrest_errors_become_sentences(session: SupabaseSession, pg_target: DbTarget) -> None:
    with pytest.raises(QueryError, match="The Supabase API has no table or view “nosuch” for this key"):
        session.browse("public", "nosuch")
    cursor = session.browse("public", "items")  # the document is read once per session...
    pg_target.run("DROP TABLE public.items")  # ...so the table is gone only for PostgREST
    with pytest.raises(QueryError) as caught:
        cursor.fetch(10)
    assert str(caught.value) == "Could not find the table 'public.items' in the schema cache."
    assert caught.value.code == "PGRST205"


def test_the_api_must_be_reachable_and_at_the_right_place(api: PostgrestServer) -> None:
    port = closed_port()
    session = SupabaseAdapter().connect(rest_params(api, supabase_url=f"http://127.0.0.1:{port}"))
    try:
        with pytest.raises(ServerUnreachableError, match=f"Nothing answers at 127.0.0.1:{port}"):
            session.test()
    finally:
        session.close()
    session = SupabaseAdapter().connect(rest_params(api, supabase_url=api.project_url + "/elsewhere"))
    try:
        with pytest.raises(ServerUnreachableError, match="has no Supabase REST API"):
            session.tables("public")
    finally:
        session.close()


def test_http_urls_are_refused_when_tls_is_required(api: PostgrestServer) -> None:
    with pytest.raises(TlsRequiredError, match="requires https"):
        SupabaseAdapter().connect(rest_params(api, tls_mode=TlsMode.REQUIRE))
    with pytest.raises(ConnectionValidationError):
        SupabaseAdapter().connect(rest_params(api, supabase_url="not a url"))


def test_without_the_postgres_connection_there_is_no_sql(session: SupabaseSession) -> None:
    with pytest.raises(SqlNotAvailableError, match="add the project's connection string"):
        session.execute("SELECT 1")
    with pytest.raises(SqlNotAvailableError):
        session.explain("SELECT 1")


def test_with_the_postgres_connection_sql_goes_to_postgresql(api: PostgrestServer, pg_target: DbTarget) -> None:
    pg_config = pg_target.config()
    params = ConnectionParams(
        config=ConnectionConfig(
            id=8,
            name="project-sql",
            kind=DatabaseKind.SUPABASE,
            supabase_url=api.project_url,
            host=pg_config.host,
            port=pg_config.port,
            database=pg_config.database,
            user=pg_config.user,
            tls_mode=TlsMode.DISABLE,
        ),
        password=pg_target.password,
        api_key=api.anon_key,
    )
    session = SupabaseAdapter().connect(params)
    try:
        report = session.test()
        assert report.server_version.startswith("PostgreSQL ") and report.server_version.endswith(" · PostgREST 12.2.3")
        assert report.user == pg_target.user
        cursor = session.execute("SELECT count(*), sum(price) FROM items WHERE id > %s", [20])
        assert cursor.fetch(5) == [(5, Decimal("126.50"))]
        cursor.close()
        assert "Seq Scan on items" in session.explain("SELECT * FROM items")
        assert {t.name for t in session.tables("public")} == {"customers", "items"}
        assert [i.name for i in session.describe("public", "items").indexes] == ["items_pkey"]
        browsed = session.browse("public", "customers")
        assert browsed.fetch(5) == [(1, "Ada")]
        browsed.close()
    finally:
        session.close()


# ------------------------------------------------------------------------------- the fake, driven by real clients


def test_the_fake_answers_the_postgrest_clients_filters(api: PostgrestServer) -> None:
    from postgrest import SyncPostgrestClient
    from postgrest.types import CountMethod

    headers = {"apikey": api.anon_key, "Authorization": f"Bearer {api.anon_key}"}
    with httpx.Client(base_url=api.rest_url, headers=headers) as http:
        client = SyncPostgrestClient(api.rest_url, headers=headers, http_client=http)
        eq = client.from_("items").select("id", "name").eq("name", "item 3").execute()
        assert eq.data == [{"id": 3, "name": "item 3"}]
        ranged = client.from_("items").select("id").gt("id", 5).lt("id", 9).order("id", desc=True).execute()
        assert [r["id"] for r in ranged.data] == [8, 7, 6]
        liked = client.from_("items").select("id").like("name", "item 1*").execute()
        assert sorted(r["id"] for r in liked.data) == [1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
        inside = client.from_("items").select("id").in_("id", [2, 4, 40]).execute()
        assert [r["id"] for r in inside.data] == [2, 4]
        nulls = client.from_("items").select("id").is_("note", "null").execute()
        assert nulls.data == [{"id": 1}]
        counted = client.from_("items").select("id", count=CountMethod.exact).range(0, 4).execute()
        assert counted.count == 25 and len(counted.data) == 5


def test_the_fake_speaks_range_headers_and_postgrest_errors(api: PostgrestServer) -> None:
    headers = {"apikey": api.anon_key}
    with httpx.Client(base_url=api.rest_url, headers=headers) as http:
        partial = http.get("/items?select=id", headers={"Range": "0-4", "Range-Unit": "items", "Prefer": "count=exact"})
        assert partial.status_code == 206 and partial.headers["content-range"] == "0-4/25"
        assert [r["id"] for r in partial.json()] == [1, 2, 3, 4, 5]
        past = http.get("/items?select=id&offset=30", headers={"Prefer": "count=exact"})
        assert past.status_code == 416 and past.json()["code"] == "PGRST103"
        unknown = http.get("/items?select=nosuch")
        assert unknown.status_code == 400
        assert set(unknown.json()) == {"code", "details", "hint", "message"} and unknown.json()["code"] == "42703"
        missing = http.get("/nosuch")
        assert missing.status_code == 404 and missing.json()["code"] == "PGRST205"
        bad = http.get("/items", headers={"apikey": "wrong"})
        assert bad.status_code == 401 and bad.json()["code"] == "PGRST301"
        wrong_bearer = http.get("/items", headers={"Authorization": "Bearer wrong"})
        assert wrong_bearer.status_code == 401
        root = http.get("/")
        assert root.headers["server"] == "postgrest/12.2.3" and root.json()["swagger"] == "2.0"
