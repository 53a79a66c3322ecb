"""The REST half of the loopback Merge Agent Handler (tests/support/merge_server.py): its data (tool packs,
registered users, magic links) and the handlers of the endpoints the app uses, as Merge's OpenAPI shapes them."""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

PRODUCTION_KEY = "ah_live_0123456789abcdefPRODSECRET"
TEST_KEY = "ah_test_0123456789abcdefTESTSECRET"
PACK_ID = "pack-support-agent"
API = "/api/v1"


def _connector(slug: str, name: str, site: str, categories: str, scope: str, *tools: str) -> dict[str, Any]:
    return {
        "slug": slug,
        "name": name,
        "source_url": site,
        "logo_url": f"https://logos.example/{slug}.png",
        "categories": categories.split(),
        "auth_scope": scope,
        "tools": [{"name": t, "description": f"{t} in {name}.", "input_schema": {"type": "object"}} for t in tools],
    }


CONNECTORS: list[dict[str, Any]] = [
    _connector("linear", "Linear", "https://linear.app", "ticketing project_management", "INDIVIDUAL",
               "create_issue", "list_issues"),
    _connector("jira", "Jira", "https://www.atlassian.com/software/jira", "ticketing", "INDIVIDUAL", "search"),
    _connector("slack", "Slack", "https://slack.com", "chat", "SHARED", "post_message"),
    _connector("google_drive", "Google Drive", "https://drive.google.com", "file_storage", "INDIVIDUAL"),
    _connector("notion", "Notion", "https://notion.so", "knowledge_base", "ORGANIZATION", "search_pages"),
]  # fmt: skip

_ERROR_TYPES = {
    400: ("validation_error", "invalid_request"),
    401: ("authentication_error", "invalid_access_key"),
    403: ("permission_error", "forbidden"),
    404: ("not_found_error", "not_found"),
    429: ("rate_limit_error", "rate_limit_exceeded"),
}


def error_body(status: int, message: str) -> dict[str, Any]:
    kind, code = _ERROR_TYPES.get(status, ("api_error", "internal_error"))
    return {
        "error": {
            "type": kind,
            "code": code,
            "message": message,
            "documentation_url": "https://docs.merge.dev/merge-agent-handler/troubleshooting",
        }
    }


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


@dataclass
class User:
    id: str
    origin_user_id: str
    origin_user_name: str
    environment: str  # "production" | "test"
    user_type: str = "HUMAN"
    authenticated: list[str] = field(default_factory=list)

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "origin_user_id": self.origin_user_id,
            "origin_user_name": self.origin_user_name,
            "shared_credential_group": None,
            "user_type": self.user_type,
            "authenticated_connectors": list(self.authenticated),
            "is_test": self.environment == "test",
        }


