"""The main window: panels and navigation, remembered geometry and panel, notices, status bar, themes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from vector_desktop.qtsupport.theme import (
    SYSTEM_DARK_KEY,
    apply_theme,
    confirm_system_scheme,
    remembered_system_dark,
    system_is_dark,
)
from vector_desktop.views.main_window import MainWindow


def make_window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    prefs = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(prefs)
    qtbot.addWidget(window)
    for key, title in (("chat", "Chat"), ("jobs", "Jobs")):
        page = QLabel(f"{title} page")
        window.add_panel(key, title, QIcon(f":/icons/{key}.svg"), page)
    return window


def test_navigation_switches_panels_and_is_remembered(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.restore_last_panel()
    assert window.current_panel() == "chat"
    with qtbot.waitSignal(window.panel_changed) as blocker:
        window.ui.navList.setCurrentRow(1)
    assert blocker.args == ["jobs"]
    current = window.ui.panelStack.currentWidget()
    assert isinstance(current, QLabel) and current.text() == "Jobs page"
    window.resize(760, 520)
    window.close()

    again = make_window(qtbot, tmp_path)
    again.restore_last_panel()
    assert again.current_panel() == "jobs"
    assert again.size().width() == 760


def test_requested_panel_wins_over_remembered(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.restore_last_panel("jobs")
    assert window.current_panel() == "jobs"
    assert not window.show_panel("nonexistent")


def test_ctrl_number_shortcuts_switch_panels(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.restore_last_panel()
    # Offscreen windows do not become active under pytest, so trigger the action bound to the shortcut.
    bound = [a for a in window.actions() if a.shortcut() == QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_2)]
    assert len(bound) == 1
    bound[0].trigger()
    assert window.current_panel() == "jobs"
    assert "Ctrl+2" in window.ui.navList.item(1).toolTip()


def test_standard_shortcuts_and_accessible_names(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    standard_quit = QKeySequence(QKeySequence.StandardKey.Quit)
    if not standard_quit.isEmpty():
        assert window.ui.actionQuit.shortcut() == standard_quit
    assert not window.ui.actionQuit.shortcut().isEmpty()
    assert not window.ui.actionSettings.shortcut().isEmpty()
    assert window.ui.navList.accessibleName() == "Panels"
    for widget in window.findChildren(QWidget):
        if widget.objectName() in ("navList", "panelStack"):
            assert widget.accessibleName()


def test_notices_show_and_dismiss(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.show()
    window.show_notice("keychain", "No system keychain is available.")
    window.show_notice("keychain", "No system keychain is available (updated).")
    assert window.notice_texts() == ["No system keychain is available (updated)."]
    bar = window._notices["keychain"]
    close_button = bar.findChildren(QWidget)[-1]
    qtbot.mouseClick(close_button, Qt.MouseButton.LeftButton)
    assert window.notice_texts() == []


def test_status_bar_reports_connectivity_and_jobs(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.set_online(False, "openrouter.ai:443 unreachable")
    assert "Offline" in window.connectivity_label.text()
    assert window.connectivity_label.toolTip() == "openrouter.ai:443 unreachable"
    window.set_online(True, "reachable")
    assert "Online" in window.connectivity_label.text()
    window.set_running_jobs(2)
    assert "2" in window.jobs_label.text()
    window.set_running_jobs(0)
    assert window.jobs_label.text() == ""


def test_theme_menu_requests_and_palette_changes(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with qtbot.waitSignal(window.theme_requested) as blocker:
        window.ui.actionThemeDark.trigger()
    assert blocker.args == ["dark"]
    try:
        assert apply_theme(app, "dark") == "dark"
        assert app.palette().window().color().lightness() < 80
        assert apply_theme(app, "light") == "light"
        assert app.palette().window().color().lightness() > 200
    finally:
        app.setStyleSheet("")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_disabled_button_looks_disabled(qtbot, theme: str) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        apply_theme(app, theme)
        labels = []
        for enabled in (True, False):
            button = QPushButton("Connect")
            button.setEnabled(enabled)
            button.resize(120, 32)
            qtbot.addWidget(button)
            image = button.grab().toImage()
            width, height = image.width(), image.height()
            lightness = [image.pixelColor(x, y).lightness() for x in range(width) for y in range(height)]
            labels.append(min(lightness) if theme == "light" else max(lightness))  # the label's strongest ink
        enabled_ink, disabled_ink = labels
        assert abs(disabled_ink - enabled_ink) > 60  # a button that cannot be used is drawn faint, not as usable
    finally:
        apply_theme(app, "light")
        app.setStyleSheet("")


def test_the_first_frame_uses_the_remembered_system_scheme_and_is_corrected_after(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prefs = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    actual = system_is_dark()
    try:
        assert remembered_system_dark(prefs) is None  # first start: Qt is asked before the first paint
        confirm_system_scheme(app, prefs, "system", None)
        assert remembered_system_dark(prefs) is actual
        # The system's scheme changed since the last start: the first frame has the old one, then it is put right.
        prefs.setValue(SYSTEM_DARK_KEY, not actual)
        assumed = remembered_system_dark(prefs)
        assert assumed is (not actual)
        assert apply_theme(app, "system", assumed) == ("dark" if assumed else "light")
        confirm_system_scheme(app, prefs, "system", assumed)
        lightness = app.palette().window().color().lightness()
        assert (lightness < 80) if actual else (lightness > 200)
        assert remembered_system_dark(prefs) is actual
        # A chosen theme does not follow the system.
        apply_theme(app, "dark")
        confirm_system_scheme(app, prefs, "dark", not actual)
        assert app.palette().window().color().lightness() < 80
    finally:
        apply_theme(app, "light")
        app.setStyleSheet("")
