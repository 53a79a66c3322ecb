"""The Storage panel's breadcrumb bar: one button per folder from the top to the folder shown.

Texts use the panel's translation context ("StoragePanel")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLayout, QToolButton, QWidget


def _escape_mnemonic(text: str) -> str:
    return text.replace("&", "&&")


def fill_breadcrumbs(
    bar: QWidget, layout: QLayout, crumbs: Sequence[tuple[str, str]], open_prefix: Callable[[str], object]
) -> None:
    """Replace the buttons in `layout` with one per (label, prefix); the last one, the folder shown, in bold."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
    for index, (label, prefix) in enumerate(crumbs):
        if index:
            separator = QLabel("\u203a", bar)  # a single right-pointing angle quote
            separator.setAccessibleName(QCoreApplication.translate("StoragePanel", "in"))
            layout.addWidget(separator)
        button = QToolButton(bar)
        button.setObjectName(f"crumb_{index}")
        button.setText(_escape_mnemonic(label))
        button.setAutoRaise(True)
        button.setAccessibleName(QCoreApplication.translate("StoragePanel", "Go to %1").replace("%1", label))
        button.setToolTip(prefix or QCoreApplication.translate("StoragePanel", "The top of the storage"))
        if index == len(crumbs) - 1:
            font = button.font()
            font.setBold(True)
            button.setFont(font)
        button.clicked.connect(lambda _checked=False, p=prefix: open_prefix(p))
        layout.addWidget(button)


def breadcrumb_buttons(layout: QLayout) -> list[QToolButton]:
    items = [layout.itemAt(i) for i in range(layout.count())]
    widgets = [item.widget() for item in items if item is not None]
    return [widget for widget in widgets if isinstance(widget, QToolButton)]
