"""What a task sees on a Celery worker: the same JobContext as in the pool (progress, cooperative cancel, deadline),
backed by Redis keys the desktop and the worker share, plus the heartbeat that tells the desktop the task runs.

Keys (in the result backend's Redis database): `vector-desktop:cancel:<job id>` is set by the desktop on cancel;
`vector-desktop:alive:<job id>` is refreshed by the worker while the task runs and expires when the worker dies.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import Any

from vector_desktop.domain.errors import JobCancelled, JobTimeout
from vector_desktop.jobs.context import describe_seconds

META_PREFIX = "celery-task-meta-"  # Celery's Redis result backend key
CANCEL_PREFIX = "vector-desktop:cancel:"
ALIVE_PREFIX = "vector-desktop:alive:"
SENT_PREFIX = "vector-desktop:sent:"
HEARTBEAT_S = 1.0
ALIVE_TTL_S = 5  # the desktop calls a running job lost once its worker missed a few heartbeats
FLAG_TTL_S = 7 * 24 * 3600
PROGRESS_STATE = "PROGRESS"
PUBLISH_INTERVAL_S = 0.1
CANCEL_POLL_S = 0.25


def soft_limit(timeout_s: float) -> float:
    """The soft time limit: the task hears about its deadline a little before Celery's hard limit kills it."""
    margin = min(60.0, max(1.0, timeout_s * 0.1))
    return max(timeout_s - margin, timeout_s * 0.5)


class WorkerContext:
    """One attempt of one job on a worker. Progress goes to the result backend as a PROGRESS state (throttled)."""

    def __init__(
        self,
        job_id: str,
        *,
        attempt: int,
        timeout_s: float,
        publish: Callable[[dict[str, Any]], None],
        cancel_flag: Callable[[], bool],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.job_id = job_id
        self.attempt = attempt
        self._timeout_s = timeout_s
        self._clock = clock
        self.deadline = clock() + soft_limit(timeout_s)
        self._publish = publish
        self._cancel_flag = cancel_flag
        self._cancel = False
        self._cancel_checked = clock()  # Heartbeats.begin() has just checked
        self._last_publish = float("-inf")
        self._pending: tuple[float, str] | None = None

    def progress(self, fraction: float, text: str = "") -> None:
        if math.isnan(fraction):
            fraction = 0.0
        fraction = min(max(float(fraction), 0.0), 1.0)
        if self._clock() - self._last_publish < PUBLISH_INTERVAL_S:
            self._pending = (fraction, text)
            return
        self._send(fraction, text)

    def flush_progress(self) -> None:
        if self._pending is not None:
            self._send(*self._pending)

    def _send(self, fraction: float, text: str) -> None:
        self._pending = None
        self._last_publish = self._clock()
        self._publish({"fraction": fraction, "text": text, "attempt": self.attempt})

    @property
    def cancel_requested(self) -> bool:
        now = self._clock()
        if not self._cancel and now - self._cancel_checked >= CANCEL_POLL_S:
            self._cancel_checked = now
            self._cancel = self._cancel_flag()
        return self._cancel

    @property
    def timed_out(self) -> bool:
        return self._clock() >= self.deadline

    @property
    def cancelled(self) -> bool:
        return self.cancel_requested or self.timed_out

    def check(self) -> None:
        if self.cancel_requested:
            raise JobCancelled("The job was cancelled.")
        if self.timed_out:
            raise JobTimeout(f"The job took longer than its time limit of {describe_seconds(self._timeout_s)}.")

    def sleep(self, seconds: float) -> None:
        self.check()
        end = min(self._clock() + seconds, self.deadline)
        while (remaining := end - self._clock()) > 0:
            time.sleep(min(remaining, CANCEL_POLL_S))
            if self.cancel_requested:
                break
        self.check()


class Heartbeats:
    """Keeps `vector-desktop:alive:<id>` set for every task this worker process runs, from one thread. The key's
    value is the attempt number; a key that expires tells the desktop the worker died. A finished task's key is
    left to expire on its own: Celery stores the final state just after, and the desktop must see no gap."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self._running: dict[str, int] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def begin(self, job_id: str, attempt: int) -> bool:
        """Mark the task alive; returns True when the desktop already asked to cancel it (one round trip)."""
        with self._lock:
            self._running[job_id] = attempt
            if self._thread is None:
                self._thread = threading.Thread(target=self._beat, name="vector-heartbeats", daemon=True)
                self._thread.start()
        pipe = self._client.pipeline(transaction=False)
        pipe.set(ALIVE_PREFIX + job_id, attempt, ex=ALIVE_TTL_S)
        pipe.exists(CANCEL_PREFIX + job_id)
        return bool(pipe.execute()[1])

    def end(self, job_id: str) -> None:
        with self._lock:
            self._running.pop(job_id, None)

    def _beat(self) -> None:
        while True:
            time.sleep(HEARTBEAT_S)
            with self._lock:
                running = list(self._running.items())
            if not running:
                continue
            try:
                pipe = self._client.pipeline(transaction=False)
                for job_id, attempt in running:
                    pipe.set(ALIVE_PREFIX + job_id, attempt, ex=ALIVE_TTL_S)
                pipe.execute()
            except Exception:  # Redis blinked; the next beat tries again
                continue
