"""The Chat panel's Export button: its menu (Markdown, JSON, share by email) and the save dialog for an export."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.views.forms.ui_chat_panel import Ui_ChatPanel


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatPanel", text)


class ExportControls:
    """`share` asks for the conversation (by id) to be shared by email."""

    def __init__(self, ui: Ui_ChatPanel, vm: ChatViewModel, window: QWidget, *, share: Callable[[str], None]) -> None:
        self.vm, self.window = vm, window
        menu = QMenu(ui.exportButton)
        self.markdown_action = menu.addAction(_tr("As &Markdown…"))
        self.json_action = menu.addAction(_tr("As &JSON…"))
        self.markdown_action.triggered.connect(lambda: self.choose_file("md"))
        self.json_action.triggered.connect(lambda: self.choose_file("json"))
        self.share_email_action = menu.addAction(_tr("Share by &email…"))
        self.share_email_action.triggered.connect(lambda: share(self.vm.current_id))
        ui.exportButton.setMenu(menu)

    def choose_file(self, fmt: str, conversation_id: str = "") -> QFileDialog | None:
        conversation_id = conversation_id or self.vm.current_id
        conversation = self.vm.conversations.conversation(conversation_id)
        if conversation is None:
            return None
        dialog = QFileDialog(self.window, _tr("Export conversation"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(fmt)
        dialog.setNameFilter(_tr("Markdown (*.md)") if fmt == "md" else _tr("JSON (*.json)"))
        stem = "".join(ch if ch.isalnum() or ch in " -_" else "" for ch in conversation.display_title).strip()
        dialog.selectFile(f"{stem.replace(' ', '-') or 'conversation'}.{fmt}")
        dialog.fileSelected.connect(lambda path: self.vm.export(conversation_id, fmt, path))
        dialog.open()
        return dialog
