"""The email feature's parts without a server: the message as built, addresses, the security choice, the backoff,
the outbox rows' states, the `send_email` tool and the share drafts."""

from __future__ import annotations

import asyncio
import email
import email.policy
from collections.abc import Iterator
from typing import Any

import pytest

from vector_desktop.domain.account import AccountProfile
from vector_desktop.domain.email import (
    Attachment,
    EmailDraft,
    EmailNotConfiguredError,
    InvalidAddressError,
    OutboxActionError,
    OutboxState,
    split_addresses,
)
from vector_desktop.services.email.message_builder import build_message
from vector_desktop.services.email.outbox_worker import INTERRUPTED, backoff_delay
from vector_desktop.services.email.smtp_sender import SmtpSettings, resolve_security

PROFILE = AccountProfile(provider="google", subject="1", email="ada@example.org", name="Ada Lovelace")


def _parse(data: bytes) -> Any:
    return email.message_from_bytes(data, policy=email.policy.default)


def test_message_is_built_once_with_names_both_parts_and_attachment() -> None:
    draft = EmailDraft(
        to=("bob@example.com", "Carol <carol@example.com>"),
        subject="Line one\r\nBcc: evil@example.com",
        body="Hello <b>there</b> & *you*",
        attachments=(Attachment("r.csv", "text/csv", b"a,b\n1,2\n"),),
        source="query",
    )
    built = build_message(draft, from_address="Vector <noreply@vector.test>", identity=PROFILE)
    assert built.sender == "noreply@vector.test"
    assert built.recipients == ("bob@example.com", "carol@example.com")
    message = _parse(built.message)
    assert message["From"] == "Ada Lovelace <noreply@vector.test>"
    assert message["Reply-To"] == "Ada Lovelace <ada@example.org>"
    assert message["Bcc"] is None and message["Subject"] == "Line one  Bcc: evil@example.com"
    assert message["Message-ID"] == built.message_id and built.message_id.endswith("@vector.test>")
    html = message.get_body(("html",)).get_content()
    assert "&lt;b&gt;there&lt;/b&gt;" in html and "<em>you</em>" in html
    assert message.get_body(("plain",)).get_content().startswith("Hello <b>there</b> & *you*")
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "r.csv" and attachment.get_payload(decode=True) == b"a,b\n1,2\n"
    assert b"\r\n" in built.message  # SMTP line endings


def test_without_account_the_configured_name_is_used_and_no_reply_to() -> None:
    built = build_message(EmailDraft(("bob@example.com",), "S", "B"), from_address="Vector <noreply@vector.test>")
    message = _parse(built.message)
    assert message["From"] == "Vector <noreply@vector.test>" and message["Reply-To"] is None


def test_missing_from_and_bad_addresses_are_refused_with_a_sentence() -> None:
    with pytest.raises(EmailNotConfiguredError, match="DEFAULT_FROM_EMAIL"):
        build_message(EmailDraft(("bob@example.com",), "S", "B"), from_address="")
    with pytest.raises(InvalidAddressError, match="“bob” is not an email address"):
        split_addresses("ann@example.com, bob")
    assert split_addresses("a@x.org; b@y.org  c@z.org") == ("a@x.org", "b@y.org", "c@z.org")
    with pytest.raises(InvalidAddressError, match="at least one recipient"):
        split_addresses("  ")


def test_security_auto_follows_the_port_and_refuses_others() -> None:
    assert resolve_security(465, "auto") == "tls"
    assert resolve_security(587, "auto") == "starttls"
    assert resolve_security(2525, "none") == "none"
    with pytest.raises(EmailNotConfiguredError, match="Port 25 is neither 465"):
        resolve_security(25, "auto")
    assert "secret" not in repr(SmtpSettings("h", 465, "tls", "u", "secret"))


def test_backoff_grows_then_stays_at_an_hour() -> None:
    assert [backoff_delay(n) for n in range(1, 9)] == [30, 60, 120, 300, 900, 3600, 3600, 3600]


@pytest.fixture
def repository(store: Any) -> Any:
    from vector_desktop.store.email_repository import EmailRepository

    return EmailRepository(store.sessions)  # type: ignore[attr-defined]


def _add(repository: Any, subject: str = "S") -> Any:
    built = build_message(EmailDraft(("bob@example.com",), subject, "B"), from_address="noreply@vector.test")
    return repository.add(built)


