"""The Storage panel's context menu: for the selection, or for the folder itself when nothing is selected.

Texts use the panel's translation context ("StoragePanel")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from vector_desktop.domain.storage import StorageObject
from vector_desktop.presentation.storage.storage_texts import expiry_text
from vector_desktop.presentation.storage.storage_viewmodel import StorageViewModel

LINK_CHOICES = (3600, 24 * 3600, 7 * 24 * 3600)


class MenuActions(Protocol):
    """What the panel does for menu entries that ask the user first."""

    def choose_files_to_upload(self) -> None: ...
    def ask_new_folder(self) -> None: ...
    def choose_download_folder(self, keys: list[str]) -> None: ...
    def ask_link_expiry(self, key: str) -> None: ...
    def rename_selected(self) -> None: ...
    def delete_selected(self) -> None: ...


def storage_context_menu(
    parent: QWidget,
    vm: StorageViewModel,
    objects: Sequence[StorageObject],
    actions: MenuActions,
    share_by_email: Callable[[str], object],
) -> QMenu:
    menu = QMenu(parent)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def add(name: str, text: str, slot: Callable[[], object], parent: QMenu = menu) -> QAction:
        action = parent.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    if not objects:
        add(
            "action_upload",
            QCoreApplication.translate("StoragePanel", "&Upload files…"),
            actions.choose_files_to_upload,
        )
        add("action_new_folder", QCoreApplication.translate("StoragePanel", "&New folder…"), actions.ask_new_folder)
        add("action_refresh", QCoreApplication.translate("StoragePanel", "&Refresh"), vm.refresh)
        return menu
    single = objects[0] if len(objects) == 1 else None
    keys = [obj.key for obj in objects]
    if single is not None and single.is_folder:
        add("action_open", QCoreApplication.translate("StoragePanel", "&Open"), lambda: vm.open_prefix(single.key))
    elif single is not None:
        add("action_preview", QCoreApplication.translate("StoragePanel", "&Preview"), lambda: vm.preview(single.key))
    download = QCoreApplication.translate("StoragePanel", "&Download…")
    add("action_download", download, lambda: actions.choose_download_folder(keys))
    if single is not None and not single.is_folder:
        key = single.key
        if vm.is_local:
            location = QCoreApplication.translate("StoragePanel", "&Copy file location")
            add("action_copy_location", location, partial(vm.copy_link, key))
        else:
            links = menu.addMenu(QCoreApplication.translate("StoragePanel", "&Copy link"))
            links.setObjectName("menu_copy_link")
            for seconds in LINK_CHOICES:
                text = QCoreApplication.translate("StoragePanel", "Valid for %1").replace("%1", expiry_text(seconds))
                add(f"action_link_{seconds}", text, partial(vm.copy_link, key, seconds), links)
            custom = QCoreApplication.translate("StoragePanel", "Custom…")
            add("action_link_custom", custom, partial(actions.ask_link_expiry, key), links)
            share = QCoreApplication.translate("StoragePanel", "Share link by &email…")
            add("action_share_email", share, partial(share_by_email, key))
    menu.addSeparator()
    if single is not None:
        add("action_rename", QCoreApplication.translate("StoragePanel", "Re&name…"), actions.rename_selected)
    add("action_delete", QCoreApplication.translate("StoragePanel", "De&lete…"), actions.delete_selected)
    if single is not None and vm.can_attach(single):
        menu.addSeparator()
        attach = QCoreApplication.translate("StoragePanel", "&Attach to chat")
        add("action_attach", attach, lambda: vm.attach_to_chat(single.key))
    return menu
