"""The connections the service knows, in memory (read from any thread): the saved ones, as last read from the
store, and DATABASE_URL's "default" with the outcome of its last test (it has no row to keep that in)."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import replace

from vector_desktop.domain.databases import (
    DEFAULT_CONNECTION_ID,
    ConnectionConfig,
    ConnectionNotFoundError,
    TestOutcome,
    db_connection_id,
)
from vector_desktop.services.databases.connection_secrets import SecretKeeper
from vector_desktop.services.databases.default_connection import DefaultConnection


class ConnectionRegistry:
    def __init__(self, secrets: SecretKeeper) -> None:
        self._lock = threading.Lock()
        self._saved: dict[int, ConnectionConfig] = {}
        self._default_test: TestOutcome | None = None
        self.default = DefaultConnection(secrets)

    def replace_saved(self, configs: Iterable[ConnectionConfig]) -> None:
        with self._lock:
            self._saved = {config.id: config for config in configs}

    def put(self, config: ConnectionConfig) -> None:
        with self._lock:
            self._saved[config.id] = config

    def refresh(self, config: ConnectionConfig) -> None:
        """Put a fresh copy of a saved connection, unless it was removed in the meantime."""
        with self._lock:
            if config.id in self._saved:
                self._saved[config.id] = config

    def drop(self, connection_id: int) -> None:
        with self._lock:
            self._saved.pop(connection_id, None)

    def load_environment(self, url: str) -> bool:
        """Read DATABASE_URL again; True when the default connection changed."""
        before = self.default.current
        if self.default.load(url) == before:
            return False
        with self._lock:
            self._default_test = None
        return True

    def record_default_test(self, outcome: TestOutcome) -> None:
        with self._lock:
            self._default_test = outcome

    @property
    def environment_problem(self) -> str:
        return self.default.current.problem

    def _default_config(self) -> ConnectionConfig | None:
        config = self.default.current.config
        with self._lock:
            outcome = self._default_test
        if config is None or outcome is None:
            return config
        return replace(config, last_tested_at=outcome.at, last_test_ok=outcome.ok, last_test_message=outcome.message)

    def connections(self) -> list[ConnectionConfig]:
        """Saved connections by name, with "default" first when DATABASE_URL gives one."""
        with self._lock:
            saved = sorted(self._saved.values(), key=lambda c: (c.name.casefold(), c.name))
        default = self._default_config()
        return ([default] if default is not None else []) + saved

    def connection(self, connection_id: int) -> ConnectionConfig:
        found: ConnectionConfig | None
        if connection_id == DEFAULT_CONNECTION_ID:
            found = self._default_config()
        else:
            with self._lock:
                found = self._saved.get(connection_id)
        if found is None:
            raise ConnectionNotFoundError("This database connection does not exist (any more).")
        return found

    def find(self, name_or_key: str) -> ConnectionConfig:
        connection_id = db_connection_id(name_or_key)
        if connection_id is not None:
            return self.connection(connection_id)
        wanted = name_or_key.strip().casefold()
        for config in self.connections():
            if config.name.casefold() == wanted:
                return config
        raise ConnectionNotFoundError(f"There is no database connection named “{name_or_key.strip()}”.")
