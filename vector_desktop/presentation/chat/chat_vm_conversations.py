"""ChatViewModel's part for the conversations: loading the list and the model picker, opening one (and its older
pages), new, rename, pin, delete with Undo, the open conversation's settings, and export as a background job.

The model list is read through `run_blocking` (an executor in the app).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from vector_desktop.domain.chat import ChatError, Conversation, Message
from vector_desktop.domain.errors import VectorError
from vector_desktop.presentation.chat.chat_vm_events import ChatEventsPart

EXPORT_FORMATS = ("md", "json")
MAX_TEMPERATURE = 2.0
TRIM_ABOVE_PAGES = 4  # a transcript with more pages loaded than this is trimmed when the reader is back at the end
KEEP_PAGES = 2  # ... to this many pages


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatViewModel", text)  # one translation context for every part


class ChatConversationsPart(ChatEventsPart):
    # ------------------------------------------------------------------------------------------------ loading

    def load(self, select: str = "") -> asyncio.Task[Any]:
        """Fill the conversation list and the model picker, then open `select` (or the first conversation)."""
        return self._start(self._load(select), "chat.load")

    async def _load(self, select: str) -> None:
        conversations = await self._service.list_conversations()
        self.conversations.set_conversations(conversations)
        await self._load_models()
        self.loaded.emit()
        target = select if self.conversations.row_of(select) >= 0 else ""
        if not target and self.conversations.rowCount() > 0:
            target = self.conversations.conversations()[0].id
        if target:
            await self._select(target)

    def reload_models(self) -> asyncio.Task[Any]:
        """The model list changed (e.g. after the refresh-models job)."""
        return self._start(self._load_models(), "chat.models")

    async def _load_models(self) -> None:
        if self._models_source is None:
            return
        source = self._models_source
        models = await self._run_blocking(lambda: list(source()))
        self.model_choices.set_models(models)
        self.messages.set_model_infos(models)
        if self._current is not None and self._current.model:
            self.model_choices.ensure(self._current.model)
        self.models_loaded.emit()
        self._update_offline_hint()

    def set_local_available(self, available: bool) -> None:
        self._local_available = available
        self.messages.set_local_available(available)

    # ------------------------------------------------------------------------------------------------ conversations

    def select_conversation(self, conversation_id: str) -> asyncio.Task[Any] | None:
        if conversation_id == self.current_id:
            return None
        return self._start(self._select(conversation_id), "chat.select")

    async def _select(self, conversation_id: str) -> None:
        self._generation += 1
        generation = self._generation
        self._save_draft_now()
        if not conversation_id:
            self._show(None, [], False, "")
            return
        service = self._service
        conversation = await service.get_conversation(conversation_id)
        page = await service.messages_page(conversation_id, None, self.page_size + 1)
        draft = await service.draft(conversation_id)
        if generation != self._generation or self._closed:
            return
        has_older = len(page) > self.page_size
        self._show(conversation, page[-self.page_size :], has_older, draft)

    def _show(self, conversation: Conversation | None, page: Sequence[Message], has_older: bool, draft: str) -> None:
        self._frame.flush()  # what waits belongs to the transcript being replaced
        self._current = conversation
        conversation_id = conversation.id if conversation is not None else ""
        self.messages.reset(conversation_id, [self._with_live_text(m) for m in page], has_older)
        self._saved_drafts[conversation_id] = draft
        self._draft_for, self._draft_text = conversation_id, draft
        self._draft_timer.stop()
        if conversation is not None:
            self.model_choices.ensure(conversation.model)
        self.conversation_selected.emit(conversation_id)
        self.conversation_changed.emit(conversation)
        self.draft_restored.emit(draft)
        if draft:
            self.prepare_to_send()  # the draft is about to go
        self._update_busy()
        self._update_offline_hint()
        self._context_timer.start()
        self._totals.open(conversation_id)
        if conversation is not None:
            self._request_totals()
        else:
            self._emit_totals("")

    def load_older(self) -> asyncio.Task[Any] | None:
        """Bring the next older page in at the top of the transcript (when scrolled to the top)."""
        if self._loading_older or not self.messages.has_older or not self.current_id:
            return None
        self._loading_older = True
        task = self._start(self._load_older(self.page_size), "chat.older")
        task.add_done_callback(lambda _t: setattr(self, "_loading_older", False))
        return task

    async def _load_older(self, count: int) -> int:
        conversation_id = self.messages.conversation_id
        before = self.messages.oldest_seq
        page = await self._service.messages_page(conversation_id, before, count + 1)
        if conversation_id != self.messages.conversation_id or before != self.messages.oldest_seq:
            return 0
        has_older = len(page) > count
        return self.messages.prepend_page([self._with_live_text(m) for m in page[-count:]], has_older)

    def trim_older(self) -> int:
        """The reader is back at the end of a transcript that grew long as they paged back: let the oldest rows go
        (they page in again when scrolled to), so each layout of the transcript stays as cheap as a fresh one's.
        Returns how many rows went."""
        if self._loading_older or self._jumps or self.messages.rowCount() <= TRIM_ABOVE_PAGES * self.page_size:
            return 0
        return self.messages.drop_oldest(KEEP_PAGES * self.page_size)

    def new_conversation(self) -> asyncio.Task[Any]:
        return self._start(self._new_conversation(), "chat.new")

    async def _new_conversation(self) -> Conversation:
        model = self._preferred_model or await self._service.settled_default_model()
        conversation = await self._service.create_conversation(model=model)
        self.conversations.upsert(conversation)
        await self._select(conversation.id)
        return conversation

    def rename(self, conversation_id: str, title: str) -> asyncio.Task[Any]:
        return self._start(self._service.update_conversation(conversation_id, title=" ".join(title.split())))

    def pin(self, conversation_id: str, pinned: bool) -> asyncio.Task[Any]:
        return self._start(self._service.update_conversation(conversation_id, pinned=bool(pinned)))

    def delete(self, conversation_id: str) -> asyncio.Task[Any]:
        """Move a conversation to the bin; `undo_delete()` brings it back while the panel offers Undo."""
        return self._start(self._delete(conversation_id), "chat.delete")

    async def _delete(self, conversation_id: str) -> None:
        if conversation_id == self._draft_for:
            self._save_draft_now()
        row = self.conversations.row_of(conversation_id)
        deleted = await self._service.delete_conversation(conversation_id)  # stops an answer still arriving
        self.conversations.remove(conversation_id)
        self.deleted_id = conversation_id
        self.conversation_deleted.emit(conversation_id, deleted.title or _tr("New conversation"))
        self.undo_available_changed.emit(True)
        if conversation_id == self.current_id:
            rows = self.conversations.rowCount()
            successor = self.conversations.conversation_at(min(max(row, 0), rows - 1)) if rows else None
            await self._select(successor.id if successor is not None else "")

    def undo_delete(self) -> asyncio.Task[Any] | None:
        if not self.deleted_id:
            return None
        conversation_id, self.deleted_id = self.deleted_id, ""
        self.undo_available_changed.emit(False)
        return self._start(self._undo_delete(conversation_id), "chat.undo")

    async def _undo_delete(self, conversation_id: str) -> None:
        restored = await self._service.restore_conversation(conversation_id)
        self.conversations.upsert(restored)
        await self._select(restored.id)

    def dismiss_undo(self) -> None:
        if self.deleted_id:
            self.deleted_id = ""
            self.undo_available_changed.emit(False)

    # ------------------------------------------------------------------------------------------------ settings

    def update_settings(self, **values: Any) -> asyncio.Task[Any] | None:
        """Change the open conversation's model, fallback_models, system_prompt, temperature or json_mode."""
        if self._current is None:
            self.error_occurred.emit(_tr("Open or start a conversation first."))
            return None
        try:
            cleaned = self._clean_settings(values)
        except VectorError as error:
            self.error_occurred.emit(str(error))
            return None
        if not cleaned:
            return None
        return self._start(self._service.update_conversation(self._current.id, **cleaned), "chat.settings")

    def _clean_settings(self, values: dict[str, Any]) -> dict[str, Any]:
        allowed = {"model", "fallback_models", "system_prompt", "temperature", "json_mode"}
        unknown = set(values) - allowed
        if unknown:
            raise TypeError(f"unknown conversation settings: {sorted(unknown)}")
        cleaned = dict(values)
        if "temperature" in cleaned and cleaned["temperature"] is not None:
            temperature = float(cleaned["temperature"])
            if not 0.0 <= temperature <= MAX_TEMPERATURE:
                raise ChatError(_tr("The temperature must be between 0 and 2."))
            cleaned["temperature"] = round(temperature, 2)
        if "model" in cleaned:
            cleaned["model"] = str(cleaned["model"]).strip()
        if "fallback_models" in cleaned:
            primary = cleaned.get("model", self._current.model if self._current else "")
            ordered: list[str] = []
            for model in cleaned["fallback_models"]:
                model = str(model).strip()
                if model and model != primary and model not in ordered:
                    ordered.append(model)
            cleaned["fallback_models"] = tuple(ordered)
        if "json_mode" in cleaned:
            cleaned["json_mode"] = bool(cleaned["json_mode"])
        return cleaned

    def set_model(self, model_id: str) -> asyncio.Task[Any] | None:
        """The open conversation's model; with none open, the model of the next new conversation."""
        if self._current is None:
            self._preferred_model = model_id.strip()
            self._update_offline_hint()
            self._refresh_tools_if_model_changed(None)
            return None
        if model_id == self._current.model:
            return None
        return self.update_settings(model=model_id)

    def set_fallback_models(self, models: Sequence[str]) -> asyncio.Task[Any] | None:
        return self.update_settings(fallback_models=tuple(models))

    def set_system_prompt(self, text: str) -> asyncio.Task[Any] | None:
        return self.update_settings(system_prompt=text)

    def set_temperature(self, value: float | None) -> asyncio.Task[Any] | None:
        return self.update_settings(temperature=value)

    def set_json_mode(self, on: bool) -> asyncio.Task[Any] | None:
        return self.update_settings(json_mode=on)

    # ------------------------------------------------------------------------------------------------ export

    def export(self, conversation_id: str, fmt: str, path: str) -> str:
        """Export a conversation to Markdown ("md") or JSON as a background job; returns the job id."""
        if fmt not in EXPORT_FORMATS:
            self.error_occurred.emit(_tr("Export as Markdown (md) or JSON (json)."))
            return ""
        if self._jobs is None:
            self.error_occurred.emit(_tr("Exporting is not available in this window."))
            return ""
        conversation = self.conversations.conversation(conversation_id)
        title = conversation.display_title if conversation is not None else conversation_id
        try:
            job_id = self._jobs.apply_async(
                "chat.export",
                kwargs={"conversation_id": conversation_id, "fmt": fmt, "path": path},
                title=_tr("Export “%1”").replace("%1", title),
            )
        except VectorError as error:
            self.error_occurred.emit(str(error))
            return ""
        self.export_started.emit(job_id, path)
        return job_id
