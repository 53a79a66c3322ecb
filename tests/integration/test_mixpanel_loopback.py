"""Analytics events wait in the store and the flush job sends them to a real HTTPS endpoint on 127.0.0.1.

mixpanel 5.x always builds https://{api_host}/track, so the loopback server speaks TLS with a certificate made
here, and the Analytics service is told to trust it (requests' `verify` accepts a CA file).
"""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from vector_desktop.config import Config
from vector_desktop.jobs.context import RunContext
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.services.scrubber import REDACTED, Scrubber
from vector_desktop.services.telemetry import FLUSH_TASK, Analytics, register_tasks
from vector_desktop.store.engine import OpenedStore
from vector_desktop.store.telemetry_repository import TelemetryRepository

TOKEN = "mp-project-token-1"
SECRET = "sk-or-v1-analytics-secret-0123456789abcdef"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


class MixpanelServer:
    """Answers like api.mixpanel.com's /track (verbose=1) and records each batch it accepted."""

    def __init__(self, certificate: tuple[Path, Path]) -> None:
        self.batches: list[list[dict[str, object]]] = []
        self.refuse = False
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                form = parse_qs(body)
                if outer.refuse:
                    answer = {"status": 0, "error": "token not accepted"}
                else:
                    outer.batches.append(json.loads(form["data"][0]))
                    answer = {"status": 1, "error": None}
                assert self.path.startswith("/track"), self.path
                assert form["ip"] == ["0"], "the sender's IP must not be used for geolocation"
                payload = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: object) -> None:
                pass

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(certificate[0]), str(certificate[1]))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def events(self) -> list[dict[str, object]]:
        return [event for batch in self.batches for event in batch]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


@pytest.fixture
def server(certificate: tuple[Path, Path]) -> Iterator[MixpanelServer]:
    running = MixpanelServer(certificate)
    yield running
    running.close()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home" / "alice"
    path.mkdir(parents=True)
    return path


class Setup:
    def __init__(self, store: OpenedStore, home: Path, cert: Path, api_host: str, consent: bool, token: str) -> None:
        self.config = Config(
            environ={"MIXPANEL_TOKEN": token, "MIXPANEL_API_HOST": api_host, "VECTOR_ANALYTICS": str(consent).lower()}
        )
        self.queue = TelemetryRepository(store.sessions)
        self.id_file = home.parent.parent / "profile" / "analytics-id"
        self.analytics = Analytics(
            self.config,
            self.queue,
            Scrubber(lambda: [SECRET], home, user_name="alice"),
            self.id_file,
            super_properties={"app_version": "test"},
            verify=str(cert),
        )
        self.config.listeners.append(self.analytics.on_settings_changed)
        self.registry = TaskRegistry()
        register_tasks(self.registry, self.analytics)

    def run_flush_job(self) -> dict[str, object]:
        """Run the registered task the way the job pool does: fn(ctx)."""
        spec = self.registry.get(FLUSH_TASK)
        ctx = RunContext(
            "job-1", deadline=time.monotonic() + 60, timeout_s=60, clock=time.monotonic, on_progress=lambda f, t: None
        )
        result = spec.fn(ctx)
        assert isinstance(result, dict)
        return result


def make(store: OpenedStore, home: Path, certificate: tuple[Path, Path], port: int, consent: bool = True) -> Setup:
    return Setup(store, home, certificate[0], f"127.0.0.1:{port}", consent, TOKEN)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_queued_events_are_sent_in_batches_and_scrubbed(
    store: OpenedStore, home: Path, certificate: tuple[Path, Path], server: MixpanelServer
) -> None:
    setup = make(store, home, certificate, server.port)
    assert setup.analytics.track(
        "file.uploaded", {"size": 1234, "path": f"{home}/Pictures/cat.png", "api_key": SECRET, "note": f"k={SECRET}"}
    )
    for n in range(59):
        setup.analytics.track("chat.sent", {"n": n})
    assert setup.queue.count() == 60
    assert server.batches == [], "track() only queues; nothing is sent on the calling thread"

    result = setup.run_flush_job()

    assert result == {"sent": 60, "failed": 0, "dropped": 0, "error": ""}
    assert [len(batch) for batch in server.batches] == [50, 10]
    assert setup.queue.count() == 0
    first = server.events()[0]
    props = first["properties"]
    assert isinstance(props, dict)
    assert first["event"] == "file.uploaded"
    assert props["token"] == TOKEN
    assert props["distinct_id"] == setup.id_file.read_text().strip()
    assert props["path"] == "~/Pictures/cat.png"
    assert props["api_key"] == REDACTED
    assert props["app_version"] == "test"
    raw = json.dumps(server.batches)
    assert SECRET not in raw and str(home) not in raw
    assert len({e["properties"]["$insert_id"] for e in server.events()}) == 60  # type: ignore[index]
    assert [e["properties"]["n"] for e in server.events()[1:]] == list(range(59))  # type: ignore[index]


def test_events_are_kept_while_the_server_is_unreachable(
    store: OpenedStore, home: Path, certificate: tuple[Path, Path], server: MixpanelServer
) -> None:
    setup = make(store, home, certificate, closed_port())
    setup.analytics.track("app.started")
    setup.analytics.track("chat.sent")

    result = setup.run_flush_job()

    assert result["sent"] == 0 and result["failed"] == 2
    assert [row.attempts for row in setup.queue.pending(10)] == [1, 1]
    # Back online (here: the host now points at the running server): the same events go out once.
    setup.config.apply_saved({"MIXPANEL_API_HOST": f"127.0.0.1:{server.port}"}, None)
    assert setup.run_flush_job()["sent"] == 2
    assert [e["event"] for e in server.events()] == ["app.started", "chat.sent"]
    assert setup.queue.count() == 0


def test_refused_batches_stay_queued(
    store: OpenedStore, home: Path, certificate: tuple[Path, Path], server: MixpanelServer
) -> None:
    setup = make(store, home, certificate, server.port)
    setup.analytics.track("app.started")
    server.refuse = True
    result = setup.run_flush_job()
    assert result["failed"] == 1 and "token not accepted" in str(result["error"])
    assert setup.queue.count() == 1


def test_nothing_is_queued_or_sent_without_consent(
    store: OpenedStore, home: Path, certificate: tuple[Path, Path], server: MixpanelServer
) -> None:
    setup = make(store, home, certificate, server.port, consent=False)
    assert setup.analytics.track("app.started") is False
    assert setup.queue.count() == 0
    assert setup.run_flush_job() == {"sent": 0, "failed": 0, "dropped": 0, "error": ""}
    assert server.batches == []
    assert not setup.id_file.exists()

    no_token = Setup(store, home, certificate[0], f"127.0.0.1:{server.port}", True, "")
    assert no_token.analytics.track("app.started") is False
    assert no_token.queue.count() == 0


def test_withdrawing_consent_drops_the_queue_and_the_id(
    store: OpenedStore, home: Path, certificate: tuple[Path, Path], server: MixpanelServer
) -> None:
    setup = make(store, home, certificate, server.port)
    setup.analytics.track("app.started")
    first_id = setup.id_file.read_text().strip()
    assert setup.queue.count() == 1

    setup.config.apply_saved({"VECTOR_ANALYTICS": False}, None)

    assert setup.queue.count() == 0
    assert not setup.id_file.exists()
    assert setup.run_flush_job()["sent"] == 0
    assert server.batches == []
    setup.config.apply_saved({"VECTOR_ANALYTICS": True}, None)
    setup.analytics.track("app.started")
    assert setup.id_file.read_text().strip() != first_id, "a new anonymous id after opting in again"
