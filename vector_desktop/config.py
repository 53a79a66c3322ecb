"""Resolving the declared settings (settings_specs.py) into a Config.

Precedence (lowest to highest): built-in default < .env file < process environment < saved from the Settings dialog.
Secrets are never kept here: a secret's saved value lives in the keychain (see secrets.py); the resolver only asks
a SecretReader for it. No I/O happens at import time.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from vector_desktop.domain.errors import ConfigError, SettingValueError
from vector_desktop.setting_types import SettingSpec
from vector_desktop.setting_values import format_value, parse_value
from vector_desktop.settings_specs import SETTINGS, SPECS


class Source(enum.Enum):
    DEFAULT = "default"
    DOTENV = ".env file"
    ENVIRONMENT = "environment"
    SAVED = "saved in app"
    KEYCHAIN = "keychain"


class SavedSettings(Protocol):
    """Non-secret values saved from the Settings dialog (kept in the local store)."""

    def load_all(self) -> dict[str, str]: ...

    def save(self, values: Mapping[str, str | None]) -> None: ...


class SecretReader(Protocol):
    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...

    def delete(self, key: str) -> None: ...


def read_dotenv_files(
    paths: Iterable[Path], problems: list[SettingValueError] | None = None
) -> tuple[dict[str, str], dict[str, Path]]:
    """Values from .env files, later files winning; returns values and the file each came from.

    Unreadable files, malformed lines and invalid values are skipped (an invalid value in a later file leaves the
    earlier file's value in place) and, when `problems` is given, described there. Empty values mean "not set".
    """
    import io

    from dotenv import dotenv_values
    from dotenv.parser import parse_stream

    values: dict[str, str] = {}
    origin: dict[str, Path] = {}
    for path in paths:
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            if problems is not None:
                reason = "it is not UTF-8 text" if isinstance(error, UnicodeDecodeError) else error.strerror
                problems.append(SettingValueError(str(path), f"the file could not be read ({reason}); it was ignored"))
            continue
        if problems is not None:
            for binding in parse_stream(io.StringIO(text)):
                if binding.error:
                    problems.append(
                        SettingValueError(
                            f"{path}, line {binding.original.line}",
                            "this line is not NAME=value; it was ignored",
                        )
                    )
        for key, value in dotenv_values(stream=io.StringIO(text)).items():
            if key not in SPECS or value is None or not value.strip():
                continue
            try:
                parse_value(SPECS[key], value)
            except SettingValueError as error:
                if problems is not None:
                    problems.append(SettingValueError(key, f"{error.message} (in {path}; ignored)"))
                continue
            values[key] = value
            origin[key] = path
    return values, origin


_IGNORED = {
    Source.DOTENV: "in a .env file; ignored",
    Source.ENVIRONMENT: "environment variable ignored",
    Source.SAVED: "value saved in the app ignored",
    Source.KEYCHAIN: "value in the keychain ignored",
}


@dataclass
class ResolvedValue:
    value: Any
    source: Source
    origin: str = ""


@dataclass
class Config:
    """The resolved settings. `problems` lists values that were ignored because they were invalid."""

    dotenv: dict[str, str] = field(default_factory=dict)
    dotenv_origin: dict[str, Path] = field(default_factory=dict)
    environ: Mapping[str, str] = field(default_factory=dict)
    saved: dict[str, str] = field(default_factory=dict)
    secrets: SecretReader | None = None
    problems: list[SettingValueError] = field(default_factory=list)
    _cache: dict[str, ResolvedValue] = field(default_factory=dict, repr=False)
    listeners: list[Callable[[set[str]], None]] = field(default_factory=list, repr=False)

    def resolve(self, key: str) -> ResolvedValue:
        if key in self._cache:
            return self._cache[key]
        result = self._layered(SPECS[key], keychain=True)
        self._cache[key] = result
        return result

    def _layered(self, spec: SettingSpec, *, keychain: bool) -> ResolvedValue:
        """The value from .env, the environment, then the keychain (a secret; only with `keychain`) or the saved
        settings; invalid values are ignored and listed in `problems`."""
        key = spec.key
        layers: list[tuple[Source, str, str | None]] = [
            (Source.DOTENV, str(self.dotenv_origin.get(key, "")), self.dotenv.get(key)),
            (Source.ENVIRONMENT, "", self.environ.get(key)),
        ]
        if not spec.secret:
            layers.append((Source.SAVED, "", self.saved.get(key)))
        elif keychain:
            layers.append((Source.KEYCHAIN, "", self.secrets.get(key) if self.secrets else None))
        result = ResolvedValue(spec.default, Source.DEFAULT)
        for source, origin, raw in layers:
            # An empty variable means "not set" (.env.example ships every name with an empty value); only a value
            # saved from the dialog may deliberately be empty.
            if raw is None or (source in (Source.DOTENV, Source.ENVIRONMENT) and not raw.strip()):
                continue
            try:
                result = ResolvedValue(parse_value(spec, raw), source, origin)
            except SettingValueError as error:
                problem = SettingValueError(key, f"{error.message} ({_IGNORED[source]})")
                if not any(p.key == key and str(p) == str(problem) for p in self.problems):
                    self.problems.append(problem)
        return result

    def get(self, key: str) -> Any:
        return self.resolve(key).value

    def get_without_keychain(self, key: str) -> Any:
        """The value as far as it is known without asking the keychain: a secret from .env or the environment only
        (None when it is not there), not cached. For start-up, which must not wait for a locked keychain."""
        spec = SPECS[key]
        if not spec.secret:
            return self.get(key)
        result = self._layered(spec, keychain=False)
        return None if result.source is Source.DEFAULT else result.value

    def source(self, key: str) -> Source:
        return self.resolve(key).source

    def is_set(self, key: str) -> bool:
        return self.resolve(key).source is not Source.DEFAULT and self.get(key) not in ("", None)

    def validate_all(self) -> list[SettingValueError]:
        for spec in SETTINGS:
            if not spec.secret:
                self.resolve(spec.key)
        return list(self.problems)

    def apply_saved(self, values: Mapping[str, Any], store: SavedSettings | None, *, notify: bool = True) -> set[str]:
        """Validate then save values from the Settings dialog; nothing is saved when one value is invalid.

        A value of None removes the saved value (the setting falls back to environment/.env/default); for a secret
        None or "" removes it from the keychain. Blocking (SQLite, keychain): call it off the GUI thread and pass
        notify=False, then call `notify(changed)` on the GUI thread. Returns the keys that changed. A keychain
        failure raises SecretStoreError after everything else was applied (the secret is kept for the session).
        """
        errors: list[SettingValueError] = []
        plain: dict[str, str | None] = {}
        secrets: dict[str, str | None] = {}
        for key, raw in values.items():
            spec = SPECS.get(key)
            if spec is None:
                errors.append(SettingValueError(key, "is not a known setting"))
                continue
            if raw is None:
                (secrets if spec.secret else plain)[key] = None
                continue
            try:
                parsed = parse_value(spec, raw)
            except SettingValueError as error:
                errors.append(error)
                continue
            (secrets if spec.secret else plain)[key] = format_value(spec, parsed)
        if errors:
            raise SettingsRejected(errors)
        if secrets and self.secrets is None:
            raise SettingsRejected([SettingValueError(key, "no keychain to save it in") for key in secrets])
        if plain and store is not None:
            store.save(plain)
        for key, text in plain.items():
            if text is None:
                self.saved.pop(key, None)
            else:
                self.saved[key] = text
        changed = set(values)
        failure: Exception | None = None
        try:
            for key, secret in secrets.items():
                try:
                    if secret:
                        self.secrets.set(key, secret)  # type: ignore[union-attr]
                    else:
                        self.secrets.delete(key)  # type: ignore[union-attr]
                except Exception as error:  # keep applying the rest; report the first failure
                    failure = failure or error
        finally:
            for key in changed:
                self._cache.pop(key, None)
            self.problems = [p for p in self.problems if p.key not in changed]
        if notify:
            self.notify(changed)
        if failure is not None:
            raise failure
        return changed

    def notify(self, changed: set[str]) -> None:
        """Tell listeners which settings changed (call on the thread the listeners expect)."""
        for listener in list(self.listeners):
            listener(changed)


class SettingsRejected(ConfigError):
    def __init__(self, errors: list[SettingValueError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


def load_config(
    dotenv_paths: Iterable[Path],
    environ: Mapping[str, str] | None = None,
    saved: Mapping[str, str] | None = None,
    secrets: SecretReader | None = None,
) -> Config:
    problems: list[SettingValueError] = []
    values, origin = read_dotenv_files(dotenv_paths, problems)
    env = dict(os.environ if environ is None else environ)
    return Config(
        dotenv=values,
        dotenv_origin=origin,
        environ=env,
        saved=dict(saved or {}),
        secrets=secrets,
        problems=problems,
    )
