"""GUI composition of the setup export/import: File → "Export setup…" and "Import setup…", their dialogs and
view-models (one per opened dialog, so a decrypted setup lives no longer than its dialog).

After an import, `imported(sections)` names what changed ("settings", "ai_servers", "connectors", "databases"):
the lead's gui.py reloads those features. Changed settings are also announced to the config's listeners here (on
the GUI thread), as the Settings dialog does."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction

log = logging.getLogger("vector_desktop.gui")


class SetupGui(QObject):
    imported = Signal(list)  # names of the sections the import changed

    def __init__(self, core: Any, service: Any, window: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._service = service
        self._window = window
        self._dialog: Any = None
        self.export_action = QAction(window.tr("E&xport setup…"), parent or window)
        self.export_action.setStatusTip(
            window.tr("Save your servers, connectors, connections and settings to one file")
        )
        self.import_action = QAction(window.tr("&Import setup…"), parent or window)
        self.import_action.setStatusTip(window.tr("Bring in a setup exported from Vector Desktop"))
        self.export_action.triggered.connect(self.open_export)
        self.import_action.triggered.connect(self.open_import)

    def open_export(self) -> Any:
        from vector_desktop.views.setup.export_dialog import ExportSetupDialog

        return self._open(ExportSetupDialog)

    def open_import(self) -> Any:
        from vector_desktop.views.setup.import_dialog import ImportSetupDialog

        return self._open(ImportSetupDialog)

    def _open(self, dialog_type: Any) -> Any:
        if self._dialog is not None:
            self._dialog.close()
        from vector_desktop.presentation.setup.setup_viewmodel import SetupViewModel

        def run_blocking(fn: Any) -> Any:
            return asyncio.get_running_loop().run_in_executor(None, fn)

        view_model = SetupViewModel(self._service, run_blocking)
        dialog = dialog_type(view_model, self._window)
        view_model.setParent(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._closed(dialog, view_model))
        view_model.settings_imported.connect(self._settings_imported)
        view_model.imported.connect(lambda sections, _text: self.imported.emit(list(sections)))
        self._dialog = dialog
        dialog.open()
        dialog.load()
        return dialog

    def _closed(self, dialog: Any, view_model: Any) -> None:
        view_model.close()
        if self._dialog is dialog:
            self._dialog = None

    def _settings_imported(self, keys: list) -> None:
        try:
            self._core.config.notify(set(keys))
        except Exception:  # a listener's failure must not hide that the import itself worked
            log.exception("a settings listener failed after the setup import")


def build_setup(core: Any, *, window: Any, parent: QObject | None = None) -> SetupGui:
    """The setup export/import, its two File-menu entries added to the window."""
    from vector_desktop.core_setup import make_setup

    gui = SetupGui(core, make_setup(core), window, parent or window)
    window.add_file_actions([gui.export_action, gui.import_action])
    return gui
