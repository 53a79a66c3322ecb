"""The Save of an add/edit dialog whose view model saves in the background and answers with a "saved" or a
"failed" signal: while it saves, the button says "Saving…" and is disabled and a second Save does nothing; only an
answer to this dialog's own save is taken (the view model may be saving for another dialog too)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QDialog, QPushButton

Draft = TypeVar("Draft")
Saved = TypeVar("Saved")


class PendingSave(QObject, Generic[Draft, Saved]):
    """A child of the dialog, so its connections end with the dialog."""

    def __init__(
        self,
        dialog: QDialog,
        button: QPushButton,
        saved: SignalInstance,
        failed: SignalInstance,
        on_failed: Callable[[str, str], None],
    ) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._button = button
        self._signals = ((saved, self._on_saved), (failed, self._on_failed))
        self._show_failure = on_failed  # (field, sentence)
        self.saving = False
        self.saved: Saved | None = None
        saved.connect(self._on_saved)
        failed.connect(self._on_failed)

    def save(self, draft: Callable[[], Draft | None], send: Callable[[Draft], None]) -> None:
        """`draft()` gives what to save, or None after showing what is missing; `send` hands it to the view model."""
        if self.saving:
            return
        value = draft()
        if value is None:
            return
        self._set_saving(True)
        send(value)

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self._button.setEnabled(not saving)
        self._button.setText(self.tr("Saving…") if saving else self.tr("&Save"))

    def _on_saved(self, value: Saved) -> None:
        if not self.saving:
            return
        self._set_saving(False)
        self.saved = value
        self._dialog.accept()

    def _on_failed(self, field: str, text: str) -> None:
        if not self.saving:
            return
        self._set_saving(False)
        self._show_failure(field, text)

    def disconnect_view_model(self) -> None:
        """For the dialog's `done`: the view model outlives it."""
        for signal, slot in self._signals:
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
