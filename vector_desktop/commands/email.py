"""`vector-desktop email ...`: send mail and look at the outbox on the command line (no Qt).

    vector-desktop email [--profile DIR] test TO                        a test message to TO
    vector-desktop email send TO --subject S (--body TEXT | --conversation ID)
    vector-desktop email outbox [--json]      id, state, to, subject, attempts, next try, last reply

`test` and `send` store the message in the outbox first, then try to send what waits, in order, in this process;
they print "sent (queue id …)" or "waiting in the outbox: <reason>" (exit 0: the message is safe in the outbox and
is sent by the app's worker or the next `email` command) or "failed: <reply>" (exit 1). --body - reads stdin.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vector_desktop.core import Core
    from vector_desktop.domain.email import EmailDraft, OutboxMessage


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "email",
        parents=[common],
        help="send email through your SMTP server and list the outbox",
        description="Email through EMAIL_HOST (Resend's SMTP by default), from DEFAULT_FROM_EMAIL.",
    )
    actions = parser.add_subparsers(dest="email_action", metavar="ACTION", required=True)
    test = actions.add_parser("test", parents=[common], help="send a test message")
    test.add_argument("to", metavar="TO")
    send = actions.add_parser("send", parents=[common], help="send a message (Markdown body) or a conversation")
    send.add_argument("to", metavar="TO", help="recipient(s), separated by commas")
    send.add_argument("--subject", "-s", default=None, metavar="S")
    body = send.add_mutually_exclusive_group(required=True)
    body.add_argument("--body", default=None, metavar="TEXT", help="the message in Markdown (- reads stdin)")
    body.add_argument("--conversation", default=None, metavar="ID", help="a conversation, as exported in Markdown")
    outbox = actions.add_parser("outbox", parents=[common], help="list what waits, what was sent, and why")
    outbox.add_argument("--json", action="store_true", help="print the rows as JSON lines")
    parser.set_defaults(handler=handle)


def handle(core: Core, args: argparse.Namespace) -> int:
    from vector_desktop.core_email import make_email

    service = make_email(core)
    try:
        if args.email_action == "outbox":
            return _outbox(service.outbox_blocking(), args.json)
        draft = service.test_draft(args.to) if args.email_action == "test" else _draft(core, args)
        queued = service.queue_blocking(draft)
        print(f"queued as #{queued.id}", file=sys.stderr, flush=True)
        after = service.send_pending_blocking(queued.id, due_now=True)
        if after is None and not service.worker.hold_lock():
            print("waiting in the outbox: the app, which is running on this profile, sends it", flush=True)
            return 0
        return _report(after or queued)
    finally:
        service.close()


def _draft(core: Core, args: argparse.Namespace) -> EmailDraft:
    from vector_desktop.core_email import conversation_markdown
    from vector_desktop.domain.email import EmailDraft, split_addresses

    to = split_addresses(args.to)
    if args.conversation:
        title, text = conversation_markdown(core)(args.conversation)
        return EmailDraft(to=to, subject=args.subject or title, body=text, source="cli")
    body = sys.stdin.read() if args.body == "-" else args.body
    return EmailDraft(to=to, subject=args.subject or "", body=body, source="cli")


def _report(message: OutboxMessage) -> int:
    from vector_desktop.domain.email import OutboxState

    if message.state is OutboxState.SENT:
        print(f"sent (queue id {message.queue_id})", flush=True)
        return 0
    if message.state is OutboxState.QUEUED:
        reason = message.last_error or "an older message is sent first"
        print(f"waiting in the outbox: {_one_line(reason)}", flush=True)
        return 0
    print(f"{message.state.value}: {_one_line(message.last_error)}", flush=True)
    return 1


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _when(message: OutboxMessage) -> str:
    if message.next_attempt_at is None:
        return "-"
    return message.next_attempt_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _outbox(messages: list[OutboxMessage], as_json: bool) -> int:
    import json

    for m in messages:
        if as_json:
            row = {
                "id": m.id, "state": m.state.value, "to": list(m.recipients), "subject": m.subject,
                "size": m.size, "attempts": m.attempts,
                "next_attempt_at": m.next_attempt_at.isoformat() if m.next_attempt_at else None,
                "last_code": m.last_code, "last_reply": m.last_error, "queue_id": m.queue_id,
            }  # fmt: skip
            print(json.dumps(row, ensure_ascii=False))
        else:
            reply = m.queue_id if m.state.value == "sent" else m.last_error
            fields = [str(m.id), m.state.value, m.to_text, m.subject, str(m.attempts), _when(m), _one_line(reply)]
            print("\t".join(f.replace("\t", " ") for f in fields))
    sys.stdout.flush()
    return 0
