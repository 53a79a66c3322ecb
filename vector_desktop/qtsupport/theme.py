"""Light and dark themes: Fusion with the matching palette plus a small style sheet. 'system' follows the OS.

Applied before the first paint, so it touches few Qt classes: PySide6 makes a class's enums into Python enums the
first time the class is used (`Qt`: ~90 of them, 15-30 ms; QFile with QIODevice: 6).
"""

from __future__ import annotations

from PySide6.QtCore import QResource, QSettings
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")
SYSTEM_DARK_KEY = "ui/systemDark"  # the system's colour scheme at the last start, for the next first frame


def _read_resource(path: str) -> str:
    resource = QResource(path)
    if not resource.isValid():
        return ""
    return bytes(resource.uncompressedData().data()).decode("utf-8")


def system_is_dark() -> bool:
    from PySide6.QtCore import Qt  # only when the theme follows the system: no other way to read its scheme

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def effective_theme(choice: str, system_dark: bool | None = None) -> str:
    if choice == "system":
        return "dark" if (system_is_dark() if system_dark is None else system_dark) else "light"
    return choice if choice in THEMES else "light"


def remembered_system_dark(prefs: QSettings) -> bool | None:
    """The system's scheme at the last start (None the first time): the first frame is painted with it, without
    asking Qt before; `confirm_system_scheme` checks it right after."""
    value = prefs.value(SYSTEM_DARK_KEY)
    return None if value is None else value in (True, "true")


def confirm_system_scheme(app: QApplication, prefs: QSettings, choice: str, assumed_dark: bool | None) -> None:
    """After the first paint: remember the system's scheme and, when the theme follows it and it changed since the
    last start, apply the right theme (the first frame had the old one)."""
    dark = system_is_dark()
    prefs.setValue(SYSTEM_DARK_KEY, dark)
    if choice == "system" and assumed_dark is not None and assumed_dark != dark:
        apply_theme(app, choice, dark)


def dark_palette() -> QPalette:
    roles = {
        QPalette.ColorRole.Window: "#25272d",
        QPalette.ColorRole.WindowText: "#e6e7ea",
        QPalette.ColorRole.Base: "#1b1c20",
        QPalette.ColorRole.AlternateBase: "#2a2c33",
        QPalette.ColorRole.ToolTipBase: "#2f323a",
        QPalette.ColorRole.ToolTipText: "#e6e7ea",
        QPalette.ColorRole.PlaceholderText: "#8a909a",
        QPalette.ColorRole.Text: "#e6e7ea",
        QPalette.ColorRole.Button: "#2e3138",
        QPalette.ColorRole.ButtonText: "#e6e7ea",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#5b61d6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ea2ff",
        QPalette.ColorRole.Mid: "#3a3d45",
        QPalette.ColorRole.Dark: "#15161a",
        QPalette.ColorRole.Light: "#3d4049",
    }
    return _palette(roles, disabled_text="#6b707a")


def light_palette() -> QPalette:
    roles = {
        QPalette.ColorRole.Window: "#f7f7f9",
        QPalette.ColorRole.WindowText: "#1d1f24",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f2f3f6",
        QPalette.ColorRole.Text: "#1d1f24",
        QPalette.ColorRole.Button: "#f0f1f4",
        QPalette.ColorRole.ButtonText: "#1d1f24",
        QPalette.ColorRole.Highlight: "#4f46e5",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#4338ca",
        QPalette.ColorRole.PlaceholderText: "#8a909a",
    }
    return _palette(roles, disabled_text="#a0a4ab")


def _palette(roles: dict[QPalette.ColorRole, str], *, disabled_text: str) -> QPalette:
    """`roles` for every colour group, then the texts of disabled widgets faint (without it they look usable)."""
    palette = QPalette()
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette


def apply_theme(app: QApplication, choice: str, system_dark: bool | None = None) -> str:
    """Apply the theme; returns the effective one ('light' or 'dark'). `system_dark`: the system's scheme if the
    caller knows it, else Qt is asked."""
    theme = effective_theme(choice, system_dark)
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if theme == "dark" else light_palette())
    app.setStyleSheet(_read_resource(":/styles/common.qss") + "\n" + _read_resource(f":/styles/{theme}.qss"))
    app.setProperty("vectorTheme", theme)
    return theme
