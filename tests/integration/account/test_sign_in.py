"""Signing in through the real loopback redirect against the fake Google: PKCE, state, nonce and the ID token
checked; each failure a user can hit ends in one sentence, in the app and in the browser's tab."""

from __future__ import annotations

import asyncio
import socket
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.integration.account.harness import AccountHarness, port_is_closed
from tests.support.fake_google import FakeBrowser, IdleBrowser, tiny_png
from vector_desktop.domain.account import AccountProfile
from vector_desktop.services.account import auth_errors
from vector_desktop.services.account.auth_service import REFRESH_TOKEN_KEY
from vector_desktop.store.account_repository import AccountRepository

pytestmark = pytest.mark.asyncio


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def failed_sign_in(account: AccountHarness, **kwargs: object) -> tuple[str, FakeBrowser]:
    browser = FakeBrowser()
    service = account.service(**kwargs)
    with pytest.raises(auth_errors.AuthError) as caught:
        await service.sign_in(browser)
    browser.join()
    assert service.current() is None
    assert AccountRepository(account.sessions).load() is None
    assert REFRESH_TOKEN_KEY not in account.keychain()
    return str(caught.value), browser


async def test_sign_in_through_the_loopback_redirect(account: AccountHarness) -> None:
    seen: list[AccountProfile | None] = []
    service = account.service()
    service.add_listener(seen.append)
    browser = FakeBrowser()

    profile = await service.sign_in(browser)
    browser.join()

    assert (profile.name, profile.email, profile.subject) == ("Ada Lovelace", "ada@example.com", account.fake.user.sub)
    assert profile.picture == tiny_png()
    assert seen == [profile] and service.current() == profile
    assert "Signed in to Vector Desktop — you can close this tab" in browser.pages[0]
    # What Google was asked: only openid email profile, PKCE S256, a nonce, a state; the verifier checked.
    (asked,) = account.fake.auth_requests
    assert asked["scope"].split() == ["openid", "email", "profile"]
    assert asked["code_challenge_method"] == "S256" and asked["nonce"] and asked["state"]
    (exchange,) = account.fake.token_requests
    assert len(exchange["code_verifier"]) >= 43
    assert account.fake.problems == []
    # The refresh token is in the keychain, the profile (with the picture) in the store.
    assert account.keychain()[REFRESH_TOKEN_KEY] in account.fake.refresh_tokens
    cached = AccountRepository(account.sessions).load()
    assert cached is not None and cached.email == "ada@example.com" and cached.picture == tiny_png()
    assert port_is_closed(urlsplit(asked["redirect_uri"]).port or 0)


async def test_the_configured_loopback_redirect_uri_is_used(account: AccountHarness) -> None:
    port = closed_port()
    account.environ["GOOGLE_OAUTH_REDIRECT_URI"] = f"http://127.0.0.1:{port}/oauth2/callback"
    browser = FakeBrowser()
    await account.service().sign_in(browser)
    browser.join()
    assert account.fake.auth_requests[0]["redirect_uri"] == f"http://127.0.0.1:{port}/oauth2/callback"
    assert "you can close this tab" in browser.pages[0]


async def test_a_wrong_state_is_refused(account: AccountHarness) -> None:
    account.fake.wrong_state = True
    sentence, browser = await failed_sign_in(account)
    assert sentence == auth_errors.StateMismatchError.sentence
    assert sentence in browser.pages[0].replace("&#x27;", "'")
    assert account.fake.token_requests == [], "a forged answer's code must never be exchanged"


async def test_denied_consent(account: AccountHarness) -> None:
    account.fake.deny = True
    sentence, browser = await failed_sign_in(account)
    assert sentence == "You did not allow Vector Desktop to use your Google account, so you are not signed in."
    assert "Not signed in" in browser.pages[0]


