"""MCP authorization against a server built with the SDK's server-side auth on 127.0.0.1 (tests/support/
mcp_auth_server.py): discovery, dynamic registration, PKCE sign-in in a "browser" (an httpx GET that follows the
authorization URL back to our loopback receiver), tokens and registration in the keychain, a stored token reused,
refreshed when expired, and a refused refresh turned into "sign in again". Also the service end to end (the store
never sees a token). The SDK runs on its own plain loop (`asyncio.run`) in each test."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.support.connectors import KEYCHAIN_SERVICE, RigFactory, eventually
from tests.support.connectors import open_connectors as _open_connectors  # noqa: F401
from tests.support.mcp_auth_server import SCOPE, AuthMcpServer
from tests.support.memory_keyring import MemoryKeyring
from vector_desktop.domain.connectors import (
    ConnectorAuthError,
    ConnectorSignInRequired,
    ConnectorState,
    McpServerConfig,
    McpServerDraft,
    McpTransport,
    mcp_oauth_ref,
)
from vector_desktop.domain.connectors_api import ALLOWED_IN_PANEL
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.secrets import SecretStore
from vector_desktop.services.connectors.mcp_oauth import CLOSE_TAB, LoopbackReceiver, make_oauth_provider
from vector_desktop.services.connectors.mcp_session import McpEndpoint, McpSession

SERVER_ID = 7
NAME = "Auth Tools"
TOKENS = mcp_oauth_ref(SERVER_ID, "tokens")
CLIENT = mcp_oauth_ref(SERVER_ID, "client")


class Browser:
    """What the user's browser does: open the authorization page, get redirected back to the app."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.pages: list[httpx.Response] = []

    def __call__(self, url: str) -> None:
        self.opened.append(url)
        self.pages.append(httpx.get(url, follow_redirects=True, timeout=10))


class App:
    """One start of the app: a fresh SecretStore over the same keychain."""

    def __init__(self, keyring: MemoryKeyring) -> None:
        self.keyring = keyring

    def run(self, server: AuthMcpServer, browser: Browser | None) -> tuple[list[str], Any]:
        secrets = SecretStore(KEYCHAIN_SERVICE, backend=self.keyring)

        async def scenario() -> tuple[list[str], Any]:
            auth = make_oauth_provider(SERVER_ID, server.url, secrets, browser, timeout=30, server_name=NAME)
            session = McpSession(McpEndpoint(name=NAME, url=server.url, auth=auth))
            await session.start()
            try:
                names = [tool["name"] for tool in await session.list_tools()]
                return names, await session.call_tool("whoami", {})
            finally:
                await session.close()

        return asyncio.run(scenario())

    def entry(self, name: str) -> dict[str, Any] | None:
        text = self.keyring.values.get((KEYCHAIN_SERVICE, name))
        return json.loads(text) if text is not None else None

    def age_tokens(self) -> None:
        """Time passes: the stored access token's expiry is behind us."""
        tokens = self.entry(TOKENS)
        assert tokens is not None
        tokens["expires_at"] = time.time() - 60
        self.keyring.values[(KEYCHAIN_SERVICE, TOKENS)] = json.dumps(tokens)


@pytest.fixture(name="auth_server")
def auth_server_fixture() -> Iterator[AuthMcpServer]:
    server = AuthMcpServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(name="app")
def app_fixture() -> App:
    return App(MemoryKeyring())


def test_first_use_signs_in_in_the_browser_and_calls_the_tool(auth_server: AuthMcpServer, app: App) -> None:
    browser = Browser()

    names, result = app.run(auth_server, browser)

    assert names == ["whoami"]
    [client_id] = auth_server.provider.clients
    assert result.status is ToolStatus.SUCCEEDED and result.text == f"signed in as {client_id}"
    [opened] = browser.opened
    query = {key: values[0] for key, values in parse_qs(urlsplit(opened).query).items()}
    assert opened.startswith(f"{auth_server.base_url}/authorize?")
    assert query["client_id"] == client_id and query["code_challenge_method"] == "S256" and query["code_challenge"]
    assert query["scope"] == SCOPE and query["resource"] == auth_server.url
    assert urlsplit(query["redirect_uri"]).hostname == "127.0.0.1" and query["redirect_uri"].endswith("/callback")
    [page] = browser.pages
    assert page.status_code == 200 and CLOSE_TAB in page.text
    registered = auth_server.provider.clients[client_id]
    assert registered.client_name == "Vector Desktop" and registered.token_endpoint_auth_method == "none"
    assert set(registered.grant_types) == {"authorization_code", "refresh_token"}
    assert [str(uri) for uri in registered.redirect_uris or ()] == [query["redirect_uri"]]
    tokens, client = app.entry(TOKENS), app.entry(CLIENT)
    assert tokens is not None and tokens["access_token"] in auth_server.provider.access_tokens
    assert tokens["refresh_token"] in auth_server.provider.refresh_tokens
    assert client is not None and client["client_id"] == client_id


