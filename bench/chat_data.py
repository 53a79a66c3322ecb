"""Shared by the chat benchmarks: a store filled with many realistic messages, fast (one transaction)."""

from __future__ import annotations

import random
import uuid
from pathlib import Path

from sqlalchemy import insert

from vector_desktop.store.engine import OpenedStore, open_store
from vector_desktop.store.tables_chat import ConversationRow, MessageRow

WORDS = [
    "the",
    "model",
    "answer",
    "stream",
    "token",
    "cache",
    "python",
    "desktop",
    "storage",
    "upload",
    "bucket",
    "latency",
    "window",
    "paint",
    "query",
    "index",
    "search",
    "message",
    "conversation",
    "draft",
    "offline",
    "outbox",
    "journal",
    "vector",
    "keychain",
    "secret",
    "settings",
    "theme",
    "panel",
    "job",
    "retry",
    "timeout",
    "progress",
    "thread",
    "executor",
    "sqlite",
    "migration",
    "backup",
    "schema",
    "render",
    "delegate",
    "markdown",
    "code",
    "block",
    "copy",
    "export",
    "import",
    "network",
    "error",
    "provider",
    "router",
    "fallback",
    "context",
    "price",
    "usage",
    "cost",
    "tool",
    "approval",
]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def fill_store(folder: Path, conversations: int, messages_per_conversation: int, seed: int = 7) -> OpenedStore:
    store = open_store(folder / "bench.sqlite3", folder / "backups")
    rng = random.Random(seed)
    conversation_ids = [str(uuid.uuid4()) for _ in range(conversations)]
    with store.engine.begin() as connection:
        connection.execute(
            insert(ConversationRow), [{"id": cid, "title": sentence(rng, 4)} for cid in conversation_ids]
        )
        batch: list[dict[str, object]] = []
        for cid in conversation_ids:
            for seq in range(1, messages_per_conversation + 1):
                role = "user" if seq % 2 else "assistant"
                body = " ".join(sentence(rng, rng.randint(6, 18)) for _ in range(1 if role == "user" else 4))
                batch.append({"conversation_id": cid, "seq": seq, "role": role, "content": body, "status": "complete"})
                if len(batch) >= 5000:
                    connection.execute(insert(MessageRow), batch)
                    batch.clear()
        if batch:
            connection.execute(insert(MessageRow), batch)
    return store
