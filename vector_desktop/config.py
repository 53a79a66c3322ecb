"""Typed settings, declared once.

Precedence (lowest to highest): built-in default < .env file < process environment < saved from the Settings dialog.
Secrets are never kept here: a secret's saved value lives in the keychain (see secrets.py); the resolver only asks
a SecretReader for it. No I/O happens at import time.
"""

from __future__ import annotations

import enum
import math
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from vector_desktop.domain.errors import ConfigError, SettingValueError


class Kind(enum.Enum):
    TEXT = "text"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    URL = "url"
    PORT = "port"
    CHOICE = "choice"
    EMAIL = "email"


class Group(enum.Enum):
    AI = "AI"
    STORAGE = "Storage"
    CONNECTORS = "Connectors"
    EMAIL = "Email"
    ACCOUNT = "Account"
    PRIVACY = "Privacy"
    ADVANCED = "Advanced"


class Source(enum.Enum):
    DEFAULT = "default"
    DOTENV = ".env file"
    ENVIRONMENT = "environment"
    SAVED = "saved in app"
    KEYCHAIN = "keychain"


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: Kind
    default: Any
    label: str
    description: str
    group: Group
    secret: bool = False
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    allow_empty: bool = True
    internal: bool = False  # kept by the app itself (e.g. "question answered"), not shown in the Settings dialog


def _spec(key: str, kind: Kind, default: Any, label: str, description: str, group: Group, **kw: Any) -> SettingSpec:
    return SettingSpec(key, kind, default, label, description, group, **kw)


