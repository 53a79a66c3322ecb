"""Online or offline? A cheap TCP connect to the service the app needs, never blocking (pure asyncio)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from vector_desktop.config import Config

DEFAULT_TIMEOUT = 1.5


@dataclass(frozen=True)
class ConnectivityResult:
    online: bool
    reason: str
    target: str = ""


class ConnectivityChecker:
    """`--offline` forces offline; otherwise the host:port of VECTOR_CONNECTIVITY_URL (else the AI provider) must
    accept a TCP connection within `timeout` seconds. A localhost or LAN server counts as online when it answers."""

    def __init__(
        self,
        config: Config,
        *,
        offline: bool = False,
        provider_url: Callable[[], str] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self._config = config
        self._provider_url = provider_url
        self.forced_offline = offline
        self.timeout = timeout

    def target_url(self) -> str:
        url = str(self._config.get("VECTOR_CONNECTIVITY_URL") or "")
        if not url and self._provider_url is not None:
            url = self._provider_url()
        return url or str(self._config.get("OPENROUTER_BASE_URL") or "")

    async def check(self) -> ConnectivityResult:
        if self.forced_offline:
            return ConnectivityResult(False, "Offline mode (started with --offline).")
        url = self.target_url()
        address = host_and_port(url)
        if address is None:
            return ConnectivityResult(False, f"No server to check: '{url}' is not a web address.")
        host, port = address
        shown = f"{host}:{port}"
        try:
            _reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), self.timeout)
        except TimeoutError:
            return ConnectivityResult(False, f"{shown} did not answer within {self.timeout:g} s.", shown)
        except OSError as error:
            return ConnectivityResult(False, f"Cannot reach {shown}: {_why(error)}.", shown)
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
        return ConnectivityResult(True, f"{shown} is reachable.", shown)


def _why(error: OSError) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, socket.gaierror):
        return "host name not found"
    text = str(error.strerror or error).rstrip(".")
    return text or type(error).__name__


def host_and_port(url: str) -> tuple[str, int] | None:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname or parts.scheme not in ("http", "https"):
        return None
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)
