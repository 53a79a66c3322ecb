"""The chat panel's tool controls: the composer's Tools button (All tools / No tools / Choose…), the label
"Tools: N · ≈T tokens", the once-per-conversation notice, and the approval dialogs of the GUI approver."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QWidget

from vector_desktop.domain.tool_policy import ConversationTools
from vector_desktop.presentation.chat.chat_tools_viewmodel import ChatToolsViewModel
from vector_desktop.views.tool_policy.approval_presenter import ApprovalPresenter
from vector_desktop.views.tool_policy.tools_chooser import ToolsChooserDialog

NOTICE_STYLE = "QLabel { color: #b26a00; }"
MUTED_STYLE = "QLabel { color: palette(placeholder-text); }"


class ChatToolsControls(QObject):
    def __init__(
        self,
        tools: ChatToolsViewModel,
        *,
        button: QToolButton,
        label: QLabel,
        notice: QLabel,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.vm = tools
        self.button, self.label, self.notice_label, self._window = button, label, notice, window
        self.chooser: ToolsChooserDialog | None = None
        self.approvals = ApprovalPresenter(tools.approver, window)
        menu = QMenu(button)
        group = QActionGroup(menu)
        self.all_action = self._choice_action(menu, group, self.tr("&All tools"), tools.choose_all)
        self.none_action = self._choice_action(menu, group, self.tr("&No tools"), tools.choose_none)
        self.choose_action = self._choice_action(menu, group, self.tr("&Choose…"), self.open_chooser)
        button.setMenu(menu)
        label.setStyleSheet(MUTED_STYLE)
        notice.setStyleSheet(NOTICE_STYLE)
        notice.hide()
        tools.available_changed.connect(self._on_available)
        tools.label_changed.connect(self._on_label)
        tools.choice_changed.connect(self._on_choice)
        tools.notice.connect(self._on_notice)
        self._on_available(tools.available)
        self._on_label(tools.label)
        self._on_choice(tools.choice)

    def _choice_action(self, menu: QMenu, group: QActionGroup, text: str, slot: object) -> QAction:
        action = menu.addAction(text)
        action.setCheckable(True)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def _on_available(self, available: bool) -> None:
        self.button.setVisible(available)
        self.label.setVisible(available and bool(self.label.text()))

    def _on_label(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(self.vm.available and bool(text))

    def _on_choice(self, choice: ConversationTools) -> None:
        action = {"all": self.all_action, "none": self.none_action}.get(choice.mode, self.choose_action)
        action.setChecked(True)

    def _on_notice(self, conversation_id: str, text: str) -> None:
        if conversation_id == self.vm.conversation_id or not conversation_id:
            self.notice_label.setText(text)
            self.notice_label.setVisible(bool(text))

    def conversation_opened(self) -> None:
        """Another conversation is shown: its notice, if any, came with it and is gone now."""
        self.notice_label.hide()

    def open_chooser(self) -> ToolsChooserDialog:
        choice = self.vm.choice
        groups = self.vm.groups()
        chosen = (
            choice.chosen
            if choice.mode == "chosen"
            else ({t.qualified_name for g in groups for t in g.tools} if choice.mode == "all" else set())
        )
        dialog = ToolsChooserDialog(groups, chosen, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.vm.choose_tools(dialog.chosen()))
        dialog.rejected.connect(lambda: self._on_choice(self.vm.choice))
        dialog.finished.connect(lambda _result: setattr(self, "chooser", None))
        self.chooser = dialog
        dialog.open()
        return dialog
