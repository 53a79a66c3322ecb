"""MergeService: the Merge Agent Handler side of connectors — which connectors the tool pack has and which of them
the registered user authenticated, the magic link to connect one, disconnecting, and where the pack's MCP endpoint is.

Settings come from Config each time (the key from the keychain through it), so a change in Settings applies to the
next call. The registered user is MERGE_REGISTERED_USER_ID when set; otherwise one is made once per profile with
`POST /registered-users/` (idempotent on origin_user_id) and its id kept in the store, tied to the base URL. A kept id
that Merge no longer knows for this key (a key of the other environment, a deleted user) is made again once.
"""

from __future__ import annotations

import asyncio
import getpass
import json
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

import httpx

from vector_desktop.config import Config
from vector_desktop.domain.connectors import (
    ConnectorAuthError,
    ConnectorConfigError,
    ConnectorNotFound,
    ConnectorProtocolError,
    ConnectorStore,
    MergeConnector,
)
from vector_desktop.services.connectors.mcp_endpoint import McpEndpoint
from vector_desktop.services.connectors.merge_api import SOURCE, MergeApi
from vector_desktop.services.connectors.merge_errors import (
    RegisteredUserNotFound,
    connection_target,
    pack_target,
    plain_target,
    user_target,
)

if TYPE_CHECKING:
    from vector_desktop.domain.account import AccountIdentity

T = TypeVar("T")
USER_STATE = "merge.registered_user"  # {"id", "base_url", "is_test", "origin"} as JSON
ORIGIN_STATE = "merge.origin_user_id"
DETECTED_STATE = "merge.detected_at"


def _segment(value: str) -> str:
    return quote(value, safe="")


def _texts(items: Any, *keys: str) -> tuple[str, ...]:
    """Strings of a list that may hold strings or objects (the first of `keys` that is a string)."""
    found: list[str] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            item = next((item[k] for k in keys if isinstance(item.get(k), str)), None)
        if isinstance(item, str) and item:
            found.append(item)
    return tuple(found)


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def parse_connectors(items: Sequence[Any], authenticated: set[str]) -> list[MergeConnector]:
    """The pack's connectors in pack order; items without a slug and repeated slugs are left out."""
    connectors: list[MergeConnector] = []
    seen: set[str] = set()
    for item in items:
        slug = _text(item, "slug") if isinstance(item, dict) else ""
        if not slug or slug in seen:
            continue
        seen.add(slug)
        tools = tuple(
            {"name": _text(tool, "name"), "description": _text(tool, "description")}
            for tool in item.get("tools") or []
            if isinstance(tool, dict) and _text(tool, "name")
        )
        connectors.append(
            MergeConnector(
                slug=slug,
                name=_text(item, "name") or slug,
                logo_url=_text(item, "logo_url"),
                source_url=_text(item, "source_url"),
                description=_text(item, "description"),
                categories=_texts(item.get("categories"), "name", "slug"),
                auth_scope=_text(item, "auth_scope"),
                connected=slug in authenticated,
                pack_tools=tools,
                position=len(connectors),
            )
        )
    return connectors


def _default_user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment (containers): any label will do
        return "Vector Desktop user"


