"""The statements of the databases service: run one (its rows read in pages through a handle), browse a table,
stream a query's rows with COPY, explain one; every statement run goes into its connection's history.

A caller that gives up while a statement runs has it cancelled on the server; the session goes back to the pool
once the statement has stopped, and is dropped if it is no longer usable."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from vector_desktop.config import Config
from vector_desktop.domain.databases import (
    ConnectionConfig,
    ConnectionNotFoundError,
    ConnectionStore,
    CopyNotPossibleError,
    DatabaseError,
    DatabaseSession,
    QueryCursor,
    QueryError,
    ReadOnlyViolationError,
    SqlNotAvailableError,
)
from vector_desktop.services.databases.error_text import error_line
from vector_desktop.services.databases.listeners import DatabasesListeners
from vector_desktop.services.databases.query_handle import FinishedRun, ServiceQueryHandle
from vector_desktop.services.databases.session_pool import PooledSession, SessionPool, session_still_usable

TIMEOUT_SETTING = "DATABASE_QUERY_TIMEOUT"
HISTORY_KEEP = 500
CANCELLED = "The statement was cancelled."


class StatementRunner:
    def __init__(
        self,
        pool: SessionPool,
        store: ConnectionStore,
        listeners: DatabasesListeners,
        io: concurrent.futures.Executor,
        config: Config,
        connection: Callable[[int], ConnectionConfig],
    ) -> None:
        self._pool = pool
        self._store = store
        self._listeners = listeners
        self._io = io  # for the store's blocking calls
        self._config = config
        self.connection = connection  # the saved or default connection of an id; raises ConnectionNotFoundError

    def query_timeout(self, timeout_s: float | None = None) -> float | None:
        """The statement timeout to use: `timeout_s`, else DATABASE_QUERY_TIMEOUT; None = no limit."""
        if timeout_s is None:
            timeout_s = float(self._config.get(TIMEOUT_SETTING) or 0)
        return timeout_s if timeout_s > 0 else None

    def _sql_connection(self, connection_id: int) -> ConnectionConfig:
        config = self.connection(connection_id)
        if not config.has_sql:
            raise SqlNotAvailableError(
                "This Supabase connection cannot run SQL: add the project's Postgres connection to its settings."
            )
        return config

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
        config = self._sql_connection(connection_id)
        if not sql.strip():
            raise QueryError("There is no statement to run.")
        if read_only is False and config.read_only:
            raise ReadOnlyViolationError("This connection is read-only; mark it writable to change data.")
        effective = config.read_only if read_only is None else read_only
        timeout = self.query_timeout(timeout_s)
        record = partial(self._record_run, connection_id, origin)
        started = time.monotonic()

        def execute(session: DatabaseSession) -> QueryCursor:
            return session.execute(sql, params, read_only=effective, timeout_s=timeout)

        try:
            pooled, cursor = await self._start(connection_id, execute)
        except (DatabaseError, asyncio.CancelledError) as error:
            elapsed_ms = int((time.monotonic() - started) * 1000)
            text = CANCELLED if isinstance(error, asyncio.CancelledError) else error_line(error)
            await record(FinishedRun(sql, elapsed_ms, None, text))
            raise
        return ServiceQueryHandle(self._pool, pooled, cursor, sql, started=started, on_finish=record)

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
        """Stream a query's rows as the server's own text (tab-separated) or CSV to `write`, called on the session's
        thread, when the connection can (PostgreSQL's COPY; no parameters). None: it cannot, run it as usual."""
        config = self._sql_connection(connection_id)
        pooled = await self._pool.acquire(connection_id)
        copy = getattr(pooled.session, "copy_out", None)
        if copy is None:
            self._pool.release(pooled)
            return None
        options = {"csv": csv, "null": null, "header": header, "read_only": config.read_only}
        future = pooled.submit(copy, sql, write, timeout_s=self.query_timeout(timeout_s), **options)
        started = time.monotonic()
        try:
            rows: int = await asyncio.wrap_future(future)
        except CopyNotPossibleError:
            self._pool.release(pooled)
            return None
        except asyncio.CancelledError:
            threading.Thread(target=pooled.cancel, name="db-cancel", daemon=True).start()
            future.add_done_callback(lambda done: self._pool.release(pooled, broken=not _usable_after(done)))
            await self._record_run(connection_id, origin, FinishedRun(sql, _ms(started), None, CANCELLED))
            raise
        except DatabaseError as error:
            self._pool.release(pooled, broken=not session_still_usable(error))
            await self._record_run(connection_id, origin, FinishedRun(sql, _ms(started), None, error_line(error)))
            raise
        self._pool.release(pooled)
        await self._record_run(connection_id, origin, FinishedRun(sql, _ms(started), rows))
        return rows

    async def browse(self, connection_id: int, schema: str, table: str) -> ServiceQueryHandle:
        self.connection(connection_id)
        started = time.monotonic()
        pooled, cursor = await self._start(connection_id, lambda session: session.browse(schema, table))
        return ServiceQueryHandle(self._pool, pooled, cursor, f"-- {schema}.{table}", started=started)

    async def _start(
        self, connection_id: int, start: Callable[[DatabaseSession], QueryCursor]
    ) -> tuple[PooledSession, QueryCursor]:
        """A pooled session and the cursor `start` opened on it. If the caller gives up while the statement runs,
        the statement is cancelled and its cursor closed before the session goes back."""
        pooled = await self._pool.acquire(connection_id)
        session = pooled.session
        assert session is not None
        future = pooled.submit(start, session)
        try:
            cursor = await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            threading.Thread(target=pooled.cancel, name="db-cancel", daemon=True).start()
            future.add_done_callback(partial(self._abandoned, pooled))
            raise
        except BaseException as error:
            self._pool.release(pooled, broken=not session_still_usable(error))
            raise
        return pooled, cursor

    def _abandoned(self, pooled: PooledSession, done: concurrent.futures.Future[QueryCursor]) -> None:
        broken = False
        if done.cancelled():
            pass
        elif done.exception() is not None:
            broken = not session_still_usable(done.exception())  # type: ignore[arg-type]
        else:
            try:
                done.result().close()  # on the session's thread: this callback runs where the statement ran
            except Exception as error:
                broken = not session_still_usable(error)
        self._pool.release(pooled, broken=broken)

    async def _record_run(self, connection_id: int, origin: str, finished: FinishedRun) -> None:
        try:
            add = self._io.submit(
                self._store.add_history,
                connection_id,
                finished.sql,
                duration_ms=finished.duration_ms,
                rows=finished.rows,
                error=finished.error,
                origin=origin,
                keep=HISTORY_KEEP,
            )
            await asyncio.wrap_future(add)
        except ConnectionNotFoundError:
            return  # removed while the statement ran
        self._listeners.history_changed(connection_id)

    async def explain(self, connection_id: int, sql: str, params: Sequence[Any] | None = None) -> str:
        self._sql_connection(connection_id)
        return await self._pool.run(connection_id, lambda session: session.explain(sql, params))


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def _usable_after(done: concurrent.futures.Future[Any]) -> bool:
    error = None if done.cancelled() else done.exception()
    return error is None or session_still_usable(error)
