"""The JobContext a running task receives: progress reporting, cooperative cancel and the deadline."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable

from vector_desktop.domain.errors import JobCancelled, JobTimeout


def describe_seconds(seconds: float) -> str:
    if seconds >= 3600 and seconds % 3600 == 0:
        return f"{int(seconds // 3600)} h"
    if seconds >= 60 and seconds % 60 == 0:
        return f"{int(seconds // 60)} min"
    if seconds >= 60:
        return f"{int(seconds // 60)} min {int(seconds % 60)} s"
    return f"{seconds:g} s"


class RunContext:
    """One attempt of one job. `stop()` wakes `sleep()` at once; `check()` raises the matching error."""

    def __init__(
        self,
        job_id: str,
        *,
        deadline: float,
        timeout_s: float,
        clock: Callable[[], float],
        on_progress: Callable[[float, str], None],
        attempt: int = 1,
    ) -> None:
        self.job_id = job_id
        self.attempt = attempt
        self.deadline = deadline
        self._timeout_s = timeout_s
        self._clock = clock
        self._on_progress = on_progress
        self._cancel = threading.Event()
        self._wake = threading.Event()

    @property
    def cancelled(self) -> bool:
        """True once the task must stop: cancelled (by the user or the app closing) or past its deadline."""
        return self._cancel.is_set() or self.timed_out

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    @property
    def timed_out(self) -> bool:
        return self._clock() >= self.deadline

    def progress(self, fraction: float, text: str = "") -> None:
        if math.isnan(fraction):
            fraction = 0.0
        self._on_progress(min(max(float(fraction), 0.0), 1.0), text)

    def check(self) -> None:
        if self._cancel.is_set():
            raise JobCancelled("The job was cancelled.")
        if self.timed_out:
            raise JobTimeout(f"The job took longer than its time limit of {describe_seconds(self._timeout_s)}.")

    def sleep(self, seconds: float) -> None:
        self.check()
        remaining = min(seconds, max(self.deadline - self._clock(), 0.0))
        self._wake.wait(remaining)
        self.check()

    # Called by the pool, from any thread.
    def request_cancel(self) -> None:
        self._cancel.set()
        self._wake.set()

    def wake(self) -> None:
        self._wake.set()
