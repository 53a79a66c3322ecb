"""Sign-in, email, encryption and the job broker add nothing to start-up: the real app, up and idle on a profile
that has a signed-in account and an outbox, has loaded none of their libraries (they load when first used); and
when its chat first answers input, neither SQLAlchemy, keyring nor httpx is loaded yet (they load right after)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.support.drive_app import FIRST_USE_MODULES

DRIVER = Path(__file__).resolve().parent.parent / "support" / "drive_app.py"


def _profile_with_account_and_outbox(profile: Path) -> None:
    from vector_desktop.core import open_core
    from vector_desktop.domain.account import AccountProfile
    from vector_desktop.paths import resolve_paths
    from vector_desktop.store.account_repository import AccountRepository

    core = open_core(resolve_paths(profile, environ={}), environ={})
    try:
        AccountRepository(core.store.sessions).save(
            AccountProfile("google", "1234567890", "ada@example.com", "Ada Lovelace")
        )
    finally:
        core.close()


def test_no_first_use_library_is_loaded_when_the_app_is_up(subprocess_env: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    _profile_with_account_and_outbox(profile)
    result = subprocess.run(
        [sys.executable, str(DRIVER), "--script", "modules", "--profile", str(profile), "--offline"],
        env=subprocess_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    at_ready = next(report["at_ready"] for report in reports if "at_ready" in report)
    loaded = reports[-1]["loaded"]
    assert "google" in FIRST_USE_MODULES and "cryptography" in FIRST_USE_MODULES
    assert loaded == [], f"loaded at start-up: {loaded}"
    # SQLAlchemy (the store's sessions), keyring and httpx load after the chat answers input, off the GUI thread
    assert at_ready == [], f"loaded before the chat answered input: {at_ready}"
