"""MergeService against the loopback Merge Agent Handler: detection (paginated), the registered user made once,
connecting through the magic link, disconnecting, every error with its sentence, and the pack's MCP endpoint."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import pytest

from tests.support.fixtures_merge import merge_server as _merge_server_fixture  # noqa: F401
from tests.support.merge_server import PACK_ID, PRODUCTION_KEY, TEST_KEY, MergeServer, running_merge_server
from vector_desktop.config import load_config
from vector_desktop.domain.account import AccountProfile
from vector_desktop.domain.connectors import (
    ConnectorAuthError,
    ConnectorConfigError,
    ConnectorError,
    ConnectorNotFound,
    ConnectorProtocolError,
    ConnectorRateLimited,
    ConnectorTimeout,
    ConnectorUnavailable,
)
from vector_desktop.domain.tools import ToolResult, ToolStatus
from vector_desktop.services.connectors.mcp_session import McpSession
from vector_desktop.services.connectors.merge_service import MergeService
from vector_desktop.store.connector_repository import ConnectorRepository

T = TypeVar("T")
CONNECTORS_PATH = f"/tool-packs/{PACK_ID}/connectors/"
SLUGS = ["linear", "jira", "slack", "google_drive", "notion"]


@pytest.fixture
def repo(store: Any) -> ConnectorRepository:
    return ConnectorRepository(store.sessions)


def run(
    server: MergeServer,
    repo: ConnectorRepository,
    scenario: Callable[[MergeService], Awaitable[T]],
    origin: tuple[str, str] | None = None,
    **settings: str,
) -> T:
    """One app run: a service on its own plain asyncio loop, closed afterwards."""
    config = load_config([], environ=server.settings(**settings))

    async def main() -> T:
        service = MergeService(config, repo, origin_user=(lambda: origin) if origin else None)
        try:
            return await scenario(service)
        finally:
            await service.aclose()

    return asyncio.run(main())


def failure(server: MergeServer, repo: ConnectorRepository, call: str = "detect", **settings: str) -> ConnectorError:
    async def scenario(service: MergeService) -> None:
        await getattr(service, call)()

    with pytest.raises(ConnectorError) as caught:
        run(server, repo, scenario, **settings)
    message = str(caught.value)
    assert PRODUCTION_KEY not in message and TEST_KEY not in message and "<" not in message, message
    return caught.value


# ---- detection -------------------------------------------------------------------------------------------------


def test_detect_follows_every_page_and_saves_the_connectors(merge_server: MergeServer, repo) -> None:
    user = merge_server.add_user(authenticated=("jira", "notion"))
    detected = run(merge_server, repo, lambda s: s.detect(), MERGE_REGISTERED_USER_ID=user)

    assert [c.slug for c in detected] == SLUGS  # 5 connectors, 2 per page: 3 pages followed
    assert len(merge_server.requests_to("GET", CONNECTORS_PATH)) == 3
    assert [c.position for c in detected] == [0, 1, 2, 3, 4]
    assert {c.slug for c in detected if c.connected} == {"jira", "notion"}
    linear = detected[0]
    assert (linear.name, linear.logo_url, linear.source_url) == (
        "Linear",
        "https://logos.example/linear.png",
        "https://linear.app",
    )
    assert linear.categories == ("ticketing", "project_management")
    assert linear.auth_scope == "INDIVIDUAL"
    assert [t["name"] for t in linear.pack_tools] == ["create_issue", "list_issues"]
    assert repo.list_merge_connectors() == detected
    assert repo.get_state("merge.detected_at")
    # Merge saw the key as a Bearer token and the app's name, on every request.
    assert {r.authorization for r in merge_server.requests} == {f"Bearer {PRODUCTION_KEY}"}
    assert {r.headers.get("x-source") for r in merge_server.requests} == {"vector-desktop"}


def test_detect_accepts_a_bare_array_and_drops_connectors_no_longer_in_the_pack(merge_server, repo) -> None:
    user = merge_server.add_user()
    run(merge_server, repo, lambda s: s.detect(), MERGE_REGISTERED_USER_ID=user)
    merge_server.bare_arrays = True
    merge_server.packs[PACK_ID] = [c for c in merge_server.packs[PACK_ID] if c["slug"] != "slack"]

    detected = run(merge_server, repo, lambda s: s.detect(), MERGE_REGISTERED_USER_ID=user)

    assert [c.slug for c in detected] == ["linear", "jira", "google_drive", "notion"]
    assert [c.slug for c in repo.list_merge_connectors()] == ["linear", "jira", "google_drive", "notion"]


def test_a_page_link_to_another_server_is_not_followed(merge_server, repo) -> None:
    user = merge_server.add_user()
    with running_merge_server() as elsewhere:
        merge_server.foreign_next = elsewhere.root_url
        error = failure(merge_server, repo, MERGE_REGISTERED_USER_ID=user)
        assert elsewhere.requests == []  # the key never went there
    assert isinstance(error, ConnectorProtocolError)
    assert "another server" in str(error)


# ---- the registered user -----------------------------------------------------------------------------------


def test_the_registered_user_is_made_once_and_kept(merge_server, repo) -> None:
    first = run(merge_server, repo, lambda s: s.registered_user_id())
    (created,) = merge_server.requests_to("POST", "/registered-users/")
    assert created.body["user_type"] == "HUMAN"
    origin = created.body["origin_user_id"]
    assert origin == repo.get_state("merge.origin_user_id")
    assert merge_server.user_by_origin(origin).id == first

    again = run(merge_server, repo, lambda s: s.detect())  # a later run of the app
    assert len(merge_server.requests_to("POST", "/registered-users/")) == 1
    assert run(merge_server, repo, lambda s: s.registered_user_id()) == first
    assert [c.slug for c in again] == SLUGS
    assert merge_server.requests_to("GET", f"/registered-users/{first}/")


def test_making_the_user_again_gets_the_same_one(merge_server, repo) -> None:
    """POST /registered-users/ is idempotent on origin_user_id: a lost local state finds the same user (200)."""
    first = run(merge_server, repo, lambda s: s.registered_user_id(), origin=("ada-1", "Ada"))
    repo.set_state("merge.registered_user", None)
    second = run(merge_server, repo, lambda s: s.registered_user_id(), origin=("ada-1", "Ada"))
    assert first == second
    assert len(merge_server.requests_to("POST", "/registered-users/")) == 2
    assert merge_server.user_by_origin("ada-1").origin_user_name == "Ada"


class _Identity:
    def __init__(self) -> None:
        self.profile: AccountProfile | None = None

    def current(self) -> AccountProfile | None:
        return self.profile

    def add_listener(self, listener: object) -> None:
        pass


def test_the_signed_in_account_names_the_registered_user_on_every_machine(merge_server, repo) -> None:
    """Signed out: the profile's own random origin. Signed in: the account's origin, so another machine where the
    same person signs in finds the same registered user (and their connections); signing out goes back."""
    identity = _Identity()
    config = load_config([], environ=merge_server.settings())

    def user_id() -> str:
        async def main() -> str:
            service = MergeService(config, repo, identity=identity)
            try:
                return await service.registered_user_id()
            finally:
                await service.aclose()

        return asyncio.run(main())

    anonymous = user_id()
    identity.profile = AccountProfile("google", "10769150350006150715", "ada@example.com", "Ada Lovelace")
    signed_in = user_id()
    assert signed_in != anonymous
    created = merge_server.requests_to("POST", "/registered-users/")[-1]
    assert created.body["origin_user_id"] == "google:10769150350006150715"
    assert created.body["origin_user_name"] == "Ada Lovelace"
    assert user_id() == signed_in  # kept while the same account is signed in
    repo.set_state("merge.registered_user", None)  # another machine: nothing kept there
    assert user_id() == signed_in
    identity.profile = None
    assert user_id() == anonymous


def test_the_setting_wins_and_nothing_is_made(merge_server, repo) -> None:
    user = merge_server.add_user()
    assert run(merge_server, repo, lambda s: s.registered_user_id(), MERGE_REGISTERED_USER_ID=user) == user
    assert merge_server.requests == []


def test_a_kept_user_of_another_base_url_is_not_reused(merge_server, repo) -> None:
    repo.set_state("merge.registered_user", json.dumps({"id": "eu-user", "base_url": "https://ah-api-eu.merge.dev"}))
    made = run(merge_server, repo, lambda s: s.registered_user_id())
    assert made != "eu-user"
    assert len(merge_server.requests_to("POST", "/registered-users/")) == 1


def test_a_kept_user_unknown_to_a_key_of_the_other_environment_is_made_again(merge_server, repo) -> None:
    production_user = run(merge_server, repo, lambda s: s.registered_user_id())
    slugs = run(merge_server, repo, lambda s: s.authenticated(), MERGE_ACCESS_KEY=TEST_KEY)
    assert slugs == set()
    test_user = run(merge_server, repo, lambda s: s.registered_user_id(), MERGE_ACCESS_KEY=TEST_KEY)
    assert test_user != production_user
    assert merge_server.users[test_user].environment == "test"
    assert len(merge_server.requests_to("POST", "/registered-users/")) == 2


# ---- connect, disconnect -------------------------------------------------------------------------------------


def test_connect_through_the_magic_link(merge_server, repo) -> None:
    async def before(service: MergeService) -> tuple[set[str], str]:
        await service.detect()
        return await service.authenticated(), await service.link_url("linear")

    connected, link = run(merge_server, repo, before)
    assert connected == set()
    assert link.startswith(merge_server.root_url + "/magic-link/")
    (minted,) = merge_server.requests_to("POST", "/link-token/")
    assert minted.body == {"connector": "linear"}

    assert merge_server.visit(link) == 200  # the user finishes the flow in the browser

    assert run(merge_server, repo, lambda s: s.authenticated()) == {"linear"}
    assert [c.slug for c in repo.list_merge_connectors() if c.connected] == ["linear"]


def test_disconnect_deletes_the_credential(merge_server, repo) -> None:
    user = merge_server.add_user(authenticated=("linear", "slack"))
    run(merge_server, repo, lambda s: s.detect(), MERGE_REGISTERED_USER_ID=user)

    run(merge_server, repo, lambda s: s.disconnect("linear"), MERGE_REGISTERED_USER_ID=user)

    assert merge_server.authenticated(user) == ["slack"]
    assert merge_server.requests_to("DELETE", f"/credentials/registered-users/{user}/connectors/linear/")
    assert {c.slug for c in repo.list_merge_connectors() if c.connected} == {"slack"}
    # Disconnecting what is not connected is not an error.
    run(merge_server, repo, lambda s: s.disconnect("linear"), MERGE_REGISTERED_USER_ID=user)


# ---- errors ------------------------------------------------------------------------------------------------------


def test_a_bad_key(merge_server, repo) -> None:
    error = failure(merge_server, repo, MERGE_ACCESS_KEY="ah_live_wrong_key_000000")
    assert isinstance(error, ConnectorAuthError)
    assert str(error).startswith("Merge did not accept the access key; check MERGE_ACCESS_KEY")


@pytest.mark.parametrize("body", ["envelope", "detail", "html"])
def test_the_key_never_shows_even_when_merge_echoes_it(merge_server, repo, body: str) -> None:
    merge_server.fail_next(401, body=body, message=f"Key Bearer {PRODUCTION_KEY} was revoked ({PRODUCTION_KEY})")
    error = failure(merge_server, repo)
    assert isinstance(error, ConnectorAuthError)
    assert "was revoked" in str(error)


def test_a_refusal_explains_test_and_production_keys(merge_server, repo) -> None:
    user = merge_server.add_user()
    merge_server.fail_next(403, message="Forbidden.", path="/registered-users/")
    error = failure(merge_server, repo, MERGE_REGISTERED_USER_ID=user)
    assert isinstance(error, ConnectorAuthError)
    assert "a test key only works with test registered users and a production key only with production" in str(error)


def test_an_unknown_tool_pack_is_named(merge_server, repo) -> None:
    error = failure(merge_server, repo, MERGE_TOOL_PACK_ID="pack-gone")
    assert isinstance(error, ConnectorNotFound)
    assert str(error).startswith("Merge has no tool pack “pack-gone” for this access key; check MERGE_TOOL_PACK_ID")


def test_an_unknown_registered_user_is_named(merge_server, repo) -> None:
    error = failure(merge_server, repo, "authenticated", MERGE_REGISTERED_USER_ID="user-gone")
    assert isinstance(error, ConnectorNotFound)
    assert str(error).startswith("Merge has no registered user “user-gone” for this access key; check MERGE_REG")


def test_a_test_key_against_a_production_user(merge_server, repo) -> None:
    user = merge_server.add_user()
    error = failure(merge_server, repo, "authenticated", MERGE_REGISTERED_USER_ID=user, MERGE_ACCESS_KEY=TEST_KEY)
    assert isinstance(error, ConnectorNotFound)
    assert "a test key only sees test registered users" in str(error)
    for status in (403, 401):  # what Merge answers for a user of the other environment varies
        merge_server.environment_mismatch_status = status
        error = failure(merge_server, repo, "authenticated", MERGE_REGISTERED_USER_ID=user, MERGE_ACCESS_KEY=TEST_KEY)
        assert isinstance(error, ConnectorAuthError)
        assert "a test key only works with test registered users" in str(error)


def test_a_long_retry_after_goes_to_the_user(merge_server, repo) -> None:
    merge_server.fail_next(429, retry_after="120", path="/connectors/")
    error = failure(merge_server, repo)
    assert isinstance(error, ConnectorRateLimited)
    assert error.retry_after == 120
    assert str(error) == "Merge is limiting requests from this access key; try again in about 2 minutes."
    assert len(merge_server.requests_to("GET", CONNECTORS_PATH)) == 1


def test_a_short_retry_after_is_waited_and_retried_once(merge_server, repo) -> None:
    user = merge_server.add_user()
    merge_server.fail_next(429, retry_after="1", path="/connectors/")
    detected = run(merge_server, repo, lambda s: s.detect(), MERGE_REGISTERED_USER_ID=user)
    assert len(detected) == 5
    first, retried, *_pages = merge_server.requests_to("GET", CONNECTORS_PATH)
    assert retried.query == first.query
    assert retried.at - first.at >= 0.9  # it waited as asked

    merge_server.fail_next(429, retry_after="0", times=2, path="/connectors/")
    error = failure(merge_server, repo, MERGE_REGISTERED_USER_ID=user)
    assert isinstance(error, ConnectorRateLimited)
    assert str(error) == "Merge is limiting requests from this access key; try again in 1 second."


@pytest.mark.parametrize(
    ("status", "body", "sentence"),
    [
        (500, "envelope", "Merge had a problem on its side (HTTP 500); try again in a moment."),
        (502, "html", "Merge is not available right now (HTTP 502); try again in a moment."),
        (503, "empty", "Merge is not available right now (HTTP 503); try again in a moment."),
    ],
)
def test_server_errors(merge_server, repo, status: int, body: str, sentence: str) -> None:
    merge_server.fail_next(status, body=body)
    error = failure(merge_server, repo)
    assert isinstance(error, ConnectorUnavailable)
    assert str(error) == sentence


def test_a_rejected_request_quotes_merge(merge_server, repo) -> None:
    merge_server.fail_next(400, body="detail", message="Connector 'x' is not in this tool pack.")
    error = failure(merge_server, repo)
    assert type(error) is ConnectorError
    assert str(error) == (
        "Merge rejected the request for the tool pack (HTTP 400) (Merge says: Connector 'x' is not in this tool pack)."
    )


def test_a_dropped_connection(merge_server, repo) -> None:
    merge_server.drop_next(path="/connectors/")
    error = failure(merge_server, repo)
    assert isinstance(error, ConnectorUnavailable)
    assert str(error) == "The connection to Merge was cut before its answer was complete; try again."


def test_a_slow_answer_times_out(merge_server, repo) -> None:
    merge_server.delay_next(2, path="/connectors/")
    error = failure(merge_server, repo, MERGE_API_TIMEOUT="1")
    assert isinstance(error, ConnectorTimeout)
    assert str(error) == "Merge did not answer within 1 second; try again, or raise MERGE_API_TIMEOUT."


def test_nobody_listening(merge_server, repo) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = failure(merge_server, repo, MERGE_BASE_URL=f"http://127.0.0.1:{port}/api/v1")
    assert isinstance(error, ConnectorUnavailable)
    assert str(error) == "Could not reach Merge at 127.0.0.1; check your internet connection and MERGE_BASE_URL."


def test_an_answer_that_is_not_json(merge_server, repo) -> None:
    merge_server.fail_next(200, body="html", message="Welcome to the captive portal")
    error = failure(merge_server, repo)
    assert isinstance(error, ConnectorProtocolError)
    assert str(error) == ("Merge answered with something that is not JSON (HTTP 200, text/html); check MERGE_BASE_URL.")


def test_settings_missing(merge_server, repo) -> None:
    error = failure(merge_server, repo, MERGE_ACCESS_KEY="")
    assert isinstance(error, ConnectorConfigError) and "MERGE_ACCESS_KEY" in str(error)
    error = failure(merge_server, repo, MERGE_TOOL_PACK_ID="")
    assert isinstance(error, ConnectorConfigError) and "MERGE_TOOL_PACK_ID" in str(error)
    assert merge_server.requests == []
    assert not MergeService(load_config([], environ={}), repo).configured()
    assert MergeService(load_config([], environ=merge_server.settings()), repo).configured()


# ---- the MCP endpoint --------------------------------------------------------------------------------------------


def test_mcp_endpoint(merge_server, repo) -> None:
    user = merge_server.add_user()
    endpoint = run(merge_server, repo, lambda s: s.mcp_endpoint(), MERGE_REGISTERED_USER_ID=user)
    assert endpoint.name == "Merge"
    assert endpoint.url == merge_server.mcp_url(user)
    assert dict(endpoint.headers) == {"Authorization": f"Bearer {PRODUCTION_KEY}", "X-Source": "vector-desktop"}
    assert endpoint.timeout == 5
    longer = run(merge_server, repo, lambda s: s.mcp_endpoint(tool_timeout=120), MERGE_REGISTERED_USER_ID=user)
    assert longer.timeout == 120


def test_tools_listed_and_called_live_through_the_pack_mcp_endpoint(merge_server, repo) -> None:
    user = merge_server.add_user(authenticated=("linear",))

    async def scenario(service: MergeService) -> tuple[list[str], ToolResult, ToolResult]:
        session = McpSession(await service.mcp_endpoint())
        await session.start()
        try:
            names = [tool["name"] for tool in await session.list_tools()]
            listed = await session.call_tool("linear__list_issues", {"team_id": "team-b"})
            needs_auth = await session.call_tool("needs_auth_tool", {})
            return names, listed, needs_auth
        finally:
            await session.close()

    names, listed, needs_auth = run(merge_server, repo, scenario, MERGE_REGISTERED_USER_ID=user)

    assert {"linear__create_issue", "linear__list_issues", "jira__search"} <= set(names)
    assert listed.status is ToolStatus.SUCCEEDED
    assert [issue["id"] for issue in listed.structured["results"]] == ["ISS-3"]
    assert needs_auth.status is ToolStatus.NEEDS_AUTH
    mcp_requests = [r for r in merge_server.requests if r.path.endswith("/mcp")]
    assert {r.body["method"] for r in mcp_requests if isinstance(r.body, dict)} >= {"initialize", "tools/list"}
    assert {r.authorization for r in mcp_requests} == {f"Bearer {PRODUCTION_KEY}"}
    assert {r.headers.get("x-source") for r in mcp_requests} == {"vector-desktop"}


def test_the_mcp_endpoint_refuses_a_wrong_key_without_showing_it(merge_server, repo) -> None:
    user = merge_server.add_user()
    wrong_key = "ah_live_wrong_key_0123456789"

    async def scenario(service: MergeService) -> None:
        session = McpSession(await service.mcp_endpoint())
        try:
            await session.start()
        finally:
            await session.close()

    with pytest.raises(ConnectorError) as caught:
        run(merge_server, repo, scenario, MERGE_REGISTERED_USER_ID=user, MERGE_ACCESS_KEY=wrong_key)
    assert isinstance(caught.value, ConnectorAuthError)
    assert wrong_key not in str(caught.value)
