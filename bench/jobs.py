"""Jobs: 1,000 small tasks through the job pool, through our Celery backend (CeleryJobs + a `vector-desktop worker`
subprocess + the machine's Redis), and Celery's own `delay` loop (the baseline: a plain Celery app and worker on the
same Redis, `task.delay(...)` 1,000 times then `result.get()` for each), in the same run.

Each side: submit 1,000 `add(i, i)` jobs, then wait until every one is finished (for ours: every job row's final
state heard by a listener, rows written to a temporary store). Both workers run one task at a time (solo pool) and
only one runs at a time. Median of --runs rounds (default 3), order alternated. The last line is the JSON figure:
ratio = our Celery backend / Celery's own delay loop.

Usage: python bench/jobs.py [--runs 3] [--count 1000] [--db 11]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vector_desktop.domain.jobs import JobContext, JobSnapshot  # noqa: E402
from vector_desktop.jobs.registry import TaskRegistry  # noqa: E402

TASK = "bench.add"


def register_tasks(registry: TaskRegistry) -> None:
    """Loaded by the worker with `--extra-tasks bench.jobs`."""

    def add(ctx: JobContext, a: int, b: int) -> int:
        return a + b

    registry.register(TASK, add, remote=True, title="Add")


def _plain_app(broker: str) -> Any:
    from celery import Celery

    app = Celery("plain", broker=broker, backend=broker, set_as_current=False)
    app.conf.update(
        task_serializer="json", result_serializer="json", accept_content=["json"], worker_prefetch_multiplier=1
    )

    @app.task(name="plain.add")
    def add(a: int, b: int) -> int:
        return a + b

    return app


def plain_worker(broker: str) -> None:
    app = _plain_app(broker)
    app.Worker(pool="solo", loglevel="WARNING", without_mingle=True, without_gossip=True).start()


def _wait_for(broker: str, process: subprocess.Popen[bytes]) -> None:
    from celery import Celery

    probe = Celery("probe", broker=broker, set_as_current=False)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("a worker exited at start")
        if probe.control.ping(timeout=1):
            return
    raise SystemExit("a worker did not answer")


def _start(command: list[str], broker: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(broker, process)
    return process


def _stop(process: subprocess.Popen[bytes]) -> None:
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()


def _app_command() -> list[str]:
    from vector_desktop.commands import COMMAND_MODULES

    if "vector_desktop.commands.worker" in COMMAND_MODULES:
        return [sys.executable, "-m", "vector_desktop"]
    shim = (  # until the command is listed in vector_desktop.commands.COMMAND_MODULES
        "import sys, vector_desktop.commands as c; c.COMMAND_MODULES += ('vector_desktop.commands.worker',); "
        "from vector_desktop.app import main; sys.exit(main())"
    )
    return [sys.executable, "-c", shim]


class Finished:
    """Counts jobs heard finishing; `wait()` returns when `count` have."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.done: set[str] = set()
        self.event = threading.Event()
        self.lock = threading.Lock()

    def __call__(self, snapshot: JobSnapshot) -> None:
        if snapshot.state.finished:
            with self.lock:
                self.done.add(snapshot.id)
                if len(self.done) >= self.count:
                    self.event.set()


def run_backend(backend: Any, count: int) -> float:
    finished = Finished(count)
    backend.add_listener(finished)
    start = time.perf_counter()
    for i in range(count):
        backend.delay(TASK, i, i)
    if not finished.event.wait(600):
        raise SystemExit(f"only {len(finished.done)} of {count} jobs finished")
    elapsed = time.perf_counter() - start
    backend.shutdown(5.0)
    return elapsed


def run_plain(app: Any, count: int) -> float:
    add = app.tasks["plain.add"]
    start = time.perf_counter()
    results = [add.delay(i, i) for i in range(count)]
    values = [result.get(timeout=600) for result in results]
    elapsed = time.perf_counter() - start
    assert values[-1] == 2 * (count - 1)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--db", type=int, default=10, help="the Redis database the bench may flush")
    parser.add_argument("--plain-worker", metavar="BROKER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.plain_worker:
        plain_worker(args.plain_worker)
        return 0

    import redis

    from vector_desktop.jobs.celery_backend import CeleryJobs
    from vector_desktop.jobs.pool import JobPool
    from vector_desktop.store.engine import open_store
    from vector_desktop.store.job_repository import JobRepository

    broker = f"redis://127.0.0.1:6379/{args.db}"
    client = redis.Redis.from_url(broker)
    client.flushdb()
    registry = TaskRegistry()
    register_tasks(registry)
    figures: dict[str, list[float]] = {"pool": [], "celery": [], "plain": []}
    with tempfile.TemporaryDirectory() as scratch:
        profile = Path(scratch) / "profile"
        env = dict(
            os.environ,
            CELERY_BROKER_URL=broker,
            PYTHONPATH=str(ROOT),
            PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
            XDG_DATA_HOME=str(Path(scratch) / "xdg"),
        )
        ours_cmd = [*_app_command(), "worker", "--profile", str(profile), "--pool", "solo"]
        ours_cmd += ["--extra-tasks", "bench.jobs"]
        plain_cmd = [sys.executable, str(Path(__file__).resolve()), "--plain-worker", broker]
        plain = _plain_app(broker)
        for run in range(args.runs):
            opened = open_store(Path(scratch) / f"store-{run}.sqlite3", Path(scratch) / "backup")
            repository = JobRepository(opened.sessions)
            figures["pool"].append(run_backend(JobPool(registry, repository, workers=4), args.count))
            order = ("celery", "plain") if run % 2 == 0 else ("plain", "celery")
            for side in order:
                process = _start(ours_cmd if side == "celery" else plain_cmd, broker, env)
                try:
                    if side == "celery":
                        jobs = CeleryJobs(registry, repository, broker_url=broker, poll_interval=0.05)
                        figures["celery"].append(run_backend(jobs, args.count))
                    else:
                        figures["plain"].append(run_plain(plain, args.count))
                finally:
                    _stop(process)
            opened.dispose()
            print(json.dumps({"run": run + 1, **{k: round(v[-1] * 1000, 1) for k, v in figures.items()}}), flush=True)
    client.flushdb()
    median = {k: statistics.median(v) * 1000 for k, v in figures.items()}
    print(json.dumps({"pool_ms": round(median["pool"], 1), "runs": args.runs, "count": args.count}))
    result = {
        "bench": "jobs",
        "value": round(median["celery"], 1),
        "baseline": round(median["plain"], 1),
        "ratio": round(median["celery"] / median["plain"], 3),
        "unit": f"ms for {args.count} tasks",
        "goal": "ratio <= 1.2",
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
