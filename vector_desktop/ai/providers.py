"""Provider configurations: who answers a request, at which address, with which headers.

Kinds: `openrouter` (primary), `openai` (fallback when OpenRouter is not configured), `compatible` (any number of
user-added OpenAI-compatible servers: Ollama, LM Studio, llama.cpp) and `local` (the on-device model, no HTTP).
API keys are read by the caller from the SecretStore (off the GUI thread) and passed in; they never reach logs,
reprs or error messages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

ProviderKind = Literal["openrouter", "openai", "compatible", "local"]

OPENROUTER_BASE_URL = "https://openrouter.ai/api/v1"
OPENAI_BASE_URL = "https://api.openai.com/v1"
# Attribution needs an app URL in HTTP-Referer (the app's identity in OpenRouter's rankings).
APP_REFERER = "https://github.com/vector-desktop/vector-desktop"
COMPAT_PREFIX = "compat:"
LOCAL_PREFIX = "local:"


@dataclass(frozen=True)
class ProviderConfig:
    kind: ProviderKind
    name: str
    base_url: str = ""
    api_key: str = field(default="", repr=False)
    extra_headers: Mapping[str, str] = field(default_factory=dict, repr=False)
    app_name: str = ""  # OpenRouter attribution title
    referer: str = ""  # OpenRouter attribution URL
    models: tuple[str, ...] = ()  # compatible servers: model names known to be served (optional)

    @classmethod
    def openrouter(
        cls, api_key: str, base_url: str = OPENROUTER_BASE_URL, app_name: str = "Vector Desktop", referer: str = ""
    ) -> ProviderConfig:
        return cls(
            "openrouter",
            "OpenRouter",
            base_url or OPENROUTER_BASE_URL,
            api_key,
            app_name=app_name,
            referer=referer or APP_REFERER,
        )

    @classmethod
    def openai(cls, api_key: str, base_url: str = OPENAI_BASE_URL) -> ProviderConfig:
        return cls("openai", "OpenAI", base_url or OPENAI_BASE_URL, api_key)

    @classmethod
    def compatible(cls, name: str, base_url: str, api_key: str = "", models: Sequence[str] = ()) -> ProviderConfig:
        if not name or "/" in name:
            raise ValueError("a server name must be non-empty and contain no '/'")
        return cls("compatible", name, base_url, api_key, models=tuple(models))

    @classmethod
    def local(cls) -> ProviderConfig:
        return cls("local", "On-device model")

    @property
    def configured(self) -> bool:
        if self.kind in ("openrouter", "openai"):
            return bool(self.api_key and self.base_url)
        if self.kind == "compatible":
            return bool(self.base_url)
        return True

    @property
    def settings_place(self) -> str:
        """Where the user changes this provider's key and address."""
        return "File → AI servers" if self.kind == "compatible" else "Settings → AI"

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")

    def compat_model_id(self, model: str) -> str:
        """The app-wide id of a model served by this compatible server."""
        return f"{COMPAT_PREFIX}{self.name}/{model}"

    def headers(self, *, stream: bool) -> dict[str, str]:
        headers = {"Accept": "text/event-stream" if stream else "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        if self.kind == "openrouter":
            if self.referer:
                headers["HTTP-Referer"] = self.referer
            if self.app_name:
                # New and legacy header names: older deployments only know X-Title.
                headers["X-OpenRouter-Title"] = self.app_name
                headers["X-Title"] = self.app_name
        headers.update(self.extra_headers)
        return headers


def providers_from_settings(
    get: Callable[[str], Any], compatible: Sequence[ProviderConfig] = ()
) -> list[ProviderConfig]:
    """Providers from the declared settings (`Config.get`). Reads secrets: call it off the GUI thread.

    OpenRouter when its key is set, else OpenAI when its key is set, then the user-added servers.
    """
    providers: list[ProviderConfig] = []
    openrouter_key = (get("OPENROUTER_API_KEY") or "").strip()
    if openrouter_key:
        providers.append(
            ProviderConfig.openrouter(
                openrouter_key,
                get("OPENROUTER_BASE_URL") or OPENROUTER_BASE_URL,
                (get("OPENROUTER_APP_NAME") or "").strip(),
            )
        )
    else:
        openai_key = (get("OPENAI_API_KEY") or "").strip()
        if openai_key:
            providers.append(ProviderConfig.openai(openai_key, get("OPENAI_BASE_URL") or OPENAI_BASE_URL))
    providers.extend(p for p in compatible if p.kind == "compatible")
    return providers
