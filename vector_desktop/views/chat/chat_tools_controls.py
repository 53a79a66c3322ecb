"""The chat panel's tool controls: the composer's Tools button (All tools / No tools / Choose…), the label
"Tools: N · ≈T tokens", the once-per-conversation notice, and the approval dialogs of the GUI approver.

The dialogs are the tool policy's (its tools chooser and approval presenter): the composition root hands them in
with `attach_tool_policy` when it gives the chat its tools (gui_tools.py), so this feature does not import that one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QWidget

from vector_desktop.domain.tool_policy import ConversationTools
from vector_desktop.domain.tools import ToolGroup
from vector_desktop.presentation.chat.chat_tools_viewmodel import ChatToolsViewModel

NOTICE_STYLE = "QLabel { color: #b26a00; }"
MUTED_STYLE = "QLabel { color: palette(placeholder-text); }"


class ToolsChooser(Protocol):
    """The dialog that picks a conversation's tools (views.tool_policy.tools_chooser.ToolsChooserDialog)."""

    @property
    def accepted(self) -> SignalInstance: ...

    @property
    def rejected(self) -> SignalInstance: ...

    @property
    def finished(self) -> SignalInstance: ...

    def setAttribute(self, attribute: Qt.WidgetAttribute, on: bool = ..., /) -> None: ...

    def open(self) -> None: ...

    def chosen(self) -> list[str]: ...


# The chooser for these groups, with these tools (qualified names) checked, over this window.
MakeToolsChooser = Callable[[Sequence[ToolGroup], Iterable[str], QWidget], ToolsChooser]


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
        self.chooser: ToolsChooser | None = None
        self.approvals: QObject | None = None  # shows the approver's questions (the tool policy's presenter)
        self._make_chooser: MakeToolsChooser | None = None
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

    def attach_tool_policy(self, approvals: QObject, make_chooser: MakeToolsChooser) -> None:
        """The tool policy's dialogs: `approvals` shows the GUI approver's questions, `make_chooser` builds the tools
        chooser (called by the composition root when it gives the chat its tools)."""
        self.approvals, self._make_chooser = approvals, make_chooser

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

    def open_chooser(self) -> ToolsChooser | None:
        """The tools chooser, open (None before the composition root attached the tool policy: no tools yet)."""
        if self._make_chooser is None:
            return None
        choice = self.vm.choice
        groups = self.vm.groups()
        chosen = (
            choice.chosen
            if choice.mode == "chosen"
            else ({t.qualified_name for g in groups for t in g.tools} if choice.mode == "all" else set())
        )
        dialog = self._make_chooser(groups, chosen, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.vm.choose_tools(dialog.chosen()))
        dialog.rejected.connect(lambda: self._on_choice(self.vm.choice))
        dialog.finished.connect(lambda _result: setattr(self, "chooser", None))
        self.chooser = dialog
        dialog.open()
        return dialog