class MergeService:
    def __init__(
        self,
        config: Config,
        store: ConnectorStore,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        origin_user: Callable[[], tuple[str, str]] | None = None,
        identity: AccountIdentity | None = None,
    ) -> None:
        self._config = config
        self._store = store
        self._transport = transport
        self._identity = identity
        self._origin_user = origin_user or self._account_or_default_user
        self._api: MergeApi | None = None
        self._api_settings: tuple[str, str, float] | None = None
        self._user_lock: asyncio.Lock | None = None

    # ---- settings ------------------------------------------------------------------------------------------

    def configured(self) -> bool:
        return bool(self._access_key_text() and self._pack_id_text())

    def _access_key_text(self) -> str:
        return str(self._config.get("MERGE_ACCESS_KEY") or "").strip()

    def _pack_id_text(self) -> str:
        return str(self._config.get("MERGE_TOOL_PACK_ID") or "").strip()

    def _base_url(self) -> str:
        return str(self._config.get("MERGE_BASE_URL")).rstrip("/")

    def _timeout(self) -> float:
        return float(self._config.get("MERGE_API_TIMEOUT"))

    def _access_key(self) -> str:
        key = self._access_key_text()
        if not key:
            raise ConnectorConfigError("Set the Merge access key (MERGE_ACCESS_KEY) in Settings → Connectors first.")
        if not (key.isascii() and key.isprintable()) or any(ch.isspace() for ch in key):
            raise ConnectorConfigError(
                "The Merge access key contains characters a key cannot have; paste it again in Settings → Connectors."
            )
        return key

    def _pack_id(self) -> str:
        pack = self._pack_id_text()
        if not pack:
            raise ConnectorConfigError(
                "Set the Merge tool pack id (MERGE_TOOL_PACK_ID) in Settings → Connectors first."
            )
        return pack

    async def _client(self) -> MergeApi:
        settings = (self._base_url(), self._access_key(), self._timeout())
        if self._api is None or settings != self._api_settings:
            if self._api is not None:
                await self._api.aclose()
            self._api = MergeApi(settings[0], settings[1], timeout=settings[2], transport=self._transport)
            self._api_settings = settings
        return self._api

    async def aclose(self) -> None:
        if self._api is not None:
            await self._api.aclose()
            self._api = None

    # ---- registered user -----------------------------------------------------------------------------------

    async def registered_user_id(self) -> str:
        return (await self._resolve_user())[0]

    async def _resolve_user(self) -> tuple[str, bool]:
        """(id, whether it was kept by the app and so may be made again when Merge no longer knows it)."""
        setting = str(self._config.get("MERGE_REGISTERED_USER_ID") or "").strip()
        if setting:
            return setting, False
        if self._user_lock is None:
            self._user_lock = asyncio.Lock()
        async with self._user_lock:  # concurrent first calls make the user once
            kept = self._kept_user()
            if kept:
                return kept, True
            return await self._create_user(), True

    def _kept_user(self) -> str:
        try:
            state = json.loads(self._store.get_state(USER_STATE) or "{}")
        except ValueError:
            return ""
        if not isinstance(state, dict) or state.get("base_url") != self._base_url():
            return ""
        # A user kept before sign-in (or for another account) belongs to another origin: ask Merge again, which
        # answers with the person's own registered user when they already have one (idempotent on the origin).
        if state.get("origin", self._store.get_state(ORIGIN_STATE)) != self._origin_user()[0]:
            return ""
        return state["id"] if isinstance(state.get("id"), str) else ""

    async def _create_user(self) -> str:
        api = await self._client()
        origin_id, origin_name = self._origin_user()
        body = {"origin_user_id": origin_id, "origin_user_name": origin_name, "user_type": "HUMAN"}
        _status, user = await api.post(
            "registered-users/", body, plain_target("the request to create a registered user", "registered users")
        )
        if not isinstance(user, dict) or not isinstance(user.get("id"), str) or not user["id"]:
            raise ConnectorProtocolError("Merge did not return the id of the registered user it made.")
        state = {"id": user["id"], "base_url": self._base_url(), "is_test": user.get("is_test"), "origin": origin_id}
        self._store.set_state(USER_STATE, json.dumps(state))
        return str(user["id"])

    def _account_or_default_user(self) -> tuple[str, str]:
        """The signed-in account (the same origin on every machine), else this profile's own random origin."""
        profile = self._identity.current() if self._identity is not None else None
        if profile is not None:
            return profile.origin_user_id, profile.display_name
        return self._default_origin_user()

    def _default_origin_user(self) -> tuple[str, str]:
        origin = self._store.get_state(ORIGIN_STATE)
        if not origin:
            origin = f"vector-desktop-{uuid.uuid4().hex}"
            self._store.set_state(ORIGIN_STATE, origin)
        return origin, _default_user_name()

    async def _as_user(self, call: Callable[[MergeApi, str, bool], Awaitable[T]]) -> T:
        """Runs `call(api, user id, from_setting)`; a kept id Merge does not know is made again, once."""
        user_id, kept = await self._resolve_user()
        try:
            return await call(await self._client(), user_id, not kept)
        except (RegisteredUserNotFound, ConnectorAuthError):  # unknown to this key (or to its environment)
            if not kept:
                raise
        async with self._user_lock or asyncio.Lock():
            self._store.set_state(USER_STATE, None)
            user_id = await self._create_user()
        return await call(await self._client(), user_id, False)

    # ---- connectors ----------------------------------------------------------------------------------------

    async def detect(self) -> list[MergeConnector]:
        pack = self._pack_id()
        api = await self._client()
        items = await api.get_all(f"tool-packs/{_segment(pack)}/connectors/", pack_target(pack))
        authenticated = await self._authenticated_slugs()
        self._store.replace_merge_connectors(parse_connectors(items, authenticated))
        self._store.set_state(DETECTED_STATE, datetime.now(UTC).isoformat(timespec="seconds"))
        return self._store.list_merge_connectors()

    async def authenticated(self) -> set[str]:
        """Slugs the registered user has authenticated; the stored connectors' flags are brought in line."""
        slugs = await self._authenticated_slugs()
        for connector in self._store.list_merge_connectors():
            if connector.connected != (connector.slug in slugs):
                self._store.set_merge_connected(connector.slug, connector.slug in slugs)
        return slugs

    async def _authenticated_slugs(self) -> set[str]:
        async def call(api: MergeApi, user_id: str, from_setting: bool) -> set[str]:
            user = await api.get(f"registered-users/{_segment(user_id)}/", user_target(user_id, from_setting))
            if not isinstance(user, dict):
                raise ConnectorProtocolError("Merge answered the registered user request with something unexpected.")
            return set(_texts(user.get("authenticated_connectors"), "slug", "connector"))

        return await self._as_user(call)

    async def link_url(self, slug: str) -> str:
        """A fresh magic link for the user to connect `slug` in the browser (single use, valid 30 minutes)."""

        async def call(api: MergeApi, user_id: str, from_setting: bool) -> str:
            path = f"registered-users/{_segment(user_id)}/link-token/"
            _status, answer = await api.post(path, {"connector": slug}, user_target(user_id, from_setting))
            url = answer.get("magic_link_url") if isinstance(answer, dict) else None
            if not isinstance(url, str) or httpx.URL(url).scheme not in ("http", "https"):
                raise ConnectorProtocolError("Merge did not return a link to connect this connector.")
            return url

        return await self._as_user(call)

    async def disconnect(self, slug: str) -> None:
        """Deletes the user's credential for `slug`; a connector that was not connected is left as it is."""

        async def call(api: MergeApi, user_id: str, from_setting: bool) -> None:
            path = f"credentials/registered-users/{_segment(user_id)}/connectors/{_segment(slug)}/"
            try:
                await api.delete(path, connection_target(user_id, slug))
            except ConnectorNotFound:
                # The user exists (or this raises the user's own 404): there was simply nothing to delete.
                await api.get(f"registered-users/{_segment(user_id)}/", user_target(user_id, from_setting))

        await self._as_user(call)
        self._store.set_merge_connected(slug, False)

    # ---- MCP -----------------------------------------------------------------------------------------------

    async def mcp_endpoint(self, *, tool_timeout: float | None = None) -> McpEndpoint:
        """The pack's MCP endpoint for the registered user (tools/list, tools/call), key resolved."""
        key, pack = self._access_key(), self._pack_id()
        user_id = await self.registered_user_id()
        url = f"{self._base_url()}/tool-packs/{_segment(pack)}/registered-users/{_segment(user_id)}/mcp"
        return McpEndpoint(
            name="Merge",
            url=url,
            headers={"Authorization": f"Bearer {key}", "X-Source": SOURCE},
            timeout=tool_timeout if tool_timeout is not None else self._timeout(),
        )
