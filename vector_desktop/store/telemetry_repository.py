"""The analytics outbox: events wait here (also while offline) until the flush job sends them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from vector_desktop.store.tables import TelemetryEventRow
from vector_desktop.store.timestamps import aware


@dataclass(frozen=True)
class QueuedEvent:
    id: int
    event: str
    distinct_id: str
    properties_json: str
    created_at: datetime
    attempts: int


class TelemetryRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def add(self, event: str, distinct_id: str, properties_json: str) -> int:
        with self._sessions.begin() as session:
            row = TelemetryEventRow(event=event, distinct_id=distinct_id, properties_json=properties_json)
            session.add(row)
            session.flush()
            return row.id

    def pending(self, limit: int, after_id: int = 0) -> list[QueuedEvent]:
        """Oldest first."""
        with self._sessions() as session:
            rows = session.scalars(
                select(TelemetryEventRow)
                .where(TelemetryEventRow.id > after_id)
                .order_by(TelemetryEventRow.id)
                .limit(limit)
            )
            return [
                QueuedEvent(r.id, r.event, r.distinct_id, r.properties_json, aware(r.created_at), r.attempts)
                for r in rows
            ]

    def count(self) -> int:
        with self._sessions() as session:
            return int(session.scalar(select(func.count()).select_from(TelemetryEventRow)) or 0)

    def delete(self, ids: Sequence[int]) -> None:
        if not ids:
            return
        with self._sessions.begin() as session:
            session.execute(delete(TelemetryEventRow).where(TelemetryEventRow.id.in_(list(ids))))

    def mark_failed(self, ids: Sequence[int]) -> None:
        if not ids:
            return
        with self._sessions.begin() as session:
            session.execute(
                update(TelemetryEventRow)
                .where(TelemetryEventRow.id.in_(list(ids)))
                .values(attempts=TelemetryEventRow.attempts + 1)
            )

    def clear(self) -> int:
        with self._sessions.begin() as session:
            return _rowcount(session.execute(delete(TelemetryEventRow)))

    def drop_stale(self, created_before: datetime, max_attempts: int) -> int:
        """Drop events too old to be accepted, or refused too often."""
        with self._sessions.begin() as session:
            result = session.execute(
                delete(TelemetryEventRow).where(
                    or_(TelemetryEventRow.created_at < created_before, TelemetryEventRow.attempts >= max_attempts)
                )
            )
            return _rowcount(result)

    def trim(self, keep: int) -> int:
        """Keep only the newest `keep` events."""
        with self._sessions.begin() as session:
            newest = select(TelemetryEventRow.id).order_by(TelemetryEventRow.id.desc()).limit(keep)
            result = session.execute(delete(TelemetryEventRow).where(TelemetryEventRow.id.not_in(newest)))
            return _rowcount(result)


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
