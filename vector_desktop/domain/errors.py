"""Errors the user can be told about. Messages are written for people and never carry secrets."""

from __future__ import annotations


class VectorError(Exception):
    """Base class: `str(error)` is a sentence fit to show in the UI or on stderr."""


class ConfigError(VectorError):
    """A setting has a value that cannot be used."""


class SettingValueError(ConfigError):
    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


class StoreError(VectorError):
    """The local store cannot be used as it is."""


class StoreNewerError(StoreError):
    """The store was written by a newer version of the app; it is left untouched."""


class StoreLockedError(StoreError):
    """Another instance of the app uses this profile."""


class ProfileNotWritableError(StoreError):
    """The profile folder cannot be written (read-only or full)."""


class SecretStoreError(VectorError):
    """The keychain refused an operation."""


class JobError(VectorError):
    """A job could not be submitted or run."""


class JobCancelled(JobError):
    """Raised inside a task when the user cancelled it."""


class JobTimeout(JobError):
    """Raised inside a task when it ran past its time limit."""


class SealError(VectorError):
    """An encrypted file (exported setup, secrets vault) cannot be opened."""


class WrongKeyError(SealError):
    """The key or passphrase is not the one the file was encrypted with."""


class DamagedSealError(SealError):
    """The file was changed or cut after it was written (its authentication fails with the right key)."""
