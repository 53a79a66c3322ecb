"""Loaders that keep PostgreSQL values faithful where psycopg's defaults cannot: dates and timestamps outside
Python's range ('infinity', year 10000+) come back as the server's text instead of failing the whole page, and an
interval with months or years comes back as the server's text ("1 year 2 mons") instead of being turned into
30-day months. Every other value uses psycopg's own (C) loader."""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.adapt import Buffer, Loader
from psycopg.pq import Format

_OUT_OF_RANGE_TYPES = ("date", "timestamp", "timestamptz")


class _TextOnFailure(Loader):
    """psycopg's loader for the type, or the server's text when it cannot represent the value."""

    inner_class: type[Loader]

    def __init__(self, oid: int, context: Any = None) -> None:
        super().__init__(oid, context)
        self._inner = self.inner_class(oid, context)

    def load(self, data: Buffer) -> Any:
        try:
            return self._inner.load(data)
        except (psycopg.DataError, ValueError, OverflowError):
            return bytes(data).decode("utf-8", "replace")


class _IntervalLoader(_TextOnFailure):
    def load(self, data: Buffer) -> Any:
        raw = bytes(data)
        if b"mon" in raw or b"year" in raw or b"infinity" in raw:
            return raw.decode("utf-8", "replace")  # months have no fixed length: keep the server's words
        return super().load(data)


def register_faithful_loaders(conn: psycopg.Connection[Any]) -> None:
    """Install the loaders on one connection (text format, which the adapter's cursors use)."""
    adapters = conn.adapters
    for name in _OUT_OF_RANGE_TYPES:
        info = adapters.types.get(name)
        if info is None:
            continue
        inner = adapters.get_loader(info.oid, Format.TEXT)
        if inner is None:
            continue
        loader = type(f"Faithful{name.title()}Loader", (_TextOnFailure,), {"inner_class": inner})
        adapters.register_loader(info.oid, loader)
    interval = adapters.types.get("interval")
    if interval is not None:
        inner = adapters.get_loader(interval.oid, Format.TEXT)
        if inner is not None:
            adapters.register_loader(
                interval.oid, type("FaithfulIntervalLoader", (_IntervalLoader,), {"inner_class": inner})
            )
