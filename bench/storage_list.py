"""Opening a folder of 10,000 files in the Storage panel: time from `open_prefix(folder)` to the first paint of the
file view with rows in it, over (a) the local-folder backend and (b) R2 (moto's S3 server, a child process).

The real StorageViewModel + StoragePanel are shown offscreen, on the qasync loop as in the app; an event filter on
the views' viewports catches the first Paint after the model has rows. Both view modes (icons, details) are timed.
Baseline, measured in the same run between the GUI runs: the backend's own first `list_page` call for the same
page size, called directly (for R2 also plain boto3 `list_objects_v2` with the same MaxKeys).

Prints one JSON line last; value = the worse backend's median. Usage: python bench/storage_list.py [--objects 10000]
[--runs 9]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.storage_rig import (  # noqa: E402
    build_rig,
    local_settings,
    moto_child,
    qasync_loop,
    qt_app,
    r2_settings,
    s3_client,
    wait_until,
)

FOLDER = "big/"
BUCKET = "bench-list"
SUFFIXES = (".txt", ".pdf", ".csv", ".json", ".md", ".zip", ".mp3", ".docx")  # no images: no thumbnail reads
GOAL_MS = 200.0


def names(count: int) -> list[str]:
    return [f"document-{index:05d}{SUFFIXES[index % len(SUFFIXES)]}" for index in range(count)]


def fill_local(root: Path, count: int) -> None:
    folder = root / FOLDER.rstrip("/")
    folder.mkdir(parents=True)
    body = b"x" * 512
    for name in names(count):
        (folder / name).write_bytes(body)


def fill_bucket(url: str, count: int) -> float:
    client = s3_client(url, max_pool=16)
    client.create_bucket(Bucket=BUCKET)
    start = time.perf_counter()
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda name: client.put_object(Bucket=BUCKET, Key=FOLDER + name, Body=b"x" * 512), names(count)))
    return time.perf_counter() - start


class FirstRowsPaint:
    """Event filter: the time of the first Paint of a view's viewport once the model shows rows of `FOLDER`."""

    def __init__(self, view_model: Any, viewports: list[Any]) -> None:
        from PySide6.QtCore import QEvent, QObject

        outer = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and outer.armed:
                    model = view_model.model
                    if model.prefix == FOLDER and view_model.proxy.rowCount() > 0:
                        outer.armed = False
                        outer.painted_at = time.perf_counter()
                        outer.rows_painted = view_model.proxy.rowCount()
                        if outer.done is not None and not outer.done.done():
                            outer.done.set_result(None)
                return False

        self.filter = Filter()
        for viewport in viewports:
            viewport.installEventFilter(self.filter)
        self.armed = False
        self.painted_at = 0.0
        self.rows_painted = 0
        self.done: asyncio.Future[None] | None = None

    def arm(self) -> None:
        self.armed = True
        self.done = asyncio.get_running_loop().create_future()


async def measure(rig: Any, runs: int, baseline: Any) -> dict[str, Any]:
    vm, panel = rig.view_model, rig.panel
    probe = FirstRowsPaint(vm, [panel.ui.tableView.viewport(), panel.ui.listView.viewport()])
    loaded_at = [0.0]
    vm.model.page_loaded.connect(lambda: loaded_at.__setitem__(0, time.perf_counter()))

    await vm.load()
    await wait_until(lambda: not vm.model.is_loading and vm.model.rowCount() > 0, 60, "root listed")

    async def one(mode: str) -> tuple[float, float]:
        panel.set_view_mode(mode)
        vm.open_prefix("")
        await wait_until(lambda: not vm.model.is_loading and vm.model.prefix == "", 60, "root listed")
        await asyncio.sleep(0.05)  # let the root paint and settle
        probe.arm()
        start = time.perf_counter()
        vm.open_prefix(FOLDER)
        assert probe.done is not None
        await asyncio.wait_for(probe.done, 60)
        return (probe.painted_at - start) * 1000, (loaded_at[0] - start) * 1000

    await one("details")  # warm-up: boto3 client, imports, first layout of each view
    await one("icons")
    results: dict[str, list[float]] = {"details": [], "icons": [], "rows_details": [], "rows_icons": []}
    raw: list[float] = []
    extra_raw: list[float] = []
    for _ in range(runs):
        for mode in ("details", "icons"):
            painted, rows = await one(mode)
            results[mode].append(painted)
            results[f"rows_{mode}"].append(rows)
        await asyncio.sleep(0.05)
        start = time.perf_counter()
        page = baseline[0]()
        raw.append((time.perf_counter() - start) * 1000)
        assert len(page.objects) + len(page.folders) > 0
        if baseline[1] is not None:
            start = time.perf_counter()
            baseline[1]()
            extra_raw.append((time.perf_counter() - start) * 1000)
    summary = {
        "details_ms": round(statistics.median(results["details"]), 1),
        "icons_ms": round(statistics.median(results["icons"]), 1),
        "page_in_model_ms": round(statistics.median(results["rows_details"] + results["rows_icons"]), 1),
        "raw_list_page_ms": round(statistics.median(raw), 1),
        "rows_painted": probe.rows_painted,
        "worst_run_ms": round(max(results["details"] + results["icons"]), 1),
    }
    if extra_raw:
        summary["raw_boto3_ms"] = round(statistics.median(extra_raw), 1)
    summary["value_ms"] = max(summary["details_ms"], summary["icons_ms"])
    return summary


def run_backend(
    loop: asyncio.AbstractEventLoop, folder: Path, settings: dict[str, str], runs: int, page: int, boto_call: Any = None
) -> dict[str, Any]:
    rig = build_rig(folder, settings, first_page_size=page)
    service = rig.service
    try:

        def raw() -> Any:
            return service.backend.list_page(FOLDER, None, page)

        return loop.run_until_complete(measure(rig, runs, (raw, boto_call)))
    finally:
        rig.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--objects", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--first-page", type=int, default=200)
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)

    app = qt_app()
    loop = qasync_loop(app)
    report: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        local = folder / "local"
        local.mkdir()
        fill_local(local / "local-storage", args.objects)
        report["local"] = run_backend(loop, local, local_settings(), args.runs, args.first_page)
        print("local", json.dumps(report["local"]), file=sys.stderr)

        with moto_child() as (url, _pid):
            fill_s = fill_bucket(url, args.objects)
            print(f"filled {args.objects} objects in {fill_s:.1f} s", file=sys.stderr)
            client = s3_client(url)

            def boto_call() -> Any:
                return client.list_objects_v2(Bucket=BUCKET, Prefix=FOLDER, Delimiter="/", MaxKeys=args.first_page)

            r2 = folder / "r2"
            r2.mkdir()
            report["r2"] = run_backend(loop, r2, r2_settings(url, BUCKET), args.runs, args.first_page, boto_call)
            print("r2", json.dumps(report["r2"]), file=sys.stderr)
    worse = max(report, key=lambda name: report[name]["value_ms"])
    value = report[worse]["value_ms"]
    baseline = report[worse]["raw_list_page_ms"]
    line: dict[str, Any] = {
        "bench": "storage_list",
        "value": value,
        "baseline": baseline,
        "ratio": round(value / baseline, 2) if baseline else None,
        "unit": f"ms open_prefix → first paint with rows ({args.objects} objects, first page {args.first_page}, "
        f"median of {args.runs}; worse backend: {worse})",
        "goal": f"<= {GOAL_MS:.0f} ms",
    }
    for name, figures in report.items():
        for key, figure in figures.items():
            if key != "value_ms":
                line[f"{name}_{key}"] = figure
    print(json.dumps(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
