"""SecretVault: this profile's secrets in one sealed file, `<data_dir>/secrets.vault`, for machines without an OS
keychain (headless Linux, a server running the worker, CI).

The file is a sealed (scrypt + Fernet, see sealing.py) JSON object {key: value}. The key comes from ENCRYPTION_KEY
or a passphrase given later (`unlock`); it is derived once per process and kept in memory with its salt. Every
change is a read-modify-write under an inter-process lock (`secrets.vault.lock`), so a GUI and a CLI process do not
lose each other's keys, and is written atomically (temp file in the same folder, fsync, os.replace, fsync of the
folder), mode 0600. A vault that exists but cannot be opened (wrong key, damaged) is never overwritten.
Every method blocks (file lock, fsync, scrypt): call them off the GUI thread.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from vector_desktop import sealing
from vector_desktop.domain.errors import DamagedSealError, SealError, SecretStoreError, WrongKeyError

log = logging.getLogger(__name__)

VAULT_FILE = "secrets.vault"
_TEMP_PREFIX = ".secrets.vault."
_TEMP_SUFFIX = ".tmp"

WRONG_KEY = (
    "The encrypted secrets file in your profile cannot be opened: ENCRYPTION_KEY (or the passphrase) is not the one "
    "it was made with. It was left unchanged; secrets you enter are kept for this session only."
)
DAMAGED = (
    "The encrypted secrets file in your profile is damaged and was left unchanged; secrets you enter are kept for "
    "this session only. Move {path} aside to start a new one."
)
UNREADABLE = (
    "The encrypted secrets file in your profile cannot be read ({reason}); it was left unchanged and secrets you "
    "enter are kept for this session only."
)


class VaultUnavailable(SecretStoreError):
    """The vault is locked or cannot be opened; nothing was written."""


class SecretVault:
    def __init__(self, path: Path, secret: str | Callable[[], str] = "") -> None:
        """`secret`: ENCRYPTION_KEY, or a callable returning it (read on first use; "" leaves the vault locked)."""
        self.path = path
        self.lock_path = path.with_name(path.name + ".lock")
        self._secret_source = secret
        self._secret = ""
        self._key: bytes | None = None
        self._salt: bytes | None = None
        self._opened = False  # True once the file (if any) was read with our key
        self._cache: tuple[tuple[int, int, int], dict[str, str]] | None = None  # (stat, entries)
        self._lock = threading.RLock()
        self.problem = ""
        self.wrong_key = False  # the last unlock failed because the key is not this vault's

    # --- state --------------------------------------------------------------------------------------------------

    def exists(self) -> bool:
        return self.path.exists()

    @property
    def unlocked(self) -> bool:
        """True when the vault can be read and written (a key is known and the file, if any, opened with it)."""
        with self._lock:
            return self._opened

    def open(self) -> bool:
        """Unlock with ENCRYPTION_KEY when one was given; False when locked or the file cannot be opened."""
        with self._lock:
            if self._opened:
                return True
            source = self._secret_source
            secret = (source() if callable(source) else source) or ""
            self._secret_source = ""  # read once
            return bool(secret.strip()) and self.unlock(secret.strip())

    def unlock(self, secret: str) -> bool:
        """Derive the key from `secret` (~0.1 s) and open the file with it. False (and `problem`) when it does not."""
        if not secret:
            return False
        with self._lock, self._interprocess_lock():
            try:
                blob = self._read_blob()
                if blob is None:
                    salt = os.urandom(16)
                    key = sealing.derive_key(secret, salt)
                    entries: dict[str, str] = {}
                else:
                    salt = sealing.read_header(blob)
                    key = sealing.derive_key(secret, salt)
                    entries = _decode(sealing.unseal(blob, secret, key=key))
            except SealError as error:
                self.problem, self.wrong_key = self._sentence(error), isinstance(error, WrongKeyError)
                log.warning("secrets vault not opened: %s", type(error).__name__)
                return False
            except OSError as error:
                self.problem = UNREADABLE.format(reason=error.strerror or type(error).__name__)
                return False
            self._secret, self._key, self._salt = secret, key, salt
            self._opened, self.problem, self.wrong_key = True, "", False
            if blob is None:  # made now, so a later run knows a passphrase was chosen
                try:
                    self._write(entries)
                except VaultUnavailable as error:
                    self._opened, self.problem = False, str(error)
                    return False
            else:
                self._remember(entries)
            return True

    # --- reading and writing ------------------------------------------------------------------------------------

    def get(self, name: str) -> str | None:
        return self.entries().get(name)

    def entries(self) -> dict[str, str]:
        """Every secret in the vault (read again only when the file changed)."""
        with self._lock:
            self._require_open()
            try:
                stat = self._stat()
            except FileNotFoundError:
                return {}
            if self._cache is not None and self._cache[0] == stat:
                return dict(self._cache[1])
            with self._interprocess_lock():
                return dict(self._load())

    def set(self, name: str, value: str) -> None:
        self.update({name: value})

    def delete(self, name: str) -> None:
        self.update({name: None})

    def update(self, changes: Mapping[str, str | None]) -> None:
        """Apply {name: value, or None to delete} in one read-modify-write. Raises VaultUnavailable."""
        with self._lock:
            self._require_open()
            with self._interprocess_lock():
                entries = dict(self._load())
                for name, value in changes.items():
                    if value is None:
                        entries.pop(name, None)
                    else:
                        entries[name] = value
                self._write(entries)

    def drain(self, move: Callable[[dict[str, str]], bool]) -> bool:
        """Hand every secret to `move` (e.g. into a keychain) under the lock; when it returns True the vault file is
        removed. Returns True when the file is gone."""
        with self._lock:
            self._require_open()
            with self._interprocess_lock():
                if not self.path.exists():
                    return True
                entries = self._load()
                if not move(dict(entries)):
                    return False
                self.path.unlink()
                _fsync_folder(self.path.parent)
                self._cache = None
                return True

    # --- internals (called with both locks held) ----------------------------------------------------------------

    def _require_open(self) -> None:
        if not self._opened:
            raise VaultUnavailable(self.problem or "The encrypted secrets file is locked (no key or passphrase).")

    def _sentence(self, error: SealError) -> str:
        if isinstance(error, WrongKeyError):
            return WRONG_KEY
        if isinstance(error, DamagedSealError):
            return DAMAGED.format(path=self.path)
        return f"{error} " + DAMAGED.format(path=self.path)

    def _stat(self) -> tuple[int, int, int]:
        stat = self.path.stat()
        return (stat.st_ino, stat.st_size, stat.st_mtime_ns)

    def _read_blob(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

    def _remember(self, entries: dict[str, str]) -> None:
        try:
            self._cache = (self._stat(), entries)
        except FileNotFoundError:
            self._cache = None

    def _load(self) -> dict[str, str]:
        """The file's current entries. Another process may have made it with another salt: derive again then."""
        blob = self._read_blob()
        if blob is None:
            self._cache = None
            return {}
        try:
            salt = sealing.read_header(blob)
            if salt != self._salt:
                self._key, self._salt = sealing.derive_key(self._secret, salt), salt
            entries = _decode(sealing.unseal(blob, self._secret, key=self._key))
        except SealError as error:  # changed under us: stop using it, never overwrite it
            self._opened, self.problem = False, self._sentence(error)
            raise VaultUnavailable(self.problem) from None
        except OSError as error:
            raise VaultUnavailable(UNREADABLE.format(reason=error.strerror or type(error).__name__)) from None
        self._remember(entries)
        return entries

    def _write(self, entries: dict[str, str]) -> None:
        assert self._key is not None and self._salt is not None
        blob = sealing.seal(_encode(entries), "", key=self._key, salt=self._salt)
        folder = self.path.parent
        _remove_stale_temps(folder)
        fd, temp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=folder)  # mode 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(blob)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise VaultUnavailable(
                f"The encrypted secrets file could not be written ({error.strerror or type(error).__name__}); "
                "the change is kept for this session only."
            ) from None
        _fsync_folder(folder)
        self._remember(entries)

    @contextlib.contextmanager
    def _interprocess_lock(self) -> Iterator[None]:
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock_file(fd)
            yield
        finally:
            os.close(fd)  # closing releases the lock


def _encode(entries: dict[str, str]) -> bytes:
    return json.dumps(entries, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _decode(data: bytes) -> dict[str, str]:
    try:
        entries = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DamagedSealError("The encrypted secrets file holds something unexpected.") from None
    if not isinstance(entries, dict) or not all(isinstance(v, str) for v in entries.values()):
        raise DamagedSealError("The encrypted secrets file holds something unexpected.")
    return {str(k): v for k, v in entries.items()}


def _remove_stale_temps(folder: Path) -> None:
    """Temp files left by a writer killed mid-save (sealed, so never plain text); safe: we hold the lock."""
    for stale in folder.glob(_TEMP_PREFIX + "*" + _TEMP_SUFFIX):
        with contextlib.suppress(OSError):
            stale.unlink()


if sys.platform == "win32":
    import msvcrt

    def _lock_file(fd: int) -> None:
        # LK_LOCK retries for about 10 s, then raises OSError; ample for a vault write.
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

    def _fsync_folder(folder: Path) -> None:
        """Windows cannot open a folder to fsync it; os.replace there is already durable enough (MoveFileEx)."""

else:
    import fcntl

    def _lock_file(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _fsync_folder(folder: Path) -> None:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
