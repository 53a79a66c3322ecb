"""The job interface's contract, run against both backends: the local pool and Celery (with a worker subprocess)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.integration.celery.conftest import wait_until
from tests.integration.celery.tasks import register_tasks
from vector_desktop.domain.errors import JobError
from vector_desktop.domain.jobs import JobSnapshot, JobState
from vector_desktop.jobs.celery_backend import CeleryJobs
from vector_desktop.jobs.pool import JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.store.job_repository import JobRepository


@pytest.fixture(params=["pool", "celery"])
def jobs(request: pytest.FixtureRequest, store: Any) -> Iterator[Any]:
    registry = TaskRegistry()
    register_tasks(registry)
    repository = JobRepository(store.sessions)
    backend: Any
    if request.param == "pool":
        backend = JobPool(registry, repository, workers=2)
    else:
        broker = request.getfixturevalue("broker_url")
        request.getfixturevalue("start_worker")(broker)
        backend = CeleryJobs(registry, repository, broker_url=broker, poll_interval=0.05)
    yield backend
    backend.shutdown(2.0)


def finished(jobs: Any, job_id: str) -> JobSnapshot | None:
    snapshot = jobs.get(job_id)
    return snapshot if snapshot is not None and snapshot.state.finished else None


def test_a_job_runs_and_its_row_keeps_the_result(jobs: Any, store: Any) -> None:
    seen: list[JobSnapshot] = []
    jobs.add_listener(seen.append)

    job_id = jobs.apply_async("test.add", [2, 40], title="Answer")
    snapshot = wait_until(lambda: finished(jobs, job_id))
    jobs.flush()

    assert (snapshot.state, snapshot.result, snapshot.title) == (JobState.SUCCEEDED, 42, "Answer")
    assert seen[0].state is JobState.QUEUED and seen[-1].state is JobState.SUCCEEDED
    row = JobRepository(store.sessions).get(job_id)
    assert row is not None and (row.state, row.result, row.args) == (JobState.SUCCEEDED, 42, [2, 40])


def test_progress_reaches_listeners(jobs: Any) -> None:
    seen: list[JobSnapshot] = []
    jobs.add_listener(seen.append)

    job_id = jobs.delay("test.steps", 4, 0.3)
    wait_until(lambda: finished(jobs, job_id))

    texts = [s.progress_text for s in seen if s.state is JobState.RUNNING and s.progress_text]
    assert texts and texts[0].startswith("Step ")


def test_a_failing_job_is_retried_then_failed(jobs: Any) -> None:
    job_id = jobs.delay("test.fail", "no space left")
    snapshot = wait_until(lambda: finished(jobs, job_id))

    assert snapshot.state is JobState.FAILED
    assert snapshot.error.startswith("RuntimeError: no space left")
    assert snapshot.attempts == 2


def test_cancel_of_a_running_job(jobs: Any) -> None:
    job_id = jobs.delay("test.steps", 300, 0.2)
    wait_until(lambda: (s := jobs.get(job_id)) is not None and s.state is JobState.RUNNING, what="running")

    jobs.cancel(job_id)
    snapshot = wait_until(lambda: finished(jobs, job_id))

    assert snapshot.state is JobState.CANCELLED


def test_retry_runs_a_finished_job_again_as_a_new_one(jobs: Any) -> None:
    first = jobs.delay("test.add", 1, 1)
    wait_until(lambda: finished(jobs, first))

    second = jobs.retry(first)
    snapshot = wait_until(lambda: finished(jobs, second))

    assert second != first
    assert (snapshot.state, snapshot.result) == (JobState.SUCCEEDED, 2)
    assert [s.id for s in jobs.list_recent()][:2] == [second, first]


def test_a_non_json_argument_is_refused(jobs: Any) -> None:
    with pytest.raises(JobError, match="argument 1 is a set, which cannot be sent as JSON"):
        jobs.delay("test.add", {1}, 2)

    assert jobs.list_recent() == []
