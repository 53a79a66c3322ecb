"""Waiting inside async Qt tests: for a condition, or for a signal. The timeouts guard against hangs; they are not
timing assertions."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

WAIT_S = 30.0


async def wait_for(condition: Callable[[], object], what: str, timeout: float = WAIT_S) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.02)

    try:
        await asyncio.wait_for(poll(), timeout)
    except TimeoutError:
        raise AssertionError(f"never happened: {what}") from None


async def next_emission(signal: Any, timeout: float = WAIT_S) -> tuple[Any, ...]:
    """The arguments of the signal's next emission."""
    got: list[tuple[Any, ...]] = []
    event = asyncio.Event()

    def fire(*args: Any) -> None:
        got.append(args)
        event.set()

    signal.connect(fire)
    try:
        await asyncio.wait_for(event.wait(), timeout)
    finally:
        signal.disconnect(fire)
    return got[0]


class DictSettings(dict[str, str]):
    """A settings source over a plain dict (what the storage service reads its R2_* values from)."""

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        return super().get(key, default)
