"""The Storage settings group's "Test connection": a throwaway service from the values typed in the dialog."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from vector_desktop.config import SPECS
from vector_desktop.domain.errors import SettingValueError
from vector_desktop.domain.storage import StorageError
from vector_desktop.presentation.storage.storage_texts import problem_text, tr
from vector_desktop.services.storage.cloud_storage_service import (
    BACKEND_SETTINGS,
    CloudStorageService,
    SettingsReader,
    missing_r2_settings,
)
from vector_desktop.setting_values import parse_value


class _Overlay:
    """Settings as typed (not saved yet) over the saved ones."""

    def __init__(self, base: SettingsReader, typed: Mapping[str, Any]) -> None:
        self._base = base
        self._typed = typed

    def get(self, key: str) -> Any:
        if key in self._typed:
            return self._typed[key]
        return self._base.get(key)


class StorageSettingsTester:
    """The Storage group's "Test connection" action: builds a throwaway service from the values in the dialog
    (typed ones win; the others come from the settings, secrets from the keychain) and asks it to connect.

    Returns a sentence on success; raises StorageError whose message starts with what failed."""

    def __init__(self, settings: SettingsReader, local_root: Path) -> None:
        self._settings = settings
        self._local_root = Path(local_root)

    async def __call__(self, values: Mapping[str, str | None]) -> str:
        typed: dict[str, Any] = {}
        for key, text in values.items():
            if key not in BACKEND_SETTINGS:
                continue
            try:
                typed[key] = parse_value(SPECS[key], text or "")
            except SettingValueError as error:
                raise StorageError(error.message) from None
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, self._test, _Overlay(self._settings, typed))

    def _test(self, settings: SettingsReader) -> str:
        service = CloudStorageService(settings, local_root=self._local_root)
        try:
            mode = str(settings.get("VECTOR_STORAGE_BACKEND") or "auto").lower()
            missing = missing_r2_settings(settings)
            try:
                message = service.test_connection()
            except StorageError as error:
                raise StorageError(problem_text(error)) from None
            if mode == "auto" and missing:
                return (
                    tr("R2 is not set up (%1 missing), so files are kept in the local folder. %2")
                    .replace("%1", ", ".join(missing))
                    .replace("%2", message)
                )
            return message
        finally:
            service.close()
