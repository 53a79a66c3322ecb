"""The databases service against the machine's PostgreSQL and MariaDB (a database and role of their own per test):
connections without secrets in the store, tests, lazy introspection, paged queries with bound parameters,
read-only enforced by the server, cancel and timeout, the bounded session pool, DATABASE_URL as "default", the
history, and the export job."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import json
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.support.fixtures_databases import DbTarget
from tests.support.fixtures_databases import mysql_target as mysql_target
from tests.support.fixtures_databases import pg_target as pg_target
from tests.support.fixtures_databases import postgrest_server as postgrest_server
from tests.support.fixtures_s3 import closed_port
from tests.support.jobs import Recorder
from tests.support.pg_auth_refuser import pg_auth_refuser
from vector_desktop.core import Core, make_databases, open_core
from vector_desktop.domain.databases import (
    AuthenticationFailedError,
    ColorTag,
    ConnectionDraft,
    ConnectionNotFoundError,
    ConnectionValidationError,
    DatabaseError,
    DatabaseKind,
    QueryCancelledError,
    QueryError,
    QueryTimeoutError,
    ReadOnlyViolationError,
    ServerUnreachableError,
    SqlNotAvailableError,
    TlsMode,
    UnknownDatabaseError,
    db_secret_ref,
)
from vector_desktop.domain.databases_api import MAX_SESSIONS_PER_CONNECTION, DatabasesListener
from vector_desktop.domain.jobs import JobState
from vector_desktop.jobs.pool import JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.paths import AppPaths
from vector_desktop.services.databases.databases_service import DatabasesService
from vector_desktop.services.databases.tasks import EXPORT, export_payload, register_database_tasks
from vector_desktop.store.job_repository import JobRepository

WAIT_S = 30.0  # a guard against hangs, not a timing assertion


@contextlib.asynccontextmanager
async def databases(
    paths: AppPaths, environ: dict[str, str] | None = None
) -> AsyncIterator[tuple[Core, DatabasesService]]:
    core = open_core(paths, environ=environ or {})
    service = make_databases(core)
    await service.open()
    try:
        yield core, service
    finally:
        await service.close()
        core.close()


def profile_text(profile: Path) -> str:
    """Every byte the app wrote in the profile (store, WAL, logs), as text."""
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in profile.rglob("*") if p.is_file())


async def all_rows(handle: Any, size: int = 500) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    while page := await handle.fetch(size):
        rows += page
    return rows


class Events(DatabasesListener):
    def __init__(self) -> None:
        self.seen: list[str] = []

    def connections_changed(self) -> None:
        self.seen.append("connections")

    def history_changed(self, connection_id: int) -> None:
        self.seen.append(f"history:{connection_id}")

    def saved_queries_changed(self) -> None:
        self.seen.append("saved")


@pytest.mark.asyncio
async def test_a_postgresql_connection_from_url_to_rows(
    app_paths: AppPaths, profile_dir: Path, pg_target: DbTarget
) -> None:
    pg_target.run(
        "CREATE TABLE public.orders (id serial PRIMARY KEY, customer text NOT NULL, total numeric(12,2))",
        "COMMENT ON TABLE public.orders IS 'Customer orders'",
        f"GRANT ALL ON public.orders TO {pg_target.user}",
        "INSERT INTO public.orders (customer, total) SELECT 'c' || g, g * 1.25 FROM generate_series(1, 1200) g",
        "ANALYZE public.orders",
    )
    async with databases(app_paths) as (core, service):
        events = Events()
        service.add_listener(events)
        config = await service.add_url("Shop", pg_target.url())
        assert (config.name, config.read_only, config.user, config.database) == (
            "Shop",
            True,
            pg_target.user,
            pg_target.database,
        )
        assert core.secrets.get(db_secret_ref(config.id, "password")) == pg_target.password
        assert service.find("shop") == config == service.find(config.key)
        with pytest.raises(ConnectionNotFoundError):
            service.find("nope")
        with pytest.raises(ConnectionValidationError) as taken:
            await service.add_url("SHOP", pg_target.url())
        assert taken.value.field == "name"

        report = await service.test(config.id)
        assert report.server_version.startswith("PostgreSQL") and report.user == pg_target.user
        tested = service.connection(config.id)
        assert (
            tested.last_test_ok is True
            and tested.last_tested_at is not None
            and "PostgreSQL" in tested.last_test_message
        )

        schemas = await service.schemas(config.id)
        assert [s.name for s in schemas if s.is_default] == ["public"]
        [orders] = await service.tables(config.id, "public")
        assert (orders.name, orders.estimated_rows, orders.comment) == ("orders", 1200, "Customer orders")
        detail = await service.describe(config.id, "public", "orders")
        assert [c.name for c in detail.columns] == ["id", "customer", "total"] and detail.primary_key == ("id",)

        handle = await service.run(config.id, "SELECT id, customer, total FROM orders WHERE id > %s ORDER BY id", [0])
        assert [c.name for c in handle.run.columns] == ["id", "customer", "total"]
        sizes = []
        while page := await handle.fetch(500):
            sizes.append(len(page))
        assert sizes == [500, 500, 200] and handle.run.done and handle.run.rows_fetched == 1200
        await handle.close()
        await handle.close()  # idempotent

        injection = "c1' OR '1'='1"
        handle = await service.run(config.id, "SELECT count(*) FROM orders WHERE customer = %s", [injection])
        assert await all_rows(handle) == [(0,)]  # the parameter stayed data
        await handle.close()
        literal = await service.run(config.id, "SELECT 'a%b' AS text_with_percent")
        assert await all_rows(literal) == [("a%b",)]
        await literal.close()

        with pytest.raises(QueryError) as refused:
            await service.run(config.id, "SELECT nope FROM orders")
        assert "nope" in refused.value.server_message

        plan = await service.explain(config.id, "SELECT * FROM orders WHERE id = %s", [3])
        assert "orders" in plan
        history = await service.history(config.id)
        assert [(h.sql.split()[0], h.rows, h.origin) for h in history][:3] == [
            ("SELECT", None, "editor"),
            ("SELECT", 1, "editor"),
            ("SELECT", 1, "editor"),
        ]
        assert history[0].error and "nope" in history[0].error
        assert history[-1].rows == 1200 and history[-1].duration_ms is not None
        assert [h.sql for h in await service.history(config.id, text="count(*)")] == [
            "SELECT count(*) FROM orders WHERE customer = %s"
        ]
        assert f"history:{config.id}" in events.seen and "connections" in events.seen

        saved = await service.save_query("Big orders", "SELECT * FROM orders WHERE total > 100", config.id)
        assert [q.name for q in await service.saved_queries(config.id)] == ["Big orders"]
        await service.delete_saved_query(saved.id)
        assert "saved" in events.seen
    assert pg_target.password not in profile_text(profile_dir)


@pytest.mark.asyncio
async def test_read_only_is_enforced_by_the_server_and_writable_connections_commit(
    app_paths: AppPaths, pg_target: DbTarget
) -> None:
    pg_target.run("CREATE TABLE notes (body text)", f"GRANT ALL ON notes TO {pg_target.user}")
    async with databases(app_paths) as (_core, service):
        reader = await service.add_url("reader", pg_target.url())
        with pytest.raises(ReadOnlyViolationError) as refused:
            handle = await service.run(reader.id, "INSERT INTO notes VALUES (%s)", ["from the reader"])
            await all_rows(handle)
        assert "read-only" in refused.value.server_message
        with pytest.raises(ReadOnlyViolationError):
            await service.run(reader.id, "INSERT INTO notes VALUES ('asked to write')", read_only=False)
        writer = await service.add_url("writer", pg_target.url(), writable=True)
        handle = await service.run(writer.id, "INSERT INTO notes VALUES (%s), (%s)", ["one", "two"])
        assert handle.run.done and handle.run.rowcount == 2
        await handle.close()
        with pytest.raises(ReadOnlyViolationError):  # a writable connection can still run a statement read-only
            await service.run(writer.id, "INSERT INTO notes VALUES ('guarded')", read_only=True)
    assert pg_target.rows("SELECT body FROM notes ORDER BY body") == [("one",), ("two",)]


def running_sleeps(target: DbTarget) -> int:
    """Statements of the app's sessions still running on the server."""
    if target.kind is DatabaseKind.POSTGRESQL:
        query = (
            f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{target.database}' AND state = 'active' "
            "AND application_name = 'Vector Desktop'"
        )
    else:
        query = (
            "SELECT count(*) FROM information_schema.PROCESSLIST "
            f"WHERE DB = '{target.database}' AND INFO LIKE 'SELECT SLEEP%'"
        )
    return int(target.rows(query)[0][0])


