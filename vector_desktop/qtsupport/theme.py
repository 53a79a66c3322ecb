"""Light and dark themes: Fusion with the matching palette plus a small style sheet. 'system' follows the OS."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


def _read_resource(path: str) -> str:
    file = QFile(path)
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        return ""
    try:
        return bytes(file.readAll().data()).decode("utf-8")
    finally:
        file.close()


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def effective_theme(choice: str) -> str:
    if choice == "system":
        return "dark" if system_is_dark() else "light"
    return choice if choice in THEMES else "light"


def dark_palette() -> QPalette:
    palette = QPalette()
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
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b707a"))
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
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
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


def apply_theme(app: QApplication, choice: str) -> str:
    """Apply the theme; returns the effective one ('light' or 'dark')."""
    theme = effective_theme(choice)
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if theme == "dark" else light_palette())
    app.setStyleSheet(_read_resource(":/styles/common.qss") + "\n" + _read_resource(f":/styles/{theme}.qss"))
    app.setProperty("vectorTheme", theme)
    return theme
