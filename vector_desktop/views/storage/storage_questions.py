"""The Storage panel's questions to the user, built but not opened: delete, "already exists", a name, link hours.

Texts use the panel's translation context ("StoragePanel")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QInputDialog, QMessageBox, QWidget

from vector_desktop.domain.storage import StorageObject
from vector_desktop.presentation.storage.transfer_conflicts import ConflictChoice, TransferConflict

CONFLICT_NAMES_SHOWN = 30


def delete_question(parent: QWidget, objects: Sequence[StorageObject]) -> QMessageBox:
    """Delete these objects? Yes (labelled Delete) or Cancel, Cancel by default."""
    if len(objects) > 1:
        text = QCoreApplication.translate(
            "StoragePanel", "Delete %1 items? Folders are deleted with everything in them. This cannot be undone."
        )
        text = text.replace("%1", str(len(objects)))
    elif objects[0].is_folder:
        text = QCoreApplication.translate(
            "StoragePanel", "Delete the folder “%1” and everything in it? This cannot be undone."
        )
        text = text.replace("%1", objects[0].name)
    else:
        text = QCoreApplication.translate("StoragePanel", "Delete “%1”? This cannot be undone.")
        text = text.replace("%1", objects[0].name)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("StoragePanel", "Delete"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(QCoreApplication.translate("StoragePanel", "Delete"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def conflict_question(
    parent: QWidget, conflict: TransferConflict
) -> tuple[QMessageBox, dict[QAbstractButton, ConflictChoice]]:
    """Some names exist already where files are going: replace them, keep both, skip them, or do nothing (Cancel,
    the button missing from the map)."""
    names = list(conflict.names)
    folder = conflict.folder or QCoreApplication.translate("StoragePanel", "All files")
    if len(names) == 1:
        text = QCoreApplication.translate("StoragePanel", "“%1” already exists in “%2”.")
        text = text.replace("%1", names[0]).replace("%2", folder)
    else:
        text = (
            QCoreApplication.translate("StoragePanel", "%1 of the %2 items you are downloading already exist in “%3”.")
            if conflict.downloading
            else QCoreApplication.translate(
                "StoragePanel", "%1 of the %2 items you are uploading already exist in “%3”."
            )
        )
        text = text.replace("%1", str(len(names))).replace("%2", str(conflict.total)).replace("%3", folder)
    title = QCoreApplication.translate("StoragePanel", "Replace existing items?")
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setInformativeText(
        QCoreApplication.translate(
            "StoragePanel",
            "Replace them with the downloaded files, keep both (the new ones get a number), or skip them?",
        )
        if conflict.downloading
        else QCoreApplication.translate(
            "StoragePanel", "Replace them with the new files, keep both (the new ones get a number), or skip them?"
        )
    )
    if len(names) > 1:
        shown = names[:CONFLICT_NAMES_SHOWN]
        more = len(names) - len(shown)
        more_text = QCoreApplication.translate("StoragePanel", "\n…and %1 more").replace("%1", str(more))
        box.setDetailedText("\n".join(shown) + (more_text if more else ""))
    accept = QMessageBox.ButtonRole.AcceptRole
    buttons: dict[QAbstractButton, ConflictChoice] = {
        box.addButton(QCoreApplication.translate("StoragePanel", "&Replace"), accept): ConflictChoice.REPLACE,
        box.addButton(QCoreApplication.translate("StoragePanel", "&Keep both"), accept): ConflictChoice.KEEP_BOTH,
    }
    if len(names) < conflict.total:  # skipping everything would upload nothing: that is Cancel
        skip = box.addButton(QCoreApplication.translate("StoragePanel", "&Skip existing"), accept)
        buttons[skip] = ConflictChoice.SKIP
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box, buttons


def text_question(parent: QWidget, title: str, label: str, value: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(value)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def link_hours_question(parent: QWidget) -> QInputDialog:
    """How many hours a copied link should work (1 to 168, 24 proposed)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("StoragePanel", "Copy link"))
    dialog.setLabelText(
        QCoreApplication.translate(
            "StoragePanel", "How many hours should the link work (1 to 168)? It cannot be revoked."
        )
    )
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(1, 168)
    dialog.setIntValue(24)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def file_question(parent: QWidget, title: str, mode: QFileDialog.FileMode) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    dialog.setFileMode(mode)
    if mode is QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog
