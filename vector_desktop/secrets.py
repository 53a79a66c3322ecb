"""SecretStore: every secret (API keys, passwords, tokens) goes through here to the OS keychain via keyring.

With no usable keychain (keyring's fail backend, common on headless Linux) secrets are kept in memory for this
session only and `persistent` is False so the UI can say so. Nothing is ever written in plain text by this module:
keyrings.alt's file backends (plain or weakly encrypted files) are only used when the user chose one explicitly
(PYTHON_KEYRING_BACKEND or keyring's config file), never because keyring picked one by itself.
With no usable keychain and a SecretVault (secret_vault.py) that is unlocked (ENCRYPTION_KEY or a passphrase),
secrets go to that encrypted file in the profile instead, and are persistent. When a keychain is usable again, the
vault's secrets are moved into it and the vault file is removed.
Calls may block (D-Bus, file locks, scrypt): call them from a worker thread, not the GUI thread.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from vector_desktop.domain.errors import SecretStoreError

if TYPE_CHECKING:
    from vector_desktop.secret_vault import SecretVault

log = logging.getLogger(__name__)

NO_KEYCHAIN = (
    "No system keychain is available. Secrets you enter are kept in memory for this session only and will have to "
    "be entered again after a restart."
)
FILE_KEYRING_ONLY = (
    "No system keychain is available (only a file keyring that would store secrets in plain text, which the app "
    "does not use unless you choose it). Secrets you enter are kept in memory for this session only."
)
VAULT_BACKEND = "encrypted vault"
VAULT_INFO = "Secrets are kept in an encrypted file in your profile (no system keychain)."
NO_KEY_FOR_VAULT = (
    " To keep them in an encrypted file in your profile instead, set ENCRYPTION_KEY in the environment or the "
    "profile's .env file."
)
VAULT_LOCKED = (
    "Your profile has an encrypted secrets file, but no ENCRYPTION_KEY or passphrase was given to open it. Secrets "
    "you enter are kept in memory for this session only."
)
VAULT_NOT_MOVED = (
    "Your profile still has an encrypted secrets file from a time without a system keychain; set ENCRYPTION_KEY "
    "(or enter its passphrase) once so its secrets can be moved into the keychain."
)


def _own_sentence(error: Exception) -> str:
    """The text of our own errors (the vault's), which never carry a secret; "" for a backend's exception."""
    return str(error) if isinstance(error, SecretStoreError) else ""


def _is_file_keyring(backend: object) -> bool:
    return type(backend).__module__.startswith("keyrings.alt")


class _VaultBackend:
    """The vault behind keyring's backend calls, so get/set/delete below work the same for both."""

    def __init__(self, vault: SecretVault) -> None:
        self.vault = vault

    def get_password(self, service: str, key: str) -> str | None:
        return self.vault.get(key)

    def set_password(self, service: str, key: str, value: str) -> None:
        self.vault.set(key, value)

    def delete_password(self, service: str, key: str) -> None:
        self.vault.delete(key)


class SecretStore:
    def __init__(
        self,
        service: str,
        backend: object | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        vault: SecretVault | None = None,
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
        self._vault = vault
        self._keychain_usable = False
        self.persistent = False
        self.backend_name = ""
        self.problem = ""
        self.info = ""  # a neutral note for Settings, e.g. VAULT_INFO

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
                self._keychain_usable = self.persistent = self._backend is not None
                if self._backend is not None:
                    self.backend_name = type(self._backend).__name__
                else:
                    log.warning("no usable keyring backend (%s); secrets are session-only", self.backend_name)
                # With a keychain, the vault is only opened (scrypt) when it has secrets to move into it.
                if self._vault is not None and (not self._keychain_usable or self._vault.exists()):
                    self._use_vault(self._vault.open())
                self._checked = True
        return self._backend

    def _use_vault(self, unlocked: bool) -> None:
        """Called under the probe lock once the vault was (or was not) unlocked."""
        vault = self._vault
        assert vault is not None
        if self._keychain_usable:
            if unlocked:
                self._move_vault_into_keychain(vault)
            elif vault.exists():
                self.problem = vault.problem or VAULT_NOT_MOVED
            return
        if not unlocked:
            locked = VAULT_LOCKED if vault.exists() else self.problem + NO_KEY_FOR_VAULT
            self.problem = vault.problem or locked
            return
        self._backend = _VaultBackend(vault)
        self.persistent, self.backend_name, self.problem, self.info = True, VAULT_BACKEND, "", VAULT_INFO
        with self._lock:  # what was entered before the vault was unlocked is saved now
            changes: dict[str, str | None] = {key: None for key in self._deleted}
            changes.update(self._memory)
        if changes:
            try:
                vault.update(changes)
            except SecretStoreError as error:
                self.problem = str(error)

    def _move_vault_into_keychain(self, vault: SecretVault) -> None:
        keychain = self._backend

        def move(entries: dict[str, str]) -> bool:
            moved = 0
            for key, value in entries.items():
                try:
                    keychain.set_password(self._service, key, value)
                    moved += 1
                except Exception as error:  # keep the vault file: nothing may be lost
                    log.warning("moving %s into the keychain failed: %s", key, type(error).__name__)
            return moved == len(entries)

        try:
            if vault.drain(move):
                self.problem = ""
                log.info("secrets moved from the encrypted vault into the keychain")
            else:
                self.problem = VAULT_NOT_MOVED
        except SecretStoreError as error:
            self.problem = str(error)

    @property
    def has_keychain(self) -> bool:
        """True when an OS keychain is usable (probes it first: blocking)."""
        self._keyring()
        return self._keychain_usable

    @property
    def vault_exists(self) -> bool:
        """True when this profile has an encrypted secrets file (blocking: a stat)."""
        return self._vault is not None and self._vault.exists()

    @property
    def vault_wrong_key(self) -> bool:
        """True when the last key or passphrase given to the vault was not its own."""
        return self._vault is not None and self._vault.wrong_key

    @property
    def needs_passphrase(self) -> bool:
        """True when a passphrase would help: a locked vault and no keychain, or a locked vault file to move into
        the keychain. Probes the keychain first (blocking)."""
        self._keyring()
        vault = self._vault
        if vault is None or vault.unlocked:
            return False
        return not self._keychain_usable or vault.exists()

    def unlock_vault(self, passphrase: str) -> bool:
        """Open the vault with a passphrase (scrypt: ~0.1 s, blocking). False and `problem` when it is wrong."""
        self._keyring()
        vault = self._vault
        if vault is None:
            return False
        if self._keychain_usable and not vault.exists():
            return True  # nothing to open: the keychain holds every secret
        with self._probe_lock:
            unlocked = vault.unlock(passphrase)
            self._use_vault(unlocked)
        return unlocked

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
        refused = sentence = ""
        try:
            backend.set_password(self._service, key, value)
        except Exception as error:
            refused, sentence = type(error).__name__, _own_sentence(error)
        with self._lock:
            (self._unsaved.add if refused else self._unsaved.discard)(key)
        if sentence:
            raise SecretStoreError(sentence)
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
        refused = sentence = ""
        try:
            backend.delete_password(self._service, key)
        except Exception as error:
            if type(error).__name__ != "PasswordDeleteError":  # deleting what is not there is fine
                refused, sentence = type(error).__name__, _own_sentence(error)
        if sentence:
            raise SecretStoreError(sentence)
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
