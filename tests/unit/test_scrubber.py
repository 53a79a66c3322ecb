"""The one scrubber used for logs, Sentry events and analytics payloads."""

from __future__ import annotations

import logging
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vector_desktop.config import Config
from vector_desktop.services.scrubber import REDACTED, Scrubber, ScrubbingFilter, is_secret_key, secret_values_of

HOME = Path("/home/alice")
KNOWN = "hunter2-correct-horse"


@pytest.fixture
def scrubber() -> Scrubber:
    return Scrubber(lambda: [KNOWN], HOME, user_name="alice")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        (f"login failed with {KNOWN}!", KNOWN),
        ("Authorization: Bearer abcdefghijklmnop12345", "abcdefghijklmnop12345"),
        ("key sk-or-v1-0123456789abcdef0123456789abcdef0123", "0123456789abcdef0123456789abcdef0123"),
        ("key sk-proj-ABCDEFGHIJKLMNOPQRSTuvwx", "ABCDEFGHIJKLMNOPQRSTuvwx"),
        ("token pk_live_ABCDEFGHIJKLMNOP1234", "ABCDEFGHIJKLMNOP1234"),
        ("aws AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        ("aws wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY end", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        ("postgresql://bob:s3cr3t-pw@db.example.com:5432/app", "s3cr3t-pw"),
        ("GET https://b.r2.dev/f.txt?X-Amz-Credential=AKIA%2F2026&X-Amz-Signature=f00dfeed1234", "f00dfeed1234"),
        ("GET https://b.r2.dev/f.txt?X-Amz-Credential=AKIAXYZ%2F2026&X-Amz-Expires=60", "AKIAXYZ"),
        ("https://api.example.com/cb?token=tok_987654&state=ok", "tok_987654"),
        ("{'api_key': 'k-1234567', \"password\": \"pw1234567\"}", "k-1234567"),
        ("{'api_key': 'k-1234567', \"password\": \"pw1234567\"}", "pw1234567"),
        ("x-api-key: abc999def AWSAccessKeyId=ZZZ111", "abc999def"),
        ("refresh_token=rt-555 client_secret=cs-666", "rt-555"),
        ("refresh_token=rt-555 client_secret=cs-666", "cs-666"),
        ("could not open /home/alice/Documents/plan.txt", "/home/alice"),
        ("C:\\Users\\carol\\notes.txt and /Users/dave/x", "carol"),
        ("C:\\Users\\carol\\notes.txt and /Users/dave/x", "dave"),
        ("alice wrote this", "alice"),
    ],
)
def test_removes(scrubber: Scrubber, text: str, gone: str) -> None:
    assert gone not in scrubber.scrub_text(text)


def test_keeps_harmless_text(scrubber: Scrubber) -> None:
    text = (
        "max_tokens=100 prompt_tokens: 12 commit da39a3ee5e6b4b0d3255bfef95601890afd80709 "
        "https://openrouter.ai/api/v1/chat/completions /home/alicex-not-home /tmp/work"
    )
    assert scrubber.scrub_text(text) == text.replace("/home/alicex-not-home", "/home/[user]")


def test_home_becomes_tilde(scrubber: Scrubber) -> None:
    assert scrubber.scrub_text("saved to /home/alice/Downloads/a.png") == "saved to ~/Downloads/a.png"
    assert scrubber.scrub_text("Bearer abcdefghijklmnop") == f"Bearer {REDACTED}"


def test_scrub_event_recurses_and_redacts_secret_keys(scrubber: Scrubber) -> None:
    event: dict[str, Any] = {
        "request": {"headers": {"Authorization": "Basic dXNlcjpwYXNz", "Accept": "*/*"}},
        "extra": {"path": "/home/alice/a.txt", "items": ("x", {"secret": 42}), "count": 3},
        "breadcrumbs": {"values": [{"message": f"using {KNOWN}"}]},
        "/home/alice/key-in-a-key": True,
        "server_name": "alice-laptop",
    }
    out = scrubber.scrub_event(event)
    assert out["request"]["headers"] == {"Authorization": REDACTED, "Accept": "*/*"}
    assert out["extra"] == {"path": "~/a.txt", "items": ["x", {"secret": REDACTED}], "count": 3}
    assert KNOWN not in str(out)
    assert "~/key-in-a-key" in out
    assert event["extra"]["path"] == "/home/alice/a.txt", "the original must not be changed"
    assert "server_name" not in scrubber.before_send(event, None)


