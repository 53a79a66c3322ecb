"""JobPool: the Celery stand-in. Named tasks, JSON payloads, a bounded set of worker threads, one persisted row per
job, progress to listeners, cooperative cancel, an enforced timeout, retries with backoff and crash recovery.

Threads: each attempt runs on its own daemon thread; at most `workers` attempts hold a slot at once. A job that
ignores its deadline is marked `timed out` by the watchdog and gives its slot back; its thread may linger, but its
late result is ignored. Rows are written by one writer thread, so submitting never waits for SQLite.
"""

from __future__ import annotations

import copy
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from vector_desktop.domain.errors import JobError
from vector_desktop.domain.jobs import JobRecord, JobRepository, JobState
from vector_desktop.jobs.attempt import AttemptEnd, error_text, retry_message, run_attempt, timeout_message
from vector_desktop.jobs.backend_base import JobBackendBase, TrackedJob, utc_now
from vector_desktop.jobs.context import RunContext
from vector_desktop.jobs.registry import TaskRegistry, TaskSpec
from vector_desktop.jobs.scheduling import Scheduler, Timer, Writer

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.1  # listeners hear about progress at most ~10 times a second per job
INTERRUPTED_MESSAGE = "The app stopped before this job finished."
RESTARTED_MESSAGE = "The app stopped before this job finished; it was started again as a new job."


@dataclass
class RecoveryReport:
    """What `recover()` did: jobs marked interrupted, and for the idempotent ones the id of the new run."""

    interrupted: list[str] = field(default_factory=list)
    requeued: dict[str, str] = field(default_factory=dict)


class _Live(TrackedJob):
    """In-memory state of one job of this session. Guarded by the pool's lock. Once `final`, anything a lingering
    thread reports later is ignored."""

    def __init__(self, record: JobRecord, spec: TaskSpec) -> None:
        super().__init__(record, spec)
        self.context: RunContext | None = None  # the current attempt's context
        self.thread: threading.Thread | None = None
        self.holds_slot = False
        self.timer: Timer | None = None  # watchdog while running, retry backoff while waiting
        self.progress_timer: Timer | None = None
        self.last_progress_emit = float("-inf")


