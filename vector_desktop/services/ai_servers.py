"""AIServerService: the user's own OpenAI-compatible servers (Ollama, LM Studio, llama.cpp, vLLM…).

Rows live in the store (name, base URL, enabled, whether a key was saved); each API key lives only in the keychain
under `AI_SERVER_KEY:<id>`. Every method but `probe` blocks (SQLite, keychain, HTTP): call them off the GUI thread.
A server's models are app-wide ids `compat:<name>/<model>`, hence the rules on names.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from vector_desktop.ai.error_mapping import error_from_response
from vector_desktop.ai.errors import AuthError
from vector_desktop.ai.models import parse_models
from vector_desktop.ai.providers import COMPAT_PREFIX, ProviderConfig
from vector_desktop.domain.ai_servers import (
    AIServer,
    NotCompatibleServerError,
    ServerKeyRejectedError,
    ServerNotFoundError,
    ServerStore,
    ServerTestError,
    ServerUnreachableError,
    ServerValidationError,
)
from vector_desktop.domain.chat import CachedModel
from vector_desktop.domain.errors import SecretStoreError
from vector_desktop.services.reachability import ProviderReachability

if TYPE_CHECKING:  # httpx is imported when a server is tested, not at start-up
    import httpx

log = logging.getLogger(__name__)

MAX_NAME_LENGTH = 100
# Names of the built-in providers: the model cache is keyed by provider name, so a server may not take one.
RESERVED_NAMES = frozenset({"openrouter", "openai", "on-device model"})
ADDRESS_EXAMPLE = "http://localhost:11434/v1"


class SecretKeeper(Protocol):
    """The part of vector_desktop.secrets.SecretStore used here."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...

    def delete(self, key: str) -> None: ...

    def is_session_only(self, key: str) -> bool: ...


class ModelCache(Protocol):
    """The store's model-list cache (ChatRepository), keyed by provider name."""

    def replace_models(self, provider: str, models: Sequence[CachedModel]) -> None: ...

    def cached_models(self, provider: str | None = None) -> list[CachedModel]: ...


# ---- validation -----------------------------------------------------------------------------------------------


def clean_name(name: str) -> str:
    text = name.strip()
    if not text:
        raise ServerValidationError("name", "Give the server a name, e.g. Ollama.")
    if "/" in text:
        raise ServerValidationError("name", "The name cannot contain “/” (it is part of every model id).")
    if any(not c.isprintable() for c in text):
        raise ServerValidationError("name", "The name cannot contain tabs or line breaks.")
    if len(text) > MAX_NAME_LENGTH:
        raise ServerValidationError("name", f"The name is too long (at most {MAX_NAME_LENGTH} characters).")
    if text.casefold() in RESERVED_NAMES:
        raise ServerValidationError("name", f"“{text}” is the name of a built-in provider. Choose another name.")
    return text


def clean_base_url(url: str) -> str:
    text = url.strip()
    if not text:
        raise ServerValidationError("base_url", f"Enter the server's address, e.g. {ADDRESS_EXAMPLE}.")
    if any(c.isspace() for c in text):
        raise ServerValidationError("base_url", "The address cannot contain spaces.")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  (raises ValueError for a bad port)
    except ValueError as error:
        raise ServerValidationError(
            "base_url", f"“{text}” is not a valid address; it should look like {ADDRESS_EXAMPLE}."
        ) from error
    if parts.scheme.lower() not in ("http", "https"):
        raise ServerValidationError(
            "base_url", f"The address must start with http:// or https://, e.g. {ADDRESS_EXAMPLE}."
        )
    if not parts.hostname:
        raise ServerValidationError("base_url", f"The address has no host name; it should look like {ADDRESS_EXAMPLE}.")
    if parts.username or parts.password:
        raise ServerValidationError(
            "base_url", "Put the key in the API key field, not in the address (the address is not kept secret)."
        )
    if parts.query or parts.fragment:
        raise ServerValidationError("base_url", "The address cannot contain “?” or “#”; enter the API's base URL.")
    return text.rstrip("/")


def clean_api_key(key: str) -> str:
    text = key.strip()
    if any(not (c.isascii() and c.isprintable()) or c.isspace() for c in text):
        raise ServerValidationError(
            "api_key", "The API key can only contain letters, digits and punctuation (no spaces or line breaks)."
        )
    return text