async def gone_from_the_server(target: DbTarget) -> None:
    deadline = time.monotonic() + WAIT_S
    while running_sleeps(target):
        assert time.monotonic() < deadline, "the statement still runs on the server"
        await asyncio.sleep(0.05)


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["postgresql", "mysql"])
async def test_cancel_and_timeout_leave_the_session_usable(
    app_paths: AppPaths, request: pytest.FixtureRequest, kind: str
) -> None:
    target: DbTarget = request.getfixturevalue("pg_target" if kind == "postgresql" else "mysql_target")
    sleep = "SELECT pg_sleep(30)" if kind == "postgresql" else "SELECT SLEEP(30)"
    async with databases(app_paths) as (_core, service):
        config = await service.add_url("slow", target.url())
        # While the statement starts (MySQL runs it in execute): the caller gives up, the server stops.
        starting = asyncio.ensure_future(service.run(config.id, sleep))
        await asyncio.sleep(0.3)
        if starting.done():  # PostgreSQL declares a cursor at once: the wait is in the first fetch
            handle = starting.result()
            fetch = asyncio.ensure_future(handle.fetch())
            await asyncio.sleep(0.3)
            await handle.cancel()
            [outcome] = await asyncio.wait_for(asyncio.gather(fetch, return_exceptions=True), WAIT_S)
            assert isinstance(outcome, QueryCancelledError), outcome
            await handle.close()
        else:
            starting.cancel()
            with pytest.raises(asyncio.CancelledError):
                await starting
        await gone_from_the_server(target)
        again = await service.run(config.id, "SELECT 41 + 1")
        assert await all_rows(again) == [(42,)]
        await again.close()
        [entry] = [h for h in await service.history(config.id) if h.sql == sleep]
        assert "cancel" in entry.error.lower()

        with pytest.raises(QueryTimeoutError):
            timed = await service.run(config.id, sleep, timeout_s=0.5)
            await all_rows(timed)
        await gone_from_the_server(target)
        after = await service.run(config.id, "SELECT 'still here'")
        assert await all_rows(after) == [("still here",)]
        await after.close()


