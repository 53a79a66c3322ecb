"""The model picker's list: GET /models of each configured provider, cached in the store so it works offline.

Refreshed by the `chat.refresh_models` job (register_tasks); read with `models()` from the cache. Before the first
refresh (or with nothing cached) the seed models of the web app and the on-device model are offered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from vector_desktop.ai.models import ModelInfo, local_model_info, seed_model_infos
from vector_desktop.domain.chat import CachedModel
from vector_desktop.domain.jobs import JobContext
from vector_desktop.services.llm_factory import cache_entries, catalog_from_cache


class ModelCacheStore(Protocol):
    def replace_models(self, provider: str, models: Sequence[CachedModel]) -> None: ...

    def cached_models(self, provider: str | None = None) -> list[CachedModel]: ...


class ModelLister(Protocol):
    """OpenRouterService fits: `provider.name` names the cache entry, list_models_blocking() fetches."""

    @property
    def provider(self) -> Any: ...

    def list_models_blocking(self) -> list[ModelInfo]: ...


class ModelCatalog:
    def __init__(self, store: ModelCacheStore, *, include_local: bool = True) -> None:
        self._store = store
        self._include_local = include_local

    def models(self) -> list[ModelInfo]:
        """Cached models of every provider (the seed list when nothing is cached), on-device model last."""
        models = catalog_from_cache(self._store.cached_models()) or seed_model_infos()
        if self._include_local:
            models.append(local_model_info())
        return models

    def refresh(self, listers: Sequence[ModelLister], ctx: JobContext | None = None) -> dict[str, int]:
        """Fetch and cache each provider's list (blocking: run it as a job). A provider that fails keeps its
        previous cache; the first error is raised after the others were tried."""
        counts: dict[str, int] = {}
        first_error: Exception | None = None
        for number, lister in enumerate(listers):
            if ctx is not None:
                ctx.check()
                ctx.progress(number / max(len(listers), 1), f"Asking {lister.provider.name} for its models")
            try:
                fetched = lister.list_models_blocking()
            except Exception as error:
                first_error = first_error or error
                continue
            self._store.replace_models(lister.provider.name, cache_entries(lister.provider.name, fetched))
            counts[lister.provider.name] = len(fetched)
        if first_error is not None and not counts:
            raise first_error
        return counts


def register_tasks(
    registry: Any, catalog: Callable[[], ModelCatalog], listers: Callable[[], Sequence[ModelLister]]
) -> None:
    """`chat.refresh_models()` on a jobs TaskRegistry; returns {provider name: number of models}."""

    def run(ctx: JobContext) -> dict[str, int]:
        return catalog().refresh(listers(), ctx)

    registry.register("chat.refresh_models", run, retries=2, idempotent=True, title="Refresh the model list")