H = 3600
# The single declaration of every setting the app reads. Keys are the environment variable names.
SETTINGS: tuple[SettingSpec, ...] = (
    # AI
    _spec(
        "OPENROUTER_API_KEY",
        Kind.TEXT,
        "",
        "OpenRouter API key",
        "Key for OpenRouter, the primary AI provider.",
        Group.AI,
        secret=True,
    ),
    _spec(
        "OPENROUTER_APP_NAME",
        Kind.TEXT,
        "Vector Desktop",
        "App name sent to OpenRouter",
        "Shown as the app's name in OpenRouter's attribution (X-OpenRouter-Title).",
        Group.AI,
    ),
    _spec(
        "OPENROUTER_BASE_URL",
        Kind.URL,
        "https://openrouter.ai/api/v1",
        "OpenRouter base URL",
        "Base URL of the OpenRouter API.",
        Group.AI,
        allow_empty=False,
    ),
    _spec(
        "OPENAI_API_KEY",
        Kind.TEXT,
        "",
        "OpenAI API key",
        "Used when OpenRouter is not configured.",
        Group.AI,
        secret=True,
    ),
    _spec(
        "OPENAI_BASE_URL",
        Kind.URL,
        "https://api.openai.com/v1",
        "OpenAI base URL",
        "Base URL of the OpenAI API.",
        Group.AI,
        allow_empty=False,
    ),
    _spec(
        "VECTOR_DEFAULT_MODEL",
        Kind.TEXT,
        "",
        "Default model",
        "Model id for new conversations; empty picks the on-device model when no provider is configured.",
        Group.AI,
    ),
    _spec(
        "VECTOR_LOCAL_MODEL_PATH",
        Kind.TEXT,
        "",
        "On-device model file",
        "Path of a GGUF model file; empty uses the bundled SmolLM2-135M-Instruct.",
        Group.AI,
    ),
    _spec(
        "VECTOR_REQUEST_TIMEOUT",
        Kind.FLOAT,
        120.0,
        "AI request timeout (s)",
        "Seconds to wait for an AI server before giving up.",
        Group.AI,
        minimum=1,
        maximum=3600,
    ),
    # Storage
    _spec(
        "R2_ACCESS_KEY_ID",
        Kind.TEXT,
        "",
        "R2 access key id",
        "Access key id of the R2/S3 bucket.",
        Group.STORAGE,
        secret=True,
    ),
    _spec(
        "R2_SECRET_ACCESS_KEY",
        Kind.TEXT,
        "",
        "R2 secret access key",
        "Secret key of the R2/S3 bucket.",
        Group.STORAGE,
        secret=True,
    ),
    _spec("R2_BUCKET_NAME", Kind.TEXT, "", "Bucket name", "Bucket that holds your files.", Group.STORAGE),
    _spec(
        "R2_ENDPOINT_URL",
        Kind.URL,
        "",
        "Endpoint URL",
        "S3-compatible endpoint, e.g. https://<account>.r2.cloudflarestorage.com.",
        Group.STORAGE,
    ),
    _spec(
        "R2_PRESIGNED_URL_EXPIRY",
        Kind.INT,
        H,
        "Link expiry (s)",
        "Lifetime of links copied in the app (default 1 hour).",
        Group.STORAGE,
        minimum=1,
        maximum=7 * 24 * H,
    ),
    _spec(
        "R2_PRESIGNED_URL_EXPIRY_API",
        Kind.INT,
        24 * H,
        "Link expiry for AI / command line (s)",
        "Lifetime of links handed to the AI or printed by the command line (default 24 hours).",
        Group.STORAGE,
        minimum=1,
        maximum=7 * 24 * H,
    ),
    _spec(
        "VECTOR_STORAGE_BACKEND",
        Kind.CHOICE,
        "auto",
        "Storage backend",
        "auto uses R2 when configured, else the local folder.",
        Group.STORAGE,
        choices=("auto", "r2", "local"),
    ),
    # Connectors
    _spec(
        "MERGE_ACCESS_KEY",
        Kind.TEXT,
        "",
        "Merge access key",
        "Bearer key for Merge Agent Handler.",
        Group.CONNECTORS,
        secret=True,
    ),
    _spec(
        "MERGE_TOOL_PACK_ID",
        Kind.TEXT,
        "",
        "Merge tool pack id",
        "Tool pack whose connectors the AI may use.",
        Group.CONNECTORS,
    ),
    _spec(
        "MERGE_API_TIMEOUT",
        Kind.FLOAT,
        30.0,
        "Merge API timeout (s)",
        "Seconds to wait for Merge.",
        Group.CONNECTORS,
        minimum=1,
        maximum=600,
    ),
    _spec(
        "MERGE_BASE_URL",
        Kind.URL,
        "https://ah-api.merge.dev/api/v1",
        "Merge base URL",
        "Agent Handler API base (EU: https://ah-api-eu.merge.dev/api/v1).",
        Group.CONNECTORS,
        allow_empty=False,
    ),
    _spec(
        "MERGE_REGISTERED_USER_ID",
        Kind.TEXT,
        "",
        "Merge registered user id",
        "Registered user for tool calls; empty creates one for this profile.",
        Group.CONNECTORS,
    ),
    _spec(
        "DATABASE_URL",
        Kind.TEXT,
        "",
        "Default database connection",
        "A database the AI may query (postgresql://, mysql://); more can be added in Connectors.",
        Group.CONNECTORS,
        secret=True,
    ),
    _spec(
        "DATABASE_QUERY_TIMEOUT",
        Kind.INT,
        300,
        "Query time limit (s)",
        "Seconds a database statement may run before the server stops it; 0 means no limit.",
        Group.CONNECTORS,
        minimum=0,
        maximum=24 * H,
    ),
    # Email
    _spec("EMAIL_HOST", Kind.TEXT, "smtp.resend.com", "SMTP host", "Server that sends email.", Group.EMAIL),
    _spec("EMAIL_PORT", Kind.PORT, 465, "SMTP port", "465 uses implicit TLS (Resend).", Group.EMAIL),
    _spec(
        "EMAIL_SECURITY",
        Kind.CHOICE,
        "auto",
        "SMTP security",
        "auto: implicit TLS on 465, STARTTLS on 587. 'none' sends in plain text (unsafe).",
        Group.EMAIL,
        choices=("auto", "tls", "starttls", "none"),
    ),
    _spec("EMAIL_HOST_USER", Kind.TEXT, "resend", "SMTP user", "User name for the SMTP server.", Group.EMAIL),
    _spec(
        "EMAIL_HOST_PASSWORD",
        Kind.TEXT,
        "",
        "SMTP password",
        "Password or Resend API key.",
        Group.EMAIL,
        secret=True,
    ),
    _spec("DEFAULT_FROM_EMAIL", Kind.EMAIL, "", "From address", "Sender address of outgoing email.", Group.EMAIL),
    # Account
    _spec(
        "GOOGLE_OAUTH_CLIENT_ID",
        Kind.TEXT,
        "",
        "Google client id",
        "OAuth client for Google sign-in.",
        Group.ACCOUNT,
    ),
    _spec(
        "GOOGLE_OAUTH_CLIENT_SECRET",
        Kind.TEXT,
        "",
        "Google client secret",
        "OAuth client secret.",
        Group.ACCOUNT,
        secret=True,
    ),
    _spec(
        "GOOGLE_OAUTH_REDIRECT_URI",
        Kind.URL,
        "",
        "Google redirect URI",
        "Loopback redirect; empty picks a free port on 127.0.0.1.",
        Group.ACCOUNT,
    ),
    # Privacy
    _spec(
        "VECTOR_CRASH_REPORTS",
        Kind.BOOL,
        False,
        "Send crash reports",
        "Send error reports to Sentry (needs SENTRY_DSN). Secrets and personal paths are removed first.",
        Group.PRIVACY,
    ),
    _spec(
        "VECTOR_ANALYTICS",
        Kind.BOOL,
        False,
        "Send usage analytics",
        "Send anonymous usage events to Mixpanel (needs MIXPANEL_TOKEN).",
        Group.PRIVACY,
    ),
    _spec(
        "VECTOR_PRIVACY_ASKED",
        Kind.BOOL,
        False,
        "Privacy question answered",
        "Set once the first-run question about crash reports and analytics was answered.",
        Group.PRIVACY,
        internal=True,
    ),
    _spec("SENTRY_DSN", Kind.URL, "", "Sentry DSN", "Where crash reports go.", Group.PRIVACY),
    _spec(
        "SENTRY_ENVIRONMENT",
        Kind.TEXT,
        "desktop",
        "Sentry environment",
        "Environment tag on reports.",
        Group.PRIVACY,
    ),
    _spec("MIXPANEL_TOKEN", Kind.TEXT, "", "Mixpanel token", "Project token for analytics.", Group.PRIVACY),
    _spec(
        "MIXPANEL_API_HOST",
        Kind.TEXT,
        "api.mixpanel.com",
        "Mixpanel API host",
        "Host (and port) events are sent to.",
        Group.PRIVACY,
    ),
    # Advanced
    _spec(
        "VECTOR_THEME",
        Kind.CHOICE,
        "system",
        "Theme",
        "Follow the system, or force light or dark.",
        Group.ADVANCED,
        choices=("system", "light", "dark"),
    ),
    _spec(
        "VECTOR_JOB_WORKERS",
        Kind.INT,
        4,
        "Background workers",
        "Threads that run background jobs.",
        Group.ADVANCED,
        minimum=1,
        maximum=32,
    ),
    _spec(
        "VECTOR_JOB_TIMEOUT",
        Kind.INT,
        30 * 60,
        "Job time limit (s)",
        "Default time limit of a background job (30 minutes, like the web app's Celery).",
        Group.ADVANCED,
        minimum=1,
        maximum=24 * H,
    ),
    _spec(
        "VECTOR_LOG_LEVEL",
        Kind.CHOICE,
        "INFO",
        "Log level",
        "Detail of the log file.",
        Group.ADVANCED,
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
    ),
    _spec(
        "VECTOR_CONNECTIVITY_URL",
        Kind.URL,
        "",
        "Connectivity check URL",
        "Optional URL probed to decide online/offline; empty checks the configured AI provider.",
        Group.ADVANCED,
    ),
    _spec(
        "CELERY_BROKER_URL",
        Kind.TEXT,
        "",
        "Celery broker",
        "When set (e.g. redis://127.0.0.1:6379/0), tasks allowed to leave this machine run on Celery workers "
        "(vector-desktop worker); the rest stay in the app's job pool. Takes effect at the next start.",
        Group.ADVANCED,
    ),
    _spec(
        "CELERY_RESULT_BACKEND",
        Kind.TEXT,
        "",
        "Celery result backend",
        "Redis URL where workers keep job states; empty means the broker's. Results are also kept in the local store.",
        Group.ADVANCED,
    ),
    _spec(
        "ENCRYPTION_KEY",
        Kind.TEXT,
        "",
        "Encryption key",
        "Encrypts exported setups and, without an OS keychain, the secrets vault in the profile.",
        Group.ADVANCED,
        secret=True,
    ),
)