@pytest.mark.asyncio
async def test_sessions_per_connection_are_bounded(app_paths: AppPaths, pg_target: DbTarget) -> None:
    async with databases(app_paths) as (_core, service):
        config = await service.add_url("busy", pg_target.url())
        held = [await service.run(config.id, "SELECT %s::int", [n]) for n in range(MAX_SESSIONS_PER_CONNECTION)]
        waiting = asyncio.ensure_future(service.run(config.id, "SELECT 'next'"))
        await asyncio.sleep(0.3)
        assert not waiting.done()  # every session is taken until a result is closed
        opened = pg_target.rows(
            f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{pg_target.database}' "
            "AND application_name = 'Vector Desktop'"
        )
        assert opened == [(MAX_SESSIONS_PER_CONNECTION,)]
        await held[0].close()
        nxt = await asyncio.wait_for(waiting, WAIT_S)
        assert await all_rows(nxt) == [("next",)]
        for handle in [*held[1:], nxt]:
            await handle.close()
        reused = await service.run(config.id, "SELECT pg_backend_pid()")
        await all_rows(reused)
        await reused.close()
        assert service.open_sessions(config.id) == MAX_SESSIONS_PER_CONNECTION  # kept idle, not reopened


def app_sessions(target: DbTarget) -> int:
    query = (
        f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{target.database}' "
        "AND application_name = 'Vector Desktop'"
    )
    return int(target.rows(query)[0][0])


