"""The account feature's small parts: where the redirect listens, the OAuth error codes' sentences, the cached
profile's round trip through the store, and the google libraries staying out of start-up."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from vector_desktop.domain.account import AccountProfile
from vector_desktop.services.account import auth_errors
from vector_desktop.services.account.loopback import loopback_target
from vector_desktop.store.account_repository import AccountRepository

REPO_ROOT = Path(__file__).resolve().parents[3]


def test_loopback_target_uses_a_loopback_redirect_uri_only() -> None:
    assert loopback_target("") == ("127.0.0.1", 0, "/")
    assert loopback_target("http://127.0.0.1:8765/oauth2/callback") == ("127.0.0.1", 8765, "/oauth2/callback")
    assert loopback_target("http://localhost:9000") == ("localhost", 9000, "/")
    # The web app's callback is not a place this computer can listen on: a free loopback port instead.
    assert loopback_target("https://vector.example.com/api/v1/auth/google/callback") == ("127.0.0.1", 0, "/")
    assert loopback_target("http://192.168.1.5:8000/cb") == ("127.0.0.1", 0, "/")


def test_oauth_error_codes_become_sentences() -> None:
    assert isinstance(auth_errors.error_for_code("access_denied"), auth_errors.ConsentDeniedError)
    assert isinstance(auth_errors.error_for_code("invalid_client"), auth_errors.InvalidClientError)
    assert isinstance(auth_errors.error_for_code("redirect_uri_mismatch"), auth_errors.RedirectMismatchError)
    assert str(auth_errors.error_for_code("invalid_grant")) == auth_errors.SIGNED_OUT_EXPIRED
    odd = str(auth_errors.error_for_code("temporarily_unavailable<script>"))
    assert odd == "Google refused the sign-in (temporarily_unavailablescript); try again later."
    assert str(auth_errors.ClockSkewError(-7200)).startswith("This computer's clock looks about 2 hours behind")
    assert str(auth_errors.ClockSkewError(3 * 86400)).startswith("This computer's clock looks about 3 days ahead")
    assert "Settings → Account" in str(auth_errors.NotConfiguredError())


def test_the_cached_profile_round_trips(store) -> None:  # type: ignore[no-untyped-def]
    repository = AccountRepository(store.sessions)
    assert repository.load() is None
    when = datetime(2026, 12, 6, 7, 30, tzinfo=UTC)
    profile = AccountProfile("google", "42", "ada@example.com", "Ada Lovelace", "https://x/p.png", b"\x89PNG", when)
    repository.save(profile)
    repository.save(profile)  # still one row
    assert repository.load() == profile
    repository.clear()
    assert repository.load() is None


def test_start_up_loads_no_google_library() -> None:
    script = """
import asyncio, sys
import vector_desktop.gui, vector_desktop.gui_account, vector_desktop.core_account
import vector_desktop.commands.account
from PySide6.QtWidgets import QApplication
from vector_desktop.config import Config
from vector_desktop.presentation.account.account_viewmodel import AccountViewModel
from vector_desktop.services.account.auth_service import AccountService
from vector_desktop.views.account.account_button import AccountButton

class Profiles:
    def load(self): return None
    def save(self, profile): pass
    def clear(self): pass

app = QApplication([])
service = AccountService(Config(environ={}), None, Profiles())
asyncio.run(service.open())
view_model = AccountViewModel(service, lambda url: None)
button = AccountButton()
button.set_profile(service.current())
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("google", "google_auth_oauthlib", "requests",
                "oauthlib", "requests_oauthlib"))
print(",".join(loaded))
"""
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