class MergeRest:
    """State and handlers; `routes()` for a Starlette app. Requests reach the handlers authenticated: the key's
    environment ("production" | "test") is in `request.scope["merge.environment"]`."""

    def __init__(self, *, page_size: int = 2) -> None:
        self.page_size = page_size
        self.keys = {PRODUCTION_KEY: "production", TEST_KEY: "test"}
        self.packs: dict[str, list[dict[str, Any]]] = {PACK_ID: copy.deepcopy(CONNECTORS)}
        self.users: dict[str, User] = {}
        self.links: dict[str, tuple[str, str]] = {}  # token -> (user id, slug)
        self.bare_arrays = False
        self.foreign_next = ""  # a base URL put in `next` links instead of this server's
        self.environment_mismatch_status = 404
        self.root_url = ""  # set once the server listens

    def routes(self) -> list[Route]:
        return [
            Route(API + "/tool-packs/{pack}/", self._get_pack, methods=["GET"]),
            Route(API + "/tool-packs/{pack}/connectors/", self._get_pack_connectors, methods=["GET"]),
            Route(API + "/registered-users/", self._list_users, methods=["GET"]),
            Route(API + "/registered-users/", self._create_user, methods=["POST"]),
            Route(API + "/registered-users/{rid}/", self._get_user, methods=["GET"]),
            Route(API + "/registered-users/{rid}/link-token/", self._link_token, methods=["POST"]),
            Route(
                API + "/credentials/registered-users/{rid}/connectors/{slug}/",
                self._delete_credential,
                methods=["DELETE"],
            ),
            Route("/magic-link/{token}/", self._magic_link, methods=["GET"]),
        ]

    # ---- set-up and inspection (test thread) ----------------------------------------------------------------

    def add_user(
        self, origin_user_id: str = "", *, authenticated: tuple[str, ...] = (), environment: str = "production"
    ) -> str:
        user = User(
            id=str(uuid.uuid4()),
            origin_user_id=origin_user_id or f"origin-{uuid.uuid4().hex[:8]}",
            origin_user_name="Test User",
            environment=environment,
            authenticated=list(authenticated),
        )
        self.users[user.id] = user
        return user.id

    def authenticated(self, user_id: str) -> list[str]:
        return list(self.users[user_id].authenticated)

    def user_by_origin(self, origin_user_id: str) -> User | None:
        return next((u for u in self.users.values() if u.origin_user_id == origin_user_id), None)

    # ---- REST handlers -----------------------------------------------------------------------------------

    def _user(self, user_id: str, environment: str) -> User | None:
        user = self.users.get(user_id)
        return user if user is not None and user.environment == environment else None

    def _mismatch_status(self, user_id: str) -> int:
        return self.environment_mismatch_status if user_id in self.users else 404

    def _page(self, request: Request, items: list[Any]) -> Response:
        if self.bare_arrays:
            return JSONResponse(items)
        page = max(1, int(request.query_params.get("page", "1")))
        size = max(1, int(request.query_params.get("page_size", str(self.page_size))))
        chunk = items[(page - 1) * size : page * size]
        following = str(request.url.include_query_params(page=page + 1)) if page * size < len(items) else None
        if following and self.foreign_next:
            following = self.foreign_next + following[len(self.root_url) :]
        previous = str(request.url.include_query_params(page=page - 1)) if page > 1 else None
        return JSONResponse({"count": len(items), "next": following, "previous": previous, "results": chunk})

    async def _get_pack(self, request: Request) -> Response:
        pack = request.path_params["pack"]
        if pack not in self.packs:
            return error_response(404, f"Tool pack {pack} not found.")
        connectors = self.packs[pack]
        return JSONResponse({"id": pack, "name": "Support agent", "description": "", "connectors": connectors})

    async def _get_pack_connectors(self, request: Request) -> Response:
        pack = request.path_params["pack"]
        if pack not in self.packs:
            return error_response(404, f"Tool pack {pack} not found.")
        return self._page(request, self.packs[pack])

    async def _list_users(self, request: Request) -> Response:
        environment = request.scope["merge.environment"]
        origin = request.query_params.get("origin_user_id")
        users = [
            u.public()
            for u in self.users.values()
            if u.environment == environment and (origin is None or u.origin_user_id == origin)
        ]
        return self._page(request, users)

    async def _create_user(self, request: Request) -> Response:
        environment = request.scope["merge.environment"]
        body = await _json(request)
        origin = body.get("origin_user_id") if isinstance(body, dict) else None
        if not isinstance(origin, str) or not origin:
            return error_response(400, "origin_user_id is required.")
        for user in self.users.values():
            if user.origin_user_id == origin and user.environment == environment:
                return JSONResponse(user.public(), status_code=200)
        user_id = self.add_user(origin, environment=environment)
        user = self.users[user_id]
        user.origin_user_name = str(body.get("origin_user_name") or "")
        user.user_type = str(body.get("user_type") or "HUMAN")
        return JSONResponse(user.public(), status_code=201)

    async def _get_user(self, request: Request) -> Response:
        user_id = request.path_params["rid"]
        user = self._user(user_id, request.scope["merge.environment"])
        if user is None:
            return error_response(self._mismatch_status(user_id), f"Registered user {user_id} not found.")
        return JSONResponse(user.public())

    async def _link_token(self, request: Request) -> Response:
        user_id = request.path_params["rid"]
        user = self._user(user_id, request.scope["merge.environment"])
        if user is None:
            return error_response(self._mismatch_status(user_id), f"Registered user {user_id} not found.")
        body = await _json(request)
        slug = body.get("connector") if isinstance(body, dict) else None
        if not any(c["slug"] == slug for pack in self.packs.values() for c in pack):
            return error_response(400, f"Unknown connector {slug!r}.")
        token = uuid.uuid4().hex
        self.links[token] = (user.id, str(slug))
        url = f"{self.root_url}/magic-link/{token}/"
        return JSONResponse({"link_token": token, "magic_link_url": url}, status_code=201)

    async def _magic_link(self, request: Request) -> Response:
        link = self.links.pop(request.path_params["token"], None)
        if link is None:
            return HTMLResponse("<html><body><h1>This link has expired.</h1></body></html>", status_code=410)
        user = self.users[link[0]]
        if link[1] not in user.authenticated:
            user.authenticated.append(link[1])
        return HTMLResponse(f"<html><body><h1>{link[1]} is connected.</h1></body></html>")

    async def _delete_credential(self, request: Request) -> Response:
        user_id, slug = request.path_params["rid"], request.path_params["slug"]
        user = self._user(user_id, request.scope["merge.environment"])
        if user is None:
            return error_response(self._mismatch_status(user_id), f"Registered user {user_id} not found.")
        if slug not in user.authenticated:
            return error_response(404, f"No credential for {slug}.")
        user.authenticated.remove(slug)
        return Response(status_code=204)


async def _json(request: Request) -> Any:
    try:
        return await request.json()
    except ValueError:
        return None
