"""Crash reports go to a real HTTP endpoint on 127.0.0.1 (the DSN host): scrubbed, and only with consent."""

from __future__ import annotations

import gzip
import json
import logging
import threading
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from vector_desktop.config import Config
from vector_desktop.services.scrubber import Scrubber
from vector_desktop.services.telemetry import CrashReporter

SECRET = "sk-or-v1-loopback-secret-0123456789abcdef"
KEYCHAIN_ONLY = "pw-from-keychain-55555"


class CaptureServer:
    """Records every request body (decompressed) sent to it."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self.paths: list[str] = []
        self.received = threading.Condition()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                encoding = (self.headers.get("Content-Encoding") or "").lower()
                if encoding == "gzip":
                    raw = gzip.decompress(raw)
                elif encoding == "deflate":
                    raw = zlib.decompress(raw)
                elif encoding == "br":
                    import brotli  # type: ignore[import-not-found]

                    raw = brotli.decompress(raw)
                with outer.received:
                    outer.bodies.append(raw)
                    outer.paths.append(self.path)
                    outer.received.notify_all()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def events(self) -> list[dict[str, object]]:
        """The `event` items of every envelope received."""
        found: list[dict[str, object]] = []
        for body in self.bodies:
            lines = body.split(b"\n")
            for header, payload in zip(lines[1::2], lines[2::2], strict=False):
                if json.loads(header).get("type") == "event":
                    found.append(json.loads(payload))
        return found


@pytest.fixture
def server() -> Iterator[CaptureServer]:
    capture = CaptureServer()
    capture.thread.start()
    yield capture
    capture.httpd.shutdown()
    capture.httpd.server_close()
    capture.thread.join(5)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home" / "alice"
    path.mkdir(parents=True)
    return path


def make_reporter(server: CaptureServer, home: Path, consent: bool, dsn: bool = True) -> tuple[CrashReporter, Config]:
    environ = {
        "SENTRY_DSN": f"http://public@127.0.0.1:{server.port}/1" if dsn else "",
        "SENTRY_ENVIRONMENT": "loopback-test",
        "VECTOR_CRASH_REPORTS": "true" if consent else "false",
        "OPENROUTER_API_KEY": SECRET,
    }
    config = Config(environ=environ)
    scrubber = Scrubber(lambda: [SECRET, KEYCHAIN_ONLY], home, user_name="alice")
    reporter = CrashReporter(config, scrubber)
    config.listeners.append(reporter.on_settings_changed)
    return reporter, config


@pytest.fixture
def reporters() -> Iterator[list[CrashReporter]]:
    made: list[CrashReporter] = []
    yield made
    for reporter in made:
        reporter.disable()


def failing_upload(home: Path) -> None:
    raise PermissionError(f"cannot read {home}/Documents/tax-2026.pdf using key {SECRET} (pw {KEYCHAIN_ONLY})")


def test_error_report_arrives_scrubbed(server: CaptureServer, home: Path, reporters: list[CrashReporter]) -> None:
    reporter, _config = make_reporter(server, home, consent=True)
    reporters.append(reporter)
    assert reporter.refresh() is True
    logging.getLogger("vector_desktop.test").warning("opening %s/notes.txt with %s", home, SECRET)
    try:
        failing_upload(home)
    except PermissionError as error:
        event_id = reporter.capture_exception(error)
    assert event_id
    reporter.flush(timeout=10)

    raw = b"".join(server.bodies)
    assert server.paths and all(path.startswith("/api/1/envelope/") for path in server.paths)
    assert SECRET.encode() not in raw
    assert KEYCHAIN_ONLY.encode() not in raw
    assert str(home).encode() not in raw
    (event,) = server.events()
    assert event["environment"] == "loopback-test"
    assert "server_name" not in event
    exception = event["exception"]["values"][-1]  # type: ignore[index]
    assert exception["type"] == "PermissionError"
    assert "~/Documents/tax-2026.pdf" in exception["value"]
    assert exception["stacktrace"]["frames"][-1]["function"] == "failing_upload"
    assert all("vars" not in frame for frame in exception["stacktrace"]["frames"]), "locals may hold secrets"
    crumbs = [crumb["message"] for crumb in event["breadcrumbs"]["values"]]  # type: ignore[index]
    assert any("~/notes.txt" in crumb for crumb in crumbs)


def test_nothing_is_sent_without_consent(server: CaptureServer, home: Path, reporters: list[CrashReporter]) -> None:
    reporter, _config = make_reporter(server, home, consent=False)
    reporters.append(reporter)
    assert reporter.refresh() is False
    assert not reporter.active
    try:
        failing_upload(home)
    except PermissionError as error:
        assert reporter.capture_exception(error) is None
        import sentry_sdk

        assert sentry_sdk.capture_exception(error) is None, "no Sentry client may be installed"
    reporter.flush(timeout=1)
    assert server.bodies == []


def test_consent_without_dsn_sends_nothing(server: CaptureServer, home: Path, reporters: list[CrashReporter]) -> None:
    reporter, _config = make_reporter(server, home, consent=True, dsn=False)
    reporters.append(reporter)
    assert reporter.refresh() is False
    assert reporter.capture_exception(RuntimeError("x")) is None
    assert server.bodies == []


def test_withdrawing_consent_stops_reports(server: CaptureServer, home: Path, reporters: list[CrashReporter]) -> None:
    reporter, config = make_reporter(server, home, consent=True)
    reporters.append(reporter)
    reporter.refresh()
    reporter.capture_exception(RuntimeError("first, while agreed"))
    reporter.flush(timeout=10)
    assert len(server.events()) == 1

    config.apply_saved({"VECTOR_CRASH_REPORTS": False}, None)  # listeners switch the reporter off
    assert not reporter.active
    assert reporter.capture_exception(RuntimeError("second, after saying no")) is None
    reporter.flush(timeout=1)
    assert [e["exception"]["values"][-1]["value"] for e in server.events()] == ["first, while agreed"]  # type: ignore[index]

    config.apply_saved({"VECTOR_CRASH_REPORTS": True}, None)
    assert reporter.active
    reporter.capture_exception(RuntimeError("third, agreed again"))
    reporter.shutdown(timeout=10)
    assert len(server.events()) == 2
    assert not reporter.active


def test_a_malformed_dsn_is_reported_not_raised(home: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = Config(environ={"SENTRY_DSN": "http://127.0.0.1:9/1", "VECTOR_CRASH_REPORTS": "true"})  # no public key
    reporter = CrashReporter(config, Scrubber(list, home, user_name="alice"))
    assert reporter.refresh() is False
    assert not reporter.active
    assert "crash reports not enabled: BadDsn" in caplog.text
