"""What can go wrong signing in with Google, one sentence each (what happened, what to do). No message carries a
token, a code or the client secret."""

from __future__ import annotations

from vector_desktop.domain.errors import VectorError

SIGNED_OUT_EXPIRED = "Your Google sign-in has expired or was revoked; sign in again."


class AuthError(VectorError):
    """A sign-in, refresh or sign-out step failed; `str(error)` is the sentence to show."""

    sentence = "Signing in with Google failed; try again."

    def __init__(self, sentence: str | None = None) -> None:
        super().__init__(sentence or self.sentence)


class NotConfiguredError(AuthError):
    sentence = (
        "Google sign-in is not set up: enter the Google client id (and secret) in Settings → Account, then sign in."
    )


class SignInCancelledError(AuthError):
    sentence = "Signing in with Google was cancelled."


class SignInTimeoutError(AuthError):
    """No answer from the browser in time (the user closed the browser or the tab)."""

    def __init__(self, minutes: float) -> None:
        super().__init__(
            f"No answer came back from the browser within {minutes:g} minutes (was the browser tab closed?); "
            "sign in again."
        )


class ConsentDeniedError(AuthError):
    sentence = "You did not allow Vector Desktop to use your Google account, so you are not signed in."


class InvalidClientError(AuthError):
    sentence = (
        "Google refused the app's client id or secret; check them in Settings → Account (an OAuth client of type "
        "Desktop app) and sign in again."
    )


class RedirectMismatchError(AuthError):
    sentence = (
        "Google refused the redirect address; leave Google redirect URI empty in Settings → Account, or use one "
        "registered for the OAuth client."
    )


class StateMismatchError(AuthError):
    sentence = "The browser's answer did not belong to this sign-in, so it was ignored; sign in again."


class PortBusyError(AuthError):
    def __init__(self, port: int) -> None:
        super().__init__(
            f"Port {port} of this computer is in use, so the sign-in cannot receive Google's answer; close what uses "
            "it or leave Google redirect URI empty in Settings → Account."
        )


class ClockSkewError(AuthError):
    def __init__(self, seconds: float) -> None:
        direction = "ahead" if seconds > 0 else "behind"
        super().__init__(
            f"This computer's clock looks about {describe_duration(abs(seconds))} {direction}, so Google's answer "
            "could not be checked; set the date and time right and sign in again."
        )
        self.seconds = seconds


class InvalidTokenError(AuthError):
    sentence = "Google's answer could not be verified (a bad or foreign ID token), so you are not signed in."


class OfflineError(AuthError):
    sentence = "Google could not be reached; check the internet connection and try again."


class SignInExpiredError(AuthError):
    sentence = SIGNED_OUT_EXPIRED


class GoogleRefusedError(AuthError):
    def __init__(self, code: str) -> None:
        safe = "".join(c for c in code if c.isalnum() or c in "_-")[:60] or "unknown"
        super().__init__(f"Google refused the sign-in ({safe}); try again later.")
        self.code = safe


def error_for_code(code: str) -> AuthError:
    """The error for an OAuth error code from the redirect or the token endpoint."""
    if code == "access_denied":
        return ConsentDeniedError()
    if code in ("invalid_client", "unauthorized_client", "deleted_client"):
        return InvalidClientError()
    if code == "redirect_uri_mismatch":
        return RedirectMismatchError()
    if code == "invalid_grant":
        return SignInExpiredError()
    return GoogleRefusedError(code)


def describe_duration(seconds: float) -> str:
    for unit, size in (("days", 86400), ("hours", 3600), ("minutes", 60)):
        if seconds >= 1.5 * size:
            return f"{round(seconds / size)} {unit}"
    return f"{round(seconds)} seconds"
