"""DATABASE_URL as the connection named "default" (id DEFAULT_CONNECTION_ID): made from the setting each time the
app starts, never a row of the store and not editable in the app.

Its password is moved to the keychain (db_secret_ref(0, "password")) the first time the connection is used, with the
target it belongs to (user@host:port/db) beside it: once the password is there, the user may remove it from the URL,
and a URL that later points at another server never receives it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace

from vector_desktop.domain.databases import (
    DEFAULT_CONNECTION_ID,
    DEFAULT_CONNECTION_NAME,
    ConnectionConfig,
    ConnectionValidationError,
    db_secret_ref,
)
from vector_desktop.domain.errors import SecretStoreError
from vector_desktop.services.databases.connection_drafts import config_of, validate_draft
from vector_desktop.services.databases.connection_secrets import SecretKeeper
from vector_desktop.services.databases.connection_urls import parse_connection_url

log = logging.getLogger(__name__)

PASSWORD_REF = db_secret_ref(DEFAULT_CONNECTION_ID, "password")
TARGET_REF = db_secret_ref(DEFAULT_CONNECTION_ID, "password_target")


@dataclass(frozen=True)
class EnvironmentConnection:
    config: ConnectionConfig | None = None  # None: DATABASE_URL is not set, or unusable (see `problem`)
    password: str | None = None  # as found in the URL
    api_key: str | None = None
    problem: str = ""
    ignored_options: tuple[str, ...] = ()


def read_database_url(url: str) -> EnvironmentConnection:
    """The default connection described by DATABASE_URL (no I/O). An AI may query it: that is what the setting is
    for; it is read-only, like every connection until the user marks it writable."""
    if not url.strip():
        return EnvironmentConnection()
    try:
        parsed = parse_connection_url(url, DEFAULT_CONNECTION_NAME)
        draft = validate_draft(parsed.draft, check_name=False)
    except ConnectionValidationError as error:
        return EnvironmentConnection(problem=f"DATABASE_URL cannot be used: {error}")
    config = replace(config_of(draft, DEFAULT_CONNECTION_ID), expose_to_ai=True, from_environment=True)
    return EnvironmentConnection(config, draft.password, draft.api_key, "", parsed.ignored_options)


class DefaultConnection:
    """The current DATABASE_URL connection and its secrets (thread-safe)."""

    def __init__(self, secrets: SecretKeeper) -> None:
        self._secrets = secrets
        self._lock = threading.Lock()
        self._current = EnvironmentConnection()
        self._moved = False

    def load(self, url: str) -> EnvironmentConnection:
        current = read_database_url(url)
        if current.ignored_options:
            log.warning("DATABASE_URL: options not used: %s", ", ".join(current.ignored_options))
        with self._lock:
            if current != self._current:
                self._moved = False
            self._current = current
        return current

    @property
    def current(self) -> EnvironmentConnection:
        with self._lock:
            return self._current

    def secrets(self) -> tuple[str, str]:
        """(password, api key) for connecting. Blocking (keychain): call from a worker thread. Moves the URL's
        password into the keychain the first time."""
        current = self.current
        if current.config is None:
            return "", ""
        target = current.config.display_target()
        if current.password is not None:
            with self._lock:
                move = not self._moved
                self._moved = True
            if move:
                try:
                    self._secrets.set(PASSWORD_REF, current.password)
                    self._secrets.set(TARGET_REF, target)
                except SecretStoreError:  # kept for this session by the keychain wrapper; the URL still has it
                    log.warning("the keychain did not take the DATABASE_URL password")
            return current.password, current.api_key or ""
        stored = self._secrets.get(PASSWORD_REF) or ""
        if stored and self._secrets.get(TARGET_REF) != target:
            stored = ""  # that password belongs to the server DATABASE_URL named before
        return stored, current.api_key or ""

    def move_password(self) -> None:
        """Put the URL's password in the keychain now (blocking)."""
        self.secrets()
