"""The dispatcher: remote tasks go to the Celery worker, the rest stay in the local pool; after a restart the app
follows the jobs still running on a worker instead of calling them interrupted."""

from __future__ import annotations

import os
from typing import Any

from tests.integration.celery.conftest import wait_until
from tests.integration.celery.tasks import register_tasks
from vector_desktop.domain.jobs import JobState
from vector_desktop.jobs.celery_backend import CeleryJobs
from vector_desktop.jobs.dispatch import JobDispatcher
from vector_desktop.jobs.pool import JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.store.job_repository import JobRepository


def make_dispatcher(registry: TaskRegistry, store: Any, broker: str) -> JobDispatcher:
    repository = JobRepository(store.sessions)
    pool = JobPool(registry, repository, workers=2)
    celery = CeleryJobs(registry, repository, broker_url=broker, poll_interval=0.05)
    return JobDispatcher(registry, pool, celery)


def done(jobs: JobDispatcher, job_id: str) -> Any:
    snapshot = jobs.get(job_id)
    return snapshot if snapshot is not None and snapshot.state.finished else None


def test_only_remote_tasks_leave_the_process(broker_url: str, start_worker: Any, store: Any) -> None:
    registry = TaskRegistry()
    register_tasks(registry)
    worker = start_worker(broker_url)
    jobs = make_dispatcher(registry, store, broker_url)
    try:
        local = jobs.delay("test.pid_local")
        remote = jobs.delay("test.pid_remote")
        local_result = wait_until(lambda: done(jobs, local)).result
        remote_result = wait_until(lambda: done(jobs, remote)).result
        assert local_result == os.getpid()
        assert remote_result == worker.process.pid
        assert {s.id for s in jobs.list_recent()} == {local, remote}
    finally:
        jobs.shutdown(2.0)


def test_a_job_running_on_the_worker_is_followed_after_a_restart(
    broker_url: str, start_worker: Any, store: Any
) -> None:
    registry = TaskRegistry()
    register_tasks(registry)
    start_worker(broker_url)
    first = make_dispatcher(registry, store, broker_url)
    remote = first.delay("test.steps", 8, 0.3)
    wait_until(lambda: (s := first.get(remote)) is not None and s.state is JobState.RUNNING, what="running")
    first.shutdown(2.0)

    second = make_dispatcher(registry, store, broker_url)
    try:
        report = second.recover()
        snapshot = wait_until(lambda: done(second, remote))
        assert report.interrupted == []
        assert (snapshot.state, snapshot.result) == (JobState.SUCCEEDED, {"steps": 8})
    finally:
        second.shutdown(2.0)
