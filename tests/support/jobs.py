"""Helpers for job-pool tests: a listener that records snapshots and waits for a condition."""

from __future__ import annotations

import threading
from collections.abc import Callable

from vector_desktop.domain.jobs import JobSnapshot, JobState

WAIT_S = 20.0  # a guard against hangs, not a timing assertion


class Recorder:
    def __init__(self) -> None:
        self.snapshots: list[JobSnapshot] = []
        self._cond = threading.Condition()

    def __call__(self, snapshot: JobSnapshot) -> None:
        with self._cond:
            self.snapshots.append(snapshot)
            self._cond.notify_all()

    def of(self, job_id: str) -> list[JobSnapshot]:
        with self._cond:
            return [s for s in self.snapshots if s.id == job_id]

    def wait(self, job_id: str, predicate: Callable[[JobSnapshot], bool]) -> JobSnapshot:
        def found() -> JobSnapshot | None:
            return next((s for s in reversed(self.snapshots) if s.id == job_id and predicate(s)), None)

        with self._cond:
            if not self._cond.wait_for(lambda: found() is not None, WAIT_S):
                seen = [(s.state, s.progress) for s in self.snapshots if s.id == job_id]
                raise AssertionError(f"job {job_id} never reached the expected state; saw {seen}")
            result = found()
            assert result is not None
            return result

    def wait_state(self, job_id: str, state: JobState) -> JobSnapshot:
        return self.wait(job_id, lambda s: s.state is state)

    def wait_finished(self, job_id: str) -> JobSnapshot:
        return self.wait(job_id, lambda s: s.state.finished)
