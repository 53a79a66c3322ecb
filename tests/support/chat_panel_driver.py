"""What a user sees and does in the chat panel, for tests that drive the real panel: read the transcript's rows,
type and send, click the buttons the message delegate paints (it hit-tests clicks on the viewport)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from vector_desktop.presentation.chat.chat_models import MessageAction, MessageRoles

WAIT_S = 20.0  # a guard against hangs, not a timing assertion


async def until(predicate: Callable[[], object], timeout: float = WAIT_S) -> None:
    """Wait until `predicate()` is true; a row it reads that is not there yet (LookupError) is "not yet"."""

    def holds() -> bool:
        try:
            return bool(predicate())
        except LookupError:
            return False

    async def poll() -> None:
        while not holds():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout)


class ChatPanelDriver:
    """Mixed into a test rig that has `qtbot`, `vm` (ChatViewModel), `panel` (ChatPanel) and `ui` (its form)."""

    qtbot: Any
    vm: Any
    panel: Any
    ui: Any

    # -- what the user sees
    def rows(self) -> list[tuple[str, str, str]]:
        model = self.vm.messages
        return [
            (
                str(model.index(r).data(MessageRoles.ROLE)),
                str(model.index(r).data(MessageRoles.TEXT)),
                str(model.index(r).data(MessageRoles.STATUS_TEXT)),
            )
            for r in range(model.rowCount())
        ]

    # -- what the user does
    def type_and_send(self, text: str) -> None:
        composer = self.ui.composer
        composer.setFocus()
        self.qtbot.keyClicks(composer, text)
        self.qtbot.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def row_layout(self, message_id: int) -> Any:
        """The delegate's layout of a message row (its buttons, header, code blocks), scrolled into view."""
        row = self.vm.messages.row_of(message_id)
        assert row >= 0, f"message {message_id} is not in the transcript"
        index = self.vm.messages.index(row)
        self.ui.transcript.scrollTo(index)
        rect = self.ui.transcript.visualRect(index)
        return self.panel.delegate.layout(self._option(row), index, (rect.left(), rect.top()))

    def click_message_button(self, message_id: int, action: MessageAction) -> None:
        buttons = dict(self.row_layout(message_id).actions)
        assert action in buttons, f"{action} is not offered; the row has {list(buttons)}"
        self.qtbot.mouseClick(self.ui.transcript.viewport(), Qt.MouseButton.LeftButton, pos=buttons[action].center())

    def _option(self, row: int) -> QStyleOptionViewItem:
        transcript = self.ui.transcript
        option = QStyleOptionViewItem()
        option.initFrom(transcript)
        option.widget = transcript
        option.font = transcript.font()
        option.rect = transcript.visualRect(self.vm.messages.index(row))
        return option
