"""What only a prefork worker does (hard time limit, kill on cancel), the broker's password kept out of what the
user sees and the logs, and the worker command without a broker."""

from __future__ import annotations

import logging
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.celery.conftest import celery_jobs_maker, finished, wait_until, worker_command
from tests.integration.celery.tasks import register_tasks
from vector_desktop.domain.jobs import JobState
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.store.job_repository import JobRepository


@pytest.fixture
def make_jobs(store: Any) -> Iterator[Any]:
    registry = TaskRegistry()
    register_tasks(registry)
    yield from celery_jobs_maker(registry, store)


def test_the_hard_time_limit_stops_a_task_that_ignores_it(broker_url: str, start_worker: Any, make_jobs: Any) -> None:
    start_worker(broker_url, "--pool", "prefork", "--concurrency", "1")
    jobs = make_jobs(broker_url)

    job_id = jobs.delay("test.stubborn", 120)
    snapshot = wait_until(lambda: finished(jobs, job_id))

    assert snapshot.state is JobState.TIMED_OUT
    assert snapshot.error == "The job took longer than its time limit of 3 s and was stopped."


def test_cancel_kills_a_running_task_that_allows_it(broker_url: str, start_worker: Any, make_jobs: Any) -> None:
    start_worker(broker_url, "--pool", "prefork", "--concurrency", "1")
    jobs = make_jobs(broker_url)
    job_id = jobs.delay("test.killable", 120)
    wait_until(lambda: (s := jobs.get(job_id)) is not None and s.progress_text == "Busy", what="running")

    jobs.cancel(job_id)
    snapshot = wait_until(lambda: finished(jobs, job_id))

    assert snapshot.state is JobState.CANCELLED


def test_the_broker_password_is_masked(make_jobs: Any, store: Any, caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    notices: list[str] = []
    caplog.set_level(logging.DEBUG, logger="vector_desktop")
    jobs = make_jobs(f"redis://vector:s3cret-pw@127.0.0.1:{port}/0", on_notice=notices.append)

    job_id = jobs.delay("test.add", 1, 2)
    wait_until(lambda: notices, what="the broker notice")
    jobs.flush()

    assert notices == [
        f"The job broker (redis://vector:***@127.0.0.1:{port}/0) cannot be reached; "
        "the job waits and is sent when it is back."
    ]
    row = JobRepository(store.sessions).get(job_id)
    assert row is not None and row.state is JobState.QUEUED and row.progress_text == notices[0]
    assert "s3cret-pw" not in caplog.text


def test_the_worker_needs_a_broker(profile_dir: Path, subprocess_env: dict[str, str]) -> None:
    env = {k: v for k, v in subprocess_env.items() if not k.startswith("CELERY_")}

    done = subprocess.run(worker_command(profile_dir), env=env, capture_output=True, text=True, timeout=120)

    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "vector-desktop: set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/0) to run a worker."
    )


def test_a_job_waiting_for_the_broker_is_sent_after_a_restart(
    make_jobs: Any, start_worker: Any, tmp_path: Path
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    broker = f"redis://127.0.0.1:{port}/0"
    notices: list[str] = []
    first = make_jobs(broker, on_notice=notices.append)
    job_id = first.delay("test.add", 20, 22)
    wait_until(lambda: notices, what="the broker notice")
    first.shutdown(2.0)

    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    try:
        start_worker(broker)
        second = make_jobs(broker)
        assert second.recover() == [job_id]
        snapshot = wait_until(lambda: finished(second, job_id))
        assert (snapshot.state, snapshot.result) == (JobState.SUCCEEDED, 42)
    finally:
        server.terminate()
        server.wait(10)


def _children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


@pytest.mark.parametrize(
    ("task", "state"), [("test.steps", JobState.FAILED), ("test.steps_idempotent", JobState.SUCCEEDED)]
)
def test_a_prefork_child_killed_mid_task(
    broker_url: str, start_worker: Any, make_jobs: Any, task: str, state: JobState
) -> None:
    import os
    import signal

    worker = start_worker(broker_url, "--pool", "prefork", "--concurrency", "1")
    jobs = make_jobs(broker_url)
    job_id = jobs.delay(task, 10, 0.3)
    wait_until(lambda: (s := jobs.get(job_id)) is not None and s.progress > 0, what="progress")

    for child in _children(worker.process.pid):
        os.kill(child, signal.SIGKILL)
    snapshot = wait_until(lambda: finished(jobs, job_id))

    assert snapshot.state is state
    if state is JobState.FAILED:  # not idempotent: never run twice
        assert snapshot.error == "The worker running this job stopped before it finished."
    else:  # idempotent: acks_late + reject on worker lost put it back on the queue, and it ran again
        assert snapshot.result == {"steps": 10}
