"""The online/offline check against real sockets on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Iterator

import pytest

from vector_desktop.config import Config
from vector_desktop.services.connectivity import ConnectivityChecker, host_and_port


@pytest.fixture
def listening() -> Iterator[int]:
    """A port that accepts TCP connections (the kernel completes the handshake; nobody needs to accept)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield int(server.getsockname()[1])


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def silent() -> Iterator[int]:
    """A port whose accept queue is full, so new connections get no answer (like a black-holed host)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = int(server.getsockname()[1])
    fillers = []
    for _ in range(3):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):  # the handshake completes in the background
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    yield port
    for filler in fillers:
        filler.close()
    server.close()


def checker_for(url: str, **kw: object) -> ConnectivityChecker:
    return ConnectivityChecker(Config(environ={"VECTOR_CONNECTIVITY_URL": url}), **kw)  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_open_port_is_online(listening: int) -> None:
    result = await checker_for(f"http://127.0.0.1:{listening}/health").check()
    assert result.online
    assert result.target == f"127.0.0.1:{listening}"
    assert "reachable" in result.reason


@pytest.mark.asyncio
async def test_localhost_name_counts_when_it_answers(listening: int) -> None:
    result = await checker_for(f"http://localhost:{listening}").check()
    assert result.online, result.reason


@pytest.mark.asyncio
async def test_closed_port_is_offline_with_a_reason(closed_port: int) -> None:
    result = await checker_for(f"http://127.0.0.1:{closed_port}").check()
    assert not result.online
    assert result.reason == f"Cannot reach 127.0.0.1:{closed_port}: connection refused."


@pytest.mark.asyncio
async def test_a_server_that_never_answers_times_out(silent: int) -> None:
    result = await checker_for(f"https://127.0.0.1:{silent}", timeout=0.3).check()
    assert not result.online
    assert result.reason == f"127.0.0.1:{silent} did not answer within 0.3 s."


@pytest.mark.asyncio
async def test_offline_flag_wins_without_connecting(listening: int) -> None:
    result = await checker_for(f"http://127.0.0.1:{listening}", offline=True).check()
    assert not result.online
    assert "--offline" in result.reason


@pytest.mark.asyncio
async def test_check_does_not_block_the_loop(silent: int) -> None:
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    task = asyncio.ensure_future(ticker())
    try:
        await checker_for(f"http://127.0.0.1:{silent}", timeout=0.3).check()
    finally:
        task.cancel()
    assert ticks > 3, "other coroutines kept running while the check waited"


def test_target_precedence() -> None:
    base = {"OPENROUTER_BASE_URL": "https://router.example/api/v1"}
    assert ConnectivityChecker(Config(environ=base)).target_url() == "https://router.example/api/v1"
    provider = ConnectivityChecker(Config(environ=base), provider_url=lambda: "http://127.0.0.1:8080/v1")
    assert provider.target_url() == "http://127.0.0.1:8080/v1"
    explicit = {**base, "VECTOR_CONNECTIVITY_URL": "http://192.168.1.5:9000/ping"}
    chosen = ConnectivityChecker(Config(environ=explicit), provider_url=lambda: "http://127.0.0.1:8080/v1")
    assert chosen.target_url() == "http://192.168.1.5:9000/ping"


@pytest.mark.asyncio
async def test_no_usable_address_is_offline() -> None:
    result = await ConnectivityChecker(Config(), provider_url=lambda: "not a url").check()
    assert not result.online
    assert result.reason == "No server to check: 'not a url' is not a web address."


def test_host_and_port() -> None:
    assert host_and_port("ftp://example.com") is None
    assert host_and_port("https://example.com") == ("example.com", 443)
    assert host_and_port("http://example.com") == ("example.com", 80)
    assert host_and_port("http://[::1]:8080/x") == ("::1", 8080)
    assert host_and_port("http://example.com:99999") is None