def test_secret_key_names() -> None:
    for name in ("api_key", "OPENROUTER_API_KEY", "X-Amz-Signature", "AWSAccessKeyId", "accessToken", "password"):
        assert is_secret_key(name), name
    for name in ("max_tokens", "total_tokens", "key", "author", "event_id", "tokenizer", "path"):
        assert not is_secret_key(name), name


def test_secrets_from_environment_and_dotenv_are_known() -> None:
    class Keychain:
        def known_values(self) -> list[str]:
            return ["from-keychain-123"]

    config = Config(dotenv={"R2_SECRET_ACCESS_KEY": "from-dotenv-456"}, environ={"OPENROUTER_API_KEY": "env-789xyz"})
    scrubber = Scrubber(secret_values_of(Keychain(), config), Path("/nonexistent-home"), user_name="")
    out = scrubber.scrub_text("from-keychain-123 from-dotenv-456 env-789xyz")
    assert out == " ".join([REDACTED] * 3)


def test_new_secret_values_are_picked_up() -> None:
    values: list[str] = []
    scrubber = Scrubber(lambda: values, Path("/nonexistent-home"), user_name="")
    assert scrubber.scrub_text("new-key-0001") == "new-key-0001"
    values.append("new-key-0001")
    assert scrubber.scrub_text("new-key-0001") == REDACTED


def test_logging_filter_scrubs_message_args_and_traceback(scrubber: Scrubber, tmp_path: Path) -> None:
    log_file = tmp_path / "app.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.addFilter(ScrubbingFilter(scrubber))
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("tests.scrubber.child")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("key %s in %s", KNOWN, "/home/alice/secret.txt")
        try:
            raise RuntimeError(f"failed with api_key={KNOWN} at /home/alice/x")
        except RuntimeError:
            logger.exception("upload failed")
    finally:
        logger.removeHandler(handler)
        handler.close()
    text = log_file.read_text(encoding="utf-8")
    assert KNOWN not in text
    assert "/home/alice" not in text
    assert "~/secret.txt" in text
    assert "RuntimeError" in text and "upload failed" in text


_SECRET_ALPHABET = string.ascii_letters + string.digits


@settings(max_examples=300, deadline=None)
@given(
    before=st.text(max_size=80),
    after=st.text(max_size=80),
    secret=st.text(alphabet=_SECRET_ALPHABET + "-_/+=.", min_size=12, max_size=60).filter(
        lambda s: sum(c in _SECRET_ALPHABET for c in s) >= 8
    ),
)
def test_a_known_secret_never_survives(before: str, after: str, secret: str) -> None:
    scrubber = Scrubber(lambda: [secret], HOME, user_name="alice")
    assert secret not in scrubber.scrub_text(before + secret + after)
    event = scrubber.scrub_event({"message": before + secret + after, "nested": [{"x": secret}]})
    assert secret not in str(event)


@settings(max_examples=200, deadline=None)
@given(
    before=st.text(max_size=60),
    after=st.text(max_size=60),
    body=st.text(alphabet=_SECRET_ALPHABET, min_size=24, max_size=48),
    prefix=st.sampled_from(["sk-", "sk-or-v1-", "sk-proj-", "pk_live_", "pk_"]),
)
def test_a_shaped_key_never_survives(before: str, after: str, body: str, prefix: str) -> None:
    scrubber = Scrubber(list, HOME, user_name="alice")
    # Separated by spaces, as keys appear in text; the key's body must be gone (it may recur in the other text).
    scrubbed = scrubber.scrub_text(f"{before} {prefix}{body} {after}")
    assert scrubbed.count(body) <= f"{before} {after}".count(body)
