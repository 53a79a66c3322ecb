"""The Chat panel: conversations on the left (search, new, rename, pin, delete with undo), the open conversation on
the right (model picker, settings, totals, the transcript, the composer with its tools choice and Send / Stop).

Thin: every decision is in ChatViewModel; this class turns clicks and keys into its calls and its signals into
widget state."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QListView, QMenu, QWidget

from vector_desktop.domain.chat import Conversation
from vector_desktop.presentation.chat.chat_models import (
    ConversationRoles,
    MessageAction,
    MessageRoles,
    ModelChoiceRoles,
    is_local_model,
)
from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.views.chat.chat_tool_rows import SpinnerTicker
from vector_desktop.views.chat.chat_tools_controls import ChatToolsControls
from vector_desktop.views.chat.conversation_delegate import ConversationDelegate
from vector_desktop.views.chat.conversation_settings_dialog import ConversationSettingsDialog
from vector_desktop.views.chat.message_delegate import MessageDelegate
from vector_desktop.views.chat.search_hit_delegate import SearchHitDelegate
from vector_desktop.views.forms.ui_chat_panel import Ui_ChatPanel

ERROR_STYLE = "QLabel { color: #c62828; }"
WARNING_STYLE = "QLabel { color: #b26a00; }"
OFFLINE_STYLE = "QLabel { color: #b26a00; }"
MUTED_STYLE = "QLabel { color: palette(placeholder-text); }"
UNDO_SECONDS = 10
BOTTOM_SLACK = 8  # pixels from the end that still count as "at the bottom"
LINK_SCHEMES = ("http", "https", "mailto")
COMPOSER_LINES = 4  # the composer's height at first; the splitter gives the rest to the transcript
SEND_KEYS = "Ctrl+Enter"


class ChatPanel(QWidget):
    share_by_email_requested = Signal(str)  # conversation id

    def __init__(self, view_model: ChatViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ChatPanel()
        self.ui.setupUi(self)
        self.vm = view_model
        self._syncing = False
        self._editing_id = 0
        self._draft_before_edit = ""
        self._setting_composer = False
        self._stick_to_bottom = True
        self._keep_from_bottom: int | None = None
        self._adjusting_scroll = False
        self._settings_dialog: ConversationSettingsDialog | None = None
        ui = self.ui

        self._full_texts: dict[QLabel, str] = {}
        ui.splitter.setStretchFactor(0, 0)
        ui.splitter.setStretchFactor(1, 1)
        ui.splitter.setSizes([240, 740])
        ui.composerSplitter.setStretchFactor(0, 1)
        ui.composerSplitter.setStretchFactor(1, 0)
        ui.composerSplitter.setSizes([10_000, self.composer_height()])
        ui.conversationList.setModel(view_model.conversations_proxy)
        self.conversation_delegate = ConversationDelegate(ui.conversationList)
        ui.conversationList.setItemDelegate(self.conversation_delegate)
        ui.searchResultsList.setModel(view_model.search_results)
        self.search_delegate = SearchHitDelegate(ui.searchResultsList)
        ui.searchResultsList.setItemDelegate(self.search_delegate)
        ui.modelCombo.setModel(view_model.model_choices)

        transcript = ui.transcript
        transcript.setModel(view_model.messages)
        self.delegate = MessageDelegate(parent=transcript)
        transcript.setItemDelegate(self.delegate)
        transcript.setMouseTracking(True)
        transcript.setSelectionMode(QListView.SelectionMode.SingleSelection)
        transcript.setUniformItemSizes(False)
        transcript.setSpacing(0)
        self.spinner = SpinnerTicker(transcript, view_model.messages)
        self.tools = ChatToolsControls(
            view_model.tools, button=ui.toolsButton, label=ui.toolsLabel, notice=ui.noticeLabel, window=self
        )

        for label in (ui.errorLabel, ui.searchResultsLabel, ui.searchResultsList, ui.undoBar):
            label.hide()
        ui.editBar.hide()
        ui.errorLabel.setStyleSheet(ERROR_STYLE)
        ui.offlineLabel.setStyleSheet(OFFLINE_STYLE)
        self._on_offline_hint(view_model.offline_hint)
        ui.totalsLabel.setStyleSheet(MUTED_STYLE)
        title_font = ui.titleLabel.font()
        title_font.setBold(True)
        ui.titleLabel.setFont(title_font)
        for label in (ui.titleLabel, ui.totalsLabel):
            label.installEventFilter(self)  # elided again when its width changes
        ui.emptyTranscript.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        ui.emptyTranscript.setBackgroundRole(ui.transcript.viewport().backgroundRole())

        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_SECONDS * 1000)
        self._undo_timer.timeout.connect(self._undo_expired)

        export_menu = QMenu(ui.exportButton)
        self.export_markdown_action = export_menu.addAction(self.tr("As &Markdown…"))
        self.export_json_action = export_menu.addAction(self.tr("As &JSON…"))
        self.export_markdown_action.triggered.connect(lambda: self._choose_export_file("md"))
        self.export_json_action.triggered.connect(lambda: self._choose_export_file("json"))
        self.share_email_action = export_menu.addAction(self.tr("Share by &email…"))
        self.share_email_action.triggered.connect(lambda: self.share_by_email_requested.emit(self.vm.current_id))
        ui.exportButton.setMenu(export_menu)

        self._wire_widgets()
        self._wire_view_model()
        self._wire_shortcuts()
        self._on_busy_changed(view_model.busy)
        self._on_conversation_changed(view_model.current)
        self._update_empty_state()

    # ------------------------------------------------------------------------------------------------ wiring

    def _wire_widgets(self) -> None:
        ui, vm = self.ui, self.vm
        ui.newButton.clicked.connect(self._new_conversation)
        ui.searchEdit.textChanged.connect(self._on_search_text)
        ui.conversationList.selectionModel().currentChanged.connect(self._on_conversation_clicked)
        ui.conversationList.customContextMenuRequested.connect(self._conversation_menu)
        ui.searchResultsList.clicked.connect(lambda index: vm.open_search_hit(index.row()))
        ui.searchResultsList.activated.connect(lambda index: vm.open_search_hit(index.row()))
        ui.undoButton.clicked.connect(self._undo_delete)
        ui.modelCombo.activated.connect(self._on_model_chosen)
        ui.settingsButton.clicked.connect(self.open_settings)
        ui.sendButton.clicked.connect(self.send)
        ui.attachButton.clicked.connect(self.choose_image)
        ui.clearAttachmentsButton.clicked.connect(vm.clear_attachments)
        vm.attachments_changed.connect(self._show_attachments)
        self._show_attachments(vm.attachments)
        ui.stopButton.clicked.connect(vm.stop)
        ui.composer.textChanged.connect(self._on_composer_changed)
        ui.cancelEditButton.clicked.connect(self.cancel_edit)
        ui.transcript.customContextMenuRequested.connect(self._message_menu)
        self.delegate.action_triggered.connect(self.trigger_action)
        self.delegate.code_copy_requested.connect(self._copy)
        self.delegate.link_activated.connect(self._open_link)
        self.delegate.tool_row_toggled.connect(vm.messages.toggle_expanded)
        bar = ui.transcript.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_scroll_range)
        vm.messages.modelReset.connect(self._on_transcript_reset)
        vm.messages.page_prepended.connect(self._on_page_prepended)
        vm.messages.modelReset.connect(self._update_empty_state)
        vm.messages.rowsInserted.connect(self._update_empty_state)
        vm.messages.rowsRemoved.connect(self._update_empty_state)

    def _wire_view_model(self) -> None:
        vm = self.vm
        vm.error_occurred.connect(self.show_error)
        vm.conversation_selected.connect(self._on_conversation_selected)
        vm.conversation_changed.connect(self._on_conversation_changed)
        vm.draft_restored.connect(self._set_composer_text)
        vm.send_rejected.connect(self._on_send_rejected)
        vm.busy_changed.connect(self._on_busy_changed)
        vm.totals_changed.connect(self._on_totals)
        vm.context_hint_changed.connect(self._on_context_hint)
        vm.scroll_to_message.connect(self.show_message)
        vm.conversation_deleted.connect(self._on_conversation_deleted)
        vm.undo_available_changed.connect(self._on_undo_available)
        vm.search_finished.connect(self._on_search_finished)
        vm.offline_hint_changed.connect(self._on_offline_hint)
        vm.models_loaded.connect(lambda: self._on_conversation_changed(vm.current))

    def _wire_shortcuts(self) -> None:
        ui = self.ui
        ui.composer.installEventFilter(self)  # Ctrl+Enter sends
        # Escape ends an edit, else stops the answer arriving; enabled only then, so it takes no key from others.
        self.escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape_shortcut.activated.connect(self._on_escape)
        self.escape_shortcut.setEnabled(False)
        new = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(self._new_conversation)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_search)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), ui.transcript)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self._copy_current_message)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), ui.conversationList)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_current_conversation)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.composer and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, modifiers = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers & Qt.KeyboardModifier.ControlModifier:
                self.send()
                return True
        elif event.type() == QEvent.Type.Resize and isinstance(watched, QLabel) and watched in self._full_texts:
            self._set_elided(watched, self._full_texts[watched])
        return super().eventFilter(watched, event)

    def _on_escape(self) -> None:
        if self._editing_id:
            self.cancel_edit()
        elif self.vm.busy:
            self.vm.stop()

    def _update_escape(self) -> None:
        self.escape_shortcut.setEnabled(bool(self._editing_id) or self.vm.busy)

    def composer_height(self) -> int:
        """About COMPOSER_LINES lines of text, plus the frame."""
        composer = self.ui.composer
        lines = QFontMetrics(composer.font()).lineSpacing() * COMPOSER_LINES
        margins = composer.contentsMargins()
        return int(lines + 2 * composer.document().documentMargin() + margins.top() + margins.bottom() + 4)

    def _set_elided(self, label: QLabel, text: str) -> None:
        """Show `text` in one line, elided at the right when the label is too narrow (full text in the tooltip)."""
        self._full_texts[label] = text
        width = label.width() - 2 * label.margin()
        metrics = QFontMetrics(label.font())
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width) if width > 20 else text
        if shown != label.text():
            label.setText(shown)
        if label is self.ui.titleLabel:
            label.setToolTip(text if shown != text else "")

    def full_text(self, label: QLabel) -> str:
        return self._full_texts.get(label, label.text())

    def _on_totals(self, text: str) -> None:
        self._set_elided(self.ui.totalsLabel, text)
        self.ui.totalsLabel.setVisible(bool(text))

    def _on_offline_hint(self, text: str) -> None:
        self.ui.offlineLabel.setText(text)
        self.ui.offlineLabel.setVisible(bool(text))

    def _focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    # ------------------------------------------------------------------------------------------------ conversations

    def _new_conversation(self) -> None:
        self.cancel_edit()
        self.vm.new_conversation()
        self.ui.composer.setFocus()

    def _conversation_id_at(self, index: QModelIndex) -> str:
        return str(index.data(ConversationRoles.ID) or "") if index.isValid() else ""

    def _on_conversation_clicked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        conversation_id = self._conversation_id_at(current)
        if conversation_id:
            self.cancel_edit()
            self.vm.select_conversation(conversation_id)

    def _on_conversation_selected(self, conversation_id: str) -> None:
        self.ui.errorLabel.hide()
        self.tools.conversation_opened()
        self._select_in_list(conversation_id)

    def _select_in_list(self, conversation_id: str) -> None:
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

    def _on_conversation_changed(self, conversation: Conversation | None) -> None:
        ui = self.ui
        has_conversation = conversation is not None
        if conversation is None:
            title = self.tr("No conversation yet")
        else:
            title = conversation.title or self.tr("New conversation")
        self._set_elided(ui.titleLabel, title)
        for widget in (ui.settingsButton, ui.exportButton):
            widget.setEnabled(has_conversation)
        model_id = self.vm.effective_model()
        row = self.vm.model_choices.row_of(model_id)
        ui.modelCombo.blockSignals(True)
        ui.modelCombo.setCurrentIndex(row)
        ui.modelCombo.blockSignals(False)
        if conversation is not None:
            self._select_in_list(conversation.id)
        else:
            self._on_totals("")
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        """With no message to show, the transcript's place tells a new user what to do and who will answer."""
        ui = self.ui
        empty = self.vm.messages.rowCount() == 0
        if empty:
            model_id = self.vm.effective_model()
            name = html.escape(self.vm.model_name(model_id)) if model_id else ""
            if not model_id:
                who = self.tr("Choose a model in the list above to start.")
            elif is_local_model(model_id):
                who = self.tr("<b>%1</b> will answer. It runs on this computer: private, free, and it works offline.")
            else:
                who = self.tr("<b>%1</b> will answer. You can pick another model in the list above.")
            keys = QKeySequence(SEND_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
            heading = self.tr("Ask anything") if self.vm.current is not None else self.tr("Start a conversation")
            lines = [
                f"<h3>{html.escape(heading)}</h3>",
                "<p>"
                + html.escape(self.tr("Ask a question, have a text explained or improved, or get help with code."))
                + "</p>",
                "<p>" + who.replace("%1", name) + "</p>",
                "<p>"
                + self.tr(
                    "Write below and press <b>%1</b> to send. Your conversations are kept on this computer."
                ).replace("%1", html.escape(keys))
                + "</p>",
            ]
            ui.emptyTranscript.setText("".join(lines))
        target = ui.emptyTranscript if empty else ui.transcript
        if ui.transcriptStack.currentWidget() is not target:
            ui.transcriptStack.setCurrentWidget(target)

    def _on_model_chosen(self, row: int) -> None:
        index = self.vm.model_choices.index(row)
        model_id = str(index.data(ModelChoiceRoles.MODEL_ID) or "")
        if model_id:
            self.vm.set_model(model_id)

    def _conversation_menu(self, position: QPoint) -> None:
        index = self.ui.conversationList.indexAt(position)
        conversation = index.data(ConversationRoles.CONVERSATION) if index.isValid() else None
        if not isinstance(conversation, Conversation):
            return
        menu = self.conversation_menu(conversation)
        menu.popup(self.ui.conversationList.viewport().mapToGlobal(position))

    def conversation_menu(self, conversation: Conversation) -> QMenu:
        """Rename, pin, export and delete one conversation (also reachable with the keyboard's menu key)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("&Rename…"), lambda: self.rename(conversation))
        pin_text = self.tr("Un&pin") if conversation.pinned else self.tr("&Pin to top")
        menu.addAction(pin_text, lambda: self.vm.pin(conversation.id, not conversation.pinned))
        menu.addSeparator()
        menu.addAction(self.tr("Export as &Markdown…"), lambda: self._choose_export_file("md", conversation.id))
        menu.addAction(self.tr("Export as &JSON…"), lambda: self._choose_export_file("json", conversation.id))
        menu.addAction(self.tr("Share by &email…"), lambda: self.share_by_email_requested.emit(conversation.id))
        menu.addSeparator()
        menu.addAction(self.tr("&Delete"), lambda: self.vm.delete(conversation.id))
        return menu

    def rename(self, conversation: Conversation) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Rename conversation"))
        dialog.setLabelText(self.tr("&Title:"))
        dialog.setTextValue(conversation.title)
        dialog.setAccessibleName(self.tr("Rename conversation"))
        dialog.textValueSelected.connect(lambda title: self.vm.rename(conversation.id, title))
        dialog.open()
        return dialog

    def _delete_current_conversation(self) -> None:
        conversation_id = self._conversation_id_at(self.ui.conversationList.currentIndex())
        if conversation_id:
            self.vm.delete(conversation_id)

    def _on_conversation_deleted(self, _conversation_id: str, title: str) -> None:
        self.ui.undoLabel.setText(self.tr("“%1” was deleted.").replace("%1", title))
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

    def _on_search_text(self, text: str) -> None:
        searching = bool(text.strip())
        self.ui.searchResultsLabel.setVisible(searching)
        self.ui.searchResultsList.setVisible(searching)
        self.vm.search(text)

    def _on_search_finished(self, query: str, count: int) -> None:
        if not query:
            self.ui.searchResultsLabel.setText(self.tr("Messages"))
        elif count:
            self.ui.searchResultsLabel.setText(self.tr("Messages (%1)").replace("%1", str(count)))
        else:
            self.ui.searchResultsLabel.setText(self.tr("No message matches"))

    def show_message(self, message_id: int) -> None:
        row = self.vm.messages.row_of(message_id)
        if row < 0:
            return
        index = self.vm.messages.index(row)
        self._stick_to_bottom = False
        self._keep_from_bottom = None
        transcript = self.ui.transcript
        transcript.setCurrentIndex(index)
        transcript.scrollTo(index, QListView.ScrollHint.PositionAtCenter)

    # ------------------------------------------------------------------------------------------------ transcript

    def _on_transcript_reset(self) -> None:
        self._stick_to_bottom = True
        self._keep_from_bottom = None

    def _on_page_prepended(self, _count: int) -> None:
        bar = self.ui.transcript.verticalScrollBar()
        self._keep_from_bottom = bar.maximum() - bar.value()

    def _on_scrolled(self, value: int) -> None:
        bar = self.ui.transcript.verticalScrollBar()
        if not self._adjusting_scroll:
            self._keep_from_bottom = None
            self._stick_to_bottom = value >= bar.maximum() - BOTTOM_SLACK
        if value <= bar.minimum() and self.vm.messages.has_older:
            self.vm.load_older()

    def _on_scroll_range(self, _minimum: int, maximum: int) -> None:
        bar = self.ui.transcript.verticalScrollBar()
        self._adjusting_scroll = True
        try:
            if self._keep_from_bottom is not None:
                bar.setValue(maximum - self._keep_from_bottom)
            elif self._stick_to_bottom:
                bar.setValue(maximum)
        finally:
            self._adjusting_scroll = False
        if maximum <= 0 and self.vm.messages.has_older:
            self.vm.load_older()  # the page does not fill the view yet

    def trigger_action(self, action: str, message_id: int) -> None:
        """A message's button (or its context-menu entry) was used."""
        vm = self.vm
        if action == MessageAction.COPY:
            self._copy(vm.message_text(message_id))
        elif action == MessageAction.EDIT:
            self.start_edit(message_id)
        elif action == MessageAction.REGENERATE:
            vm.regenerate(message_id)
        elif action == MessageAction.CONTINUE:
            vm.continue_(message_id)
        elif action == MessageAction.RETRY:
            vm.retry(message_id)
        elif action == MessageAction.ANSWER_LOCALLY:
            vm.answer_locally(message_id)
        elif action == MessageAction.STOP_TOOL:
            vm.stop_tool(message_id)
        elif action == MessageAction.RETRY_TOOL:
            vm.retry_tool(message_id)

    def _message_menu(self, position: QPoint) -> None:
        index = self.ui.transcript.indexAt(position)
        if not index.isValid():
            return
        menu = self.message_menu(index)
        menu.popup(self.ui.transcript.viewport().mapToGlobal(position))

    def message_menu(self, index: QModelIndex) -> QMenu:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        message_id = int(index.data(MessageRoles.ID))
        if index.data(MessageRoles.ROLE) == "tool":  # what a click on its header does, for the keyboard too
            text = (
                self.tr("Hide arguments and result")
                if index.data(MessageRoles.EXPANDED)
                else self.tr("Show arguments and result")
            )
            menu.addAction(text, lambda: self.vm.messages.toggle_expanded(message_id))
        for action in index.data(MessageRoles.ACTIONS) or ():
            entry = QAction(self.delegate.action_labels[action], menu)
            entry.triggered.connect(lambda _checked=False, a=action: self.trigger_action(a, message_id))
            menu.addAction(entry)
        return menu

    def _copy_current_message(self) -> None:
        index = self.ui.transcript.currentIndex()
        if index.isValid():
            self._copy(str(index.data(MessageRoles.TEXT) or ""))

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def _open_link(self, url: str) -> None:
        link = QUrl(url)
        if link.scheme().lower() in LINK_SCHEMES:
            QDesktopServices.openUrl(link)

    # ------------------------------------------------------------------------------------------------ composer

    def _set_composer_text(self, text: str) -> None:
        if self._editing_id:
            self._draft_before_edit = text
            return
        self._setting_composer = True
        try:
            self.ui.composer.setPlainText(text)
            self.ui.composer.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._setting_composer = False

    def _on_composer_changed(self) -> None:
        if self._setting_composer or self._editing_id:
            return
        self.vm.draft_changed(self.ui.composer.toPlainText())

    def choose_image(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Attach an image"), "", self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)")
        )
        if path:
            self.vm.attach_file(path)

    def _show_attachments(self, names: list[str]) -> None:
        self.ui.attachmentsLabel.setText(
            self.tr("With this message: %1").replace("%1", ", ".join(names)) if names else ""
        )
        self.ui.attachmentsLabel.setToolTip("\n".join(names))
        self.ui.clearAttachmentsButton.setVisible(bool(names))

    def send(self) -> None:
        ui = self.ui
        text = ui.composer.toPlainText()
        if not text.strip() and not self.vm.attachments:
            return
        ui.errorLabel.hide()
        if self._editing_id:
            message_id = self._editing_id
            if self.vm.edit_and_resend(message_id, text) is not None:
                self._end_edit(self._draft_before_edit)
            return
        if self.vm.send(text):
            self._stick_to_bottom = True
            self._setting_composer = True
            try:
                ui.composer.clear()
            finally:
                self._setting_composer = False

    def _on_send_rejected(self, text: str) -> None:
        if not self.ui.composer.toPlainText().strip():
            self._set_composer_text(text)
            self.vm.draft_changed(text)

    def start_edit(self, message_id: int) -> None:
        text = self.vm.message_text(message_id)
        if not self._editing_id:
            self._draft_before_edit = self.ui.composer.toPlainText()
        self._editing_id = message_id
        self.ui.editBar.show()
        self._update_escape()
        self._setting_composer = True
        try:
            self.ui.composer.setPlainText(text)
        finally:
            self._setting_composer = False
        self.ui.composer.setFocus()

    def cancel_edit(self) -> None:
        if self._editing_id:
            self._end_edit(self._draft_before_edit)

    def _end_edit(self, restore: str) -> None:
        self._editing_id = 0
        self.ui.editBar.hide()
        self._set_composer_text(restore)
        self._update_escape()

    @property
    def editing_message_id(self) -> int:
        return self._editing_id

    def _on_busy_changed(self, busy: bool) -> None:
        self.ui.stopButton.setEnabled(busy)
        self.ui.sendButton.setEnabled(not busy)
        self._update_escape()

    def _on_context_hint(self, text: str, warning: bool) -> None:
        self.ui.contextLabel.setText(text)
        self.ui.contextLabel.setStyleSheet(WARNING_STYLE if warning else "")

    def show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))

    # ------------------------------------------------------------------------------------------------ dialogs

    def open_settings(self) -> ConversationSettingsDialog | None:
        conversation = self.vm.current
        if conversation is None:
            return None
        dialog = ConversationSettingsDialog(conversation, self.vm.model_choices, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.vm.update_settings(**dialog.values()))
        dialog.finished.connect(lambda _result: setattr(self, "_settings_dialog", None))
        self._settings_dialog = dialog
        dialog.open()
        return dialog

    def _choose_export_file(self, fmt: str, conversation_id: str = "") -> QFileDialog | None:
        conversation_id = conversation_id or self.vm.current_id
        conversation = self.vm.conversations.conversation(conversation_id)
        if conversation is None:
            return None
        dialog = QFileDialog(self, self.tr("Export conversation"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(fmt)
        dialog.setNameFilter(self.tr("Markdown (*.md)") if fmt == "md" else self.tr("JSON (*.json)"))
        stem = "".join(ch if ch.isalnum() or ch in " -_" else "" for ch in conversation.display_title).strip()
        dialog.selectFile(f"{stem.replace(' ', '-') or 'conversation'}.{fmt}")
        dialog.fileSelected.connect(lambda path: self.vm.export(conversation_id, fmt, path))
        dialog.open()
        return dialog
