"""Sending a 10 MB attachment never stalls the GUI thread: the compose view-model queues a message with a 10 MB
attachment (built and stored in a thread) and the outbox worker sends it over implicit TLS to aiosmtpd on 127.0.0.1
(a child process, so the server's work is not charged to us), while a 1 ms QTimer on the GUI thread (see
bench/stream_render.py's StallMeter) measures the longest gap between its ticks, from Send to the row `sent`.
Baseline, same run, same loop: the same timer with nothing sent, for as long as a send took.
The app's settings are used as the app sets them: the 1 ms GIL switch interval, the qasync loop.

Prints one JSON line last. Usage: python bench/email_send.py [--runs N] [--mb N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.storage_rig import qasync_loop, qt_app  # noqa: E402
from bench.stream_render import StallMeter  # noqa: E402

GOAL_STALL_MS = 16.0
SERVER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from tests.support.smtp_server import SmtpServer\n"
    "server = SmtpServer(Path(sys.argv[1]), 'tls').start()\n"
    "print(server.port, flush=True)\n"
    "sys.stdin.read()\n"
    "server.stop()\n"
)


def start_server(folder: Path) -> tuple[subprocess.Popen[str], int]:
    child = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=HERE.parent,
    )
    assert child.stdout is not None
    return child, int(child.stdout.readline())


async def measure(profile: Path, port: int, cert: Path, runs: int, size: int) -> dict[str, Any]:
    import ssl

    from vector_desktop.core import open_core
    from vector_desktop.core_email import make_email
    from vector_desktop.domain.email import Attachment, EmailDraft, OutboxState
    from vector_desktop.paths import resolve_paths
    from vector_desktop.presentation.email.compose_viewmodel import ComposeViewModel
    from vector_desktop.presentation.email.outbox_viewmodel import OutboxViewModel

    environ = {
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_SECURITY": "tls",
        "EMAIL_HOST_USER": "resend",
        "EMAIL_HOST_PASSWORD": "re_test_Sup3rSecretKey",
        "DEFAULT_FROM_EMAIL": "Vector <noreply@vector.test>",
    }
    core = open_core(resolve_paths(profile, environ={}), environ=environ)
    service = make_email(core, ssl_context=ssl.create_default_context(cafile=str(cert)))
    # The app has its keychain backend chosen long before a first mail (start-up reads it); so does the bench.
    await asyncio.to_thread(core.secrets.get, "EMAIL_HOST_PASSWORD")
    service.start()
    outbox = OutboxViewModel(service)  # the outbox dialog's model follows the sends live, as in the app
    from vector_desktop.qtsupport.gc_timer import GuiThreadGarbageCollector

    collector = GuiThreadGarbageCollector()  # as the app: collections on the GUI thread's timer, start-up frozen
    collector.start()
    gc.freeze()
    meter = StallMeter()
    data = os.urandom(size)
    app_stalls: list[float] = []
    base_stalls: list[float] = []
    durations: list[float] = []
    try:
        for run in range(runs):
            sent = asyncio.Event()
            queued: list[int] = []

            def check(queued: list[int] = queued, sent: asyncio.Event = sent) -> None:
                rows = outbox.model
                for row in range(rows.rowCount()):
                    message = rows.message(row)
                    if message is not None and queued and message.id == queued[0]:
                        if message.state is OutboxState.SENT:
                            sent.set()
                        elif message.state is OutboxState.FAILED:
                            raise RuntimeError(message.last_error)

            outbox.reloaded.connect(check)
            draft = EmailDraft(
                (), f"Bench {run}", "A large attachment.", (Attachment("data.bin", "application/octet-stream", data),)
            )
            compose = ComposeViewModel(service, draft)
            compose.queued.connect(lambda message_id, queued=queued: queued.append(message_id))
            await asyncio.sleep(0.2)
            meter.start()
            started = time.perf_counter()
            if compose.send("bob@example.com", draft.subject, draft.body):
                raise RuntimeError("the compose form refused the message")
            await asyncio.wait_for(sent.wait(), 300)
            elapsed = time.perf_counter() - started
            meter.stop()
            outbox.reloaded.disconnect(check)
            app_stalls.append(meter.max_gap_ms)
            durations.append(elapsed)
            await asyncio.sleep(0.2)
            meter.start()  # the baseline: the same timer, nothing sent, as long
            await asyncio.sleep(elapsed)
            meter.stop()
            base_stalls.append(meter.max_gap_ms)
    finally:
        collector.stop()
        outbox.close()
        service.close()
        core.close()
    return {"app": app_stalls, "baseline": base_stalls, "durations": durations}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="sends (each followed by its baseline)")
    parser.add_argument("--mb", type=float, default=10.0, help="attachment size in MB")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from vector_desktop.qtsupport.switch_interval import use_gui_switch_interval

    use_gui_switch_interval()  # as the app does
    with tempfile.TemporaryDirectory(prefix="email-bench-") as folder:
        child, port = start_server(Path(folder) / "smtp")
        try:
            app = qt_app()
            loop = qasync_loop(app)
            try:
                figures = loop.run_until_complete(
                    measure(Path(folder) / "profile", port, Path(folder) / "smtp" / "certs" / "cert.pem", args.runs,
                            int(args.mb * 1024 * 1024))
                )  # fmt: skip
            finally:
                loop.close()
        finally:
            assert child.stdin is not None
            child.stdin.close()
            child.wait(30)
    value = round(max(figures["app"]), 2)
    baseline = round(max(figures["baseline"]), 2)
    result = {
        "bench": "email_send",
        "value": value,
        "baseline": baseline,
        "ratio": round(value / baseline, 2) if baseline else None,
        "unit": f"ms, longest GUI-thread stall (1 ms QTimer) from Send to `sent` for a {args.mb:g} MB attachment "
        f"over implicit TLS to aiosmtpd (worst of {args.runs}); baseline: the same timer, nothing sent, as long",
        "goal": f"value <= {GOAL_STALL_MS:g} ms",
        "median_ms": round(statistics.median(figures["app"]), 2),
        "baseline_median_ms": round(statistics.median(figures["baseline"]), 2),
        "send_s": round(statistics.median(figures["durations"]), 3),
        "runs_ms": [round(v, 1) for v in figures["app"]],
    }
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
