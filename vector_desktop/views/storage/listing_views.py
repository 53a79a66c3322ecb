"""The Storage panel's two views of the listing (icons and details), its toolbar, and what it says when there is
nothing to show.

Texts use the panel's translation context ("StoragePanel")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QStyle

from vector_desktop.presentation.storage.listing_columns import StorageColumn
from vector_desktop.presentation.storage.storage_viewmodel import StorageViewModel
from vector_desktop.views.forms.ui_storage_panel import Ui_StoragePanel


def setup_listing_views(ui: Ui_StoragePanel, vm: StorageViewModel, style: QStyle) -> None:
    """Both views on the filter proxy, sharing one selection; drops go to the panel, not to the views."""
    vm.model.set_icons(
        style.standardIcon(QStyle.StandardPixmap.SP_DirIcon), style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
    )
    table = ui.tableView
    table.setModel(vm.proxy)
    table.setIconSize(QSize(20, 20))
    table.sortByColumn(StorageColumn.NAME, Qt.SortOrder.AscendingOrder)
    header = table.horizontalHeader()
    header.setSectionResizeMode(StorageColumn.NAME, QHeaderView.ResizeMode.Stretch)
    for column, width in ((StorageColumn.SIZE, 90), (StorageColumn.TYPE, 160), (StorageColumn.MODIFIED, 150)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    icons = ui.listView
    icons.setModel(vm.proxy)
    icons.setSelectionModel(table.selectionModel())
    icons.setIconSize(QSize(96, 96))
    icons.setGridSize(QSize(132, 140))
    for view in (table, icons):
        view.setAcceptDrops(False)  # drops go to the panel, which knows files from the desktop
        view.viewport().setAcceptDrops(False)
        view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)


def setup_toolbar(
    ui: Ui_StoragePanel, style: QStyle, upload_files: Callable[[], object], upload_folder: Callable[[], object]
) -> None:
    """Standard icons on the tool buttons; the Upload button's menu (files or a folder)."""
    pixmap = QStyle.StandardPixmap
    ui.upButton.setIcon(style.standardIcon(pixmap.SP_FileDialogToParent))
    ui.iconsButton.setIcon(style.standardIcon(pixmap.SP_FileDialogContentsView))
    ui.detailsButton.setIcon(style.standardIcon(pixmap.SP_FileDialogDetailedView))
    ui.newFolderButton.setIcon(style.standardIcon(pixmap.SP_FileDialogNewFolder))
    ui.refreshButton.setIcon(style.standardIcon(pixmap.SP_BrowserReload))
    ui.uploadButton.setIcon(style.standardIcon(pixmap.SP_ArrowUp))
    menu = QMenu(ui.uploadButton)
    files = menu.addAction(QCoreApplication.translate("StoragePanel", "Upload &files…"))
    files.triggered.connect(upload_files)
    folder = menu.addAction(QCoreApplication.translate("StoragePanel", "Upload a f&older…"))
    folder.triggered.connect(upload_folder)
    ui.uploadButton.setMenu(menu)


def empty_state_text(vm: StorageViewModel) -> str:
    """What the panel says when no name is shown: the listing's failure, loading, nothing matches, or empty."""
    model = vm.model
    name_filter = vm.proxy.name_filter
    if model.error:
        return model.error
    if model.is_loading or not (model.is_complete or model.rowCount()):
        if name_filter:
            return QCoreApplication.translate("StoragePanel", "Looking for matching names…")
        return QCoreApplication.translate("StoragePanel", "Loading…")
    if name_filter:
        return QCoreApplication.translate("StoragePanel", "No names in this folder match “%1”.").replace(
            "%1", name_filter
        )
    if vm.prefix:
        return QCoreApplication.translate(
            "StoragePanel", "This folder is empty. Drag files or folders here to upload them."
        )
    return QCoreApplication.translate("StoragePanel", "No files yet. Drag files or folders here, or click Upload…")
