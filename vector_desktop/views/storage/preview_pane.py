"""The Storage panel's preview pane: an image fitted to the pane's width, or a text, with a note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from vector_desktop.presentation.storage.preview import Preview
from vector_desktop.views.forms.ui_storage_panel import Ui_StoragePanel

PREVIEW_SIDE = 480


class PreviewPane:
    def __init__(self, ui: Ui_StoragePanel) -> None:
        self._ui = ui
        self.preview: Preview | None = None  # the one shown

    def show(self, preview: Preview) -> None:
        ui = self._ui
        self.preview = preview
        ui.previewTitle.setText(preview.key)
        ui.previewNote.setText(preview.note)
        ui.previewNote.setVisible(bool(preview.note))
        ui.attachButton.setVisible(preview.kind == "image")
        if preview.kind == "image" and preview.image is not None:
            ui.previewText.clear()
            self.fit_image()
            ui.previewStack.setCurrentWidget(ui.imagePage)
            ui.previewStack.show()
        elif preview.kind == "text":
            ui.previewImage.clear()
            ui.previewText.setPlainText(preview.text)
            ui.previewStack.setCurrentWidget(ui.textPage)
            ui.previewStack.show()
        else:
            ui.previewImage.clear()
            ui.previewText.clear()
            ui.previewStack.hide()
        ui.previewPane.show()

    def fit_image(self) -> None:
        preview = self.preview
        if preview is None or preview.image is None:
            return
        side = max(64, min(PREVIEW_SIDE, self._ui.previewScroll.viewport().width() - 8))
        pixmap = QPixmap.fromImage(preview.image)
        if pixmap.width() > side or pixmap.height() > side:
            pixmap = pixmap.scaled(
                side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        self._ui.previewImage.setPixmap(pixmap)

    def close(self) -> None:
        self.preview = None
        self._ui.previewImage.clear()
        self._ui.previewText.clear()
        self._ui.previewPane.hide()
