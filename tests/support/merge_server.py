"""A loopback Merge Agent Handler for tests: the REST endpoints the app uses under /api/v1, and the pack's MCP
endpoint served by the SDK server of tests/support/mcp_tool_server.py (the REST handlers: merge_rest.py).

Endpoints (paths as in Merge's OpenAPI, trailing slashes included):
- GET  /tool-packs/{id}/ and /tool-packs/{id}/connectors/ (paginated here, `page_size` 2, so clients must follow
  `next`; `bare_arrays = True` answers a bare array instead, like the live API does for this one)
- GET  /registered-users/ (paginated, `?origin_user_id=`), POST /registered-users/ (201 made, 200 when that
  origin_user_id exists already), GET /registered-users/{rid}/ (with `authenticated_connectors`)
- POST /registered-users/{rid}/link-token/ → a `magic_link_url` on this server; a GET of that URL (what the user's
  browser does) marks the connector authenticated for that user
- DELETE /credentials/registered-users/{rid}/connectors/{slug}/ (204, or 404 when it was not connected)
- /tool-packs/{pack}/registered-users/{rid}/mcp: streamable HTTP MCP (every method), for known packs and users

Every /api/v1 request needs `Authorization: Bearer <key>` with `PRODUCTION_KEY` or `TEST_KEY` (401 otherwise);
users belong to the environment of the key that made them, and a key of the other environment gets a 404 for them
(`environment_mismatch_status` changes that). Faults are queued with `fail_next` / `drop_next` / `delay_next`, and
every request is recorded in `requests` (method, path, query, headers, JSON body, arrival time).
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Message, Receive, Scope, Send

from tests.support.mcp_tool_server import HttpToolServer, streamable_http_app_at
from tests.support.merge_rest import (
    API,
    PACK_ID,
    PRODUCTION_KEY,
    TEST_KEY,
    MergeRest,
    error_response,
)

__all__ = ["API", "PACK_ID", "PRODUCTION_KEY", "TEST_KEY", "FakeMerge", "MergeServer", "running_merge_server"]


_MCP_PATH = re.compile(rf"^{API}/tool-packs/(?P<pack>[^/]+)/registered-users/(?P<rid>[^/]+)/mcp/?$")


@dataclass
class Fault:
    """What the next matching request gets instead of (or before) its answer."""

    status: int | None = 500  # None: the normal answer (after `delay`)
    body: str = "envelope"  # "envelope" | "detail" (DRF) | "html" | "empty"
    message: str = "Something went wrong."
    retry_after: str | None = None
    drop: bool = False  # headers and half a body, then the connection is closed
    delay: float = 0.0
    path: str = ""  # only requests whose path contains this
    method: str = ""
    times: int = 1

    def matches(self, method: str, path: str) -> bool:
        return (not self.method or self.method == method) and self.path in path


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: Any
    at: float  # time.monotonic() on arrival

    @property
    def authorization(self) -> str:
        return self.headers.get("authorization", "")


class FakeMerge(MergeRest):
    """The ASGI app: records, injects faults, checks the key, then answers (REST or MCP). Configure it from the test
    thread; it runs on the server's thread."""

    def __init__(self, *, page_size: int = 2) -> None:
        super().__init__(page_size=page_size)
        self._faults: list[Fault] = []
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._mcp_app = streamable_http_app_at("/mcp")
        self._rest = Starlette(routes=self.routes(), lifespan=self._lifespan)

    # ---- faults and records (test thread) -------------------------------------------------------------------

    def fail_next(self, status: int = 500, *, times: int = 1, **options: Any) -> Fault:
        """The next `times` matching requests answer `status` (options: body, message, retry_after, path,
        method, delay)."""
        return self._add(Fault(status=status, times=times, **options))

    def drop_next(self, *, times: int = 1, path: str = "", method: str = "") -> Fault:
        return self._add(Fault(drop=True, times=times, path=path, method=method))

    def delay_next(self, seconds: float, *, times: int = 1, path: str = "", method: str = "") -> Fault:
        return self._add(Fault(status=None, delay=seconds, times=times, path=path, method=method))

    def _add(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def requests_to(self, method: str, path_suffix: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == method and r.path.endswith(path_suffix)]

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    # ---- ASGI --------------------------------------------------------------------------------------------

    @asynccontextmanager
    async def _lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        async with self._mcp_app.router.lifespan_context(self._mcp_app):
            yield

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._rest(scope, receive, send)
            return
        body = await _read_body(receive)
        path, method = scope["path"], scope["method"]
        self._record(scope, body)
        receive = _replay(body, receive)
        if not path.startswith(API + "/"):
            await self._rest(scope, receive, send)
            return
        fault = self._take_fault(method, path)
        if fault is not None:
            if fault.delay:
                await asyncio.sleep(fault.delay)
            if fault.drop:
                await _drop(send)
                return
            if fault.status is not None:
                await _fault_response(fault)(scope, receive, send)
                return
        environment = self.keys.get(_bearer(scope))
        if environment is None:
            await error_response(401, "Invalid access key.")(scope, receive, send)
            return
        scope = {**scope, "merge.environment": environment}
        mcp = _MCP_PATH.match(path)
        if mcp is None:
            await self._rest(scope, receive, send)
            return
        refusal = self._mcp_refusal(mcp["pack"], mcp["rid"], environment)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self._mcp_app({**scope, "path": "/mcp", "raw_path": b"/mcp", "root_path": ""}, receive, send)

    def _record(self, scope: Scope, body: bytes) -> None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        try:
            decoded: Any = json.loads(body) if body else None
        except ValueError:
            decoded = body.decode("utf-8", "replace")
        query = scope.get("query_string", b"").decode("latin-1")
        recorded = RecordedRequest(scope["method"], scope["path"], query, headers, decoded, time.monotonic())
        with self._lock:
            self._requests.append(recorded)

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def _mcp_refusal(self, pack: str, user_id: str, environment: str) -> Response | None:
        if pack not in self.packs:
            return error_response(404, f"Tool pack {pack} not found.")
        if self._user(user_id, environment) is None:
            return error_response(self._mismatch_status(user_id), f"Registered user {user_id} not found.")
        return None


# ---- ASGI helpers ----------------------------------------------------------------------------------------------


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _bearer(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name.lower() == b"authorization":
            text = value.decode("latin-1")
            return text[len("Bearer ") :] if text.startswith("Bearer ") else ""
    return ""


def _fault_response(fault: Fault) -> Response:
    status = fault.status or 500
    headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else None
    if fault.body == "detail":
        return JSONResponse({"detail": fault.message}, status_code=status, headers=headers)
    if fault.body == "html":
        page = f"<html><head><title>{status}</title></head><body><h1>{fault.message}</h1></body></html>"
        return HTMLResponse(page, status_code=status, headers=headers)
    if fault.body == "empty":
        return Response(status_code=status, headers=headers)
    return error_response(status, fault.message, headers)


async def _drop(send: Send) -> None:
    """Headers and part of the body, then the app returns: the server closes the connection mid-answer."""
    headers = [(b"content-type", b"application/json"), (b"content-length", b"4096")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b'{"count": 5, "results": [', "more_body": True})


# ---- running it ------------------------------------------------------------------------------------------------


class MergeServer(FakeMerge):
    """The fake under uvicorn on a free port of 127.0.0.1 (a daemon thread)."""

    def __init__(self, *, page_size: int = 2) -> None:
        super().__init__(page_size=page_size)
        self._http = HttpToolServer(self, path=API)

    def start(self) -> MergeServer:
        self._http.start()
        self.root_url = f"http://127.0.0.1:{self._http.port}"
        return self

    def stop(self) -> None:
        self._http.stop()

    @property
    def base_url(self) -> str:
        """MERGE_BASE_URL for this server."""
        return self.root_url + API

    def mcp_url(self, user_id: str, pack: str = PACK_ID) -> str:
        return f"{self.base_url}/tool-packs/{pack}/registered-users/{user_id}/mcp"

    def settings(self, **overrides: str) -> dict[str, str]:
        """MERGE_* settings (as an environment) that point the app at this server with the production key;
        an override of "" leaves that setting out."""
        values = {
            "MERGE_ACCESS_KEY": PRODUCTION_KEY,
            "MERGE_TOOL_PACK_ID": PACK_ID,
            "MERGE_BASE_URL": self.base_url,
            "MERGE_API_TIMEOUT": "5",
        }
        values.update(overrides)
        return {k: v for k, v in values.items() if v != ""}

    def visit(self, url: str) -> int:
        """What the user's browser does with a magic link; returns the HTTP status."""
        return httpx.get(url, timeout=10).status_code


@contextmanager
def running_merge_server(*, page_size: int = 2) -> Iterator[MergeServer]:
    server = MergeServer(page_size=page_size).start()
    try:
        yield server
    finally:
        server.stop()
