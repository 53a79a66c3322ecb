"""Opens the approval dialog for each question of the GUI approver, one at a time, and passes the answer back."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from vector_desktop.domain.tool_policy import ApprovalAnswer, ApprovalRequest
from vector_desktop.presentation.tools.gui_approver import GuiApprover
from vector_desktop.views.tool_policy.approval_dialog import ApprovalDialog


class ApprovalPresenter(QObject):
    def __init__(self, approver: GuiApprover, window: QWidget) -> None:
        super().__init__(window)
        self._approver = approver
        self._window = window
        self.dialog: ApprovalDialog | None = None
        self._request_id = 0
        approver.request_shown.connect(self._show)
        approver.request_closed.connect(self._closed)
        shown = approver.current
        if shown is not None:
            self._show(*shown)

    def _show(self, request_id: int, request: ApprovalRequest) -> None:
        self._close_dialog()
        dialog = ApprovalDialog(request, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.answered.connect(lambda answer, rid=request_id: self._answer(rid, answer))
        self.dialog, self._request_id = dialog, request_id
        dialog.open()

    def _answer(self, request_id: int, answer: ApprovalAnswer) -> None:
        if request_id == self._request_id:
            self.dialog, self._request_id = None, 0
        self._approver.answer(request_id, answer)

    def _closed(self, request_id: int) -> None:
        if request_id == self._request_id:
            self._close_dialog()

    def _close_dialog(self) -> None:
        dialog, self.dialog, self._request_id = self.dialog, None, 0
        if dialog is not None:
            dialog.withdraw()
