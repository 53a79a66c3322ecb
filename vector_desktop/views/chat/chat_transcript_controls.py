"""The Chat panel's transcript: it follows a growing answer unless the user scrolled away, keeps its place when an
older page is prepended, loads older pages at the top, lets them go again once the reader has been back at the end a
while, and turns message buttons and menu entries into actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QListView, QMenu, QWidget

from vector_desktop.presentation.chat.chat_models import MessageAction, MessageRoles
from vector_desktop.presentation.chat.chat_viewmodel import ChatViewModel
from vector_desktop.views.chat.message_delegate import MessageDelegate
from vector_desktop.views.forms.ui_chat_panel import Ui_ChatPanel

BOTTOM_SLACK = 8  # pixels from the end that still count as "at the bottom"
LINK_SCHEMES = ("http", "https", "mailto")
TRIM_AFTER_MS = 2000  # at the end this long: the pages loaded while reading back go (every layout costs per row)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatPanel", text)


class TranscriptControls:
    """`start_edit` puts a message back in the composer (the Edit action)."""

    def __init__(
        self,
        ui: Ui_ChatPanel,
        vm: ChatViewModel,
        delegate: MessageDelegate,
        window: QWidget,
        *,
        start_edit: Callable[[int], None],
    ) -> None:
        self.ui, self.vm, self.delegate, self.window = ui, vm, delegate, window
        self._start_edit = start_edit
        self.stick_to_bottom = True
        self._keep_from_bottom: int | None = None
        self._adjusting_scroll = False
        self.trim_timer = QTimer(window, singleShot=True, interval=TRIM_AFTER_MS)
        self.trim_timer.timeout.connect(self._trim)

        ui.transcript.customContextMenuRequested.connect(self._message_menu)
        delegate.action_triggered.connect(self.trigger_action)
        delegate.code_copy_requested.connect(self.copy)
        delegate.link_activated.connect(self._open_link)
        delegate.tool_row_toggled.connect(vm.messages.toggle_expanded)
        bar = ui.transcript.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_scroll_range)
        vm.messages.modelReset.connect(self._on_transcript_reset)
        vm.messages.page_prepended.connect(self._on_page_prepended)

    # ------------------------------------------------------------------------------------------------ scrolling

    def show_message(self, message_id: int) -> None:
        row = self.vm.messages.row_of(message_id)
        if row < 0:
            return
        index = self.vm.messages.index(row)
        self.stick_to_bottom = False
        self._keep_from_bottom = None
        transcript = self.ui.transcript
        transcript.setCurrentIndex(index)
        transcript.scrollTo(index, QListView.ScrollHint.PositionAtCenter)

    def follow_to_end(self) -> None:
        """A message was sent: show the end and follow the answer there, wherever the reader was (an older page's
        kept place included)."""
        self._keep_from_bottom = None
        self.stick_to_bottom = True
        bar = self.ui.transcript.verticalScrollBar()
        bar.setValue(bar.maximum())  # (rows still to be laid out are followed when the range grows)
        self.trim_timer.start()

    def _on_transcript_reset(self) -> None:
        self.stick_to_bottom = True
        self._keep_from_bottom = None

    def _on_page_prepended(self, _count: int) -> None:
        bar = self.ui.transcript.verticalScrollBar()
        self._keep_from_bottom = bar.maximum() - bar.value()

    def _on_scrolled(self, value: int) -> None:
        bar = self.ui.transcript.verticalScrollBar()
        if not self._adjusting_scroll:
            self._keep_from_bottom = None
            self.stick_to_bottom = value >= bar.maximum() - BOTTOM_SLACK
            if self.stick_to_bottom:
                self.trim_timer.start()
        if value <= bar.minimum() and self.vm.messages.has_older:
            self.vm.load_older()

    def _on_scroll_range(self, _minimum: int, maximum: int) -> None:
        bar = self.ui.transcript.verticalScrollBar()
        self._adjusting_scroll = True
        try:
            if self._keep_from_bottom is not None:
                bar.setValue(maximum - self._keep_from_bottom)
            elif self.stick_to_bottom:
                bar.setValue(maximum)
        finally:
            self._adjusting_scroll = False
        if maximum <= 0 and self.vm.messages.has_older:
            self.vm.load_older()  # the page does not fill the view yet

    def _trim(self) -> None:
        if self.stick_to_bottom and not self.ui.transcript.verticalScrollBar().isSliderDown():
            self.vm.trim_older()

    # ------------------------------------------------------------------------------------------------ actions

    def trigger_action(self, action: str, message_id: int) -> None:
        """A message's button (or its context-menu entry) was used."""
        vm = self.vm
        if action == MessageAction.COPY:
            self.copy(vm.message_text(message_id))
        elif action == MessageAction.EDIT:
            self._start_edit(message_id)
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
        menu = QMenu(self.window)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        message_id = int(index.data(MessageRoles.ID))
        if index.data(MessageRoles.ROLE) == "tool":  # what a click on its header does, for the keyboard too
            text = (
                _tr("Hide arguments and result")
                if index.data(MessageRoles.EXPANDED)
                else _tr("Show arguments and result")
            )
            menu.addAction(text, lambda: self.vm.messages.toggle_expanded(message_id))
        for action in index.data(MessageRoles.ACTIONS) or ():
            entry = QAction(self.delegate.action_labels[action], menu)
            entry.triggered.connect(lambda _checked=False, a=action: self.trigger_action(a, message_id))
            menu.addAction(entry)
        return menu

    def copy_current_message(self) -> None:
        index = self.ui.transcript.currentIndex()
        if index.isValid():
            self.copy(str(index.data(MessageRoles.TEXT) or ""))

    @staticmethod
    def copy(text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    @staticmethod
    def _open_link(url: str) -> None:
        link = QUrl(url)
        if link.scheme().lower() in LINK_SCHEMES:
            QDesktopServices.openUrl(link)
