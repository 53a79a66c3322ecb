"""What a tool run's record keeps: arguments without secrets (by schema, by name, by value), a one-line summary, and
a result capped in size; and the connectors' loop thread that runs it all."""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path

import pytest

from vector_desktop.domain.connectors import ConnectorTimeout, ConnectorUnavailable
from vector_desktop.domain.tools import AuthRequest, ToolResult, ToolStatus
from vector_desktop.services.connectors.runtime import LoopThread
from vector_desktop.services.scrubber import REDACTED, Scrubber
from vector_desktop.services.tool_run_records import capped_json, scrub_arguments, status_of, summary_of

KEYCHAIN_VALUE = "correct-horse-battery-staple"


@pytest.fixture
def scrubber() -> Scrubber:
    return Scrubber(lambda: [KEYCHAIN_VALUE], Path("/home/ada"), user_name="ada")


def test_arguments_lose_their_secrets_and_keep_everything_else(scrubber: Scrubber) -> None:
    schema = {
        "type": "object",
        "properties": {
            "input": {
                "type": "object",
                "properties": {
                    "passphrase_field": {"type": "string", "format": "password"},
                    "pin": {"writeOnly": True},
                },
            },
            "items": {"type": "array", "items": {"type": "object", "properties": {"code": {"format": "password"}}}},
        },
    }
    arguments = {
        "input": {"passphrase_field": "hunter22", "pin": "1234", "title": f"uses {KEYCHAIN_VALUE}", "n": 3},
        "items": [{"code": "abc123", "path": "/home/ada/notes.txt"}],
        "api_key": "plain-value",
        "header": "Bearer abcdefghijklmnopqrstuvwxyz",
        "empty_token": "",
        "path": "/home/ada/report.pdf",
    }
    assert scrub_arguments(arguments, schema, scrubber) == {
        "input": {"passphrase_field": REDACTED, "pin": REDACTED, "title": f"uses {REDACTED}", "n": 3},
        "items": [{"code": REDACTED, "path": "/home/ada/notes.txt"}],  # no secret here: kept as typed
        "api_key": REDACTED,
        "header": f"Bearer {REDACTED}",
        "empty_token": "",
        "path": "/home/ada/report.pdf",
    }
    assert arguments["input"]["pin"] == "1234"  # the call itself gets the real values


def test_summaries_are_one_line() -> None:
    ok = ToolStatus.SUCCEEDED
    assert summary_of(ToolResult(ok, structured={"results": [1, 2, 3]})) == "3 results"
    assert summary_of(ToolResult(ok, structured=[{"id": 1}])) == "1 record"
    assert summary_of(ToolResult(ok, text="first line\n  second   line")) == "first line second line"
    assert summary_of(ToolResult(ok, text="x" * 500)).endswith("…")
    assert summary_of(ToolResult(ToolStatus.FAILED, text="It broke.", is_error=True)) == "It broke."
    auth = AuthRequest("linear", message="Please connect Linear.")
    assert summary_of(ToolResult(ToolStatus.NEEDS_AUTH, auth=auth)) == "Please connect Linear."


def test_results_are_capped_and_lists_stay_valid_json() -> None:
    records = [{"id": index, "text": "y" * 100} for index in range(100)]
    text, cut = capped_json(records, 1000)
    assert cut and len(text.encode()) <= 1000
    kept = json.loads(text)
    assert kept == records[: len(kept)] and 0 < len(kept) < 100
    text, cut = capped_json("é" * 2000, 1001)
    assert cut and len(text.encode()) <= 1001
    assert capped_json({"a": 1}, 1000) == ('{"a": 1}', False)


def test_errors_map_to_statuses() -> None:
    assert status_of(ConnectorTimeout("No answer in 30 s."))[0] is ToolStatus.TIMED_OUT
    assert status_of(asyncio.CancelledError())[0] is ToolStatus.CANCELLED
    assert status_of(ConnectorUnavailable("Gone.")) == (ToolStatus.FAILED, "Gone.")
    assert "unexpectedly (KeyError)" in status_of(KeyError("x"))[1]


def test_the_loop_thread_runs_coroutines_and_stops_cleanly() -> None:
    runtime = LoopThread("test-connectors")

    async def where() -> str:
        return threading.current_thread().name

    assert runtime.run(where()) == "test-connectors"
    assert runtime.submit(where()).result(10) == "test-connectors"
    called = threading.Event()
    runtime.call_soon(called.set)
    assert called.wait(10)

    async def nested() -> None:
        coro = where()
        with pytest.raises(RuntimeError):
            runtime.run(coro)

    runtime.run(nested())
    with pytest.raises(TimeoutError):
        runtime.run(asyncio.sleep(10), timeout=0.05)

    cancelled = threading.Event()

    async def forever() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    pending = runtime.submit(forever())
    runtime.stop(timeout=5)
    assert cancelled.is_set() and pending.cancelled()
    assert runtime.loop.is_closed()
    with pytest.raises(RuntimeError):
        runtime.submit(where())
