"""One SMTP delivery with the standard library (blocking: run it in a worker thread).

Port 465 is implicit TLS, 587 STARTTLS (required: a server that does not offer it is refused, never a silent
downgrade), the certificate checked against the system store. MAIL, RCPT and DATA are sent by hand so that the
server's reply to the message (its queue id) is kept. Failures become TemporaryEmailError (4xx, the server
unreachable, reset, timeout) or PermanentEmailError (5xx, refused recipient or login) with the server's reply,
scrubbed; a connection lost after the message was handed over is UncertainDeliveryError.
"""

from __future__ import annotations

import re
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vector_desktop.domain.email import (
    EmailAuthError,
    EmailError,
    EmailNotConfiguredError,
    PermanentEmailError,
    TemporaryEmailError,
    UncertainDeliveryError,
)

if TYPE_CHECKING:
    import smtplib

SECURITIES = ("tls", "starttls", "none")
TIMEOUT_S = 60.0


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # tls | starttls | none (resolved: never "auto")
    user: str = ""
    password: str = ""
    timeout_s: float = TIMEOUT_S

    def __repr__(self) -> str:  # never the password
        return f"SmtpSettings(host={self.host!r}, port={self.port}, security={self.security!r}, user={self.user!r})"


def resolve_security(port: int, security: str) -> str:
    """auto: 465 → implicit TLS, 587 → STARTTLS; any other port only with an explicit choice."""
    if security in SECURITIES:
        return security
    if port == 465:
        return "tls"
    if port == 587:
        return "starttls"
    raise EmailNotConfiguredError(
        f"Port {port} is neither 465 (TLS) nor 587 (STARTTLS). Choose the SMTP security in Settings → Email "
        "(tls, starttls, or none to send unencrypted)."
    )


def settings_from_config(config: Any) -> SmtpSettings:
    """Read the EMAIL_* settings (the password from the keychain: blocking)."""
    host = str(config.get("EMAIL_HOST") or "").strip()
    if not host:
        raise EmailNotConfiguredError("No SMTP server is set. Set EMAIL_HOST in Settings → Email.")
    port = int(config.get("EMAIL_PORT"))
    security = resolve_security(port, str(config.get("EMAIL_SECURITY") or "auto"))
    return SmtpSettings(
        host=host,
        port=port,
        security=security,
        user=str(config.get("EMAIL_HOST_USER") or ""),
        password=str(config.get("EMAIL_HOST_PASSWORD") or ""),
    )