def test_a_second_session_reuses_the_stored_token(auth_server: AuthMcpServer, app: App) -> None:
    browser = Browser()
    app.run(auth_server, browser)

    names, result = app.run(auth_server, None)  # no browser to open: the stored token must do

    assert names == ["whoami"] and result.status is ToolStatus.SUCCEEDED
    assert len(browser.opened) == 1
    assert (auth_server.provider.registrations, auth_server.provider.authorizations) == (1, 1)


@pytest.mark.parametrize("how", ["by its expiry time", "by the server before its time"])
def test_an_expired_access_token_is_refreshed(auth_server: AuthMcpServer, app: App, how: str) -> None:
    app.run(auth_server, Browser())
    before = app.entry(TOKENS)
    assert before is not None
    auth_server.provider.expire_access_tokens()
    if how == "by its expiry time":
        app.age_tokens()

    names, result = app.run(auth_server, None)

    assert names == ["whoami"] and result.status is ToolStatus.SUCCEEDED
    assert (auth_server.provider.refreshes, auth_server.provider.authorizations) == (1, 1)
    after = app.entry(TOKENS)
    assert after is not None and after["access_token"] != before["access_token"]
    assert after["access_token"] in auth_server.provider.access_tokens
    assert after["refresh_token"] in auth_server.provider.refresh_tokens  # the rotated one
    assert after["expires_at"] > time.time()


def test_a_refused_refresh_token_asks_to_sign_in_again(auth_server: AuthMcpServer, app: App) -> None:
    app.run(auth_server, Browser())
    auth_server.provider.expire_access_tokens()
    auth_server.provider.refuse_refresh_tokens()
    app.age_tokens()

    with pytest.raises(ConnectorSignInRequired) as raised:
        app.run(auth_server, None)  # the command line without a terminal: nobody to sign in

    assert str(raised.value) == f"{NAME} asks you to sign in again."
    assert auth_server.provider.refused_refreshes == 1
    assert app.entry(TOKENS) is None and app.entry(CLIENT) is not None

    browser = Browser()
    names, result = app.run(auth_server, browser)  # "Sign in again" in the app

    assert names == ["whoami"] and result.status is ToolStatus.SUCCEEDED
    assert len(browser.opened) == 1 and CLOSE_TAB in browser.pages[0].text
    assert (auth_server.provider.registrations, auth_server.provider.authorizations) == (1, 2)


def test_without_a_browser_the_first_use_asks_to_sign_in(auth_server: AuthMcpServer, app: App) -> None:
    with pytest.raises(ConnectorSignInRequired) as raised:
        app.run(auth_server, None)

    assert str(raised.value) == f"{NAME} asks you to sign in."
    assert auth_server.provider.authorizations == 0 and app.entry(TOKENS) is None


@pytest.mark.parametrize("how", ["with the Cancel button", "by cancelling the task"])
def test_a_pending_sign_in_can_be_cancelled(auth_server: AuthMcpServer, how: str) -> None:
    opened: list[str] = []  # the user never comes back from the browser
    secrets = SecretStore(KEYCHAIN_SERVICE, backend=MemoryKeyring())

    async def scenario() -> tuple[int, bool, BaseException | None]:
        auth = make_oauth_provider(SERVER_ID, auth_server.url, secrets, opened.append, timeout=60, server_name=NAME)
        session = McpSession(McpEndpoint(name=NAME, url=auth_server.url, auth=auth))
        starting = asyncio.create_task(session.start())
        while not (opened and auth.receiver is not None and auth.receiver.listening):
            await asyncio.sleep(0.01)
        port = auth.receiver.port
        if how == "with the Cancel button":
            auth.cancel_sign_in()
        else:
            starting.cancel()
        outcome = (await asyncio.gather(starting, return_exceptions=True))[0]
        await session.close()
        return port, auth.receiver.listening, outcome if isinstance(outcome, BaseException) else None

    port, listening, outcome = asyncio.run(scenario())

    if how == "with the Cancel button":
        assert isinstance(outcome, ConnectorSignInRequired)
        assert str(outcome) == f"The sign-in to {NAME} was cancelled."
    else:
        assert isinstance(outcome, asyncio.CancelledError)
    assert not listening
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/callback", timeout=5)


