"""Secret header and environment values of MCP servers: kept in the keychain under `mcp_secret_ref(...)`, put into
an `McpEndpoint` just before connecting, deleted with the server."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Protocol

import httpx2

from vector_desktop.domain.connectors import (
    ConnectorConfigError,
    McpServerConfig,
    McpServerDraft,
    McpTransport,
    NamedValue,
    mcp_oauth_ref,
    mcp_secret_ref,
)
from vector_desktop.domain.errors import SecretStoreError
from vector_desktop.services.connectors.mcp_endpoint import McpEndpoint
from vector_desktop.services.scrubber import is_secret_key

log = logging.getLogger(__name__)

_WORDS = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")


class SecretKeeper(Protocol):
    """What the keychain offers (vector_desktop.secrets.SecretStore)."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...

    def delete(self, key: str) -> None: ...


def looks_secret(name: str) -> bool:
    """Whether a header or environment variable name says its value is a secret (API_KEY, GITHUB_TOKEN,
    Authorization, X-Api-Key, DB_PASSWORD, CLIENT_SECRET...)."""
    if is_secret_key(name):
        return True
    words = [w.lower() for w in _WORDS.split(name) if w]
    return any(w in ("key", "pat", "pass") or w.endswith("apikey") for w in words)


def _named(server: McpServerConfig | McpServerDraft) -> list[tuple[str, NamedValue]]:
    return [("header", v) for v in server.headers] + [("env", v) for v in server.env]


def save_secrets(
    secrets: SecretKeeper, server_id: int, draft: McpServerDraft, previous: McpServerConfig | None = None
) -> None:
    """Store the draft's secret values (an empty one keeps the saved value) and delete the entries of values
    that are gone or no longer secret."""
    wanted = set()
    for where, value in _named(draft):
        if not value.secret:
            continue
        wanted.add((where, value.name))
        if value.value:
            _keep(secrets, mcp_secret_ref(server_id, where, value.name), value.value)
    if previous is not None:
        for where, value in _named(previous):
            if value.secret and (where, value.name) not in wanted:
                _forget(secrets, mcp_secret_ref(server_id, where, value.name))


def delete_secrets(secrets: SecretKeeper, server: McpServerConfig) -> None:
    """Every keychain entry of a removed server: secret headers and environment values, OAuth tokens and client."""
    for where, value in _named(server):
        if value.secret:
            _forget(secrets, mcp_secret_ref(server.id, where, value.name))
    for what in ("tokens", "client"):
        _forget(secrets, mcp_oauth_ref(server.id, what))


def _keep(secrets: SecretKeeper, ref: str, value: str) -> None:
    try:
        secrets.set(ref, value)
    except SecretStoreError as error:  # the value stays in memory for this session; the message names no secret
        log.warning("%s", error)


def _forget(secrets: SecretKeeper, ref: str) -> None:
    try:
        secrets.delete(ref)
    except SecretStoreError as error:
        log.warning("%s", error)


def resolved_values(
    secrets: SecretKeeper, server: McpServerConfig, where: str, values: Iterable[NamedValue]
) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values:
        if not value.secret:
            out[value.name] = value.value
            continue
        saved = secrets.get(mcp_secret_ref(server.id, where, value.name))
        if saved is None:
            what = "header" if where == "header" else "environment variable"
            raise ConnectorConfigError(
                f"The value of the {what} {value.name} of {server.name} is not in the keychain; "
                "enter it again in the server's settings."
            )
        out[value.name] = saved
    return out


def endpoint_for(
    server: McpServerConfig, secrets: SecretKeeper, *, timeout: float = 30.0, auth: httpx2.Auth | None = None
) -> McpEndpoint:
    """Where and how to reach `server`, secrets resolved (never stored; built just before connecting)."""
    if server.transport is McpTransport.HTTP:
        return McpEndpoint(
            name=server.name,
            url=server.url,
            headers=resolved_values(secrets, server, "header", server.headers),
            auth=auth,
            timeout=timeout,
        )
    return McpEndpoint(
        name=server.name,
        command=server.command,
        args=tuple(server.args),
        env=resolved_values(secrets, server, "env", server.env),
        cwd=server.cwd,
        timeout=timeout,
    )