SPECS: Mapping[str, SettingSpec] = {spec.key: spec for spec in SETTINGS}


def parse_value(spec: SettingSpec, raw: Any) -> Any:
    """Turn text (or an already typed value) into the setting's type; raises SettingValueError with a message.

    A secret's value is never quoted in the message.
    """
    try:
        return _parse(spec, raw)
    except SettingValueError as error:
        text = raw.strip() if isinstance(raw, str) else ""
        if spec.secret and text and text in error.message:
            raise SettingValueError(spec.key, error.message.replace(text, "••••")) from None
        raise


def _parse(spec: SettingSpec, raw: Any) -> Any:
    if isinstance(raw, str):
        raw = raw.strip()
    if raw is None or raw == "":
        if spec.kind is Kind.BOOL:
            return False
        if spec.kind in (Kind.TEXT, Kind.URL, Kind.EMAIL) and spec.allow_empty:
            return ""
        if spec.kind in (Kind.INT, Kind.FLOAT, Kind.PORT) and spec.allow_empty:
            return spec.default
        raise SettingValueError(spec.key, "a value is required")
    kind = spec.kind
    if kind is Kind.BOOL:
        if isinstance(raw, bool):
            return raw
        text = str(raw).lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise SettingValueError(spec.key, f"'{raw}' is not yes/no (use true or false)")
    if kind in (Kind.INT, Kind.PORT, Kind.FLOAT):
        try:
            number: float = float(raw) if kind is Kind.FLOAT else int(str(raw), 10)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            what = "a number" if kind is Kind.FLOAT else "a whole number"
            raise SettingValueError(spec.key, f"'{raw}' is not {what}")
        low, high = (1, 65535) if kind is Kind.PORT else (spec.minimum, spec.maximum)
        if (low is not None and number < low) or (high is not None and number > high):
            noun = "a port" if kind is Kind.PORT else "a value"
            raise SettingValueError(spec.key, f"{raw} is out of range for {noun} ({_fmt(low)} to {_fmt(high)})")
        return number
    text = str(raw)
    if kind is Kind.URL:
        if any(ch.isspace() or ord(ch) < 32 for ch in text):
            raise SettingValueError(spec.key, f"'{text}' is not a web address (it contains spaces)")
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SettingValueError(spec.key, f"'{text}' is not a web address (http:// or https://)")
        try:
            _ = parts.port
        except ValueError:
            raise SettingValueError(spec.key, f"'{text}' has an invalid port") from None
        return text
    if kind is Kind.EMAIL:
        address = text.split("<")[-1].rstrip(">") if "<" in text else text
        local, _, domain = address.rpartition("@")
        labels = domain.split(".")
        if (
            not local
            or "@" in local
            or len(labels) < 2
            or not all(labels)
            or any(ch.isspace() or ord(ch) < 32 for ch in address)
        ):
            raise SettingValueError(spec.key, f"'{text}' is not an email address")
        return text
    if kind is Kind.CHOICE:
        for choice in spec.choices:
            if choice.lower() == text.lower():
                return choice
        raise SettingValueError(spec.key, f"'{text}' is not one of {', '.join(spec.choices)}")
    if any(ord(ch) < 32 for ch in text):
        raise SettingValueError(spec.key, "control characters are not allowed")
    return text


def _fmt(value: float | None) -> str:
    return "any" if value is None else f"{value:g}"


def format_value(spec: SettingSpec, value: Any) -> str:
    if spec.kind is Kind.BOOL:
        return "true" if value else "false"
    if spec.kind is Kind.FLOAT:
        return f"{value:.15g}"
    return str(value)


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
        spec = SPECS[key]
        layers: list[tuple[Source, str, str | None]] = [
            (Source.DOTENV, str(self.dotenv_origin.get(key, "")), self.dotenv.get(key)),
            (Source.ENVIRONMENT, "", self.environ.get(key)),
        ]
        if spec.secret:
            layers.append((Source.KEYCHAIN, "", self.secrets.get(key) if self.secrets else None))
        else:
            layers.append((Source.SAVED, "", self.saved.get(key)))
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
        self._cache[key] = result
        return result

    def get(self, key: str) -> Any:
        return self.resolve(key).value

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
