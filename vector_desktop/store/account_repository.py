"""The cached Google profile (at most one row, id 1): read at start-up so the account menu shows it offline."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from vector_desktop.domain.account import AccountProfile
from vector_desktop.store.tables_account import AccountProfileRow

ROW_ID = 1


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes even for timezone-aware columns; they were written in UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


class AccountRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def load(self) -> AccountProfile | None:
        with self._sessions() as session:
            row = session.get(AccountProfileRow, ROW_ID)
            if row is None:
                return None
            return AccountProfile(
                provider=row.provider,
                subject=row.subject,
                email=row.email,
                name=row.name,
                picture_url=row.picture_url,
                picture=row.picture,
                signed_in_at=_aware(row.signed_in_at),
            )

    def save(self, profile: AccountProfile) -> None:
        with self._sessions.begin() as session:
            row = session.get(AccountProfileRow, ROW_ID)
            if row is None:
                row = AccountProfileRow(id=ROW_ID)
                session.add(row)
            row.provider = profile.provider
            row.subject = profile.subject
            row.email = profile.email
            row.name = profile.name
            row.picture_url = profile.picture_url
            row.picture = profile.picture
            row.signed_in_at = profile.signed_in_at or datetime.now(UTC)

    def clear(self) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(AccountProfileRow))
