"""DatabasesService (domain.databases_api.DatabasesApi): the saved connections, DATABASE_URL's "default" one, their
pooled sessions and the statements run on them (statement_runner.py runs those).

Awaited from any loop (the GUI's, `asyncio.run` on the command line, the connectors' loop for AI tools): blocking
work runs on the session's own thread (session_pool) or on this service's small I/O pool (store and keychain), and
comes back through `asyncio.wrap_future`. No asyncio object is kept between calls.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from vector_desktop.config import Config
from vector_desktop.domain.databases import (
    DEFAULT_CONNECTION_ID,
    AdapterFactory,
    ConnectionConfig,
    ConnectionDraft,
    ConnectionParams,
    ConnectionStore,
    ConnectionValidationError,
    DatabaseError,
    DatabaseSession,
    HistoryEntry,
    SavedQuery,
    SchemaInfo,
    TableDetail,
    TableInfo,
    TestOutcome,
    TestReport,
)
from vector_desktop.domain.databases_api import MAX_SESSIONS_PER_CONNECTION, DatabasesListener
from vector_desktop.services.databases.connection_drafts import config_of, validate_draft
from vector_desktop.services.databases.connection_registry import ConnectionRegistry
from vector_desktop.services.databases.connection_secrets import (
    SecretKeeper,
    delete_secrets,
    read_secrets,
    save_secrets,
)
from vector_desktop.services.databases.connection_urls import parse_connection_url
from vector_desktop.services.databases.error_text import error_line
from vector_desktop.services.databases.listeners import DatabasesListeners
from vector_desktop.services.databases.query_handle import ServiceQueryHandle
from vector_desktop.services.databases.session_pool import IDLE_S, SessionPool
from vector_desktop.services.databases.statement_runner import StatementRunner

log = logging.getLogger(__name__)

T = TypeVar("T")
URL_SETTING = "DATABASE_URL"
CONNECT_TIMEOUT_S = 10.0


def summary_of(report: TestReport) -> str:
    tls = ", encrypted" if report.tls else ", not encrypted"
    return f"{report.server_version}, {report.latency_ms:.0f} ms{tls}."


class DatabasesService:
    def __init__(
        self,
        store: ConnectionStore,
        secrets: SecretKeeper,
        adapter_for: AdapterFactory,
        config: Config,
        *,
        max_sessions: int = MAX_SESSIONS_PER_CONNECTION,
        idle_s: float = IDLE_S,
        connect_timeout_s: float = CONNECT_TIMEOUT_S,
    ) -> None:
        self._store = store
        self._secrets = secrets
        self._adapter_for = adapter_for
        self._config = config
        self._connect_timeout_s = connect_timeout_s
        self._listeners = DatabasesListeners()
        self._pool = SessionPool(self._connect, max_sessions=max_sessions, idle_s=idle_s)
        self._io = concurrent.futures.ThreadPoolExecutor(2, thread_name_prefix="db-io")
        self._known = ConnectionRegistry(secrets)
        self._statements = StatementRunner(self._pool, store, self._listeners, self._io, config, self.connection)

    async def _blocking(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await asyncio.wrap_future(self._io.submit(fn, *args, **kwargs))

    # ------------------------------------------------------------------ listeners

    def add_listener(self, listener: DatabasesListener) -> None:
        self._listeners.add(listener)

    def remove_listener(self, listener: DatabasesListener) -> None:
        self._listeners.remove(listener)

    # ------------------------------------------------------------------ connections (memory, any thread)

    def connections(self) -> list[ConnectionConfig]:
        return self._known.connections()

    def connection(self, connection_id: int) -> ConnectionConfig:
        return self._known.connection(connection_id)

    def find(self, name_or_key: str) -> ConnectionConfig:
        return self._known.find(name_or_key)

    @property
    def environment_problem(self) -> str:
        """Why DATABASE_URL is set but gives no connection ("" when it is fine or unset)."""
        return self._known.environment_problem

    # ------------------------------------------------------------------ life cycle

    async def open(self, *, environment: bool = True) -> None:
        """Read the saved connections and, with `environment`, DATABASE_URL's "default" (a secret setting: that
        may ask the keychain). A command that names a saved connection goes without it."""
        if environment:
            self._load_environment()
        self._known.replace_saved(await self._blocking(self._store.connections))
        if self._known.default.current.password is not None:
            await self._blocking(self._known.default.move_password)
        if self._settings_changed not in self._config.listeners:
            self._config.listeners.append(self._settings_changed)
        self._listeners.connections_changed()

    async def close(self) -> None:
        if self._settings_changed in self._config.listeners:
            self._config.listeners.remove(self._settings_changed)
        done: concurrent.futures.Future[None] = concurrent.futures.Future()

        def close_all() -> None:
            try:
                self._pool.close_all()
            finally:
                done.set_result(None)

        threading.Thread(target=close_all, name="db-close", daemon=True).start()
        await asyncio.wrap_future(done)
        self._io.shutdown(wait=False)

    def _load_environment(self) -> bool:
        if not self._known.load_environment(str(self._config.get(URL_SETTING) or "")):
            return False
        self._pool.invalidate(DEFAULT_CONNECTION_ID)
        return True

    def _settings_changed(self, changed: set[str]) -> None:
        if URL_SETTING in changed and self._load_environment():
            self._listeners.connections_changed()

    # ------------------------------------------------------------------ editing

    async def add(self, draft: ConnectionDraft) -> ConnectionConfig:
        draft = validate_draft(draft)
        config = await self._blocking(self._store.add_connection, draft)
        await self._blocking(save_secrets, self._secrets, config.id, draft)
        self._known.put(config)
        self._listeners.connections_changed()
        return config

    async def add_url(self, name: str, url: str, *, writable: bool = False) -> ConnectionConfig:
        return await self.add(parse_connection_url(url, name, writable=writable).draft)

    def _editable(self, connection_id: int) -> ConnectionConfig:
        config = self.connection(connection_id)
        if config.from_environment:
            raise ConnectionValidationError("name", "The default connection comes from DATABASE_URL; change it there.")
        return config

    async def update(self, connection_id: int, draft: ConnectionDraft) -> ConnectionConfig:
        self._editable(connection_id)
        draft = validate_draft(draft)
        config = await self._blocking(self._store.update_connection, connection_id, draft)
        await self._blocking(save_secrets, self._secrets, connection_id, draft)
        self._pool.invalidate(connection_id)
        self._known.put(config)
        self._listeners.connections_changed()
        return config

    async def remove(self, connection_id: int) -> None:
        self._editable(connection_id)
        self._pool.invalidate(connection_id, cancel_running=True)
        await self._blocking(self._store.delete_connection, connection_id)
        self._known.drop(connection_id)
        await self._blocking(delete_secrets, self._secrets, connection_id)
        self._listeners.connections_changed()
        self._listeners.saved_queries_changed()

    # ------------------------------------------------------------------ testing

    async def test(self, connection_id: int) -> TestReport:
        config = self.connection(connection_id)
        try:
            report = await self._one_off(lambda: self._test_session(self._params(config)))
        except DatabaseError as error:
            await self._record_test(connection_id, TestOutcome(False, error_line(error), datetime.now(UTC)))
            raise
        await self._record_test(connection_id, TestOutcome(True, summary_of(report), datetime.now(UTC)))
        return report

    async def test_draft(self, draft: ConnectionDraft, connection_id: int | None = None) -> TestReport:
        draft = validate_draft(draft, check_name=False)
        config = config_of(draft, connection_id if connection_id is not None else -1)

        def params() -> ConnectionParams:
            saved = self._params(self.connection(connection_id)) if connection_id is not None else None
            password = draft.password if draft.password is not None else (saved.password if saved else "")
            api_key = draft.api_key if draft.api_key is not None else (saved.api_key if saved else "")
            return ConnectionParams(config, password, api_key, connect_timeout_s=self._connect_timeout_s)

        return await self._one_off(lambda: self._test_session(params()))

    def _test_session(self, params: ConnectionParams) -> TestReport:
        session = self._adapter_for(params.config.kind).connect(params)
        try:
            return session.test()
        finally:
            session.close()

    async def _one_off(self, fn: Callable[[], T]) -> T:
        """Run `fn` on a thread of its own (a test may wait for the connect timeout; it must not hold a pool)."""
        executor = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="db-test")
        try:
            return await asyncio.wrap_future(executor.submit(fn))
        finally:
            executor.shutdown(wait=False)

    async def _record_test(self, connection_id: int, outcome: TestOutcome) -> None:
        if connection_id == DEFAULT_CONNECTION_ID:
            self._known.record_default_test(outcome)
        else:
            await self._blocking(self._store.record_test, connection_id, outcome)
            fresh = await self._blocking(self._store.connection, connection_id)
            if fresh is not None:
                self._known.refresh(fresh)
        self._listeners.connections_changed()

    # ------------------------------------------------------------------ sessions

    def _params(self, config: ConnectionConfig) -> ConnectionParams:
        """Blocking (keychain, unless the connection is known to have no secret): called on a worker thread just
        before connecting."""
        if config.from_environment:
            password, api_key = self._known.default.secrets()
        else:
            password, api_key = read_secrets(self._secrets, config)
        return ConnectionParams(config, password, api_key, connect_timeout_s=self._connect_timeout_s)

    def _connect(self, connection_id: int) -> DatabaseSession:
        config = self.connection(connection_id)
        return self._adapter_for(config.kind).connect(self._params(config))

    def open_session(self, connection_id: int) -> DatabaseSession:
        """A session of its own, outside the pool, for a background job (blocking; the caller closes it)."""
        return self._connect(connection_id)

    def open_sessions(self, connection_id: int) -> int:
        """Sessions of the connection now open (busy or idle)."""
        return self._pool.open_count(connection_id)

    # ------------------------------------------------------------------ schema

    async def schemas(self, connection_id: int) -> list[SchemaInfo]:
        self.connection(connection_id)
        return await self._pool.run(connection_id, lambda session: session.schemas())

    async def tables(self, connection_id: int, schema: str) -> list[TableInfo]:
        self.connection(connection_id)
        return await self._pool.run(connection_id, lambda session: session.tables(schema))

    async def describe(self, connection_id: int, schema: str, table: str) -> TableDetail:
        self.connection(connection_id)
        return await self._pool.run(connection_id, lambda session: session.describe(schema, table))

    # ------------------------------------------------------------------ statements (statement_runner.py)

    def query_timeout(self, timeout_s: float | None = None) -> float | None:
        """The statement timeout to use: `timeout_s`, else DATABASE_QUERY_TIMEOUT; None = no limit."""
        return self._statements.query_timeout(timeout_s)

    async def run(
        self,
        connection_id: int,
        sql: str,
        params: Sequence[Any] | None = None,
        *,
        origin: str = "editor",
        read_only: bool | None = None,
        timeout_s: float | None = None,
    ) -> ServiceQueryHandle:
        return await self._statements.run(
            connection_id, sql, params, origin=origin, read_only=read_only, timeout_s=timeout_s
        )

    async def copy_out(
        self,
        connection_id: int,
        sql: str,
        write: Callable[[Any], object],
        *,
        csv: bool,
        null: str,
        header: bool,
        origin: str = "cli",
        timeout_s: float | None = None,
    ) -> int | None:
        """See StatementRunner.copy_out (None: the connection cannot COPY, run the query as usual)."""
        return await self._statements.copy_out(
            connection_id, sql, write, csv=csv, null=null, header=header, origin=origin, timeout_s=timeout_s
        )

    async def browse(self, connection_id: int, schema: str, table: str) -> ServiceQueryHandle:
        return await self._statements.browse(connection_id, schema, table)

    async def explain(self, connection_id: int, sql: str, params: Sequence[Any] | None = None) -> str:
        return await self._statements.explain(connection_id, sql, params)

    # ------------------------------------------------------------------ history and saved queries

    async def history(self, connection_id: int, *, text: str = "", limit: int = 200) -> list[HistoryEntry]:
        return await self._blocking(self._store.history, connection_id, text=text, limit=limit)

    async def saved_queries(self, connection_id: int | None = None) -> list[SavedQuery]:
        return await self._blocking(self._store.saved_queries, connection_id)

    async def save_query(
        self, name: str, sql: str, connection_id: int | None, query_id: int | None = None
    ) -> SavedQuery:
        name = " ".join(name.split())
        if not name:
            raise ConnectionValidationError("name", "Give the query a name.")
        if connection_id is not None:
            self.connection(connection_id)
        saved = await self._blocking(self._store.save_query, name, sql, connection_id, query_id)
        self._listeners.saved_queries_changed()
        return saved

    async def delete_saved_query(self, query_id: int) -> None:
        await self._blocking(self._store.delete_saved_query, query_id)
        self._listeners.saved_queries_changed()
