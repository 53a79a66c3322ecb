"""What both job backends' Retry needs: the record of a finished job to run again, from memory or the store."""

from __future__ import annotations

from vector_desktop.domain.errors import JobError
from vector_desktop.domain.jobs import JobRecord, JobRepository

NOT_FINISHED = "This job has not finished yet; cancel it or wait for it before running it again."


def record_to_run_again(job_id: str, live: JobRecord | None, live_final: bool, repository: JobRepository) -> JobRecord:
    """`live`: the job's record while this backend follows it (`live_final`: it has ended), else None and the store
    is read (a job of an earlier session). Raises JobError with a sentence when it cannot run again."""
    if live is not None:
        if not live_final:
            raise JobError(NOT_FINISHED)
        return live
    record = repository.get(job_id)
    if record is None:
        raise JobError("That job no longer exists, so it cannot be run again.")
    if not record.state.finished:
        raise JobError(NOT_FINISHED)
    return record
