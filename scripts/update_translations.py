"""Refresh the translation template resources/i18n/vector_desktop.ts from the sources (pyside6-lupdate).

Translators copy it to vector_desktop_<lang>.ts, translate it in Qt Linguist and run pyside6-lrelease to make
vector_desktop/i18n/vector_desktop_<lang>.qm (shipped in the package); the app loads the one matching the system
locale at start, together with Qt's own qtbase translation.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sources = sorted(
        [
            *ROOT.glob("vector_desktop/views/**/*.py"),
            *ROOT.glob("vector_desktop/presentation/**/*.py"),
            *ROOT.glob("vector_desktop/gui*.py"),
            *ROOT.glob("ui/*.ui"),
        ]
    )
    sources = [path for path in sources if "/forms/" not in str(path)]  # the forms' strings come from ui/*.ui
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    command = [str(lupdate), *map(str, sources), "-ts", str(ROOT / "resources/i18n/vector_desktop.ts"), "-no-obsolete"]
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
