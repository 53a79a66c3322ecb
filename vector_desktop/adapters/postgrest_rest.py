"""Supabase's REST path: PostgREST at `<project URL>/rest/v1`, through the `postgrest` package's sync client
(headers `apikey` and `Authorization: Bearer <key>`). Requests are built with the client's query builder; the answer
is read here so that numbers keep every digit (json with Decimal) and PostgREST's JSON errors
{"code", "message", "details", "hint"} become sentences. Transport retries are off: the user is waiting."""

from __future__ import annotations

import base64
import binascii
import json
import re
import ssl
import time
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

import httpx
from postgrest import SyncPostgrestClient
from postgrest.types import CountMethod

from vector_desktop.adapters import postgrest_openapi
from vector_desktop.adapters.messages import one_line, scrub, sentence
from vector_desktop.adapters.tls import ca_file_of
from vector_desktop.domain.databases import (
    AuthenticationFailedError,
    ConnectionParams,
    ConnectionValidationError,
    DatabaseError,
    QueryCancelledError,
    QueryError,
    ResultColumn,
    ServerUnreachableError,
    TableDetail,
    TestReport,
    TlsMode,
    TlsRequiredError,
)

REST_PATH = "/rest/v1"
ROOT_NEEDS_SECRET_KEY = (
    "Supabase lists the tables only for the project's secret (service_role) key; use that key for this connection, "
    "or add the project's Postgres connection string."
)
DEFAULT_SCHEMA = "public"
_SERVER = re.compile(r"postgrest/(?P<version>\S+)", re.IGNORECASE)
Row = tuple[Any, ...]


def rest_base_url(project_url: str) -> str:
    """`https://<ref>.supabase.co` → `https://<ref>.supabase.co/rest/v1` (kept when already given)."""
    url = project_url.strip().rstrip("/")
    return url if url.endswith(REST_PATH) else url + REST_PATH


