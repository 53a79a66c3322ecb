"""The Storage panel: the files in the bucket (or the local folder) as icons with thumbnails or as a details list,
breadcrumbs, filter, drag and drop from the desktop, context menu, preview, transfers with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QMimeData, QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QStyle,
    QToolButton,
    QWidget,
)

from vector_desktop.domain.storage import StorageObject
from vector_desktop.presentation.storage_models import (
    IsFolderRole,
    KeyRole,
    ObjectRole,
    StorageColumn,
    TransferColumn,
    TransferRole,
)
from vector_desktop.presentation.storage_viewmodel import Preview, StorageViewModel, expiry_text
from vector_desktop.presentation.transfer_conflicts import ConflictChoice, TransferConflict
from vector_desktop.views.forms.ui_storage_panel import Ui_StoragePanel
from vector_desktop.views.issued_links_dialog import IssuedLinksDialog
from vector_desktop.views.jobs_panel import ProgressBarDelegate

ERROR_STYLE = "QLabel { color: #c62828; }"
LINK_CHOICES = (3600, 24 * 3600, 7 * 24 * 3600)
MESSAGE_MS = 10_000
CONFLICT_NAMES_SHOWN = 30
PREVIEW_SIDE = 480


def _set_style(widget: QWidget, sheet: str) -> None:
    # Setting a style sheet re-polishes the widget even when the sheet is the same (~10 ms stalls mid-upload).
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def _escape_mnemonic(text: str) -> str:
    return text.replace("&", "&&")


class StoragePanel(QWidget):
    settings_requested = Signal(str)  # the Settings group to open ("Storage")
    attach_to_chat_requested = Signal(str)  # key of an image
    share_link_by_email_requested = Signal(str)  # key of a file (a 24 h link goes into the mail)

    def __init__(self, view_model: StorageViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StoragePanel()
        self.ui.setupUi(self)
        self._vm = view_model
        self._preview: Preview | None = None
        self._message_serial = 0
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
        self._setup_toolbar()
        self._setup_shortcuts()
        self._connect()
        self._rebuild_breadcrumbs()
        self._update_stack()

    # -- set-up
    def _setup_views(self) -> None:
        vm = self._vm
        style = self.style()
        vm.model.set_icons(
            style.standardIcon(QStyle.StandardPixmap.SP_DirIcon), style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        )
        table = self.ui.tableView
        table.setModel(vm.proxy)
        table.setIconSize(QSize(20, 20))
        table.sortByColumn(StorageColumn.NAME, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setSectionResizeMode(StorageColumn.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((StorageColumn.SIZE, 90), (StorageColumn.TYPE, 160), (StorageColumn.MODIFIED, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        icons = self.ui.listView
        icons.setModel(vm.proxy)
        icons.setSelectionModel(table.selectionModel())
        icons.setIconSize(QSize(96, 96))
        icons.setGridSize(QSize(132, 140))
        for view in (table, icons):
            view.setAcceptDrops(False)  # drops go to the panel, which knows files from the desktop
            view.viewport().setAcceptDrops(False)
            view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
            view.activated.connect(self._activate)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._show_context_menu(v, pos))
        transfers = self.ui.transfersTable
        transfers.setModel(vm.transfers)
        self.progress_delegate = ProgressBarDelegate(transfers)
        transfers.setItemDelegateForColumn(TransferColumn.PROGRESS, self.progress_delegate)
        theader = transfers.horizontalHeader()
        theader.setSectionResizeMode(TransferColumn.NAME, QHeaderView.ResizeMode.Stretch)
        theader.resizeSection(TransferColumn.PROGRESS, 160)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)

    def _setup_toolbar(self) -> None:
        ui = self.ui
        style = self.style()
        pixmap = QStyle.StandardPixmap
        ui.upButton.setIcon(style.standardIcon(pixmap.SP_FileDialogToParent))
        ui.iconsButton.setIcon(style.standardIcon(pixmap.SP_FileDialogContentsView))
        ui.detailsButton.setIcon(style.standardIcon(pixmap.SP_FileDialogDetailedView))
        ui.newFolderButton.setIcon(style.standardIcon(pixmap.SP_FileDialogNewFolder))
        ui.refreshButton.setIcon(style.standardIcon(pixmap.SP_BrowserReload))
        ui.uploadButton.setIcon(style.standardIcon(pixmap.SP_ArrowUp))
        menu = QMenu(ui.uploadButton)
        files = menu.addAction(self.tr("Upload &files…"))
        files.triggered.connect(self.choose_files_to_upload)
        folder = menu.addAction(self.tr("Upload a f&older…"))
        folder.triggered.connect(self.choose_folder_to_upload)
        ui.uploadButton.setMenu(menu)

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
        ui.cancelTransferButton.clicked.connect(self._cancel_selected_transfers)
        ui.clearTransfersButton.clicked.connect(vm.clear_finished_transfers)
        ui.transfersTable.selectionModel().selectionChanged.connect(self._update_transfer_buttons)

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
        transfers = vm.transfers
        transfers.rowsInserted.connect(self._transfers_changed)
        transfers.rowsRemoved.connect(self._transfers_changed)
        transfers.dataChanged.connect(self._update_transfer_buttons)

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
        model = vm.model
        failed = bool(model.error)
        if failed:
            text = model.error
        elif model.is_loading or not (model.is_complete or model.rowCount()):
            text = self.tr("Looking for matching names…") if vm.proxy.name_filter else self.tr("Loading…")
        elif vm.proxy.name_filter:
            text = self.tr("No names in this folder match “%1”.").replace("%1", vm.proxy.name_filter)
        elif vm.prefix:
            text = self.tr("This folder is empty. Drag files or folders here to upload them.")
        else:
            text = self.tr("No files yet. Drag files or folders here, or click Upload…")
        ui.emptyLabel.setText(text)
        _set_style(ui.emptyLabel, ERROR_STYLE if failed else "")
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
        layout = self.ui.breadcrumbLayout
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        crumbs = self._vm.breadcrumbs()
        for index, (label, prefix) in enumerate(crumbs):
            if index:
                separator = QLabel("\u203a", self.ui.breadcrumbBar)  # a single right-pointing angle quote
                separator.setAccessibleName(self.tr("in"))
                layout.addWidget(separator)
            button = QToolButton(self.ui.breadcrumbBar)
            button.setObjectName(f"crumb_{index}")
            button.setText(_escape_mnemonic(label))
            button.setAutoRaise(True)
            button.setAccessibleName(self.tr("Go to %1").replace("%1", label))
            button.setToolTip(prefix or self.tr("The top of the storage"))
            if index == len(crumbs) - 1:
                font = button.font()
                font.setBold(True)
                button.setFont(font)
            button.clicked.connect(lambda _checked=False, p=prefix: self._vm.open_prefix(p))
            layout.addWidget(button)
        self.ui.upButton.setEnabled(bool(self._vm.prefix))

    def breadcrumb_buttons(self) -> list[QToolButton]:
        layout = self.ui.breadcrumbLayout
        items = [layout.itemAt(i) for i in range(layout.count())]
        widgets = [item.widget() for item in items if item is not None]
        return [widget for widget in widgets if isinstance(widget, QToolButton)]

    def _show_pending(self, count: int) -> None:
        self.ui.pendingLabel.setText(self._vm.pending_text() if count else "")
        self.ui.pendingBanner.setVisible(count > 0)

    def show_error(self, text: str) -> None:
        self._show_line(text, error=True)

    def show_message(self, text: str) -> None:
        self._show_line(text, error=False)

    def _show_line(self, text: str, *, error: bool) -> None:
        self._message_serial += 1
        serial = self._message_serial
        _set_style(self.ui.messageLabel, ERROR_STYLE if error else "")
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.setVisible(bool(text))
        if not error:
            QTimer.singleShot(MESSAGE_MS, self, lambda: self._hide_message(serial))

    def _hide_message(self, serial: int) -> None:
        if serial == self._message_serial:
            self.ui.messageLabel.hide()

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
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        objects = self.selected_objects()

        def add(name: str, text: str, slot: Callable[[], object], parent: QMenu = menu) -> QAction:
            action = parent.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False: slot())
            return action

        if not objects:
            add("action_upload", self.tr("&Upload files…"), self.choose_files_to_upload)
            add("action_new_folder", self.tr("&New folder…"), self.ask_new_folder)
            add("action_refresh", self.tr("&Refresh"), self._vm.refresh)
            return menu
        single = objects[0] if len(objects) == 1 else None
        keys = [obj.key for obj in objects]
        if single is not None and single.is_folder:
            add("action_open", self.tr("&Open"), lambda: self._vm.open_prefix(single.key))
        elif single is not None:
            add("action_preview", self.tr("&Preview"), lambda: self._vm.preview(single.key))
        add("action_download", self.tr("&Download…"), lambda: self.choose_download_folder(keys))
        if single is not None and not single.is_folder:
            key = single.key
            if self._vm.is_local:
                add("action_copy_location", self.tr("&Copy file location"), partial(self._vm.copy_link, key))
            else:
                links = menu.addMenu(self.tr("&Copy link"))
                links.setObjectName("menu_copy_link")
                for seconds in LINK_CHOICES:
                    text = self.tr("Valid for %1").replace("%1", expiry_text(seconds))
                    add(f"action_link_{seconds}", text, partial(self._vm.copy_link, key, seconds), links)
                add("action_link_custom", self.tr("Custom…"), partial(self.ask_link_expiry, key), links)
                share = partial(self.share_link_by_email_requested.emit, key)
                add("action_share_email", self.tr("Share link by &email…"), share)
        menu.addSeparator()
        if single is not None:
            add("action_rename", self.tr("Re&name…"), self.rename_selected)
        add("action_delete", self.tr("De&lete…"), self.delete_selected)
        if single is not None and self._vm.can_attach(single):
            menu.addSeparator()
            add("action_attach", self.tr("&Attach to chat"), lambda: self._vm.attach_to_chat(single.key))
        return menu

    # -- actions that ask first
    def delete_selected(self) -> None:
        objects = self.selected_objects()
        if not objects:
            return
        if len(objects) > 1:
            text = self.tr("Delete %1 items? Folders are deleted with everything in them. This cannot be undone.")
            text = text.replace("%1", str(len(objects)))
        elif objects[0].is_folder:
            text = self.tr("Delete the folder “%1” and everything in it? This cannot be undone.")
            text = text.replace("%1", objects[0].name)
        else:
            text = self.tr("Delete “%1”? This cannot be undone.").replace("%1", objects[0].name)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
        names = list(conflict.names)
        folder = conflict.folder or self.tr("All files")
        if len(names) == 1:
            text = self.tr("“%1” already exists in “%2”.").replace("%1", names[0]).replace("%2", folder)
        else:
            text = (
                self.tr("%1 of the %2 items you are downloading already exist in “%3”.")
                if conflict.downloading
                else self.tr("%1 of the %2 items you are uploading already exist in “%3”.")
            )
            text = text.replace("%1", str(len(names))).replace("%2", str(conflict.total)).replace("%3", folder)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Replace existing items?"), text, parent=self)
        box.setInformativeText(
            self.tr("Replace them with the downloaded files, keep both (the new ones get a number), or skip them?")
            if conflict.downloading
            else self.tr("Replace them with the new files, keep both (the new ones get a number), or skip them?")
        )
        if len(names) > 1:
            shown = names[:CONFLICT_NAMES_SHOWN]
            more = len(names) - len(shown)
            box.setDetailedText("\n".join(shown) + (self.tr("\n…and %1 more").replace("%1", str(more)) if more else ""))
        buttons: dict[QAbstractButton, ConflictChoice] = {
            box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.AcceptRole): ConflictChoice.REPLACE,
            box.addButton(self.tr("&Keep both"), QMessageBox.ButtonRole.AcceptRole): ConflictChoice.KEEP_BOTH,
        }
        if len(names) < conflict.total:  # skipping everything would upload nothing: that is Cancel
            buttons[box.addButton(self.tr("&Skip existing"), QMessageBox.ButtonRole.AcceptRole)] = ConflictChoice.SKIP
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            self.conflict_box = None
            conflict.answer(buttons.get(box.clickedButton(), ConflictChoice.CANCEL))

        box.finished.connect(answered)
        self.conflict_box = box
        box.open()
        return box

    def _ask_text(self, title: str, label: str, value: str, done: Callable[[str], object]) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(value)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Copy link"))
        dialog.setLabelText(self.tr("How many hours should the link work (1 to 168)? It cannot be revoked."))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(1, 168)
        dialog.setIntValue(24)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
        dialog = QFileDialog(self, title)
        dialog.setFileMode(mode)
        if mode is QFileDialog.FileMode.Directory:
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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

    # -- preview
    def show_preview(self, preview: Preview) -> None:
        ui = self.ui
        self._preview = preview
        ui.previewTitle.setText(preview.key)
        ui.previewNote.setText(preview.note)
        ui.previewNote.setVisible(bool(preview.note))
        ui.attachButton.setVisible(preview.kind == "image")
        if preview.kind == "image" and preview.image is not None:
            ui.previewText.clear()
            self._fit_preview_image()
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

    def _fit_preview_image(self) -> None:
        preview = self._preview
        if preview is None or preview.image is None:
            return
        side = max(64, min(PREVIEW_SIDE, self.ui.previewScroll.viewport().width() - 8))
        pixmap = QPixmap.fromImage(preview.image)
        if pixmap.width() > side or pixmap.height() > side:
            pixmap = pixmap.scaled(
                side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        self.ui.previewImage.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.ui.previewPane.isVisible():
            self._fit_preview_image()

    def close_preview(self) -> None:
        self._preview = None
        self.ui.previewImage.clear()
        self.ui.previewText.clear()
        self.ui.previewPane.hide()

    def _attach_previewed(self) -> None:
        if self._preview is not None:
            self._vm.attach_to_chat(self._preview.key)

    def _download_previewed(self) -> None:
        if self._preview is not None:
            self.choose_download_folder([self._preview.key])

    # -- transfers
    def _transfers_changed(self, *_args: object) -> None:
        count = self._vm.transfers.rowCount()
        self.ui.transfersPane.setVisible(count > 0)
        if count:
            self.ui.transfersTable.scrollToBottom()
        self._update_transfer_buttons()

    def selected_transfer_ids(self) -> list[str]:
        rows = {index.row() for index in self.ui.transfersTable.selectionModel().selectedIndexes()}
        transfers = [self._vm.transfers.index(row, 0).data(TransferRole) for row in sorted(rows)]
        return [transfer.job_id for transfer in transfers if transfer is not None]

    def _update_transfer_buttons(self, *_args: object) -> None:
        transfers = self._vm.transfers
        self.ui.cancelTransferButton.setEnabled(any(transfers.can_cancel(i) for i in self.selected_transfer_ids()))
        self.ui.clearTransfersButton.setEnabled(any(t.finished for t in transfers.transfers()))

    def _cancel_selected_transfers(self) -> None:
        for job_id in self.selected_transfer_ids():
            if self._vm.transfers.can_cancel(job_id):
                self._vm.cancel_transfer(job_id)

    # -- drag and drop from the desktop
    @staticmethod
    def local_paths(mime: QMimeData) -> list[str]:
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self.local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self._vm.upload_paths(paths, self._drop_prefix(event.position().toPoint()))

    def _drop_prefix(self, pos: QPoint) -> str:
        """Dropped onto a folder: into that folder; anywhere else: into the folder shown."""
        view = self.current_view()
        viewport = view.viewport()
        if view.isVisible():
            local = viewport.mapFrom(self, pos)
            if viewport.rect().contains(local):
                index = view.indexAt(local)
                if index.isValid() and index.data(IsFolderRole):
                    return str(index.data(KeyRole))
        return self._vm.prefix

    def icon_for(self, key: str) -> QIcon | None:
        """The thumbnail shown for `key` (None while it is not loaded)."""
        return self._vm.model.thumbnail(key)
