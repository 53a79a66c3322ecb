"""The Chat panel: conversations on the left (search, new, rename, pin, delete with undo), the open conversation on
the right (model picker, settings, totals, the transcript, the composer with its tools choice and Send / Stop).

Thin: every decision is in ChatViewModel; this class lays out the header and the empty state and wires its parts
(conversation list, transcript, composer, export menu), which turn clicks and keys into the view model's calls."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QListView, QMenu, QWidget

from vector_desktop.domain.chat import Conversation
from vector_desktop.presentation.chat.chat_models import ModelChoiceRoles, is_local_model
from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.views.chat.chat_composer import ComposerControls
from vector_desktop.views.chat.chat_conversations import ConversationListControls
from vector_desktop.views.chat.chat_export_controls import ExportControls
from vector_desktop.views.chat.chat_tool_rows import SpinnerTicker
from vector_desktop.views.chat.chat_tools_controls import ChatToolsControls
from vector_desktop.views.chat.chat_transcript_controls import TranscriptControls
from vector_desktop.views.chat.conversation_delegate import ConversationDelegate
from vector_desktop.views.chat.conversation_settings_dialog import ConversationSettingsDialog
from vector_desktop.views.chat.message_delegate import MessageDelegate
from vector_desktop.views.chat.search_hit_delegate import SearchHitDelegate
from vector_desktop.views.forms.ui_chat_panel import Ui_ChatPanel

ERROR_STYLE = "QLabel { color: #c62828; }"
WARNING_STYLE = "QLabel { color: #b26a00; }"
OFFLINE_STYLE = "QLabel { color: #b26a00; }"
MUTED_STYLE = "QLabel { color: palette(placeholder-text); }"
SEND_KEYS = "Ctrl+Enter"


class ChatPanel(QWidget):
    share_by_email_requested = Signal(str)  # conversation id

    def __init__(self, view_model: ChatViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ChatPanel()
        self.ui.setupUi(self)
        self.vm = view_model
        self._settings_dialog: ConversationSettingsDialog | None = None
        ui = self.ui

        self._full_texts: dict[QLabel, str] = {}
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

        self.composer = ComposerControls(ui, view_model, self, on_sent=self._follow_answer)
        ui.splitter.setStretchFactor(0, 0)
        ui.splitter.setStretchFactor(1, 1)
        ui.splitter.setSizes([240, 740])
        ui.composerSplitter.setStretchFactor(0, 1)
        ui.composerSplitter.setStretchFactor(1, 0)
        ui.composerSplitter.setSizes([10_000, self.composer_height()])
        self.export = ExportControls(ui, view_model, self, share=self.share_by_email_requested.emit)
        self.export_markdown_action = self.export.markdown_action
        self.export_json_action = self.export.json_action
        self.share_email_action = self.export.share_email_action
        self.conversations = ConversationListControls(
            ui,
            view_model,
            self,
            before_switch=self.composer.cancel_edit,
            export=self.export.choose_file,
            share=self.share_by_email_requested.emit,
        )
        self.transcript = TranscriptControls(ui, view_model, self.delegate, self, start_edit=self.composer.start_edit)

        self._wire()
        self._wire_shortcuts()
        self.composer.show_busy(view_model.busy)
        self._on_conversation_changed(view_model.current)
        self._update_empty_state()

    # ------------------------------------------------------------------------------------------------ wiring

    def _wire(self) -> None:
        ui, vm = self.ui, self.vm
        ui.newButton.clicked.connect(self._new_conversation)
        ui.modelCombo.activated.connect(self._on_model_chosen)
        ui.settingsButton.clicked.connect(self.open_settings)
        vm.messages.modelReset.connect(self._update_empty_state)
        vm.messages.rowsInserted.connect(self._update_empty_state)
        vm.messages.rowsRemoved.connect(self._update_empty_state)
        vm.error_occurred.connect(self.show_error)
        vm.conversation_selected.connect(self._on_conversation_selected)
        vm.conversation_changed.connect(self._on_conversation_changed)
        vm.totals_changed.connect(self._on_totals)
        vm.context_hint_changed.connect(self._on_context_hint)
        vm.scroll_to_message.connect(self.show_message)
        vm.offline_hint_changed.connect(self._on_offline_hint)
        vm.models_loaded.connect(lambda: self._on_conversation_changed(vm.current))

    def _wire_shortcuts(self) -> None:
        ui = self.ui
        ui.composer.installEventFilter(self)  # Ctrl+Enter sends
        self.escape_shortcut = self.composer.escape_shortcut
        new = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(self._new_conversation)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.conversations.focus_search)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), ui.transcript)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.transcript.copy_current_message)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), ui.conversationList)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.conversations.delete_current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.composer and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, modifiers = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers & Qt.KeyboardModifier.ControlModifier:
                self.send()
                return True
        elif event.type() == QEvent.Type.Resize and isinstance(watched, QLabel) and watched in self._full_texts:
            self._set_elided(watched, self._full_texts[watched])
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------------------------------------ the parts' API

    def composer_height(self) -> int:
        return self.composer.height()

    def send(self) -> None:
        self.composer.send()

    def choose_image(self) -> None:
        self.composer.choose_image()

    def start_edit(self, message_id: int) -> None:
        self.composer.start_edit(message_id)

    def cancel_edit(self) -> None:
        self.composer.cancel_edit()

    @property
    def editing_message_id(self) -> int:
        return self.composer.editing_message_id

    def conversation_menu(self, conversation: Conversation) -> QMenu:
        return self.conversations.conversation_menu(conversation)

    def rename(self, conversation: Conversation) -> QInputDialog:
        return self.conversations.rename(conversation)

    def message_menu(self, index: QModelIndex) -> QMenu:
        return self.transcript.message_menu(index)

    def trigger_action(self, action: str, message_id: int) -> None:
        self.transcript.trigger_action(action, message_id)

    def show_message(self, message_id: int) -> None:
        self.transcript.show_message(message_id)

    def _follow_answer(self) -> None:
        self.transcript.follow_to_end()

    # ------------------------------------------------------------------------------------------------ header

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

    def _on_context_hint(self, text: str, warning: bool) -> None:
        self.ui.contextLabel.setText(text)
        self.ui.contextLabel.setStyleSheet(WARNING_STYLE if warning else "")

    def show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))

    def _new_conversation(self) -> None:
        self.composer.cancel_edit()
        self.vm.new_conversation()
        self.ui.composer.setFocus()

    def _on_conversation_selected(self, conversation_id: str) -> None:
        self.ui.errorLabel.hide()
        self.tools.conversation_opened()
        self.conversations.select_in_list(conversation_id)

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
            self.conversations.select_in_list(conversation.id)
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
        # The label lies over the list (same cell of transcriptArea's grid), so the list is never hidden and shown
        # again: showing it laid it out anew, ~1.3 ms at the first message of every conversation.
        if ui.emptyTranscript.isHidden() == empty:
            ui.emptyTranscript.setVisible(empty)

    def _on_model_chosen(self, row: int) -> None:
        index = self.vm.model_choices.index(row)
        model_id = str(index.data(ModelChoiceRoles.MODEL_ID) or "")
        if model_id:
            self.vm.set_model(model_id)

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

    def choose_export_file(self, fmt: str, conversation_id: str = "") -> QFileDialog | None:
        return self.export.choose_file(fmt, conversation_id)
