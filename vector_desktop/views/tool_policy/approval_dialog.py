"""The approval dialog: may the model run this tool call? Shows the tool (real name, connector, the name the model
used), the server's annotations as badges, why the user is asked, what the call will do, and the arguments in the
schema form (or raw JSON), editable. Keyboard first: Enter allows once, Esc denies. Arguments that do not fit the
tool's schema are shown next to their field and every Allow button is disabled until they do.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from vector_desktop.domain.tool_policy import ApprovalAnswer, ApprovalRequest, GrantScope
from vector_desktop.presentation.json_schema.schema_fields import MISSING
from vector_desktop.views.forms.ui_approval_dialog import Ui_ApprovalDialog
from vector_desktop.views.json_schema.schema_editors import ERROR_STYLE, plain_text
from vector_desktop.views.json_schema.schema_form import SchemaEditor
from vector_desktop.views.widgets.tool_badges import badges_html

MUTED_STYLE = "QLabel { color: palette(placeholder-text); }"


class ApprovalDialog(QDialog):
    answered = Signal(object)  # ApprovalAnswer

    def __init__(self, request: ApprovalRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalDialog()
        self.ui.setupUi(self)
        self.request = request
        self.answer: ApprovalAnswer | None = None
        ui, spec = self.ui, request.spec
        self.setWindowTitle(self.tr("Allow %1?").replace("%1", spec.display_title))
        connector = html.escape(request.connector_name or spec.connector_key)
        ui.toolLabel.setText(
            self.tr("The model wants to run <b>%1</b> from %2.")
            .replace("%1", html.escape(spec.name))
            .replace("%2", f"<b>{connector}</b>")
        )
        ui.toolLabel.setToolTip(spec.description)
        ui.qualifiedLabel.setText(self.tr("Called by the model as %1").replace("%1", spec.qualified_name))
        ui.qualifiedLabel.setStyleSheet(MUTED_STYLE)
        badges = spec.annotations.badges()
        ui.badgesLabel.setText(badges_html(spec))
        ui.badgesLabel.setToolTip(self.tr("What the server declares about this tool: hints, not guarantees."))
        ui.badgesLabel.setVisible(bool(badges))
        ui.summaryLabel.setText(request.summary)
        ui.summaryLabel.setVisible(bool(request.summary))
        ui.reasonLabel.setText(self.tr("You are asked because: %1").replace("%1", request.reason))
        ui.reasonLabel.setStyleSheet(MUTED_STYLE)
        ui.reasonLabel.setVisible(bool(request.reason))
        ui.problemLabel.setStyleSheet(ERROR_STYLE)
        ui.problemLabel.hide()

        self.editor = SchemaEditor(ui.argumentsHolder)
        ui.argumentsLayout.addWidget(self.editor)
        self.editor.set_schema(spec.input_schema)
        self.editor.set_value(dict(request.arguments))
        self._original = self._current_value()
        self.editor.changed.connect(self.check_arguments)

        self.scope_buttons: dict[GrantScope, QPushButton] = {
            GrantScope.ONCE: ui.allowOnceButton,
            GrantScope.CONVERSATION: ui.allowConversationButton,
            GrantScope.HOUR: ui.allowHourButton,
            GrantScope.ALWAYS: ui.allowAlwaysButton,
        }
        for scope, button in self.scope_buttons.items():
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, s=scope: self.allow(s))
        ui.denyButton.setAutoDefault(False)
        ui.allowOnceButton.setDefault(True)  # Enter (also from a field of the form)
        ui.denyButton.clicked.connect(self.reject)
        self.check_arguments()
        ui.allowOnceButton.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- arguments
    def _current_value(self) -> Any:
        try:
            value = self.editor.value()
        except ValueError:
            return MISSING
        return {} if value is MISSING else value

    def problems(self) -> list[str]:
        """What is wrong with the arguments as they are now ([] when they can be sent)."""
        if self.editor.mode() == SchemaEditor.JSON:
            text = plain_text(self.editor.json_edit)
            try:
                value = json.loads(text) if text.strip() else {}
            except json.JSONDecodeError as error:
                return [self.tr("The JSON is not valid: %1").replace("%1", error.msg)]
            if not isinstance(value, dict):
                return [self.tr("The arguments must be a JSON object.")]
            messages = self.editor.form.check(value)
            return [f"{path}: {text}" if path else text for path, text in messages.items()]
        messages = self.editor.form.messages()
        self.editor.form.show_messages(messages)  # next to their fields, without taking the focus
        return [f"{path}: {text}" if path else text for path, text in messages.items()]

    def check_arguments(self) -> bool:
        problems = self.problems()
        for button in self.scope_buttons.values():
            button.setEnabled(not problems)
        text = self.tr("Fix the arguments to allow the call: %1").replace("%1", " ".join(problems[:3]))
        self.ui.problemLabel.setText(text if problems else "")
        self.ui.problemLabel.setVisible(bool(problems))
        return not problems

    def arguments(self) -> dict[str, Any] | None:
        """The arguments to send: None when unchanged (or not valid)."""
        value = self._current_value()
        if not isinstance(value, dict) or value == self._original:
            return None
        return value

    # -- answers
    def allow(self, scope: GrantScope) -> None:
        if not self.check_arguments():
            return
        self._finish(ApprovalAnswer(allowed=True, scope=scope, arguments=self.arguments()))
        self.accept()

    def reject(self) -> None:
        """Deny (Esc, the Deny button, closing the window)."""
        self._finish(ApprovalAnswer(allowed=False))
        super().reject()

    def withdraw(self) -> None:
        """The question went away (the answer was stopped): close without answering."""
        self.answer = self.answer or ApprovalAnswer(allowed=False)
        super().reject()

    def _finish(self, answer: ApprovalAnswer) -> None:
        if self.answer is None:
            self.answer = answer
            self.answered.emit(answer)
