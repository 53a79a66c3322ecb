"""GUI composition of the email feature: the service and its outbox worker (a thread of its own), File → Outbox…,
the compose dialog for shares (a conversation, a storage file's link, a query result as CSV), Settings → Email →
Send test email, and the shutdown. Nothing here blocks the GUI thread: building and storing a message, reading the
outbox and SMTP all run in threads."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QWidget

log = logging.getLogger("vector_desktop.gui")
TEST_WAIT_S = 60.0


class EmailGui:
    """What the window holds of the email feature (built by `build_email`)."""

    def __init__(self, service: Any, shares: Any, window: Any, parent: QObject) -> None:
        from vector_desktop.presentation.email.outbox_viewmodel import OutboxViewModel

        self.service = service
        self.shares = shares
        self.window = window
        self.parent = parent
        self.outbox_vm = OutboxViewModel(service, parent)
        self.outbox_dialog: Any = None
        self.compose_dialog: Any = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self.closers: list[Callable[[], None]] = []
        self.outbox_action = QAction(window.tr("Outbox…"), parent)
        self.outbox_action.setObjectName("actionOutbox")
        self.outbox_action.triggered.connect(lambda _checked=False: self.open_outbox())

    # ------------------------------------------------------------------------------------------------ dialogs

    def open_outbox(self) -> Any:
        from vector_desktop.qtsupport.single_dialog import single_dialog
        from vector_desktop.views.email.outbox_dialog import OutboxDialog

        dialog = single_dialog(self, "outbox_dialog", lambda: OutboxDialog(self.outbox_vm, self.window))
        self.outbox_vm.reload()
        dialog.open()
        return dialog

    def compose(self, draft: Any, error: str = "") -> Any:
        """Show the compose dialog for a draft (its view-model outlives the dialog: queueing ends after it closes)."""
        from vector_desktop.presentation.email.compose_viewmodel import ComposeViewModel
        from vector_desktop.views.email.compose_dialog import ComposeDialog

        vm = ComposeViewModel(self.service, draft, self.parent)
        vm.failed.connect(lambda text, failed_draft: self.compose(failed_draft, text))
        vm.queued.connect(lambda _id: vm.deleteLater())
        dialog = ComposeDialog(vm, self.window, error)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.rejected.connect(vm.deleteLater)
        dialog.finished.connect(lambda _result: setattr(self, "compose_dialog", None))
        self.compose_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------------------------------------ shares

    def share_conversation(self, conversation_id: str) -> None:
        if conversation_id:
            self._spawn(self._compose_from(self.shares.conversation(conversation_id)))

    def share_file(self, key: str) -> None:
        self._spawn(self._compose_from(self.shares.file(key)))

    def share_csv(self, name: str, data: bytes, note: str = "") -> None:
        self.compose(self.shares.csv(name, data, note=note))

    async def _compose_from(self, making: Coroutine[Any, Any, Any]) -> None:
        from vector_desktop.domain.errors import VectorError

        try:
            draft = await making
        except VectorError as error:
            self._notice(str(error))
            return
        self.compose(draft)

    def _notice(self, text: str) -> None:
        show = getattr(self.window, "show_notice", None)
        if show is not None:
            show("email", text)

    # ------------------------------------------------------------------------------------------------ settings

    def add_settings_actions(self, settings_vm: Any) -> None:
        """Settings → Email → Send test email (asks for the address; uses the saved settings)."""
        settings_vm.add_group_action("Email", "send_test", self.window.tr("Send test email"), self.send_test)

    async def send_test(self, values: Any = None) -> str:
        from vector_desktop.domain.email import EmailError, OutboxState

        if values and any(key.startswith(("EMAIL_", "DEFAULT_FROM")) for key in values):
            raise EmailError(self.window.tr("Save your changes first: the test email uses the saved settings."))
        address = await self.ask_address(self.service.default_test_address())
        if not address:
            return self.window.tr("No test email was sent.")
        queued = await self.service.send_test(address)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + TEST_WAIT_S
        message = queued
        while message.state in (OutboxState.QUEUED, OutboxState.SENDING) and loop.time() < deadline:
            await asyncio.sleep(0.25)
            message = await self.service.get(queued.id) or message
            if message.state is OutboxState.QUEUED and message.last_error and message.attempts == 0:
                break  # not tried: settings missing or offline
        if message.state is OutboxState.SENT:
            return (
                self.window.tr("Sent to %1. The server said: %2").replace("%1", address).replace("%2", message.queue_id)
            )
        if message.state is OutboxState.QUEUED:
            reason = message.last_error or self.window.tr("it is still being sent")
            return self.window.tr("Waiting in the outbox: %1").replace("%1", reason)
        raise EmailError(message.last_error or self.window.tr("The test email was not sent."))

    def ask_address(self, default: str) -> asyncio.Future[str]:
        """A non-blocking input dialog; the future gets the address, or "" when cancelled."""
        future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        parent = self.window if isinstance(self.window, QWidget) else None
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(self.window.tr("Send test email"))
        dialog.setLabelText(self.window.tr("Send a test message to:"))
        dialog.setTextValue(default)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(text: str) -> None:
            if not future.done():
                future.set_result(text.strip())

        dialog.textValueSelected.connect(done)
        dialog.rejected.connect(lambda: done(""))
        self.address_dialog = dialog
        dialog.open()
        return future

    # ------------------------------------------------------------------------------------------------ life cycle

    def set_online(self, online: bool, _reason: str = "") -> None:
        self.service.set_online(online)

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for closer in reversed(self.closers):
            closer()
        self.outbox_vm.close()
        self.service.close()  # bounded wait; a delivery cut here becomes "not confirmed" at the next start


def build_email(
    core: Any,
    *,
    window: Any,
    identity: Any,
    conversation_markdown: Callable[[str], Any] | None,
    file_link: Callable[[str], Any] | None,
    parent: QObject | None = None,
    **kwargs: Any,
) -> EmailGui:
    """Build the feature, start the outbox worker and add File → Outbox… to the window. `conversation_markdown(id)`
    gives (title, Markdown) of a conversation (None: read from the store with the export's rendering);
    `file_link(key)` a presigned URL valid 24 h. Other keyword arguments go to `make_email` (`ssl_context`...)."""
    from vector_desktop.core_email import conversation_markdown as read_conversation
    from vector_desktop.core_email import make_email
    from vector_desktop.services.email.shares import ShareComposer

    parent = parent or window
    service = make_email(core, identity=identity, **kwargs)
    shares = ShareComposer(conversation_markdown or read_conversation(core), file_link)
    gui = EmailGui(service, shares, window, parent)
    core.config.listeners.append(service.settings_changed)
    gui.closers.append(lambda: core.config.listeners.remove(service.settings_changed))
    service.start()
    add_file_actions = getattr(window, "add_file_actions", None)
    if add_file_actions is not None:
        add_file_actions([gui.outbox_action])
    return gui
