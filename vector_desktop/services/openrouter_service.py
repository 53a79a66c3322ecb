"""OpenRouterService: the live model list (GET /models) and key/credit info (GET /key).

Returns parsed data only; caching the model list in the store is the chat service's job. Works against any
OpenAI-compatible server too (its /models entries become `compat:<server>/<id>` ids). Each call exists as a
coroutine (GUI, on the qasync loop) and as a blocking function (background jobs run on worker threads).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import httpx

from vector_desktop.ai.error_mapping import error_from_response
from vector_desktop.ai.errors import AIConnectionError, AIError, AIRequestError, AITimeoutError
from vector_desktop.ai.models import ModelInfo, parse_models
from vector_desktop.ai.providers import ProviderConfig


@dataclass(frozen=True)
class KeyInfo:
    """GET /key: credit limits and usage in USD (None = no limit / not reported)."""

    label: str = ""
    limit: float | None = None
    limit_remaining: float | None = None
    limit_reset: str = ""
    usage: float | None = None
    usage_daily: float | None = None
    usage_monthly: float | None = None
    is_free_tier: bool = False


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def parse_key_info(payload: Any) -> KeyInfo:
    data = payload.get("data") if isinstance(payload, Mapping) else None
    if not isinstance(data, Mapping):
        return KeyInfo()
    label, reset = data.get("label"), data.get("limit_reset")
    return KeyInfo(
        label=label if isinstance(label, str) else "",
        limit=_number(data.get("limit")),
        limit_remaining=_number(data.get("limit_remaining")),
        limit_reset=reset if isinstance(reset, str) else "",
        usage=_number(data.get("usage")),
        usage_daily=_number(data.get("usage_daily")),
        usage_monthly=_number(data.get("usage_monthly")),
        is_free_tier=data.get("is_free_tier") is True,
    )


class OpenRouterService:
    def __init__(
        self,
        provider: ProviderConfig,
        http: Callable[[], httpx.AsyncClient] | None = None,
        timeout: float = 30.0,
    ) -> None:
        self._provider = provider
        self._http_factory = http
        self._timeout = timeout

    @property
    def provider(self) -> ProviderConfig:
        return self._provider

    # ---- async (GUI) ---------------------------------------------------------------------------------------

    async def list_models(self) -> list[ModelInfo]:
        return self._models_from(await self._get_json("models"))

    async def key_info(self) -> KeyInfo:
        return parse_key_info(await self._get_json("key"))

    async def _get_json(self, path: str) -> Any:
        url = self._provider.url(path)
        client = self._http_factory() if self._http_factory else httpx.AsyncClient(timeout=self._timeout)
        try:
            async with client:
                response = await client.get(url, headers=self._provider.headers(stream=False), timeout=self._timeout)
                return self._decode(response)
        except httpx.HTTPError as error:
            raise self._transport_error(error) from error

    # ---- blocking (jobs) -----------------------------------------------------------------------------------

    def list_models_blocking(self) -> list[ModelInfo]:
        return self._models_from(self._get_json_blocking("models"))

    def key_info_blocking(self) -> KeyInfo:
        return parse_key_info(self._get_json_blocking("key"))

    def _get_json_blocking(self, path: str) -> Any:
        try:
            with httpx.Client(timeout=self._timeout) as client:
                response = client.get(self._provider.url(path), headers=self._provider.headers(stream=False))
                return self._decode(response)
        except httpx.HTTPError as error:
            raise self._transport_error(error) from error

    # ---- shared --------------------------------------------------------------------------------------------

    def _decode(self, response: httpx.Response) -> Any:
        if response.status_code >= 400:
            raise error_from_response(self._provider, response.status_code, response.content, response.headers)
        try:
            return response.json()
        except ValueError as error:
            raise AIRequestError(
                self._provider.name, status=response.status_code, detail="the answer was not JSON"
            ) from error

    def _transport_error(self, error: httpx.HTTPError) -> AIError:
        if isinstance(error, httpx.TimeoutException):
            return AITimeoutError(self._provider.name, self._timeout, detail=type(error).__name__)
        return AIConnectionError(self._provider.name, self._provider.base_url, detail=type(error).__name__)

    def _models_from(self, payload: Any) -> list[ModelInfo]:
        models = parse_models(payload)
        if self._provider.kind == "compatible":
            models = [
                replace(m, id=self._provider.compat_model_id(m.id), name=f"{m.name} ({self._provider.name})")
                for m in models
            ]
        return models
