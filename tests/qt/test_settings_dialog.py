"""The Settings dialog as a user sees it: sources, inline errors, nothing saved on bad input, secrets never shown."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton

from tests.support.memory_keyring import MemoryKeyring
from tests.support.waiting import next_emission as next_signal
from vector_desktop.config import load_config
from vector_desktop.presentation.settings_viewmodel import SettingsViewModel
from vector_desktop.secrets import SecretStore
from vector_desktop.store.settings_repository import SettingsRepository
from vector_desktop.views.settings_dialog import SettingsDialog

# The offscreen platform says this for every top-level window it shows; it is not about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SERVICE = "vector-desktop-qt-test"
SECRET = "sk-or-v1-TOPSECRET-qt-0123456789"
T = TypeVar("T")


def run_blocking(fn: Callable[[], T]) -> asyncio.Future[T]:
    return asyncio.get_running_loop().run_in_executor(None, fn)


async def next_emission(signal: Any) -> tuple[Any, ...]:
    return await next_signal(signal, timeout=10.0)


class Harness:
    def __init__(
        self, qtbot, store, profile_dir: Path, dotenv: str = "", environ: dict[str, str] | None = None
    ) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.profile_dir = profile_dir
        self.repo = SettingsRepository(store)
        self.secrets = SecretStore(SERVICE)
        self.dotenv = profile_dir / ".env"
        if dotenv:
            self.dotenv.write_text(dotenv, encoding="utf-8")
        self.config = load_config(
            [self.dotenv], environ=environ or {}, saved=self.repo.load_all(), secrets=self.secrets
        )
        self.vm = SettingsViewModel(self.config, self.repo, self.secrets, run_blocking)
        self.dialog: SettingsDialog | None = None

    async def open(self) -> SettingsDialog:
        loaded = asyncio.ensure_future(next_emission(self.vm.loaded))
        await asyncio.sleep(0)
        self.dialog = SettingsDialog(self.vm)
        self.qtbot.addWidget(self.dialog)
        self.dialog.show()
        assert self.dialog.ui.loadingLabel.isVisible()  # the keychain is read off the GUI thread
        await loaded
        assert not self.dialog.ui.loadingLabel.isVisible()
        return self.dialog

    def child(self, kind: type[T], name: str) -> T:
        assert self.dialog is not None
        widget = self.dialog.findChild(kind, name)
        assert widget is not None, name
        return widget

    def line(self, key: str) -> QLineEdit:
        return self.child(QLineEdit, f"field_{key}")

    def type_into(self, key: str, text: str) -> None:
        line = self.line(key)
        line.clear()
        self.qtbot.keyClicks(line, text)

    def source(self, key: str) -> str:
        return self.child(QLabel, f"source_{key}").text()

    def error(self, key: str) -> QLabel:
        return self.child(QLabel, f"error_{key}")

    def button(self, which: QDialogButtonBox.StandardButton) -> QPushButton:
        assert self.dialog is not None
        return self.dialog.ui.buttonBox.button(which)

    async def click_and_wait(self, button: QPushButton) -> tuple[dict[str, str], str]:
        finished = asyncio.ensure_future(next_emission(self.vm.save_finished))
        await asyncio.sleep(0)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        errors, message = await finished
        return errors, message

    def everything_shown(self) -> str:
        """All text the dialog shows or holds in its widgets."""
        assert self.dialog is not None
        parts = [w.text() for w in self.dialog.findChildren(QLabel)]
        parts += [w.text() for w in self.dialog.findChildren(QLineEdit)]
        parts += [w.toolTip() for w in self.dialog.findChildren(QLineEdit)]
        parts += [w.placeholderText() for w in self.dialog.findChildren(QLineEdit)]
        return "\n".join(parts)


@pytest.fixture
def harness(qapp, qtbot, store, profile_dir: Path, memory_keyring) -> Iterator[Callable[..., Harness]]:  # type: ignore[no-untyped-def]
    # Closing the dialog must not quit the (shared) application as closing the last window would.
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    made: list[Harness] = []

    def make(**kwargs: Any) -> Harness:
        h = Harness(qtbot, store, profile_dir, **kwargs)
        made.append(h)
        return h

    yield make
    for h in made:
        h.vm.close()
    qapp.setQuitOnLastWindowClosed(quit_on_close)


Ok = QDialogButtonBox.StandardButton.Ok
Apply = QDialogButtonBox.StandardButton.Apply


@pytest.mark.asyncio
async def test_a_bad_port_shows_an_error_and_nothing_is_saved(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness()
    dialog = await h.open()
    assert dialog.open_group("email")
    h.type_into("EMAIL_HOST", "smtp.example.com")
    h.type_into("EMAIL_PORT", "99999")
    assert h.error("EMAIL_PORT").isVisible()
    assert h.error("EMAIL_PORT").text() == "99999 is out of range for a port (1 to 65535)"
    assert not h.error("EMAIL_HOST").isVisible()
    dialog.open_group("AI")
    h.qtbot.mouseClick(h.button(Ok), Qt.MouseButton.LeftButton)
    await asyncio.sleep(0.05)
    # Save refused: the dialog stays open on the page with the error, and nothing reached the store.
    assert dialog.isVisible()
    assert dialog.ui.groupList.currentItem().text() == "Email"
    assert h.error("EMAIL_PORT").isVisible()
    assert "Nothing was saved" in dialog.ui.statusLabel.text()
    assert dialog.ui.statusLabel.isVisible()
    assert h.repo.load_all() == {}
    assert h.config.get("EMAIL_HOST") == "smtp.resend.com"
    assert h.source("EMAIL_PORT") == "Source: default"
    # The view-model refuses the same input by itself too.
    assert await h.vm.save({"EMAIL_HOST": "smtp.example.com", "EMAIL_PORT": "abc"}) == {
        "EMAIL_PORT": "'abc' is not a whole number"
    }
    assert h.repo.load_all() == {}
    # Fixing the value clears the message as the user types.
    h.type_into("EMAIL_PORT", "587")
    assert not h.error("EMAIL_PORT").isVisible()


@pytest.mark.asyncio
async def test_good_values_are_saved_and_the_source_becomes_saved_in_app(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness(dotenv="EMAIL_HOST=dotenv.example.com\n", environ={"EMAIL_HOST_USER": "env-user"})
    dialog = await h.open()
    dialog.open_group("Email")
    assert h.line("EMAIL_HOST").text() == "dotenv.example.com"
    assert h.source("EMAIL_HOST") == f"Source: .env file ({h.dotenv})"
    assert h.source("EMAIL_HOST_USER") == "Source: environment"
    assert h.source("EMAIL_PORT") == "Source: default"
    heard: list[set[str]] = []
    h.vm.saved.connect(heard.append)
    h.type_into("EMAIL_HOST", "smtp.example.com")
    h.type_into("EMAIL_PORT", "587")
    errors, message = await h.click_and_wait(h.button(Apply))
    assert (errors, message) == ({}, "")
    assert heard == [{"EMAIL_HOST", "EMAIL_PORT"}]
    assert h.repo.load_all() == {"EMAIL_HOST": "smtp.example.com", "EMAIL_PORT": "587"}
    assert h.config.get("EMAIL_PORT") == 587
    assert h.source("EMAIL_HOST") == "Source: saved in app"
    assert h.source("EMAIL_PORT") == "Source: saved in app"
    assert h.source("EMAIL_HOST_USER") == "Source: environment"  # untouched fields are not copied into the store
    # Reset removes the saved value; the .env file applies again.
    reset = h.child(QPushButton, "reset_EMAIL_HOST")
    assert reset.isVisible()
    await h.click_and_wait(reset)
    assert h.repo.load_all() == {"EMAIL_PORT": "587"}
    assert h.line("EMAIL_HOST").text() == "dotenv.example.com"
    assert h.source("EMAIL_HOST") == f"Source: .env file ({h.dotenv})"
    assert not reset.isVisible()


@pytest.mark.asyncio
async def test_checkbox_and_choice_fields_save_and_ok_closes(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness()
    dialog = await h.open()
    dialog.open_group("Privacy")
    h.child(QCheckBox, "field_VECTOR_ANALYTICS").setChecked(True)
    dialog.open_group("Advanced")
    h.child(QComboBox, "field_VECTOR_THEME").setCurrentText("dark")
    closed = asyncio.ensure_future(next_emission(dialog.finished))
    await asyncio.sleep(0)
    h.qtbot.mouseClick(h.button(Ok), Qt.MouseButton.LeftButton)
    (result,) = await closed
    assert result == QDialog.DialogCode.Accepted
    assert h.repo.load_all() == {"VECTOR_ANALYTICS": "true", "VECTOR_THEME": "dark"}
    assert (h.config.get("VECTOR_ANALYTICS"), h.config.get("VECTOR_THEME")) == (True, "dark")


@pytest.mark.asyncio
async def test_an_invalid_dotenv_value_is_explained_at_its_field(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness(dotenv="VECTOR_JOB_WORKERS=lots\n")
    dialog = await h.open()
    dialog.open_group("Advanced")
    note = h.child(QLabel, "note_VECTOR_JOB_WORKERS")
    assert note.isVisible()
    assert note.text() == f"Not used: 'lots' is not a whole number (in {h.dotenv}; ignored)"
    assert h.line("VECTOR_JOB_WORKERS").text() == "4"
    assert h.source("VECTOR_JOB_WORKERS") == "Source: default"


@pytest.mark.asyncio
async def test_a_secret_goes_to_the_keychain_and_is_never_shown(harness, memory_keyring, profile_dir) -> None:  # type: ignore[no-untyped-def]
    h = harness()
    dialog = await h.open()
    dialog.open_group("AI")
    assert not dialog.ui.keychainBanner.isVisible()
    status = h.child(QLabel, "status_OPENROUTER_API_KEY")
    clear = h.child(QPushButton, "clear_OPENROUTER_API_KEY")
    field = h.line("OPENROUTER_API_KEY")
    assert status.text() == "not set"
    assert not clear.isEnabled()
    assert field.echoMode() is QLineEdit.EchoMode.Password
    h.qtbot.keyClicks(field, SECRET)
    assert field.displayText() != SECRET
    assert await h.click_and_wait(h.button(Apply)) == ({}, "")
    assert memory_keyring.values == {(SERVICE, "OPENROUTER_API_KEY"): SECRET}
    assert field.text() == ""  # the value is not echoed back
    assert status.text() == "•••• stored in keychain"
    assert h.source("OPENROUTER_API_KEY") == "Source: keychain"
    assert clear.isEnabled()
    assert SECRET not in h.everything_shown()
    assert h.repo.load_all() == {}
    h.store_bytes = b"".join(p.read_bytes() for p in profile_dir.rglob("*") if p.is_file())
    assert b"TOPSECRET" not in h.store_bytes
    # A second dialog on the same view-model also shows the state, never the value.
    again = SettingsDialog(h.vm)
    h.qtbot.addWidget(again)
    assert again.findChild(QLineEdit, "field_OPENROUTER_API_KEY").text() == ""
    # Clear removes it from the keychain when saved.
    h.qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert status.text() == "will be removed when you save"
    assert await h.click_and_wait(h.button(Apply)) == ({}, "")
    assert memory_keyring.values == {}
    assert status.text() == "not set"
    assert h.source("OPENROUTER_API_KEY") == "Source: default"


@pytest.mark.asyncio
async def test_no_keychain_shows_a_banner_and_keeps_secrets_for_the_session(harness, profile_dir) -> None:  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        h = harness()
        dialog = await h.open()
        banner = dialog.ui.keychainBanner
        assert banner.isVisible()
        assert banner.text().startswith("No system keychain is available.")
        assert h.vm.keychain_warning == banner.text()
        dialog.open_group("Storage")
        h.qtbot.keyClicks(h.line("R2_SECRET_ACCESS_KEY"), SECRET)
        assert await h.click_and_wait(h.button(Apply)) == ({}, "")
        assert h.child(QLabel, "status_R2_SECRET_ACCESS_KEY").text() == "•••• kept for this session only"
        assert h.source("R2_SECRET_ACCESS_KEY") == "Source: this session only (no keychain)"
        assert h.config.get("R2_SECRET_ACCESS_KEY") == SECRET
        assert SECRET not in h.everything_shown()
        assert [p for p in profile_dir.rglob("*") if p.is_file() and b"TOPSECRET" in p.read_bytes()] == []
    finally:
        keyring.set_keyring(previous)


@pytest.mark.asyncio
async def test_open_group_and_accessible_names(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness()
    dialog = await h.open()
    titles = [dialog.ui.groupList.item(i).text() for i in range(dialog.ui.groupList.count())]
    assert titles == ["AI", "Storage", "Connectors", "Email", "Account", "Privacy", "Advanced"]
    assert dialog.open_group("Storage")
    assert dialog.ui.pages.currentIndex() == 1
    assert h.line("R2_BUCKET_NAME").isVisible()
    assert not dialog.open_group("Nowhere")
    assert h.line("R2_BUCKET_NAME").accessibleName() == "Bucket name"
    assert h.line("R2_BUCKET_NAME").toolTip() == "Bucket that holds your files."
    assert dialog.findChild(QCheckBox, "field_VECTOR_PRIVACY_ASKED") is None  # kept by the app, not a user setting


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"locked; not storing {password}")


@pytest.mark.asyncio
async def test_a_refusing_keychain_is_reported_and_the_dialog_stays_open(harness) -> None:  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        h = harness()
        dialog = await h.open()
        assert not dialog.ui.keychainBanner.isVisible()
        h.qtbot.keyClicks(h.line("OPENAI_API_KEY"), SECRET)
        h.type_into("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
        errors, message = await h.click_and_wait(h.button(Ok))
        assert errors == {}
        assert message == (
            "The keychain refused to save OPENAI_API_KEY (RuntimeError); it is kept for this session only."
        )
        assert dialog.isVisible()
        assert dialog.ui.statusLabel.isVisible() and dialog.ui.statusLabel.text() == message
        assert h.child(QLabel, "status_OPENAI_API_KEY").text() == "•••• kept for this session only"
        assert h.source("OPENAI_API_KEY") == "Source: this session only (the keychain refused it)"
        assert h.repo.load_all() == {"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}  # the rest was saved
        assert SECRET not in h.everything_shown()
    finally:
        keyring.set_keyring(previous)
