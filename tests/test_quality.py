"""Static checks that are part of the test run: lint, types, layer contracts, generated forms in sync."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*command: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def test_ruff_lint() -> None:
    result = run(str(BIN / "ruff"), "check", "vector_desktop", "tests", "scripts", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run(str(BIN / "ruff"), "format", "--check", "vector_desktop", "tests", "scripts", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.timeout(600)
def test_mypy() -> None:
    result = run(str(BIN / "mypy"), timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_layers() -> None:
    result = run(str(BIN / "lint-imports"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_forms_match_ui_sources() -> None:
    result = run(sys.executable, "scripts/build_ui.py", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_env_example_lists_every_setting() -> None:
    from vector_desktop.config import SETTINGS

    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    declared = {line.split("=", 1)[0] for line in text.splitlines() if "=" in line and not line.startswith("#")}
    missing = {spec.key for spec in SETTINGS} - declared
    assert not missing, f".env.example lacks {sorted(missing)}"
    for line in text.splitlines():
        if "=" in line and not line.startswith("#"):
            assert line.split("=", 1)[1] == "", f"{line}: .env.example keeps values empty"
