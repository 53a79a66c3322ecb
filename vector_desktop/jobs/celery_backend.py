"""CeleryJobs: the job interface of JobPool (vector_desktop.domain.jobs.JobMonitor) with Celery as the transport.

The job row in the local store is the user's record. One background thread sends queued jobs to the broker (jobs
wait in the store while it cannot be reached), reads the states workers store in the Redis result backend (one
MGET per round for every job followed), updates the rows and tells listeners, like the pool does. celery, kombu
and redis are imported on the first send, never when this module is imported.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from vector_desktop.domain.errors import JobError
from vector_desktop.domain.jobs import JobRecord, JobRepository, JobState
from vector_desktop.jobs.backend_base import JobBackendBase, TrackedJob, utc_now
from vector_desktop.jobs.celery_states import (
    WORKER_LOST_MESSAGE,
    WORKER_LOST_RESENT,
    Outcome,
    outcome_of,
)
from vector_desktop.jobs.celery_wire import CeleryWire, broker_down_message, mask_url
from vector_desktop.jobs.registry import TaskRegistry, TaskSpec
from vector_desktop.jobs.scheduling import Writer

log = logging.getLogger(__name__)

RETRY_BROKER_MIN_S = 0.5
RETRY_BROKER_MAX_S = 10.0


class _Job(TrackedJob):
    """A job this session follows. Guarded by the backend's lock."""

    def __init__(self, record: JobRecord, spec: TaskSpec, *, sent: bool) -> None:
        super().__init__(record, spec)
        self.sent = sent
        self.resends = 0
        self.seen_alive = False


