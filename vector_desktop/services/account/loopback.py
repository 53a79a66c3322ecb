"""The redirect listener: a tiny HTTP server on 127.0.0.1 that receives the browser's answer from Google.

It listens on a free port (or the port and path of GOOGLE_OAUTH_REDIRECT_URI when that names a loopback host),
hands the first answer carrying `code` or `error` to `wait()`, and keeps the browser's request open until the app
knows the outcome, so the tab says "Signed in…" or the error sentence. Cancel and the timeout close the port.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from vector_desktop.services.account.auth_errors import PortBusyError, SignInCancelledError, SignInTimeoutError

log = logging.getLogger(__name__)

LOOPBACK_HOST = "127.0.0.1"
LOOPBACK_NAMES = ("127.0.0.1", "localhost")
SIGN_IN_TIMEOUT_S = 300.0
REPLY_TIMEOUT_S = 60.0  # how long the browser's tab waits for the outcome before a neutral page
SUCCESS_TITLE = "Signed in to Vector Desktop"
SUCCESS_TEXT = "Signed in to Vector Desktop — you can close this tab."
MAX_REQUEST = 16 * 1024


def page(title: str, text: str) -> bytes:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
        f"<body style='font-family:sans-serif;margin:3em'><h1>{html.escape(title)}</h1>"
        f"<p>{html.escape(text)}</p></body></html>"
    ).encode()


def loopback_target(configured: str) -> tuple[str, int, str]:
    """(host name for the redirect URI, port or 0, path) from GOOGLE_OAUTH_REDIRECT_URI; a non-loopback value
    (the web app's callback, say) means a free port on 127.0.0.1."""
    parts = urlsplit(configured.strip()) if configured else None
    if parts is None or parts.scheme != "http" or parts.hostname not in LOOPBACK_NAMES:
        return LOOPBACK_HOST, 0, "/"
    try:
        port = parts.port or 0
    except ValueError:
        port = 0
    return str(parts.hostname), port, parts.path or "/"


class LoopbackListener:
    def __init__(
        self,
        port: int = 0,
        path: str = "/",
        *,
        host_name: str = LOOPBACK_HOST,
        timeout: float = SIGN_IN_TIMEOUT_S,
        reply_timeout: float = REPLY_TIMEOUT_S,
    ) -> None:
        self._wanted_port = port
        self.path = path
        self._host_name = host_name
        self._timeout = timeout
        self._reply_timeout = reply_timeout
        self.port = port
        self._server: asyncio.Server | None = None
        self._answer: asyncio.Future[dict[str, str]] | None = None
        self._reply: asyncio.Future[str | None] | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._replying: set[asyncio.Task[object]] = set()  # connections that carried the answer

    @classmethod
    def for_redirect(cls, configured: str, **kwargs: float) -> LoopbackListener:
        host_name, port, path = loopback_target(configured)
        return cls(port, path, host_name=host_name, **kwargs)

    @property
    def redirect_uri(self) -> str:
        return f"http://{self._host_name}:{self.port}{self.path}"

    @property
    def listening(self) -> bool:
        return self._server is not None

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._answer = loop.create_future()
        self._reply = loop.create_future()
        try:
            self._server = await asyncio.start_server(self._serve, LOOPBACK_HOST, self._wanted_port)
        except OSError:
            raise PortBusyError(self._wanted_port) from None
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def wait(self, cancel: asyncio.Event | None = None) -> dict[str, str]:
        """The query parameters of the browser's answer (`code` and `state`, or `error`)."""
        if self._answer is None:
            raise RuntimeError("the listener was not started")
        waiters: list[asyncio.Future[Any]] = [self._answer]
        cancelled = asyncio.ensure_future(cancel.wait()) if cancel is not None else None
        if cancelled is not None:
            waiters.append(cancelled)
        try:
            done, _ = await asyncio.wait(waiters, timeout=self._timeout, return_when=asyncio.FIRST_COMPLETED)
        finally:
            if cancelled is not None:
                cancelled.cancel()
        if self._answer in done:
            return self._answer.result()
        await self.close()
        if cancelled is not None and cancelled in done:
            raise SignInCancelledError()
        raise SignInTimeoutError(self._timeout / 60)

    def finish(self, error: str | None = None) -> None:
        """Answer the browser's tab: success, or the error sentence."""
        if self._reply is not None and not self._reply.done():
            self._reply.set_result(error)

    async def close(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
        if self._reply is not None and not self._reply.done():
            self._reply.set_result("Signing in was stopped in Vector Desktop; you can close this tab.")
        if self._replying:  # let the tab get its page before the connection goes
            await asyncio.wait(list(self._replying), timeout=2)
        for writer in list(self._writers):
            writer.close()
        if server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.wait_closed(), 2)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            status, body = await self._respond(reader)
            reason = {200: "OK", 400: "Bad Request", 404: "Not Found"}[status]
            head = (
                f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
                f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
            )
            writer.write(head.encode() + body)
            await writer.drain()
        except (ConnectionError, TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            log.debug("a loopback request ended early")
        except (IndexError, ValueError):
            log.debug("a malformed loopback request")
        finally:
            self._writers.discard(writer)
            self._replying.discard(asyncio.current_task())  # type: ignore[arg-type]
            writer.close()

    async def _respond(self, reader: asyncio.StreamReader) -> tuple[int, bytes]:
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        if len(head) > MAX_REQUEST:
            return 400, page("Vector Desktop", "This request is too large.")
        target = head.split(b"\r\n", 1)[0].split(b" ")[1].decode("ascii", "replace")
        parts = urlsplit(target)
        if parts.path != self.path:
            return 404, page("Vector Desktop", "Nothing here.")
        params = dict(parse_qsl(parts.query))
        if "code" not in params and "error" not in params:
            return 400, page("Vector Desktop", "This address only receives Google's answer to a sign-in.")
        if self._answer is None or self._reply is None or self._answer.done():
            return 200, page("Vector Desktop", "This sign-in was already received; return to Vector Desktop.")
        self._answer.set_result(params)
        task = asyncio.current_task()
        if task is not None:
            self._replying.add(task)
        try:
            error = await asyncio.wait_for(asyncio.shield(self._reply), self._reply_timeout)
        except TimeoutError:
            error = "Return to Vector Desktop to see whether signing in worked."
        if error is None:
            return 200, page(SUCCESS_TITLE, SUCCESS_TEXT)
        return 200, page("Not signed in", error)
