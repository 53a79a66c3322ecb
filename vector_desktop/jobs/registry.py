"""The task registry: named task functions with their limits, declared like Celery tasks.

tasks = TaskRegistry()

@tasks.task("storage.sync", retries=3, idempotent=True, title="Sync storage")
def sync(ctx: JobContext, bucket: str) -> dict: ...

job_id = pool.delay("storage.sync", "photos")      # or pool.apply_async(sync.name, ["photos"])
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vector_desktop.domain.errors import JobError
from vector_desktop.domain.jobs import JobContext, TaskFunction

MAX_BACKOFF_S = 600.0


@dataclass(frozen=True)
class TaskSpec:
    name: str
    fn: TaskFunction
    timeout: float | None = None  # seconds; None means the pool's default (30 min)
    retries: int = 0  # extra attempts after a failure (never after cancel or timeout)
    backoff: float = 2.0  # seconds before the first retry; doubles for each further one
    idempotent: bool = False  # safe to run again after a crash
    title: str = ""
    remote: bool = False  # may run on a Celery worker on another machine (needs no local file or state)
    terminable: bool = False  # a running attempt may be killed outright on cancel (Celery revoke terminate=True)

    def retry_delay(self, failed_attempt: int) -> float:
        """Seconds to wait after attempt number `failed_attempt` (1-based) failed."""
        return min(self.backoff * 2 ** max(failed_attempt - 1, 0), MAX_BACKOFF_S)


class Task:
    """What the decorator returns: still callable as the plain function, and carries its registered name."""

    def __init__(self, spec: TaskSpec) -> None:
        self.spec = spec
        self.__doc__ = spec.fn.__doc__
        self.__wrapped__ = spec.fn

    @property
    def name(self) -> str:
        return self.spec.name

    def __call__(self, ctx: JobContext, *args: Any, **kwargs: Any) -> Any:
        return self.spec.fn(ctx, *args, **kwargs)

    def __repr__(self) -> str:
        return f"<Task {self.spec.name}>"


class TaskRegistry:
    def __init__(self) -> None:
        self._specs: dict[str, TaskSpec] = {}
        self._lock = threading.Lock()

    def task(
        self,
        name: str,
        *,
        timeout: float | None = None,
        retries: int = 0,
        backoff: float = 2.0,
        idempotent: bool = False,
        title: str = "",
        remote: bool = False,
        terminable: bool = False,
    ) -> Callable[[TaskFunction], Task]:
        def decorate(fn: TaskFunction) -> Task:
            return self.register(
                name,
                fn,
                timeout=timeout,
                retries=retries,
                backoff=backoff,
                idempotent=idempotent,
                title=title,
                remote=remote,
                terminable=terminable,
            )

        return decorate

    def register(
        self,
        name: str,
        fn: TaskFunction,
        *,
        timeout: float | None = None,
        retries: int = 0,
        backoff: float = 2.0,
        idempotent: bool = False,
        title: str = "",
        remote: bool = False,
        terminable: bool = False,
    ) -> Task:
        if not name or not name.strip():
            raise JobError("A task needs a name.")
        if timeout is not None and timeout <= 0:
            raise JobError(f"Task {name!r}: the timeout must be more than 0 seconds.")
        if retries < 0:
            raise JobError(f"Task {name!r}: retries cannot be negative.")
        if backoff < 0:
            raise JobError(f"Task {name!r}: the retry backoff cannot be negative.")
        spec = TaskSpec(name, fn, timeout, retries, backoff, idempotent, title, remote, terminable)
        with self._lock:
            known = self._specs.get(name)
            if known is not None and known.fn is not fn:
                raise JobError(f"Two different functions are registered as the task {name!r}.")
            self._specs[name] = spec
        return Task(spec)

    def get(self, name: str) -> TaskSpec:
        with self._lock:
            spec = self._specs.get(name)
        if spec is None:
            raise JobError(f"There is no background task called {name!r}.")
        return spec

    def __contains__(self, name: object) -> bool:
        with self._lock:
            return name in self._specs

    def specs(self) -> list[TaskSpec]:
        with self._lock:
            return [self._specs[name] for name in sorted(self._specs)]

    def names(self) -> list[str]:
        with self._lock:
            return sorted(self._specs)
