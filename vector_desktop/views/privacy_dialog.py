"""First-run question: may the app send crash reports and usage analytics? Both boxes start unticked."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from vector_desktop.presentation.privacy_viewmodel import PrivacyChoices, PrivacyViewModel
from vector_desktop.views.forms.ui_privacy_dialog import Ui_PrivacyDialog


class PrivacyDialog(QDialog):
    """Accept saves the ticked boxes; Esc or closing the window saves "no" to both. Either way it is not asked again.

    Show it with `open()` (window-modal, does not block the event loop).
    """

    def __init__(self, viewmodel: PrivacyViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PrivacyDialog()
        self.ui.setupUi(self)
        self._viewmodel = viewmodel
        font = self.ui.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.ui.headline.setFont(font)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Save choices"))
        ok.setAccessibleName(self.tr("Save choices"))
        ok.setDefault(True)
        missing = []
        if not viewmodel.crash_reports_available:
            self.ui.crashReportsCheck.setEnabled(False)
            missing.append(self.tr("Crash reports are not set up in this copy of Vector Desktop."))
        if not viewmodel.analytics_available:
            self.ui.analyticsCheck.setEnabled(False)
            missing.append(self.tr("Usage analytics are not set up in this copy of Vector Desktop."))
        self.ui.unavailableLabel.setText(" ".join(missing))
        self.ui.unavailableLabel.setVisible(bool(missing))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def choices(self) -> PrivacyChoices:
        return PrivacyChoices(
            crash_reports=self.ui.crashReportsCheck.isEnabled() and self.ui.crashReportsCheck.isChecked(),
            analytics=self.ui.analyticsCheck.isEnabled() and self.ui.analyticsCheck.isChecked(),
        )

    def accept(self) -> None:
        self._viewmodel.apply(self.choices())
        super().accept()

    def reject(self) -> None:
        self._viewmodel.decline()
        super().reject()
