"""The email dialogs as a user sees them, against a real SMTP server: compose → Send closes at once → the outbox
shows the message sent; Retry / Send again per state; Settings → Email → Send test email; the red warning when
EMAIL_SECURITY is none."""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from tests.support.smtp_server import SmtpServer
from tests.support.waiting import wait_for
from vector_desktop.domain.email import Attachment, EmailDraft
from vector_desktop.presentation.email.outbox_model import OutboxColumn, StateRole

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("quiet_quit"),
]
T = TypeVar("T")


@pytest.fixture
def quiet_quit(qapp: Any) -> Iterator[None]:
    previous = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(previous)


class Window(QWidget):
    """What build_email needs of the main window."""

    def __init__(self) -> None:
        super().__init__()
        self.file_actions: list[Any] = []
        self.notices: dict[str, str] = {}

    def add_file_actions(self, actions: list[Any]) -> None:
        self.file_actions.extend(actions)

    def show_notice(self, key: str, text: str) -> None:
        self.notices[key] = text


@pytest.fixture
def smtp(tmp_path: Path) -> Iterator[SmtpServer]:
    server = SmtpServer(tmp_path / "smtp", "tls").start()
    yield server
    server.stop()


@pytest.fixture
def email_gui(smtp: SmtpServer, app_paths: Any, qtbot: Any) -> Iterator[tuple[Any, Window]]:
    from vector_desktop.core import open_core
    from vector_desktop.gui_email import build_email

    core = open_core(app_paths, environ=smtp.settings())
    window = Window()
    qtbot.addWidget(window)
    gui = build_email(
        core,
        window=window,
        identity=None,
        conversation_markdown=None,
        file_link=None,
        ssl_context=smtp.client_context(),
    )
    yield gui, window
    gui.close()
    core.close()


def _states(model: Any) -> list[str]:
    return [model.index(row, 0).data(StateRole) for row in range(model.rowCount())]


@pytest.mark.asyncio
async def test_compose_closes_at_once_and_the_outbox_shows_it_sent(
    email_gui: tuple[Any, Window], smtp: SmtpServer, qtbot: Any, qtmodeltester: Any
) -> None:
    gui, window = email_gui
    assert [a.text() for a in window.file_actions] == ["Outbox…"]
    draft = EmailDraft((), "Result", "See the attachment.", (Attachment("r.csv", "text/csv", b"a\n1\n"),), "query")
    dialog = gui.compose(draft)
    assert dialog.attachment_list.item(0).text().startswith("r.csv (")
    dialog.send()
    assert dialog.error_label.text() == "Give at least one recipient." and dialog.isVisible()
    dialog.to_edit.setText("bob@example.com")
    dialog.send()
    assert not dialog.isVisible()  # closed at once: queueing and sending go on in the background

    outbox = gui.open_outbox()
    qtbot.addWidget(outbox)
    model = gui.outbox_vm.model
    qtmodeltester.check(model)
    await wait_for(lambda: _states(model) == ["sent"], "the outbox shows the message sent")
    assert model.index(0, OutboxColumn.STATE).data() == "Sent"
    assert model.index(0, OutboxColumn.TO).data() == "bob@example.com"
    assert "TEST0001" in model.index(0, OutboxColumn.DETAIL).data()
    outbox.select_row(0)
    assert not outbox.retry_button.isEnabled() and outbox.discard_button.isEnabled()
    [got] = smtp.received
    assert [p.get_filename() for p in got.message.iter_attachments()] == ["r.csv"]


@pytest.mark.asyncio
async def test_failed_message_offers_retry_and_retry_sends_it(
    email_gui: tuple[Any, Window], smtp: SmtpServer, qtbot: Any
) -> None:
    gui, _window = email_gui
    smtp.script.data_replies = deque(["550 5.7.1 Relaying denied"])
    outbox = gui.open_outbox()
    qtbot.addWidget(outbox)
    gui.compose(EmailDraft(("bob@example.com",), "Hi", "Body")).send()
    model = gui.outbox_vm.model
    await wait_for(lambda: _states(model) == ["failed"], "the outbox shows the failure")
    assert "550 5.7.1 Relaying denied" in model.index(0, OutboxColumn.DETAIL).data()
    outbox.select_row(0)
    assert outbox.retry_button.isEnabled() and not outbox.send_again_button.isEnabled()
    outbox.retry_button.click()
    await wait_for(lambda: _states(model) == ["sent"], "the retried message is sent")
    assert model.index(0, OutboxColumn.ATTEMPTS).data() == "2"


