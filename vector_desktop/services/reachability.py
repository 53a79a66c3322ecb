"""Is the server behind a model reachable? Judged per provider, by a TCP connect to its own host:port (a server on
localhost or the LAN counts as online), never by probing some internet host. Feeds ChatService's outbox.

`is_reachable(model)` is cheap and synchronous (it reads the last probe); `refresh()` probes every known server
concurrently (asyncio, never blocking the loop). Before the first probe a server counts as reachable, so the first
send tries, and fails with a clear error if the server is down. `--offline` makes every remote model unreachable.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterable

from vector_desktop.services.connectivity import host_and_port

LOCAL_PREFIX = "local:"


class ProviderReachability:
    def __init__(
        self,
        base_url_of: Callable[[str], str | None],
        *,
        offline: bool = False,
        timeout: float = 1.5,
    ) -> None:
        """`base_url_of(model)` gives the base URL of the provider serving a model (None: cannot be routed)."""
        self._base_url_of = base_url_of
        self.offline = offline
        self.timeout = timeout
        self._state: dict[str, bool] = {}

    def is_reachable(self, model: str) -> bool:
        if model.startswith(LOCAL_PREFIX):
            return True
        if self.offline:
            return False
        url = self._base_url_of(model)
        if not url:
            return True  # not routable: sending reports the real problem ("add an API key")
        address = host_and_port(url)
        return True if address is None else self._state.get(_key(address), True)

    def set_offline(self, offline: bool) -> None:
        self.offline = offline

    def mark(self, url: str, reachable: bool) -> None:
        address = host_and_port(url)
        if address is not None:
            self._state[_key(address)] = reachable

    async def refresh(self, urls: Iterable[str]) -> dict[str, bool]:
        """Probe these servers; returns {host:port: reachable}. Callers then flush the outbox if one came back."""
        addresses = {_key(a): a for a in (host_and_port(u) for u in urls) if a is not None}
        results = await asyncio.gather(*(self._probe(host, port) for host, port in addresses.values()))
        for key, ok in zip(addresses, results, strict=True):
            self._state[key] = ok
        return dict(zip(addresses, results, strict=True))

    async def _probe(self, host: str, port: int) -> bool:
        try:
            _reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), self.timeout)
        except (TimeoutError, OSError):
            return False
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
        return True


def _key(address: tuple[str, int]) -> str:
    return f"{address[0]}:{address[1]}"
