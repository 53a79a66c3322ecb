"""A loopback PostgreSQL front door that checks passwords, for tests on a machine whose PostgreSQL trusts every
local login. It speaks the start of PostgreSQL's wire protocol itself:

- answers "N" to SSLRequest / GSSENCRequest (no TLS here, as the real server);
- closes a CancelRequest's connection (a client cancelling a query sends its process id and key, binary, on a new
  connection; there is no query here to cancel);
- `mode="password"`: asks for the password in clear (AuthenticationCleartextPassword); a wrong one gets the server's
  own refusal (FATAL 28P01 "password authentication failed for user ..."); the right one is relayed to the real
  server with the same start-up message (trust auth), and from then on bytes flow both ways untouched;
- `mode="tls_only"`: refuses like a server whose pg_hba.conf has only `hostssl` lines (FATAL 28000 "no pg_hba.conf
  entry for host ..., no encryption").
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Iterator

CANCEL_REQUEST = 80877102
SSL_REQUEST = 80877103
GSSENC_REQUEST = 80877104


def _read_exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("peer closed")
        data += chunk
    return data


def _error(code: str, message: str) -> bytes:
    fields = b"".join(
        tag + value.encode() + b"\0" for tag, value in ((b"S", "FATAL"), (b"V", "FATAL"), (b"C", code), (b"M", message))
    )
    body = fields + b"\0"
    return b"E" + struct.pack("!I", len(body) + 4) + body


def _parameters(startup: bytes) -> dict[str, str]:
    parts = startup[8:].split(b"\0")
    return {parts[i].decode(): parts[i + 1].decode() for i in range(0, len(parts) - 1, 2) if parts[i]}


class PgAuthRefuser:
    def __init__(self, real_host: str, real_port: int, password: str, mode: str = "password") -> None:
        self.real = (real_host, real_port)
        self.password = password
        self.mode = mode
        self.attempts: list[dict[str, str]] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []

    def start(self) -> None:
        thread = threading.Thread(target=self._accept, name="pg-auth-refuser", daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() below (closing alone does not)
        self._listener.close()
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes a relay blocked in recv()
            sock.close()
        for thread in self._threads:
            thread.join(2)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._sockets.append(client)
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _startup(self, client: socket.socket) -> bytes:
        while True:
            head = _read_exactly(client, 8)
            length, code = struct.unpack("!II", head)
            if code in (SSL_REQUEST, GSSENC_REQUEST):
                client.sendall(b"N")
                continue
            if code == CANCEL_REQUEST:
                raise ConnectionError("a cancel request")
            return head + _read_exactly(client, length - 8)

    def _serve(self, client: socket.socket) -> None:
        try:
            startup = self._startup(client)
            parameters = _parameters(startup)
            self.attempts.append(parameters)
            user, database = parameters.get("user", ""), parameters.get("database", "")
            if self.mode == "tls_only":
                client.sendall(
                    _error(
                        "28000",
                        f'no pg_hba.conf entry for host "127.0.0.1", user "{user}", database "{database}", '
                        "no encryption",
                    )
                )
                return
            client.sendall(b"R" + struct.pack("!II", 8, 3))  # AuthenticationCleartextPassword
            kind = _read_exactly(client, 1)
            length = struct.unpack("!I", _read_exactly(client, 4))[0]
            given = _read_exactly(client, length - 4).rstrip(b"\0").decode("utf-8", "replace")
            if kind != b"p" or given != self.password:
                client.sendall(_error("28P01", f'password authentication failed for user "{user}"'))
                return
            server = socket.create_connection(self.real)
            self._sockets.append(server)
            server.sendall(startup)
            self._relay(client, server)
        except (ConnectionError, OSError, struct.error):
            return
        finally:
            with contextlib.suppress(OSError):
                client.close()

    def _relay(self, client: socket.socket, server: socket.socket) -> None:
        def pump(source: socket.socket, sink: socket.socket) -> None:
            try:
                while chunk := source.recv(65536):
                    sink.sendall(chunk)
            except OSError:
                pass
            finally:
                with contextlib.suppress(OSError):
                    sink.shutdown(socket.SHUT_WR)

        back = threading.Thread(target=pump, args=(server, client), daemon=True)
        back.start()
        pump(client, server)
        back.join()
        server.close()


@contextlib.contextmanager
def pg_auth_refuser(real_host: str, real_port: int, password: str, mode: str = "password") -> Iterator[PgAuthRefuser]:
    refuser = PgAuthRefuser(real_host, real_port, password, mode)
    refuser.start()
    try:
        yield refuser
    finally:
        refuser.stop()
