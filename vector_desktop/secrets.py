"""SecretStore: every secret (API keys, passwords, tokens) goes through here to the OS keychain via keyring.

With no usable keychain (keyring's fail backend, common on headless Linux) secrets are kept in memory for this
session only and `persistent` is False so the UI can say so. Nothing is ever written in plain text by this module:
keyrings.alt's file backends (plain or weakly encrypted files) are only used when the user chose one explicitly
(PYTHON_KEYRING_BACKEND or keyring's config file), never because keyring picked one by itself.
Calls may block (D-Bus, file locks): call them from a worker thread, not the GUI thread.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Mapping
from typing import Any

from vector_desktop.domain.errors import SecretStoreError

log = logging.getLogger(__name__)

NO_KEYCHAIN = (
    "No system keychain is available. Secrets you enter are kept in memory for this session only and will have to "
    "be entered again after a restart."
)
FILE_KEYRING_ONLY = (
    "No system keychain is available (only a file keyring that would store secrets in plain text, which the app "
    "does not use unless you choose it). Secrets you enter are kept in memory for this session only."
)


def _is_file_keyring(backend: object) -> bool:
    return type(backend).__module__.startswith("keyrings.alt")


class SecretStore:
    def __init__(
        self, service: str, backend: object | None = None, *, environ: Mapping[str, str] | None = None
    ) -> None:
        self._service = service
        self._lock = threading.Lock()
        self._probe_lock = threading.Lock()
        self._memory: dict[str, str] = {}
        self._deleted: set[str] = set()
        self._unsaved: set[str] = set()  # set this session, but the keychain refused them
        self._given = backend
        self._backend: Any = None
        self._checked = False
        self._environ = environ
        self.persistent = False
        self.backend_name = ""
        self.problem = ""

    @property
    def service(self) -> str:
        return self._service

    def _explicit_choice(self) -> bool:
        """True when the user named a keyring backend (environment variable or keyring's config file)."""
        env = os.environ if self._environ is None else self._environ
        if env.get("PYTHON_KEYRING_BACKEND"):
            return True
        try:
            from keyring.core import load_config

            return load_config() is not None
        except Exception:  # a broken keyring config counts as no choice
            return False

    def _select(self, backend: Any, explicit: bool) -> tuple[Any, str]:
        """The backend to use (or None) and, when None, why."""
        from keyring.backends import chainer, fail

        if isinstance(backend, chainer.ChainerBackend):
            usable = [b for b in backend.backends if explicit or not _is_file_keyring(b)]
            if not usable:
                return None, FILE_KEYRING_ONLY if backend.backends else NO_KEYCHAIN
            backend = usable[0]  # never let the chain fall through to a plain-text file silently
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
            return None, NO_KEYCHAIN
        if _is_file_keyring(backend) and not explicit:
            return None, FILE_KEYRING_ONLY
        return backend, ""

    def _keyring(self) -> Any:
        with self._probe_lock:
            if not self._checked:
                if self._given is not None:
                    candidate, explicit = self._given, True
                else:
                    import keyring

                    candidate, explicit = keyring.get_keyring(), self._explicit_choice()
                self.backend_name = type(candidate).__name__
                self._backend, self.problem = self._select(candidate, explicit)
                self.persistent = self._backend is not None
                if self._backend is not None:
                    self.backend_name = type(self._backend).__name__
                else:
                    log.warning("no usable keyring backend (%s); secrets are session-only", self.backend_name)
                self._checked = True
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
        refused = ""
        try:
            backend.set_password(self._service, key, value)
        except Exception as error:
            refused = type(error).__name__
        with self._lock:
            (self._unsaved.add if refused else self._unsaved.discard)(key)
        if refused:  # raised outside the handler: a backend's exception (text or context) could carry the value
            raise SecretStoreError(f"The keychain refused to save {key} ({refused}); it is kept for this session only.")

    def delete(self, key: str) -> None:
        with self._lock:
            self._memory.pop(key, None)
            self._deleted.add(key)
            self._unsaved.discard(key)
        backend = self._keyring()
        if backend is None:
            return
        refused = ""
        try:
            backend.delete_password(self._service, key)
        except Exception as error:
            if type(error).__name__ != "PasswordDeleteError":  # deleting what is not there is fine
                refused = type(error).__name__
        if refused:
            raise SecretStoreError(f"The keychain refused to delete {key} ({refused}).")

    def is_session_only(self, key: str) -> bool:
        """True when the value of `key` (if any) will be gone after a restart: no keychain, or it refused the key."""
        with self._lock:
            return not self.persistent or key in self._unsaved

    def known_values(self) -> Iterable[str]:
        """Secret values seen this session, for the log/telemetry scrubber."""
        with self._lock:
            return [v for v in self._memory.values() if v]
