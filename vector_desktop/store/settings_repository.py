"""Non-secret settings saved from the Settings dialog.

Read with the standard library's sqlite3 (every start reads them before SQLAlchemy is needed: store/engine.py);
written through SQLAlchemy."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import closing
from typing import TYPE_CHECKING

from vector_desktop.config import SPECS

if TYPE_CHECKING:
    from vector_desktop.store.engine import OpenedStore


class SettingsRepository:
    def __init__(self, store: OpenedStore) -> None:
        self._store = store

    def load_all(self) -> dict[str, str]:
        """Saved values of declared, non-secret settings (rows of settings no longer declared are left alone)."""
        with closing(self._store.plain()) as connection:
            rows = connection.execute("SELECT key, value FROM settings").fetchall()
        return {key: value for key, value in rows if key in SPECS and not SPECS[key].secret}

    def save(self, values: Mapping[str, str | None]) -> None:
        from sqlalchemy import delete

        from vector_desktop.store.tables import SettingRow

        for key in values:
            spec = SPECS.get(key)
            if spec is None:
                raise ValueError(f"{key} is not a declared setting")
            if spec.secret:
                raise ValueError(f"{key} is a secret and belongs in the keychain")
        with self._store.sessions.begin() as session:
            for key, value in values.items():
                if value is None:
                    session.execute(delete(SettingRow).where(SettingRow.key == key))
                else:
                    session.merge(SettingRow(key=key, value=value))
