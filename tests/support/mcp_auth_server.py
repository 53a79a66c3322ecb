"""An MCP server that requires authorization, built with the SDK's server-side auth: it is its own authorization
server (issuer http://127.0.0.1:PORT, metadata discovery, dynamic client registration, PKCE, refresh tokens) and
publishes its protected resource metadata; its one tool, `whoami`, says which client's token it was called with.

`AuthorizationServer` is an in-memory `OAuthAuthorizationServerProvider` that approves every authorization request
at once (the "user" always says yes), so a browser is simulated by following the authorization URL's redirects.
Tests steer it: `expire_access_tokens()` (the server forgets the access tokens it issued, as if they expired),
`refuse_refresh_tokens()` (every refresh token is revoked), and count what happened (`authorizations`,
`registrations`, `refreshes`).

Run it with `AuthMcpServer().start()` (uvicorn in a daemon thread on a free port of 127.0.0.1) and `.stop()`.
"""

from __future__ import annotations

import secrets
import socket
import threading
import time
from typing import Any

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import (
    AccessToken,
    AuthorizationCode,
    AuthorizationParams,
    OAuthAuthorizationServerProvider,
    RefreshToken,
    TokenError,
    construct_redirect_uri,
)
from mcp.server.auth.settings import AuthSettings, ClientRegistrationOptions
from mcp.server.mcpserver import MCPServer
from mcp.shared.auth import OAuthClientInformationFull, OAuthToken
from pydantic import AnyHttpUrl

SCOPE = "mcp:tools"
ACCESS_TOKEN_SECONDS = 3600


class AuthorizationServer(OAuthAuthorizationServerProvider[AuthorizationCode, RefreshToken, AccessToken]):
    """Clients, codes and tokens in memory; every authorization request is approved."""

    def __init__(self) -> None:
        self.clients: dict[str, OAuthClientInformationFull] = {}
        self.codes: dict[str, AuthorizationCode] = {}
        self.access_tokens: dict[str, AccessToken] = {}
        self.refresh_tokens: dict[str, RefreshToken] = {}
        self.registrations = 0
        self.authorizations = 0
        self.refreshes = 0
        self.refused_refreshes = 0

    # test controls

    def expire_access_tokens(self) -> None:
        self.access_tokens.clear()

    def refuse_refresh_tokens(self) -> None:
        self.refresh_tokens.clear()

    # the provider

    async def get_client(self, client_id: str) -> OAuthClientInformationFull | None:
        return self.clients.get(client_id)

    async def register_client(self, client_info: OAuthClientInformationFull) -> None:
        assert client_info.client_id is not None
        self.clients[client_info.client_id] = client_info
        self.registrations += 1

    async def authorize(self, client: OAuthClientInformationFull, params: AuthorizationParams) -> str:
        self.authorizations += 1
        code = secrets.token_urlsafe(24)
        self.codes[code] = AuthorizationCode(
            code=code,
            scopes=params.scopes or [SCOPE],
            expires_at=time.time() + 300,
            client_id=client.client_id or "",
            code_challenge=params.code_challenge,
            redirect_uri=params.redirect_uri,
            redirect_uri_provided_explicitly=params.redirect_uri_provided_explicitly,
            resource=params.resource,
        )
        return construct_redirect_uri(str(params.redirect_uri), code=code, state=params.state)

    async def load_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: str
    ) -> AuthorizationCode | None:
        code = self.codes.get(authorization_code)
        return code if code is not None and code.client_id == client.client_id else None

    async def exchange_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: AuthorizationCode
    ) -> OAuthToken:
        self.codes.pop(authorization_code.code, None)
        return self._issue(client.client_id or "", authorization_code.scopes, authorization_code.resource)

    async def load_refresh_token(self, client: OAuthClientInformationFull, refresh_token: str) -> RefreshToken | None:
        token = self.refresh_tokens.get(refresh_token)
        if token is None or token.client_id != client.client_id:
            self.refused_refreshes += 1
            return None
        return token

    async def exchange_refresh_token(
        self, client: OAuthClientInformationFull, refresh_token: RefreshToken, scopes: list[str]
    ) -> OAuthToken:
        if self.refresh_tokens.pop(refresh_token.token, None) is None:
            raise TokenError(error="invalid_grant", error_description="refresh token revoked")
        self.refreshes += 1
        return self._issue(refresh_token.client_id, scopes or refresh_token.scopes, refresh_token.resource)

    async def load_access_token(self, token: str) -> AccessToken | None:
        return self.access_tokens.get(token)

    async def revoke_token(self, token: AccessToken | RefreshToken) -> None:
        self.access_tokens.pop(token.token, None)
        self.refresh_tokens.pop(token.token, None)

    def _issue(self, client_id: str, scopes: list[str], resource: str | None) -> OAuthToken:
        access, refresh = f"at-{secrets.token_urlsafe(16)}", f"rt-{secrets.token_urlsafe(16)}"
        expires_at = int(time.time()) + ACCESS_TOKEN_SECONDS
        self.access_tokens[access] = AccessToken(
            token=access, client_id=client_id, scopes=scopes, expires_at=expires_at, resource=resource
        )
        self.refresh_tokens[refresh] = RefreshToken(
            token=refresh, client_id=client_id, scopes=scopes, resource=resource
        )
        return OAuthToken(
            access_token=access, expires_in=ACCESS_TOKEN_SECONDS, scope=" ".join(scopes), refresh_token=refresh
        )


def build_auth_server(base_url: str, provider: AuthorizationServer) -> MCPServer:
    server: MCPServer = MCPServer(
        name="auth-tools",
        auth_server_provider=provider,
        auth=AuthSettings(
            issuer_url=AnyHttpUrl(base_url),
            resource_server_url=AnyHttpUrl(f"{base_url}/mcp"),
            validate_token_resource=True,
            required_scopes=[SCOPE],
            client_registration_options=ClientRegistrationOptions(
                enabled=True, valid_scopes=[SCOPE], default_scopes=[SCOPE]
            ),
        ),
    )

    @server.tool(description="Say which client the access token of this call belongs to.")
    def whoami() -> str:
        token = get_access_token()
        return f"signed in as {token.client_id}" if token is not None else "anonymous"

    return server


class AuthMcpServer:
    """The server under uvicorn in a daemon thread; the port is taken first so the issuer URL can name it."""

    def __init__(self) -> None:
        import uvicorn

        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.port = int(self._socket.getsockname()[1])
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.provider = AuthorizationServer()
        app: Any = build_auth_server(self.base_url, self.provider).streamable_http_app(streamable_http_path="/mcp")
        config = uvicorn.Config(app, log_level="warning", ws="none", lifespan="on", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, name="mcp-auth-server", daemon=True
        )

    @property
    def url(self) -> str:
        return f"{self.base_url}/mcp"

    def start(self, timeout: float = 20.0) -> AuthMcpServer:
        self._thread.start()
        waited = threading.Event()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the MCP auth test server did not start")
            waited.wait(0.02)
            timeout -= 0.02
            if timeout <= 0:
                raise RuntimeError("the MCP auth test server did not start in time")
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._socket.close()
