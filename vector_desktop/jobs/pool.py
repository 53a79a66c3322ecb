"""JobPool: the Celery stand-in. Named tasks, JSON payloads, a bounded set of worker threads, one persisted row per
job, progress to listeners, cooperative cancel, an enforced timeout, retries with backoff and crash recovery.

Threads: each attempt runs on its own daemon thread; at most `workers` attempts hold a slot at once. A job that
ignores its deadline is marked `timed out` by the watchdog and gives its slot back; its thread may linger, but its
late result is ignored. Rows are written by one writer thread, so submitting never waits for SQLite.
"""

from __future__ import annotations

import copy
import json
import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from vector_desktop.domain.errors import JobCancelled, JobError, JobTimeout, VectorError
from vector_desktop.domain.jobs import JobListener, JobRecord, JobRepository, JobSnapshot, JobState
from vector_desktop.jobs.context import RunContext, describe_seconds
from vector_desktop.jobs.registry import TaskRegistry, TaskSpec
from vector_desktop.jobs.rerun import record_to_run_again
from vector_desktop.jobs.scheduling import Scheduler, Timer, Writer

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.1  # listeners hear about progress at most ~10 times a second per job
KEEP_FINISHED_IN_MEMORY = 300
INTERRUPTED_MESSAGE = "The app stopped before this job finished."
RESTARTED_MESSAGE = "The app stopped before this job finished; it was started again as a new job."


def _now() -> datetime:
    return datetime.now(UTC)


def timeout_message(timeout_s: float) -> str:
    return f"The job took longer than its time limit of {describe_seconds(timeout_s)} and was stopped."


def _error_text(error: BaseException) -> str:
    if isinstance(error, VectorError):
        return str(error)
    detail = str(error)
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


def _json_payload(name: str, args: Sequence[Any], kwargs: Mapping[str, Any] | None) -> tuple[list[Any], dict[str, Any]]:
    """Validate like Celery's JSON serializer and return the values a worker would receive (tuples become lists)."""
    if isinstance(args, str | bytes) or not isinstance(args, Sequence):
        raise JobError(
            f"The task {name!r} was not queued: its positional arguments must be a list, not a {type(args).__name__}."
        )
    kwargs = {} if kwargs is None else kwargs
    if not isinstance(kwargs, Mapping):
        raise JobError(f"The task {name!r} was not queued: its keyword arguments must be a mapping.")
    values: list[tuple[str, Any]] = [(f"argument {i + 1}", value) for i, value in enumerate(args)]
    for key, value in kwargs.items():
        if not isinstance(key, str):
            raise JobError(f"The task {name!r} was not queued: keyword names must be strings, not {key!r}.")
        values.append((f"keyword argument {key!r}", value))
    for label, value in values:
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise JobError(
                f"The task {name!r} was not queued: {label} is a {type(value).__name__}, which cannot be sent as "
                f"JSON ({error}). Pass strings, numbers, booleans, None, lists and dicts only."
            ) from None
    return json.loads(json.dumps(list(args))), json.loads(json.dumps(dict(kwargs)))


@dataclass
class RecoveryReport:
    """What `recover()` did: jobs marked interrupted, and for the idempotent ones the id of the new run."""

    interrupted: list[str] = field(default_factory=list)
    requeued: dict[str, str] = field(default_factory=dict)


class _Live:
    """In-memory state of one job of this session. Guarded by the pool's lock."""

    def __init__(self, record: JobRecord, spec: TaskSpec) -> None:
        self.record = record
        self.spec = spec
        self.context: RunContext | None = None  # the current attempt's context
        self.thread: threading.Thread | None = None
        self.holds_slot = False
        self.final = False  # the state is final; anything a lingering thread reports later is ignored
        self.cancel_requested = False
        self.timer: Timer | None = None  # watchdog while running, retry backoff while waiting
        self.progress_timer: Timer | None = None
        self.last_progress_emit = float("-inf")
        self.version = 0
        self.emitted_version = 0
        self.emit_lock = threading.RLock()


