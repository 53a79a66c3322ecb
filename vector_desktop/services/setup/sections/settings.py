"""Settings in a setup: the values saved from the Settings dialog and the secret settings in the keychain.

Values that come from the environment or a .env file belong to that machine and are not exported; neither are
ENCRYPTION_KEY (it protects the file itself) nor the app's internal settings ("question answered"). Matched by key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from vector_desktop.config import SPECS, SavedSettings
from vector_desktop.domain.errors import SettingValueError
from vector_desktop.domain.setup_transfer import SetupChange
from vector_desktop.services.setup.sections.common import SecretKeeper, broken, change
from vector_desktop.setting_types import SettingSpec
from vector_desktop.setting_values import format_value, parse_value

NOT_EXPORTED = frozenset({"ENCRYPTION_KEY"})
SHOWN_CHARS = 40


class SettingsWriter(Protocol):
    """config.Config's way of saving values (validated, plain ones to the store, secret ones to the keychain)."""

    def apply_saved(
        self, values: Mapping[str, Any], store: SavedSettings | None, *, notify: bool = True
    ) -> set[str]: ...


def _portable(spec: SettingSpec | None) -> bool:
    return spec is not None and not spec.internal and spec.key not in NOT_EXPORTED


def _shown(value: str) -> str:
    value = value or "(not set)"
    return value if len(value) <= SHOWN_CHARS else value[: SHOWN_CHARS - 1] + "…"


class SettingsSection:
    name = "settings"
    title = "Settings"

    def __init__(self, saved: SavedSettings, secrets: SecretKeeper, writer: SettingsWriter) -> None:
        self._saved = saved
        self._secrets = secrets
        self._writer = writer

    def _current(self) -> dict[str, str]:
        values = {k: v for k, v in self._saved.load_all().items() if _portable(SPECS.get(k))}
        for key, spec in SPECS.items():
            if spec.secret and _portable(spec):
                secret = self._secrets.get(key)
                if secret:
                    values[key] = secret
        return values

    def export(self) -> dict[str, Any]:
        return {"values": dict(sorted(self._current().items()))}

    def _wanted(self, data: Mapping[str, Any]) -> dict[str, str]:
        """The file's values for settings this version knows (a newer version's extra keys are left out)."""
        values = data.get("values", {})
        if not isinstance(values, Mapping):
            raise broken(self.title, "“values” is not a table of settings")
        wanted: dict[str, str] = {}
        for key, raw in values.items():
            spec = SPECS.get(key)
            if not _portable(spec) or spec is None:
                continue
            if not isinstance(raw, str):
                raise broken(self.title, f"the value of {key} is not text")
            try:
                wanted[key] = format_value(spec, parse_value(spec, raw))
            except SettingValueError as error:  # parse_value never quotes a secret
                raise broken(self.title, str(error)) from None
        return wanted

    def plan(self, data: Mapping[str, Any]) -> list[SetupChange]:
        current = self._current()
        changes = []
        for key, value in self._wanted(data).items():
            here = current.get(key)
            details: list[str] = []
            if here is not None and here != value:
                details = ["secret value"] if SPECS[key].secret else [f"{_shown(here)} → {_shown(value)}"]
            changes.append(change(self.name, key, here is not None, details))
        return changes

    def apply(self, data: Mapping[str, Any]) -> None:
        current = self._current()
        changed = {key: value for key, value in self._wanted(data).items() if current.get(key) != value}
        if changed:
            self._writer.apply_saved(changed, self._saved, notify=False)
