"""Text of the chat panel: token counts, prices, model names, message headers and status chips, times.

Qt-free apart from QLocale/QDateTime (the user's number and date formats)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from vector_desktop.ai.client import estimate_tokens
from vector_desktop.ai.models import ModelInfo
from vector_desktop.ai.types import ChatMessage
from vector_desktop.domain.chat import Message, MessageStatus, Role


def _tr(text: str, context: str = "ChatModels") -> str:
    return QCoreApplication.translate(context, text)


def format_tokens(count: int) -> str:
    return QLocale().toString(int(count))


def format_cost(cost: float | None) -> str:
    """USD with as many decimals as a small amount needs: $1.25, $0.0123, $0.000123."""
    if cost is None:
        return ""
    if cost == 0:
        return "$0"
    if cost >= 1:
        return f"${cost:,.2f}"
    if cost >= 0.01:
        return f"${cost:.4f}".rstrip("0").rstrip(".")
    return f"${cost:.6f}".rstrip("0").rstrip(".")


def format_context(tokens: int | None) -> str:
    if not tokens:
        return ""
    if tokens >= 1_000_000:
        return f"{tokens / 1_000_000:g}M"
    if tokens >= 1000:
        return f"{round(tokens / 1000):g}k"
    return str(tokens)


def _price(value: float) -> str:
    return f"${value:g}"


def model_price_text(info: ModelInfo) -> str:
    prompt, completion = info.prompt_price_per_m, info.completion_price_per_m
    if prompt is None or completion is None:
        return ""
    if prompt == 0 and completion == 0:
        return _tr("free")
    return _tr("%1 / %2 per M").replace("%1", _price(prompt)).replace("%2", _price(completion))


def model_label(info: ModelInfo) -> str:
    """What the model picker shows: name · context · price."""
    parts = [info.name or info.id]
    context = format_context(info.context_length)
    if context:
        parts.append(_tr("%1 context").replace("%1", context))
    price = model_price_text(info)
    if price:
        parts.append(price)
    return " · ".join(parts)


LOCAL_PREFIX = "local:"


def rough_tokens(chars: int, messages: int) -> int:
    """LLMClient's estimate (ai.client.estimate_tokens: characters / 4 plus 4 per message) for `messages` texts of
    `chars` characters in all, when only their sizes are known (conversation totals come from SQL)."""
    return max(chars, 0) // 4 + 4 * max(messages, 0)


def is_local_model(model_id: str) -> bool:
    return model_id.startswith(LOCAL_PREFIX)


def is_free(info: ModelInfo | None) -> bool:
    return info is not None and info.prompt_price_per_m == 0 and info.completion_price_per_m == 0


def price_note(model_id: str, info: ModelInfo | None) -> str:
    """Where an answer without a reported cost was made and what it cost: "on device, free", "free" or ""."""
    if is_local_model(model_id):
        return _tr("on device, free")
    return _tr("free") if is_free(info) else ""


def usage_text(message: Message, info: ModelInfo | None = None) -> str:
    """Tokens and cost of one answer: "12 in · 5 out · $0.000123". A provider that reports no usage (the on-device
    model) gets an estimate from the text, marked as such: "~120 tokens out (estimate), on device, free"."""
    parts: list[str] = []
    if message.prompt_tokens or message.completion_tokens:
        parts.append(_tr("%1 in").replace("%1", format_tokens(message.prompt_tokens)))
        parts.append(_tr("%1 out").replace("%1", format_tokens(message.completion_tokens)))
    elif message.content and message.status is not MessageStatus.STREAMING:
        estimate = estimate_tokens([ChatMessage("assistant", message.content)])
        text = _tr("~%1 tokens out (estimate)").replace("%1", format_tokens(estimate))
        note = price_note(message.model, info) if message.cost is None else ""
        parts.append(f"{text}, {note}" if note else text)
    cost = format_cost(message.cost)
    if cost:
        parts.append(cost)
    return " · ".join(parts)


def status_text(message: Message) -> str:
    labels = {
        MessageStatus.STREAMING: _tr("Streaming…"),
        MessageStatus.QUEUED: _tr("Queued"),
        MessageStatus.INTERRUPTED: _tr("Interrupted"),
        MessageStatus.FAILED: _tr("Failed"),
        MessageStatus.CANCELLED: _tr("Stopped"),
    }
    return labels.get(message.status, "")


def model_name(model_id: str, info: ModelInfo | None) -> str:
    """The model's human name from the catalog ("SmolLM2 135M (on this computer)"); the id when unknown."""
    return info.name if info is not None and info.name else model_id


def header_text(message: Message, info: ModelInfo | None = None) -> str:
    if message.role is Role.USER:
        return _tr("You")
    if message.role is Role.TOOL:
        return _tr("Tool result · %1").replace("%1", message.tool_name) if message.tool_name else _tr("Tool result")
    if message.role is Role.SYSTEM:
        return _tr("System")
    if not message.model:
        return _tr("Assistant")
    return _tr("Assistant · %1").replace("%1", model_name(message.model, info))


def time_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)