class JobPool:
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
        self._registry = registry
        self._repository = repository
        self._workers = workers
        self._default_timeout = default_timeout
        self._clock = clock
        self._lock = threading.RLock()
        self._jobs: dict[str, _Live] = {}
        self._ready: deque[_Live] = deque()
        self._busy_slots = 0
        self._closing = False
        self._listeners: list[JobListener] = []
        self._scheduler = Scheduler(clock)
        self._writer = Writer(repository)

    # ----------------------------------------------------------------------------------------------- submitting
    def apply_async(
        self,
        name: str,
        args: Sequence[Any] = (),
        kwargs: Mapping[str, Any] | None = None,
        *,
        title: str = "",
    ) -> str:
        spec = self._registry.get(name)
        args_list, kwargs_dict = _json_payload(name, args, kwargs)
        record = JobRecord(
            id=str(uuid.uuid4()),
            task_name=name,
            state=JobState.QUEUED,
            title=title or spec.title,
            args=args_list,
            kwargs=kwargs_dict,
            max_retries=spec.retries,
            timeout_s=spec.timeout if spec.timeout is not None else self._default_timeout,
            idempotent=spec.idempotent,
            created_at=_now(),
        )
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

    def delay(self, name: str, *args: Any, **kwargs: Any) -> str:
        return self.apply_async(name, args, kwargs)

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

    def retry(self, job_id: str) -> str:
        """Run a finished job again as a new job (same task and arguments); returns the new id.

        May read the store for a job of an earlier session."""
        with self._lock:
            job = self._jobs.get(job_id)
            live, final = (job.record, job.final) if job is not None else (None, False)
        record = record_to_run_again(job_id, live, final, self._repository)
        return self.apply_async(record.task_name, record.args, record.kwargs, title=record.title)

    # ---------------------------------------------------------------------------------------------- observing
    def get(self, job_id: str) -> JobSnapshot | None:
        with self._lock:
            live = self._jobs.get(job_id)
            if live is not None:
                return live.record.snapshot(cancel_requested=live.cancel_requested)
        record = self._repository.get(job_id)
        return None if record is None else record.snapshot()

    def add_listener(self, listener: JobListener) -> None:
        """`listener(snapshot)` runs on the thread that changed the job (worker, timer or caller): keep it short,
        never touch widgets, and do not call back into the pool from it (hand over to another thread instead)."""
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: JobListener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def list_recent(self, limit: int = 200) -> list[JobSnapshot]:
        """Jobs of this session and earlier ones, newest first. Reads the store: call it off the GUI thread."""
        stored = self._repository.list_recent(limit)
        with self._lock:
            live = {
                job_id: job.record.snapshot(cancel_requested=job.cancel_requested) for job_id, job in self._jobs.items()
            }
        merged = {record.id: record.snapshot() for record in stored}
        merged.update(live)
        oldest = datetime.min.replace(tzinfo=UTC)
        ordered = sorted(merged.values(), key=lambda snap: snap.created_at or oldest, reverse=True)
        return ordered[:limit]

    def active_count(self) -> int:
        with self._lock:
            return sum(1 for job in self._jobs.values() if not job.final)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every change so far is in the store (for tests and housekeeping)."""
        return self._writer.flush(timeout)

    # ------------------------------------------------------------------------------------------- housekeeping
    def delete_finished(self, older_than: datetime | None = None) -> int:
        """Forget finished jobs that ended before `older_than` (default: now). Writes the store."""
        cutoff = older_than or _now()
        with self._lock:
            for job_id, live in list(self._jobs.items()):
                finished_at = live.record.finished_at
                if live.final and (finished_at is None or finished_at <= cutoff):
                    del self._jobs[job_id]
        self._writer.flush()
        return self._repository.delete_finished(cutoff)

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
    def _set(self, live: _Live, **changes: Any) -> None:
        """Change a job's record, persist it and mark it for the next notification. Lock held."""
        if changes:
            live.record = replace(live.record, **changes)
        live.version += 1
        self._writer.put(live.record)

    def _finalize(self, live: _Live, **changes: Any) -> None:
        self._set(live, finished_at=_now(), **changes)
        live.final = True
        live.context = None
        self._cancel_timers(live)
        self._prune()

    def _cancel_timers(self, live: _Live) -> None:
        for timer in (live.timer, live.progress_timer):
            if timer is not None:
                timer.cancel()
        live.timer = live.progress_timer = None

    def _prune(self) -> None:
        finished = [job_id for job_id, live in self._jobs.items() if live.final]
        for job_id in finished[: max(len(finished) - KEEP_FINISHED_IN_MEMORY, 0)]:
            del self._jobs[job_id]

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
                started_at=live.record.started_at or _now(),
            )
            live.timer = self._scheduler.call_at(deadline, lambda: self._on_deadline(live, context))
            args = copy.deepcopy(live.record.args)
            kwargs = copy.deepcopy(live.record.kwargs)
        self._notify(live)

        state, result, error, retryable = JobState.SUCCEEDED, None, "", False
        try:
            value = live.spec.fn(context, *args, **kwargs)
            try:
                result = json.loads(json.dumps(value, allow_nan=False))
            except (TypeError, ValueError) as problem:
                state = JobState.FAILED
                error = (
                    f"The task finished, but its result ({type(value).__name__}) cannot be saved as JSON: {problem}."
                )
        except JobCancelled:
            if context.timed_out and not context.cancel_requested:  # stopped because `cancelled` saw the deadline
                state, error = JobState.TIMED_OUT, timeout_message(timeout_s)
            else:
                state = JobState.CANCELLED
        except JobTimeout:
            state, error = JobState.TIMED_OUT, timeout_message(timeout_s)
        except Exception as problem:
            if context.cancel_requested:
                state = JobState.CANCELLED
            elif context.timed_out:
                state, error = JobState.TIMED_OUT, timeout_message(timeout_s)
            else:
                log.warning(
                    "job %s (%s) attempt %d failed", live.record.id, live.record.task_name, attempt, exc_info=True
                )
                state, error, retryable = JobState.FAILED, _error_text(problem), True
        except BaseException as problem:
            state, error = JobState.FAILED, _error_text(problem)
            raise
        finally:
            self._attempt_ended(live, context, state, result, error, retryable)

    def _attempt_ended(
        self, live: _Live, context: RunContext, state: JobState, result: Any, error: str, retryable: bool
    ) -> None:
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
                and retryable
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
                    progress_text=(
                        f"Attempt {record.attempts} of {record.max_retries + 1} failed; "
                        f"trying again in {describe_seconds(round(delay, 2))}."
                    ),
                )
                live.timer = self._scheduler.call_at(self._clock() + delay, lambda: self._retry_due(live))
            else:
                progress = 1.0 if state is JobState.SUCCEEDED else record.progress
                self._finalize(live, state=state, result=result, error=error, progress=progress)
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

    def _notify(self, live: _Live) -> None:
        """Tell listeners the job's latest state; per job, listeners never see an older state after a newer one."""
        with live.emit_lock:
            with self._lock:
                if live.version <= live.emitted_version:
                    return
                live.emitted_version = live.version
                snapshot = live.record.snapshot(cancel_requested=live.cancel_requested)
            self._emit(snapshot)

    def _emit(self, snapshot: JobSnapshot) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(snapshot)
            except Exception:
                log.exception("job listener failed")
