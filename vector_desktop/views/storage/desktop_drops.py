"""Files and folders dragged onto the Storage panel from the desktop: which are local, and where they go."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

from vector_desktop.presentation.storage.listing_columns import IsFolderRole, KeyRole


def local_paths(mime: QMimeData) -> list[str]:
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def accept_local_files(event: QDragEnterEvent | QDragMoveEvent) -> None:
    if local_paths(event.mimeData()):
        event.acceptProposedAction()
    else:
        event.ignore()


def drop_prefix(panel: QWidget, view: QAbstractItemView, pos: QPoint, shown: str) -> str:
    """Dropped (at `pos` in `panel`) onto a folder of `view`: into that folder; anywhere else: the folder `shown`."""
    viewport = view.viewport()
    if view.isVisible():
        local = viewport.mapFrom(panel, pos)
        if viewport.rect().contains(local):
            index = view.indexAt(local)
            if index.isValid() and index.data(IsFolderRole):
                return str(index.data(KeyRole))
    return shown