@pytest.mark.asyncio
async def test_a_message_not_confirmed_offers_send_again_not_retry(
    email_gui: tuple[Any, Window], smtp: SmtpServer, qtbot: Any, app_paths: Any
) -> None:
    from vector_desktop.services.email.outbox_worker import INTERRUPTED
    from vector_desktop.store.email_repository import EmailRepository
    from vector_desktop.store.engine import open_store

    gui, _window = email_gui
    hold = threading.Event()
    smtp.script.hold_data = hold
    gui.compose(EmailDraft(("bob@example.com",), "Hi", "Body")).send()
    await wait_for(lambda: smtp.script.held.is_set(), "the server holds the reply to DATA")
    opened = open_store(app_paths.store_file, app_paths.backup_dir)  # what a crash leaves: the row `sending`
    try:
        repository = EmailRepository(opened.sessions)
        assert [m.state.value for m in repository.list_messages()] == ["sending"]
        hold.set()
        await wait_for(lambda: repository.list_messages()[0].state.value == "sent", "the held reply arrives")
        repository.mark_sending(1)
        assert repository.recover_interrupted(INTERRUPTED) == 1  # as at the next start
    finally:
        opened.dispose()
    outbox = gui.open_outbox()
    qtbot.addWidget(outbox)
    model = gui.outbox_vm.model
    await wait_for(lambda: _states(model) == ["uncertain"], "the outbox shows it not confirmed")
    assert model.index(0, OutboxColumn.STATE).data() == "Not confirmed"
    assert "may have been sent" in model.index(0, OutboxColumn.DETAIL).data()
    outbox.select_row(0)
    assert outbox.send_again_button.isEnabled() and not outbox.retry_button.isEnabled()
    outbox.send_again_button.click()
    await wait_for(lambda: _states(model) == ["sent"], "sent again after the user chose it")
    assert len(smtp.handler.accepted) == 2


@pytest.mark.asyncio
async def test_send_test_email_from_settings_reports_the_server_reply(
    email_gui: tuple[Any, Window], smtp: SmtpServer
) -> None:
    gui, _window = email_gui
    result = asyncio.ensure_future(gui.send_test({}))
    await wait_for(lambda: getattr(gui, "address_dialog", None) is not None, "the address is asked")
    assert gui.address_dialog.textValue() == "noreply@vector.test"  # no account: the From address
    gui.address_dialog.setTextValue("ada@example.org")
    gui.address_dialog.accept()
    text = await asyncio.wait_for(result, 60)
    assert text.startswith("Sent to ada@example.org. The server said: 250")
    assert smtp.received[0].message["Subject"] == "Vector Desktop test email"


@pytest.mark.asyncio
async def test_security_none_is_flagged_in_red(qtbot: Any, store: Any) -> None:
    from vector_desktop.config import load_config
    from vector_desktop.presentation.settings_viewmodel import SettingsViewModel
    from vector_desktop.secrets import SecretStore
    from vector_desktop.store.settings_repository import SettingsRepository
    from vector_desktop.views.settings_dialog import ERROR_STYLE, SettingsDialog

    def run_blocking(fn: Callable[[], T]) -> asyncio.Future[T]:
        return asyncio.get_running_loop().run_in_executor(None, fn)

    repo = SettingsRepository(store)
    secrets = SecretStore("vector-desktop-email-qt-test")
    config = load_config([], environ={"EMAIL_SECURITY": "none", "EMAIL_PORT": "2525"}, secrets=secrets)
    vm = SettingsViewModel(config, repo, secrets, run_blocking)
    dialog = SettingsDialog(vm)
    qtbot.addWidget(dialog)
    danger = dialog.findChild(QLabel, "danger_EMAIL_SECURITY")
    assert danger is not None and not danger.isHidden()
    assert danger.text().startswith("Mail is sent unencrypted") and danger.styleSheet() == ERROR_STYLE
    combo = dialog.findChild(QComboBox, "field_EMAIL_SECURITY")
    assert combo is not None
    combo.setCurrentText("tls")
    assert danger.isHidden()
    combo.setCurrentText("none")
    assert not danger.isHidden()
    vm.close()
