"""ChatViewModel's part for sending: the composer's text and attached images, the answer actions (stop,
regenerate, edit and resend, continue, retry, answer on this computer), tool calls' Stop and Retry, and the outbox
when the connection comes back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from vector_desktop.domain.errors import VectorError
from vector_desktop.presentation.chat.chat_vm_conversations import ChatConversationsPart


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatViewModel", text)  # one translation context for every part


class ChatSendingPart(ChatConversationsPart):
    # ------------------------------------------------------------------------------------------------ sending

    def send(self, text: str, images: Sequence[str] = ()) -> bool:
        """Send the composer's text (and image URLs, from the upload UI) in the open conversation (a new one when
        none is open). False when refused at once (empty, or an answer is still arriving); the composer keeps its
        text then."""
        if not images and self._attachments:
            images = [url for _name, url in self._attachments]
        if not text.strip() and not images:
            return False
        if self._busy:
            self.error_occurred.emit(_tr("An answer is still arriving; wait for it or stop it first."))
            return False
        conversation_id = self.current_id
        self._draft_timer.stop()
        if conversation_id:
            self._draft_text = ""
            self._sending.add(conversation_id)
            self._clearing_draft.add(conversation_id)
            self._update_busy()
        self._start(self._send(conversation_id, text, tuple(images)), "chat.send")
        self.clear_attachments()
        return True

    # ------------------------------------------------------------------------------------------------ images

    @property
    def attachments(self) -> list[str]:
        return [name for name, _url in self._attachments]

    def attach_image(self, name: str, url: str) -> None:
        """An image for the next message: a presigned URL, or a data: URL for images kept locally."""
        self._attachments.append((name, url))
        self.attachments_changed.emit(self.attachments)

    def clear_attachments(self) -> None:
        if self._attachments:
            self._attachments.clear()
            self.attachments_changed.emit([])

    def attach_file(self, path: str) -> asyncio.Task[Any] | None:
        """Store a local image (type checked from its content, location removed) and attach it."""
        if self._image_uploader is None:
            self.error_occurred.emit(_tr("Image attachments are not available."))
            return None
        uploader = self._image_uploader

        async def work() -> None:
            try:
                name, url = await uploader(path)
            except VectorError as error:
                self.error_occurred.emit(str(error))
                return
            self.attach_image(name, url)

        return self._start(work(), "chat.attach")

    async def _send(self, conversation_id: str, text: str, images: tuple[str, ...] = ()) -> None:
        try:
            if not conversation_id:
                conversation = await self._new_conversation()
                conversation_id = conversation.id
                self._sending.add(conversation_id)
                self._clearing_draft.add(conversation_id)
                self._update_busy()
            self._stored.discard(conversation_id)
            await self._service.send(conversation_id, text, images)
        except Exception:
            if conversation_id not in self._stored:
                self.send_rejected.emit(text)
            raise
        finally:
            self._sending.discard(conversation_id)
            self._stored.discard(conversation_id)
            if conversation_id in self._clearing_draft:
                self._clearing_draft.discard(conversation_id)
                self._saved_drafts[conversation_id] = ""
            self._update_busy()
            if conversation_id == self._draft_for and not self._closed:
                self._save_draft_now()  # text typed while the answer arrived

    def stop(self) -> bool:
        """Stop the answer arriving in the open conversation; its text so far is kept."""
        return bool(self.current_id) and self._service.stop(self.current_id)

    def regenerate(self, message_id: int) -> asyncio.Task[Any]:
        return self._action(self._service.regenerate(message_id))

    def edit_and_resend(self, message_id: int, text: str) -> asyncio.Task[Any] | None:
        if not text.strip():
            self.error_occurred.emit(_tr("The message is empty."))
            return None
        return self._action(self._service.edit_and_resend(message_id, text))

    def continue_(self, message_id: int) -> asyncio.Task[Any]:
        return self._action(self._service.continue_(message_id))

    def retry(self, message_id: int) -> asyncio.Task[Any]:
        return self._action(self._service.retry(message_id))

    def answer_locally(self, message_id: int) -> asyncio.Task[Any]:
        return self._action(self._service.answer_locally(message_id))

    def _action(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        conversation_id = self.current_id
        if conversation_id:
            self._sending.add(conversation_id)
            self._update_busy()

        async def run() -> Any:
            try:
                return await coro
            finally:
                self._sending.discard(conversation_id)
                self._update_busy()

        return self._start(run(), "chat.action")

    def set_online(self, online: bool, _reason: str = "") -> asyncio.Task[Any]:
        """Connectivity changed (ConnectivityMonitor.online_changed). The model servers are probed again (so a
        message to an unreachable one goes to the outbox); back online, the outbox is sent, oldest first."""
        changed = online != self._online
        self._online = online
        if changed:
            self.online_changed.emit(online)
        self._update_offline_hint()
        return self._start(self._connectivity_changed(online), "chat.outbox")

    async def _connectivity_changed(self, online: bool) -> int:
        if self._refresh_reachability is not None:
            await self._refresh_reachability()
        self._update_offline_hint()
        return await self._service.flush_outbox() if online else 0

    # ------------------------------------------------------------------------------------------------ tools

    def stop_tool(self, message_id: int) -> bool:
        """A running tool call's Stop: that call alone stops; the model is told and the answer goes on."""
        return self._service.stop_tool_call(message_id)

    def retry_tool(self, message_id: int) -> asyncio.Task[Any]:
        """Run an interrupted tool call again (the policy decides again), then continue the answer."""
        return self._action(self._service.retry_tool_call(message_id))
