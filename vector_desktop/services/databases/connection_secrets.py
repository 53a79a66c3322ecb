"""A saved connection's password and Supabase key in the keychain, under db_secret_ref(id, "password" | "api_key").

Blocking (the keychain may wait on D-Bus or a file lock): call these from a worker thread. A keychain that refuses a
value keeps it for this session (secrets.SecretStore); that is logged, and the connection still works until restart.
"""

from __future__ import annotations

import logging
from typing import Protocol

from vector_desktop.domain.databases import ConnectionDraft, db_secret_ref
from vector_desktop.domain.errors import SecretStoreError

log = logging.getLogger(__name__)

SECRET_KINDS = ("password", "api_key")


class SecretKeeper(Protocol):
    """What the keychain offers (vector_desktop.secrets.SecretStore)."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...

    def delete(self, key: str) -> None: ...


def save_secrets(secrets: SecretKeeper, connection_id: int, draft: ConnectionDraft) -> None:
    """None leaves the keychain as it is, "" deletes the entry, text stores it."""
    for what, value in (("password", draft.password), ("api_key", draft.api_key)):
        if value is None:
            continue
        ref = db_secret_ref(connection_id, what)
        try:
            if value:
                secrets.set(ref, value)
            else:
                secrets.delete(ref)
        except SecretStoreError as error:
            log.warning("%s", error)


def read_secrets(secrets: SecretKeeper, connection_id: int) -> tuple[str, str]:
    """(password, api key); "" for what is not there."""
    password = secrets.get(db_secret_ref(connection_id, "password")) or ""
    api_key = secrets.get(db_secret_ref(connection_id, "api_key")) or ""
    return password, api_key


def delete_secrets(secrets: SecretKeeper, connection_id: int) -> None:
    for what in SECRET_KINDS:
        try:
            secrets.delete(db_secret_ref(connection_id, what))
        except SecretStoreError as error:
            log.warning("%s", error)