class SmtpSender:
    """Implements domain.email.MailSender. `ssl_context` defaults to the system store (tests give their own);
    `scrub(text)` cleans server replies (the password is removed in any case)."""

    def __init__(
        self,
        settings: SmtpSettings,
        *,
        ssl_context: ssl.SSLContext | None = None,
        scrub: Callable[[str], str] = str,
        local_hostname: str | None = None,
    ) -> None:
        self.settings = settings
        self._context = ssl_context
        self._scrub = scrub
        self._local_hostname = local_hostname

    def _clean(self, text: str) -> str:
        text = self._scrub(text)
        if self.settings.password and len(self.settings.password) >= 3:
            text = text.replace(self.settings.password, "[REDACTED]")
        return text.strip()

    def _context_or_default(self) -> ssl.SSLContext:
        return self._context or ssl.create_default_context()

    def send(self, sender: str, recipients: tuple[str, ...], message: bytes, before_data: Callable[[], None]) -> str:
        handed_over = False
        try:
            smtp = self._connect()
            try:
                self._login(smtp)
                self._envelope(smtp, sender, recipients)
                before_data()
                handed_over = True
                code, reply = _data(smtp, message)
                if code != 250:  # smtplib.data returns the final reply without checking it
                    raise self._reply_error(code, reply, "did not accept the message")
                return self._clean(f"{code} {_text(reply)}")
            finally:
                _quit(smtp)
        except EmailError:
            raise
        except Exception as error:  # smtplib, ssl and socket errors: say what it means for the message
            raise self._classify(error, handed_over) from None

    # ------------------------------------------------------------------------------------------------ steps

    def _connect(self) -> smtplib.SMTP:
        import smtplib

        s = self.settings
        if s.security == "tls":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                s.host, s.port, local_hostname=self._local_hostname, timeout=s.timeout_s,
                context=self._context_or_default(),
            )  # fmt: skip
        else:
            smtp = smtplib.SMTP(s.host, s.port, local_hostname=self._local_hostname, timeout=s.timeout_s)
        try:
            smtp.ehlo()
            if s.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise PermanentEmailError(
                        f"{s.host} does not offer STARTTLS on port {s.port}, so the mail was not sent unencrypted. "
                        "Use port 465 (TLS) or check the server."
                    )
                smtp.starttls(context=self._context_or_default())
                smtp.ehlo()
        except BaseException:
            _quit(smtp)
            raise
        return smtp

    def _login(self, smtp: smtplib.SMTP) -> None:
        import smtplib

        s = self.settings
        if not s.password:
            return
        try:
            smtp.login(s.user, s.password)
        except smtplib.SMTPAuthenticationError as error:
            reply = self._clean(f"{error.smtp_code} {_text(error.smtp_error)}")
            raise EmailAuthError(
                f"{s.host} refused the user name or password ({reply}). Check EMAIL_HOST_USER and "
                "EMAIL_HOST_PASSWORD in Settings → Email.",
                code=error.smtp_code,
                reply=reply,
            ) from None
        except smtplib.SMTPNotSupportedError:
            raise PermanentEmailError(
                f"{s.host} does not accept a login on this connection. Check the port and security in Settings → Email."
            ) from None

    def _envelope(self, smtp: smtplib.SMTP, sender: str, recipients: tuple[str, ...]) -> None:
        code, reply = smtp.mail(sender)
        if code != 250:
            raise self._reply_error(code, reply, f"refused the sender {sender}")
        for recipient in recipients:
            code, reply = smtp.rcpt(recipient)
            if code not in (250, 251):
                raise self._reply_error(code, reply, f"refused the recipient {recipient}")

    # ------------------------------------------------------------------------------------------------ errors

    def _reply_error(self, code: int, reply: bytes | str, what: str) -> EmailError:
        text = self._clean(f"{code} {_text(reply)}")
        host = self.settings.host
        if 400 <= code < 500:
            return TemporaryEmailError(
                f"{host} {what} for now ({text}); it will be tried again.", code=code, reply=text
            )
        return PermanentEmailError(f"{host} {what} ({text}).", code=code, reply=text)

    def _classify(self, error: Exception, handed_over: bool) -> EmailError:
        import smtplib

        host, port = self.settings.host, self.settings.port
        if isinstance(error, smtplib.SMTPResponseException):
            what = "did not accept the message" if handed_over else "refused the connection"
            return self._reply_error(error.smtp_code, error.smtp_error, what)
        if handed_over:
            return UncertainDeliveryError(
                f"The connection to {host} ended before it confirmed the message. It may have been sent: check "
                "with the recipient, then choose Send again or Discard."
            )
        if isinstance(error, ssl.SSLCertVerificationError):
            detail = self._clean(error.verify_message or str(error))
            return PermanentEmailError(
                f"The certificate of {host} could not be verified ({detail}); the mail was not sent.", reply=detail
            )
        if isinstance(error, ConnectionRefusedError):
            return TemporaryEmailError(f"{host} refused the connection on port {port}; it will be tried again.")
        if isinstance(error, socket.gaierror):
            return TemporaryEmailError(f"{host} could not be found (offline?); it will be tried again.")
        if isinstance(error, TimeoutError | socket.timeout):
            return TemporaryEmailError(f"{host} did not answer in time; it will be tried again.")
        if isinstance(error, smtplib.SMTPServerDisconnected | ConnectionError):
            return TemporaryEmailError(f"The connection to {host} was closed; it will be tried again.")
        detail = self._clean(str(error)) or type(error).__name__
        return TemporaryEmailError(f"{host} could not be reached ({detail}); it will be tried again.")


CHUNK = 64 * 1024
_LEADING_DOT = re.compile(rb"(?m)^\.")


def _data(smtp: smtplib.SMTP, message: bytes) -> tuple[int, bytes]:
    """DATA with the message sent in pieces: smtplib.data() runs two regular expressions over the whole message,
    holding the GIL for hundreds of milliseconds on a 10 MB attachment (the GUI thread would stall). The message is
    built with CRLF line ends (policy SMTP), so only the dot-stuffing is left, done a piece at a time."""
    import smtplib

    smtp.putcmd("data")
    code, reply = smtp.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    start = 0
    while start < len(message):
        end = message.find(b"\r\n", min(start + CHUNK, len(message)))  # pieces end at a line end
        end = len(message) if end < 0 else end + 2
        smtp.send(_LEADING_DOT.sub(b"..", message[start:end]))
        start = end
    smtp.send(b".\r\n" if message.endswith(b"\r\n") else b"\r\n.\r\n")
    return smtp.getreply()


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _quit(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except Exception:
        smtp.close()