class JobPool(JobBackendBase[_Live]):
    """Implements vector_desktop.domain.jobs.JobMonitor (and so JobQueue)."""

    def __init__(
        self,
        registry: TaskRegistry,
        repository: JobRepository,
        *,
        workers: int = 4,
        default_timeout: float = 1800.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        super().__init__(registry, repository, Writer(repository), default_timeout=default_timeout)
        self._workers = workers
        self._clock = clock
        self._ready: deque[_Live] = deque()
        self._busy_slots = 0
        self._closing = False
        self._scheduler = Scheduler(clock)

    # ----------------------------------------------------------------------------------------------- submitting
    def apply_async(
        self,
        name: str,
        args: Sequence[Any] = (),
        kwargs: Mapping[str, Any] | None = None,
        *,
        title: str = "",
    ) -> str:
        record, spec = self._new_record(name, args, kwargs, title)
        live = _Live(record, spec)
        with self._lock:
            if self._closing:
                raise JobError("The app is closing, so no new background job can start.")
            self._jobs[record.id] = live
            self._set(live)
        self._notify(live)  # listeners hear `queued` before the worker can report `running`
        with self._lock:
            if not live.final and not self._closing:
                self._enqueue(live)
        return record.id

    def cancel(self, job_id: str) -> None:
        """Ask a job to stop. A queued job ends `cancelled` at once; a running one when its task notices."""
        with self._lock:
            live = self._jobs.get(job_id)
            if live is None or live.final:
                return
            live.cancel_requested = True
            if live.record.state is JobState.QUEUED:
                self._cancel_timers(live)
                if live in self._ready:
                    self._ready.remove(live)
                self._finalize(live, state=JobState.CANCELLED, progress_text="")
            elif live.context is not None:
                live.context.request_cancel()
                live.version += 1
        self._notify(live)

    # ------------------------------------------------------------------------------------------- housekeeping
    def recover(self, exclude: Collection[str] = ()) -> RecoveryReport:
        """At start: jobs a previous run left queued or running become `interrupted`; idempotent ones run again.

        Call once, before the app submits jobs (it also works after: this session's jobs are left alone, and so are
        the ids in `exclude`, e.g. jobs another backend still follows)."""
        with self._lock:
            mine = [*self._jobs, *exclude]
        records = self._repository.mark_interrupted(INTERRUPTED_MESSAGE, exclude=mine)
        report = RecoveryReport(interrupted=[record.id for record in records])
        for record in records:
            if record.idempotent and record.task_name in self._registry:
                try:
                    new_id = self.apply_async(record.task_name, record.args, record.kwargs, title=record.title)
                except JobError as error:
                    log.warning("could not restart interrupted job %s: %s", record.id, error)
                else:
                    report.requeued[record.id] = new_id
                    record = replace(record, error=RESTARTED_MESSAGE)
                    self._writer.put(record)
            elif record.idempotent:
                log.warning("interrupted job %s has an unknown task %r; not restarted", record.id, record.task_name)
            self._emit(record.snapshot())
        if records:
            log.info("marked %d job(s) interrupted, restarted %d", len(records), len(report.requeued))
        return report

    def shutdown(self, wait_seconds: float = 5.0) -> bool:
        """Stop: refuse new jobs, ask running ones to stop, wait at most `wait_seconds` for them (plus up to a
        second to write the last rows). Returns False when some task did not stop in time.

        Jobs still queued, and running jobs stopped by the shutdown, keep their `queued`/`running` row, so the
        next start's `recover()` treats them like after a crash (interrupted; idempotent ones run again)."""
        deadline = time.monotonic() + max(wait_seconds, 0.0)
        with self._lock:
            if self._closing:
                return True
            self._closing = True
            self._ready.clear()
            threads: list[threading.Thread] = []
            for live in self._jobs.values():
                if live.final:
                    continue
                if live.timer is not None and live.record.state is JobState.QUEUED:
                    live.timer.cancel()
                if live.record.state is JobState.RUNNING and live.context is not None:
                    live.context.request_cancel()
                    if live.thread is not None:
                        threads.append(live.thread)
        for thread in threads:
            thread.join(max(deadline - time.monotonic(), 0.0))
        stopped = not any(thread.is_alive() for thread in threads)
        self._scheduler.close()
        self._writer.close(max(deadline - time.monotonic(), 1.0))
        if not stopped:
            log.warning("shutdown: some background jobs did not stop within %.1f s", wait_seconds)
        return stopped

    # ------------------------------------------------------------------------------------ internals (locked)
    def _finalize(self, job: _Live, **changes: Any) -> None:
        super()._finalize(job, **changes)
        job.context = None
        self._cancel_timers(job)

    def _cancel_timers(self, live: _Live) -> None:
        for timer in (live.timer, live.progress_timer):
            if timer is not None:
                timer.cancel()
        live.timer = live.progress_timer = None

    def _enqueue(self, live: _Live) -> None:
        if self._busy_slots < self._workers:
            self._start(live)
        else:
            self._ready.append(live)

    def _start(self, live: _Live) -> None:
        self._busy_slots += 1
        live.holds_slot = True
        short = live.record.id[:8]
        live.thread = threading.Thread(
            target=self._run, args=(live,), name=f"job-{live.record.task_name}-{short}", daemon=True
        )
        live.thread.start()

    def _release(self, live: _Live) -> None:
        if not live.holds_slot:
            return
        live.holds_slot = False
        self._busy_slots -= 1
        while self._ready and self._busy_slots < self._workers and not self._closing:
            following = self._ready.popleft()
            if not following.final and following.record.state is JobState.QUEUED:
                self._start(following)

    # ----------------------------------------------------------------------------------- worker / timer side
    def _run(self, live: _Live) -> None:
        with self._lock:
            if live.final or self._closing or live.record.state is not JobState.QUEUED:
                self._release(live)
                return
            attempt = live.record.attempts + 1
            timeout_s = live.record.timeout_s
            deadline = self._clock() + timeout_s
            context = RunContext(
                live.record.id,
                deadline=deadline,
                timeout_s=timeout_s,
                clock=self._clock,
                on_progress=lambda fraction, text: self._progress(live, context, fraction, text),
                attempt=attempt,
            )
            live.context = context
            live.last_progress_emit = float("-inf")
            self._set(
                live,
                state=JobState.RUNNING,
                attempts=attempt,
                progress=0.0,
                progress_text="",
                error="",
                started_at=live.record.started_at or utc_now(),
            )
            live.timer = self._scheduler.call_at(deadline, lambda: self._on_deadline(live, context))
            args = copy.deepcopy(live.record.args)
            kwargs = copy.deepcopy(live.record.kwargs)
        self._notify(live)

        label = f"job {live.record.id} ({live.record.task_name}) attempt {attempt}"
        try:
            end = run_attempt(live.spec.fn, context, args, kwargs, timeout_s=timeout_s, label=label)
        except BaseException as problem:  # e.g. SystemExit: recorded as failed, then it goes on up
            self._attempt_ended(live, context, AttemptEnd(JobState.FAILED, error=error_text(problem)))
            raise
        self._attempt_ended(live, context, end)

    def _attempt_ended(self, live: _Live, context: RunContext, end: AttemptEnd) -> None:
        state, error = end.state, end.error
        with self._lock:
            if live.context is not context or live.final:
                self._release(live)  # the watchdog already gave the slot back; this is a no-op then
                return
            if self._closing and state is JobState.CANCELLED and not live.cancel_requested:
                # Stopped by shutdown, not by the user: keep the `running` row for the next start's recover().
                live.final = True
                live.context = None
                self._cancel_timers(live)
                self._release(live)
                return
            record = live.record
            if (
                state is JobState.FAILED
                and end.retryable
                and record.attempts <= record.max_retries
                and not live.cancel_requested
                and not self._closing
            ):
                self._cancel_timers(live)
                live.context = None
                delay = live.spec.retry_delay(record.attempts)
                self._set(
                    live,
                    state=JobState.QUEUED,
                    error=error,
                    progress_text=retry_message(record.attempts, record.max_retries + 1, delay),
                )
                live.timer = self._scheduler.call_at(self._clock() + delay, lambda: self._retry_due(live))
            else:
                progress = 1.0 if state is JobState.SUCCEEDED else record.progress
                self._finalize(live, state=state, result=end.result, error=error, progress=progress)
            self._release(live)
        self._notify(live)

    def _retry_due(self, live: _Live) -> None:
        with self._lock:
            live.timer = None
            if live.final or self._closing or live.record.state is not JobState.QUEUED:
                return
            self._enqueue(live)

    def _on_deadline(self, live: _Live, context: RunContext) -> None:
        with self._lock:
            if live.context is not context or live.final or live.record.state is not JobState.RUNNING:
                return
            live.timer = None
            context.wake()
            self._finalize(live, state=JobState.TIMED_OUT, error=timeout_message(live.record.timeout_s))
            self._release(live)  # the thread may linger in its task; its slot is free for the next job
        self._notify(live)

    def _progress(self, live: _Live, context: RunContext, fraction: float, text: str) -> None:
        with self._lock:
            if live.context is not context or live.final:
                return
            live.record = replace(live.record, progress=fraction, progress_text=text)
            live.version += 1
            now = self._clock()
            due = live.last_progress_emit + PROGRESS_INTERVAL_S
            if now < due:
                if live.progress_timer is None:
                    live.progress_timer = self._scheduler.call_at(due, lambda: self._progress_due(live))
                return
            live.last_progress_emit = now
            self._writer.put(live.record)
        self._notify(live)

    def _progress_due(self, live: _Live) -> None:
        with self._lock:
            live.progress_timer = None
            if live.final:
                return
            live.last_progress_emit = self._clock()
            self._writer.put(live.record)
        self._notify(live)
