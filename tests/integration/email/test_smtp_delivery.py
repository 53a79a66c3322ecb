"""Sending through the outbox to a real SMTP server (aiosmtpd on 127.0.0.1): implicit TLS and STARTTLS, what the
server received (headers, both parts, the attachment, Reply-To, no secret anywhere), and each failure's outcome."""

from __future__ import annotations

from collections import deque
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.support.smtp_server import PASSWORD, USER, SmtpServer
from vector_desktop.domain.account import AccountProfile
from vector_desktop.domain.email import Attachment, EmailDraft, OutboxState

PROFILE = AccountProfile(provider="google", subject="1234", email="ada@example.org", name="Ada Lovelace")


class Identity:
    def __init__(self, profile: AccountProfile | None) -> None:
        self.profile = profile

    def current(self) -> AccountProfile | None:
        return self.profile

    def add_listener(self, listener: Any) -> None:
        pass


def _draft(**changes: Any) -> EmailDraft:
    values: dict[str, Any] = {
        "to": ("bob@example.com",),
        "subject": "Quarterly numbers",
        "body": "# Numbers\n\nThe **total** is 42.\n\n<script>alert(1)</script>\n",
        "source": "conversation",
    }
    values.update(changes)
    return EmailDraft(**values)


def test_implicit_tls_delivers_both_parts_attachment_and_reply_to(smtp_tls: SmtpServer, open_email: Any) -> None:
    _core, service = open_email(smtp_tls, identity=Identity(PROFILE))
    csv = b"id,name\n1,Ada\n2,Grace\n"
    queued = service.queue_blocking(_draft(attachments=(Attachment("people.csv", "text/csv", csv),)))
    assert queued.state is OutboxState.QUEUED

    after = service.send_pending_blocking(queued.id)

    assert after.state is OutboxState.SENT
    assert after.queue_id.startswith("250") and "TEST0001" in after.queue_id
    assert after.attempts == 1 and after.sent_at is not None
    [got] = smtp_tls.received
    assert got.mail_from == "noreply@vector.test" and got.rcpt_tos == ["bob@example.com"]
    message = got.message
    assert message["From"] == "Ada Lovelace <noreply@vector.test>"
    assert message["Reply-To"] == "Ada Lovelace <ada@example.org>"
    assert message["To"] == "bob@example.com"
    assert message["Subject"] == "Quarterly numbers"
    assert message["Message-ID"] == queued.message_id and message["Date"]
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and "The **total** is 42." in plain.get_content()
    assert html is not None
    html_text = html.get_content()
    assert "<strong>total</strong>" in html_text and "<h1>Numbers</h1>" in html_text
    assert "<script>" not in html_text and "&lt;script&gt;" in html_text  # raw HTML is escaped, never passed on
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "people.csv" and attachment.get_content_type() == "text/csv"
    assert attachment.get_payload(decode=True) == csv
    headers = "\n".join(f"{k}: {v}" for k, v in message.items())
    assert PASSWORD not in headers and PASSWORD not in got.data.decode("utf-8", "replace")
    assert smtp_tls.handler.logins == [USER]


def test_starttls_is_used_and_without_account_there_is_no_reply_to(smtp_starttls: SmtpServer, open_email: Any) -> None:
    _core, service = open_email(smtp_starttls)
    queued = service.queue_blocking(_draft())
    after = service.send_pending_blocking(queued.id)
    assert after.state is OutboxState.SENT
    [got] = smtp_starttls.received
    assert got.message["From"] == "Vector <noreply@vector.test>"
    assert got.message["Reply-To"] is None


def test_starttls_required_refuses_a_server_without_it(tmp_path: Path, open_email: Any) -> None:
    plain = SmtpServer(tmp_path / "plain", "plain").start()
    try:
        _core, service = open_email(plain, settings={"EMAIL_SECURITY": "starttls"})
        after = service.send_pending_blocking(service.queue_blocking(_draft()).id)
    finally:
        plain.stop()
    assert after.state is OutboxState.FAILED
    assert "does not offer STARTTLS" in after.last_error
    assert plain.received == []


def test_wrong_password_fails_with_the_reply_and_never_the_password(smtp_tls: SmtpServer, open_email: Any) -> None:
    wrong = "not-the-Right-key-123"
    _core, service = open_email(smtp_tls, settings={"EMAIL_HOST_PASSWORD": wrong})
    after = service.send_pending_blocking(service.queue_blocking(_draft()).id)
    assert after.state is OutboxState.FAILED
    assert after.last_code == 535
    assert "refused the user name or password" in after.last_error and "535" in after.last_error
    assert wrong not in after.last_error
    assert smtp_tls.received == []


def test_certificate_not_trusted_is_refused(smtp_tls: SmtpServer, app_paths: Any) -> None:
    import ssl

    from vector_desktop.core import open_core
    from vector_desktop.core_email import make_email

    core = open_core(app_paths, environ=smtp_tls.settings())
    service = make_email(core, ssl_context=ssl.create_default_context())  # the system store: the test CA is unknown
    try:
        after = service.send_pending_blocking(service.queue_blocking(_draft()).id)
    finally:
        service.close()
        core.close()
    assert after.state is OutboxState.FAILED
    assert "certificate" in after.last_error
    assert smtp_tls.received == []


