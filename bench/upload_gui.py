"""GUI responsiveness while a big upload runs: the longest stall of the GUI thread during a 1 GiB upload.

A real `storage.upload` job (JobPool → CloudStorageService → R2 backend → moto's S3 server, a child process on
127.0.0.1) is started from the Storage panel (shown offscreen, on the qasync loop, with the app's GUI-thread garbage
collector), and its progress flows to the transfers list and the jobs model through the JobsBridge. Meanwhile a
GUI-thread QTimer of 1 ms records when it fires; a stall is the gap between two ticks minus the interval.
Baseline: the same timer in the same process with no upload running (idle, ~5 s, panel shown).

moto itself burns about one of this machine's 2 cores while it stores the upload, which starves the GUI thread of CPU
now and then; `--server null` swaps in a stand-in that throws the bytes away, to see what the client alone costs.
`--pause` waits for Enter before the upload (attach `py-spy record --gil -p PID` then).

Prints one JSON line last: value = max stall during the upload (ms). Usage:
python bench/upload_gui.py [--size-mib 1024] [--idle-s 5] [--server moto|null] [--switch-interval-ms 5]
[--max-concurrency N] [--part-mib N] [--trace-stalls] [--server-nice N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.storage_rig import (  # noqa: E402
    MOTO_SERVER,
    NULL_S3_SERVER,
    build_rig,
    moto_child,
    qasync_loop,
    qt_app,
    r2_settings,
    s3_client,
    wait_until,
)
from bench.tick_recorder import TickRecorder  # noqa: E402

MiB = 1024 * 1024
BUCKET = "bench-upload"
FRAME_MS = 16.0
START_MS = 200
STALL_TRACE_S = float(os.environ.get("STALL_TRACE_MS", "12")) / 1000


def make_file(path: Path, size: int, sparse: bool) -> None:
    if sparse:
        with path.open("wb") as handle:
            handle.truncate(size)
        return
    block = os.urandom(8 * MiB)
    with path.open("wb") as handle:
        left = size
        while left > 0:
            handle.write(block[: min(left, len(block))])
            left -= len(block)


class StallTracer:
    """Diagnosis (`--trace-stalls`): a thread that, whenever the GUI timer has not ticked for 12 ms, notes where the
    GUI thread is (its Python stack, or the C call it is in), to tell CPU starvation from work on the GUI thread."""

    def __init__(self, recorder: TickRecorder) -> None:
        import threading

        self._recorder = recorder
        self._gui = threading.get_ident()
        self.seen: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        import traceback

        last_seen = 0.0
        while not self._stop.wait(0.002):
            ticks = self._recorder.ticks
            if not ticks:
                continue
            last = ticks[-1]
            if time.perf_counter() - last > STALL_TRACE_S and last != last_seen:
                last_seen = last
                frame = sys._current_frames().get(self._gui)
                stack = traceback.extract_stack(frame)[-8:] if frame is not None else []
                where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack))
                self.seen[where] = self.seen.get(where, 0) + 1


def summarize(stalls: list[tuple[float, float]], seconds: float) -> dict[str, Any]:
    values = sorted(stall for _at, stall in stalls)
    p99 = values[min(len(values) - 1, int(len(values) * 0.99))] if values else 0.0
    worst = sorted(stalls, key=lambda item: item[1], reverse=True)[:8]
    return {
        "max_ms": round(values[-1], 1) if values else 0.0,
        "p99_ms": round(p99, 2),
        "over_16ms": sum(1 for value in values if value > FRAME_MS),
        "over_8ms": sum(1 for value in values if value > FRAME_MS / 2),
        "ticks": len(values),
        "seconds": round(seconds, 2),
        "worst_at_ms": [[round(at), round(stall, 1)] for at, stall in worst],
        # submitting the job and its first parts vs the rest (a one-off at the start, or all along)
        "start_max_ms": round(max((stall for at, stall in stalls if at < START_MS), default=0.0), 1),
        "steady_max_ms": round(max((stall for at, stall in stalls if at >= START_MS), default=0.0), 1),
    }


async def run(rig: Any, source: Path, idle_s: float, trace: bool = False) -> dict[str, Any]:
    from vector_desktop.domain.jobs import JobState

    vm = rig.view_model
    await vm.load()
    await wait_until(lambda: not vm.model.is_loading, 60, "root listed")
    await asyncio.sleep(0.5)
    gc.collect()
    gc.freeze()  # as the app does once started: start-up objects stay out of later collections

    recorder = TickRecorder()
    recorder.start()
    started = time.perf_counter()
    await asyncio.sleep(idle_s)
    recorder.stop()
    idle = summarize(recorder.stall_times(), time.perf_counter() - started)

    finished: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    progress_reports = [0]

    def on_job(snapshot: Any) -> None:
        if snapshot.task_name != "storage.upload":
            return
        progress_reports[0] += 1
        if snapshot.state.finished and not finished.done():
            finished.set_result(snapshot)

    rig.bridge.job_changed.connect(on_job)
    tracer = StallTracer(recorder) if trace else None
    recorder.start()
    if tracer is not None:
        tracer.start()
    started = time.perf_counter()
    job_ids = await vm.upload_paths([str(source)], "")
    snapshot = await asyncio.wait_for(finished, 3600)
    upload_s = time.perf_counter() - started
    await asyncio.sleep(0.3)  # the listing update and the interrupted-uploads check that follow the job
    recorder.stop()
    if tracer is not None:
        tracer.stop()
        for where, count in sorted(tracer.seen.items(), key=lambda item: -item[1]):
            print(f"stall x{count}: {where}", file=sys.stderr)
    if snapshot.state is not JobState.SUCCEEDED:
        raise RuntimeError(f"upload ended {snapshot.state}: {snapshot.error}")
    busy = summarize(recorder.stall_times(), time.perf_counter() - started)
    return {
        "idle": idle,
        "upload": busy,
        "upload_s": round(upload_s, 2),
        "job_reports": progress_reports[0],
        "jobs": len(job_ids),
        "shown": vm.model.row_of(source.name) >= 0,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--idle-s", type=float, default=5.0)
    parser.add_argument("--sparse", action="store_true", help="a sparse file (zeros) instead of random data")
    parser.add_argument("--switch-interval-ms", type=float, default=0.0, help="sys.setswitchinterval (0: the app's)")
    parser.add_argument("--max-concurrency", type=int, default=0, help="parts in flight (0: the service default)")
    parser.add_argument("--part-mib", type=int, default=0, help="part size (0: the service default)")
    parser.add_argument(
        "--server",
        choices=("moto", "null"),
        default="moto",
        help="null: a stand-in that throws the bytes away (what the client alone costs; diagnosis only)",
    )
    parser.add_argument("--trace-stalls", action="store_true", help="print where the GUI thread was in each stall")
    parser.add_argument(
        "--server-nice",
        type=int,
        default=0,
        help="run the S3 server at this nice value (10: it stops competing with the GUI thread for a core, as a "
        "remote server would not)",
    )
    parser.add_argument("--pause", action="store_true", help="print the pid and wait for Enter before the upload")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    from vector_desktop.qtsupport.switch_interval import use_gui_switch_interval

    use_gui_switch_interval()  # as the app does
    if args.switch_interval_ms:
        sys.setswitchinterval(args.switch_interval_ms / 1000)
    service_args: dict[str, Any] = {}
    if args.max_concurrency:
        service_args["max_concurrency"] = args.max_concurrency
    if args.part_mib:
        service_args["part_size"] = args.part_mib * MiB

    app = qt_app()
    loop = qasync_loop(app)
    size = args.size_mib * MiB
    with (
        tempfile.TemporaryDirectory() as tmp,
        moto_child(MOTO_SERVER if args.server == "moto" else NULL_S3_SERVER, args.server_nice) as (url, _pid),
    ):
        folder = Path(tmp)
        source = folder / "upload.bin"
        make_file(source, size, args.sparse)
        if args.server == "moto":
            s3_client(url).create_bucket(Bucket=BUCKET)
        rig = build_rig(folder, r2_settings(url, BUCKET), service_args)
        if args.pause:
            print(f"pid {os.getpid()}: press Enter", file=sys.stderr, flush=True)
            sys.stdin.readline()
        try:
            result = loop.run_until_complete(run(rig, source, args.idle_s, args.trace_stalls))
        finally:
            rig.close()
    print(json.dumps(result), file=sys.stderr)
    busy, idle = result["upload"], result["idle"]
    line = {
        "bench": "upload_gui",
        "value": busy["max_ms"],
        "baseline": idle["max_ms"],
        "ratio": round(busy["max_ms"] / idle["max_ms"], 2) if idle["max_ms"] else None,
        "unit": f"ms longest GUI-thread stall (1 ms QTimer) during a {args.size_mib} MiB upload job to {args.server}; "
        "baseline: same timer idle",
        "goal": f"no stall over {FRAME_MS:.0f} ms",
        "upload_p99_ms": busy["p99_ms"],
        "upload_over_16ms": busy["over_16ms"],
        "upload_start_max_ms": busy["start_max_ms"],
        "upload_steady_max_ms": busy["steady_max_ms"],
        "idle_p99_ms": idle["p99_ms"],
        "idle_over_16ms": idle["over_16ms"],
        "upload_s": result["upload_s"],
        "upload_mb_s": round(size / result["upload_s"] / 1e6, 1),
        "switch_interval_ms": round(sys.getswitchinterval() * 1000, 3),
        "server_nice": args.server_nice,
    }
    print(json.dumps(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
