"""`vector-desktop account status|sign-in|sign-out` driven with the fake browser against the fake Google."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.fake_google import CLIENT_ID, CLIENT_SECRET, FakeBrowser, FakeGoogle
from vector_desktop.commands import account as account_command
from vector_desktop.core import Core, open_core
from vector_desktop.paths import AppPaths


@pytest.fixture
def core(app_paths: AppPaths, memory_keyring: object) -> Iterator[Core]:
    opened = open_core(
        app_paths, environ={"GOOGLE_OAUTH_CLIENT_ID": CLIENT_ID, "GOOGLE_OAUTH_CLIENT_SECRET": CLIENT_SECRET}
    )
    yield opened
    opened.close()


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="vector-desktop")
    account_command.register(parser.add_subparsers(dest="command"), argparse.ArgumentParser(add_help=False))
    return parser.parse_args(["account", *argv])


def test_sign_in_status_and_sign_out(
    core: Core, fake_google: FakeGoogle, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    endpoints = fake_google.endpoints()
    assert account_command.run(core, parse("status"), endpoints=endpoints) == 1
    assert capsys.readouterr().out == "Not signed in.\n"

    browser = FakeBrowser()
    assert (
        account_command.run(core, parse("sign-in", "--timeout", "60"), open_browser=browser, endpoints=endpoints) == 0
    )
    browser.join()
    out = capsys.readouterr().out.splitlines()
    assert out[1] == browser.urls[0] and out[1].startswith(endpoints.auth_uri)
    assert out[-1] == "Signed in as Ada Lovelace (ada@example.com)."
    assert "you can close this tab" in browser.pages[0]

    assert account_command.run(core, parse("status"), endpoints=endpoints) == 0
    name, email, since = capsys.readouterr().out.rstrip("\n").split("\t")
    assert (name, email) == ("Ada Lovelace", "ada@example.com") and since.startswith("since 20")

    assert account_command.run(core, parse("sign-out"), endpoints=endpoints) == 0
    assert capsys.readouterr().out == "Signed out (ada@example.com).\n"
    assert len(fake_google.revoked) == 1
    assert account_command.run(core, parse("status"), endpoints=endpoints) == 1


def test_denied_sign_in_is_one_sentence(core: Core, fake_google: FakeGoogle) -> None:
    from vector_desktop.services.account.auth_errors import ConsentDeniedError

    fake_google.deny = True
    browser = FakeBrowser()
    with pytest.raises(ConsentDeniedError):  # run_command prints it as one line on stderr, exit 1
        account_command.run(core, parse("sign-in"), open_browser=browser, endpoints=fake_google.endpoints())
    browser.join()