async def test_an_expired_id_token_says_the_clock_looks_off(account: AccountHarness) -> None:
    account.fake.expired = True
    sentence, _browser = await failed_sign_in(account)
    assert sentence.startswith("This computer's clock looks about 3 hours ahead")


async def test_a_clock_behind_googles_says_so(account: AccountHarness) -> None:
    account.fake.clock_offset = 2 * 3600
    sentence, _browser = await failed_sign_in(account)
    assert sentence.startswith("This computer's clock looks about 2 hours behind")


async def test_an_id_token_for_another_client_is_refused(account: AccountHarness) -> None:
    account.fake.audience = "someone-else.apps.googleusercontent.com"
    sentence, _browser = await failed_sign_in(account)
    assert "meant for another app" in sentence


async def test_a_foreign_issuer_is_refused(account: AccountHarness) -> None:
    account.fake.issuer = "https://evil.example.com"
    sentence, _browser = await failed_sign_in(account)
    assert sentence == auth_errors.InvalidTokenError.sentence


async def test_a_wrong_client_secret(account: AccountHarness) -> None:
    account.environ["GOOGLE_OAUTH_CLIENT_SECRET"] = "not-the-secret"
    sentence, browser = await failed_sign_in(account)
    assert sentence == auth_errors.InvalidClientError.sentence
    assert "not-the-secret" not in sentence and "not-the-secret" not in browser.pages[0]


async def test_a_redirect_uri_google_does_not_know(account: AccountHarness) -> None:
    account.fake.registered_redirects = ["http://127.0.0.1:1/"]
    sentence, _browser = await failed_sign_in(account)
    assert sentence == auth_errors.RedirectMismatchError.sentence


async def test_offline_during_the_exchange(account: AccountHarness) -> None:
    endpoints = account.fake.endpoints()
    dead = f"http://127.0.0.1:{closed_port()}"
    offline = type(endpoints)(endpoints.auth_uri, f"{dead}/token", f"{dead}/certs", f"{dead}/revoke")
    sentence, _browser = await failed_sign_in(account, endpoints=offline)
    assert sentence == auth_errors.OfflineError.sentence


async def test_not_configured_points_to_settings(account: AccountHarness) -> None:
    account.environ["GOOGLE_OAUTH_CLIENT_ID"] = ""
    browser = FakeBrowser()
    with pytest.raises(auth_errors.NotConfiguredError) as caught:
        await account.service().sign_in(browser)
    assert "Settings → Account" in str(caught.value)
    assert browser.urls == []


async def test_no_answer_times_out_and_closes_the_port(account: AccountHarness) -> None:
    browser = IdleBrowser()
    with pytest.raises(auth_errors.SignInTimeoutError) as caught:
        await account.service(sign_in_timeout=0.3).sign_in(browser)
    assert "was the browser tab closed?" in str(caught.value)
    redirect = dict(parse_qsl(urlsplit(browser.urls[0]).query))["redirect_uri"]
    assert port_is_closed(urlsplit(redirect).port or 0)


async def test_cancel_closes_the_port(account: AccountHarness) -> None:
    browser = IdleBrowser()
    cancel = asyncio.Event()
    task = asyncio.ensure_future(account.service().sign_in(browser, cancel))
    while not browser.urls:
        await asyncio.sleep(0.01)
    redirect = dict(parse_qsl(urlsplit(browser.urls[0]).query))["redirect_uri"]
    assert not port_is_closed(urlsplit(redirect).port or 0)
    cancel.set()
    with pytest.raises(auth_errors.SignInCancelledError):
        await task
    assert port_is_closed(urlsplit(redirect).port or 0)


async def test_a_configured_port_in_use_is_one_sentence(account: AccountHarness) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        account.environ["GOOGLE_OAUTH_REDIRECT_URI"] = f"http://127.0.0.1:{port}/callback"
        sentence, browser = await failed_sign_in(account)
    assert sentence.startswith(f"Port {port} of this computer is in use")
    assert browser.urls == []