# ---- testing a server -----------------------------------------------------------------------------------------


def _cause_of(error: BaseException, kind: type[BaseException]) -> BaseException | None:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _transport_failure(url: str, error: httpx.HTTPError, timeout: float) -> ServerTestError:
    import httpx

    if isinstance(error, httpx.TimeoutException):
        return ServerUnreachableError(f"The server at {url} did not answer within {timeout:g} seconds.", url=url)
    if _cause_of(error, ConnectionRefusedError) is not None:
        return ServerUnreachableError(
            f"Nothing is listening at {url}: the connection was refused. "
            "Check that the server is running and that the address and port are right.",
            url=url,
        )
    if _cause_of(error, socket.gaierror) is not None:
        return ServerUnreachableError(f"The host in {url} could not be found. Check the address.", url=url)
    return ServerUnreachableError(
        f"Could not connect to {url} ({type(error).__name__}). "
        "Check that the server is running and can be reached from this computer.",
        url=url,
    )


def _not_compatible(url: str, why: str, status: int | None) -> NotCompatibleServerError:
    return NotCompatibleServerError(
        f"{url} is not an OpenAI-compatible server: {why}. Check the address; for most servers it ends in /v1.",
        url=url,
        status=status,
    )


def _check_models_response(provider: ProviderConfig, response: httpx.Response) -> list[str]:
    """The model ids of a GET /models answer, or the typed error that explains the answer."""
    url, status = provider.base_url, response.status_code
    if 300 <= status < 400 and response.headers.get("location"):
        raise ServerTestError(
            f"{url} redirects to {response.headers['location']}. Use that address instead.", url=url, status=status
        )
    if status == 404:
        raise _not_compatible(url, "it has no /models endpoint (HTTP 404)", status)
    if status >= 400:
        error = error_from_response(provider, status, response.content, response.headers)
        if isinstance(error, AuthError) or status == 401:
            if provider.api_key:
                message = f"The server at {url} did not accept the API key (HTTP {status}). Check the key."
            else:
                message = f"The server at {url} needs an API key (HTTP {status}). Enter it in the API key field."
            raise ServerKeyRejectedError(message, url=url, status=status) from error
        raise ServerTestError(str(error), url=url, status=status) from error
    try:
        payload = response.json()
    except (ValueError, UnicodeDecodeError) as error:
        raise _not_compatible(url, "its /models answer is not JSON", status) from error
    entries = payload.get("data") if isinstance(payload, dict) else payload
    if not isinstance(entries, list):
        raise _not_compatible(url, "its /models answer is not a list of models", status)
    return [model.id for model in parse_models(entries)]


# ---- the service ----------------------------------------------------------------------------------------------


