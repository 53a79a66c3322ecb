"""Databases: the speed figures of issue 12 against the machine's PostgreSQL, on a database of the bench's own with a
1,000,000-row table (id bigint, text, numeric(12,2), timestamptz, a nullable text; made at the start, dropped at
the end), each against a baseline measured in the same run.

1. First page: `SELECT * FROM t` run with Ctrl+Enter in a query tab of the real Databases panel (DatabasesService +
   PostgreSQL adapter + DatabasesViewModel + QuerySession + ResultModel + QueryTab, shown offscreen at 1200 x 760,
   the app's GC and GIL settings) → the end of the first frame that shows rows in the grid; median of N warm runs
   (the first run, which connects, is reported apart). Baseline, alternated with it: the same SELECT through a plain
   psycopg server-side cursor (warm connection, on the GUI thread) whose first 500 rows go into a bare QTableView +
   QStandardItemModel → the end of its first frame with rows. Goal <= 150 ms.
2. Scrolling: the grid scrolled to its end again and again, so that `fetchMore` reads page after page, until
   `--scroll-rows` rows are held: the process's RSS growth (goal <= 50 MB) and the longest GUI-thread stall while
   the pages load (a 1 ms timer, bench/stream_render.StallMeter; goal none > 16 ms).
3. Command line: `vector-desktop db query bench "SELECT * FROM t" > /dev/null` (a child process; the profile's
   connection added with `db add`) vs `psql -X -At -c "SELECT * FROM t" > /dev/null` on the same database, runs
   alternated, medians; goal ratio <= 1.5. Also both children's peak RSS, and the CLI's fixed cost (`SELECT 1`).
   The children may write their .pyc (as an installed app has them); `--no-bytecode` keeps PYTHONDONTWRITEBYTECODE.

Prints one JSON line last. Usage: python bench/query_grid.py [--quick] [--only panel,scroll,cli] [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.query_grid_rig import (  # noqa: E402
    TABLE,
    BareGrid,
    BenchDatabase,
    FirstRowsFrame,
    PanelRig,
    add_connection,
    bench_database,
    build_panel,
    child_env,
    cli,
    psql,
    rss_mb,
    timed_child,
)
from bench.storage_rig import qasync_loop, qt_app, wait_until  # noqa: E402
from bench.stream_render import StallMeter  # noqa: E402

FIRST_PAGE_GOAL_MS = 150.0
RSS_GOAL_MB = 50.0
STALL_GOAL_MS = 16.0
CLI_GOAL_RATIO = 1.5
SQL = f"SELECT * FROM {TABLE}"
SETTLE_S = 0.15  # between runs: the previous statement's session goes back to the pool, its history line is written


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def median(values: list[float]) -> float:
    return statistics.median(values)


# ------------------------------------------------------------------------------------------------ 1. first page


async def activate(window: Any) -> None:
    """Make `window` the active one (the two grids take turns; a shortcut only reaches the active window)."""
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is window, 5, "the window active")


async def run_in_tab(rig: PanelRig, tab: Any, watch: FirstRowsFrame) -> dict[str, float]:
    """Ctrl+Enter in the tab's editor → the end of the first frame with rows. Seconds from the key press to the
    statement's handle (the model reset), to the page in the model, to that frame; and GUI-thread CPU time."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    result = tab.session.result
    marks: dict[str, float] = {}

    def reset() -> None:
        if result.handle is not None:
            marks["handle"] = time.perf_counter()

    def loaded(_rows: int) -> None:
        marks.setdefault("page", time.perf_counter())

    result.modelReset.connect(reset)
    result.page_loaded.connect(loaded)
    await activate(rig.panel)
    tab.ui.editor.setFocus()
    watch.arm()
    cpu_before = time.thread_time()
    started = time.perf_counter()
    QTest.keyClick(tab.ui.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    if not tab.session.running:
        raise RuntimeError("Ctrl+Enter did not start the statement")
    await wait_until(lambda: watch.done, 60, "the first frame with rows")
    result.modelReset.disconnect(reset)
    result.page_loaded.disconnect(loaded)
    await wait_until(lambda: not tab.session.running, 60, "the run's end")
    if tab.session.error or result.rowCount() == 0:
        raise RuntimeError(f"the run showed no rows: {tab.session.error}")
    return {
        "painted": watch.frame_end - started,
        "handle": marks["handle"] - started,
        "page": marks["page"] - started,
        "paint": watch.frame_end - marks["page"],
        "cpu": watch.frame_cpu - cpu_before,
    }


async def run_bare(bare: BareGrid) -> dict[str, float]:
    bare.clear()
    await asyncio.sleep(SETTLE_S)
    await activate(bare.view)
    bare.watch.arm()
    cpu_before = time.thread_time()
    started = time.perf_counter()
    bare.run(SQL)
    page = time.perf_counter()
    await wait_until(lambda: bare.watch.done, 60, "the bare grid's first frame")
    return {
        "painted": bare.watch.frame_end - started,
        "page": page - started,
        "paint": bare.watch.frame_end - page,
        "cpu": bare.watch.frame_cpu - cpu_before,
    }


async def measure_first_page(rig: PanelRig, database: BenchDatabase, runs: int) -> dict[str, Any]:
    tab = rig.new_tab()
    tab.set_sql(SQL)
    watch = FirstRowsFrame(tab.ui.resultsView)
    bare = BareGrid(database, page=500)
    try:
        await asyncio.sleep(0.3)  # shown and laid out
        cold = await run_in_tab(rig, tab, watch)  # connects: the pool has no session yet
        await asyncio.sleep(SETTLE_S)
        await run_bare(bare)  # warms the bare connection's first DECLARE
        panel_runs: list[dict[str, float]] = []
        bare_runs: list[dict[str, float]] = []
        for run in range(runs):  # alternated, order swapped every run
            for side in ("panel", "bare") if run % 2 == 0 else ("bare", "panel"):
                if side == "panel":
                    await asyncio.sleep(SETTLE_S)
                    panel_runs.append(await run_in_tab(rig, tab, watch))
                else:
                    bare_runs.append(await run_bare(bare))
        rows_shown = tab.session.result.rowCount()
        status = tab.ui.statusLabel.text()
    finally:
        bare.close()

    def mid(samples: list[dict[str, float]], key: str) -> float:
        return ms(median([sample[key] for sample in samples]))

    value, baseline = mid(panel_runs, "painted"), mid(bare_runs, "painted")
    return {
        "value": value,
        "baseline": baseline,
        "ratio": round(value / baseline, 2),
        "runs": runs,
        "spread_ms": [ms(min(s["painted"] for s in panel_runs)), ms(max(s["painted"] for s in panel_runs))],
        "bare_spread_ms": [ms(min(s["painted"] for s in bare_runs)), ms(max(s["painted"] for s in bare_runs))],
        "cold_first_run_ms": ms(cold["painted"]),
        "to_handle_ms": mid(panel_runs, "handle"),
        "to_page_in_model_ms": mid(panel_runs, "page"),
        "page_to_frame_end_ms": mid(panel_runs, "paint"),
        "gui_cpu_ms": mid(panel_runs, "cpu"),
        "bare_to_page_ms": mid(bare_runs, "page"),
        "bare_page_to_frame_end_ms": mid(bare_runs, "paint"),
        "bare_gui_cpu_ms": mid(bare_runs, "cpu"),
        "rows_shown": rows_shown,
        "status": status,
    }


# ------------------------------------------------------------------------------------------------ 2. scrolling


async def measure_scrolling(rig: PanelRig, target_rows: int) -> dict[str, Any]:
    """A fresh tab runs the SELECT; then scroll to the end, wait for the next page and the frame that shows it,
    again until `target_rows` are held."""
    tab = rig.new_tab()
    tab.set_sql(SQL)
    watch = FirstRowsFrame(tab.ui.resultsView)
    await asyncio.sleep(0.3)
    await run_in_tab(rig, tab, watch)
    await asyncio.sleep(0.5)
    view, result = tab.ui.resultsView, tab.session.result
    gc.collect()
    rss_before = rss_mb()
    meter = StallMeter()
    per_page: list[float] = []
    cpu_before = time.thread_time()
    started = time.perf_counter()
    meter.start()
    while result.rowCount() < target_rows and not result.done:
        count, paints = result.rowCount(), watch.paints
        scrolled = time.perf_counter()
        view.scrollToBottom()
        await wait_until(lambda: result.rowCount() > count or result.done, 60, "the next page")  # noqa: B023
        await wait_until(lambda: watch.paints > paints, 10, "the frame showing it")  # noqa: B023
        per_page.append(time.perf_counter() - scrolled)
    meter.stop()
    elapsed = time.perf_counter() - started
    cpu = time.thread_time() - cpu_before
    rss_scrolled = rss_mb()
    gc.collect()
    rss_after = rss_mb()
    held = result.rowCount()
    if tab.session.error:
        raise RuntimeError(f"scrolling failed: {tab.session.error}")
    return {
        "rows_held": held,
        "pages": len(per_page),
        "rss_before_mb": round(rss_before, 1),
        "rss_after_mb": round(rss_after, 1),
        "rss_growth_mb": round(rss_after - rss_before, 1),
        "rss_growth_before_collect_mb": round(rss_scrolled - rss_before, 1),
        "max_stall_ms": round(meter.max_gap_ms, 1),
        "max_stall_cpu_ms": round(meter.max_gap_cpu_ms, 1),
        "max_stall_without_gc_ms": round(meter.max_gap_without_gc_ms, 1),
        "gc_ms_total": round(meter.gc_ms, 1),
        "scroll_to_page_shown_median_ms": ms(median(per_page)),
        "scroll_to_page_shown_max_ms": ms(max(per_page)),
        "gui_thread_busy_pct": round(cpu / elapsed * 100, 1),
        "status": tab.ui.statusLabel.text(),
    }


# ------------------------------------------------------------------------------------------------ 3. command line


def measure_cli(database: BenchDatabase, runs: int, write_bytecode: bool = True) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        env = child_env(Path(tmp), write_bytecode)
        add_connection(profile, env, database)
        ours_cmd, psql_cmd = cli(profile, "query", "bench", SQL), psql(database, SQL)
        text_cmd = cli(profile, "query", "bench", SQL, "--format", "text")
        timed_child(ours_cmd, env)  # warm-up: the table in the server's and the OS's caches, the .pyc files
        timed_child(psql_cmd, env)
        timed_child(text_cmd, env)
        ours: list[tuple[float, int]] = []
        theirs: list[tuple[float, int]] = []
        text: list[tuple[float, int]] = []
        sides = {"ours": (ours, ours_cmd), "psql": (theirs, psql_cmd), "text": (text, text_cmd)}
        for run in range(runs):
            order = ["ours", "text", "psql"]
            for side in order[run % 3 :] + order[: run % 3]:  # rotated, so no side always follows another
                found, command = sides[side]
                found.append(timed_child(command, env))
        fixed = [timed_child(cli(profile, "query", "bench", "SELECT 1"), env)[0] for _ in range(max(3, runs // 2))]
        fixed_psql = [timed_child(psql(database, "SELECT 1"), env)[0] for _ in range(max(3, runs // 2))]
    value = median([seconds for seconds, _kb in ours])
    baseline = median([seconds for seconds, _kb in theirs])
    return {
        "value": ms(value),
        "baseline": ms(baseline),
        "ratio": round(value / baseline, 2),
        "runs": runs,
        "spread_ms": [ms(min(s for s, _ in ours)), ms(max(s for s, _ in ours))],
        "psql_spread_ms": [ms(min(s for s, _ in theirs)), ms(max(s for s, _ in theirs))],
        "peak_rss_mb": round(max(kb for _s, kb in ours) / 1024, 1),
        "psql_peak_rss_mb": round(max(kb for _s, kb in theirs) / 1024, 1),
        "select_1_ms": ms(median(fixed)),
        "psql_select_1_ms": ms(median(fixed_psql)),
        "per_row_part_ms": ms(value - median(fixed)),
        "text_format_ms": ms(median([seconds for seconds, _kb in text])),
        "text_format_ratio": round(median([seconds for seconds, _kb in text]) / baseline, 2),
        "text_format_spread_ms": [ms(min(s for s, _ in text)), ms(max(s for s, _ in text))],
        "psql_per_row_part_ms": ms(baseline - median(fixed_psql)),
        "pyc_written": write_bytecode,
    }


# ------------------------------------------------------------------------------------------------ the run


async def measure_gui(database: BenchDatabase, args: argparse.Namespace, parts: set[str]) -> dict[str, Any]:
    from vector_desktop.qtsupport.gc_timer import GuiThreadGarbageCollector

    found: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        rig = await build_panel(Path(tmp) / "profile", database)
        collector = GuiThreadGarbageCollector()
        try:
            await asyncio.sleep(0.3)
            gc.collect()
            gc.freeze()  # as the app does once started: start-up objects stay out of later collections
            collector.start()
            if "panel" in parts:
                found["panel"] = await measure_first_page(rig, database, args.runs)
            if "scroll" in parts:
                found["scroll"] = await measure_scrolling(rig, args.scroll_rows)
        finally:
            collector.stop()
            await rig.close()
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the bench table")
    parser.add_argument("--runs", type=int, default=15, help="first-page runs per side")
    parser.add_argument("--scroll-rows", type=int, default=20_000, help="rows to scroll through")
    parser.add_argument("--cli-runs", type=int, default=5, help="`db query` and psql runs each")
    parser.add_argument("--only", default="panel,scroll,cli", help="comma-separated: panel, scroll, cli")
    parser.add_argument("--quick", action="store_true", help="fewer runs (a smoke test of the bench)")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE (edited modules compile each run)"
    )
    args = parser.parse_args()
    if args.quick:
        args.runs, args.cli_runs, args.scroll_rows = 3, 1, min(args.scroll_rows, 3000)
    parts = set(args.only.split(","))
    logging.disable(logging.CRITICAL)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    load_before = os.getloadavg()[0]
    results: dict[str, Any] = {}
    with bench_database(args.rows) as database:
        if "cli" in parts:
            results["cli"] = measure_cli(database, args.cli_runs, not args.no_bytecode)
            print(json.dumps({"bench": "query_grid.cli", **results["cli"]}), flush=True)
        if parts & {"panel", "scroll"}:
            from vector_desktop.qtsupport.switch_interval import use_gui_switch_interval

            use_gui_switch_interval()  # as the app does
            app = qt_app()
            loop = qasync_loop(app)
            try:
                results.update(loop.run_until_complete(measure_gui(database, args, parts)))
            finally:
                loop.close()
            for part in ("panel", "scroll"):
                if part in results:
                    print(json.dumps({"bench": f"query_grid.{part}", **results[part]}), flush=True)
    panel, scroll, line = results.get("panel", {}), results.get("scroll", {}), results.get("cli", {})
    result = {
        "bench": "query_grid",
        "value": panel.get("value"),
        "baseline": panel.get("baseline"),
        "ratio": panel.get("ratio"),
        "unit": f"ms {SQL} over {args.rows:,} rows: Ctrl+Enter in the Databases panel → end of the first frame "
        f"with rows (median of {args.runs} warm runs); baseline: a plain psycopg server-side cursor's first 500 "
        "rows into a bare QTableView + QStandardItemModel → its first frame",
        "goal": f"first page <= {FIRST_PAGE_GOAL_MS:.0f} ms; RSS growth <= {RSS_GOAL_MB:.0f} MB scrolling; no GUI "
        f"stall > {STALL_GOAL_MS:.0f} ms; db query <= {CLI_GOAL_RATIO}x psql -At",
        "first_page": panel,
        "scrolling": scroll,
        "cli": line,
        "rss_growth_mb": scroll.get("rss_growth_mb"),
        "max_stall_ms": scroll.get("max_stall_ms"),
        "cli_ms": line.get("value"),
        "psql_ms": line.get("baseline"),
        "cli_ratio": line.get("ratio"),
        "cli_peak_rss_mb": line.get("peak_rss_mb"),
        "rows": args.rows,
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "quick": args.quick,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
