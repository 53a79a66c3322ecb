"""The passphrase question for the encrypted secrets file, as a user sees it: choose one (typed twice, with the
warning that it cannot be recovered), enter it later, a wrong one says so and can be retried, or go on without."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from tests.support.memory_keyring import MemoryKeyring
from tests.support.waiting import next_emission as next_signal
from vector_desktop.presentation.vault_passphrase import VaultPassphraseViewModel
from vector_desktop.secret_vault import VAULT_FILE, SecretVault
from vector_desktop.secrets import SecretStore
from vector_desktop.views.vault_passphrase_dialog import VaultPassphraseDialog, ask_vault_passphrase

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SERVICE = "vector-desktop-vault-qt-test"
PASSPHRASE = "a long enough passphrase"
SECRET = "sk-or-v1-TOPSECRET-dialog-42"
T = TypeVar("T")


def run_blocking(fn: Callable[[], T]) -> asyncio.Future[T]:
    return asyncio.get_running_loop().run_in_executor(None, fn)


async def next_emission(signal: Any) -> tuple[Any, ...]:
    return await next_signal(signal, timeout=30.0)


def no_keychain_store(path: Path) -> SecretStore:
    store = SecretStore(SERVICE, backend=fail.Keyring(), vault=SecretVault(path, ""))
    store.check()
    return store


def dialog_for(qtbot, store: SecretStore) -> tuple[VaultPassphraseViewModel, VaultPassphraseDialog]:  # type: ignore[no-untyped-def]
    viewmodel = VaultPassphraseViewModel(store, run_blocking, creating=not store.vault_exists)
    dialog = VaultPassphraseDialog(viewmodel)
    qtbot.addWidget(dialog)
    dialog.open()
    return viewmodel, dialog


async def click_and_wait(qtbot, button, signal: Any) -> tuple[Any, ...]:  # type: ignore[no-untyped-def]
    emitted = asyncio.ensure_future(next_emission(signal))
    await asyncio.sleep(0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return await emitted


def type_into(qtbot, field: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    field.clear()
    qtbot.keyClicks(field, text)


@pytest.fixture(autouse=True)
def keep_app_running(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Closing the only window would quit the app and stop the test's loop."""
    previous = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(previous)


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    return tmp_path / "data" / VAULT_FILE


