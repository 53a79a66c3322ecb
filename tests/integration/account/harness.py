"""The account tests' fixtures: the fake Google running, and AccountServices built over the test's store and one
keychain the way each start of the app builds them."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.support.fake_google import CLIENT_ID, CLIENT_SECRET, FakeGoogle
from tests.support.memory_keyring import MemoryKeyring
from vector_desktop.secrets import SecretStore


@pytest.fixture
def insecure_transport(monkeypatch: pytest.MonkeyPatch) -> None:
    """oauthlib refuses http:// token endpoints; the fake server is plain HTTP on 127.0.0.1 (tests only)."""
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")


@pytest.fixture
def fake_google(insecure_transport: None) -> Iterator[FakeGoogle]:
    fake = FakeGoogle().start()
    yield fake
    fake.stop()


@dataclass
class AccountHarness:
    """Builds AccountServices over the test's store and one keychain, the way each start of the app would."""

    fake: FakeGoogle
    sessions: Any
    keyring: MemoryKeyring = field(default_factory=MemoryKeyring)
    environ: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.environ = {"GOOGLE_OAUTH_CLIENT_ID": CLIENT_ID, "GOOGLE_OAUTH_CLIENT_SECRET": CLIENT_SECRET} | self.environ
        self.secrets = SecretStore("vector-desktop:account-test", backend=self.keyring)

    def service(self, *, endpoints: Any = None, **kwargs: Any) -> Any:
        from vector_desktop.config import Config
        from vector_desktop.services.account.auth_service import AccountService
        from vector_desktop.store.account_repository import AccountRepository

        config = Config(environ=dict(self.environ), secrets=self.secrets)
        return AccountService(
            config,
            self.secrets,
            AccountRepository(self.sessions),
            endpoints=endpoints or self.fake.endpoints(),
            **kwargs,
        )

    def keychain(self) -> dict[str, str]:
        return {key: value for (_service, key), value in self.keyring.values.items()}


@pytest.fixture
def account(fake_google: FakeGoogle, store: Any) -> AccountHarness:
    return AccountHarness(fake_google, store.sessions)


def port_is_closed(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0
