"""One attempt of a pool job: call the task and turn how it ended into the state, result and error of its row."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from vector_desktop.domain.errors import JobCancelled, JobTimeout, VectorError
from vector_desktop.domain.jobs import JobState
from vector_desktop.jobs.context import RunContext, describe_seconds

log = logging.getLogger(__name__)


def timeout_message(timeout_s: float) -> str:
    return f"The job took longer than its time limit of {describe_seconds(timeout_s)} and was stopped."


def retry_message(attempt: int, attempts_allowed: int, delay_s: float) -> str:
    return f"Attempt {attempt} of {attempts_allowed} failed; trying again in {describe_seconds(round(delay_s, 2))}."


def error_text(error: BaseException) -> str:
    if isinstance(error, VectorError):
        return str(error)
    detail = str(error)
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


@dataclass(frozen=True)
class AttemptEnd:
    state: JobState
    result: Any = None
    error: str = ""
    retryable: bool = False  # failed by an error of its own: worth another attempt when retries are left


def run_attempt(
    fn: Callable[..., Any],
    context: RunContext,
    args: Sequence[Any],
    kwargs: Mapping[str, Any],
    *,
    timeout_s: float,
    label: str,
) -> AttemptEnd:
    """Run `fn(context, *args, **kwargs)` once. A BaseException that is not an Exception (e.g. SystemExit) is not
    caught here: the caller records it as failed and lets it propagate. `label` names the attempt in the log."""
    try:
        value = fn(context, *args, **kwargs)
        try:
            result = json.loads(json.dumps(value, allow_nan=False))
        except (TypeError, ValueError) as problem:
            return AttemptEnd(
                JobState.FAILED,
                error=f"The task finished, but its result ({type(value).__name__}) cannot be saved as JSON: {problem}.",
            )
        return AttemptEnd(JobState.SUCCEEDED, result)
    except JobCancelled:
        if context.timed_out and not context.cancel_requested:  # stopped because `cancelled` saw the deadline
            return AttemptEnd(JobState.TIMED_OUT, error=timeout_message(timeout_s))
        return AttemptEnd(JobState.CANCELLED)
    except JobTimeout:
        return AttemptEnd(JobState.TIMED_OUT, error=timeout_message(timeout_s))
    except Exception as problem:
        if context.cancel_requested:
            return AttemptEnd(JobState.CANCELLED)
        if context.timed_out:
            return AttemptEnd(JobState.TIMED_OUT, error=timeout_message(timeout_s))
        log.warning("%s failed", label, exc_info=True)
        return AttemptEnd(JobState.FAILED, error=error_text(problem), retryable=True)
