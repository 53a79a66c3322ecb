"""Open sessions per connection, each with its own single worker thread.

Drivers are blocking and a session is used by one thread at a time, so every call on a session runs on that
session's ThreadPoolExecutor(1) and is awaited through `asyncio.wrap_future` (any loop may await it; nothing here is
bound to a loop). At most `max_sessions` sessions per connection exist (open or opening); one more caller waits for
a free one. A session back from a call is kept idle for `idle_s`, then closed; one that failed at the connection
level (not a refused statement) is dropped. `invalidate` makes every session of a connection go once it is free
(its settings changed or it was removed).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar

from vector_desktop.domain.databases import (
    ConnectionNotFoundError,
    ConnectionValidationError,
    DatabaseError,
    DatabaseSession,
    QueryCancelledError,
    QueryError,
    QueryTimeoutError,
    SqlNotAvailableError,
)
from vector_desktop.domain.databases_api import MAX_SESSIONS_PER_CONNECTION

log = logging.getLogger(__name__)

T = TypeVar("T")
IDLE_S = 120.0
CLOSE_WAIT_S = 5.0
_STATEMENT_LEVEL = (
    QueryError,
    QueryCancelledError,
    QueryTimeoutError,
    SqlNotAvailableError,
    ConnectionNotFoundError,
    ConnectionValidationError,
)
_numbers = itertools.count(1)


def session_still_usable(error: BaseException) -> bool:
    """A refused, cancelled or timed-out statement leaves its session usable; anything else may not."""
    return isinstance(error, _STATEMENT_LEVEL)


class PooledSession:
    """One session and the one thread that uses it."""

    def __init__(self, connection_id: int, generation: int) -> None:
        self.connection_id = connection_id
        self.generation = generation
        self.session: DatabaseSession | None = None
        self.idle_since = 0.0
        self.closed = False
        self._executor = concurrent.futures.ThreadPoolExecutor(
            1, thread_name_prefix=f"db-{connection_id}-{next(_numbers)}"
        )

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> concurrent.futures.Future[T]:
        return self._executor.submit(fn, *args, **kwargs)

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `fn` on this session's thread and await it on the caller's loop."""
        return await asyncio.wrap_future(self.submit(fn, *args, **kwargs))

    def cancel(self) -> None:
        """Stop the statement now running (any thread; the driver's cancel request may block briefly)."""
        session = self.session
        if session is None or self.closed:
            return
        try:
            session.cancel()
        except Exception:
            log.warning("cancelling a statement on db:%s failed", self.connection_id, exc_info=True)

    def close(self) -> concurrent.futures.Future[None] | None:
        """Close the session on its thread (after whatever runs there now) and let the thread end."""
        if self.closed:
            return None
        self.closed = True
        session = self.session

        def close_session() -> None:
            if session is not None:
                try:
                    session.close()
                except Exception:
                    log.warning("closing a session of db:%s failed", self.connection_id, exc_info=True)

        done = self._executor.submit(close_session)
        self._executor.shutdown(wait=False)
        return done


