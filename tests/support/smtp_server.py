"""A real SMTP server for the email tests: aiosmtpd on 127.0.0.1 with implicit TLS (port-465 style) or STARTTLS
required (port-587 style), AUTH with a password, a test certificate made here (self-signed for 127.0.0.1 and
localhost; clients trust it through `client_context()`), and scriptable replies: 4xx once then OK, 5xx, a refused
recipient, and a DATA reply held back (for the crash tests)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import ipaddress
import socket
import ssl
import threading
from collections import deque
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER = "resend"
PASSWORD = "re_test_Sup3rSecretKey"


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost: (cert.pem, key.pem)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    accepted: bool = False

    @property
    def message(self) -> EmailMessage:
        return email.message_from_bytes(self.data, policy=email.policy.default)  # type: ignore[return-value]


@dataclass
class SmtpScript:
    """What the server answers. Replies in `data_replies` are used once each, in order, before the normal 250."""

    data_replies: deque[str] = field(default_factory=deque)
    refused_recipients: set[str] = field(default_factory=set)
    hold_data: threading.Event | None = None  # when set to an Event, DATA's reply waits until it is set
    held: threading.Event = field(default_factory=threading.Event)  # set once a DATA reply is being held


class RecordingHandler:
    def __init__(self, script: SmtpScript) -> None:
        self.script = script
        self.received: list[Received] = []
        self.logins: list[str] = []
        self._count = 0
        self._lock = threading.Lock()

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.script.refused_recipients:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        import asyncio

        record = Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content or b""))
        with self._lock:
            self.received.append(record)
        if self.script.hold_data is not None:
            self.script.held.set()
            while not self.script.hold_data.is_set():
                await asyncio.sleep(0.02)
        if self.script.data_replies:
            return self.script.data_replies.popleft()
        with self._lock:
            self._count += 1
            record.accepted = True
            return f"250 2.0.0 OK queued as TEST{self._count:04d}"

    @property
    def accepted(self) -> list[Received]:
        return [r for r in self.received if r.accepted]


class _Controller(Controller):
    def factory(self) -> Any:
        import warnings

        with warnings.catch_warnings():  # implicit TLS: aiosmtpd warns about AUTH "without TLS" (it is TLS already)
            warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS")
            return super().factory()


class SmtpServer:
    """`mode`: "tls" (implicit TLS) or "starttls" (required) or "plain" (no TLS, for the `none` setting)."""

    def __init__(self, folder: Path, mode: str = "tls", port: int | None = None) -> None:
        self.mode = mode
        self.cert, self.key = make_certificate(folder / "certs")
        self.port = port or free_port()
        self.script = SmtpScript()
        self.handler = RecordingHandler(self.script)
        self._controller: _Controller | None = None

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        return context

    def client_context(self) -> ssl.SSLContext:
        """What the app is given instead of the system store: trusts only the test certificate."""
        return ssl.create_default_context(cafile=str(self.cert))

    def _authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login.decode() == USER and data.password.decode() == PASSWORD
        if ok:
            self.handler.logins.append(data.login.decode())
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd sends the 535 itself

    def start(self) -> SmtpServer:
        kwargs: dict[str, Any] = {
            "hostname": "127.0.0.1",
            "port": self.port,
            "authenticator": self._authenticate,
            "auth_required": True,
            "server_hostname": "localhost",
        }
        if self.mode == "tls":
            kwargs["ssl_context"] = self.server_context()
            kwargs["auth_require_tls"] = False  # aiosmtpd counts only STARTTLS as TLS; this socket is TLS already
        elif self.mode == "starttls":
            kwargs["tls_context"] = self.server_context()
            kwargs["require_starttls"] = True
        else:
            kwargs["auth_require_tls"] = False
        self._controller = _Controller(self.handler, **kwargs)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            if self.script.hold_data is not None:
                self.script.hold_data.set()
            self._controller.stop()
            self._controller = None

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def settings(self, **changes: Any) -> dict[str, str]:
        """Environment values that point the app at this server."""
        security = {"tls": "tls", "starttls": "starttls", "plain": "none"}[self.mode]
        values = {
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.port),
            "EMAIL_SECURITY": security,
            "EMAIL_HOST_USER": USER,
            "EMAIL_HOST_PASSWORD": PASSWORD,
            "DEFAULT_FROM_EMAIL": "Vector <noreply@vector.test>",
        }
        values.update({k: str(v) for k, v in changes.items()})
        return values