@pytest.mark.asyncio
async def test_idle_sessions_close_and_broken_ones_are_dropped(app_paths: AppPaths, pg_target: DbTarget) -> None:
    core = open_core(app_paths, environ={})
    service = make_databases(core, idle_s=0.3)
    await service.open()
    try:
        config = await service.add_url("idle", pg_target.url())
        handle = await service.run(config.id, "SELECT 1")
        await all_rows(handle)
        await handle.close()
        assert service.open_sessions(config.id) == 1 and app_sessions(pg_target) == 1
        deadline = time.monotonic() + WAIT_S
        while app_sessions(pg_target) or service.open_sessions(config.id):
            assert time.monotonic() < deadline, "the idle session was never closed"
            await asyncio.sleep(0.05)

        handle = await service.run(config.id, "SELECT 1")
        await handle.close()
        pg_target.run(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{pg_target.database}' AND application_name = 'Vector Desktop'"
        )
        with contextlib.suppress(DatabaseError):  # the first statement may learn that the server hung up
            lost = await service.run(config.id, "SELECT 2")
            await all_rows(lost)
            await lost.close()
        again = await service.run(config.id, "SELECT 3")
        assert await all_rows(again) == [(3,)]
        await again.close()
    finally:
        await service.close()
        core.close()


@pytest.mark.asyncio
async def test_supabase_without_sql_browses_over_rest(
    app_paths: AppPaths, pg_target: DbTarget, postgrest_server: Any
) -> None:
    pg_target.run("CREATE TABLE public.items (id int PRIMARY KEY, name text)", "INSERT INTO items VALUES (1, 'one')")
    async with databases(app_paths) as (core, service):
        url = f"{postgrest_server.project_url}?apikey={postgrest_server.anon_key}"
        config = await service.add_url("project", url)
        assert (config.kind.value, config.supabase_url, config.has_sql) == (
            "supabase",
            postgrest_server.project_url,
            False,
        )
        assert core.secrets.get(db_secret_ref(config.id, "api_key")) == postgrest_server.anon_key
        handle = await service.browse(config.id, "public", "items")
        assert [tuple(row) for row in await all_rows(handle)] == [(1, "one")]
        await handle.close()
        with pytest.raises(SqlNotAvailableError):
            await service.run(config.id, "SELECT 1")


@pytest.mark.asyncio
async def test_drafts_are_tested_before_saving_and_updates_apply(app_paths: AppPaths, pg_target: DbTarget) -> None:
    async with databases(app_paths) as (core, service):
        config = await service.add_url("edit me", pg_target.url())
        draft = ConnectionDraft(
            "edited",
            DatabaseKind.POSTGRESQL,
            host=pg_target.host,
            port=pg_target.port,
            database=pg_target.database,
            user=pg_target.user,
            tls_mode=TlsMode.DISABLE,
        )
        report = await service.test_draft(draft, config.id)  # password None: the saved one
        assert report.user == pg_target.user
        updated = await service.update(config.id, replace(draft, read_only=False, color=ColorTag.RED))
        assert (updated.name, updated.read_only, updated.color) == ("edited", False, ColorTag.RED)
        assert service.find("edited") == updated
        assert core.secrets.get(db_secret_ref(config.id, "password")) == pg_target.password
        await service.update(config.id, replace(draft, password=""))
        assert core.secrets.get(db_secret_ref(config.id, "password")) is None


