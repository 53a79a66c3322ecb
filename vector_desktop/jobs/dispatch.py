"""JobDispatcher: one job interface over two backends. Tasks registered with `remote=True` go to Celery (they may
run on another machine); every other task stays in the local pool, even with Celery configured."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from vector_desktop.domain.errors import JobError
from vector_desktop.domain.jobs import JobListener, JobSnapshot
from vector_desktop.jobs.celery_backend import CeleryJobs
from vector_desktop.jobs.pool import JobPool, RecoveryReport
from vector_desktop.jobs.registry import TaskRegistry


class JobDispatcher:
    """Implements vector_desktop.domain.jobs.JobMonitor, plus recover/shutdown/flush/active_count like JobPool."""

    def __init__(self, registry: TaskRegistry, local: JobPool, remote: CeleryJobs) -> None:
        self._registry = registry
        self.local = local
        self.remote = remote

    def _backend_for(self, task_name: str) -> JobPool | CeleryJobs:
        return self.remote if self._registry.get(task_name).remote else self.local

    def apply_async(
        self, name: str, args: Sequence[Any] = (), kwargs: Mapping[str, Any] | None = None, *, title: str = ""
    ) -> str:
        return self._backend_for(name).apply_async(name, args, kwargs, title=title)

    def delay(self, name: str, *args: Any, **kwargs: Any) -> str:
        return self.apply_async(name, args, kwargs)

    def cancel(self, job_id: str) -> None:
        (self.remote if self.remote.owns(job_id) else self.local).cancel(job_id)

    def retry(self, job_id: str) -> str:
        snapshot = self.get(job_id)
        if snapshot is None:
            raise JobError("That job no longer exists, so it cannot be run again.")
        if snapshot.task_name not in self._registry:
            raise JobError(f"There is no background task called {snapshot.task_name!r}.")
        return self._backend_for(snapshot.task_name).retry(job_id)

    def get(self, job_id: str) -> JobSnapshot | None:
        if self.remote.owns(job_id):
            return self.remote.get(job_id)
        return self.local.get(job_id)

    def add_listener(self, listener: JobListener) -> None:
        self.local.add_listener(listener)
        self.remote.add_listener(listener)

    def remove_listener(self, listener: JobListener) -> None:
        self.local.remove_listener(listener)
        self.remote.remove_listener(listener)

    def list_recent(self, limit: int = 200) -> list[JobSnapshot]:
        merged = {snapshot.id: snapshot for snapshot in self.local.list_recent(limit)}
        merged.update(self.remote.live_snapshots())
        oldest = datetime.min.replace(tzinfo=UTC)
        return sorted(merged.values(), key=lambda snap: snap.created_at or oldest, reverse=True)[:limit]

    def delete_finished(self, older_than: datetime | None = None) -> int:
        cutoff = older_than or datetime.now(UTC)
        removed = self.remote.delete_finished(cutoff)  # the same store: the pool counts what is left
        return removed + self.local.delete_finished(cutoff)

    def active_count(self) -> int:
        return self.local.active_count() + self.remote.active_count()

    def flush(self, timeout: float | None = None) -> bool:
        return self.remote.flush(timeout) and self.local.flush(timeout)

    def recover(self) -> RecoveryReport:
        """Celery first (it follows its unfinished rows again), then the pool (the rest become interrupted)."""
        followed = self.remote.recover()
        return self.local.recover(exclude=followed)

    def shutdown(self, wait_seconds: float = 5.0) -> bool:
        remote_ok = self.remote.shutdown(wait_seconds)
        return self.local.shutdown(wait_seconds) and remote_ok