@pytest.mark.asyncio
async def test_first_run_chooses_a_passphrase_typed_twice(qtbot, vault_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = no_keychain_store(vault_path)
    assert store.needs_passphrase
    viewmodel, dialog = dialog_for(qtbot, store)
    assert dialog.windowTitle() == "Choose a passphrase for your secrets"
    assert "cannot be recovered" in dialog.intro.text()
    assert dialog.passphrase.echoMode() is QLineEdit.EchoMode.Password and dialog.repeat.isVisibleTo(dialog)

    type_into(qtbot, dialog.passphrase, PASSPHRASE)
    type_into(qtbot, dialog.repeat, PASSPHRASE + "x")
    (sentence,) = await click_and_wait(qtbot, dialog.ok_button, viewmodel.failed)
    assert sentence == "The two passphrases are not the same."
    assert dialog.error.isVisible() and dialog.error.text() == sentence
    assert not vault_path.exists()

    type_into(qtbot, dialog.passphrase, "short")
    type_into(qtbot, dialog.repeat, "short")
    (sentence,) = await click_and_wait(qtbot, dialog.ok_button, viewmodel.failed)
    assert sentence == "Choose a passphrase of at least 8 characters."

    type_into(qtbot, dialog.passphrase, PASSPHRASE)
    type_into(qtbot, dialog.repeat, PASSPHRASE)
    assert await click_and_wait(qtbot, dialog.ok_button, viewmodel.finished) == (True,)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert dialog.passphrase.text() == "" and dialog.repeat.text() == ""
    assert store.persistent and store.problem == ""
    await run_blocking(lambda: store.set("OPENROUTER_API_KEY", SECRET))
    reopened = SecretVault(vault_path, PASSPHRASE)
    assert reopened.open() and reopened.get("OPENROUTER_API_KEY") == SECRET


@pytest.mark.asyncio
async def test_a_wrong_passphrase_says_so_and_the_right_one_unlocks(qtbot, vault_path: Path) -> None:  # type: ignore[no-untyped-def]
    made = SecretVault(vault_path, PASSPHRASE)
    assert made.open()
    made.set("OPENROUTER_API_KEY", SECRET)
    before = vault_path.read_bytes()
    store = no_keychain_store(vault_path)
    viewmodel, dialog = dialog_for(qtbot, store)
    assert dialog.windowTitle() == "Unlock your secrets"
    assert not dialog.repeat.isVisibleTo(dialog)

    type_into(qtbot, dialog.passphrase, "not the passphrase")
    (sentence,) = await click_and_wait(qtbot, dialog.ok_button, viewmodel.failed)
    assert sentence.startswith("That passphrase does not open your encrypted secrets file.")
    assert dialog.isVisible() and dialog.error.text() == sentence
    assert dialog.ok_button.isEnabled() and dialog.passphrase.isEnabled()
    assert vault_path.read_bytes() == before

    type_into(qtbot, dialog.passphrase, PASSPHRASE)
    assert dialog.error.isHidden()  # typing again clears the old sentence
    assert await click_and_wait(qtbot, dialog.ok_button, viewmodel.finished) == (True,)
    assert await run_blocking(lambda: store.get("OPENROUTER_API_KEY")) == SECRET


@pytest.mark.asyncio
async def test_continue_without_keeps_secrets_for_this_session_only(qtbot, vault_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = no_keychain_store(vault_path)
    viewmodel, dialog = dialog_for(qtbot, store)
    assert dialog.skip_button.text() == "Continue without saving secrets"
    assert "this session only" in dialog.hint.text()
    assert await click_and_wait(qtbot, dialog.skip_button, viewmodel.finished) == (False,)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert store.persistent is False and "ENCRYPTION_KEY" in store.problem
    assert not vault_path.exists()


@pytest.mark.asyncio
async def test_ask_vault_passphrase_returns_the_answer(qtbot, vault_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = no_keychain_store(vault_path)
    viewmodel = VaultPassphraseViewModel(store, run_blocking, creating=True)
    answer = asyncio.ensure_future(ask_vault_passphrase(viewmodel))
    await asyncio.sleep(0)
    [dialog] = [w for w in qtbot_top_levels() if isinstance(w, VaultPassphraseDialog) and w.isVisible()]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc means "continue without"
    assert await asyncio.wait_for(answer, 30) is False
    assert store.persistent is False


def qtbot_top_levels() -> list[Any]:
    from PySide6.QtWidgets import QApplication

    return list(QApplication.topLevelWidgets())


@pytest.mark.asyncio
async def test_with_a_keychain_the_passphrase_moves_the_files_secrets_into_it(qtbot, vault_path: Path) -> None:  # type: ignore[no-untyped-def]
    made = SecretVault(vault_path, PASSPHRASE)
    assert made.open()
    made.set("OPENROUTER_API_KEY", SECRET)
    keychain = MemoryKeyring()
    store = SecretStore(SERVICE, backend=keychain, vault=SecretVault(vault_path, ""))
    assert store.check() and store.has_keychain and store.needs_passphrase
    viewmodel = VaultPassphraseViewModel(store, run_blocking, creating=False, moving=True)
    dialog = VaultPassphraseDialog(viewmodel)
    qtbot.addWidget(dialog)
    dialog.open()
    assert "move them into the keychain" in dialog.intro.text()
    assert dialog.skip_button.text() == "Not now" and not dialog.repeat.isVisibleTo(dialog)
    type_into(qtbot, dialog.passphrase, PASSPHRASE)
    assert await click_and_wait(qtbot, dialog.ok_button, viewmodel.finished) == (True,)
    assert keychain.values == {(SERVICE, "OPENROUTER_API_KEY"): SECRET}
    assert not vault_path.exists() and store.problem == ""
