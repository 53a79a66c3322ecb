"""A loopback stand-in for Google's OAuth server (http.server in a thread), and a "fake browser" that follows its
redirect to the app's loopback listener.

    /auth     checks client_id, redirect_uri (a loopback one), response_type=code, scope "openid email profile",
              a PKCE S256 challenge; redirects back with code+state, or error=access_denied when told to deny
    /token    authorization_code: client secret (invalid_client), the PKCE verifier against the challenge,
              redirect_uri (redirect_uri_mismatch); refresh_token grant (a revoked token → invalid_grant)
    /certs    the test key's certificate as Google's v1 certs ({kid: PEM})
    /revoke   marks a token revoked and records it
    /picture.png  the profile picture

ID tokens are RS256-signed with an RSA key made for the run. Knobs: deny, wrong_state, expired, audience,
issuer, clock_offset, registered_redirects. `stop()`/`start()` keep the state (offline, then back online).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import secrets
import struct
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import requests

CLIENT_ID = "test-client.apps.googleusercontent.com"
CLIENT_SECRET = "test-secret-9f8e7d"
GOOGLE_SCOPES = "openid https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile"


def tiny_png(rgb: tuple[int, int, int] = (200, 40, 40), size: int = 4) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _test_key() -> tuple[str, str]:
    """(private key PEM, self-signed certificate PEM) made for this run."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fake-google")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .sign(key, hashes.SHA256())
    )
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return private, cert.public_bytes(serialization.Encoding.PEM).decode()


@dataclass
class User:
    sub: str = "110248495921238986420"
    email: str = "ada@example.com"
    name: str = "Ada Lovelace"
    given_name: str = "Ada"


@dataclass
class Grant:
    client_id: str
    redirect_uri: str
    challenge: str
    nonce: str


