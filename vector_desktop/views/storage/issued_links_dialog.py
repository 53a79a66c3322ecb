"""Every presigned link the app issued for the bucket (file, created, expires), and why that list matters:
links cannot be revoked."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QWidget

from vector_desktop.presentation.storage.links_model import IssuedLinksModel, LinkColumn
from vector_desktop.views.forms.ui_issued_links_dialog import Ui_IssuedLinksDialog


class IssuedLinksDialog(QDialog):
    def __init__(self, model: IssuedLinksModel, notice: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_IssuedLinksDialog()
        self.ui.setupUi(self)
        self._model = model
        self.ui.noticeLabel.setText(notice)
        self.ui.emptyLabel.setObjectName("emptyState")
        table = self.ui.linksTable
        table.setModel(model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(LinkColumn.KEY, QHeaderView.ResizeMode.Stretch)
        for column in (LinkColumn.CREATED, LinkColumn.EXPIRES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        model.modelReset.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        has_links = self._model.rowCount() > 0
        self.ui.stack.setCurrentWidget(self.ui.tablePage if has_links else self.ui.emptyPage)
