"""Build a message once (its Message-ID and bytes never change between attempts): From the configured address with
the signed-in user's name, Reply-To the user's address, the Markdown body as text/plain with an HTML alternative
rendered like the export (raw HTML in the Markdown is escaped, never passed through), and attachments."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid, parseaddr

from vector_desktop.domain.account import AccountProfile
from vector_desktop.domain.email import (
    Attachment,
    EmailDraft,
    InvalidAddressError,
    NewOutboxMessage,
    clean_address,
)

HTML_PAGE = (
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title></head>\n'
    '<body style="font-family: -apple-system, Segoe UI, Helvetica, Arial, sans-serif; line-height: 1.5">\n'
    "{body}</body></html>\n"
)


def render_html(markdown: str, title: str = "") -> str:
    from html import escape

    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(["table", "strikethrough"])
    return HTML_PAGE.format(title=escape(title), body=parser.render(markdown))


def _address(text: str, display_name: str = "") -> Address:
    local, _, domain = clean_address(text).rpartition("@")
    return Address(display_name=display_name, username=local, domain=domain)


def build_message(
    draft: EmailDraft,
    *,
    from_address: str,
    identity: AccountProfile | None = None,
) -> NewOutboxMessage:
    """The message as it will be sent, every time it is tried."""
    if not from_address:
        from vector_desktop.domain.email import EmailNotConfiguredError

        raise EmailNotConfiguredError("No From address is set. Set DEFAULT_FROM_EMAIL in Settings → Email.")
    sender = clean_address(from_address)
    recipients = tuple(clean_address(t) for t in draft.to)
    if not recipients:
        raise InvalidAddressError("Give at least one recipient.")
    configured_name = parseaddr(from_address)[0]
    name = identity.display_name if identity is not None else configured_name
    message = EmailMessage(policy=SMTP)
    message["From"] = _address(sender, name)
    message["To"] = [_address(r) for r in recipients]
    if identity is not None and identity.email:
        with contextlib.suppress(InvalidAddressError):  # an unusable profile address: replies go to From
            message["Reply-To"] = _address(identity.email, identity.display_name)
    message["Subject"] = draft.subject.replace("\r", " ").replace("\n", " ")
    message["Date"] = formatdate(localtime=True)
    message_id = make_msgid(domain=sender.rpartition("@")[2])
    message["Message-ID"] = message_id
    message["X-Mailer"] = "Vector Desktop"
    body = draft.body if draft.body.endswith("\n") else draft.body + "\n"
    message.set_content(body, subtype="plain", cte="quoted-printable")
    message.add_alternative(render_html(body, draft.subject), subtype="html", cte="quoted-printable")
    tokens = _attach(message, draft.attachments)
    return NewOutboxMessage(
        source=draft.source,
        message_id=message_id,
        sender=sender,
        recipients=recipients,
        subject=draft.subject,
        message=_splice(message.as_bytes(), tokens),
    )


def _attach(message: EmailMessage, attachments: Sequence[Attachment]) -> dict[bytes, bytes]:
    """Attachments get a placeholder body, replaced by their base64 after the message is generated: the email
    package's generator splits a large body with one regular expression that holds the GIL for ~200 ms per 10 MB,
    which would stall the GUI thread while a share is queued."""
    tokens: dict[bytes, bytes] = {}
    for attachment in attachments:
        maintype, _, subtype = (attachment.content_type or "application/octet-stream").partition("/")
        message.add_attachment(b"", maintype=maintype, subtype=subtype or "octet-stream", filename=attachment.filename)
        token = f"vector-attachment-{secrets.token_hex(16)}"
        *_earlier, part = message.iter_parts()  # the part just added
        part.set_payload(token)
        tokens[token.encode("ascii")] = attachment.data
    return tokens


def _splice(generated: bytes, tokens: dict[bytes, bytes]) -> bytes:
    pieces = [generated]
    for token, data in tokens.items():
        head, _, tail = pieces.pop().partition(token + b"\r\n")
        pieces.extend([head, *_base64_lines(data), tail])
    return b"".join(pieces)


def _base64_lines(data: bytes, chunk: int = 57 * 1024) -> list[bytes]:
    """base64 in 76-character CRLF lines, a piece at a time (57 bytes make one line)."""
    import base64

    view = memoryview(data)
    return [base64.encodebytes(view[i : i + chunk]).replace(b"\n", b"\r\n") for i in range(0, len(data), chunk)]
