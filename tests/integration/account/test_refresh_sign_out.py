"""Staying signed in and signing out against the fake Google: silent refresh, a revoked refresh token, revocation
on sign-out (later when offline), and no token ever in the store's file."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.integration.account.harness import AccountHarness
from tests.support.fake_google import CLIENT_SECRET, FakeBrowser
from vector_desktop.domain.account import AccountProfile
from vector_desktop.services.account.auth_errors import SIGNED_OUT_EXPIRED
from vector_desktop.services.account.auth_service import (
    PENDING_REVOKE_KEY,
    REFRESH_TOKEN_KEY,
    REVOKE_LATER,
    AccountService,
)
from vector_desktop.store.account_repository import AccountRepository
from vector_desktop.store.settings_repository import SettingsRepository

pytestmark = pytest.mark.asyncio


async def signed_in(account: AccountHarness) -> tuple[AccountService, str]:
    service = account.service()
    browser = FakeBrowser()
    await service.sign_in(browser)
    browser.join()
    return service, account.keychain()[REFRESH_TOKEN_KEY]


async def test_refresh_updates_the_profile_silently(account: AccountHarness) -> None:
    await signed_in(account)
    account.fake.user.name = "Ada King"
    service = account.service()  # the next start: the cached profile, then a refresh
    await service.open()
    seen: list[AccountProfile | None] = []
    service.add_listener(seen.append)

    assert await service.refresh() is None

    assert [profile.name for profile in seen if profile] == ["Ada King"]
    cached = AccountRepository(account.sessions).load()
    assert cached is not None and cached.name == "Ada King" and cached.picture
    assert account.fake.token_requests[-1]["grant_type"] == "refresh_token"


async def test_a_revoked_refresh_token_signs_out_with_a_sentence(account: AccountHarness) -> None:
    _service, token = await signed_in(account)
    account.fake.refresh_tokens.discard(token)  # revoked at myaccount.google.com
    service = account.service()
    await service.open()
    seen: list[AccountProfile | None] = []
    service.add_listener(seen.append)

    assert await service.refresh() == "Your Google sign-in has expired or was revoked; sign in again."
    assert SIGNED_OUT_EXPIRED == "Your Google sign-in has expired or was revoked; sign in again."
    assert seen == [None] and service.current() is None
    assert AccountRepository(account.sessions).load() is None
    assert REFRESH_TOKEN_KEY not in account.keychain()


async def test_sign_out_revokes_and_forgets_only_the_account(account: AccountHarness, store: Any) -> None:
    SettingsRepository(store).save({"VECTOR_LOG_LEVEL": "DEBUG"})
    service, token = await signed_in(account)

    assert await service.sign_out() is None

    assert account.fake.revoked == [token]
    assert account.keychain() == {}
    assert AccountRepository(account.sessions).load() is None
    assert service.current() is None
    assert SettingsRepository(store).load_all() == {"VECTOR_LOG_LEVEL": "DEBUG"}


async def test_offline_sign_out_is_revoked_on_the_next_start(account: AccountHarness) -> None:
    service, token = await signed_in(account)
    account.fake.stop()  # offline

    assert await service.sign_out() == REVOKE_LATER
    assert service.current() is None
    assert AccountRepository(account.sessions).load() is None
    assert account.keychain() == {PENDING_REVOKE_KEY: token}

    account.fake.start()  # online again, same address
    next_start = account.service()
    assert await next_start.retry_pending_revocation() == 1
    assert account.fake.revoked == [token]
    assert account.keychain() == {}


async def test_no_token_lands_in_the_store_file(account: AccountHarness, store) -> None:  # type: ignore[no-untyped-def]
    service, token = await signed_in(account)
    await service.refresh()
    store.dispose()  # checkpoint the WAL into the file
    files = [path for path in store.path.parent.iterdir() if path.name.startswith(store.path.name)]
    data = b"".join(path.read_bytes() for path in files)
    assert b"ada@example.com" in data, "the profile is cached in the store"
    secrets = [token, *account.fake.issued_id_tokens]
    assert all(secret.encode() not in data for secret in secrets)
    assert all(secret.split(".")[1].encode() not in data for secret in account.fake.issued_id_tokens)


async def test_no_token_or_secret_reaches_the_log(account: AccountHarness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    service, token = await signed_in(account)
    await service.refresh()
    await service.sign_out()
    fake = account.fake
    codes = [query["code_challenge"] for query in fake.auth_requests]
    exchanged = [form[key] for form in fake.token_requests for key in ("code", "code_verifier") if key in form]
    secrets = [token, CLIENT_SECRET, *fake.issued_id_tokens, *fake.issued_access_tokens, *codes, *exchanged]
    # The browser is another program in real life: its requests (the code in the redirect) are not the app's log.
    logged = "\n".join(record.getMessage() for record in caplog.records if record.threadName != "fake-browser")
    assert logged, "the test must see the debug log"
    leaked = [secret[:12] for secret in secrets if secret in logged]
    assert leaked == []


async def test_offline_refresh_keeps_the_cached_profile(account: AccountHarness) -> None:
    await signed_in(account)
    account.fake.stop()
    service = account.service()  # the next start, offline
    cached = await service.open()
    assert cached is not None and cached.picture
    assert await service.refresh() is None
    assert service.current() == cached
    assert REFRESH_TOKEN_KEY in account.keychain()
