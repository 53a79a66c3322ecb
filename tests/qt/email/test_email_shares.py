"""Share by email from the chat panel (a conversation's menu and the export menu) and a storage file's link: the
panel's signal opens the compose dialog with the export's Markdown (or the link), and the mail arrives with both
parts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.qt.chat.test_chat_panel import SONNET, open_chat
from tests.support.chat_panel_driver import until
from tests.support.smtp_server import SmtpServer
from vector_desktop.domain.chat import Role
from vector_desktop.store.chat_repository import ChatRepository

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("quiet_quit"),
]


@pytest.fixture
def quiet_quit(qapp: Any) -> Iterator[None]:
    previous = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(previous)


@pytest.fixture
def smtp(tmp_path: Path) -> Iterator[SmtpServer]:
    server = SmtpServer(tmp_path / "smtp", "starttls").start()
    yield server
    server.stop()


def _build(core: Any, smtp: SmtpServer, qtbot: Any, **kwargs: Any) -> Any:
    from PySide6.QtWidgets import QWidget

    from vector_desktop.gui_email import build_email

    window = QWidget()
    qtbot.addWidget(window)
    return build_email(core, window=window, identity=None, ssl_context=smtp.client_context(), **kwargs)


@pytest.mark.asyncio
async def test_share_a_conversation_from_the_chat_panel(qtbot, store, sse_server, smtp, app_paths) -> None:  # type: ignore[no-untyped-def]
    from vector_desktop.core import open_core

    repo = ChatRepository(store.sessions)
    conversation = repo.create_conversation(title="Trip plans", model=SONNET)
    repo.add_message(conversation.id, Role.USER, "Where should we go?")
    repo.add_message(conversation.id, Role.ASSISTANT, "Try **Lisbon** in May.")
    core = open_core(app_paths, environ=smtp.settings())
    gui = _build(core, smtp, qtbot, conversation_markdown=None, file_link=None)
    try:
        async with open_chat(qtbot, store, sse_server, select=conversation.id) as chat:
            chat.panel.share_by_email_requested.connect(gui.share_conversation)
            menu = chat.panel.conversation_menu(chat.vm.conversations.conversation(conversation.id))
            share = next(a for a in menu.actions() if a.text() == "Share by &email…")
            assert chat.panel.share_email_action.text() == "Share by &email…"  # also in the export menu
            share.trigger()
            await until(lambda: gui.compose_dialog is not None)
            dialog = gui.compose_dialog
            assert dialog.subject_edit.text() == "Trip plans"
            body = dialog.body_edit.toPlainText()
            assert body.startswith("# Trip plans") and "Try **Lisbon** in May." in body
            dialog.to_edit.setText("friend@example.com")
            dialog.send()
            await until(lambda: len(smtp.handler.accepted) == 1)
        got = smtp.received[0].message
        assert "<strong>Lisbon</strong>" in got.get_body(("html",)).get_content()
        assert "Try **Lisbon** in May." in got.get_body(("plain",)).get_content()
    finally:
        gui.close()
        core.close()


@pytest.mark.asyncio
async def test_share_a_file_link(qtbot, smtp, app_paths) -> None:  # type: ignore[no-untyped-def]
    from vector_desktop.core import open_core

    core = open_core(app_paths, environ=smtp.settings())
    links: list[str] = []

    def file_link(key: str) -> str:  # the storage service's presigned URL (a blocking call: run in a thread)
        links.append(key)
        return f"https://bucket.example/{key}?X-Amz-Expires=86400&X-Amz-Signature=abc"

    gui = _build(core, smtp, qtbot, conversation_markdown=None, file_link=file_link)
    try:
        gui.share_file("docs/report.pdf")
        await until(lambda: gui.compose_dialog is not None)
        assert links == ["docs/report.pdf"]
        dialog = gui.compose_dialog
        assert dialog.subject_edit.text() == "report.pdf"
        assert "https://bucket.example/docs/report.pdf?X-Amz-Expires=86400" in dialog.body_edit.toPlainText()
        assert not dialog.attachment_row.isVisibleTo(dialog)
    finally:
        gui.close()
        core.close()
