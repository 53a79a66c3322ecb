"""LLMClient.warm_up (run off the GUI thread at start) loads what the first request would load, so the first
request of a session loads no module on the GUI thread (it was ~30 modules of anyio and httpcore's backend, a
25-30 ms stall at the first Send). Checked in a fresh interpreter against the scripted model server; and the
warm-up itself sends nothing anywhere but to its own socket on the loopback."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from tests.support.fixtures_ai import sse_server as _sse_server_fixture  # noqa: F401
from tests.support.sse_server import ScriptedLLMServer, text_stream

FIRST_REQUEST = textwrap.dedent(
    """
    import asyncio, json, sys
    from vector_desktop.ai.client import LLMClient
    from vector_desktop.ai.providers import ProviderConfig
    from vector_desktop.ai.types import ChatMessage, LLMSettings

    client = LLMClient([ProviderConfig.openrouter("sk-or-v1-test", sys.argv[1])], timeout=30, max_retries=0)
    client.prepare()  # (as the GUI does at start: the HTTP client alone)
    if sys.argv[2] == "prepared":
        client.warm_up()

    async def first_request():
        before = set(sys.modules)
        text = ""
        async for chunk in client.stream([ChatMessage("user", "hello")], LLMSettings(model="vendor/model")):
            text += chunk.text
        loaded = sorted(set(sys.modules) - before)
        await client.aclose()
        return text, loaded

    text, loaded = asyncio.run(first_request())
    print(json.dumps({"text": text, "loaded": loaded}))
    """
)


def first_request(server: ScriptedLLMServer, mode: str) -> dict[str, object]:
    server.add(text_stream(["Hi", " there"]))
    result = subprocess.run(
        [sys.executable, "-c", FIRST_REQUEST, server.base_url, mode], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return report


def test_after_warm_up_the_first_request_loads_no_module(sse_server: ScriptedLLMServer) -> None:
    cold = first_request(sse_server, "cold")
    assert cold["text"] == "Hi there"
    assert any(str(name).startswith("anyio.") for name in cold["loaded"])  # type: ignore[attr-defined]  # what it saves
    prepared = first_request(sse_server, "prepared")
    assert prepared == {"text": "Hi there", "loaded": []}
    requests = [r for r in sse_server.requests if r.endpoint == "chat/completions"]
    assert len(requests) == 2  # the warm-up went to its own socket, not to the provider
