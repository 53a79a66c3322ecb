"""SecretStore: every secret (API keys, passwords, tokens) goes through here to the OS keychain via keyring.

With no usable keychain (keyring's fail backend, common on headless Linux) secrets are kept in memory for this
session only and `persistent` is False so the UI can say so. Nothing is ever written in plain text by this module.
Calls may block (D-Bus, file locks): call them from a worker thread, not the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from vector_desktop.domain.errors import SecretStoreError

log = logging.getLogger(__name__)


class SecretStore:
    def __init__(self, service: str, backend: object | None = None) -> None:
        self._service = service
        self._lock = threading.Lock()
        self._memory: dict[str, str] = {}
        self._deleted: set[str] = set()
        self._backend = backend
        self._checked = backend is not None
        self.persistent = backend is not None
        self.backend_name = type(backend).__name__ if backend is not None else ""
        self.problem = ""

    @property
    def service(self) -> str:
        return self._service

    def _keyring(self):  # type: ignore[no-untyped-def]
        if not self._checked:
            self._checked = True
            import keyring
            from keyring.backends import fail

            backend = keyring.get_keyring()
            self.backend_name = type(backend).__name__
            usable = not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0
            if usable:
                self._backend = backend
                self.persistent = True
            else:
                self.problem = (
                    "No system keychain is available. Secrets you enter are kept in memory for this session "
                    "only and will have to be entered again after a restart."
                )
                log.warning("no usable keyring backend (%s); secrets are session-only", self.backend_name)
        return self._backend

    def check(self) -> bool:
        """Probe the keychain once; returns True when secrets survive a restart."""
        self._keyring()
        return self.persistent

    def get(self, key: str) -> str | None:
        with self._lock:
            if key in self._memory:
                return self._memory[key]
            if key in self._deleted:
                return None
        backend = self._keyring()
        if backend is None:
            return None
        try:
            value = backend.get_password(self._service, key)
        except Exception as error:  # keyring backends raise many types (DBus, locked, cancelled)
            log.warning("keychain read failed for %s: %s", key, type(error).__name__)
            return None
        if value is not None:
            with self._lock:
                self._memory[key] = value
        return value

    def set(self, key: str, value: str) -> None:
        with self._lock:
            self._memory[key] = value
            self._deleted.discard(key)
        backend = self._keyring()
        if backend is None:
            return
        try:
            backend.set_password(self._service, key, value)
        except Exception as error:
            raise SecretStoreError(
                f"The keychain refused to save {key} ({type(error).__name__}); it is kept for this session only."
            ) from None

    def delete(self, key: str) -> None:
        with self._lock:
            self._memory.pop(key, None)
            self._deleted.add(key)
        backend = self._keyring()
        if backend is None:
            return
        try:
            backend.delete_password(self._service, key)
        except Exception as error:
            if type(error).__name__ != "PasswordDeleteError":
                raise SecretStoreError(
                    f"The keychain refused to delete {key} ({type(error).__name__})."
                ) from None

    def known_values(self) -> Iterable[str]:
        """Secret values seen this session, for the log/telemetry scrubber."""
        with self._lock:
            return [v for v in self._memory.values() if v]
