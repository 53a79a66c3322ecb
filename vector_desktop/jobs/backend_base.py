"""What both job backends (the thread pool and Celery) do alike: the jobs this session follows, their rows written
by one writer thread, listeners told of every change in order, and the JobMonitor reads and Retry built on that."""

from __future__ import annotations

import logging
import threading
import uuid
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from vector_desktop.domain.jobs import JobListener, JobRecord, JobRepository, JobSnapshot, JobState
from vector_desktop.jobs.payload import json_payload
from vector_desktop.jobs.registry import TaskRegistry, TaskSpec
from vector_desktop.jobs.rerun import record_to_run_again
from vector_desktop.jobs.scheduling import Writer

log = logging.getLogger(__name__)

KEEP_FINISHED_IN_MEMORY = 300


def utc_now() -> datetime:
    return datetime.now(UTC)


class TrackedJob:
    """A job this session follows. Guarded by its backend's lock."""

    def __init__(self, record: JobRecord, spec: TaskSpec) -> None:
        self.record = record
        self.spec = spec
        self.final = False  # the state is final; anything reported for it later is ignored
        self.cancel_requested = False
        self.version = 0
        self.emitted_version = 0
        self.emit_lock = threading.RLock()


TJob = TypeVar("TJob", bound=TrackedJob)


class JobBackendBase(ABC, Generic[TJob]):
    """The part of vector_desktop.domain.jobs.JobMonitor both backends share; they add how jobs run."""

    def __init__(
        self, registry: TaskRegistry, repository: JobRepository, writer: Writer, *, default_timeout: float
    ) -> None:
        self._registry = registry
        self._repository = repository
        self._default_timeout = default_timeout
        self._lock = threading.RLock()
        self._jobs: dict[str, TJob] = {}
        self._listeners: list[JobListener] = []
        self._writer = writer

    # ----------------------------------------------------------------------------------------------- submitting
    @abstractmethod
    def apply_async(
        self, name: str, args: Sequence[Any] = (), kwargs: Mapping[str, Any] | None = None, *, title: str = ""
    ) -> str: ...

    def delay(self, name: str, *args: Any, **kwargs: Any) -> str:
        return self.apply_async(name, args, kwargs)

    def _new_record(
        self, name: str, args: Sequence[Any], kwargs: Mapping[str, Any] | None, title: str
    ) -> tuple[JobRecord, TaskSpec]:
        """The `queued` row of a new job; raises JobError (nothing queued) for an unknown task or non-JSON values."""
        spec = self._registry.get(name)
        args_list, kwargs_dict = json_payload(name, args, kwargs)
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
            created_at=utc_now(),
        )
        return record, spec

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
            job = self._jobs.get(job_id)
            if job is not None:
                return job.record.snapshot(cancel_requested=job.cancel_requested)
        record = self._repository.get(job_id)
        return None if record is None else record.snapshot()

    def live_snapshots(self) -> dict[str, JobSnapshot]:
        with self._lock:
            return {i: job.record.snapshot(cancel_requested=job.cancel_requested) for i, job in self._jobs.items()}

    def add_listener(self, listener: JobListener) -> None:
        """`listener(snapshot)` runs on the thread that changed the job (worker, timer or caller): keep it short,
        never touch widgets, and do not call back into the backend from it (hand over to another thread instead)."""
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: JobListener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def list_recent(self, limit: int = 200) -> list[JobSnapshot]:
        """Jobs of this session and earlier ones, newest first. Reads the store: call it off the GUI thread."""
        merged = {record.id: record.snapshot() for record in self._repository.list_recent(limit)}
        merged.update(self.live_snapshots())
        oldest = datetime.min.replace(tzinfo=UTC)
        return sorted(merged.values(), key=lambda snap: snap.created_at or oldest, reverse=True)[:limit]

    def active_count(self) -> int:
        with self._lock:
            return sum(1 for job in self._jobs.values() if not job.final)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every change so far is in the store (for tests and housekeeping)."""
        return self._writer.flush(timeout)

    # ------------------------------------------------------------------------------------------- housekeeping
    def delete_finished(self, older_than: datetime | None = None) -> int:
        """Forget finished jobs that ended before `older_than` (default: now). Writes the store."""
        cutoff = older_than or utc_now()
        with self._lock:
            for job_id, job in list(self._jobs.items()):
                finished_at = job.record.finished_at
                if job.final and (finished_at is None or finished_at <= cutoff):
                    del self._jobs[job_id]
        self._writer.flush()
        return self._repository.delete_finished(cutoff)

    # ------------------------------------------------------------------------------------ internals (locked)
    def _set(self, job: TJob, **changes: Any) -> None:
        """Change a job's record, persist it and mark it for the next notification. Lock held."""
        if changes:
            job.record = replace(job.record, **changes)
        job.version += 1
        self._writer.put(job.record)

    def _finalize(self, job: TJob, **changes: Any) -> None:
        self._set(job, finished_at=utc_now(), **changes)
        job.final = True
        finished = [job_id for job_id, known in self._jobs.items() if known.final]
        for job_id in finished[: max(len(finished) - KEEP_FINISHED_IN_MEMORY, 0)]:
            del self._jobs[job_id]

    # ------------------------------------------------------------------------------------------- notifying
    def _notify(self, job: TJob) -> None:
        """Tell listeners the job's latest state; per job, listeners never see an older state after a newer one."""
        with job.emit_lock:
            with self._lock:
                if job.version <= job.emitted_version:
                    return
                job.emitted_version = job.version
                snapshot = job.record.snapshot(cancel_requested=job.cancel_requested)
            self._emit(snapshot)

    def _emit(self, snapshot: JobSnapshot) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(snapshot)
            except Exception:
                log.exception("job listener failed")
