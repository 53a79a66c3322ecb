"""ServiceQueryHandle (domain.databases_api.QueryHandle): one running statement holding one pooled session.

Pages are fetched on the session's thread; `cancel` reaches the server from a helper thread while a fetch blocks the
session's thread; `close` closes the cursor (after any fetch still running), gives the session back and reports the
run (duration, rows, error) to `on_finish`, which records it in the history.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from vector_desktop.domain.databases import (
    DatabaseError,
    QueryCancelledError,
    QueryCursor,
    QueryRun,
    ResultColumn,
)
from vector_desktop.domain.databases_api import PAGE_SIZE
from vector_desktop.services.databases.error_text import error_line
from vector_desktop.services.databases.session_pool import PooledSession, SessionPool, session_still_usable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FinishedRun:
    """What the history keeps of a statement once its handle is closed."""

    sql: str
    duration_ms: int
    rows: int | None
    error: str = ""


async def in_thread(fn: Callable[[], None]) -> None:
    """Run a short blocking call on a thread of its own (the session's thread may be busy)."""
    future: concurrent.futures.Future[None] = concurrent.futures.Future()

    def work() -> None:
        try:
            fn()
        except BaseException as error:
            future.set_exception(error)
        else:
            future.set_result(None)

    threading.Thread(target=work, name="db-cancel", daemon=True).start()
    await asyncio.wrap_future(future)


class ServiceQueryHandle:
    def __init__(
        self,
        pool: SessionPool,
        pooled: PooledSession,
        cursor: QueryCursor,
        sql: str,
        *,
        started: float,
        on_finish: Callable[[FinishedRun], Awaitable[None]] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._pool = pool
        self._pooled = pooled
        self._cursor = cursor
        self._started = started
        self._clock = clock
        self._on_finish = on_finish
        self._lock = threading.Lock()
        self._closed = False
        self._broken = False
        self._cancel_requested = False
        self._error: BaseException | None = None
        columns = tuple(ResultColumn(c.name, c.type_name) for c in cursor.columns)
        self._run = QueryRun(
            sql=sql,
            columns=columns,
            rowcount=cursor.rowcount,
            status=cursor.status,
            elapsed_ms=self._elapsed_ms(),
            done=not columns,
        )

    def _elapsed_ms(self) -> float:
        return (self._clock() - self._started) * 1000.0

    @property
    def run(self) -> QueryRun:
        with self._lock:
            run = self._run
        return run if run.done else replace(run, elapsed_ms=self._elapsed_ms())

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def connection_id(self) -> int:
        return self._pooled.connection_id

    async def fetch(self, size: int = PAGE_SIZE) -> list[tuple[Any, ...]]:
        if self._closed:
            raise DatabaseError("This result was closed; run the statement again.")
        if self.run.done:
            return []
        try:
            rows = await self._pooled.call(self._cursor.fetch, size)
        except asyncio.CancelledError:
            raise
        except BaseException as error:
            raise self._failed(error) from None
        with self._lock:
            fetched = self._run.rows_fetched + len(rows)
            self._run = replace(self._run, rows_fetched=fetched)
            if not rows:
                self._run = replace(self._run, done=True, elapsed_ms=self._elapsed_ms())
        return rows

    async def drain(self, consume: Callable[[list[tuple[Any, ...]]], None], size: int = PAGE_SIZE) -> int:
        """Fetch every remaining page on the session's thread and hand each to `consume` there, without coming
        back to the loop between pages (the command line writes a million rows this way). `consume` must be safe
        to call from that thread. Returns the rows handed over; `cancel` stops it like a fetch."""
        if self._closed:
            raise DatabaseError("This result was closed; run the statement again.")
        if self.run.done:
            return 0

        def pages() -> int:
            count = 0
            while rows := self._cursor.fetch(size):
                consume(rows)
                count += len(rows)
                with self._lock:
                    self._run = replace(self._run, rows_fetched=self._run.rows_fetched + len(rows))
            return count

        try:
            count = await self._pooled.call(pages)
        except asyncio.CancelledError:
            raise
        except BaseException as error:
            raise self._failed(error) from None
        with self._lock:
            self._run = replace(self._run, done=True, elapsed_ms=self._elapsed_ms())
        return count

    def _failed(self, error: BaseException) -> BaseException:
        if self._cancel_requested and isinstance(error, DatabaseError) and not isinstance(error, QueryCancelledError):
            error = QueryCancelledError("The statement was cancelled.", server_message=error.server_message)
        self._finish(error)
        return error

    def _finish(self, error: BaseException) -> None:
        with self._lock:
            self._error = error
            self._broken = self._broken or not session_still_usable(error)
            self._run = replace(self._run, done=True, elapsed_ms=self._elapsed_ms())

    async def cancel(self) -> None:
        if self._closed or self.run.done:
            return
        self._cancel_requested = True
        await in_thread(self._pooled.cancel)

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            await self._pooled.call(self._cursor.close)
        except Exception as error:
            if not session_still_usable(error):
                self._broken = True
            log.info("closing a cursor of db:%s failed: %s", self._pooled.connection_id, type(error).__name__)
        finally:
            self._pool.release(self._pooled, broken=self._broken)
        if self._on_finish is not None:
            await self._on_finish(self._finished())

    def _finished(self) -> FinishedRun:
        run = self.run
        duration = round(run.elapsed_ms)
        error = ""
        if self._error is not None:
            error = error_line(self._error)
        elif not run.done and self._cancel_requested:
            error = "The statement was cancelled."
        affected = run.rowcount if run.rowcount >= 0 else None
        rows = run.rows_fetched if run.columns else affected
        return FinishedRun(run.sql, duration, rows, error)
