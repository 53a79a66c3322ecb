"""The Celery app built from a TaskRegistry: one Celery task per registered task, under the same name.

Used on both sides: the worker (`vector-desktop worker`) runs the tasks; the desktop only sends them (its app has no
result backend: it reads the states the worker stores straight from Redis, see celery_backend). celery is imported
here, so import this module only when CELERY_BROKER_URL is set.
"""

from __future__ import annotations

import json
import os
import traceback
from typing import Any

from celery import Celery
from celery.exceptions import Ignore, SoftTimeLimitExceeded

from vector_desktop.domain.errors import JobCancelled, JobTimeout, VectorError
from vector_desktop.jobs.celery_context import (
    CANCEL_PREFIX,
    PROGRESS_STATE,
    Heartbeats,
    WorkerContext,
    soft_limit,
)
from vector_desktop.jobs.registry import TaskRegistry, TaskSpec

DEFAULT_QUEUE = "vector-desktop"
CANCELLED_STATE = "CANCELLED"  # custom final states, stored by the task itself (then Ignore())
TIMED_OUT_STATE = "TIMED_OUT"


class TaskFailed(Exception):
    """What a failed attempt raises on the worker: args = (message for the user, attempt, seconds to the retry)."""


def error_summary(error: BaseException) -> str:
    """One line for the user: our own errors as they are, others with their type and the frame that raised."""
    if isinstance(error, VectorError):
        return str(error)
    detail = str(error)
    text = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    frames = traceback.extract_tb(error.__traceback__)
    if frames:
        last = frames[-1]
        text += f" (in {os.path.basename(last.filename)}, line {last.lineno}, {last.name})"
    return text


def make_celery_app(
    registry: TaskRegistry,
    broker_url: str,
    result_backend: str | None = None,
    *,
    default_timeout: float = 1800.0,
    queue: str = DEFAULT_QUEUE,
) -> Celery:
    """`result_backend=None` gives a sending-only app (the desktop); the worker passes the Redis URL."""
    app = Celery("vector_desktop", broker=broker_url, backend=result_backend, set_as_current=False)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_accept_content=["json"],
        task_time_limit=default_timeout,
        task_soft_time_limit=soft_limit(default_timeout),
        task_acks_late=False,  # per task: only idempotent ones (below)
        worker_prefetch_multiplier=1,
        task_default_queue=queue,
        task_track_started=False,  # the task stores PROGRESS itself when it starts (with the attempt number)
        broker_connection_retry_on_startup=True,
        broker_connection_timeout=2.0,
        worker_hijack_root_logger=False,
        result_expires=7 * 24 * 3600,
    )
    per_process: dict[int, tuple[Any, Heartbeats]] = {}  # prefork children are separate processes

    def redis_client() -> tuple[Any, Heartbeats]:
        pid = os.getpid()
        if pid not in per_process:
            import redis

            client = redis.Redis.from_url(result_backend or broker_url)
            per_process[pid] = (client, Heartbeats(client))
        return per_process[pid]

    for spec in registry.specs():
        _register(app, spec, default_timeout, redis_client)
    return app


def _register(app: Celery, spec: TaskSpec, default_timeout: float, redis_client: Any) -> None:
    timeout = spec.timeout if spec.timeout is not None else default_timeout

    def run(task: Any, *args: Any, **kwargs: Any) -> Any:
        job_id = str(task.request.id)
        attempt = int(task.request.retries) + 1
        client, heartbeats = redis_client()
        try:
            if heartbeats.begin(job_id, attempt):  # the alive key is what shows the job running on the desktop
                outcome = CANCELLED_STATE
            else:
                context = WorkerContext(
                    job_id,
                    attempt=attempt,
                    timeout_s=timeout,
                    publish=lambda meta: task.update_state(state=PROGRESS_STATE, meta=meta),
                    cancel_flag=lambda: bool(client.exists(CANCEL_PREFIX + job_id)),
                )
                return _attempt(task, spec, context, args, kwargs)
        except _Stopped as stopped:
            outcome = stopped.state
        finally:
            heartbeats.end(job_id)
        task.update_state(state=outcome, meta={"error": "", "attempt": attempt})
        raise Ignore()

    app.task(
        run,
        bind=True,
        name=spec.name,
        time_limit=timeout,
        soft_time_limit=soft_limit(timeout),
        acks_late=spec.idempotent,
        reject_on_worker_lost=spec.idempotent,
        max_retries=spec.retries,
        typing=False,
    )


class _Stopped(Exception):
    """The attempt ended cancelled or timed out (a custom final state, stored by the task itself)."""

    def __init__(self, state: str) -> None:
        super().__init__(state)
        self.state = state


def _attempt(task: Any, spec: TaskSpec, context: WorkerContext, args: Any, kwargs: Any) -> Any:
    """Run the task function once; returns its JSON result or raises _Stopped, Retry or TaskFailed."""
    try:
        value = spec.fn(context, *args, **kwargs)
    except JobCancelled:
        timed_out = context.timed_out and not context.cancel_requested
        raise _Stopped(TIMED_OUT_STATE if timed_out else CANCELLED_STATE) from None
    except (JobTimeout, SoftTimeLimitExceeded):
        raise _Stopped(TIMED_OUT_STATE) from None
    except Exception as problem:
        if context.cancel_requested:
            raise _Stopped(CANCELLED_STATE) from None
        if context.timed_out:
            raise _Stopped(TIMED_OUT_STATE) from None
        text = error_summary(problem)
        if task.request.retries < spec.retries:
            delay = spec.retry_delay(context.attempt)
            raise task.retry(
                exc=TaskFailed(text, context.attempt, delay), countdown=delay, max_retries=spec.retries
            ) from None
        raise TaskFailed(text, context.attempt, 0) from None
    context.flush_progress()
    try:
        return json.loads(json.dumps(value, allow_nan=False))
    except (TypeError, ValueError) as problem:
        message = f"The task finished, but its result ({type(value).__name__}) cannot be saved as JSON."
        raise TaskFailed(f"{message} {problem}", context.attempt, 0) from None
