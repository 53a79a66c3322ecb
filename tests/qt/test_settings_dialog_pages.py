"""The Settings dialog's pages as a user sees them: one scroll area that scrolls over the shown group only, groups
switched from the keyboard, a note or warning placed under its field's source line, the source line small and grey
with and without the app's theme."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QScrollArea, QWidget

from tests.support.waiting import next_emission, wait_for
from vector_desktop.config import load_config
from vector_desktop.presentation.settings_viewmodel import SettingsViewModel
from vector_desktop.qtsupport.theme import apply_theme
from vector_desktop.secrets import SecretStore
from vector_desktop.store.settings_repository import SettingsRepository
from vector_desktop.views.settings_dialog import ERROR_STYLE, SettingsDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

T = TypeVar("T")


def run_blocking(fn: Callable[[], T]) -> asyncio.Future[T]:
    return asyncio.get_running_loop().run_in_executor(None, fn)


@pytest.fixture
def open_dialog(qapp, qtbot, store, profile_dir: Path, memory_keyring) -> Iterator[Callable[..., Any]]:  # type: ignore[no-untyped-def]
    """Opens the dialog (inside the test: it needs the running loop) and waits until the keychain was read."""
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    models: list[SettingsViewModel] = []

    async def open_(dotenv: str = "") -> SettingsDialog:
        repo = SettingsRepository(store)
        secrets = SecretStore("vector-desktop-pages-test")
        env_file = profile_dir / ".env"
        env_file.write_text(dotenv, encoding="utf-8")
        config = load_config([env_file], environ={}, saved=repo.load_all(), secrets=secrets)
        vm = SettingsViewModel(config, repo, secrets, run_blocking)
        models.append(vm)
        loaded = asyncio.ensure_future(next_emission(vm.loaded, timeout=10.0))
        await asyncio.sleep(0)
        dialog = SettingsDialog(vm)
        qtbot.addWidget(dialog)
        dialog.show()
        await loaded
        return dialog

    yield open_
    for vm in models:
        vm.close()
    qapp.setQuitOnLastWindowClosed(quit_on_close)


def field(dialog: SettingsDialog, kind: type[T], key: str) -> T:
    widget = dialog.findChild(kind, f"field_{key}")
    assert isinstance(widget, kind), key
    return widget


def label(dialog: SettingsDialog, name: str) -> QLabel:
    widget = dialog.findChild(QLabel, name)
    assert isinstance(widget, QLabel), name
    return widget


def top_in(widget: QWidget, ancestor: QWidget) -> int:
    return widget.mapTo(ancestor, QPoint(0, 0)).y()


@pytest.mark.asyncio
async def test_the_groups_share_one_scroll_area_that_scrolls_over_the_shown_group_only(open_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = await open_dialog()
    dialog.resize(820, 300)
    assert dialog.findChildren(QScrollArea) == [dialog.ui.pageScroll]
    bar = dialog.ui.pageScroll.verticalScrollBar()
    # AI (8 fields) does not fit: it scrolls, and it is what the scroll area is named after.
    await wait_for(lambda: bar.maximum() > 0, "the AI page scrolls")
    assert dialog.ui.pageScroll.accessibleName() == "AI"
    assert field(dialog, QLineEdit, "OPENROUTER_APP_NAME").isVisible()
    # Account (3 fields) fits: no scrolling down into the empty height of a taller page.
    assert dialog.open_group("Account")
    await wait_for(lambda: bar.maximum() == 0, "the Account page does not scroll")
    assert dialog.ui.pageScroll.accessibleName() == "Account"
    assert field(dialog, QLineEdit, "GOOGLE_OAUTH_CLIENT_ID").isVisible()
    assert not field(dialog, QLineEdit, "OPENROUTER_APP_NAME").isVisible()
    # Each group is shown where it was left: AI scrolled to its end, Storage (not scrolled yet) from its top.
    assert dialog.open_group("AI")
    await wait_for(lambda: bar.maximum() > 0, "the AI page scrolls again")
    bar.setValue(bar.maximum())
    end_of_ai = bar.value()
    assert end_of_ai > 0
    assert dialog.open_group("Storage")
    assert bar.value() == 0
    assert dialog.open_group("AI")
    assert bar.value() == end_of_ai


@pytest.mark.asyncio
async def test_arrow_keys_in_the_group_list_show_the_next_groups_fields(open_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = await open_dialog()
    groups = dialog.ui.groupList
    QTest.keyClick(groups, Qt.Key.Key_Down)
    assert groups.currentItem().text() == "Storage"
    assert dialog.ui.pages.currentIndex() == 1
    await wait_for(lambda: field(dialog, QLineEdit, "R2_BUCKET_NAME").isVisible(), "the Storage fields shown")
    QTest.keyClick(groups, Qt.Key.Key_End)
    assert groups.currentItem().text() == "Advanced"
    await wait_for(lambda: field(dialog, QComboBox, "VECTOR_THEME").isVisible(), "the Advanced fields shown")
    assert not field(dialog, QLineEdit, "R2_BUCKET_NAME").isVisible()


@pytest.mark.asyncio
async def test_a_note_and_a_warning_show_under_their_fields_source_line(open_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = await open_dialog(dotenv="VECTOR_JOB_WORKERS=lots\n")
    dialog.open_group("Advanced")
    editor = dialog.editor("VECTOR_JOB_WORKERS")
    note = label(dialog, "note_VECTOR_JOB_WORKERS")
    await wait_for(note.isVisible, "the note shown")
    assert note.text().startswith("Not used: 'lots' is not a whole number")
    source = label(dialog, "source_VECTOR_JOB_WORKERS")
    assert top_in(field(dialog, QLineEdit, "VECTOR_JOB_WORKERS"), editor) < top_in(source, editor)
    assert top_in(source, editor) < top_in(note, editor)
    # A risky value chosen in the dialog: the warning comes under the source line, in red, and goes with the value.
    dialog.open_group("Email")
    security = field(dialog, QComboBox, "EMAIL_SECURITY")
    security.setCurrentText("none")
    danger = label(dialog, "danger_EMAIL_SECURITY")
    await wait_for(danger.isVisible, "the warning shown")
    assert danger.text().startswith("Mail is sent unencrypted") and danger.styleSheet() == ERROR_STYLE
    email = dialog.editor("EMAIL_SECURITY")
    assert top_in(label(dialog, "source_EMAIL_SECURITY"), email) < top_in(danger, email)
    security.setCurrentText("tls")
    assert danger.isHidden()
    # An error and the warning together: error first, then the warning.
    security.setCurrentText("none")
    email.set_error("An error")
    error = label(dialog, "error_EMAIL_SECURITY")
    await wait_for(lambda: error.isVisible() and top_in(error, email) < top_in(danger, email), "error above warning")
    assert error.styleSheet() == ERROR_STYLE


def darkest_text_pixel(widget: QLabel) -> tuple[int, int, int]:
    image = widget.grab().toImage()
    darkest = (255, 255, 255)
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            rgb = (colour.red(), colour.green(), colour.blue())
            if sum(rgb) < sum(darkest):
                darkest = rgb
    return darkest


@pytest.mark.asyncio
@pytest.mark.parametrize("theme", ["", "light"])
async def test_the_source_line_is_small_and_grey(open_dialog, theme: str) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, palette, sheet = app.style().name(), app.palette(), app.styleSheet()
    try:
        if theme:
            apply_theme(app, theme)
        dialog = await open_dialog()
        source = label(dialog, "source_OPENROUTER_APP_NAME")
        await wait_for(lambda: source.isVisible() and source.text() == "Source: default", "the source line shown")
        red, green, blue = darkest_text_pixel(source)
        assert abs(red - 128) <= 24 and red == green == blue  # grey text (#808080), not the black of the labels
        name = dialog.findChild(QLabel, "")  # any label of the form, for its font
        assert name is not None
        assert source.fontInfo().pointSizeF() < dialog.ui.groupList.fontInfo().pointSizeF()
    finally:
        app.setStyleSheet(sheet)
        app.setPalette(palette)
        app.setStyle(style)
