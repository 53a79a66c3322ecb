"""MCP authorization for remote servers that require it (OAuth 2.1 with PKCE, metadata discovery, dynamic client
registration), through the SDK's `OAuthClientProvider`.

What is ours: the tokens and the client registration live in the keychain (never in the store), the browser comes
back to a loopback receiver on 127.0.0.1, and a sign-in that would need the browser when there is none to open
(the command line without a terminal) becomes ConnectorSignInRequired instead. Discovery, registration, the code
exchange and refreshing an expired token are the SDK's job; we keep the expiry across sessions and also try the
refresh token when a server ends an access token early, before asking for the browser.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import logging
import socket
import time
from collections.abc import AsyncGenerator, Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio.to_thread
import httpx2
from mcp.client.auth import OAuthClientProvider
from mcp.shared.auth import AuthorizationCodeResult, OAuthClientInformationFull, OAuthClientMetadata, OAuthToken
from pydantic import AnyUrl, ValidationError

from vector_desktop.domain.connectors import ConnectorAuthError, ConnectorSignInRequired, mcp_oauth_ref
from vector_desktop.domain.errors import SecretStoreError
from vector_desktop.services.connectors.mcp_secrets import SecretKeeper

log = logging.getLogger(__name__)

CLIENT_NAME = "Vector Desktop"
CALLBACK_PATH = "/callback"
LOOPBACK_HOST = "127.0.0.1"
SIGN_IN_TIMEOUT = 300.0  # seconds the user has to finish signing in in the browser
CLOSE_TAB = "You can close this tab and return to Vector Desktop."

BrowserOpener = Callable[[str], None]


# ---------------------------------------------------------------------------------------------------- storage


class KeychainTokenStorage:
    """The SDK's TokenStorage over the keychain: `mcp_oauth_ref(server, "tokens")` holds the tokens with the time
    the access token expires, `mcp_oauth_ref(server, "client")` the client registration. Keychain calls block, so
    they run in a worker thread."""

    def __init__(self, secrets: SecretKeeper, server_id: int) -> None:
        self._secrets = secrets
        self._tokens_key = mcp_oauth_ref(server_id, "tokens")
        self._client_key = mcp_oauth_ref(server_id, "client")
        self.expires_at: float | None = None  # of the tokens last read or written
        self.had_tokens = False  # tokens were found: a new sign-in is a sign-in "again"

    async def _read(self, key: str) -> dict[str, Any] | None:
        text = await anyio.to_thread.run_sync(self._secrets.get, key)
        if not text:
            return None
        try:
            value = json.loads(text)
        except ValueError:
            log.warning("ignoring an unreadable keychain entry %s", key)
            return None
        return value if isinstance(value, dict) else None

    async def _write(self, key: str, value: dict[str, Any]) -> None:
        try:
            await anyio.to_thread.run_sync(self._secrets.set, key, json.dumps(value, separators=(",", ":")))
        except SecretStoreError as error:  # kept for this session only; the message names no secret
            log.warning("%s", error)

    async def get_tokens(self) -> OAuthToken | None:
        stored = await self._read(self._tokens_key)
        if stored is None:
            return None
        expires_at = stored.pop("expires_at", None)
        try:
            tokens = OAuthToken.model_validate(stored)
        except ValidationError:
            log.warning("ignoring unreadable OAuth tokens in %s", self._tokens_key)
            return None
        self.expires_at = float(expires_at) if isinstance(expires_at, int | float) else None
        self.had_tokens = True
        return tokens

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self.expires_at = time.time() + int(tokens.expires_in) if tokens.expires_in is not None else None
        await self._write(self._tokens_key, {**tokens.model_dump(mode="json"), "expires_at": self.expires_at})

    async def forget_tokens(self) -> None:
        self.expires_at = None
        try:
            await anyio.to_thread.run_sync(self._secrets.delete, self._tokens_key)
        except SecretStoreError as error:
            log.warning("%s", error)

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        stored = await self._read(self._client_key)
        if stored is None:
            return None
        try:
            return OAuthClientInformationFull.model_validate(stored)
        except ValidationError:
            log.warning("ignoring an unreadable client registration in %s", self._client_key)
            return None

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        await self._write(self._client_key, client_info.model_dump(mode="json", exclude_none=True))


# ---------------------------------------------------------------------------------------------------- loopback


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK_HOST, 0))
        return int(probe.getsockname()[1])


def loopback_port(redirect_uris: list[AnyUrl] | None) -> int | None:
    """The port of a registered loopback redirect URI (the registration is only valid for that exact URI)."""
    for uri in redirect_uris or ():
        parts = urlsplit(str(uri))
        if parts.hostname == LOOPBACK_HOST and parts.port and parts.path == CALLBACK_PATH:
            return parts.port
    return None


def _duration(seconds: float) -> str:
    return f"{seconds / 60:g} minutes" if seconds >= 60 else f"{seconds:g} seconds"


def _page(title: str, text: str) -> bytes:
    body = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
        f"<body style='font-family:sans-serif;margin:3em'><h1>{html.escape(title)}</h1>"
        f"<p>{html.escape(text)}</p></body></html>"
    )
    return body.encode()


class LoopbackReceiver:
    """Receives the browser's redirect at http://127.0.0.1:PORT/callback: one answer carrying the `state` of the
    authorization request ends the wait; anything else gets a page saying so and the wait goes on."""

    def __init__(self, server_name: str, port: int = 0, *, timeout: float = SIGN_IN_TIMEOUT) -> None:
        self._server_name = server_name
        self.port = port or free_port()
        self._timeout = timeout
        self._server: asyncio.Server | None = None
        self._expected_state = ""
        self._answer: asyncio.Future[AuthorizationCodeResult] | None = None

    @property
    def redirect_uri(self) -> str:
        return f"http://{LOOPBACK_HOST}:{self.port}{CALLBACK_PATH}"

    @property
    def listening(self) -> bool:
        return self._server is not None

    async def start(self, expected_state: str) -> None:
        await self.stop()
        self._expected_state = expected_state
        self._answer = asyncio.get_running_loop().create_future()
        try:
            self._server = await asyncio.start_server(self._serve, LOOPBACK_HOST, self.port)
        except OSError as error:
            raise ConnectorSignInRequired(
                f"The sign-in to {self._server_name} cannot start: port {self.port} of this computer is in use "
                f"({error.strerror or 'busy'}); close what uses it and sign in again."
            ) from None

    async def wait(self) -> AuthorizationCodeResult:
        """The code and state the browser brought back; stops listening whatever happens."""
        if self._answer is None:
            raise RuntimeError("the loopback receiver was not started")
        try:
            return await asyncio.wait_for(self._answer, self._timeout)
        except TimeoutError:
            raise ConnectorSignInRequired(
                f"The sign-in to {self._server_name} was not finished within {_duration(self._timeout)}; sign in again."
            ) from None
        finally:
            await self.stop()

    def cancel(self) -> None:
        """Stop waiting for the browser (the user pressed Cancel)."""
        if self._answer is not None and not self._answer.done():
            self._answer.set_exception(ConnectorSignInRequired(f"The sign-in to {self._server_name} was cancelled."))

    async def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
            await server.wait_closed()
        if self._answer is not None and self._answer.done() and not self._answer.cancelled():
            self._answer.exception()  # mark a cancellation nobody awaited as seen

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request_line = await asyncio.wait_for(reader.readline(), 10)
            while (await asyncio.wait_for(reader.readline(), 10)) not in (b"\r\n", b"\n", b""):
                pass  # headers: nothing in them matters here
            status, title, text = self._answer_for(request_line.decode("latin-1"))
            page = _page(title, text)
            head = (
                f"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(page)}\r\n"
                "Cache-Control: no-store\r\nConnection: close\r\n\r\n"
            )
            writer.write(head.encode() + page)
            await writer.drain()
        except (OSError, TimeoutError, ValueError):
            pass  # a browser that went away: it may come back with another request
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()

    def _answer_for(self, request_line: str) -> tuple[str, str, str]:
        method, _, rest = request_line.partition(" ")
        target = rest.rpartition(" ")[0] if rest.count(" ") else rest
        parts = urlsplit(target.strip())
        if method != "GET" or parts.path != CALLBACK_PATH:
            return "404 Not Found", "Not found", "Vector Desktop is waiting for a sign-in here."
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        if query.get("state") != self._expected_state or self._answer is None or self._answer.done():
            return "400 Bad Request", "Unexpected sign-in", "This is not the sign-in Vector Desktop is waiting for."
        if "error" in query:
            reason = query["error"][:80]
            self._answer.set_exception(ConnectorAuthError(f"{self._server_name} refused the sign-in ({reason})."))
            return "200 OK", "Sign-in refused", f"{self._server_name} refused the sign-in. {CLOSE_TAB}"
        if not query.get("code"):
            return "400 Bad Request", "Unexpected sign-in", "The answer carries no authorization code."
        self._answer.set_result(AuthorizationCodeResult(code=query["code"], state=query["state"], iss=query.get("iss")))
        return "200 OK", "Signed in", f"You are signed in to {self._server_name}. {CLOSE_TAB}"


# ---------------------------------------------------------------------------------------------------- provider


class McpOAuthProvider(OAuthClientProvider):
    """The SDK's provider with the stored expiry honoured (so a token stored in an earlier session is refreshed, not
    sent stale), refused refresh tokens forgotten, and the loopback port kept stable per client registration."""

    def __init__(
        self,
        server_name: str,
        server_url: str,
        storage: KeychainTokenStorage,
        open_browser: BrowserOpener | None,
        *,
        timeout: float,
        client_metadata_url: str | None = None,
    ) -> None:
        self.server_name = server_name
        self._storage = storage
        self._open_browser = open_browser
        self._timeout = timeout
        self.receiver: LoopbackReceiver | None = None
        metadata = OAuthClientMetadata(
            client_name=CLIENT_NAME,
            redirect_uris=[AnyUrl(f"http://{LOOPBACK_HOST}{CALLBACK_PATH}")],  # the port is set in _initialize
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
            token_endpoint_auth_method="none",
        )
        super().__init__(
            server_url,
            metadata,
            storage,
            redirect_handler=self._redirect,
            callback_handler=self._callback,
            client_metadata_url=client_metadata_url,
        )

    def cancel_sign_in(self) -> None:
        """Stop waiting for the browser; the connection attempt fails with ConnectorSignInRequired."""
        if self.receiver is not None:
            self.receiver.cancel()

    async def _initialize(self) -> None:
        await super()._initialize()
        self.context.token_expiry_time = self._storage.expires_at
        registered = self.context.client_info.redirect_uris if self.context.client_info else None
        port = loopback_port(registered) or (self.receiver.port if self.receiver else 0)
        if self.receiver is None or self.receiver.port != port:
            self.receiver = LoopbackReceiver(self.server_name, port, timeout=self._timeout)
        self.context.client_metadata.redirect_uris = [AnyUrl(self.receiver.redirect_uri)]

    async def _auth_flow(self, request: httpx2.Request) -> AsyncGenerator[httpx2.Request, httpx2.Response]:
        """The SDK's flow, but a 401 to a token we hold tries the refresh token before the browser (the SDK only
        refreshes tokens it knows to be expired; a server may end them earlier, or its clock may run ahead)."""
        flow = super()._auth_flow(request)
        tried_refresh = False
        try:
            outgoing = await flow.__anext__()
            while True:
                response = yield outgoing
                if (
                    outgoing is request
                    and response.status_code == 401
                    and not tried_refresh
                    and "authorization" in request.headers
                    and self.context.can_refresh_token()
                ):
                    tried_refresh = True
                    refresh_response = yield await self._refresh_token()
                    if await self._handle_refresh_response(refresh_response):
                        self._add_auth_header(request)
                        response = yield request
                        if response.status_code != 401:
                            return
                outgoing = await flow.asend(response)
        except StopAsyncIteration:
            return
        finally:
            await flow.aclose()

    async def _handle_refresh_response(self, response: httpx2.Response) -> bool:
        refreshed = await super()._handle_refresh_response(response)
        if not refreshed:  # refused: a new sign-in is needed, and retrying it at every request would not help
            await self._storage.forget_tokens()
        return refreshed

    async def _redirect(self, authorization_url: str) -> None:
        if self._open_browser is None:
            again = " again" if self._storage.had_tokens else ""
            raise ConnectorSignInRequired(f"{self.server_name} asks you to sign in{again}.")
        if self.receiver is None:
            raise RuntimeError("the provider was not initialized")
        state = parse_qs(urlsplit(authorization_url).query).get("state", [""])[0]
        await self.receiver.start(state)
        try:
            await anyio.to_thread.run_sync(self._open_browser, authorization_url)
        except Exception as error:
            await self.receiver.stop()
            log.warning("opening the browser failed: %s", type(error).__name__)
            raise ConnectorSignInRequired(
                f"The browser could not be opened to sign in to {self.server_name}."
            ) from None

    async def _callback(self) -> AuthorizationCodeResult:
        if self.receiver is None or not self.receiver.listening:
            raise RuntimeError("the sign-in was not started")
        return await self.receiver.wait()


def make_oauth_provider(
    server_id: int,
    server_url: str,
    secrets: SecretKeeper,
    open_browser: BrowserOpener | None,
    *,
    timeout: float = SIGN_IN_TIMEOUT,
    server_name: str = "",
    client_metadata_url: str | None = None,
) -> McpOAuthProvider:
    """The `auth` of an McpEndpoint for a server that requires MCP authorization.

    `open_browser(url)` shows the authorization page (it runs in a worker thread); None means no one can sign in
    now, and a needed sign-in raises ConnectorSignInRequired. `timeout` is how long the user has to finish in the
    browser. `client_metadata_url` is an https URL-based client id (a Client ID Metadata Document), used instead
    of dynamic registration by servers that support it.
    """
    name = server_name or urlsplit(server_url).hostname or "The server"
    return McpOAuthProvider(
        name,
        server_url,
        KeychainTokenStorage(secrets, server_id),
        open_browser,
        timeout=timeout,
        client_metadata_url=client_metadata_url,
    )