class SessionPool:
    def __init__(
        self,
        connect: Callable[[int], DatabaseSession],
        *,
        max_sessions: int = MAX_SESSIONS_PER_CONNECTION,
        idle_s: float = IDLE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._connect = connect
        self._max = max_sessions
        self._idle_s = idle_s
        self._clock = clock
        self._lock = threading.Lock()
        self._idle: dict[int, list[PooledSession]] = {}
        self._busy: dict[int, set[PooledSession]] = {}
        self._waiters: dict[int, deque[concurrent.futures.Future[None]]] = {}
        self._generation: dict[int, int] = {}
        self._closed = False
        self._reaper: threading.Thread | None = None
        self._stop = threading.Event()

    # ------------------------------------------------------------------ taking and giving back

    async def acquire(self, connection_id: int) -> PooledSession:
        """A session of the connection for the caller alone, until `release`. Raises DatabaseError subclasses."""
        while True:
            waiter: concurrent.futures.Future[None] | None = None
            with self._lock:
                if self._closed:
                    raise DatabaseError("The database connections are closing.")
                stale = self._take_stale(connection_id)
                idle = self._idle.get(connection_id)
                busy = self._busy.setdefault(connection_id, set())
                if idle:
                    pooled = idle.pop()
                    busy.add(pooled)
                elif len(busy) < self._max:
                    pooled = PooledSession(connection_id, self._generation.get(connection_id, 0))
                    busy.add(pooled)
                else:
                    waiter = concurrent.futures.Future()
                    self._waiters.setdefault(connection_id, deque()).append(waiter)
            for old in stale:
                old.close()
            if waiter is None:
                break
            try:
                await asyncio.wrap_future(waiter)
            except asyncio.CancelledError:
                self._forget_waiter(connection_id, waiter)
                raise
        if pooled.session is None:
            await self._open(pooled)
        return pooled

    async def _open(self, pooled: PooledSession) -> None:
        future = pooled.submit(self._connect, pooled.connection_id)
        try:
            pooled.session = await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            # The connect goes on on the worker: close what it opens, and free the slot now.
            def opened(done: concurrent.futures.Future[DatabaseSession]) -> None:
                if not done.cancelled() and done.exception() is None:
                    pooled.session = done.result()
                pooled.close()

            self._drop(pooled)
            future.add_done_callback(opened)
            raise
        except BaseException:
            self.release(pooled, broken=True)
            raise

    def release(self, pooled: PooledSession, *, broken: bool = False) -> None:
        """Give a session back: kept idle, or closed when it failed, is out of date or the pool is closing."""
        with self._lock:
            self._busy.get(pooled.connection_id, set()).discard(pooled)
            keep = (
                not broken
                and not pooled.closed
                and pooled.session is not None
                and not self._closed
                and pooled.generation == self._generation.get(pooled.connection_id, 0)
            )
            if keep:
                pooled.idle_since = self._clock()
                self._idle.setdefault(pooled.connection_id, []).append(pooled)
            self._wake_one(pooled.connection_id)
        if keep:
            self._ensure_reaper()
        else:
            pooled.close()

    def _drop(self, pooled: PooledSession) -> None:
        """Forget a session whose opening was abandoned (its thread closes it)."""
        with self._lock:
            self._busy.get(pooled.connection_id, set()).discard(pooled)
            self._wake_one(pooled.connection_id)

    async def run(self, connection_id: int, fn: Callable[[DatabaseSession], T]) -> T:
        """Call `fn(session)` on a session of the connection, on its thread."""
        pooled = await self.acquire(connection_id)
        broken = False
        try:
            session = pooled.session
            assert session is not None
            return await pooled.call(fn, session)
        except BaseException as error:
            broken = not session_still_usable(error)
            raise
        finally:
            self.release(pooled, broken=broken)

    # ------------------------------------------------------------------ connections that change or go

    def invalidate(self, connection_id: int, *, cancel_running: bool = False) -> None:
        """Close the connection's idle sessions now and its busy ones when they come back."""
        with self._lock:
            self._generation[connection_id] = self._generation.get(connection_id, 0) + 1
            idle = self._idle.pop(connection_id, [])
            busy = list(self._busy.get(connection_id, ()))
        for pooled in idle:
            pooled.close()
        if cancel_running:
            for pooled in busy:
                pooled.cancel()

    def close_all(self, wait_s: float = CLOSE_WAIT_S) -> None:
        """Cancel running statements and close every session, waiting at most `wait_s` (blocking)."""
        with self._lock:
            self._closed = True
            workers = [p for group in self._idle.values() for p in group]
            workers += [p for group in self._busy.values() for p in group]
            self._idle.clear()
            waiters = [w for group in self._waiters.values() for w in group]
            self._waiters.clear()
        self._stop.set()
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)  # they wake, see the pool closed and raise
        for pooled in workers:
            pooled.cancel()
        closing = [f for f in (pooled.close() for pooled in workers) if f is not None]
        if closing:
            concurrent.futures.wait(closing, timeout=wait_s)

    def open_count(self, connection_id: int) -> int:
        with self._lock:
            return len(self._idle.get(connection_id, ())) + len(self._busy.get(connection_id, ()))

    # ------------------------------------------------------------------ housekeeping

    def _wake_one(self, connection_id: int) -> None:
        queue = self._waiters.get(connection_id)
        while queue:
            waiter = queue.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    def _forget_waiter(self, connection_id: int, waiter: concurrent.futures.Future[None]) -> None:
        with self._lock:
            queue = self._waiters.get(connection_id)
            if queue is not None and waiter in queue:
                queue.remove(waiter)
            elif waiter.done():
                self._wake_one(connection_id)  # it was woken for a free session it will not take: pass it on

    def _take_stale(self, connection_id: int) -> list[PooledSession]:
        idle = self._idle.get(connection_id)
        if not idle:
            return []
        limit = self._clock() - self._idle_s
        stale = [p for p in idle if p.idle_since <= limit]
        if stale:
            self._idle[connection_id] = [p for p in idle if p.idle_since > limit]
        return stale

    def _ensure_reaper(self) -> None:
        with self._lock:
            if self._closed or (self._reaper is not None and self._reaper.is_alive()):
                return
            self._reaper = threading.Thread(target=self._reap_loop, name="db-idle-reaper", daemon=True)
            self._reaper.start()

    def _reap_loop(self) -> None:
        period = max(min(self._idle_s / 2, 30.0), 0.05)
        while not self._stop.wait(period):
            with self._lock:
                stale = [p for cid in list(self._idle) for p in self._take_stale(cid)]
                remaining = any(self._idle.values())
            for pooled in stale:
                pooled.close()
            if not remaining:
                with self._lock:
                    if not any(self._idle.values()):
                        self._reaper = None
                        return
