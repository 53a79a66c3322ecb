"""A small REST client for Merge Agent Handler: Bearer auth, the X-Source header, one timeout, JSON decoding,
lists followed page by page to the end, a short Retry-After honoured once, every failure a ConnectorError."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from vector_desktop.ai.error_mapping import parse_retry_after
from vector_desktop.domain.connectors import ConnectorError, ConnectorProtocolError
from vector_desktop.services.connectors.merge_errors import (
    Target,
    error_for_status,
    not_json,
    rate_limited,
    transport_error,
)
from vector_desktop.services.connectors.secret_mask import SecretMask

SOURCE = "vector-desktop"  # X-Source: Merge's own plugins name themselves this way (analytics only)
MAX_RETRY_WAIT = 10.0  # a 429 asking to wait this long or less is retried once, longer waits go to the user
MAX_PAGES = 1000


class MergeApi:
    def __init__(
        self,
        base_url: str,
        access_key: str,
        *,
        timeout: float,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.scrub = SecretMask([access_key])
        self._client = httpx.AsyncClient(
            base_url=self.base_url + "/",
            headers={"Authorization": f"Bearer {access_key}", "X-Source": SOURCE, "Accept": "application/json"},
            timeout=timeout,
            transport=transport,
            follow_redirects=False,  # a redirect must never carry the key to another host
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    # ---- verbs -----------------------------------------------------------------------------------------------

    async def get(self, path: str, target: Target) -> Any:
        return (await self.request("GET", path, target))[1]

    async def post(self, path: str, body: dict[str, Any], target: Target) -> tuple[int, Any]:
        return await self.request("POST", path, target, json=body)

    async def delete(self, path: str, target: Target) -> int:
        return (await self.request("DELETE", path, target))[0]

    async def get_all(self, path: str, target: Target, params: dict[str, str] | None = None) -> list[Any]:
        """Every item of a list endpoint: follows `next` to the end; a bare array is the whole list."""
        items: list[Any] = []
        url: str = path
        seen: set[str] = set()
        for _page in range(MAX_PAGES):
            _status, payload = await self.request("GET", url, target, params=params if url == path else None)
            if isinstance(payload, list):
                return items + payload
            if not isinstance(payload, dict) or not isinstance(payload.get("results"), list):
                raise ConnectorProtocolError("Merge answered a list request with something that is not a list.")
            items.extend(payload["results"])
            following = payload.get("next")
            if not following:
                return items
            url = self._same_origin(str(following))
            if url in seen:
                raise ConnectorProtocolError("Merge sent the same page of a list twice; the list was not read.")
            seen.add(url)
        raise ConnectorProtocolError(f"Merge sent more than {MAX_PAGES} pages of a list; the list was not read.")

    # ---- one request ---------------------------------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        target: Target,
        *,
        json: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
    ) -> tuple[int, Any]:
        """(status, decoded JSON or None for an empty body); a 429 with a short Retry-After is retried once."""
        response = await self._send(method, path, json=json, params=params)
        if response.status_code == 429:
            wait = parse_retry_after(response.headers.get("retry-after"))
            if wait is None or wait > MAX_RETRY_WAIT:
                raise rate_limited(wait)
            await asyncio.sleep(wait)
            response = await self._send(method, path, json=json, params=params)
            if response.status_code == 429:
                raise rate_limited(parse_retry_after(response.headers.get("retry-after")))
        if response.status_code >= 400:
            raise error_for_status(response, target, self.scrub)
        if not response.content.strip():
            return response.status_code, None
        try:
            return response.status_code, response.json()
        except ValueError:
            raise not_json(response) from None

    async def _send(
        self, method: str, path: str, *, json: dict[str, Any] | None, params: dict[str, str] | None
    ) -> httpx.Response:
        try:
            return await self._client.request(method, path.lstrip("/"), json=json, params=params)
        except httpx.HTTPError as error:
            raise transport_error(error, self.base_url, self.timeout) from error
        except (UnicodeEncodeError, ValueError):  # the error text may quote the header it could not encode
            raise ConnectorError("The request to Merge could not be sent; check MERGE_ACCESS_KEY.") from None

    def _same_origin(self, url: str) -> str:
        """A `next` link, checked to stay on Merge's host: the key is only ever sent to MERGE_BASE_URL."""
        base = httpx.URL(self.base_url + "/")
        following = base.join(url)
        if (following.scheme, following.host, following.port) != (base.scheme, base.host, base.port):
            raise ConnectorProtocolError("Merge sent a page link to another server; the list was not read.")
        return str(following)
