"""User-added OpenAI-compatible servers (Ollama, LM Studio, llama.cpp, vLLM…): the record, the storage port, errors.

A server's API key never lives in the record: the keychain holds it under `server_key_ref(id)`; `has_key` only
says whether one was saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from vector_desktop.domain.errors import VectorError

KEY_REF_PREFIX = "AI_SERVER_KEY:"


def server_key_ref(server_id: int) -> str:
    """The keychain entry holding a server's API key."""
    return f"{KEY_REF_PREFIX}{server_id}"


@dataclass(frozen=True)
class AIServer:
    id: int
    name: str
    base_url: str
    has_key: bool = False
    enabled: bool = True
    created: datetime | None = None
    updated: datetime | None = None

    @property
    def key_ref(self) -> str:
        return server_key_ref(self.id)


class ServerStore(Protocol):
    """Persistence of the server list (vector_desktop.store.server_repository implements it)."""

    def list_servers(self) -> list[AIServer]: ...

    def get_server(self, server_id: int) -> AIServer | None: ...

    def add_server(self, name: str, base_url: str, *, has_key: bool, enabled: bool = True) -> AIServer: ...

    def update_server(
        self,
        server_id: int,
        *,
        name: str | None = None,
        base_url: str | None = None,
        has_key: bool | None = None,
        enabled: bool | None = None,
    ) -> AIServer: ...

    def delete_server(self, server_id: int) -> AIServer | None: ...


class AIServerError(VectorError):
    """Something about a user-added server the user can be told."""


class ServerValidationError(AIServerError):
    """A field of the server form has a value that cannot be used. `field` is "name", "base_url" or "api_key"."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class ServerNotFoundError(AIServerError):
    def __init__(self, server_id: int) -> None:
        super().__init__("That server is no longer in the list; it may have been removed.")
        self.server_id = server_id


class ServerTestError(AIServerError):
    """Testing a server failed; `str()` says why in one sentence. `kind` names the case for the UI and tests."""

    kind = "error"

    def __init__(self, message: str, *, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class ServerUnreachableError(ServerTestError):
    kind = "unreachable"


class NotCompatibleServerError(ServerTestError):
    kind = "not_compatible"


class ServerKeyRejectedError(ServerTestError):
    kind = "bad_key"
