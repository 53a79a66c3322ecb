"""Job rows in the local store: the persisted side of the job pool (vector_desktop.jobs)."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import CursorResult, delete, or_, select
from sqlalchemy.orm import Session, sessionmaker

from vector_desktop.domain.jobs import JobRecord, JobState
from vector_desktop.store.tables import JobRow
from vector_desktop.store.timestamps import aware

_UNFINISHED = (JobState.QUEUED.value, JobState.RUNNING.value)


def _utc(value: datetime | None) -> datetime | None:
    return None if value is None else value.astimezone(UTC)


def _load(text: str | None, default: Any) -> Any:
    if text is None or text == "":
        return default
    return json.loads(text)


def to_record(row: JobRow) -> JobRecord:
    try:
        state = JobState(row.state)
    except ValueError:
        state = JobState.INTERRUPTED
    return JobRecord(
        id=row.id,
        task_name=row.task_name,
        state=state,
        title=row.title or "",
        args=list(_load(row.args_json, [])),
        kwargs=dict(_load(row.kwargs_json, {})),
        progress=row.progress or 0.0,
        progress_text=row.progress_text or "",
        result=_load(row.result_json, None),
        error=row.error or "",
        attempts=row.attempts or 0,
        max_retries=row.max_retries or 0,
        timeout_s=row.timeout_s,
        idempotent=bool(row.idempotent),
        created_at=aware(row.created_at),
        started_at=aware(row.started_at),
        finished_at=aware(row.finished_at),
    )


def _fill(row: JobRow, record: JobRecord) -> JobRow:
    row.task_name = record.task_name
    row.title = record.title
    row.args_json = json.dumps(record.args)
    row.kwargs_json = json.dumps(record.kwargs)
    row.state = record.state.value
    row.progress = record.progress
    row.progress_text = record.progress_text
    row.result_json = None if record.result is None else json.dumps(record.result)
    row.error = record.error
    row.attempts = record.attempts
    row.max_retries = record.max_retries
    row.timeout_s = record.timeout_s
    row.idempotent = record.idempotent
    row.created_at = _utc(record.created_at) or datetime.now(UTC)
    row.started_at = _utc(record.started_at)
    row.finished_at = _utc(record.finished_at)
    return row


class JobRepository:
    """Implements vector_desktop.domain.jobs.JobRepository. Blocking: call it from worker threads."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def insert(self, record: JobRecord) -> None:
        with self._sessions.begin() as session:
            session.add(_fill(JobRow(id=record.id), record))

    def update(self, record: JobRecord) -> None:
        self.save_many([record])

    def save_many(self, records: Sequence[JobRecord]) -> None:
        if not records:
            return
        with self._sessions.begin() as session:
            ids = [record.id for record in records]
            existing = {row.id: row for row in session.scalars(select(JobRow).where(JobRow.id.in_(ids)))}
            for record in records:
                row = existing.get(record.id)
                if row is None:
                    row = JobRow(id=record.id)
                    session.add(row)
                    existing[record.id] = row
                _fill(row, record)

    def get(self, job_id: str) -> JobRecord | None:
        with self._sessions() as session:
            row = session.get(JobRow, job_id)
            return None if row is None else to_record(row)

    def list_recent(self, limit: int = 200) -> list[JobRecord]:
        with self._sessions() as session:
            rows = session.scalars(select(JobRow).order_by(JobRow.created_at.desc(), JobRow.id).limit(limit))
            return [to_record(row) for row in rows]

    def mark_interrupted(self, message: str, *, exclude: Collection[str] = ()) -> list[JobRecord]:
        now = datetime.now(UTC)
        with self._sessions.begin() as session:
            query = select(JobRow).where(JobRow.state.in_(_UNFINISHED))
            if exclude:
                query = query.where(JobRow.id.not_in(list(exclude)))
            rows = list(session.scalars(query.order_by(JobRow.created_at)))
            for row in rows:
                row.state = JobState.INTERRUPTED.value
                row.error = message
                row.finished_at = now
            session.flush()
            return [to_record(row) for row in rows]

    def delete_finished(self, older_than: datetime | None = None) -> int:
        statement = delete(JobRow).where(JobRow.state.not_in(_UNFINISHED))
        if older_than is not None:
            cutoff = _utc(older_than)
            statement = statement.where(or_(JobRow.finished_at.is_(None), JobRow.finished_at <= cutoff))
        with self._sessions.begin() as session:
            result = session.execute(statement)
            return result.rowcount if isinstance(result, CursorResult) else 0

    def delete(self, job_id: str) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(JobRow).where(JobRow.id == job_id))
