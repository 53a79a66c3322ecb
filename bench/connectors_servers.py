"""Servers for the connectors benches: the SDK test server in a child process, the real connectors service on a
temp profile, and stdio servers added to a profile through the command line."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.connectors_rig import SERVERS

ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------------------------------------ MCP server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def tool_server_child() -> Iterator[str]:
    """The SDK test server (tests/support/mcp_tool_server.py) over streamable HTTP in a child process (its own
    interpreter and GIL, as a real server would be); yields its URL."""
    port = free_port()
    command = [sys.executable, "-m", "tests.support.mcp_tool_server", "--http", str(port)]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/mcp"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the MCP test server did not start") from None
                time.sleep(0.05)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(5)


@dataclass
class ServiceRig:
    runtime: Any
    service: Any
    core: Any

    def close(self) -> None:
        try:
            self.runtime.run(self.service.close(), 30)
        finally:
            self.runtime.stop()
            self.core.close()


def open_service(profile: Path) -> ServiceRig:
    """The real ConnectorsService on a fresh profile, built as core.make_connectors builds it for the CLI and the
    GUI, with the keychain in memory (tests/support/memory_keyring.py)."""
    from tests.support.memory_keyring import MemoryKeyring
    from vector_desktop.core import make_connectors, open_core
    from vector_desktop.paths import resolve_paths
    from vector_desktop.secrets import SecretStore

    paths = resolve_paths(profile, environ={})
    secrets = SecretStore("vector-desktop-bench", backend=MemoryKeyring())
    core = open_core(paths, environ={}, secrets=secrets)
    runtime, service = make_connectors(core)
    runtime.start()
    runtime.run(service.open(), 60)
    return ServiceRig(runtime, service, core)


# ------------------------------------------------------------------------------------------------ start-up


def add_stdio_servers(profile: Path, env: dict[str, str], count: int) -> None:
    """`vector-desktop connectors add-mcp NAME --cwd ROOT -- python -m tests.support.mcp_tool_server --stdio`."""
    names = sorted(SERVERS)[:count]
    for name in names:
        command = [sys.executable, "-m", "vector_desktop", "connectors", "--profile", str(profile), "add-mcp", name]
        server = [sys.executable, "-m", "tests.support.mcp_tool_server", "--stdio", "--name", name]
        subprocess.run([*command, "--cwd", str(ROOT), "--", *server], env=env, check=True, capture_output=True)
