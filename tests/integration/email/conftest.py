"""Fixtures of the email integration tests: a real aiosmtpd server on 127.0.0.1 and an app core pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.smtp_server import SmtpServer


@pytest.fixture
def smtp_tls(tmp_path: Path) -> Iterator[SmtpServer]:
    server = SmtpServer(tmp_path / "smtp", "tls").start()
    yield server
    server.stop()


@pytest.fixture
def smtp_starttls(tmp_path: Path) -> Iterator[SmtpServer]:
    server = SmtpServer(tmp_path / "smtp", "starttls").start()
    yield server
    server.stop()


@pytest.fixture
def open_email(app_paths: Any) -> Iterator[Any]:
    """open_email(server, **settings) -> (core, service): the core reads the server's settings from the
    environment; the service trusts the server's test certificate only."""
    from vector_desktop.core import open_core
    from vector_desktop.core_email import make_email

    opened: list[Any] = []

    def make(server: SmtpServer, identity: Any = None, **kwargs: Any) -> tuple[Any, Any]:
        settings = kwargs.pop("settings", {})
        core = open_core(app_paths, environ=server.settings(**settings))
        service = make_email(core, identity=identity, ssl_context=server.client_context(), **kwargs)
        opened.append((core, service))
        return core, service

    yield make
    for core, service in reversed(opened):
        service.close()
        core.close()
