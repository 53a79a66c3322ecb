"""The signed-in account in telemetry: its hash (never the email) as Mixpanel's distinct id and Sentry's user id,
only while the user agreed; back to the random id after sign-out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.test_sentry_loopback import CaptureServer, make_reporter
from tests.integration.test_sentry_loopback import home as home
from tests.integration.test_sentry_loopback import server as server
from vector_desktop.config import Config
from vector_desktop.domain.account import AccountProfile
from vector_desktop.services.scrubber import Scrubber
from vector_desktop.services.telemetry import Analytics
from vector_desktop.store.telemetry_repository import TelemetryRepository

ADA = AccountProfile(provider="google", subject="110248495921238986420", email="ada@example.com", name="Ada")


def analytics(store, tmp_path: Path, consent: bool) -> tuple[Analytics, TelemetryRepository]:  # type: ignore[no-untyped-def]
    config = Config(environ={"MIXPANEL_TOKEN": "tok", "VECTOR_ANALYTICS": str(consent).lower()})
    queue = TelemetryRepository(store.sessions)
    return Analytics(config, queue, Scrubber(lambda: [], tmp_path), tmp_path / "analytics-id"), queue


def test_the_account_hash_is_the_distinct_id_with_consent(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tracker, queue = analytics(store, tmp_path, consent=True)
    anonymous = tracker.distinct_id()
    tracker.set_user(ADA.user_hash)
    assert tracker.track("chat.sent")
    tracker.set_user(None)  # signed out
    assert tracker.track("chat.sent")
    first, second = queue.pending(10)
    assert first.distinct_id == ADA.user_hash and "ada" not in first.distinct_id
    assert second.distinct_id == anonymous != ADA.user_hash


def test_no_account_id_without_consent(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tracker, queue = analytics(store, tmp_path, consent=False)
    tracker.set_user(ADA.user_hash)
    assert not tracker.track("chat.sent")
    assert tracker.distinct_id() != ADA.user_hash
    assert queue.count() == 0


@pytest.fixture
def reporters() -> Iterator[list]:  # type: ignore[type-arg]
    made: list = []  # type: ignore[type-arg]
    yield made
    for reporter in made:
        reporter.disable()


def test_sentry_user_is_the_hash_only_while_reports_are_on(
    server: CaptureServer,
    home: Path,
    reporters: list,  # type: ignore[type-arg]
) -> None:
    reporter, _config = make_reporter(server, home, consent=True)
    reporters.append(reporter)
    reporter.set_user(ADA.user_hash)  # before reports start: applied when they do
    assert reporter.refresh()
    reporter.capture_exception(RuntimeError("one"))
    reporter.set_user(None)  # signed out
    reporter.capture_exception(RuntimeError("two"))
    reporter.flush(timeout=10)
    first, second = server.events()
    assert first["user"] == {"id": ADA.user_hash}
    assert "user" not in second or not second["user"]
    assert b"ada@example.com" not in b"".join(server.bodies)
