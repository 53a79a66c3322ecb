"""Our MCP client as the conformance suite (@modelcontextprotocol/conformance) drives it:
`python -m tests.support.conformance_client URL`, the scenario's name in MCP_CONFORMANCE_SCENARIO and, for some
auth scenarios, a JSON context in MCP_CONFORMANCE_CONTEXT. Exit status 0 when the session did its part.

What it runs is the app's own code: an McpSession connects and initializes, lists the tools and calls them
(`add_numbers` with 5 and 3, any other tool without arguments); elicitation requests are answered as
`connectors call --yes` does (the schema's defaults, TerminalAsker); for `auth/*` scenarios the endpoint carries
the app's OAuth provider (mcp_oauth.py) over an in-memory keychain, with a headless "browser" that follows the
authorization URL's redirects back to the provider's loopback receiver.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from typing import Any

import httpx

from tests.support.memory_keyring import MemoryKeyring
from vector_desktop.commands.connectors_terminal import TerminalAsker
from vector_desktop.domain.connectors import ConnectorError, mcp_oauth_ref
from vector_desktop.secrets import SecretStore
from vector_desktop.services.connectors.mcp_oauth import CALLBACK_PATH, LOOPBACK_HOST, free_port, make_oauth_provider
from vector_desktop.services.connectors.mcp_session import McpEndpoint, McpSession

log = logging.getLogger("conformance_client")

SERVER_ID = 1
NAME = "Conformance server"
ARGUMENTS: dict[str, dict[str, Any]] = {"add_numbers": {"a": 5, "b": 3}}
# The scenario auth/basic-cimd checks that a client with a Client ID Metadata Document uses it when the
# authorization server supports them; the suite's authorization server accepts this URL as such a client id.
CONFORMANCE_CLIENT_METADATA_URL = "https://conformance-test.local/client-metadata.json"


def headless_browser(url: str) -> None:
    """What a browser does with the authorization URL when the user approves at once: follow the redirects, the
    last one to the loopback receiver."""
    response = httpx.get(url, follow_redirects=True, timeout=20)
    log.info("browser ended at %s with HTTP %s", response.url.copy_with(query=None), response.status_code)


def keychain_with_context(context: dict[str, Any]) -> SecretStore:
    """An in-memory keychain; a pre-registered client of the context goes in it as the app would keep one."""
    secrets = SecretStore("vector-desktop-conformance", backend=MemoryKeyring())
    client_id = context.get("client_id")
    if client_id:
        secret = context.get("client_secret")
        client = {
            "client_id": client_id,
            "redirect_uris": [f"http://{LOOPBACK_HOST}:{free_port()}{CALLBACK_PATH}"],
            "token_endpoint_auth_method": "client_secret_basic" if secret else "none",
            "grant_types": ["authorization_code", "refresh_token"],
            "response_types": ["code"],
        }
        if secret:
            client["client_secret"] = secret
        secrets.set(mcp_oauth_ref(SERVER_ID, "client"), json.dumps(client))
    return secrets


async def run(url: str, scenario: str, context: dict[str, Any]) -> None:
    auth = None
    if scenario.startswith("auth/"):
        auth = make_oauth_provider(
            SERVER_ID,
            url,
            keychain_with_context(context),
            headless_browser,
            timeout=20,
            server_name=NAME,
            client_metadata_url=CONFORMANCE_CLIENT_METADATA_URL,
        )
    session = McpSession(McpEndpoint(name=NAME, url=url, auth=auth, timeout=20))
    asker = TerminalAsker(yes=True, stdin=sys.stdin, out=sys.stderr)
    await session.start()
    try:
        tools = await session.list_tools()
        log.info("tools: %s", [tool.get("name") for tool in tools])
        for tool in tools:
            name = str(tool.get("name"))
            result = await session.call_tool(name, ARGUMENTS.get(name, {}), elicitation=asker)
            log.info("%s -> %s %s", name, result.status, result.text[:200])
    finally:
        await session.close()


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(name)s %(levelname)s %(message)s")
    if len(argv) < 2:
        print("usage: python -m tests.support.conformance_client SERVER_URL", file=sys.stderr)
        return 2
    scenario = os.environ.get("MCP_CONFORMANCE_SCENARIO", "")
    context = json.loads(os.environ.get("MCP_CONFORMANCE_CONTEXT") or "{}")
    try:
        asyncio.run(run(argv[-1], scenario, context))
    except ConnectorError as error:
        print(f"conformance client: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
