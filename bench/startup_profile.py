"""Where start-up goes: a sampled profile (every thread, every 2 ms) of the real app from process start to ready
(`GuiSession.ready` set: store open, services up, panels built), run in this process on an existing profile.

Prints the functions seen in most samples (inclusive, idle waits left out) and, with --memory, tracemalloc's top
allocation sites by package at ready. Not a test. Usage: python bench/startup_profile.py [--top 25] [--memory]
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

IDLE = ("wait", "select", "poll", "_worker", "exec", "processEvents", "sleep", "run_until_complete", "run_forever")


class Sampler(threading.Thread):
    def __init__(self, interval: float = 0.002) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.inclusive: collections.Counter[str] = collections.Counter()
        self.samples = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        me = threading.get_ident()
        while not self.stopped.is_set():
            for ident, frame in sys._current_frames().items():
                if ident != me:
                    self._record(frame)
            time.sleep(self.interval)

    def _record(self, frame: FrameType | None) -> None:
        if frame is None or frame.f_code.co_name in IDLE:
            return  # a thread waiting for work is not start-up time
        self.samples += 1
        seen = set()
        while frame is not None:
            code = frame.f_code
            where = code.co_filename.replace(str(ROOT) + "/", "").split("site-packages/")[-1]
            key = f"{where}:{code.co_name}"
            if key not in seen:
                seen.add(key)
                self.inclusive[key] += 1
            frame = frame.f_back


def package_of(filename: str) -> str:
    tail = filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
    parts = tail.split("/")
    if parts[0] == "vector_desktop" and len(parts) > 2:
        return "/".join(parts[:2])
    return parts[0] if "site-packages/" in filename or parts[0] == "vector_desktop" else "<stdlib/other>"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--memory", action="store_true", help="tracemalloc by package at ready (slows start-up)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    if args.memory:
        tracemalloc.start(1)
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        os.environ.setdefault("XDG_DATA_HOME", str(Path(tmp) / "xdg"))
        first = [sys.executable, "-m", "vector_desktop", "--profile", str(profile), "--screenshot", f"{tmp}/1.png"]
        subprocess.run(first, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        marks = run_to_ready(profile, Path(tmp) / "shot.png", args)
        sampler = marks.pop("sampler")
    print(f"ready {marks['ready'] * 1000:.0f} ms after the sampler started (imports included; sampling slows it)")
    print(f"{sampler.samples} busy samples; functions by share of them (inclusive):")
    for key, count in sampler.inclusive.most_common(args.top):
        print(f"{100 * count / max(sampler.samples, 1):5.1f}%  {key}")


def run_to_ready(profile: Path, shot: Path, args: argparse.Namespace) -> dict:
    """Start the app in this process, sampling from before its first import until `ready` is set."""
    sampler = Sampler()
    marks: dict = {"sampler": sampler}
    start = time.perf_counter()
    sampler.start()
    from vector_desktop.app import main as app_main
    from vector_desktop.gui import GuiSession

    finish = GuiSession.finish_startup

    async def timed_finish(self: GuiSession) -> None:
        real_set = self.ready.set

        def on_ready() -> None:
            marks["ready"] = time.perf_counter() - start
            sampler.stopped.set()
            if args.memory:
                report_memory(tracemalloc.take_snapshot(), args.top)
            real_set()

        self.ready.set = on_ready  # type: ignore[method-assign]
        await finish(self)

    GuiSession.finish_startup = timed_finish  # type: ignore[method-assign]
    app_main(["--profile", str(profile), "--screenshot", str(shot)])
    return marks


def report_memory(snapshot: tracemalloc.Snapshot, top: int) -> None:
    by_package: collections.Counter[str] = collections.Counter()
    for stat in snapshot.statistics("filename"):
        by_package[package_of(stat.traceback[0].filename)] += stat.size
    print(f"tracemalloc at ready: {sum(by_package.values()) / 2**20:.1f} MB traced")
    for name, size in by_package.most_common(top):
        print(f"{size / 2**20:7.2f} MB  {name}")


if __name__ == "__main__":
    main()
