"""The dialog shown for an uncaught exception: what happened, where, and where the log is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from vector_desktop.views.forms.ui_crash_dialog import Ui_CrashDialog


class CrashDialog(QDialog):
    QUIT = 2

    def __init__(self, summary: str, where: str, details: str, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CrashDialog()
        self.ui.setupUi(self)
        self._details = details
        self._log_file = log_file
        self.ui.summaryLabel.setText(summary)
        self.ui.whereLabel.setText(self.tr("Where: %1").replace("%1", where))
        self.ui.detailsText.setPlainText(details)
        self.ui.logLabel.setText(self.tr("The full log is in %1").replace("%1", str(log_file)))
        self.ui.copyButton.clicked.connect(self.copy_details)
        self.ui.openLogButton.clicked.connect(self.open_log_folder)
        self.ui.continueButton.clicked.connect(self.accept)
        self.ui.quitButton.clicked.connect(lambda: self.done(self.QUIT))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self._details)

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_file.parent)))
