"""Building the real LLMClient from the settings (shared by the CLI and the GUI's composition root).

OpenRouter when OPENROUTER_API_KEY is set, else OpenAI when OPENAI_API_KEY is set (ai.providers decides), plus the
on-device model. Reading the keys touches the keychain: call this off the GUI thread, or pass keychain=False.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.local_model import LocalModel
from vector_desktop.ai.models import ModelInfo
from vector_desktop.ai.providers import ProviderConfig, providers_from_settings
from vector_desktop.config import Config
from vector_desktop.domain.chat import CachedModel

if TYPE_CHECKING:
    import httpx


def build_llm_client(
    config: Config,
    *,
    compatible: Sequence[ProviderConfig] = (),
    cached_models: Sequence[CachedModel] = (),
    http: Callable[[], httpx.AsyncClient] | None = None,
    keychain: bool = True,
    **kwargs: Any,
) -> LLMClient:
    """`keychain=False`: the providers whose keys are in .env or the environment only (the GUI's start, which
    must not wait for the keychain; it sets the providers again once the keys are read)."""
    local = LocalModel(str(config.get("VECTOR_LOCAL_MODEL_PATH") or "") or None)
    client = LLMClient(
        providers_from_settings(config.get if keychain else config.get_without_keychain, compatible),
        http=http,
        local=local,
        timeout=float(config.get("VECTOR_REQUEST_TIMEOUT")),
        **kwargs,
    )
    client.update_catalog(catalog_from_cache(cached_models))
    return client


def catalog_from_cache(models: Sequence[CachedModel]) -> list[ModelInfo]:
    """ModelInfo (context sizes, prices) from the store's model cache; unreadable entries are skipped."""
    infos: list[ModelInfo] = []
    for model in models:
        try:
            infos.append(ModelInfo.from_dict({"id": model.model_id, "name": model.name, **model.data}))
        except (TypeError, ValueError):
            continue
    return infos


def cache_entries(provider: str, models: Sequence[ModelInfo]) -> list[CachedModel]:
    """What ChatRepository.replace_models stores for a freshly fetched model list."""
    return [CachedModel(provider, m.id, m.name, m.to_dict()) for m in models]
