"""Compile Qt Designer sources and resources into Python modules.

python scripts/build_ui.py          # ui/*.ui -> vector_desktop/views/forms/ui_*.py, resources.qrc -> resources_rc.py
python scripts/build_ui.py --check  # exit 1 when a generated file is missing or differs (used by the tests)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "vector_desktop" / "views" / "forms"
QRC = ROOT / "resources" / "resources.qrc"


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6-Essentials")
    return found


def targets() -> list[tuple[list[str], Path]]:
    jobs: list[tuple[list[str], Path]] = []
    for ui in sorted(UI_DIR.glob("*.ui")):
        out = FORMS_DIR / f"ui_{ui.stem}.py"
        jobs.append(([_tool("pyside6-uic"), "--from-imports", str(ui)], out))
    if QRC.exists():
        # Format 1 stores no file timestamps, so a fresh clone generates the same bytes.
        jobs.append(([_tool("pyside6-rcc"), "--format-version", "1", str(QRC)], FORMS_DIR / "resources_rc.py"))
    return jobs


def generate(command: list[str]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.py"
        subprocess.run([*command, "-o", str(out)], check=True, cwd=ROOT)
        return out.read_text(encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="fail if generated files are stale")
    args = parser.parse_args()
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    stale: list[str] = []
    expected = {FORMS_DIR / "__init__.py"}
    for command, out in targets():
        expected.add(out)
        text = generate(command)
        if args.check:
            if not out.exists() or out.read_text(encoding="utf-8") != text:
                stale.append(str(out.relative_to(ROOT)))
        else:
            out.write_text(text, encoding="utf-8")
    for leftover in FORMS_DIR.glob("*.py"):
        if leftover not in expected:
            if args.check:
                stale.append(f"{leftover.relative_to(ROOT)} (no source)")
            else:
                leftover.unlink()
    if stale:
        print("Generated forms are stale; run python scripts/build_ui.py:\n  " + "\n  ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
