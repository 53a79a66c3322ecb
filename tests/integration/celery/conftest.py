"""Fixtures of the Celery tests: the machine's Redis (one database per test, flushed before and after) and a
`vector-desktop worker` subprocess started by the test and stopped by its pid."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

redis = pytest.importorskip("redis")
pytest.importorskip("celery")

REDIS_HOST = "127.0.0.1"
REDIS_PORT = 6379
DATABASES = itertools.cycle(range(12, 16))  # this suite's Redis databases
START_TIMEOUT_S = 60.0
TASKS_MODULE = "tests.integration.celery.tasks"


def _redis_up() -> bool:
    try:
        return bool(redis.Redis(host=REDIS_HOST, port=REDIS_PORT, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def broker_url() -> Iterator[str]:
    if not _redis_up():
        pytest.skip(f"Redis is not running on {REDIS_HOST}:{REDIS_PORT}")
    db = next(DATABASES)
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=db)
    client.flushdb()
    yield f"redis://{REDIS_HOST}:{REDIS_PORT}/{db}"
    client.flushdb()
    client.close()


def worker_command(profile: Path, *extra: str) -> list[str]:
    from vector_desktop.commands import COMMAND_MODULES

    if "vector_desktop.commands.worker" in COMMAND_MODULES:
        head = [sys.executable, "-m", "vector_desktop"]
    else:  # until the command is listed in vector_desktop.commands.COMMAND_MODULES
        shim = (
            "import sys, vector_desktop.commands as c; "
            "c.COMMAND_MODULES += ('vector_desktop.commands.worker',); "
            "from vector_desktop.app import main; sys.exit(main())"
        )
        head = [sys.executable, "-c", shim]
    return [*head, "worker", "--profile", str(profile), "--extra-tasks", TASKS_MODULE, *extra]


class Worker:
    def __init__(self, process: subprocess.Popen[bytes], log: Path) -> None:
        self.process = process
        self.log = log

    def kill(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def start_worker(tmp_path: Path, profile_dir: Path, subprocess_env: dict[str, str]) -> Iterator[Callable[..., Worker]]:
    workers: list[Worker] = []

    def start(broker: str, *extra: str) -> Worker:
        env = dict(subprocess_env, CELERY_BROKER_URL=broker, CELERY_RESULT_BACKEND=broker)
        log = tmp_path / f"worker-{len(workers)}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                worker_command(profile_dir, "--pool", "solo", *extra), env=env, stdout=out, stderr=subprocess.STDOUT
            )
        worker = Worker(process, log)
        workers.append(worker)
        _wait_for_worker(broker, worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


def _wait_for_worker(broker: str, worker: Worker) -> None:
    from celery import Celery

    app = Celery("probe", broker=broker, set_as_current=False)
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while time.monotonic() < deadline:
            if worker.process.poll() is not None:
                pytest.fail(f"the worker exited: {worker.log.read_text(errors='replace')[-2000:]}")
            if app.control.ping(timeout=1):
                return
        pytest.fail(f"the worker did not answer: {worker.log.read_text(errors='replace')[-2000:]}")
    finally:
        app.close()


def wait_until(predicate: Callable[[], Any], timeout: float = 60.0, what: str = "the job") -> Any:
    """Wait for a condition a test then asserts on (a generous bound, never a timed assertion)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"gave up waiting for {what}")


def celery_jobs_maker(registry: Any, store: Any) -> Iterator[Callable[..., Any]]:
    """For a fixture: `make(broker, **kwargs)` gives a CeleryJobs over the store's job rows; all are shut down after."""
    from vector_desktop.jobs.celery_backend import CeleryJobs
    from vector_desktop.store.job_repository import JobRepository

    made: list[CeleryJobs] = []

    def make(broker: str, **kwargs: Any) -> CeleryJobs:
        jobs = CeleryJobs(registry, JobRepository(store.sessions), broker_url=broker, poll_interval=0.05, **kwargs)
        made.append(jobs)
        return jobs

    yield make
    for jobs in made:
        jobs.shutdown(2.0)


def finished(jobs: Any, job_id: str) -> Any:
    """The job's snapshot once it has finished, else None."""
    snapshot = jobs.get(job_id)
    return snapshot if snapshot is not None and snapshot.state.finished else None
