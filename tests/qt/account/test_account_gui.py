"""The account feature in the main window, against the fake Google through the real loopback redirect: the button
shows the name and avatar after sign-in (initials without a picture), Cancel stops the flow and closes the port,
an error is one sentence in the window. Async tests run on the qasync loop; conditions are awaited with asyncio."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.integration.account.harness import port_is_closed
from tests.support.fake_google import CLIENT_ID, CLIENT_SECRET, FakeBrowser, FakeGoogle, IdleBrowser
from tests.support.waiting import wait_for
from vector_desktop.core import open_core
from vector_desktop.domain.account import AccountProfile
from vector_desktop.gui_account import AccountGui, build_account
from vector_desktop.paths import resolve_paths
from vector_desktop.services.account.auth_errors import ConsentDeniedError
from vector_desktop.views.account.account_button import avatar_pixmap, initials
from vector_desktop.views.main_window import MainWindow


@dataclass
class Harness:
    window: MainWindow
    gui: AccountGui
    browser: FakeBrowser
    core: Any


@asynccontextmanager
async def opened(qtbot, tmp_path: Path, fake: FakeGoogle, browser: FakeBrowser) -> AsyncIterator[Harness]:  # type: ignore[no-untyped-def]
    paths = resolve_paths(tmp_path / "profile", environ={})
    core = open_core(paths, environ={"GOOGLE_OAUTH_CLIENT_ID": CLIENT_ID, "GOOGLE_OAUTH_CLIENT_SECRET": CLIENT_SECRET})
    window = MainWindow(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    gui = await build_account(core, window=window, open_url=browser, endpoints=fake.endpoints())
    window.show()
    try:
        yield Harness(window, gui, browser, core)
    finally:
        gui.close()
        core.close()


def file_action_texts(window: MainWindow) -> dict[str, bool]:
    return {action.text(): action.isEnabled() for action in window.ui.menuFile.actions() if action.text()}


@pytest.mark.asyncio
async def test_sign_in_shows_the_name_and_avatar_then_sign_out(qtbot, tmp_path: Path, fake_google: FakeGoogle) -> None:  # type: ignore[no-untyped-def]
    async with opened(qtbot, tmp_path, fake_google, FakeBrowser()) as h:
        button = h.gui.button
        assert h.window.ui.menuBar.cornerWidget(Qt.Corner.TopRightCorner) is h.gui.button
        assert button.text() == "Sign in"
        assert file_action_texts(h.window)["Sign out"] is False

        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        await wait_for(lambda: button.text() == "Ada" and not h.gui.dialog.isVisible(), "signed in, dialog closed")

        assert not button.icon().isNull()
        assert [a.text() for a in button.menu().actions() if a.text()] == [
            "Ada Lovelace",
            "ada@example.com",
            "Sign out",
        ]
        assert not button.menu().actions()[1].isEnabled()  # the email is shown, not an action
        assert file_action_texts(h.window)["Sign out"] is True
        assert file_action_texts(h.window)["Sign in with Google…"] is False
        h.browser.join()
        assert "you can close this tab" in h.browser.pages[0]

        h.gui.sign_out_action.trigger()
        await wait_for(lambda: button.text() == "Sign in", "signed out")
        await wait_for(lambda: fake_google.revoked, "the sign-in is revoked at Google")


@pytest.mark.asyncio
async def test_cancel_stops_the_flow_and_closes_the_port(qtbot, tmp_path: Path, fake_google: FakeGoogle) -> None:  # type: ignore[no-untyped-def]
    async with opened(qtbot, tmp_path, fake_google, IdleBrowser()) as h:
        h.gui.sign_in_action.trigger()
        await wait_for(lambda: h.browser.urls and h.gui.dialog.url_edit.text(), "the browser is opened")
        assert h.gui.dialog.isVisible() and h.gui.dialog.url_edit.text() == h.browser.urls[0]
        port = urlsplit(dict(parse_qsl(urlsplit(h.browser.urls[0]).query))["redirect_uri"]).port or 0
        assert not port_is_closed(port)

        qtbot.mouseClick(h.gui.dialog.cancel_button, Qt.MouseButton.LeftButton)
        await wait_for(lambda: port_is_closed(port), "the loopback port is closed")
        await wait_for(lambda: h.gui.button.text() == "Sign in" and h.gui.sign_in_action.isEnabled(), "idle again")
        assert not h.gui.dialog.isVisible()
        assert h.window.notice_texts() == []


@pytest.mark.asyncio
async def test_an_error_is_one_sentence_in_the_window(qtbot, tmp_path: Path, fake_google: FakeGoogle) -> None:  # type: ignore[no-untyped-def]
    fake_google.deny = True
    async with opened(qtbot, tmp_path, fake_google, FakeBrowser()) as h:
        h.gui.view_model.sign_in()
        await wait_for(lambda: h.window.notice_texts(), "the error is shown")
        assert h.window.notice_texts() == [ConsentDeniedError.sentence]
        assert not h.gui.dialog.isVisible() and h.gui.button.text() == "Sign in"


def test_initials_when_there_is_no_picture(qtbot) -> None:  # type: ignore[no-untyped-def]
    ada = AccountProfile("google", "1", "ada@example.com", "Ada Lovelace")
    assert initials(ada) == "AL"
    assert initials(AccountProfile("google", "2", "grace@example.com", "")) == "G"
    image = avatar_pixmap(ada, 24).toImage()
    assert image.pixelColor(0, 0).alpha() == 0, "round: the corner is transparent"
    assert image.pixelColor(12, 3).alpha() == 255


def test_cached_profile_is_shown_at_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    from vector_desktop.views.account.account_button import AccountButton

    button = AccountButton()
    qtbot.addWidget(button)
    button.set_profile(AccountProfile("google", "1", "ada@example.com", "Ada Lovelace", picture=b"not an image"))
    assert button.text() == "Ada" and not button.icon().isNull()
    button.set_profile(None)
    assert button.text() == "Sign in" and button.menu() is None


@pytest.mark.asyncio
async def test_settings_account_group_signs_in_with_the_saved_client(
    qtbot, tmp_path: Path, fake_google: FakeGoogle
) -> None:  # type: ignore[no-untyped-def]
    from vector_desktop.presentation.settings_viewmodel import SettingsViewModel

    async with opened(qtbot, tmp_path, fake_google, FakeBrowser()) as h:
        loop = asyncio.get_running_loop()
        vm = SettingsViewModel(
            h.core.config, h.core.settings, h.core.secrets, lambda fn: loop.run_in_executor(None, fn), parent=h.window
        )
        h.gui.add_settings_actions(vm)
        assert [a.label for a in vm.group_actions("Account")] == ["Sign in with Google"]
        ok, message = await vm.run_group_action("Account", "sign_in", {"GOOGLE_OAUTH_CLIENT_ID": "other"})
        assert not ok and message.startswith("Save your changes first")
        ok, message = await vm.run_group_action("Account", "sign_in", {})
        assert ok and message == "Signed in as Ada Lovelace (ada@example.com)."
        assert h.gui.button.text() == "Ada"
