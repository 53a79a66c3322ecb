"""A saved connection's password and Supabase key in the keychain, under db_secret_ref(id, "password" | "api_key").

Blocking (the keychain may wait on D-Bus or a file lock): call these from a worker thread. A keychain that refuses a
value keeps it for this session (secrets.SecretStore); that is logged, and the connection still works until restart.
The store records whether a connection has each secret (ConnectionConfig.has_password / has_api_key, from the same
draft): one it is known not to have is not looked up, so a connection without a password never touches the keychain
(nor imports keyring).
"""

from __future__ import annotations

import logging
from typing import Protocol

from vector_desktop.domain.databases import ConnectionConfig, ConnectionDraft, db_secret_ref
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


def read_secret(secrets: SecretKeeper, config: ConnectionConfig, what: str) -> str:
    """The connection's "password" or "api_key"; "" when it is not there or known not to be (no keychain look-up)."""
    if not config.may_have_secret(what):
        return ""
    return secrets.get(db_secret_ref(config.id, what)) or ""


def read_secrets(secrets: SecretKeeper, config: ConnectionConfig) -> tuple[str, str]:
    """(password, api key); "" for what is not there."""
    return read_secret(secrets, config, "password"), read_secret(secrets, config, "api_key")


def delete_secrets(secrets: SecretKeeper, connection_id: int) -> None:
    for what in SECRET_KINDS:
        try:
            secrets.delete(db_secret_ref(connection_id, what))
        except SecretStoreError as error:
            log.warning("%s", error)
