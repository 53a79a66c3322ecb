"""A server asks for input in the middle of a call: its message, a form from its requested schema with the schema's
defaults filled in, and Accept / Decline / Cancel."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from vector_desktop.domain.connectors import ElicitationAction
from vector_desktop.presentation.connectors.elicitation import DialogElicitationAsker, ElicitationPrompt
from vector_desktop.presentation.json_schema.schema_fields import MISSING
from vector_desktop.views.json_schema.schema_form import SchemaForm


class ElicitationDialog(QDialog):
    def __init__(self, prompt: ElicitationPrompt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt = prompt
        request = prompt.request
        self.setWindowTitle(self.tr("%1 asks").replace("%1", request.server_name or self.tr("A server")))
        self.resize(520, 420)
        layout = QVBoxLayout(self)
        self.message_label = QLabel(request.message or self.tr("The server asks for some information."), self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label)
        self.form = SchemaForm()
        self.form.set_schema(request.schema or {"type": "object", "properties": {}})
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(self)
        self.accept_button = QPushButton(self.tr("&Accept"), self)
        self.accept_button.setToolTip(self.tr("Send these answers to the server"))
        self.decline_button = QPushButton(self.tr("&Decline"), self)
        self.decline_button.setToolTip(self.tr("Tell the server you do not want to answer"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Dismiss the question without an answer"))
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.decline_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.accept_button.setDefault(True)
        self.accept_button.clicked.connect(self.accept_answer)
        self.decline_button.clicked.connect(lambda: self._answer(ElicitationAction.DECLINE))
        self.cancel_button.clicked.connect(self.reject)

    def accept_answer(self) -> None:
        if not self.form.validate():
            return
        value = self.form.value()
        self._answer(ElicitationAction.ACCEPT, value if isinstance(value, dict) else {})

    def _answer(self, action: ElicitationAction, content: dict[str, object] | None = None) -> None:
        self.prompt.answer(action, content if content is not MISSING else {})
        self.accept() if action is ElicitationAction.ACCEPT else self.reject()

    def withdraw(self) -> None:
        """The call ended before the answer: close without answering."""
        self.prompt.answer(ElicitationAction.CANCEL)
        self.reject()

    def done(self, result: int) -> None:
        if not self.prompt.answered:  # closed with Escape or the window's close button
            self.prompt.answer(ElicitationAction.CANCEL)
        super().done(result)


class QuestionPresenter(QObject):
    """Opens a dialog for each question the asker hands over, and closes it when its call ends first."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.dialogs: list[ElicitationDialog] = []

    def attach(self, asker: DialogElicitationAsker) -> None:
        asker.requested.connect(self.ask)
        asker.withdrawn.connect(self.withdraw)

    def ask(self, prompt: ElicitationPrompt) -> ElicitationDialog:
        dialog = ElicitationDialog(prompt, self._parent.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def _closed(self, dialog: ElicitationDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def withdraw(self, prompt: ElicitationPrompt) -> None:
        for dialog in list(self.dialogs):
            if dialog.prompt is prompt:
                dialog.withdraw()
