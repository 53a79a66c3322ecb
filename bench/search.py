"""Full-text search over 100k messages: the app's FTS5 query vs what a search costs without the index
(a LIKE scan of every message, measured with a word that is not there, the case a user waits longest for).

Prints one JSON line last. Usage: python bench/search.py [--messages 100000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from bench.chat_data import fill_store
from vector_desktop.store.chat_repository import ChatRepository

QUERIES = (
    "latency",
    "keychain secret",
    "markdown code",
    "outbox journal",
    "provider fallback",
    "migration",
    "unicorn",
)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = fill_store(Path(tmp), conversations=args.messages // 1000, messages_per_conversation=1000)
        repo = ChatRepository(store.sessions)
        fts: list[float] = []
        like: list[float] = []
        hits = 0
        for _ in range(5):
            for query in QUERIES:
                start = time.perf_counter()
                results = repo.search(query, limit=50)
                fts.append(time.perf_counter() - start)
                hits += len(results)
            with store.engine.connect() as connection:
                start = time.perf_counter()
                connection.execute(
                    text("SELECT id, substr(content, 1, 80) FROM messages WHERE content LIKE :q LIMIT 50"),
                    {"q": "%unicorn%"},
                ).fetchall()
                like.append(time.perf_counter() - start)
        store.dispose()
    value, baseline = median_ms(fts), median_ms(like)
    print(
        json.dumps(
            {
                "bench": "search",
                "value": round(value, 2),
                "baseline": round(baseline, 2),
                "ratio": round(value / baseline, 2),
                "unit": f"ms per query, median, {args.messages} messages, 50 hits with snippets",
                "goal": "value <= 20 ms",
                "p95_ms": round(sorted(fts)[int(len(fts) * 0.95) - 1] * 1000, 2),
                "hits": hits,
            }
        )
    )


if __name__ == "__main__":
    main()