@pytest.mark.asyncio
async def test_database_url_is_the_default_connection(
    app_paths: AppPaths, profile_dir: Path, pg_target: DbTarget
) -> None:
    environ = {"DATABASE_URL": pg_target.url() + "?sslmode=disable"}
    async with databases(app_paths, environ) as (core, service):
        [default] = service.connections()
        assert (default.id, default.name, default.from_environment, default.read_only, default.expose_to_ai) == (
            0,
            "default",
            True,
            True,
            True,
        )
        assert core.secrets.get(db_secret_ref(0, "password")) == pg_target.password  # moved at first use
        handle = await service.run(0, "SELECT current_user")
        assert await all_rows(handle) == [(pg_target.user,)]
        await handle.close()
        await service.test(0)
        assert service.connection(0).last_test_ok is True
        assert [h.sql for h in await service.history(0)] == ["SELECT current_user"]
        with pytest.raises(ConnectionValidationError):
            await service.remove(0)
    # Next start: the password is no longer in the URL, the keychain has it.
    async with databases(app_paths, {"DATABASE_URL": pg_target.url(with_password=False)}) as (_core, service):
        handle = await service.run(0, "SELECT 1")
        await handle.close()
    text = profile_text(profile_dir)
    assert "SELECT current_user" in text and pg_target.password not in text


@pytest.mark.asyncio
async def test_errors_say_what_went_wrong(app_paths: AppPaths, pg_target: DbTarget) -> None:
    async with databases(app_paths) as (_core, service):
        with pg_auth_refuser(pg_target.host, pg_target.port, pg_target.password) as refuser:
            wrong = pg_target.url().replace(f"@{pg_target.host}:{pg_target.port}", f"@127.0.0.1:{refuser.port}")
            wrong = wrong.replace("pw-", "wrong-pw-", 1)
            config = await service.add_url("wrong password", wrong)
            with pytest.raises(AuthenticationFailedError) as refused:
                await service.test(config.id)
            assert "password" in str(refused.value).lower()
            assert service.connection(config.id).last_test_ok is False
        missing = await service.add_url("missing", pg_target.url().rsplit("/", 1)[0] + "/no_such_database_here")
        with pytest.raises(UnknownDatabaseError):
            await service.run(missing.id, "SELECT 1")
        down = await service.add_url("down", f"postgresql://someone:pw12345@127.0.0.1:{closed_port()}/db")
        with pytest.raises(ServerUnreachableError) as unreachable:
            await service.test(down.id)
        assert "pw12345" not in str(unreachable.value) and "pw12345" not in unreachable.value.server_message


@pytest.mark.asyncio
async def test_remove_forgets_the_connection_its_history_and_keychain_entries(
    app_paths: AppPaths, pg_target: DbTarget
) -> None:
    async with databases(app_paths) as (core, service):
        config = await service.add_url("temp", pg_target.url())
        handle = await service.run(config.id, "SELECT 1")
        await all_rows(handle)
        await handle.close()
        await service.remove(config.id)
        assert service.connections() == []
        assert core.secrets.get(db_secret_ref(config.id, "password")) is None
        assert await service.history(config.id) == []
        with pytest.raises(ConnectionNotFoundError):
            await service.run(config.id, "SELECT 1")


@pytest.mark.asyncio
async def test_a_mysql_connection(app_paths: AppPaths, mysql_target: DbTarget) -> None:
    mysql_target.run(
        "CREATE TABLE pets (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(50) NOT NULL, price DECIMAL(8,2))",
        "INSERT INTO pets (name, price) VALUES ('Rex 🐕', 10.50), ('Tom', NULL)",
    )
    async with databases(app_paths) as (_core, service):
        reader = await service.add_url("pets", mysql_target.url().replace("mysql://", "mariadb://"))
        report = await service.test(reader.id)
        assert "MariaDB" in report.server_version or "MySQL" in report.server_version
        assert [t.name for t in await service.tables(reader.id, mysql_target.database)] == ["pets"]
        handle = await service.run(reader.id, "SELECT name, price FROM pets WHERE id >= %s ORDER BY id", [1])
        rows = await all_rows(handle)
        await handle.close()
        assert [(name, str(price) if price is not None else None) for name, price in rows] == [
            ("Rex 🐕", "10.50"),
            ("Tom", None),
        ]
        with pytest.raises(ReadOnlyViolationError):
            write = await service.run(reader.id, "INSERT INTO pets (name) VALUES ('Sneaky')")
            await all_rows(write)
    assert mysql_target.rows("SELECT count(*) FROM pets WHERE name = 'Sneaky'") == [(0,)]