# ---------------------------------------------------------------------------------------------------- loopback


def test_the_loopback_receiver_takes_only_the_answer_to_its_own_request() -> None:
    async def scenario() -> tuple[list[tuple[int, str]], str]:
        receiver = LoopbackReceiver(NAME, timeout=30)
        await receiver.start("expected-state")
        base = receiver.redirect_uri
        async with httpx.AsyncClient(timeout=10) as browser:
            pages = []
            for url in (
                f"{base}?code=c1&state=forged",
                base.replace("/callback", "/favicon.ico"),
                f"{base}?code=c2&state=expected-state",
            ):
                response = await browser.get(url)
                pages.append((response.status_code, response.text))
        answer = await receiver.wait()
        return pages, answer.code

    pages, code = asyncio.run(scenario())

    assert [status for status, _ in pages] == [400, 404, 200]
    assert "not the sign-in Vector Desktop is waiting for" in pages[0][1]
    assert CLOSE_TAB in pages[2][1]
    assert code == "c2"


def test_a_refusal_in_the_browser_is_a_sentence() -> None:
    async def scenario() -> None:
        receiver = LoopbackReceiver(NAME, timeout=30)
        await receiver.start("s")
        async with httpx.AsyncClient(timeout=10) as browser:
            page = await browser.get(f"{receiver.redirect_uri}?error=access_denied&state=s")
        assert CLOSE_TAB in page.text
        await receiver.wait()

    with pytest.raises(ConnectorAuthError, match=f"^{NAME} refused the sign-in \\(access_denied\\)\\.$"):
        asyncio.run(scenario())


@pytest.mark.parametrize("ending", ["cancel", "timeout"])
def test_a_sign_in_can_be_cancelled_or_run_out_of_time(ending: str) -> None:
    async def scenario() -> None:
        receiver = LoopbackReceiver(NAME, timeout=0.2 if ending == "timeout" else 30)
        await receiver.start("s")
        if ending == "cancel":
            asyncio.get_running_loop().call_soon(receiver.cancel)
        try:
            await receiver.wait()
        finally:
            assert not receiver.listening

    with pytest.raises(ConnectorSignInRequired) as raised:
        asyncio.run(scenario())

    expected = "was cancelled." if ending == "cancel" else "was not finished within 0.2 seconds; sign in again."
    assert str(raised.value) == f"The sign-in to {NAME} {expected}"


# ---------------------------------------------------------------------------------------------------- service


def test_the_service_signs_in_and_keeps_tokens_out_of_the_store(
    auth_server: AuthMcpServer, open_connectors: RigFactory, profile_dir: Path
) -> None:
    browser = Browser()
    secrets = SecretStore(KEYCHAIN_SERVICE, backend=open_connectors.keyring)

    def auth_for(config: McpServerConfig) -> Any:
        return make_oauth_provider(config.id, config.url, secrets, browser, timeout=30, server_name=config.name)

    rig = open_connectors(auth_for=auth_for)
    draft = McpServerDraft(NAME, McpTransport.HTTP, url=auth_server.url, use_oauth=True)
    config = rig.run(rig.service.add_mcp_server(draft))
    rig.run(rig.service.ensure_tools(config.key))
    eventually(
        lambda: any(i.key == config.key and i.state is ConnectorState.READY for i in rig.service.connectors()), "ready"
    )
    [spec] = rig.service.tools(config.key)
    run = rig.run(rig.service.call_tool(spec.qualified_name, {}, origin="panel", allowed_by=ALLOWED_IN_PANEL))
    rig.close()

    [client_id] = auth_server.provider.clients
    assert run.result.status is ToolStatus.SUCCEEDED and run.result.text == f"signed in as {client_id}"
    assert len(browser.opened) == 1
    kept = rig.secrets()
    tokens = json.loads(kept[mcp_oauth_ref(config.id, "tokens")])
    assert json.loads(kept[mcp_oauth_ref(config.id, "client")])["client_id"] == client_id
    on_disk = b"".join(path.read_bytes() for path in profile_dir.rglob("*") if path.is_file())
    for secret in (tokens["access_token"], tokens["refresh_token"]):
        assert secret.encode() not in on_disk
