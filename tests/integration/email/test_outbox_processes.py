"""The outbox across processes: `vector-desktop email test|send|outbox`, and kill -9 of a process with mail in the
outbox (sent on the next start, once) or while the server holds the reply to DATA (then `uncertain`, not resent).

The child processes get the server's settings in their environment and trust the test certificate through
SSL_CERT_FILE (the system store's variable), as a user's machine would trust a real server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from tests.support.smtp_server import PASSWORD, SmtpServer
from vector_desktop.domain.email import OutboxState

# Runs the CLI with the `email` command registered (a no-op once the lead adds it to COMMAND_MODULES).
CLI = (
    "import sys, vector_desktop.commands as c\n"
    "name = 'vector_desktop.commands.email'\n"
    "c.COMMAND_MODULES = c.COMMAND_MODULES + (() if name in c.COMMAND_MODULES else (name,))\n"
    "from vector_desktop.app import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)
# Queues one message, then either stays idle (mode "idle") or tries to send it (mode "send").
CHILD = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from vector_desktop.core import open_core\n"
    "from vector_desktop.core_email import make_email\n"
    "from vector_desktop.domain.email import EmailDraft\n"
    "from vector_desktop.paths import resolve_paths\n"
    "core = open_core(resolve_paths(Path(sys.argv[1])))\n"
    "service = make_email(core)\n"
    "queued = service.queue_blocking(EmailDraft(to=('bob@example.com',), subject='From the child', body='Hi'))\n"
    "print('queued', queued.id, flush=True)\n"
    "if sys.argv[2] == 'send':\n"
    "    service.send_pending_blocking(queued.id)\n"
    "time.sleep(600)\n"
)


def _env(server: SmtpServer, **changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    env.update(server.settings(**changes))
    env["SSL_CERT_FILE"] = str(server.cert)
    return env


def _cli(server: SmtpServer, profile: Path, *args: str, **changes: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLI, "email", "--profile", str(profile), *args],
        env=_env(server, **changes),
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def _child(server: SmtpServer, profile: Path, mode: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(profile), mode],
        env=_env(server),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.startswith("queued"), child.stderr.read() if child.stderr else line
    return child


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.wait(30)
    for stream in (child.stdout, child.stderr):
        if stream is not None:
            stream.close()


def test_cli_test_send_and_outbox(smtp_tls: SmtpServer, profile_dir: Path) -> None:
    tested = _cli(smtp_tls, profile_dir, "test", "ada@example.org")
    assert tested.returncode == 0, tested.stderr
    assert tested.stdout.startswith("sent (queue id 250 2.0.0 OK queued as TEST0001)")

    sent = _cli(smtp_tls, profile_dir, "send", "bob@example.com", "--subject", "Hello", "--body", "**Hi** Bob")
    assert sent.returncode == 0, sent.stderr
    assert "sent (queue id" in sent.stdout
    last = smtp_tls.received[-1].message
    assert last["Subject"] == "Hello" and last["To"] == "bob@example.com"
    assert "<strong>Hi</strong>" in last.get_body(("html",)).get_content()  # type: ignore[union-attr]

    listed = _cli(smtp_tls, profile_dir, "outbox")
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("2", "sent", "bob@example.com", "Hello", "1"),
        ("1", "sent", "ada@example.org", "Vector Desktop test email", "1"),
    ]
    for result in (tested, sent, listed):
        assert PASSWORD not in result.stdout + result.stderr


def test_cli_send_while_the_server_is_down_waits_then_goes_with_the_next_command(
    tmp_path: Path, profile_dir: Path
) -> None:
    server = SmtpServer(tmp_path / "smtp", "tls")  # not started yet
    waiting = _cli(server, profile_dir, "send", "bob@example.com", "--subject", "Later", "--body", "text")
    assert waiting.returncode == 0, waiting.stderr
    assert waiting.stdout.startswith("waiting in the outbox: 127.0.0.1 refused the connection")
    listed = _cli(server, profile_dir, "outbox")
    [row] = [line.split("\t") for line in listed.stdout.splitlines()]
    assert row[1] == "queued" and row[4] == "1" and row[5] != "-" and "refused the connection" in row[6]

    server.start()
    try:
        # The next command sends what waits first, in order, then its own message.
        now = _cli(server, profile_dir, "send", "carol@example.com", "--subject", "Now", "--body", "x")
        assert now.returncode == 0, now.stderr
        assert now.stdout.startswith("sent (queue id 250 2.0.0 OK queued as TEST0002)")
    finally:
        server.stop()
    assert [r.message["Subject"] for r in server.received] == ["Later", "Now"]
    listed = _cli(server, profile_dir, "outbox")
    assert [line.split("\t")[1] for line in listed.stdout.splitlines()] == ["sent", "sent"]


def test_kill_with_mail_in_the_outbox_sends_it_on_the_next_start_once(
    smtp_tls: SmtpServer, profile_dir: Path, open_email: Any
) -> None:
    child = _child(smtp_tls, profile_dir, "idle")
    _kill(child)
    assert smtp_tls.received == []

    _core, service = open_email(smtp_tls)
    [row] = service.outbox_blocking()
    assert row.state is OutboxState.QUEUED
    assert service.send_pending_blocking(row.id).state is OutboxState.SENT
    assert service.send_pending_blocking(row.id).state is OutboxState.SENT
    assert len(smtp_tls.received) == 1 and smtp_tls.received[0].message["Subject"] == "From the child"


def test_kill_while_the_server_holds_the_data_reply_leaves_it_uncertain(
    smtp_tls: SmtpServer, profile_dir: Path, open_email: Any
) -> None:
    import asyncio

    release = threading.Event()
    smtp_tls.script.hold_data = release
    child = _child(smtp_tls, profile_dir, "send")
    try:
        assert smtp_tls.script.held.wait(60), "the child never reached DATA"
        _kill(child)
    finally:
        release.set()
    deadline = time.monotonic() + 30
    while len(smtp_tls.received) < 1 and time.monotonic() < deadline:
        time.sleep(0.05)

    _core, service = open_email(smtp_tls)
    service.send_pending_blocking()  # what the app and the CLI do first: rows cut by a crash become uncertain
    [row] = service.outbox_blocking()
    assert row.state is OutboxState.UNCERTAIN and row.attempts == 1
    assert "may have been sent" in row.last_error
    assert len(smtp_tls.received) == 1  # not resent by itself

    asyncio.run(service.send_again(row.id))  # the user chose "Send again"
    assert service.send_pending_blocking(row.id).state is OutboxState.SENT
    assert len(smtp_tls.received) == 2


def test_cli_sends_a_conversation_and_reports_a_refused_login(
    smtp_tls: SmtpServer, profile_dir: Path, app_paths: Any
) -> None:
    from vector_desktop.domain.chat import Role
    from vector_desktop.store.chat_repository import ChatRepository
    from vector_desktop.store.engine import open_store

    opened = open_store(app_paths.store_file, app_paths.backup_dir)
    try:
        repo = ChatRepository(opened.sessions)
        conversation = repo.create_conversation(title="Budget", model="openai/gpt-4o")
        repo.add_message(conversation.id, Role.USER, "Total?")
        repo.add_message(conversation.id, Role.ASSISTANT, "It is **1,200 €**.")
    finally:
        opened.dispose()
    sent = _cli(smtp_tls, profile_dir, "send", "bob@example.com", "--conversation", conversation.id)
    assert sent.returncode == 0, sent.stderr
    message = smtp_tls.received[-1].message
    assert message["Subject"] == "Budget"
    assert "It is **1,200 €**." in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]

    refused = _cli(smtp_tls, profile_dir, "test", "ada@example.org", EMAIL_HOST_PASSWORD="wrong-Password-42")
    assert refused.returncode == 1
    assert refused.stdout.startswith("failed: 127.0.0.1 refused the user name or password (535")
    assert "wrong-Password-42" not in refused.stdout + refused.stderr
    missing = _cli(smtp_tls, profile_dir, "send", "bob@example.com", "--conversation", "nope")
    assert missing.returncode == 1 and missing.stderr.strip() == (
        "vector-desktop: There is no conversation with the id nope."
    )


def test_a_command_beside_a_process_that_is_sending_leaves_the_outbox_to_it(
    smtp_tls: SmtpServer, profile_dir: Path
) -> None:
    """The app (here a child process) is between DATA and the server's reply when the user runs `email send`: the
    command neither takes the app's row for one cut by a crash nor sends anything itself; it says who sends. Once
    the app is gone, the next command sends what waits, each message once."""
    release = threading.Event()
    smtp_tls.script.hold_data = release
    child = _child(smtp_tls, profile_dir, "send")
    try:
        assert smtp_tls.script.held.wait(60), "the child never reached DATA"
        beside = _cli(smtp_tls, profile_dir, "send", "carol@example.com", "--subject", "Beside", "--body", "x")
        assert beside.returncode == 0, beside.stderr
        assert beside.stdout.startswith("waiting in the outbox: the app, which is running on this profile, sends it")
        release.set()
        deadline = time.monotonic() + 30
        while len(smtp_tls.received) < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        listed = _cli(smtp_tls, profile_dir, "outbox")
        rows = {line.split("\t")[0]: line.split("\t")[1] for line in listed.stdout.splitlines()}
        assert rows == {"1": "sent", "2": "queued"}, listed.stdout
    finally:
        release.set()
        _kill(child)
    after = _cli(smtp_tls, profile_dir, "send", "dave@example.com", "--subject", "After", "--body", "y")
    assert after.returncode == 0 and "sent (queue id" in after.stdout, after.stdout + after.stderr
    assert [r.message["Subject"] for r in smtp_tls.received] == ["From the child", "Beside", "After"]