@dataclass
class FakeGoogle:
    client_id: str = CLIENT_ID
    client_secret: str = CLIENT_SECRET
    user: User = field(default_factory=User)
    # knobs
    deny: bool = False
    wrong_state: bool = False
    expired: bool = False
    audience: str = ""  # "" = the client id
    issuer: str = "https://accounts.google.com"
    clock_offset: float = 0.0  # seconds Google's clock is ahead of this computer's
    registered_redirects: list[str] | None = None
    # what the server saw
    auth_requests: list[dict[str, str]] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    revoked: list[str] = field(default_factory=list)
    refresh_tokens: set[str] = field(default_factory=set)
    issued_id_tokens: list[str] = field(default_factory=list)
    issued_access_tokens: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.kid = secrets.token_hex(8)
        self.private_pem, self.cert_pem = _test_key()
        self._grants: dict[str, Grant] = {}
        self._lock = threading.Lock()
        self.port = 0
        self._server: ThreadingHTTPServer | None = None
        self.picture = tiny_png()

    # ------------------------------------------------------------------------------------------ server

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def endpoints(self) -> Any:
        from vector_desktop.services.account.endpoints import GoogleEndpoints

        return GoogleEndpoints(
            auth_uri=f"{self.base}/auth",
            token_uri=f"{self.base}/token",
            certs_uri=f"{self.base}/certs",
            revoke_uri=f"{self.base}/revoke",
        )

    def start(self) -> FakeGoogle:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                fake._get(self)

            def do_POST(self) -> None:
                fake._post(self)

        ThreadingHTTPServer.allow_reuse_address = True
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()

    # ------------------------------------------------------------------------------------------ tokens

    def id_token(self, nonce: str = "") -> str:
        from google.auth import crypt, jwt

        now = int(time.time() + self.clock_offset)
        issued = now - 3 * 3600 if self.expired else now
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": self.audience or self.client_id,
            "azp": self.client_id,
            "sub": self.user.sub,
            "email": self.user.email,
            "email_verified": True,
            "name": self.user.name,
            "given_name": self.user.given_name,
            "picture": f"{self.base}/picture.png",
            "iat": issued,
            "exp": issued + 3600,
        }
        if nonce:
            claims["nonce"] = nonce
        signer = crypt.RSASigner.from_string(self.private_pem, key_id=self.kid)
        token = jwt.encode(signer, claims).decode()
        self.issued_id_tokens.append(token)
        return token

    # ------------------------------------------------------------------------------------------ handlers

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes, kind: str, **headers: str) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)

    def _json(self, handler: BaseHTTPRequestHandler, status: int, value: Any) -> None:
        self._send(handler, status, json.dumps(value).encode(), "application/json")

    def _get(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        if parts.path == "/auth":
            self._auth(handler, dict(parse_qsl(parts.query)))
        elif parts.path == "/certs":
            self._json(handler, 200, {self.kid: self.cert_pem})
        elif parts.path == "/picture.png":
            self._send(handler, 200, self.picture, "image/png")
        else:
            self._send(handler, 404, b"not found", "text/plain")

    def _auth(self, handler: BaseHTTPRequestHandler, query: dict[str, str]) -> None:
        self.auth_requests.append(query)
        redirect = query.get("redirect_uri", "")
        checks = {
            "client_id": query.get("client_id") == self.client_id,
            "redirect_uri": redirect.startswith(("http://127.0.0.1:", "http://localhost:")),
            "response_type": query.get("response_type") == "code",
            "code_challenge_method": query.get("code_challenge_method") == "S256",
            "code_challenge": len(query.get("code_challenge", "")) >= 43,
            "scope": sorted(query.get("scope", "").split()) == ["email", "openid", "profile"],
            "state": bool(query.get("state")),
        }
        failed = [name for name, ok in checks.items() if not ok]
        if failed:
            self.problems.append(f"/auth refused: {', '.join(failed)}")
            self._send(handler, 400, f"Error 400: invalid_request ({', '.join(failed)})".encode(), "text/plain")
            return
        state = "forged-state" if self.wrong_state else query["state"]
        if self.deny:
            answer = {"error": "access_denied", "state": state}
        else:
            code = "4/" + secrets.token_urlsafe(24)
            with self._lock:
                self._grants[code] = Grant(
                    query["client_id"], redirect, query["code_challenge"], query.get("nonce", "")
                )
            answer = {"code": code, "state": state, "scope": GOOGLE_SCOPES}
        self._send(handler, 302, b"", "text/plain", Location=f"{redirect}?{urlencode(answer)}")

    def _client_ok(self, handler: BaseHTTPRequestHandler, form: dict[str, str]) -> bool:
        client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        basic = handler.headers.get("Authorization", "")
        if basic.startswith("Basic "):
            client_id, _, secret = base64.b64decode(basic[6:]).decode().partition(":")
        return client_id == self.client_id and secret == self.client_secret

    def _post(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        form = dict(parse_qsl(handler.rfile.read(length).decode()))
        path = urlsplit(handler.path).path
        if path == "/token":
            self.token_requests.append(form)
            self._token(handler, form)
        elif path == "/revoke":
            token = form.get("token", "")
            if token in self.refresh_tokens:
                self.revoked.append(token)
                self.refresh_tokens.discard(token)
                self._json(handler, 200, {})
            else:
                self._json(handler, 400, {"error": "invalid_token", "error_description": "Token expired or revoked"})
        else:
            self._send(handler, 404, b"not found", "text/plain")

    def _token(self, handler: BaseHTTPRequestHandler, form: dict[str, str]) -> None:
        if not self._client_ok(handler, form):
            self._json(handler, 401, {"error": "invalid_client", "error_description": "Unauthorized"})
            return
        grant_type = form.get("grant_type")
        if grant_type == "refresh_token":
            if form.get("refresh_token") not in self.refresh_tokens:
                self._json(
                    handler, 400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
                )
                return
            self._json(handler, 200, {**self._access(), "id_token": self.id_token()})
            return
        if grant_type != "authorization_code":
            self._json(handler, 400, {"error": "unsupported_grant_type"})
            return
        with self._lock:
            grant = self._grants.pop(form.get("code", ""), None)
        if grant is None:
            self._json(handler, 400, {"error": "invalid_grant", "error_description": "Malformed auth code."})
            return
        redirect = form.get("redirect_uri", "")
        registered = self.registered_redirects
        if redirect != grant.redirect_uri or (registered is not None and redirect not in registered):
            self._json(handler, 400, {"error": "redirect_uri_mismatch", "error_description": "Bad Request"})
            return
        verifier = form.get("code_verifier", "")
        digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if digest != grant.challenge:
            self.problems.append("/token: the PKCE verifier does not match the challenge")
            self._json(handler, 400, {"error": "invalid_grant", "error_description": "Invalid code verifier."})
            return
        refresh = "1//" + secrets.token_urlsafe(32)
        self.refresh_tokens.add(refresh)
        self._json(handler, 200, {**self._access(), "refresh_token": refresh, "id_token": self.id_token(grant.nonce)})

    def _access(self) -> dict[str, Any]:
        access = "ya29." + secrets.token_urlsafe(32)
        self.issued_access_tokens.append(access)
        return {
            "access_token": access,
            "expires_in": 3599,
            "scope": GOOGLE_SCOPES,
            "token_type": "Bearer",
        }


class FakeBrowser:
    """Opens the authorization URL like a browser would: GET it, follow Google's redirect to the app's loopback
    listener (in a thread, since the app answers on its own loop) and keep the page the app shows."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.pages: list[str] = []
        self._threads: list[threading.Thread] = []

    def __call__(self, url: str) -> bool:
        self.urls.append(url)
        thread = threading.Thread(target=self._visit, args=(url,), name="fake-browser", daemon=True)
        self._threads.append(thread)
        thread.start()
        return True

    def _visit(self, url: str) -> None:
        try:
            first = requests.get(url, allow_redirects=False, timeout=30)
            if first.status_code != 302:
                self.pages.append(first.text)
                return
            self.pages.append(requests.get(first.headers["Location"], timeout=30).text)
        except requests.RequestException as error:
            self.pages.append(f"browser error: {type(error).__name__}")

    def join(self, timeout: float = 30) -> None:
        for thread in self._threads:
            thread.join(timeout)


class IdleBrowser(FakeBrowser):
    """A browser that shows the page and never comes back (the user walked away or pressed Cancel in the app)."""

    def __call__(self, url: str) -> bool:
        self.urls.append(url)
        return True