class AIServerService:
    def __init__(
        self,
        repo: ServerStore,
        secrets: SecretKeeper,
        *,
        model_cache: ModelCache | None = None,
        timeout: float = 10.0,
        probe_timeout: float = 1.5,
        http: Callable[[], httpx.Client] | None = None,
    ) -> None:
        self._repo = repo
        self._secrets = secrets
        self._cache = model_cache
        self._timeout = timeout
        self._http = http
        # Probes by base URL (the URL is its own "model" here): TCP connect to the server's host:port.
        self._reachability = ProviderReachability(lambda url: url, timeout=probe_timeout)

    # -- the list

    def list_servers(self) -> list[AIServer]:
        return self._repo.list_servers()

    def get(self, server_id: int) -> AIServer:
        server = self._repo.get_server(server_id)
        if server is None:
            raise ServerNotFoundError(server_id)
        return server

    def add(self, name: str, base_url: str, api_key: str = "", *, enabled: bool = True) -> AIServer:
        name = self._unique_name(clean_name(name))
        base_url = clean_base_url(base_url)
        api_key = clean_api_key(api_key)
        server = self._repo.add_server(name, base_url, has_key=bool(api_key), enabled=enabled)
        if api_key:
            self._save_key(server, api_key)
        return server

    def update(
        self,
        server_id: int,
        *,
        name: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        enabled: bool | None = None,
    ) -> AIServer:
        """Change a server. `api_key`: None keeps the saved key, "" removes it, anything else replaces it."""
        before = self.get(server_id)
        if name is not None:
            name = self._unique_name(clean_name(name), exclude=server_id)
        if base_url is not None:
            base_url = clean_base_url(base_url)
        if api_key is not None:
            api_key = clean_api_key(api_key)
        has_key = None if api_key is None else bool(api_key)
        server = self._repo.update_server(server_id, name=name, base_url=base_url, has_key=has_key, enabled=enabled)
        if api_key:
            self._save_key(server, api_key)
        elif api_key == "" and before.has_key:
            self._secrets.delete(server.key_ref)
        # Cached models are keyed by the old name (and came from the old address): they are stale now.
        if server.name != before.name or server.base_url != before.base_url or not server.enabled:
            self._forget_models(before.name)
        return server

    def remove(self, server_id: int) -> AIServer | None:
        """Remove a server, its cached models and its key in the keychain. Returns what was removed."""
        server = self._repo.delete_server(server_id)
        if server is None:
            return None
        self._forget_models(server.name)
        try:
            self._secrets.delete(server.key_ref)
        except SecretStoreError as error:
            raise SecretStoreError(
                f"The server “{server.name}” was removed, but the keychain refused to delete its API key."
            ) from error
        return server

    def _unique_name(self, name: str, exclude: int | None = None) -> str:
        for other in self._repo.list_servers():
            if other.id != exclude and other.name.casefold() == name.casefold():
                raise ServerValidationError(
                    "name", f"There is already a server named “{other.name}”. Choose another name."
                )
        return name

    def _save_key(self, server: AIServer, api_key: str) -> None:
        try:
            self._secrets.set(server.key_ref, api_key)
        except SecretStoreError:
            # The store keeps it for this session; key_is_session_only() lets the UI say so.
            log.warning("the keychain refused the key of server %s; kept for this session", server.id)

    def _forget_models(self, name: str) -> None:
        if self._cache is not None:
            self._cache.replace_models(name, [])

    # -- keys

    def api_key(self, server_id: int) -> str:
        """The saved key ("" when none). For testing a server with its saved key; never shown to the user."""
        server = self.get(server_id)
        return (self._secrets.get(server.key_ref) or "") if server.has_key else ""

    def key_is_session_only(self, server: AIServer) -> bool:
        """True when the server's key will be gone after a restart (no keychain, or it refused the key)."""
        return server.has_key and self._secrets.is_session_only(server.key_ref)

    # -- for the LLM client

    def provider_configs(self) -> list[ProviderConfig]:
        """Enabled servers as providers, keys read from the keychain, models known from the cache."""
        configs: list[ProviderConfig] = []
        for server in self._repo.list_servers():
            if not server.enabled:
                continue
            key = ""
            if server.has_key:
                key = self._secrets.get(server.key_ref) or ""
                if not key:
                    log.warning("server %s has a key, but the keychain returned none", server.id)
            configs.append(ProviderConfig.compatible(server.name, server.base_url, key, self._cached_ids(server.name)))
        return configs

    def _cached_ids(self, name: str) -> list[str]:
        if self._cache is None:
            return []
        prefix = f"{COMPAT_PREFIX}{name}/"
        return [m.model_id.removeprefix(prefix) for m in self._cache.cached_models(name)]

    # -- checking a server

    def test(self, base_url: str, api_key: str = "") -> list[str]:
        """GET <base_url>/models: the ids the server serves, or a ServerTestError saying what is wrong."""
        import httpx

        url = clean_base_url(base_url)
        provider = ProviderConfig.compatible("The server", url, clean_api_key(api_key))
        client = self._http() if self._http is not None else httpx.Client(timeout=self._timeout)
        try:
            with client:
                response = client.get(provider.url("models"), headers=provider.headers(stream=False))
        except httpx.HTTPError as error:
            raise _transport_failure(url, error, self._timeout) from error
        return _check_models_response(provider, response)

    async def probe(self, servers: Sequence[AIServer]) -> dict[int, bool]:
        """Can each server's host:port be reached (TCP connect)? Runs on the event loop without blocking it."""
        await self._reachability.refresh([s.base_url for s in servers])
        return {s.id: self._reachability.is_reachable(s.base_url) for s in servers}