class CeleryJobs(JobBackendBase[_Job]):
    """Implements JobMonitor (apply_async/delay, cancel, retry, get, listeners, list_recent, delete_finished) plus
    the pool's recover/shutdown/flush/active_count."""

    def __init__(
        self,
        registry: TaskRegistry,
        repository: JobRepository,
        *,
        broker_url: str,
        result_backend: str = "",
        default_timeout: float = 1800.0,
        poll_interval: float = 0.2,
        on_notice: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(
            registry, repository, Writer(repository, name="celery-jobs-writer"), default_timeout=default_timeout
        )
        self._broker_url = broker_url
        self._poll_interval = poll_interval
        self._on_notice = on_notice
        self.broker_down_text = broker_down_message(broker_url)
        self._wake = threading.Condition(self._lock)
        self._outbox: deque[_Job] = deque()
        self._cancels: deque[tuple[str, bool]] = deque()
        self._broker_down = False
        self._retry_at = 0.0
        self._retry_delay = RETRY_BROKER_MIN_S
        self._closing = False
        self._wire = CeleryWire(registry, broker_url, result_backend, default_timeout)
        self._thread = threading.Thread(target=self._loop, name="celery-jobs", daemon=True)
        self._thread.start()

    # ----------------------------------------------------------------------------------------------- submitting
    def apply_async(
        self, name: str, args: Sequence[Any] = (), kwargs: Mapping[str, Any] | None = None, *, title: str = ""
    ) -> str:
        record, spec = self._new_record(name, args, kwargs, title)  # refused here: nothing is sent
        job = _Job(record, spec, sent=False)
        with self._lock:
            if self._closing:
                raise JobError("The app is closing, so no new background job can start.")
            if self._broker_down:
                job.record = replace(record, progress_text=self.broker_down_text)
            self._jobs[record.id] = job
            self._set(job)
            self._outbox.append(job)
            self._wake.notify()
        self._notify(job)
        return record.id

    def cancel(self, job_id: str) -> None:
        """A job not yet started ends `cancelled` at once; a running one when the worker stops it."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.final:
                return
            job.cancel_requested = True
            if not job.sent:
                if job in self._outbox:
                    self._outbox.remove(job)
                self._finalize(job, state=JobState.CANCELLED, progress_text="")
            elif job.record.state is JobState.QUEUED:
                self._cancels.append((job_id, False))
                self._finalize(job, state=JobState.CANCELLED, progress_text="")
            else:
                self._cancels.append((job_id, job.spec.terminable))
                job.version += 1
            self._wake.notify()
        self._notify(job)

    # ---------------------------------------------------------------------------------------------- observing
    def owns(self, job_id: str) -> bool:
        with self._lock:
            return job_id in self._jobs

    # ------------------------------------------------------------------------------------------- housekeeping
    def recover(self, limit: int = 1000) -> list[str]:
        """At start: follow again the unfinished rows of remote tasks that were sent (or were waiting for the
        broker). Returns their ids; the others are left to the pool's recover()."""
        rows = [
            r
            for r in self._repository.list_recent(limit)
            if not r.state.finished and r.task_name in self._registry and self._registry.get(r.task_name).remote
        ]
        waiting = [r for r in rows if r.progress_text == self.broker_down_text]
        others = [r for r in rows if r.progress_text != self.broker_down_text]
        try:
            flags = self._wire.were_sent([r.id for r in others])
            sent = [r for r, flag in zip(others, flags, strict=True) if flag]
        except Exception:  # Redis down: follow them all; the poller waits for it
            sent = others
        with self._lock:
            for record in waiting:
                job = _Job(record, self._registry.get(record.task_name), sent=False)
                self._jobs[record.id] = job
                self._outbox.append(job)
            for record in sent:
                self._jobs[record.id] = _Job(record, self._registry.get(record.task_name), sent=True)
            self._wake.notify()
        return [r.id for r in (*waiting, *sent)]

    def shutdown(self, wait_seconds: float = 5.0) -> bool:
        """Stop following. Jobs on workers keep running; their rows stay queued/running and the next start's
        recover() follows them again."""
        deadline = time.monotonic() + max(wait_seconds, 0.0)
        with self._lock:
            if self._closing:
                return True
            self._closing = True
            self._wake.notify_all()
        self._thread.join(max(deadline - time.monotonic(), 0.5))
        self._writer.close(max(deadline - time.monotonic(), 1.0))
        return not self._thread.is_alive()

    # ------------------------------------------------------------------------------------ background thread
    def _loop(self) -> None:
        while True:
            with self._lock:
                if not self._closing and not self._cancels and not self._due_outbox():
                    self._wake.wait(self._poll_interval)
                if self._closing:
                    return
                sends = list(self._outbox) if self._due_outbox() else []
                cancels = list(self._cancels)
                self._cancels.clear()
                follows = [job for job in self._jobs.values() if job.sent and not job.final]
            try:
                if cancels:
                    self._wire.cancel(cancels)
                if sends:
                    self._send(sends)
                if follows:
                    self._poll(follows)
            except Exception as error:  # Redis away: try again next round, quietly
                log.debug("celery jobs round failed: %s", type(error).__name__)
                time.sleep(self._poll_interval)

    def _due_outbox(self) -> bool:
        return bool(self._outbox) and (not self._broker_down or time.monotonic() >= self._retry_at)

    def _send(self, jobs: list[_Job]) -> None:
        def sent(record: JobRecord) -> None:
            job = by_id[record.id]
            with self._lock:
                job.sent = True
                if job.final:  # cancelled while it was being sent: stop it on the worker too
                    self._cancels.append((job.record.id, False))
                if job in self._outbox:
                    self._outbox.remove(job)
                if job.record.progress_text == self.broker_down_text:
                    self._set(job, progress_text="")
            self._notify(job)

        with self._lock:
            by_id = {job.record.id: job for job in jobs if not job.final and not job.sent}
            records = [job.record for job in by_id.values()]
        try:
            self._wire.send(records, sent)
        except Exception as error:
            self._broker_unreachable(error)
            return
        with self._lock:
            if self._broker_down:
                log.info("the job broker answers again")
            self._broker_down = False
            self._retry_delay = RETRY_BROKER_MIN_S

    def _broker_unreachable(self, error: BaseException) -> None:
        waiting: list[_Job] = []
        with self._lock:
            first = not self._broker_down
            self._broker_down = True
            self._retry_at = time.monotonic() + self._retry_delay
            self._retry_delay = min(self._retry_delay * 2, RETRY_BROKER_MAX_S)
            for job in self._outbox:
                if not job.final and job.record.progress_text != self.broker_down_text:
                    self._set(job, progress_text=self.broker_down_text)
                    waiting.append(job)
        if first:
            log.warning("the job broker %s cannot be reached (%s)", mask_url(self._broker_url), type(error).__name__)
            if self._on_notice is not None:
                self._on_notice(self.broker_down_text)
        for job in waiting:
            self._notify(job)

    def _poll(self, jobs: list[_Job]) -> None:
        states = self._wire.states([job.record.id for job in jobs])
        for job, (meta, alive) in zip(jobs, states, strict=True):
            self._apply(job, meta, alive)

    def _apply(self, job: _Job, meta: dict[str, Any] | None, alive: bytes | None) -> None:
        """`alive` is the worker's heartbeat key (the attempt number) while the task runs, else None."""
        resend = False
        with self._lock:
            if job.final or not job.sent:
                return
            outcome = outcome_of(meta, job.record)
            attempt = int(alive) if alive is not None else 0
            waiting = outcome is None or (
                outcome.state is JobState.QUEUED and attempt > int(outcome.changes.get("attempts", 0))
            )
            if waiting and alive is not None:  # started (or started again after a retry); no progress stored yet
                outcome = Outcome(JobState.RUNNING, {"attempts": attempt, "error": "", "progress_text": ""})
            if alive is not None:
                job.seen_alive = True
            if outcome is None and job.seen_alive:  # it ran, and its worker stopped before storing anything
                outcome = Outcome(JobState.RUNNING, {})
            if outcome is None:
                return
            if outcome.state is JobState.RUNNING and alive is None:
                if job.spec.idempotent and job.resends < max(job.spec.retries, 1) and not job.cancel_requested:
                    job.resends += 1
                    job.sent = job.seen_alive = False
                    resend = True
                    self._set(job, state=JobState.QUEUED, progress_text=WORKER_LOST_RESENT, progress=0.0)
                    self._outbox.append(job)
                else:
                    self._finalize(job, state=JobState.FAILED, error=WORKER_LOST_MESSAGE)
            elif outcome.final:
                self._finalize(job, state=outcome.state, **outcome.changes)
            else:
                changes = dict(outcome.changes)
                if outcome.state is JobState.RUNNING and job.record.started_at is None:
                    changes["started_at"] = utc_now()
                updated = replace(job.record, state=outcome.state, **changes)
                if updated == job.record:
                    return
                self._set(job, state=outcome.state, **changes)
        if resend:
            self._wire.forget(job.record.id)
        self._notify(job)
