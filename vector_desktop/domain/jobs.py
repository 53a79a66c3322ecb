"""The background-job vocabulary shared by services, the job pool and the Jobs panel (no Qt, no I/O)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol


class JobState(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    TIMED_OUT = "timed out"
    INTERRUPTED = "interrupted"

    @property
    def finished(self) -> bool:
        return self not in (JobState.QUEUED, JobState.RUNNING)


@dataclass(frozen=True)
class JobSnapshot:
    id: str
    task_name: str
    title: str
    state: JobState
    progress: float = 0.0
    progress_text: str = ""
    error: str = ""
    result: Any = None
    attempts: int = 0
    max_retries: int = 0
    created_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    cancel_requested: bool = False  # the user asked to cancel; the task has not stopped yet


@dataclass(frozen=True)
class JobRecord:
    """Everything persisted about one job (one row of the store). Arguments and result are JSON-shaped values."""

    id: str
    task_name: str
    state: JobState
    title: str = ""
    args: list[Any] = field(default_factory=list)
    kwargs: dict[str, Any] = field(default_factory=dict)
    progress: float = 0.0
    progress_text: str = ""
    result: Any = None
    error: str = ""
    attempts: int = 0
    max_retries: int = 0
    timeout_s: float = 1800.0
    idempotent: bool = False
    created_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None

    def snapshot(self, *, cancel_requested: bool = False) -> JobSnapshot:
        return JobSnapshot(
            id=self.id,
            task_name=self.task_name,
            title=self.title,
            state=self.state,
            progress=self.progress,
            progress_text=self.progress_text,
            error=self.error,
            result=self.result,
            attempts=self.attempts,
            max_retries=self.max_retries,
            created_at=self.created_at,
            started_at=self.started_at,
            finished_at=self.finished_at,
            cancel_requested=cancel_requested,
        )


class JobContext(Protocol):
    """What a running task sees: report progress, notice cancellation (cooperative) and its deadline."""

    job_id: str

    def progress(self, fraction: float, text: str = "") -> None: ...

    @property
    def cancelled(self) -> bool:
        """True once the task must stop: cancelled by the user or the app, or past its deadline."""
        ...

    def check(self) -> None:
        """Raise JobCancelled / JobTimeout when the job must stop."""
        ...

    def sleep(self, seconds: float) -> None:
        """Wait up to `seconds`, waking at once on cancel or deadline; then check()."""
        ...


TaskFunction = Callable[..., Any]  # fn(ctx: JobContext, *args, **kwargs) -> JSON-serialisable result


class JobQueue(Protocol):
    """Celery-like submission API: tasks are named, arguments must be JSON-serialisable."""

    def apply_async(
        self,
        name: str,
        args: Sequence[Any] = (),
        kwargs: Mapping[str, Any] | None = None,
        *,
        title: str = "",
    ) -> str: ...

    def delay(self, name: str, *args: Any, **kwargs: Any) -> str: ...

    def cancel(self, job_id: str) -> None: ...

    def retry(self, job_id: str) -> str: ...

    def get(self, job_id: str) -> JobSnapshot | None: ...


JobListener = Callable[[JobSnapshot], None]  # called from worker threads; must not touch widgets


class JobMonitor(JobQueue, Protocol):
    """What the Jobs panel needs besides submitting: change notifications, history and housekeeping."""

    def add_listener(self, listener: JobListener) -> None: ...

    def remove_listener(self, listener: JobListener) -> None: ...

    def list_recent(self, limit: int = 200) -> list[JobSnapshot]:
        """Newest first; may read the store (call off the GUI thread)."""
        ...

    def delete_finished(self, older_than: datetime | None = None) -> int:
        """Forget finished jobs (all, or those finished before `older_than`); may write the store."""
        ...


class JobRepository(Protocol):
    """Persistence port for job rows (implemented by vector_desktop.store.job_repository)."""

    def insert(self, record: JobRecord) -> None: ...

    def update(self, record: JobRecord) -> None: ...

    def save_many(self, records: Sequence[JobRecord]) -> None:
        """Insert or update each record (one transaction)."""
        ...

    def get(self, job_id: str) -> JobRecord | None: ...

    def list_recent(self, limit: int = 200) -> list[JobRecord]: ...

    def mark_interrupted(self, message: str, *, exclude: Collection[str] = ()) -> list[JobRecord]:
        """Mark rows left queued/running as interrupted (finished now, error = message); returns the changed rows."""
        ...

    def delete_finished(self, older_than: datetime | None = None) -> int: ...
