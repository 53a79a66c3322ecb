"""Per-conversation settings: system prompt, temperature, JSON mode and the ordered fallback models."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from vector_desktop.domain.chat import Conversation
from vector_desktop.presentation.chat.chat_models import ModelChoiceRoles
from vector_desktop.views.forms.ui_conversation_settings import Ui_ConversationSettingsDialog


class ConversationSettingsDialog(QDialog):
    def __init__(
        self,
        conversation: Conversation,
        models: QAbstractItemModel | None = None,
        parent: QWidget | None = None,
        *,
        model_id_role: int = int(ModelChoiceRoles.MODEL_ID),
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ConversationSettingsDialog()
        self.ui.setupUi(self)
        self._model_id_role = model_id_role
        self._primary = conversation.model
        ui = self.ui
        if models is not None:
            ui.fallbackCombo.setModel(models)
        ui.fallbackCombo.setCurrentIndex(-1)
        editor = ui.fallbackCombo.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("Model id, e.g. openai/gpt-5.1"))
        ui.systemPromptEdit.setPlainText(conversation.system_prompt)
        ui.defaultTemperatureCheck.setChecked(conversation.temperature is None)
        ui.temperatureSpin.setValue(conversation.temperature if conversation.temperature is not None else 1.0)
        ui.temperatureSpin.setEnabled(conversation.temperature is not None)
        ui.jsonModeCheck.setChecked(conversation.json_mode)
        for model_id in conversation.fallback_models:
            self._add_item(model_id)
        ui.defaultTemperatureCheck.toggled.connect(lambda on: ui.temperatureSpin.setEnabled(not on))
        ui.addFallbackButton.clicked.connect(self._add_selected)
        ui.removeFallbackButton.clicked.connect(self._remove_selected)
        ui.upButton.clicked.connect(lambda: self._move(-1))
        ui.downButton.clicked.connect(lambda: self._move(1))
        ui.fallbackList.currentRowChanged.connect(self._refresh_buttons)
        self._refresh_buttons()

    def _label_of(self, model_id: str) -> str:
        model = self.ui.fallbackCombo.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(self._model_id_role) == model_id:
                return str(index.data(Qt.ItemDataRole.DisplayRole))
        return model_id

    def _add_item(self, model_id: str) -> None:
        item = QListWidgetItem(self._label_of(model_id))
        item.setData(Qt.ItemDataRole.UserRole, model_id)
        self.ui.fallbackList.addItem(item)

    def fallback_models(self) -> list[str]:
        fallback = self.ui.fallbackList
        return [str(fallback.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(fallback.count())]

    def _add_selected(self) -> None:
        combo = self.ui.fallbackCombo
        text = combo.currentText().strip()
        index = combo.currentIndex()
        model_id = text
        if index >= 0 and combo.itemText(index) == combo.currentText():
            model_id = str(combo.itemData(index, self._model_id_role) or text)
        if not model_id or model_id == self._primary or model_id in self.fallback_models():
            return
        self._add_item(model_id)
        self.ui.fallbackList.setCurrentRow(self.ui.fallbackList.count() - 1)
        combo.setCurrentIndex(-1)
        combo.clearEditText()

    def _remove_selected(self) -> None:
        row = self.ui.fallbackList.currentRow()
        if row >= 0:
            self.ui.fallbackList.takeItem(row)
        self._refresh_buttons()

    def _move(self, step: int) -> None:
        fallback = self.ui.fallbackList
        row = fallback.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < fallback.count():
            return
        item = fallback.takeItem(row)
        fallback.insertItem(target, item)
        fallback.setCurrentRow(target)

    def _refresh_buttons(self, _row: int = -1) -> None:
        row = self.ui.fallbackList.currentRow()
        count = self.ui.fallbackList.count()
        self.ui.removeFallbackButton.setEnabled(row >= 0)
        self.ui.upButton.setEnabled(row > 0)
        self.ui.downButton.setEnabled(0 <= row < count - 1)

    def values(self) -> dict[str, Any]:
        """What ChatViewModel.update_settings takes."""
        ui = self.ui
        return {
            "system_prompt": ui.systemPromptEdit.toPlainText(),
            "temperature": None if ui.defaultTemperatureCheck.isChecked() else round(ui.temperatureSpin.value(), 2),
            "json_mode": ui.jsonModeCheck.isChecked(),
            "fallback_models": tuple(self.fallback_models()),
        }
