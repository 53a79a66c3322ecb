"""Fixtures for Merge tests: a fresh loopback Merge Agent Handler (tests/support/merge_server.py) per test.

Import into a test module: `from tests.support.fixtures_merge import merge_server  # noqa: F401`, or register
`tests.support.fixtures_merge` in the root conftest's pytest_plugins.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.merge_server import MergeServer


@pytest.fixture(name="merge_server")
def merge_server() -> Iterator[MergeServer]:
    """The fake on a free port of 127.0.0.1; `merge_server.settings()` gives MERGE_* settings pointing at it."""
    server = MergeServer().start()
    try:
        yield server
    finally:
        server.stop()
