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
        with self._sessions() as session:
            return {row.key: row.value for row in session.scalars(select(SettingRow))}

    def save(self, values: Mapping[str, str | None]) -> None:
        for key in values:
            if SPECS[key].secret:
                raise ValueError(f"{key} is a secret and belongs in the keychain")
        with self._sessions.begin() as session:
            for key, value in values.items():
                if value is None:
                    session.execute(delete(SettingRow).where(SettingRow.key == key))
                else:
                    session.merge(SettingRow(key=key, value=value))
