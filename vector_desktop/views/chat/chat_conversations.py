"""The Chat panel's left side: the conversation list (selection kept in step with the open conversation, its context
menu, rename, delete with an undo bar) and the message search under it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from vector_desktop.domain.chat import Conversation
from vector_desktop.presentation.chat.chat_models import ConversationRoles
from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.views.forms.ui_chat_panel import Ui_ChatPanel

UNDO_SECONDS = 10


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatPanel", text)


class ConversationListControls:
    """Turns the list's clicks, menu and keys into ChatViewModel calls; `before_switch` ends an edit first."""

    def __init__(
        self,
        ui: Ui_ChatPanel,
        vm: ChatViewModel,
        window: QWidget,
        *,
        before_switch: Callable[[], None],
        export: Callable[[str, str], object],
        share: Callable[[str], None],
    ) -> None:
        self.ui, self.vm, self.window = ui, vm, window
        self._before_switch = before_switch
        self._export = export
        self._share = share
        self._syncing = False
        self._undo_timer = QTimer(window)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_SECONDS * 1000)
        self._undo_timer.timeout.connect(self._undo_expired)

        ui.conversationList.selectionModel().currentChanged.connect(self._on_conversation_clicked)
        ui.conversationList.customContextMenuRequested.connect(self._conversation_menu)
        ui.searchEdit.textChanged.connect(self._on_search_text)
        ui.searchResultsList.clicked.connect(lambda index: vm.open_search_hit(index.row()))
        ui.searchResultsList.activated.connect(lambda index: vm.open_search_hit(index.row()))
        ui.undoButton.clicked.connect(self._undo_delete)
        vm.conversation_deleted.connect(self._on_conversation_deleted)
        vm.undo_available_changed.connect(self._on_undo_available)
        vm.search_finished.connect(self._on_search_finished)

    # ------------------------------------------------------------------------------------------------ selection

    @staticmethod
    def _conversation_id_at(index: QModelIndex) -> str:
        return str(index.data(ConversationRoles.ID) or "") if index.isValid() else ""

    def _on_conversation_clicked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        conversation_id = self._conversation_id_at(current)
        if conversation_id:
            self._before_switch()
            self.vm.select_conversation(conversation_id)

    def select_in_list(self, conversation_id: str) -> None:
        proxy = self.vm.conversations_proxy
        row = self.vm.conversations.row_of(conversation_id)
        index = proxy.mapFromSource(self.vm.conversations.index(row)) if row >= 0 else QModelIndex()
        selection = self.ui.conversationList.selectionModel()
        self._syncing = True
        try:
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            else:
                selection.clearSelection()
        finally:
            self._syncing = False

    # ------------------------------------------------------------------------------------------------ menu

    def _conversation_menu(self, position: QPoint) -> None:
        index = self.ui.conversationList.indexAt(position)
        conversation = index.data(ConversationRoles.CONVERSATION) if index.isValid() else None
        if not isinstance(conversation, Conversation):
            return
        menu = self.conversation_menu(conversation)
        menu.popup(self.ui.conversationList.viewport().mapToGlobal(position))

    def conversation_menu(self, conversation: Conversation) -> QMenu:
        """Rename, pin, export and delete one conversation (also reachable with the keyboard's menu key)."""
        menu = QMenu(self.window)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(_tr("&Rename…"), lambda: self.rename(conversation))
        pin_text = _tr("Un&pin") if conversation.pinned else _tr("&Pin to top")
        menu.addAction(pin_text, lambda: self.vm.pin(conversation.id, not conversation.pinned))
        menu.addSeparator()
        menu.addAction(_tr("Export as &Markdown…"), lambda: self._export("md", conversation.id))
        menu.addAction(_tr("Export as &JSON…"), lambda: self._export("json", conversation.id))
        menu.addAction(_tr("Share by &email…"), lambda: self._share(conversation.id))
        menu.addSeparator()
        menu.addAction(_tr("&Delete"), lambda: self.vm.delete(conversation.id))
        return menu

    def rename(self, conversation: Conversation) -> QInputDialog:
        dialog = QInputDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(_tr("Rename conversation"))
        dialog.setLabelText(_tr("&Title:"))
        dialog.setTextValue(conversation.title)
        dialog.setAccessibleName(_tr("Rename conversation"))
        dialog.textValueSelected.connect(lambda title: self.vm.rename(conversation.id, title))
        dialog.open()
        return dialog

    # ------------------------------------------------------------------------------------------------ delete, undo

    def delete_current(self) -> None:
        conversation_id = self._conversation_id_at(self.ui.conversationList.currentIndex())
        if conversation_id:
            self.vm.delete(conversation_id)

    def _on_conversation_deleted(self, _conversation_id: str, title: str) -> None:
        self.ui.undoLabel.setText(_tr("“%1” was deleted.").replace("%1", title))
        self.ui.undoBar.show()
        self._undo_timer.start()

    def _on_undo_available(self, available: bool) -> None:
        if not available:
            self._undo_timer.stop()
            self.ui.undoBar.hide()

    def _undo_delete(self) -> None:
        self._undo_timer.stop()
        self.ui.undoBar.hide()
        self.vm.undo_delete()

    def _undo_expired(self) -> None:
        self.ui.undoBar.hide()
        self.vm.dismiss_undo()

    # ------------------------------------------------------------------------------------------------ search

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def _on_search_text(self, text: str) -> None:
        searching = bool(text.strip())
        self.ui.searchResultsLabel.setVisible(searching)
        self.ui.searchResultsList.setVisible(searching)
        self.vm.search(text)

    def _on_search_finished(self, query: str, count: int) -> None:
        if not query:
            self.ui.searchResultsLabel.setText(_tr("Messages"))
        elif count:
            self.ui.searchResultsLabel.setText(_tr("Messages (%1)").replace("%1", str(count)))
        else:
            self.ui.searchResultsLabel.setText(_tr("No message matches"))
