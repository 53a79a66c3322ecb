"""What a transcript row shows as markdown, and the texts of tool-call rows.

A tool call is one compact row: the tool (its real name and connector when known), short arguments, a status chip
with the duration; expanded (a click), it shows the arguments and the result as pretty JSON. The arguments come
from the assistant message that asked for the call (`parent_id`, matched by `tool_call_id`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from vector_desktop.domain.chat import TOOL_NOT_RUN, Message, MessageStatus, Role, ToolCallRecord
from vector_desktop.domain.tools import ToolStatus
from vector_desktop.presentation.tools.history_model import duration_ms_text

TOOL_RESULT_LIMIT = 4000
SHORT_ARGUMENTS = 60


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatToolRows", text)


def fence(text: str, info: str = "") -> str:
    longest = run = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{info}\n{text}\n{marks}"


def display_markdown(message: Message, details: str = "", names: Mapping[str, tuple[str, str]] | None = None) -> str:
    """The markdown a row shows: the content, images, the tools it called (by name: each call has its own row);
    a tool row shows `details` (its expanded arguments and result, "" when folded)."""
    if message.role is Role.TOOL:
        return details
    parts = [message.content] if message.content else []
    for number, url in enumerate(message.images, 1):
        safe = url.startswith(("https://", "http://")) and not any(c in url for c in "()<> ")
        parts.append(f"[image {number}]({url})" if safe else f"_(image {number} attached)_")
    if message.tool_calls:
        known = names or {}
        called = ", ".join(f"`{known.get(call.name, (call.name, ''))[0]}`" for call in message.tool_calls)
        parts.append(_tr("_Calls %1_").replace("%1", called))
    return "\n\n".join(parts)


def _parsed(text: str) -> Any:
    try:
        return json.loads(text) if text.strip() else {}
    except ValueError:
        return None


def pretty_json(text: str) -> tuple[str, bool]:
    """(text, is_json): indented JSON when `text` parses, else the text as it is."""
    value = _parsed(text) if text.strip()[:1] in ("{", "[") else None
    if not isinstance(value, dict | list):
        return text, False
    return json.dumps(value, indent=2, ensure_ascii=False), True


def short_arguments(arguments: str, limit: int = SHORT_ARGUMENTS) -> str:
    """`a=1, b="x"` from the JSON arguments, cut at `limit` characters."""
    value = _parsed(arguments)
    if isinstance(value, dict):
        text = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in value.items())
    else:
        text = " ".join(arguments.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def call_of(message: Message, parent: Message | None) -> ToolCallRecord | None:
    if parent is None:
        return None
    return next((c for c in parent.tool_calls if c.id == message.tool_call_id), None)


def tool_header(message: Message, call: ToolCallRecord | None, names: Mapping[str, tuple[str, str]]) -> str:
    """ "jira_search · Jira — jql="x", max_results=10"."""
    real, connector = names.get(message.tool_name, (message.tool_name, ""))
    head = f"{real} · {connector}" if connector else (real or _tr("Tool"))
    short = short_arguments(call.arguments) if call is not None else ""
    return f"{head} — {short}" if short else head


def duration_ms(message: Message) -> int | None:
    """The call's own run time when it ran (older rows: from the row's times, which include the approval)."""
    if message.status is MessageStatus.STREAMING:
        return None
    if message.duration_ms is not None:
        return message.duration_ms
    if message.created_at is None or message.updated_at is None:
        return None
    return max(0, round((message.updated_at - message.created_at).total_seconds() * 1000))


_OTHER_ENDINGS = {
    ToolStatus.FAILED.value: lambda: _tr("Failed"),
    ToolStatus.NEEDS_AUTH.value: lambda: _tr("Needs sign-in"),
    ToolStatus.TIMED_OUT.value: lambda: _tr("Timed out"),
    ToolStatus.CANCELLED.value: lambda: _tr("Stopped"),
}


def tool_status_text(message: Message) -> str:
    labels = {
        MessageStatus.STREAMING: _tr("Running…"),
        MessageStatus.COMPLETE: _tr("Done"),
        MessageStatus.FAILED: _tr("Failed"),
        MessageStatus.INTERRUPTED: _tr("Interrupted"),
        MessageStatus.CANCELLED: _tr("Stopped"),
        MessageStatus.QUEUED: _tr("Waiting"),
    }
    text = labels.get(message.status, "")
    if message.finish_reason == TOOL_NOT_RUN:
        return _tr("Not run")
    ended = message.status in (MessageStatus.COMPLETE, MessageStatus.FAILED)
    if ended and message.finish_reason in _OTHER_ENDINGS:
        text = _OTHER_ENDINGS[message.finish_reason]()
    duration = duration_ms_text(duration_ms(message))
    return f"{text} · {duration}" if duration and message.status is not MessageStatus.INTERRUPTED else text


def tool_details(message: Message, call: ToolCallRecord | None) -> str:
    """The expanded row: arguments and result (pretty JSON), the error when it failed."""
    parts = []
    if call is not None:
        arguments, _is_json = pretty_json(call.arguments or "{}")
        parts += [_tr("**Arguments**"), fence(arguments, "json")]
    if message.status is MessageStatus.STREAMING:
        parts.append(_tr("_Running…_"))
    elif message.status is MessageStatus.INTERRUPTED and not message.content:
        parts.append(_tr("_The app stopped during this call; it was not run again. Retry runs it once more._"))
    else:
        content = message.content
        if len(content) > TOOL_RESULT_LIMIT:
            content = content[:TOOL_RESULT_LIMIT] + "\n…"
        result, is_json = pretty_json(content)
        parts += [_tr("**Result**"), fence(result, "json" if is_json else "")]
    return "\n\n".join(parts)
