"""The background-job vocabulary shared by services, the job pool and the Jobs panel (no Qt, no I/O)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
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


class JobContext(Protocol):
    """What a running task sees: report progress, notice cancellation (cooperative) and its deadline."""

    job_id: str

    def progress(self, fraction: float, text: str = "") -> None: ...

    @property
    def cancelled(self) -> bool: ...

    def check(self) -> None:
        """Raise JobCancelled / JobTimeout when the job must stop."""
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
