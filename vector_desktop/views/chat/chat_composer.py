"""The Chat panel's composer: the draft kept in the view model, Send / Stop, image attachments and editing an earlier
message (Escape ends the edit, else stops the answer arriving)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QFileDialog, QWidget

from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.views.forms.ui_chat_panel import Ui_ChatPanel

COMPOSER_LINES = 4  # the composer's height at first; the splitter gives the rest to the transcript


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatPanel", text)


class ComposerControls:
    """`on_sent` runs when a new message went out (the transcript then follows the answer)."""

    def __init__(self, ui: Ui_ChatPanel, vm: ChatViewModel, window: QWidget, *, on_sent: Callable[[], None]) -> None:
        self.ui, self.vm, self.window = ui, vm, window
        self._on_sent = on_sent
        self._editing_id = 0
        self._draft_before_edit = ""
        self._setting_composer = False
        ui.editBar.hide()
        # Enabled only while editing or busy, so it takes no key from others.
        self.escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.escape_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape_shortcut.activated.connect(self._on_escape)
        self.escape_shortcut.setEnabled(False)

        ui.sendButton.clicked.connect(self.send)
        ui.attachButton.clicked.connect(self.choose_image)
        ui.clearAttachmentsButton.clicked.connect(vm.clear_attachments)
        vm.attachments_changed.connect(self._show_attachments)
        self._show_attachments(vm.attachments)
        ui.stopButton.clicked.connect(vm.stop)
        ui.composer.textChanged.connect(self._on_composer_changed)
        ui.cancelEditButton.clicked.connect(self.cancel_edit)
        vm.draft_restored.connect(self.set_text)
        vm.send_rejected.connect(self._on_send_rejected)
        vm.busy_changed.connect(self.show_busy)

    def height(self) -> int:
        """About COMPOSER_LINES lines of text, plus the frame."""
        composer = self.ui.composer
        lines = QFontMetrics(composer.font()).lineSpacing() * COMPOSER_LINES
        margins = composer.contentsMargins()
        return int(lines + 2 * composer.document().documentMargin() + margins.top() + margins.bottom() + 4)

    def _on_escape(self) -> None:
        if self._editing_id:
            self.cancel_edit()
        elif self.vm.busy:
            self.vm.stop()

    def _update_escape(self) -> None:
        self.escape_shortcut.setEnabled(bool(self._editing_id) or self.vm.busy)

    def set_text(self, text: str) -> None:
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
            self.window, _tr("Attach an image"), "", _tr("Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)")
        )
        if path:
            self.vm.attach_file(path)

    def _show_attachments(self, names: list[str]) -> None:
        self.ui.attachmentsLabel.setText(_tr("With this message: %1").replace("%1", ", ".join(names)) if names else "")
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
            self._on_sent()
            self._setting_composer = True
            try:
                ui.composer.clear()
            finally:
                self._setting_composer = False

    def _on_send_rejected(self, text: str) -> None:
        if not self.ui.composer.toPlainText().strip():
            self.set_text(text)
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
        self.set_text(restore)
        self._update_escape()

    @property
    def editing_message_id(self) -> int:
        return self._editing_id

    def show_busy(self, busy: bool) -> None:
        self.ui.stopButton.setEnabled(busy)
        self.ui.sendButton.setEnabled(not busy)
        self._update_escape()