def test_outbox_rows_follow_the_states(repository: Any) -> None:
    first, second = _add(repository, "first"), _add(repository, "second")
    assert repository.head().id == first.id
    assert b"Subject: first" in repository.message_bytes(first.id)
    repository.mark_sending(first.id)
    assert repository.head().id == second.id  # a message being sent is not the head
    assert repository.recover_interrupted(INTERRUPTED) == 1
    cut = repository.get(first.id)
    assert cut.state is OutboxState.UNCERTAIN and cut.attempts == 1 and "may have been sent" in cut.last_error
    with pytest.raises(OutboxActionError, match="cannot be sent again"):
        repository.requeue(first.id, (OutboxState.FAILED,))
    assert repository.requeue(first.id, (OutboxState.UNCERTAIN,)).state is OutboxState.QUEUED
    repository.mark_sent(second.id, "250 OK id=1")
    listed = repository.list_messages()
    assert [(m.id, m.state) for m in listed] == [(second.id, OutboxState.SENT), (first.id, OutboxState.QUEUED)]
    repository.mark_sending(first.id)
    with pytest.raises(OutboxActionError, match="cannot be discarded"):
        repository.delete(first.id, (OutboxState.SENT,))
    repository.delete(second.id, (OutboxState.SENT,))
    assert [m.id for m in repository.list_messages()] == [first.id]
    with pytest.raises(OutboxActionError, match="no longer in the outbox"):
        repository.message_bytes(second.id)


@pytest.fixture
def email_core(app_paths: Any) -> Iterator[Any]:
    from vector_desktop.core import open_core

    core = open_core(app_paths, environ={"DEFAULT_FROM_EMAIL": "noreply@vector.test"})
    yield core
    core.close()


def test_send_email_tool_is_destructive_queues_and_is_recorded(email_core: Any) -> None:
    from vector_desktop.core_email import make_email, make_email_tools

    service = make_email(email_core)
    tools = make_email_tools(email_core, service)
    [spec] = tools.tools()
    assert spec.qualified_name == "email__send_email"
    assert spec.annotations.destructive is True and spec.annotations.read_only is False
    assert tools.connectors()[0].detail == "noreply@vector.test"

    run = asyncio.run(
        tools.call_tool(
            "email__send_email",
            {"to": "bob@example.com", "subject": "Hi", "body": "**Hello**"},
            origin="chat",
            allowed_by="you, when asked",
        )
    )
    assert run.result.text == "queued as #1" and not run.result.is_error
    [row] = service.outbox_blocking()
    assert (row.state, row.subject, row.source, row.recipients) == (
        OutboxState.QUEUED, "Hi", "ai", ("bob@example.com",)
    )  # fmt: skip
    [action] = asyncio.run(tools.history())
    assert action.tool_name == "send_email" and action.summary == "queued as #1"

    bad = asyncio.run(
        tools.call_tool(
            "email__send_email", {"to": "nobody", "subject": "x", "body": "y"}, origin="chat", allowed_by=""
        )
    )
    assert bad.result.is_error and "not an email address" in bad.result.error
    assert len(service.outbox_blocking()) == 1


def test_share_drafts() -> None:
    from vector_desktop.services.email.shares import ShareComposer

    async def conversation(conversation_id: str) -> tuple[str, str]:
        return f"Title {conversation_id}", "# Title\n\nText"

    composer = ShareComposer(conversation, lambda key: f"https://r2.example/{key}?X-Amz-Expires=86400")
    shared = asyncio.run(composer.conversation("c1"))
    assert (shared.subject, shared.body, shared.source) == ("Title c1", "# Title\n\nText", "conversation")
    link = asyncio.run(composer.file("reports/q_1.pdf"))
    assert link.subject == "q_1.pdf" and "<https://r2.example/reports/q_1.pdf?X-Amz-Expires=86400>" in link.body
    assert "24 hours" in link.body and "q\\_1\\.pdf" in link.body
    csv = composer.csv("orders", b"id\n1\n", note="Only the first 10000 rows are attached.")
    assert csv.attachments[0].filename == "orders.csv" and csv.attachments[0].content_type == "text/csv"
    assert "Only the first 10000 rows" in csv.body and csv.source == "query"


def test_the_policy_engine_asks_for_send_email_even_when_set_to_auto(store: Any) -> None:
    from vector_desktop.domain.tool_policy import DecisionKind, Policy
    from vector_desktop.services.email.email_tools import EmailTools
    from vector_desktop.services.tool_policy.engine import PolicyEngine
    from vector_desktop.store.tool_policy_repository import ToolPolicyRepository

    class NoEmail:
        def from_address(self) -> str:
            return "noreply@vector.test"

    [spec] = EmailTools(NoEmail(), actions=None).tools()  # type: ignore[arg-type]
    engine = PolicyEngine(ToolPolicyRepository(store.sessions))  # type: ignore[attr-defined]
    engine.reload()
    asked = engine.decide(spec, {"to": "a@b.co"}, conversation_id="c1")
    assert asked.kind is DecisionKind.ASK and asked.reason == "destructive tool"
    engine.set_tool_policy("email", "send_email", Policy.AUTO)
    assert engine.decide(spec, {}, conversation_id="c1").kind is DecisionKind.ASK
