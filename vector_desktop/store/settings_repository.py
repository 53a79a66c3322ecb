"""Non-secret settings saved from the Settings dialog."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from vector_desktop.config import SPECS
from vector_desktop.store.tables import SettingRow


class SettingsRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def load_all(self) -> dict[str, str]:
        """Saved values of declared, non-secret settings (rows of settings no longer declared are left alone)."""
        with self._sessions() as session:
            rows = session.scalars(select(SettingRow)).all()
        return {row.key: row.value for row in rows if row.key in SPECS and not SPECS[row.key].secret}

    def save(self, values: Mapping[str, str | None]) -> None:
        for key in values:
            spec = SPECS.get(key)
            if spec is None:
                raise ValueError(f"{key} is not a declared setting")
            if spec.secret:
                raise ValueError(f"{key} is a secret and belongs in the keychain")
        with self._sessions.begin() as session:
            for key, value in values.items():
                if value is None:
                    session.execute(delete(SettingRow).where(SettingRow.key == key))
                else:
                    session.merge(SettingRow(key=key, value=value))
