"""Export a conversation to Markdown or JSON, streamed message by message (a 10k-message conversation is never
held in memory as one list). Used by the `export` command and by the `chat.export` background job."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, TextIO

from vector_desktop.domain.chat import ChatError, Conversation, ConversationTotals, Message, MessageStatus, Role
from vector_desktop.domain.jobs import JobContext

FORMATS = ("md", "json")
JSON_FORMAT_NAME = "vector-desktop.conversation"
JSON_FORMAT_VERSION = 1
_BACKTICKS = re.compile(r"`+")


class ExportSource(Protocol):
    def get_conversation(self, conversation_id: str) -> Conversation | None: ...

    def iter_messages(self, conversation_id: str, batch: int = 500) -> Iterator[Message]: ...

    def message_count(self, conversation_id: str) -> int: ...

    def conversation_totals(self, conversation_id: str) -> ConversationTotals: ...


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def _when(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if value is not None else ""


def _fence(text: str, info: str = "") -> str:
    """A code block whose fence is longer than any run of backticks inside."""
    longest = max((len(m.group()) for m in _BACKTICKS.finditer(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}\n"


def _cost(value: float | None) -> str:
    return f"${value:.6f}".rstrip("0").rstrip(".") if value is not None else "unknown"


# ---------------------------------------------------------------------------------------------------- Markdown


def markdown(conversation: Conversation, messages: Iterable[Message], totals: ConversationTotals) -> Iterator[str]:
    yield f"# {conversation.display_title}\n\n"
    facts = [f"- Conversation: `{conversation.id}`"]
    if conversation.model:
        facts.append(f"- Model: `{conversation.model}`")
    if conversation.fallback_models:
        facts.append("- Fallback models: " + ", ".join(f"`{m}`" for m in conversation.fallback_models))
    if conversation.temperature is not None:
        facts.append(f"- Temperature: {conversation.temperature:g}")
    if conversation.json_mode:
        facts.append("- JSON mode: on")
    if conversation.created_at is not None:
        facts.append(f"- Started: {_when(conversation.created_at)}")
    facts.append(f"- Exported: {_when(datetime.now(UTC))}")
    yield "\n".join(facts) + "\n\n"
    if conversation.system_prompt:
        yield "## System prompt\n\n" + _quote(conversation.system_prompt) + "\n"
    for message in messages:
        yield "---\n\n" + _markdown_message(message)
    yield (
        "---\n\n"
        f"Messages: {totals.messages} · Tokens: {totals.prompt_tokens:,} in, {totals.completion_tokens:,} out · "
        f"Cost: {_cost(totals.cost)}\n"
    )


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines()) + "\n"


def _markdown_message(message: Message) -> str:
    when = _when(message.created_at)
    if message.role is Role.TOOL:
        name = f" `{message.tool_name}`" if message.tool_name else ""
        return f"### Tool result{name} · {when}\n\n" + _fence(message.content) + "\n"
    if message.role is Role.ASSISTANT:
        who = f"Assistant ({message.model})" if message.model else "Assistant"
    else:
        who = message.role.value.capitalize()
    parts = [f"### {who} · {when}\n\n"]
    if message.content:
        parts.append(message.content.rstrip("\n") + "\n\n")
    for number, url in enumerate(message.images, 1):
        parts.append(f"_(image {number} attached)_\n\n" if url.startswith("data:") else f"![image {number}]({url})\n\n")
    for call in message.tool_calls:
        parts.append(f"Tool call `{call.name}`:\n\n" + _fence(call.arguments or "{}", "json") + "\n")
    note = _status_note(message)
    if note:
        parts.append(f"_{note}_\n\n")
    return "".join(parts)


def _status_note(message: Message) -> str:
    labels = {
        MessageStatus.INTERRUPTED: "Interrupted",
        MessageStatus.CANCELLED: "Stopped",
        MessageStatus.FAILED: "Failed",
        MessageStatus.QUEUED: "Not sent yet (waiting in the outbox)",
        MessageStatus.STREAMING: "Still arriving",
    }
    label = labels.get(message.status, "")
    if message.error:
        return f"{label}: {message.error}" if label else message.error
    return label


# ---------------------------------------------------------------------------------------------------- JSON


def conversation_dict(conversation: Conversation) -> dict[str, Any]:
    return {
        "id": conversation.id,
        "title": conversation.title,
        "pinned": conversation.pinned,
        "system_prompt": conversation.system_prompt,
        "model": conversation.model,
        "fallback_models": list(conversation.fallback_models),
        "temperature": conversation.temperature,
        "json_mode": conversation.json_mode,
        "created_at": _iso(conversation.created_at),
        "updated_at": _iso(conversation.updated_at),
    }


def message_dict(message: Message) -> dict[str, Any]:
    return {
        "id": message.id,
        "seq": message.seq,
        "role": message.role.value,
        "content": message.content,
        "status": message.status.value,
        "model": message.model,
        "provider": message.provider,
        "finish_reason": message.finish_reason,
        "usage": {
            "prompt_tokens": message.prompt_tokens,
            "completion_tokens": message.completion_tokens,
            "cost": message.cost,
        },
        "error": message.error,
        "tool_calls": [{"id": c.id, "name": c.name, "arguments": c.arguments} for c in message.tool_calls],
        "tool_call_id": message.tool_call_id,
        "tool_name": message.tool_name,
        "images": list(message.images),
        "parent_id": message.parent_id,
        "created_at": _iso(message.created_at),
    }


def json_document(conversation: Conversation, messages: Iterable[Message], totals: ConversationTotals) -> Iterator[str]:
    """One valid JSON document, produced in pieces: a header, one line per message, the totals."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    yield "{\n"
    yield f'  "format": {dump(JSON_FORMAT_NAME)},\n  "version": {JSON_FORMAT_VERSION},\n'
    yield f'  "exported_at": {dump(_iso(datetime.now(UTC)))},\n'
    yield f'  "conversation": {dump(conversation_dict(conversation))},\n'
    yield '  "messages": ['
    separator = "\n    "
    for message in messages:
        yield separator + dump(message_dict(message))
        separator = ",\n    "
    yield "\n  ],\n" if separator != "\n    " else "],\n"
    totals_dict = {
        "messages": totals.messages,
        "prompt_tokens": totals.prompt_tokens,
        "completion_tokens": totals.completion_tokens,
        "cost": totals.cost,
    }
    yield f'  "totals": {dump(totals_dict)}\n}}\n'


# ---------------------------------------------------------------------------------------------------- writing


def export_conversation(
    source: ExportSource,
    conversation_id: str,
    fmt: str,
    out: TextIO,
    on_message: Callable[[int], None] | None = None,
) -> int:
    """Write the export to `out`; returns the number of messages. `on_message(count)` runs after each one."""
    if fmt not in FORMATS:
        raise ChatError(f"Unknown export format '{fmt}'; use md or json.")
    conversation = source.get_conversation(conversation_id)
    if conversation is None:
        raise ChatError(f"There is no conversation with the id {conversation_id}.")
    totals = source.conversation_totals(conversation_id)
    count = 0

    def counted() -> Iterator[Message]:
        nonlocal count
        for message in source.iter_messages(conversation_id):
            yield message
            count += 1
            if on_message is not None:
                on_message(count)

    render = markdown if fmt == "md" else json_document
    for piece in render(conversation, counted(), totals):
        out.write(piece)
    return count


def export_to_text(source: ExportSource, conversation_id: str, fmt: str) -> str:
    import io

    buffer = io.StringIO()
    export_conversation(source, conversation_id, fmt, buffer)
    return buffer.getvalue()


def default_file_name(conversation: Conversation, fmt: str) -> str:
    stem = re.sub(r"[^\w\- ]+", "", conversation.display_title).strip().replace(" ", "-")[:60] or "conversation"
    return f"{stem}.{fmt}"


def export_job(ctx: JobContext, source: ExportSource, conversation_id: str, fmt: str, path: str) -> dict[str, Any]:
    """The body of the `chat.export` job: writes next to `path` then renames, so a cancelled or failed export
    never leaves half a file under the chosen name."""
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    total = max(source.message_count(conversation_id), 1)

    def progress(count: int) -> None:
        if count % 200 == 0 or count == total:
            ctx.progress(count / total, f"{count:,} of {total:,} messages")
            ctx.check()

    try:
        with partial.open("w", encoding="utf-8", newline="\n") as handle:
            count = export_conversation(source, conversation_id, fmt, handle, progress)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    ctx.progress(1.0, f"{count:,} messages exported")
    return {"path": str(target), "format": fmt, "messages": count}


def register_tasks(registry: Any, source: Callable[[], ExportSource]) -> None:
    """Register `chat.export(conversation_id, fmt, path)` on a jobs TaskRegistry. `source` returns the store's
    chat repository (called on the worker thread)."""

    def run(ctx: JobContext, conversation_id: str, fmt: str, path: str) -> dict[str, Any]:
        return export_job(ctx, source(), conversation_id, fmt, path)

    registry.register("chat.export", run, idempotent=True, title="Export conversation")
