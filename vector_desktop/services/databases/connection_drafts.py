"""Checks of a ConnectionDraft before it is stored or tested: each problem names the dialog field it concerns."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from vector_desktop.domain.databases import (
    DEFAULT_CONNECTION_NAME,
    ConnectionConfig,
    ConnectionDraft,
    ConnectionValidationError,
    DatabaseKind,
    TlsMode,
)
from vector_desktop.services.databases.connection_urls import check_project_url

MAX_NAME_LENGTH = 100


def normalized(draft: ConnectionDraft) -> ConnectionDraft:
    """Surrounding spaces trimmed from the text fields (never from secrets)."""
    return replace(
        draft,
        name=" ".join(draft.name.split()),
        host=draft.host.strip(),
        database=draft.database.strip(),
        user=draft.user.strip(),
        ca_file=draft.ca_file.strip(),
        supabase_url=draft.supabase_url.strip(),
    )


def validate_draft(draft: ConnectionDraft, *, check_name: bool = True) -> ConnectionDraft:
    """The draft, normalized; raises ConnectionValidationError (with the field) for anything unusable."""
    draft = normalized(draft)
    if check_name:
        if not draft.name:
            raise ConnectionValidationError("name", "Give the connection a name.")
        if len(draft.name) > MAX_NAME_LENGTH:
            raise ConnectionValidationError("name", f"The name is longer than {MAX_NAME_LENGTH} characters.")
        if draft.name.casefold() == DEFAULT_CONNECTION_NAME:
            raise ConnectionValidationError(
                "name", f"The name “{DEFAULT_CONNECTION_NAME}” is kept for the DATABASE_URL connection; choose another."
            )
        if draft.name.startswith("db:"):
            raise ConnectionValidationError("name", "A name cannot start with “db:” (that is how keys are written).")
    if draft.port is not None and not 1 <= draft.port <= 65535:
        raise ConnectionValidationError("port", "The port must be a number from 1 to 65535.")
    if any(ch in draft.host for ch in " \t\r\n"):
        raise ConnectionValidationError("host", "The host name cannot contain spaces.")
    if draft.kind is DatabaseKind.SUPABASE:
        if not draft.supabase_url and not draft.host:
            raise ConnectionValidationError(
                "supabase_url", "Give the project URL (https://<project>.supabase.co) or its Postgres connection."
            )
        if draft.supabase_url:
            draft = replace(draft, supabase_url=check_project_url(draft.supabase_url))
    elif draft.supabase_url:
        draft = replace(draft, supabase_url="")
    if draft.ca_file:
        if not os.path.isfile(os.path.expanduser(draft.ca_file)):
            raise ConnectionValidationError("ca_file", "The CA certificate file does not exist.")
        if draft.tls_mode is TlsMode.DISABLE:
            raise ConnectionValidationError("ca_file", "A CA certificate needs TLS: choose verify-full, not disable.")
    return draft


def config_of(draft: ConnectionDraft, connection_id: int) -> ConnectionConfig:
    """What a draft would be once saved (to test it before saving)."""
    return ConnectionConfig(
        id=connection_id,
        name=draft.name,
        kind=draft.kind,
        host=draft.host,
        port=draft.port,
        database=draft.database,
        user=draft.user,
        tls_mode=draft.tls_mode,
        ca_file=draft.ca_file,
        color=draft.color,
        read_only=draft.read_only,
        supabase_url=draft.supabase_url,
        expose_to_ai=draft.expose_to_ai,
    )


def draft_of(config: ConnectionConfig, **changes: Any) -> ConnectionDraft:
    """A saved connection as a draft that keeps its keychain secrets (password and key None), with `changes`."""
    draft = ConnectionDraft(
        name=config.name,
        kind=config.kind,
        host=config.host,
        port=config.port,
        database=config.database,
        user=config.user,
        tls_mode=config.tls_mode,
        ca_file=config.ca_file,
        color=config.color,
        read_only=config.read_only,
        supabase_url=config.supabase_url,
        expose_to_ai=config.expose_to_ai,
    )
    return replace(draft, **changes)
