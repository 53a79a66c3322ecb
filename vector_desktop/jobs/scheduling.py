"""Two small helper threads of the job pool: a timer (deadlines, retry backoff, trailing progress) and a
write-behind writer that keeps SQLite writes off the callers' threads and coalesces them per job."""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable

from vector_desktop.domain.jobs import JobRecord, JobRepository

log = logging.getLogger(__name__)

# With an injected clock (tests), the timer re-reads it at least this often, so a clock that jumps is noticed.
MAX_TIMER_SLEEP_S = 0.25


class Timer:
    __slots__ = ("cancelled", "fn")

    def __init__(self, fn: Callable[[], None]) -> None:
        self.fn = fn
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class Scheduler:
    """Runs short callbacks at given clock times on one daemon thread."""

    def __init__(self, clock: Callable[[], float], name: str = "jobs-timer") -> None:
        self._clock = clock
        self._max_sleep = None if clock is time.monotonic else MAX_TIMER_SLEEP_S
        self._heap: list[tuple[float, int, Timer]] = []
        self._seq = itertools.count()
        self._cond = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def call_at(self, when: float, fn: Callable[[], None]) -> Timer:
        timer = Timer(fn)
        with self._cond:
            heapq.heappush(self._heap, (when, next(self._seq), timer))
            self._cond.notify()
        return timer

    def _next_due(self) -> Timer | None:
        """Wait for the next due timer (None once closed). Called with the condition held."""
        while not self._closed:
            if not self._heap:
                self._cond.wait()
                continue
            when, _, timer = self._heap[0]
            now = self._clock()
            if when <= now:
                heapq.heappop(self._heap)
                if timer.cancelled:
                    continue
                return timer
            delay = when - now
            self._cond.wait(delay if self._max_sleep is None else min(delay, self._max_sleep))
        return None

    def _run(self) -> None:
        while True:
            with self._cond:
                timer = self._next_due()
            if timer is None:
                return
            try:
                timer.fn()
            except Exception:
                log.exception("job timer callback failed")

    def close(self, timeout: float = 1.0) -> None:
        with self._cond:
            self._closed = True
            self._heap.clear()
            self._cond.notify_all()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout)


class Writer:
    """Saves job records in the background; several changes to one job before a write become one write."""

    def __init__(self, repository: JobRepository, name: str = "jobs-writer") -> None:
        self._repository = repository
        self._pending: dict[str, JobRecord] = {}
        self._busy = False
        self._closed = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def put(self, record: JobRecord) -> None:
        with self._cond:
            if self._closed:
                return
            self._pending[record.id] = record
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closed:
                    self._cond.wait()
                if not self._pending:
                    return
                batch = list(self._pending.values())
                self._pending.clear()
                self._busy = True
            try:
                self._repository.save_many(batch)
            except Exception:
                log.exception("could not save %d job row(s)", len(batch))
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything put so far is written; False when `timeout` ran out first."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending and not self._busy, timeout)

    def close(self, timeout: float) -> bool:
        """Write what is pending (bounded by `timeout`), then stop; later puts are ignored."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return not self._thread.is_alive()
