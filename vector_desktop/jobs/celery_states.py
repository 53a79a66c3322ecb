"""Reading what a worker stored in Celery's Redis result backend and turning it into job-row changes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from vector_desktop.domain.jobs import JobRecord, JobState
from vector_desktop.jobs.attempt import retry_message, timeout_message

WORKER_LOST_MESSAGE = "The worker running this job stopped before it finished."
WORKER_LOST_RESENT = "The worker running this job stopped; the job was sent again."
REVOKED_STATES = {"REVOKED", "CANCELLED"}


@dataclass
class Outcome:
    """A row change read from the result backend. `final` changes end the job."""

    state: JobState
    changes: dict[str, Any] = field(default_factory=dict)

    @property
    def final(self) -> bool:
        return self.state.finished


def parse_meta(raw: bytes | str | None) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _exception_args(result: Any) -> list[Any]:
    if not isinstance(result, dict):
        return [str(result)] if result else []
    message = result.get("exc_message")
    if isinstance(message, list | tuple):
        return list(message)
    return [] if message is None else [message]


def _failure_text(result: Any) -> str:
    kind = result.get("exc_type", "") if isinstance(result, dict) else ""
    args = _exception_args(result)
    if kind == "TaskFailed" and args:
        return str(args[0])
    detail = str(args[0]) if args else ""
    return f"{kind}: {detail}" if kind and detail else kind or detail or "The job failed on the worker."


def outcome_of(meta: dict[str, Any] | None, record: JobRecord) -> Outcome | None:
    """The change the stored Celery state means for `record`, or None when nothing is stored yet (still queued)."""
    if meta is None:
        return None
    status = str(meta.get("status", ""))
    result = meta.get("result")
    info = result if isinstance(result, dict) else {}
    if status in ("STARTED", "PROGRESS"):
        changes: dict[str, Any] = {
            "progress": float(info.get("fraction", 0.0) or 0.0),
            "progress_text": str(info.get("text", "") or ""),
            "attempts": int(info.get("attempt", record.attempts or 1) or 1),
            "error": "",
        }
        return Outcome(JobState.RUNNING, changes)
    if status == "SUCCESS":
        return Outcome(JobState.SUCCEEDED, {"result": result, "progress": 1.0, "error": "", "progress_text": ""})
    if status == "RETRY":
        args = _exception_args(result)
        attempt = int(args[1]) if len(args) > 1 else record.attempts
        delay = float(args[2]) if len(args) > 2 else 0.0
        text = retry_message(attempt, record.max_retries + 1, delay)
        return Outcome(JobState.QUEUED, {"error": _failure_text(result), "progress_text": text, "attempts": attempt})
    if status in REVOKED_STATES:
        return Outcome(JobState.CANCELLED, {"progress_text": ""})
    if status == "TIMED_OUT":
        return Outcome(JobState.TIMED_OUT, {"error": timeout_message(record.timeout_s)})
    if status == "FAILURE":
        kind = info.get("exc_type", "")
        if kind in ("TimeLimitExceeded", "SoftTimeLimitExceeded"):
            return Outcome(JobState.TIMED_OUT, {"error": timeout_message(record.timeout_s)})
        if kind == "WorkerLostError":
            return Outcome(JobState.FAILED, {"error": WORKER_LOST_MESSAGE})
        args = _exception_args(result)
        changes = {"error": _failure_text(result)}
        if kind == "TaskFailed" and len(args) > 1:
            changes["attempts"] = int(args[1])
        return Outcome(JobState.FAILED, changes)
    return None  # PENDING or a state we do not know: keep waiting
