"""The first-run privacy question: both boxes off by default, the answer saved in the store and applied at once."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from vector_desktop.config import Config
from vector_desktop.presentation.privacy_viewmodel import PrivacyChoices, PrivacyViewModel
from vector_desktop.services.scrubber import Scrubber
from vector_desktop.services.telemetry import Analytics, CrashReporter
from vector_desktop.store.engine import OpenedStore
from vector_desktop.store.settings_repository import SettingsRepository
from vector_desktop.store.telemetry_repository import TelemetryRepository
from vector_desktop.views.privacy_dialog import PrivacyDialog

# The offscreen platform cannot resize windows to their size hints; harmless for these tests.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Parts:
    def __init__(self, store: OpenedStore, tmp_path: Path, dsn: bool = True, token: bool = True) -> None:
        self.settings = SettingsRepository(store)
        environ = {
            # A loopback DSN nobody listens on: enabling Sentry must not reach anything else.
            "SENTRY_DSN": f"http://public@127.0.0.1:{closed_port()}/1" if dsn else "",
            "MIXPANEL_TOKEN": "mp-token" if token else "",
        }
        self.config = Config(environ=environ, saved=self.settings.load_all())
        scrubber = Scrubber(list, tmp_path, user_name="")
        self.crash = CrashReporter(self.config, scrubber)
        self.analytics = Analytics(
            self.config,
            TelemetryRepository(store.sessions),
            scrubber,
            tmp_path / "analytics-id",
        )
        self.viewmodel = PrivacyViewModel(self.config, self.settings, self.crash, self.analytics)


@pytest.fixture
def parts(store: OpenedStore, tmp_path: Path) -> Iterator[Parts]:
    made = Parts(store, tmp_path)
    yield made
    made.crash.disable()


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click where a user would: on the box or its text (a stretched checkbox ignores clicks beyond its text)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    area = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxClickRect, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=area.center())


def show(qtbot, parts: Parts) -> PrivacyDialog:
    dialog = PrivacyDialog(parts.viewmodel)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def test_asks_once_with_both_boxes_off(qtbot: QtBot, parts: Parts) -> None:
    assert parts.viewmodel.should_ask()
    dialog = show(qtbot, parts)
    assert dialog.windowTitle() == "Help improve Vector Desktop?"
    assert not dialog.ui.crashReportsCheck.isChecked()
    assert not dialog.ui.analyticsCheck.isChecked()
    assert dialog.ui.crashReportsCheck.isEnabled() and dialog.ui.analyticsCheck.isEnabled()
    assert "removed" in dialog.ui.neverLabel.text()
    assert dialog.ui.unavailableLabel.isHidden()
    assert dialog.ui.crashReportsCheck.accessibleName() == "Send crash reports"
    assert dialog.choices() == PrivacyChoices(False, False)


def test_saving_a_choice_stores_it_and_turns_analytics_on(qtbot: QtBot, parts: Parts) -> None:
    dialog = show(qtbot, parts)
    tick(qtbot, dialog.ui.analyticsCheck)
    with qtbot.waitSignal(parts.viewmodel.saved) as saved:
        qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert saved.args == [False, True]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert parts.settings.load_all() == {
        "VECTOR_ANALYTICS": "true",
        "VECTOR_CRASH_REPORTS": "false",
        "VECTOR_PRIVACY_ASKED": "true",
    }
    assert parts.analytics.enabled and parts.analytics.track("app.started")
    assert not parts.crash.active
    assert not parts.viewmodel.should_ask()


def test_crash_reports_start_when_agreed(qtbot: QtBot, parts: Parts) -> None:
    dialog = show(qtbot, parts)
    tick(qtbot, dialog.ui.crashReportsCheck)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert parts.crash.active
    assert not parts.analytics.enabled


def test_escape_means_no_to_both_and_is_not_asked_again(
    qtbot: QtBot, parts: Parts, store: OpenedStore, tmp_path: Path
) -> None:
    dialog = show(qtbot, parts)
    tick(qtbot, dialog.ui.crashReportsCheck)  # ticked, then the user backs out
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert parts.settings.load_all()["VECTOR_PRIVACY_ASKED"] == "true"
    assert parts.viewmodel.current() == PrivacyChoices(False, False)
    assert not parts.crash.active
    restarted = Parts(store, tmp_path)  # a new start reads the saved answer
    assert not restarted.viewmodel.should_ask()


def test_unconfigured_services_are_not_offered(qtbot: QtBot, store: OpenedStore, tmp_path: Path) -> None:
    only_analytics = Parts(store, tmp_path, dsn=False)
    dialog = show(qtbot, only_analytics)
    assert not dialog.ui.crashReportsCheck.isEnabled()
    assert dialog.ui.analyticsCheck.isEnabled()
    assert dialog.ui.unavailableLabel.isVisible()
    assert "Crash reports are not set up" in dialog.ui.unavailableLabel.text()
    assert not Parts(store, tmp_path, dsn=False, token=False).viewmodel.should_ask(), "nothing to ask about"
