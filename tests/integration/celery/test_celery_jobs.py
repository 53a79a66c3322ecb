"""The Celery backend against the machine's Redis and a `vector-desktop worker` subprocess."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.celery.conftest import celery_jobs_maker, finished, wait_until
from tests.integration.celery.tasks import register_tasks
from vector_desktop.core_jobs import SYNC_TASK, make_task_registry
from vector_desktop.domain.errors import JobError
from vector_desktop.domain.jobs import JobSnapshot, JobState
from vector_desktop.jobs.celery_states import WORKER_LOST_MESSAGE, WORKER_LOST_RESENT
from vector_desktop.store.job_repository import JobRepository


@pytest.fixture
def registry(app_paths: Any, memory_keyring: Any) -> Iterator[Any]:
    from vector_desktop.core import open_core

    core = open_core(app_paths, environ={})
    registry = make_task_registry(core)
    register_tasks(registry)
    yield registry
    core.close()


@pytest.fixture
def make_jobs(registry: Any, store: Any) -> Iterator[Any]:
    yield from celery_jobs_maker(registry, store)


def test_storage_sync_runs_on_the_worker(broker_url: str, start_worker: Any, make_jobs: Any, profile_dir: Path) -> None:
    source = profile_dir / "data" / "storage" / "photos"
    source.mkdir(parents=True)
    (source / "a.txt").write_text("alpha")
    (source / "b.txt").write_text("beta")
    start_worker(broker_url)
    jobs = make_jobs(broker_url)

    job_id = jobs.delay(SYNC_TASK, "photos/", "backup/")
    snapshot = wait_until(lambda: finished(jobs, job_id))

    assert snapshot.state is JobState.SUCCEEDED, snapshot.error
    assert snapshot.result == {"copied": 2, "skipped": 0, "source": "photos/", "dest": "backup/"}
    assert (profile_dir / "data" / "storage" / "backup" / "b.txt").read_text() == "beta"


def test_long_task_reports_progress_then_its_result(
    broker_url: str, start_worker: Any, make_jobs: Any, store: Any
) -> None:
    start_worker(broker_url)
    jobs = make_jobs(broker_url)
    seen: list[JobSnapshot] = []
    jobs.add_listener(seen.append)

    job_id = jobs.delay("test.steps", 5, 0.3)
    snapshot = wait_until(lambda: finished(jobs, job_id))
    jobs.flush()

    assert snapshot.state is JobState.SUCCEEDED
    assert snapshot.result == {"steps": 5}
    running = [s for s in seen if s.state is JobState.RUNNING and s.progress_text.startswith("Step")]
    assert running, "no progress was reported while the job ran"
    assert 0 < running[0].progress < 1
    stored = JobRepository(store.sessions).get(job_id)
    assert stored is not None and stored.state is JobState.SUCCEEDED and stored.result == {"steps": 5}


def test_cancel_stops_a_running_task(broker_url: str, start_worker: Any, make_jobs: Any) -> None:
    start_worker(broker_url)
    jobs = make_jobs(broker_url)
    job_id = jobs.delay("test.steps", 200, 0.2)
    wait_until(lambda: (jobs.get(job_id) or JobSnapshot("", "", "", JobState.QUEUED)).progress > 0, what="progress")

    jobs.cancel(job_id)
    snapshot = wait_until(lambda: finished(jobs, job_id))

    assert snapshot.state is JobState.CANCELLED
    assert snapshot.progress < 1


def test_short_time_limit_stops_the_task(broker_url: str, start_worker: Any, make_jobs: Any) -> None:
    start_worker(broker_url)
    jobs = make_jobs(broker_url)

    job_id = jobs.delay("test.short_limit", 100, 0.5)
    snapshot = wait_until(lambda: finished(jobs, job_id))

    assert snapshot.state is JobState.TIMED_OUT
    assert snapshot.error == "The job took longer than its time limit of 3 s and was stopped."


def test_failure_is_retried_then_reported_with_where_it_happened(
    broker_url: str, start_worker: Any, make_jobs: Any
) -> None:
    start_worker(broker_url)
    jobs = make_jobs(broker_url)

    job_id = jobs.delay("test.fail", "the disk is full")
    snapshot = wait_until(lambda: finished(jobs, job_id))

    assert snapshot.state is JobState.FAILED
    assert snapshot.error.startswith("RuntimeError: the disk is full (in tasks.py, line")
    assert snapshot.attempts == 2


@pytest.mark.parametrize(("task", "idempotent"), [("test.steps", False), ("test.steps_idempotent", True)])
def test_worker_killed_mid_task(
    broker_url: str, start_worker: Any, make_jobs: Any, task: str, idempotent: bool
) -> None:
    worker = start_worker(broker_url)
    jobs = make_jobs(broker_url)
    job_id = jobs.delay(task, 10, 0.3)
    wait_until(lambda: (jobs.get(job_id) or JobSnapshot("", "", "", JobState.QUEUED)).progress > 0, what="progress")

    worker.kill()

    if not idempotent:
        snapshot = wait_until(lambda: finished(jobs, job_id))
        assert snapshot.state is JobState.FAILED
        assert snapshot.error == WORKER_LOST_MESSAGE
        return
    requeued = wait_until(lambda: (s := jobs.get(job_id)) and s.progress_text == WORKER_LOST_RESENT and s)
    assert requeued.state is JobState.QUEUED
    start_worker(broker_url)
    snapshot = wait_until(lambda: finished(jobs, job_id))
    assert snapshot.state is JobState.SUCCEEDED
    assert snapshot.result == {"steps": 10}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_broker_down_at_submit_then_up(start_worker: Any, make_jobs: Any, tmp_path: Path) -> None:
    port = _free_port()
    broker = f"redis://127.0.0.1:{port}/0"
    notices: list[str] = []
    jobs = make_jobs(broker, on_notice=notices.append)
    seen: list[JobSnapshot] = []
    jobs.add_listener(seen.append)

    job_id = jobs.delay("test.add", 2, 3)
    message = f"The job broker ({broker}) cannot be reached; the job waits and is sent when it is back."
    wait_until(lambda: notices, what="the broker notice")
    assert notices == [message]
    assert [s.progress_text for s in seen if s.progress_text == message] == [message]
    assert jobs.get(job_id).state is JobState.QUEUED  # type: ignore[union-attr]

    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    try:
        start_worker(broker)
        snapshot = wait_until(lambda: finished(jobs, job_id))
        assert snapshot.state is JobState.SUCCEEDED
        assert snapshot.result == 5
        assert notices == [message]
    finally:
        jobs.shutdown(2.0)
        server.terminate()
        server.wait(10)


def test_non_json_argument_is_refused_before_sending(broker_url: str, make_jobs: Any) -> None:
    import redis

    jobs = make_jobs(broker_url)

    with pytest.raises(JobError) as refused:
        jobs.delay("test.add", b"\x00", 1)

    assert str(refused.value).startswith("The task 'test.add' was not queued: argument 1 is a bytes")
    assert jobs.list_recent() == []
    assert redis.Redis.from_url(broker_url).keys("*") == []