def test_temporary_reply_then_success_is_sent_once(smtp_tls: SmtpServer, open_email: Any) -> None:
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    _core, service = open_email(smtp_tls, clock=lambda: now[0])
    smtp_tls.script.data_replies = deque(["451 4.3.0 Mailbox busy, try again later"])
    queued = service.queue_blocking(_draft())

    first = service.send_pending_blocking(queued.id)
    assert first.state is OutboxState.QUEUED and first.attempts == 1 and first.last_code == 451
    assert "451" in first.last_error and first.next_attempt_at == now[0] + timedelta(seconds=30)
    assert service.send_pending_blocking(queued.id).attempts == 1  # not due yet: not tried

    now[0] += timedelta(seconds=31)
    second = service.send_pending_blocking(queued.id)
    assert second.state is OutboxState.SENT and second.attempts == 2
    assert len(smtp_tls.handler.accepted) == 1
    assert service.send_pending_blocking(queued.id).state is OutboxState.SENT
    assert len(smtp_tls.received) == 2  # the refused try and the accepted one; nothing after


def test_permanent_reply_is_kept_and_retry_sends_it(smtp_tls: SmtpServer, open_email: Any) -> None:
    import asyncio

    _core, service = open_email(smtp_tls)
    smtp_tls.script.data_replies = deque(["554 5.7.1 Message rejected: content policy"])
    queued = service.queue_blocking(_draft())
    failed = service.send_pending_blocking(queued.id)
    assert failed.state is OutboxState.FAILED and failed.last_code == 554
    assert "554 5.7.1 Message rejected: content policy" in failed.last_error
    assert service.send_pending_blocking(queued.id).state is OutboxState.FAILED  # never retried by itself

    asyncio.run(service.retry(queued.id))
    sent = service.send_pending_blocking(queued.id)
    assert sent.state is OutboxState.SENT and sent.attempts == 2
    assert len(smtp_tls.handler.accepted) == 1


def test_refused_recipient_is_a_permanent_failure(smtp_tls: SmtpServer, open_email: Any) -> None:
    _core, service = open_email(smtp_tls)
    smtp_tls.script.refused_recipients = {"nobody@example.com"}
    after = service.send_pending_blocking(service.queue_blocking(_draft(to=("nobody@example.com",))).id)
    assert after.state is OutboxState.FAILED and after.last_code == 550
    assert "refused the recipient nobody@example.com" in after.last_error
    assert smtp_tls.received == []


def test_server_down_then_up_is_sent_after_by_the_worker(tmp_path: Path, open_email: Any) -> None:
    import time

    server = SmtpServer(tmp_path / "smtp", "tls")  # not started: connections are refused
    _core, service = open_email(server, backoff=(0.2,))
    changes: list[int] = []
    service.add_listener(lambda: changes.append(1))
    queued = service.queue_blocking(_draft())
    service.start()
    deadline = time.monotonic() + 30
    while (row := service.outbox_blocking()[0]).attempts < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert row.state is OutboxState.QUEUED and "refused the connection" in row.last_error
    server.start()
    try:
        while (row := service.outbox_blocking()[0]).state is not OutboxState.SENT and time.monotonic() < deadline:
            time.sleep(0.05)
        assert row.id == queued.id and row.state is OutboxState.SENT
        assert len(server.handler.accepted) == 1
        assert changes  # listeners heard about it
    finally:
        service.close()
        server.stop()


def test_port_other_than_465_or_587_is_refused_with_a_sentence(smtp_tls: SmtpServer, open_email: Any) -> None:
    _core, service = open_email(smtp_tls, settings={"EMAIL_SECURITY": "auto"})
    after = service.send_pending_blocking(service.queue_blocking(_draft()).id)
    assert after.state is OutboxState.QUEUED  # kept, not failed: it goes once the setting is fixed
    assert "neither 465 (TLS) nor 587 (STARTTLS)" in after.last_error
    assert smtp_tls.received == []


def test_no_from_address_refuses_to_queue(smtp_tls: SmtpServer, open_email: Any) -> None:
    from vector_desktop.domain.email import EmailNotConfiguredError

    _core, service = open_email(smtp_tls, settings={"DEFAULT_FROM_EMAIL": ""})
    with pytest.raises(EmailNotConfiguredError, match="DEFAULT_FROM_EMAIL"):
        service.queue_blocking(_draft())
    assert service.outbox_blocking() == []


def test_offline_waits_and_going_online_sends_it(smtp_tls: SmtpServer, open_email: Any) -> None:
    import time

    _core, service = open_email(smtp_tls, online=False)
    queued = service.queue_blocking(_draft())
    service.start()
    deadline = time.monotonic() + 30
    while not (row := service.outbox_blocking()[0]).last_error and time.monotonic() < deadline:
        time.sleep(0.05)
    assert row.state is OutboxState.QUEUED and row.attempts == 0
    assert row.last_error == "Waiting until the app is online."
    assert smtp_tls.received == []
    service.set_online(True)
    while (row := service.outbox_blocking()[0]).state is not OutboxState.SENT and time.monotonic() < deadline:
        time.sleep(0.05)
    assert row.id == queued.id and row.state is OutboxState.SENT and len(smtp_tls.handler.accepted) == 1
