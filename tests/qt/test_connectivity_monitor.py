"""ConnectivityMonitor: the online/offline signal, driven by real sockets on 127.0.0.1 and the qasync loop."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator

import pytest

from vector_desktop.config import Config
from vector_desktop.presentation.connectivity import ConnectivityMonitor
from vector_desktop.services.connectivity import ConnectivityChecker


@pytest.fixture
def listening() -> Iterator[int]:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield int(server.getsockname()[1])


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Recorder:
    def __init__(self, monitor: ConnectivityMonitor) -> None:
        self.changes: list[tuple[bool, str]] = []
        self._event = asyncio.Event()
        monitor.online_changed.connect(self._on_change)

    def _on_change(self, online: bool, reason: str) -> None:
        self.changes.append((online, reason))
        self._event.set()

    async def next_change(self) -> tuple[bool, str]:
        await asyncio.wait_for(self._event.wait(), 10)
        self._event.clear()
        return self.changes[-1]


def make_monitor(target: list[str], offline: bool = False, interval_ms: int = 120_000) -> ConnectivityMonitor:
    checker = ConnectivityChecker(Config(), offline=offline, provider_url=lambda: target[0], timeout=1.0)
    return ConnectivityMonitor(checker, online_interval_ms=interval_ms, offline_interval_ms=interval_ms)


@pytest.mark.asyncio
async def test_first_check_reports_state_and_changes_follow(listening: int, closed_port: int) -> None:
    target = [f"http://127.0.0.1:{listening}"]
    monitor = make_monitor(target)
    recorder = Recorder(monitor)
    assert monitor.online, "assumed online until the first check, so start-up never waits"
    assert monitor.check_now() is None, "no checks before start()"
    monitor.start()
    try:
        assert await recorder.next_change() == (True, f"127.0.0.1:{listening} is reachable.")
        target[0] = f"http://127.0.0.1:{closed_port}"
        task = monitor.check_now()
        assert task is not None
        online, reason = await recorder.next_change()
        assert not online and not monitor.online
        assert "connection refused" in reason and monitor.reason == reason
        await monitor.check_now()  # same state again: no new signal
        assert len(recorder.changes) == 2
    finally:
        monitor.stop()


@pytest.mark.asyncio
async def test_rechecks_on_a_timer_while_offline(listening: int, closed_port: int) -> None:
    target = [f"http://127.0.0.1:{closed_port}"]
    monitor = make_monitor(target, interval_ms=20)
    recorder = Recorder(monitor)
    monitor.start()
    try:
        assert (await recorder.next_change())[0] is False
        target[0] = f"http://127.0.0.1:{listening}"  # the network comes back; nobody calls check_now()
        assert (await recorder.next_change())[0] is True
    finally:
        monitor.stop()
    assert not monitor.running


@pytest.mark.asyncio
async def test_offline_flag(listening: int) -> None:
    monitor = make_monitor([f"http://127.0.0.1:{listening}"], offline=True, interval_ms=10)
    recorder = Recorder(monitor)
    assert not monitor.online
    monitor.start()
    try:
        online, reason = await recorder.next_change()
        assert not online and "--offline" in reason
        assert not monitor._timer.isActive(), "no periodic checks when offline was asked for"
    finally:
        monitor.stop()


@pytest.mark.asyncio
async def test_stop_cancels_a_running_check() -> None:
    class Slow:
        forced_offline = False
        started = asyncio.Event()

        async def check(self):  # type: ignore[no-untyped-def]
            self.started.set()
            await asyncio.sleep(60)

    checker = Slow()
    monitor = ConnectivityMonitor(checker)
    monitor.start()
    task = monitor.check_now()
    assert task is not None
    await asyncio.wait_for(checker.started.wait(), 10)
    monitor.stop()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert task.cancelled()
    assert not monitor._timer.isActive()