class PostgrestApi:
    def __init__(self, params: ConnectionParams) -> None:
        config = params.config
        parts = urlsplit(config.supabase_url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConnectionValidationError(
                "supabase_url", "The Supabase project URL must look like https://<project>.supabase.co."
            )
        if parts.scheme != "https" and config.tls_mode in (TlsMode.REQUIRE, TlsMode.VERIFY_FULL):
            raise TlsRequiredError("The Supabase URL uses http://, but this connection's TLS mode requires https.")
        self.address = parts.netloc.rpartition("@")[2]
        self.tls = parts.scheme == "https"
        self._key = params.api_key
        self._secrets = (params.api_key, params.password)
        self._timeout_s = params.connect_timeout_s
        self._cancel_requested = False
        self._document: Mapping[str, Any] | None = None
        headers = {"apikey": params.api_key, "Authorization": f"Bearer {params.api_key}"}
        ca_file = ca_file_of(config)
        verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=ca_file) if ca_file else True
        base_url = rest_base_url(config.supabase_url)
        self._http = httpx.Client(
            base_url=base_url,
            headers=headers,
            timeout=httpx.Timeout(60.0, connect=params.connect_timeout_s),
            verify=verify,
            http2=True,
            follow_redirects=True,
        )
        self._client = SyncPostgrestClient(base_url, headers=headers, http_client=self._http, retry_enabled=False)

    # ------------------------------------------------------------------------------------------ requests
    def _get(self, path: str, method: str = "GET", *, allowed: tuple[int, ...] = ()) -> httpx.Response:
        try:
            response = self._http.request(method, path)
        except httpx.HTTPError as exc:
            raise self.transport_error(exc) from None
        if method == "GET" and response.status_code >= 400 and response.status_code not in allowed:
            raise self.response_error(response)
        return response

    def document(self, *, fresh: bool = False) -> Mapping[str, Any]:
        """The OpenAPI root document (cached for the session; `fresh` reads it again)."""
        if self._document is None or fresh:
            response = self._get("/", allowed=(403,))
            if response.status_code == 403:
                raise DatabaseError(ROOT_NEEDS_SECRET_KEY, server_message=self.response_error(response).server_message)
            self._document = self._read_json_document(response)
        return self._document

    def test(self, connect_ms: float = 0.0) -> TestReport:
        """The root document tells the version and what the key may do. Supabase shows it only to secret keys:
        a publishable (anon) key gets 403 there, which still proves the key is accepted (a bad one gets 401)."""
        started = time.perf_counter()
        response = self._get("/", allowed=(403,))
        first_ms = (time.perf_counter() - started) * 1000
        document: Mapping[str, Any] = {}
        if response.status_code != 403:
            document = self._document = self._read_json_document(response)
        tls_detail = _tls_detail(response) if self.tls else ""
        started = time.perf_counter()
        self._get("/", method="HEAD")
        latency_ms = (time.perf_counter() - started) * 1000
        match = _SERVER.search(response.headers.get("server", ""))
        version = match.group("version") if match else postgrest_openapi.api_version(document)
        return TestReport(
            server_version=f"PostgREST {version}".strip(),
            latency_ms=latency_ms,
            tls=self.tls,
            tls_detail=tls_detail,
            user=key_role(self._key),
            can_write=postgrest_openapi.can_write(document),
            database=self.address,
            connect_ms=connect_ms or first_ms,
        )

    def _read_json_document(self, response: httpx.Response) -> Mapping[str, Any]:
        try:
            doc = response.json()
        except ValueError:
            doc = None
        if not isinstance(doc, Mapping):
            raise ServerUnreachableError(
                f"{self.address} answers, but not with the Supabase REST API's description; check the project URL."
            )
        return doc

    def page(
        self,
        schema: str,
        table: str,
        *,
        offset: int,
        limit: int,
        order: Sequence[str] = (),
        count: bool = False,
    ) -> tuple[list[dict[str, Any]], int | None]:
        """Rows `offset`.. of a table as PostgREST gives them, and the exact total when `count` is asked."""
        client = self._client if schema == DEFAULT_SCHEMA else self._client.schema(schema)
        query = client.from_(table).select("*", count=CountMethod.exact if count else None)
        for column in order:
            query = query.order(column)
        query = query.range(offset, offset + limit - 1)
        try:
            response = query.request.send(httpx.Headers())
        except httpx.HTTPError as exc:
            raise self.transport_error(exc) from None
        if response.status_code == 416:  # asked past the end
            return [], _total(response.headers.get("content-range", ""))
        if response.status_code >= 400:
            raise self.response_error(response)
        rows = json.loads(response.content, parse_float=Decimal)
        if not isinstance(rows, list):
            raise QueryError("The Supabase API answered with something other than rows.")
        return rows, _total(response.headers.get("content-range", "")) if count else None

    def browse(self, schema: str, table: str, limit: int | None = None) -> PostgrestCursor:
        self._cancel_requested = False
        detail = postgrest_openapi.describe(self.document(), schema, table)
        return PostgrestCursor(self, detail, limit)

    def cancel(self) -> None:
        self._cancel_requested = True

    @property
    def cancel_requested(self) -> bool:
        return self._cancel_requested

    def close(self) -> None:
        self._http.close()

    # ------------------------------------------------------------------------------------------ errors
    def transport_error(self, exc: httpx.HTTPError) -> DatabaseError:
        words = one_line(scrub(str(exc), self._secrets))
        low = words.lower()
        if isinstance(exc, httpx.TimeoutException):
            return ServerUnreachableError(
                f"The Supabase API at {self.address} did not answer in time.", server_message=words
            )
        if "certificate" in low or "ssl" in low or "tls" in low:
            return TlsRequiredError(
                f"The TLS connection to {self.address} could not be set up: {words}", server_message=words
            )
        if "name or service not known" in low or "nodename nor servname" in low or "name resolution" in low:
            return ServerUnreachableError(
                f"The host name of “{self.address}” cannot be found; check the project URL.", server_message=words
            )
        if isinstance(exc, httpx.ConnectError):
            return ServerUnreachableError(
                f"Nothing answers at {self.address}; check the project URL.", server_message=words
            )
        return ServerUnreachableError(f"The Supabase API at {self.address} failed: {words}", server_message=words)

    def response_error(self, response: httpx.Response) -> DatabaseError:
        body = _error_body(response)
        message = one_line(scrub(str(body.get("message") or response.reason_phrase or ""), self._secrets))
        code = str(body.get("code") or response.status_code)
        lines = [message]
        if body.get("details"):
            lines.append(f"DETAIL: {body['details']}")
        if body.get("hint"):
            lines.append(f"HINT: {body['hint']}")
        server_message = scrub("\n".join(lines), self._secrets)
        if response.status_code == 401:
            return AuthenticationFailedError(
                f"Supabase refused the API key ({message or 'unauthorized'}); check the key in the connection.",
                server_message=server_message,
                code=code,
            )
        if response.status_code == 404 and "code" not in body:  # a gateway's 404, not PostgREST's
            return ServerUnreachableError(
                f"{self.address} has no Supabase REST API at {REST_PATH}; check the project URL.",
                server_message=server_message,
                code=code,
            )
        return QueryError(sentence(message or f"HTTP {response.status_code}"), server_message=server_message, code=code)


