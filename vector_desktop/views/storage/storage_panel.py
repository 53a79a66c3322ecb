"""The Storage panel: the files in the bucket (or the local folder) as icons with thumbnails or as a details list,
breadcrumbs, filter, drag and drop from the desktop, context menu, preview, transfers with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from vector_desktop.domain.storage import StorageObject
from vector_desktop.presentation.storage.listing_columns import IsFolderRole, KeyRole, ObjectRole
from vector_desktop.presentation.storage.preview import Preview
from vector_desktop.presentation.storage.storage_viewmodel import StorageViewModel
from vector_desktop.presentation.storage.transfer_conflicts import ConflictChoice, TransferConflict
from vector_desktop.views.forms.ui_storage_panel import Ui_StoragePanel
from vector_desktop.views.storage.breadcrumbs import breadcrumb_buttons, fill_breadcrumbs
from vector_desktop.views.storage.desktop_drops import accept_local_files, drop_prefix, local_paths
from vector_desktop.views.storage.issued_links_dialog import IssuedLinksDialog
from vector_desktop.views.storage.listing_views import empty_state_text, setup_listing_views, setup_toolbar
from vector_desktop.views.storage.message_line import ERROR_STYLE, MessageLine, set_style
from vector_desktop.views.storage.preview_pane import PreviewPane
from vector_desktop.views.storage.storage_context_menu import storage_context_menu
from vector_desktop.views.storage.storage_questions import (
    conflict_question,
    delete_question,
    file_question,
    link_hours_question,
    text_question,
)
from vector_desktop.views.storage.transfers_pane import TransfersPane


class StoragePanel(QWidget):
    settings_requested = Signal(str)  # the Settings group to open ("Storage")
    attach_to_chat_requested = Signal(str)  # key of an image
    share_link_by_email_requested = Signal(str)  # key of a file (a 24 h link goes into the mail)

    def __init__(self, view_model: StorageViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StoragePanel()
        self.ui.setupUi(self)
        self._vm = view_model
        self._preview_pane = PreviewPane(self.ui)
        self._message_line = MessageLine(self.ui.messageLabel)
        self.confirm_box: QMessageBox | None = None  # the open delete confirmation (tests answer it)
        self.conflict_box: QMessageBox | None = None  # the open "already exists" question
        self.input_dialog: QInputDialog | None = None  # the open rename / new folder / expiry question
        self.file_dialog: QFileDialog | None = None
        self.links_dialog: IssuedLinksDialog | None = None
        self.setAcceptDrops(True)
        self.ui.emptyLabel.setObjectName("emptyState")
        self.ui.pendingBanner.hide()
        self.ui.previewPane.hide()
        self.ui.transfersPane.hide()
        self.ui.transfersPane.ensurePolished()  # now, not on the clock when the first upload starts
        self.ui.messageLabel.hide()
        self.ui.linksButton.hide()
        self._setup_views()
        setup_toolbar(self.ui, self.style(), self.choose_files_to_upload, self.choose_folder_to_upload)
        self._setup_shortcuts()
        self._connect()
        self._rebuild_breadcrumbs()
        self._update_stack()

    # -- set-up
    def _setup_views(self) -> None:
        vm = self._vm
        setup_listing_views(self.ui, vm, self.style())
        for view in (self.ui.tableView, self.ui.listView):
            view.activated.connect(self._activate)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._show_context_menu(v, pos))
        self._transfers_pane = TransfersPane(self.ui, vm)
        self.progress_delegate = self._transfers_pane.progress_delegate
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)

    def _setup_shortcuts(self) -> None:
        def add(
            name: str, text: str, keys: QKeySequence | QKeySequence.StandardKey, slot: Callable[[], object]
        ) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False: slot())
            self.addAction(action)
            return action

        add("shortcut_delete", self.tr("Delete"), QKeySequence.StandardKey.Delete, self.delete_selected)
        add("shortcut_rename", self.tr("Rename"), QKeySequence(Qt.Key.Key_F2), self.rename_selected)
        add("shortcut_copy_link", self.tr("Copy link"), QKeySequence.StandardKey.Copy, self._copy_default_link)
        add("shortcut_find", self.tr("Filter"), QKeySequence.StandardKey.Find, self._focus_filter)
        add("shortcut_refresh", self.tr("Refresh"), QKeySequence.StandardKey.Refresh, self._vm.refresh)
        add("shortcut_up", self.tr("Up"), QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up), self._vm.go_up)
        add("shortcut_new_folder", self.tr("New folder"), QKeySequence("Ctrl+Shift+N"), self.ask_new_folder)

    def _connect(self) -> None:
        ui = self.ui
        vm = self._vm
        ui.upButton.clicked.connect(vm.go_up)
        ui.refreshButton.clicked.connect(vm.refresh)
        ui.filterEdit.textChanged.connect(vm.set_filter)
        ui.filterEdit.textChanged.connect(self._update_stack)  # the empty text names the filter
        ui.iconsButton.clicked.connect(lambda: self.set_view_mode("icons"))
        ui.detailsButton.clicked.connect(lambda: self.set_view_mode("details"))
        ui.uploadButton.clicked.connect(self.choose_files_to_upload)
        ui.newFolderButton.clicked.connect(self.ask_new_folder)
        ui.linksButton.clicked.connect(self.show_issued_links)
        ui.settingsLink.linkActivated.connect(lambda _link: self.settings_requested.emit("Storage"))
        ui.emptySettingsButton.clicked.connect(lambda: self.settings_requested.emit("Storage"))
        ui.retryButton.clicked.connect(vm.retry)
        ui.resumeButton.clicked.connect(vm.resume_pending)
        ui.discardButton.clicked.connect(vm.discard_pending)
        ui.closePreviewButton.clicked.connect(self.close_preview)
        ui.attachButton.clicked.connect(self._attach_previewed)
        ui.previewDownloadButton.clicked.connect(self._download_previewed)

        vm.backend_changed.connect(self._show_backend)
        vm.prefix_changed.connect(self._prefix_changed)
        vm.error_occurred.connect(self.show_error)
        vm.message.connect(self.show_message)
        vm.pending_uploads_changed.connect(self._show_pending)
        vm.preview_ready.connect(self.show_preview)
        vm.attach_to_chat_requested.connect(self.attach_to_chat_requested)
        vm.transfer_conflict.connect(self.ask_transfer_conflict)
        for signal in (vm.proxy.rowsInserted, vm.proxy.rowsRemoved):
            signal.connect(self._update_stack)
        vm.proxy.modelReset.connect(self._update_stack)
        vm.proxy.layoutChanged.connect(self._update_stack)
        vm.model.loading_changed.connect(self._update_stack)
        vm.model.load_failed.connect(self._update_stack)
        self._transfers_pane.connect()

    # -- what is shown
    @property
    def view_mode(self) -> str:
        return "icons" if self.ui.iconsButton.isChecked() else "details"

    def set_view_mode(self, mode: str) -> None:
        icons = mode == "icons"
        self.ui.iconsButton.setChecked(icons)
        self.ui.detailsButton.setChecked(not icons)
        self._update_stack()

    def current_view(self) -> QAbstractItemView:
        return self.ui.listView if self.view_mode == "icons" else self.ui.tableView

    def _update_stack(self, *_args: object) -> None:
        ui = self.ui
        vm = self._vm
        if vm.proxy.rowCount() > 0:
            ui.stack.setCurrentWidget(ui.iconsPage if self.view_mode == "icons" else ui.detailsPage)
            return
        failed = bool(vm.model.error)
        text = empty_state_text(vm)
        ui.emptyLabel.setText(text)
        set_style(ui.emptyLabel, ERROR_STYLE if failed else "")
        ui.retryButton.setVisible(failed)
        ui.emptySettingsButton.setVisible(failed)
        ui.stack.setCurrentWidget(ui.emptyPage)

    def empty_text(self) -> str:
        """What the panel says instead of files, or "" while files are shown."""
        return self.ui.emptyLabel.text() if self.ui.stack.currentWidget() is self.ui.emptyPage else ""

    def _show_backend(self, text: str) -> None:
        self.ui.backendLabel.setText(text)
        self.ui.linksButton.setVisible(self._vm.is_r2)

    def _prefix_changed(self, _prefix: str) -> None:
        wanted = self._vm.proxy.name_filter  # another folder starts unfiltered; a refresh keeps the filter
        if self.ui.filterEdit.text().strip() != wanted:
            self.ui.filterEdit.blockSignals(True)
            self.ui.filterEdit.setText(wanted)
            self.ui.filterEdit.blockSignals(False)
        self._rebuild_breadcrumbs()
        self._update_stack()

    def _rebuild_breadcrumbs(self) -> None:
        fill_breadcrumbs(self.ui.breadcrumbBar, self.ui.breadcrumbLayout, self._vm.breadcrumbs(), self._vm.open_prefix)
        self.ui.upButton.setEnabled(bool(self._vm.prefix))

    def breadcrumb_buttons(self) -> list[QToolButton]:
        return breadcrumb_buttons(self.ui.breadcrumbLayout)

    def _show_pending(self, count: int) -> None:
        self.ui.pendingLabel.setText(self._vm.pending_text() if count else "")
        self.ui.pendingBanner.setVisible(count > 0)

    def show_error(self, text: str) -> None:
        self._message_line.show(text, error=True)

    def show_message(self, text: str) -> None:
        self._message_line.show(text, error=False)

    # -- selection
    def selected_objects(self) -> list[StorageObject]:
        rows = sorted({index.row() for index in self.ui.tableView.selectionModel().selectedIndexes()})
        found = [self._vm.proxy.index(row, 0).data(ObjectRole) for row in rows]
        return [obj for obj in found if isinstance(obj, StorageObject)]

    def select_key(self, key: str) -> bool:
        proxy = self._vm.proxy
        for row in range(proxy.rowCount()):
            index = proxy.index(row, 0)
            if index.data(KeyRole) == key:
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                self.ui.tableView.selectionModel().select(index, flags)
                self.ui.tableView.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                return True
        return False

    def _activate(self, index: QModelIndex) -> None:
        key = str(index.data(KeyRole) or "")
        if not key:
            return
        if index.data(IsFolderRole):
            self._vm.open_prefix(key)
        else:
            self._vm.preview(key)

    # -- context menu
    def _show_context_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        selection = self.ui.tableView.selectionModel()
        if index.isValid() and not selection.isSelected(index):
            self.select_key(str(index.data(KeyRole)))
        elif not index.isValid():
            selection.clearSelection()
        self.context_menu().popup(view.viewport().mapToGlobal(pos))

    def context_menu(self) -> QMenu:
        """The menu for the selection (or for the folder itself when nothing is selected)."""
        objects = self.selected_objects()
        return storage_context_menu(self, self._vm, objects, self, self.share_link_by_email_requested.emit)

    # -- actions that ask first
    def delete_selected(self) -> None:
        objects = self.selected_objects()
        if not objects:
            return
        box = delete_question(self, objects)
        keys = [obj.key for obj in objects]

        def answered(_result: int) -> None:
            self.confirm_box = None
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                self._vm.delete(keys)

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()

    def ask_transfer_conflict(self, conflict: TransferConflict) -> QMessageBox:
        """Some names exist already where files are going: replace them, keep both, skip them, or do nothing."""
        box, buttons = conflict_question(self, conflict)

        def answered(_result: int) -> None:
            self.conflict_box = None
            conflict.answer(buttons.get(box.clickedButton(), ConflictChoice.CANCEL))

        box.finished.connect(answered)
        self.conflict_box = box
        box.open()
        return box

    def _ask_text(self, title: str, label: str, value: str, done: Callable[[str], object]) -> QInputDialog:
        dialog = text_question(self, title, label, value)
        dialog.textValueSelected.connect(lambda text: done(text) if text.strip() else None)
        dialog.finished.connect(lambda _result: setattr(self, "input_dialog", None))
        self.input_dialog = dialog
        dialog.open()
        return dialog

    def rename_selected(self) -> None:
        objects = self.selected_objects()
        if len(objects) != 1:
            return
        obj = objects[0]

        def rename(text: str) -> None:
            if text.strip() != obj.name:
                self._vm.rename(obj.key, text)

        self._ask_text(self.tr("Rename"), self.tr("New name for “%1”:").replace("%1", obj.name), obj.name, rename)

    def ask_new_folder(self) -> None:
        self._ask_text(self.tr("New folder"), self.tr("Name of the new folder:"), "", self._vm.new_folder)

    def ask_link_expiry(self, key: str) -> None:
        dialog = link_hours_question(self)
        dialog.intValueSelected.connect(lambda hours: self._vm.copy_link(key, int(hours) * 3600))
        dialog.finished.connect(lambda _result: setattr(self, "input_dialog", None))
        self.input_dialog = dialog
        dialog.open()

    def _copy_default_link(self) -> None:
        objects = self.selected_objects()
        if len(objects) == 1 and not objects[0].is_folder:
            self._vm.copy_link(objects[0].key)

    def _focus_filter(self) -> None:
        self.ui.filterEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.filterEdit.selectAll()

    def _file_dialog(self, title: str, mode: QFileDialog.FileMode) -> QFileDialog:
        dialog = file_question(self, title, mode)
        dialog.finished.connect(lambda _result: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        return dialog

    def choose_files_to_upload(self) -> None:
        dialog = self._file_dialog(self.tr("Upload files"), QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda paths: self._vm.upload_paths(list(paths)))
        dialog.open()

    def choose_folder_to_upload(self) -> None:
        dialog = self._file_dialog(self.tr("Upload a folder"), QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(lambda path: self._vm.upload_paths([path]))
        dialog.open()

    def choose_download_folder(self, keys: list[str]) -> None:
        dialog = self._file_dialog(self.tr("Download to folder"), QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(lambda path: self._vm.download(keys, path))
        dialog.open()

    def show_issued_links(self) -> IssuedLinksDialog:
        if self.links_dialog is None:
            dialog = IssuedLinksDialog(self._vm.links, self._vm.links_notice, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result: setattr(self, "links_dialog", None))
            self.links_dialog = dialog
        self._vm.load_issued_links()
        self.links_dialog.open()
        return self.links_dialog

    # -- preview and transfers
    def show_preview(self, preview: Preview) -> None:
        self._preview_pane.show(preview)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.ui.previewPane.isVisible():
            self._preview_pane.fit_image()

    def close_preview(self) -> None:
        self._preview_pane.close()

    def _attach_previewed(self) -> None:
        if self._preview_pane.preview is not None:
            self._vm.attach_to_chat(self._preview_pane.preview.key)

    def _download_previewed(self) -> None:
        if self._preview_pane.preview is not None:
            self.choose_download_folder([self._preview_pane.preview.key])

    def selected_transfer_ids(self) -> list[str]:
        return self._transfers_pane.selected_ids()

    # -- drag and drop from the desktop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        accept_local_files(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        accept_local_files(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        pos = event.position().toPoint()
        self._vm.upload_paths(paths, drop_prefix(self, self.current_view(), pos, self._vm.prefix))

    def icon_for(self, key: str) -> QIcon | None:
        """The thumbnail shown for `key` (None while it is not loaded)."""
        return self._vm.model.thumbnail(key)
