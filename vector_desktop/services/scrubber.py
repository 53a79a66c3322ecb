"""One scrubber for logs, Sentry events and analytics payloads: secrets and personal paths never leave the machine.

It removes, in this order: secret values the app knows (keychain, environment, .env), values of keys that look
secret (api_key=..., "password": ..., X-Amz-Signature=...), key-shaped strings (Bearer tokens, sk-/pk_ keys, AWS
keys), passwords in URLs, and finally the home directory (→ ``~``) and the user's name.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

from vector_desktop.config import SETTINGS, Config

REDACTED = "[REDACTED]"
USER = "[user]"
_MIN_SECRET_LENGTH = 4  # shorter values would blank out ordinary words
# Account names too generic to be personal; replacing them would mangle ordinary text.
_GENERIC_USERS = frozenset(
    {"root", "user", "users", "admin", "administrator", "test", "guest", "runner", "ubuntu", "debian", "app", "home"}
)

# Parts of a key name that mark its value as secret ("x-api-key", "AWSAccessKeyId", "client_secret", ...).
_SECRET_KEY_FRAGMENTS = (
    "password",
    "passwd",
    "passphrase",
    "secret",
    "apikey",
    "accesskey",
    "privatekey",
    "secretkey",
    "authorization",
    "credential",
    "signature",
    "cookie",
    "sessionid",
    "encryptionkey",
)
_SECRET_KEY_WORDS = frozenset({"token", "auth", "pwd", "sig", "dsn", "bearer", "jwt"})
_KEY_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")


def is_secret_key(name: str) -> bool:
    """Whether a dict key / parameter name says its value is secret."""
    words = [w.lower() for w in _KEY_SPLIT.split(name) if w]
    joined = "".join(words)
    if any(fragment in joined for fragment in _SECRET_KEY_FRAGMENTS):
        return True
    return any(w in _SECRET_KEY_WORDS or w.endswith("token") for w in words)


# A key and its separator, anchored at word starts (linear time on long unbroken text); the value is matched
# separately only for secret-looking keys, so a harmless "https:" never swallows a secret parameter after it.
_KEY_SEP = re.compile(r"""(?<![\w.-])(?P<key>[A-Za-z_][\w.-]*)["']?\s*[:=]\s*["']?""")
_VALUE = re.compile(r"""(?!\[REDACTED\]|(?i:bearer|basic|token)\s)[^\s"'&,;<>)\]}]+""")
_SHAPED_SECRETS = (
    # Authorization schemes followed by a credential.
    re.compile(r"(?i)\b(?P<keep>(?:bearer|basic|token)\s+)(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{8,}"),
    # OpenAI / OpenRouter / Anthropic style: sk-..., sk-proj-..., sk-or-v1-...
    re.compile(r"\bsk-[A-Za-z0-9_-]{16,}"),
    # Stripe / Mixpanel-like publishable and secret keys: pk_live_..., sk_test_..., rk_...
    re.compile(r"\b(?:pk|sk|rk)_(?:live_|test_)?[A-Za-z0-9]{16,}"),
    # AWS access key ids and 40-character secret keys (mixed case + digit, so hex hashes are kept).
    re.compile(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\b"),
    re.compile(
        r"(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[0-9])"
        r"[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"
    ),
    # Google API keys, GitHub and Slack tokens, JWTs.
    re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}\b"),
    re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b"),
    re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
)
_URL_PASSWORD = re.compile(r"(?i)(?<![a-z0-9+.-])(?P<head>[a-z][a-z0-9+.-]*://[^/\s:@]*:)(?P<password>[^/\s@]+)@")
_OTHER_HOMES = re.compile(r"(?P<head>/home/|/Users/|[A-Za-z]:\\Users\\|[A-Za-z]:/Users/)(?P<name>[^/\\\s:\"']+)")


class SecretSource(Protocol):
    def known_values(self) -> Iterable[str]: ...


class Scrubber:
    """Thread-safe; cheap enough to run on every log record."""

    def __init__(self, secret_values: Callable[[], Iterable[str]], home: Path, user_name: str | None = None) -> None:
        self._secret_values = secret_values
        self._lock = threading.Lock()
        self._known: frozenset[str] = frozenset()
        self._known_pattern: re.Pattern[str] | None = None
        homes = {str(home), home.as_posix()}
        with contextlib.suppress(OSError):
            homes.add(str(home.resolve()))
        homes = {h.rstrip("/\\") for h in homes if len(h.rstrip("/\\")) > 1}
        self._home_pattern = (
            re.compile("|".join(re.escape(h) for h in sorted(homes, key=len, reverse=True)) + r"(?![\w-])")
            if homes
            else None
        )
        name = user_name if user_name is not None else _current_user()
        self._user_pattern = (
            re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", re.IGNORECASE)
            if name and len(name) >= 3 and name.lower() not in _GENERIC_USERS
            else None
        )

    def _secret_pattern(self) -> re.Pattern[str] | None:
        try:
            values = frozenset(v for v in self._secret_values() if v and len(v) >= _MIN_SECRET_LENGTH)
        except Exception:  # the scrubber must never make logging fail
            values = self._known
        with self._lock:
            if values != self._known:
                self._known = values
                ordered = sorted(values, key=len, reverse=True)  # longest first so overlaps vanish whole
                self._known_pattern = re.compile("|".join(re.escape(v) for v in ordered)) if ordered else None
            return self._known_pattern

    def scrub_text(self, text: str) -> str:
        if not text:
            return text
        pattern = self._secret_pattern()
        if pattern is not None:
            text = pattern.sub(REDACTED, text)
        text = _URL_PASSWORD.sub(lambda m: m.group("head") + REDACTED + "@", text)
        text = _redact_pairs(text)
        for shaped in _SHAPED_SECRETS:
            text = shaped.sub(_redact_shaped, text)
        return self.scrub_paths(text)

    def scrub_paths(self, text: str) -> str:
        if self._home_pattern is not None:
            text = self._home_pattern.sub("~", text)
        text = _OTHER_HOMES.sub(_redact_home_owner, text)
        if self._user_pattern is not None:
            text = self._user_pattern.sub(USER, text)
        return text

    def scrub_value(self, value: Any) -> Any:
        """Scrub strings inside dicts/lists/tuples (keys too); values under secret-looking keys are replaced."""
        if isinstance(value, str):
            return self.scrub_text(value)
        if isinstance(value, bytes):
            return self.scrub_text(value.decode("utf-8", "replace"))
        if isinstance(value, Mapping):
            out: dict[Any, Any] = {}
            for key, item in value.items():
                if isinstance(key, str) and is_secret_key(key) and not _empty(item):
                    out[self.scrub_text(key)] = REDACTED
                else:
                    out[self.scrub_text(key) if isinstance(key, str) else key] = self.scrub_value(item)
            return out
        if isinstance(value, list | tuple | set | frozenset):
            return [self.scrub_value(item) for item in value]
        return value

    def scrub_event(self, event: Mapping[str, Any]) -> dict[str, Any]:
        """A scrubbed copy of a Sentry event or an analytics payload."""
        scrubbed = self.scrub_value(event)
        assert isinstance(scrubbed, dict)
        return scrubbed

    def before_send(self, event: dict[str, Any], _hint: Any = None) -> dict[str, Any]:
        """Sentry's before_send hook: also drops the machine's host name (often the user's name)."""
        scrubbed = self.scrub_event(event)
        scrubbed.pop("server_name", None)
        return scrubbed

    def logging_filter(self) -> ScrubbingFilter:
        return ScrubbingFilter(self)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | bytes | list | tuple | dict) and not value)


