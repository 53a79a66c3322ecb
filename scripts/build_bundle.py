"""Build the one-folder app with PyInstaller from packaging/pyinstaller/vector-desktop.spec.

python scripts/build_bundle.py                         # -> dist/vector-desktop/vector-desktop
python scripts/build_bundle.py --dist /tmp/vd-bundle   # -> /tmp/vd-bundle/vector-desktop/vector-desktop
python scripts/build_bundle.py --without-model         # leave the on-device model out (~120 MB smaller)

Prints the bundle's size and the build time. Exit code 1 with one line when something is missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "pyinstaller" / "vector-desktop.spec"
APP_FOLDER = "vector-desktop"


def executable_in(folder: Path) -> Path:
    """The bundle's executable inside its one-folder directory (dist/vector-desktop)."""
    return folder / ("vector-desktop.exe" if sys.platform == "win32" else "vector-desktop")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def build(dist: Path, work: Path, model: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, VECTOR_BUNDLE_MODEL=model)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    return subprocess.run(command, cwd=ROOT, env=env, check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="folder that receives vector-desktop/")
    parser.add_argument("--work", type=Path, help="PyInstaller's build folder (default: DIST/.build)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--without-model", action="store_true", help="leave the on-device model out")
    group.add_argument("--with-model", action="store_true", help="fail unless the on-device model can be included")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("PyInstaller") is None:
        print("build_bundle: PyInstaller is not installed (pip install -e '.[dev]')", file=sys.stderr)
        return 1
    stale = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_ui.py"), "--check"], check=False)
    if stale.returncode != 0:
        print("build_bundle: the compiled forms/resources are stale; run python scripts/build_ui.py", file=sys.stderr)
        return 1
    dist = args.dist.resolve()
    work = (args.work or dist / ".build").resolve()
    model = "0" if args.without_model else "1" if args.with_model else os.environ.get("VECTOR_BUNDLE_MODEL", "auto")
    started = time.perf_counter()
    result = build(dist, work, model)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        print(f"build_bundle: PyInstaller failed (exit {result.returncode}) after {seconds:.0f} s", file=sys.stderr)
        return 1
    folder = dist / APP_FOLDER
    size = folder_size(folder)
    print(f"bundle: {executable_in(folder)}")
    print(f"bundle size: {size / 1e6:.1f} MB in {sum(1 for _ in folder.rglob('*'))} files; built in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
