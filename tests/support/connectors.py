"""A real connectors service on a temp profile: the core (store, settings, keychain on a MemoryKeyring), the
runtime thread and the service, opened. Tests drive it from plain sync code with `rig.run(service.xxx())`.

    from tests.support.connectors import connectors_rig  # noqa: F401   (the fixture)
    def test_x(connectors_rig): connectors_rig.run(connectors_rig.service.refresh())
"""

from __future__ import annotations

import time
from collections.abc import Callable, Coroutine, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.support.memory_keyring import MemoryKeyring
from vector_desktop.core import Core, make_connectors, open_core
from vector_desktop.domain.connectors_api import CallProgress, ConnectorsListener, ServerLogLine
from vector_desktop.paths import resolve_paths
from vector_desktop.secrets import SecretStore
from vector_desktop.services.connectors.connectors_service import ConnectorsService
from vector_desktop.services.connectors.runtime import LoopThread

T = TypeVar("T")
WAIT_S = 30.0
FAST_RESTARTS = (0.2, 0.5, 1.0)
KEYCHAIN_SERVICE = "vector-desktop-test"


def eventually(condition: Callable[[], object], what: str, timeout: float = WAIT_S) -> None:
    """Poll `condition` from a sync test until it holds (the timeout guards against hangs, it asserts no timing)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.02)


@dataclass
class RecordingListener(ConnectorsListener):
    """Every event, in order (appended on the connectors' thread; list appends are atomic)."""

    events: list[tuple[str, Any]] = field(default_factory=list)

    def connectors_changed(self) -> None:
        self.events.append(("connectors", None))

    def tools_changed(self, connector_key: str) -> None:
        self.events.append(("tools", connector_key))

    def actions_changed(self) -> None:
        self.events.append(("actions", None))

    def call_progress(self, progress: CallProgress) -> None:
        self.events.append(("progress", progress))

    def server_log(self, line: ServerLogLine) -> None:
        self.events.append(("log", line))

    def of(self, kind: str) -> list[Any]:
        return [value for name, value in list(self.events) if name == kind]


@dataclass
class ConnectorsRig:
    profile: Path
    keyring: MemoryKeyring
    environ: dict[str, str]
    core: Core
    runtime: LoopThread
    service: ConnectorsService
    listener: RecordingListener

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 60.0) -> T:
        return self.runtime.run(coro, timeout)

    closed: bool = False

    def close(self) -> None:
        """What quitting the app does (idempotent)."""
        if self.closed:
            return
        self.closed = True
        try:
            self.runtime.run(self.service.close(), 30)
        finally:
            self.runtime.stop()
            self.core.close()

    def secrets(self) -> dict[str, str]:
        """What the keychain holds for this profile (entry name -> value)."""
        return {name: value for (service, name), value in self.keyring.values.items() if service == KEYCHAIN_SERVICE}


def open_rig(
    profile: Path,
    keyring: MemoryKeyring | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    offline: bool = False,
    **service_options: Any,
) -> ConnectorsRig:
    keyring = keyring or MemoryKeyring()
    env = dict(environ or {})
    paths = resolve_paths(profile, environ={})
    core = open_core(paths, offline=offline, environ=env, secrets=SecretStore(KEYCHAIN_SERVICE, backend=keyring))
    service_options.setdefault("restart_backoff", FAST_RESTARTS)
    runtime, service = make_connectors(core, **service_options)
    listener = RecordingListener()
    service.add_listener(listener)
    runtime.start()
    try:
        runtime.run(service.open(), 60)
    except BaseException:
        runtime.stop()
        core.close()
        raise
    return ConnectorsRig(profile, keyring, env, core, runtime, service, listener)


class RigFactory:
    """Opens the service on one profile and keychain, as many times as a test starts "the app"."""

    def __init__(self, profile: Path) -> None:
        self.profile = profile
        self.keyring = MemoryKeyring()
        self.rigs: list[ConnectorsRig] = []

    def __call__(self, environ: Mapping[str, str] | None = None, **options: Any) -> ConnectorsRig:
        rig = open_rig(self.profile, self.keyring, environ, **options)
        self.rigs.append(rig)
        return rig

    def close_all(self) -> None:
        for rig in reversed(self.rigs):
            rig.close()


@pytest.fixture(name="open_connectors")
def open_connectors(profile_dir: Path) -> Iterator[RigFactory]:
    """`open_connectors(environ={...}, offline=False)` opens the service on the test's profile; every one opened
    is closed at the end."""
    factory = RigFactory(profile_dir)
    yield factory
    factory.close_all()


@pytest.fixture(name="connectors_rig")
def connectors_rig(open_connectors: RigFactory) -> ConnectorsRig:
    """A service opened on a fresh profile without Merge settings."""
    return open_connectors()
