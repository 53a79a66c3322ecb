"""Typed AI errors. `str(error)` is a sentence for the user that names the provider and never contains a key.

`retryable` says whether trying the same request again (after a pause) may succeed; the client retries and falls
back to the next provider only before the first token. `detail` keeps the server's own message (scrubbed of keys)
for the log and a "details" disclosure.
"""

from __future__ import annotations

import re

from vector_desktop.domain.errors import VectorError

# Things that look like API keys (OpenRouter sk-or-v1-…, OpenAI sk-…/sk-proj-…, bearer tokens).
_KEYLIKE = re.compile(r"\b(sk-[A-Za-z0-9_\-*]{8,}|Bearer\s+\S+)")


def scrub(text: str, *secrets: str) -> str:
    """Remove known secrets and key-shaped strings from a server message."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return _KEYLIKE.sub("***", text)


class AIError(VectorError):
    retryable = False

    def __init__(
        self,
        message: str,
        *,
        provider: str = "",
        status: int | None = None,
        detail: str = "",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.provider = provider
        self.status = status
        self.detail = detail
        self.retry_after = retry_after


def _name(provider: str) -> str:
    return provider or "The AI provider"


def _with_detail(sentence: str, detail: str) -> str:
    detail = detail.strip().rstrip(".")
    return f"{sentence} ({detail}.)" if detail else sentence


class AuthError(AIError):
    def __init__(
        self, provider: str = "", *, status: int | None = 401, detail: str = "", where: str = "Settings → AI"
    ) -> None:
        super().__init__(
            f"{_name(provider)} did not accept the API key. Check the key in {where}.",
            provider=provider,
            status=status,
            detail=detail,
        )


class CreditsError(AIError):
    def __init__(self, provider: str = "", *, status: int | None = 402, detail: str = "") -> None:
        super().__init__(
            f"Your {provider or 'AI provider'} account is out of credits. Add credits or pick another provider.",
            provider=provider,
            status=status,
            detail=detail,
        )


class ModerationError(AIError):
    def __init__(self, provider: str = "", *, status: int | None = 403, detail: str = "") -> None:
        super().__init__(
            _with_detail(f"{_name(provider)} refused this request", detail),
            provider=provider,
            status=status,
            detail=detail,
        )


class RateLimitError(AIError):
    retryable = True

    def __init__(
        self, provider: str = "", *, status: int | None = 429, detail: str = "", retry_after: float | None = None
    ) -> None:
        wait = f" Try again in {retry_after:.0f} seconds." if retry_after else " Wait a moment and try again."
        super().__init__(
            f"{_name(provider)} is rate limiting requests.{wait}",
            provider=provider,
            status=status,
            detail=detail,
            retry_after=retry_after,
        )


class ProviderDownError(AIError):
    retryable = True

    def __init__(
        self, provider: str = "", *, status: int | None = 503, detail: str = "", retry_after: float | None = None
    ) -> None:
        super().__init__(
            f"{_name(provider)} or the model behind it is not answering right now (error {status or 'unknown'}). "
            "Try again later or pick another model.",
            provider=provider,
            status=status,
            detail=detail,
            retry_after=retry_after,
        )


class ModelNotFoundError(AIError):
    def __init__(self, provider: str = "", model: str = "", *, status: int | None = 404, detail: str = "") -> None:
        what = f"the model '{model}'" if model else "this model"
        super().__init__(
            f"{_name(provider)} does not offer {what}. Pick another model.",
            provider=provider,
            status=status,
            detail=detail,
        )
        self.model = model


class ContextTooLongError(AIError):
    def __init__(
        self,
        provider: str = "",
        model: str = "",
        *,
        estimated_tokens: int | None = None,
        limit: int | None = None,
        status: int | None = None,
        detail: str = "",
    ) -> None:
        if estimated_tokens is not None and limit is not None:
            size = f" (about {estimated_tokens:,} tokens; {model or 'the model'} takes {limit:,})"
        else:
            size = ""
        super().__init__(
            f"This conversation is too long for {model or 'the model'}{size}. "
            "Start a new conversation, remove attachments, or pick a model with a larger context.",
            provider=provider,
            status=status,
            detail=detail,
        )
        self.model = model
        self.estimated_tokens = estimated_tokens
        self.limit = limit


class AIConnectionError(AIError):
    retryable = True

    def __init__(self, provider: str = "", url: str = "", *, detail: str = "") -> None:
        where = f" at {url}" if url else ""
        super().__init__(
            f"Could not connect to {provider or 'the AI provider'}{where}. "
            "Check your network connection and that the server is running.",
            provider=provider,
            detail=detail,
        )
        self.url = url


class AITimeoutError(AIError):
    retryable = True

    def __init__(self, provider: str = "", seconds: float | None = None, *, detail: str = "") -> None:
        after = f" within {seconds:g} seconds" if seconds else ""
        super().__init__(
            f"{_name(provider)} did not answer{after}. Try again, or raise the timeout in Settings → AI.",
            provider=provider,
            detail=detail,
        )


class StreamInterruptedError(AIError):
    """The answer broke off (an error event mid-stream, or the stream just stopped). Keeps what arrived."""

    def __init__(self, provider: str = "", partial_text: str = "", *, detail: str = "", status: int | None = None):
        super().__init__(
            _with_detail(f"The answer from {provider or 'the AI provider'} broke off before it was complete", detail),
            provider=provider,
            status=status,
            detail=detail,
        )
        self.partial_text = partial_text
        # Nothing was shown yet: asking again is safe.
        self.retryable = not partial_text


class InvalidJSONError(AIError):
    """JSON mode: the model's answer is not valid JSON or does not match the schema. `raw_text` keeps it."""

    def __init__(self, provider: str = "", raw_text: str = "", *, detail: str = "") -> None:
        super().__init__(
            _with_detail("The model's answer is not the JSON that was asked for", detail),
            provider=provider,
            detail=detail,
        )
        self.raw_text = raw_text


class AIRequestError(AIError):
    """Any other refusal of the request (HTTP 400 and friends)."""

    def __init__(self, provider: str = "", *, status: int | None = 400, detail: str = "") -> None:
        super().__init__(
            _with_detail(f"{_name(provider)} rejected the request", detail),
            provider=provider,
            status=status,
            detail=detail,
        )


class ToolsNotSupportedError(AIRequestError):
    """The server (or every endpoint of the model) refused the request because it offered tools: the model cannot
    use them. The chat answers again without tools."""

    def __init__(self, provider: str = "", model: str = "", *, status: int | None = 400, detail: str = "") -> None:
        super().__init__(provider, status=status, detail=detail or "the model cannot use tools")
        self.model = model


class NoProviderError(AIError):
    def __init__(self, model: str = "", *, hint: str = "") -> None:
        super().__init__(
            f"No AI provider is set up for the model '{model}'. {hint or 'Add an API key in Settings → AI.'}",
            detail="",
        )
        self.model = model


class LocalModelUnavailableError(AIError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"The on-device model cannot run: {reason}", provider="On-device model", detail=reason)