def _redact_pairs(text: str) -> str:
    pieces: list[str] = []
    done = search = 0
    while (pair := _KEY_SEP.search(text, search)) is not None:
        search = pair.end("key")
        if not is_secret_key(pair.group("key")):
            continue
        value = _VALUE.match(text, pair.end())
        if value is None:
            continue
        pieces += [text[done : value.start()], REDACTED]
        done = search = value.end()
    pieces.append(text[done:])
    return "".join(pieces)


def _redact_shaped(match: re.Match[str]) -> str:
    keep = match.groupdict().get("keep") or ""
    return keep + REDACTED


def _redact_home_owner(match: re.Match[str]) -> str:
    if match.group("name").lower() in _GENERIC_USERS:
        return match.group(0)
    return match.group("head") + USER


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment: nothing to remove
        return ""


def secret_values_of(secrets: SecretSource, config: Config) -> Callable[[], list[str]]:
    """Values the scrubber must remove: keychain values seen this session plus secret settings from .env/environment.

    Only the config's .env and environment layers are read here (no keychain I/O).
    """
    secret_keys = [spec.key for spec in SETTINGS if spec.secret]

    def values() -> list[str]:
        found = [v for v in secrets.known_values() if v]
        for layer in (config.dotenv, config.environ):
            found.extend(layer[key] for key in secret_keys if layer.get(key))
        return found

    return values


class ScrubbingFilter(logging.Filter):
    """Attach to every handler (a logger's filters do not see records propagated from child loggers)."""

    def __init__(self, scrubber: Scrubber) -> None:
        super().__init__()
        self._scrubber = scrubber

    def filter(self, record: logging.LogRecord) -> bool:
        scrub = self._scrubber.scrub_text
        try:
            message = record.getMessage()
        except Exception:  # malformed args: scrub the pieces and let logging report the mismatch
            record.msg = scrub(str(record.msg))
            if isinstance(record.args, tuple):
                record.args = tuple(scrub(a) if isinstance(a, str) else a for a in record.args)
            return True
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True
