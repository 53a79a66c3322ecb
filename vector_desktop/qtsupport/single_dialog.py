"""One dialog of a kind at a time: opening it again shows the one already open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


def single_dialog(owner: Any, attribute: str, make: Callable[[], D]) -> D:
    """The dialog kept in `owner.<attribute>`; when there is none, `make()`s one that is deleted when closed and
    forgotten when it finishes."""
    dialog: D | None = getattr(owner, attribute)
    if dialog is None:
        dialog = make()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(owner, attribute, None))
        setattr(owner, attribute, dialog)
    return dialog
