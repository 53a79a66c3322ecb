"""The desktop's side of the Celery transport: sending jobs to the broker, cancel flags and revokes, and reading the
states workers store in the Redis result backend (raw keys, one MGET for many jobs). celery, kombu and redis are
imported on first use."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from vector_desktop.domain.jobs import JobRecord
from vector_desktop.jobs.celery_context import ALIVE_PREFIX, CANCEL_PREFIX, FLAG_TTL_S, META_PREFIX, SENT_PREFIX
from vector_desktop.jobs.celery_states import parse_meta
from vector_desktop.jobs.registry import TaskRegistry

log = logging.getLogger(__name__)

POLL_BATCH = 500


def mask_url(url: str) -> str:
    """The URL as it may be shown: the password, if any, replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def broker_down_message(broker_url: str) -> str:
    return f"The job broker ({mask_url(broker_url)}) cannot be reached; the job waits and is sent when it is back."


class CeleryWire:
    def __init__(self, registry: TaskRegistry, broker_url: str, backend_url: str, default_timeout: float) -> None:
        self._registry = registry
        self._broker_url = broker_url
        self._backend_url = backend_url or broker_url
        self._default_timeout = default_timeout
        self._app: Any = None
        self._redis: Any = None

    def redis(self) -> Any:
        if self._redis is None:
            import redis

            self._redis = redis.Redis.from_url(self._backend_url, socket_connect_timeout=2, socket_timeout=5)
        return self._redis

    def celery(self) -> Any:
        if self._app is None:
            from vector_desktop.jobs.celery_app import make_celery_app

            self._app = make_celery_app(self._registry, self._broker_url, None, default_timeout=self._default_timeout)
        return self._app

    def send(self, records: Iterable[JobRecord], sent: Callable[[JobRecord], None]) -> None:
        """Publish each record (its id is the Celery task id), calling `sent(record)` after each; raises when the
        broker cannot be reached (the records not sent yet stay with the caller)."""
        app = self.celery()
        done: list[str] = []
        try:
            with app.producer_or_acquire() as producer:
                for record in records:
                    app.send_task(
                        record.task_name, args=record.args, kwargs=record.kwargs, task_id=record.id,
                        producer=producer, retry=False,
                    )  # fmt: skip
                    done.append(record.id)
                    sent(record)
        finally:
            if done:
                self._mark_sent(done)

    def _mark_sent(self, job_ids: Sequence[str]) -> None:
        try:
            with self.redis().pipeline(transaction=False) as pipe:
                for job_id in job_ids:
                    pipe.set(SENT_PREFIX + job_id, "1", ex=FLAG_TTL_S)
                pipe.execute()
        except Exception:  # only recover() after a restart reads these
            log.debug("could not mark %d job(s) as sent", len(job_ids))

    def were_sent(self, job_ids: Sequence[str]) -> list[bool]:
        if not job_ids:
            return []
        return [flag is not None for flag in self.redis().mget([SENT_PREFIX + i for i in job_ids])]

    def cancel(self, cancels: Sequence[tuple[str, bool]]) -> None:
        """Set each job's cancel flag (the task sees it at its next check), then revoke it (terminate=True only for
        tasks that allow being killed)."""
        client = self.redis()
        for job_id, _terminate in cancels:
            client.set(CANCEL_PREFIX + job_id, "1", ex=FLAG_TTL_S)
        control = self.celery().control
        for job_id, terminate in cancels:
            try:
                control.revoke(job_id, terminate=terminate)
            except Exception:  # the flag alone stops it; revoke only spares the worker the start
                log.debug("could not revoke job %s", job_id)

    def states(self, job_ids: Sequence[str]) -> list[tuple[dict[str, Any] | None, bytes | None]]:
        """For each job: the state a worker stored (None: nothing yet) and its heartbeat (None: not running)."""
        client = self.redis()
        found: list[tuple[dict[str, Any] | None, bytes | None]] = []
        for start in range(0, len(job_ids), POLL_BATCH):
            ids = job_ids[start : start + POLL_BATCH]
            values = client.mget([META_PREFIX + i for i in ids] + [ALIVE_PREFIX + i for i in ids])
            found.extend(
                (parse_meta(raw), alive) for raw, alive in zip(values[: len(ids)], values[len(ids) :], strict=True)
            )
        return found

    def forget(self, job_id: str) -> None:
        self.redis().delete(META_PREFIX + job_id)
