"""Tasks of the Celery tests, registered in the test process and on the worker (`--extra-tasks`)."""

from __future__ import annotations

import contextlib
import time
from typing import Any

from vector_desktop.domain.jobs import JobContext
from vector_desktop.jobs.registry import TaskRegistry


def register_tasks(registry: TaskRegistry) -> None:
    def add(ctx: JobContext, a: int, b: int) -> int:
        return a + b

    def steps(ctx: JobContext, count: int, pause: float) -> dict[str, Any]:
        for index in range(count):
            ctx.sleep(pause)
            ctx.progress((index + 1) / count, f"Step {index + 1} of {count}")
        return {"steps": count}

    def stubborn(ctx: JobContext, seconds: float) -> None:
        """Never looks at its context, and even swallows Celery's soft time limit: only a kill stops it."""
        ctx.progress(0.5, "Busy")
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            with contextlib.suppress(BaseException):  # the point of this task
                time.sleep(0.1)

    def fail(ctx: JobContext, message: str) -> None:
        raise RuntimeError(message)

    registry.register("test.add", add, remote=True, title="Add")
    registry.register("test.steps", steps, remote=True, title="Steps")
    registry.register("test.steps_idempotent", steps, remote=True, idempotent=True, title="Steps again")
    registry.register("test.short_limit", steps, remote=True, timeout=3, title="Short limit")
    registry.register("test.fail", fail, remote=True, retries=1, backoff=0.2, title="Fail")
    registry.register("test.stubborn", stubborn, remote=True, timeout=3, title="Ignores its limits")
    registry.register("test.killable", stubborn, remote=True, terminable=True, title="Ignores cancel")
    register_pid_tasks(registry)


def register_pid_tasks(registry: TaskRegistry) -> None:
    """The same function as a local-only and as a remote task: the result tells where it ran."""
    import os

    def pid(ctx: JobContext) -> int:
        return os.getpid()

    registry.register("test.pid_local", pid, title="Where (local)")
    registry.register("test.pid_remote", pid, remote=True, title="Where (remote)")