@pytest.fixture
def job_pool(store: Any) -> Iterator[tuple[TaskRegistry, JobPool, Recorder]]:
    registry = TaskRegistry()
    pool = JobPool(registry, JobRepository(store.sessions), workers=2)
    recorder = Recorder()
    pool.add_listener(recorder)
    yield registry, pool, recorder
    pool.shutdown(wait_seconds=10)


@pytest.mark.asyncio
async def test_the_export_job_writes_a_whole_file_or_none(
    app_paths: AppPaths, tmp_path: Path, pg_target: DbTarget, job_pool: tuple[TaskRegistry, JobPool, Recorder]
) -> None:
    registry, pool, recorder = job_pool
    async with databases(app_paths) as (_core, service):
        register_database_tasks(registry, service)
        config = await service.add_url("export", pg_target.url())
        sql = (
            "SELECT g AS n, 'row ' || g AS label, CASE WHEN mod(g, 2) = 0 THEN NULL ELSE g * 0.5 END AS half "
            "FROM generate_series(1, %s) g"
        )

        target = tmp_path / "rows.csv"
        job = pool.apply_async(EXPORT, kwargs=export_payload(config.id, sql, [3000], "csv", str(target)))
        done = await asyncio.to_thread(recorder.wait_finished, job)
        assert done.state is JobState.SUCCEEDED, done.error
        assert done.result == {"path": str(target), "rows": 3000, "format": "csv"}
        with target.open(newline="", encoding="utf-8") as stream:
            lines = list(csv.reader(stream))
        assert lines[0] == ["n", "label", "half"] and len(lines) == 3001
        assert lines[1] == ["1", "row 1", "0.5"] and lines[2] == ["2", "row 2", ""]
        assert not (tmp_path / "rows.csv.part").exists()

        jsonl = tmp_path / "rows.jsonl"
        job = pool.apply_async(EXPORT, kwargs=export_payload(config.id, sql, [10], "jsonl", str(jsonl)))
        assert (await asyncio.to_thread(recorder.wait_finished, job)).state is JobState.SUCCEEDED
        objects = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
        assert objects[:2] == [{"n": 1, "label": "row 1", "half": "0.5"}, {"n": 2, "label": "row 2", "half": None}]

        cancelled = tmp_path / "never.csv"
        slow = "SELECT g, pg_sleep(0.01) FROM generate_series(1, 100000) g"
        job = pool.apply_async(EXPORT, kwargs=export_payload(config.id, slow, None, "csv", str(cancelled)))
        await asyncio.to_thread(recorder.wait, job, lambda s: s.state is JobState.RUNNING)
        await asyncio.sleep(0.5)
        pool.cancel(job)
        stopped = await asyncio.to_thread(recorder.wait_finished, job)
        assert stopped.state is JobState.CANCELLED
        assert not cancelled.exists() and not (tmp_path / "never.csv.part").exists()

        pg_target.run("CREATE TABLE log (line text)", f"ALTER TABLE log OWNER TO {pg_target.user}")
        writer = await service.add_url("writer", pg_target.url(), writable=True)
        again = tmp_path / "again.csv"
        insert = "INSERT INTO log VALUES ('exported') RETURNING line"
        job = pool.apply_async(EXPORT, kwargs=export_payload(writer.id, insert, None, "csv", str(again)))
        refused = await asyncio.to_thread(recorder.wait_finished, job)
        assert refused.state is JobState.FAILED and "read-only" in refused.error  # an export never writes
        assert pg_target.rows("SELECT count(*) FROM log") == [(0,)] and not again.exists()

        failing = tmp_path / "failing.csv"
        job = pool.apply_async(EXPORT, kwargs=export_payload(config.id, "SELECT nope", None, "csv", str(failing)))
        failed = await asyncio.to_thread(recorder.wait_finished, job)
        assert failed.state is JobState.FAILED and "nope" in failed.error
        assert list(tmp_path.glob("failing*")) == []