class PostgrestCursor:
    """A table's rows read a page at a time with PostgREST's offset/limit, ordered by the primary key when the
    document names one (stable pages). `total` is the exact row count, known after the first page."""

    def __init__(self, api: PostgrestApi, detail: TableDetail, limit: int | None) -> None:
        self._api = api
        self._schema = detail.table.schema
        self._table = detail.table.name
        self._names = [column.name for column in detail.columns]
        self._types = [column.type for column in detail.columns]
        self._order = detail.primary_key
        self._limit = limit
        self._offset = 0
        self._done = False
        self.columns: Sequence[ResultColumn] = [
            ResultColumn(name=column.name, type_name=column.type) for column in detail.columns
        ]
        self.rowcount = -1
        self.status = "SELECT"
        self.total: int | None = None

    def fetch(self, size: int) -> list[Row]:
        if self._done:
            return []
        want = max(1, size) if self._limit is None else min(max(1, size), self._limit - self._offset)
        if want <= 0:
            self._done = True
            return []
        rows, total = self._api.page(
            self._schema, self._table, offset=self._offset, limit=want, order=self._order, count=self._offset == 0
        )
        if self._api.cancel_requested:
            self._done = True
            raise QueryCancelledError("The request was cancelled.")
        if total is not None:
            self.total = total
        self._offset += len(rows)
        if len(rows) < want:
            self._done = True
        return [self._row(row) for row in rows]

    def _row(self, row: Mapping[str, Any]) -> Row:
        return tuple(
            postgrest_openapi.from_json(row.get(name), pg_type)
            for name, pg_type in zip(self._names, self._types, strict=True)
        )

    def close(self) -> None:
        self._done = True


def key_role(key: str) -> str:
    """The `role` claim of a Supabase JWT key (anon, service_role...); "" for keys that are not JWTs. Only read
    to show it, never trusted: the server checks the key."""
    parts = key.split(".")
    if len(parts) != 3:
        return ""
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (ValueError, binascii.Error):
        return ""
    role = payload.get("role") if isinstance(payload, Mapping) else None
    return str(role) if role else ""


def _total(content_range: str) -> int | None:
    """`0-99/1234` → 1234; `*/0` → 0; `0-99/*` → None."""
    _, _, total = content_range.partition("/")
    return int(total) if total.isdigit() else None


def _error_body(response: httpx.Response) -> Mapping[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, Mapping) else {}


def _tls_detail(response: httpx.Response) -> str:
    stream = response.extensions.get("network_stream")
    ssl_object = stream.get_extra_info("ssl_object") if stream is not None else None
    if ssl_object is None:
        return ""
    cipher = ssl_object.cipher()
    return " ".join(part for part in (ssl_object.version(), cipher[0] if cipher else "") if part)
