"""A tool run turned into what the model is sent: structured content as JSON (else the text content), embedded
resources as text with their URI, capped by rows and bytes with a line saying what was cut; images as image parts
(data URLs, a few and not too large), each named by a line of the text, and anything else left out with a note."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from vector_desktop.domain.chat import ToolOutcome
from vector_desktop.domain.connectors_api import ToolRun
from vector_desktop.domain.tool_policy import Decision
from vector_desktop.domain.tools import ToolResult, ToolStatus

MAX_BYTES = 16_000
MAX_ROWS = 100
MAX_IMAGES = 4
MAX_IMAGE_BYTES = 4_000_000  # per image, decoded
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})  # what vision models accept


@dataclass(frozen=True)
class ResultCaps:
    """How much of one result goes back to the model (per tool type; connectors use the defaults)."""

    max_bytes: int = MAX_BYTES
    max_rows: int = MAX_ROWS
    max_images: int = MAX_IMAGES
    max_image_bytes: int = MAX_IMAGE_BYTES


def images_for_model(result: ToolResult, caps: ResultCaps = ResultCaps()) -> tuple[str, ...]:
    """The images of a successful run the model is sent as image parts (data URLs), in order, within the caps."""
    if result.status is not ToolStatus.SUCCEEDED:
        return ()
    sent = [b for b in result.content if _sendable(b, caps)][: caps.max_images]
    return tuple(f"data:{b['mimeType']};base64,{b['data']}" for b in sent)


def _sendable(block: dict[str, Any], caps: ResultCaps) -> bool:
    data = block.get("data")
    return (
        block.get("type") == "image"
        and block.get("mimeType") in IMAGE_TYPES
        and isinstance(data, str)
        and bool(data)
        and len(data) * 3 // 4 <= caps.max_image_bytes
    )


def text_for_model(name: str, result: ToolResult, caps: ResultCaps = ResultCaps()) -> str:
    """The text the model gets for a finished run of the tool `name`."""
    if result.status is ToolStatus.NEEDS_AUTH:
        auth = result.auth
        where = f" Connect it here: {auth.magic_link_url}" if auth is not None and auth.magic_link_url else ""
        return f"The tool {name} could not run: {result.error or 'the connector must be connected first.'}{where}"
    if result.status is not ToolStatus.SUCCEEDED:
        detail = result.error or "it reported an error"
        body = _body(result, caps)
        return f"The tool {name} failed: {detail}" + (f"\n{body}" if body and body not in detail else "")
    return _body(result, caps) or "(the tool returned nothing)"


def _body(result: ToolResult, caps: ResultCaps) -> str:
    sent = {id(b) for b in [b for b in result.content if _sendable(b, caps)][: caps.max_images]}
    notes = [note for block in result.content if (note := _note_for(block, id(block) in sent))]
    if result.structured is not None:
        text = _capped_json(result.structured, caps)
    else:
        parts = [_block_text(block) for block in result.content] if result.content else [result.text]
        text = _cap_bytes("\n".join(p for p in parts if p), caps.max_bytes)
    return "\n".join(part for part in (text, *notes) if part)


def _block_text(block: dict[str, Any]) -> str:
    kind = block.get("type")
    if kind == "text":
        return str(block.get("text") or "")
    if kind == "resource":
        resource = block.get("resource") or {}
        uri = resource.get("uri", "")
        if isinstance(resource.get("text"), str):
            return f"Resource {uri}:\n{resource['text']}"
        return ""
    if kind == "resource_link":
        label = block.get("name") or block.get("title") or ""
        return f"Link to the resource {block.get('uri', '')}" + (f" ({label})" if label else "")
    return ""


def _note_for(block: dict[str, Any], sent_as_image: bool = False) -> str:
    """A line for content the model is not sent as text (images, audio, binary resources)."""
    kind = block.get("type")
    if kind in ("image", "audio"):
        size = len(str(block.get("data") or "")) * 3 // 4
        what = f"An {kind} ({block.get('mimeType', 'unknown type')}, {size:,} bytes)"
        return f"[{what} is attached after these results.]" if sent_as_image else f"[{what} was left out.]"
    if kind == "resource":
        resource = block.get("resource") or {}
        if "blob" in resource:
            size = len(str(resource.get("blob") or "")) * 3 // 4
            mime = resource.get("mimeType", "binary data")
            return f"[The resource {resource.get('uri', '')} ({mime}, {size:,} bytes) was left out of this text.]"
    return ""


def _capped_json(value: Any, caps: ResultCaps) -> str:
    rows, rebuild = _rows_of(value)
    if rows is None:
        return _cap_bytes(_dumps(value), caps.max_bytes)
    total = len(rows)

    def fits(count: int) -> bool:
        return len(_dumps(rebuild(rows[:count])).encode("utf-8")) <= caps.max_bytes

    if not fits(0):
        return _cap_bytes(_dumps(value), caps.max_bytes)
    low, high = 0, min(total, caps.max_rows)
    while low < high:  # the most whole rows that fit: the text stays valid JSON
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    keep = low
    text = _dumps(rebuild(rows[:keep]))
    if keep < total:
        left = total - keep
        text += f"\nThe result was cut: {left} more row{'s' if left != 1 else ''} left out."
    return text


def _rows_of(value: Any) -> tuple[list[Any] | None, Any]:
    """The list of records in a result (the value itself, or the one list inside a one-key object) and a function
    putting a shorter list back in its place."""
    if isinstance(value, list):
        return value, lambda rows: rows
    if isinstance(value, dict):
        lists = [key for key, item in value.items() if isinstance(item, list)]
        if len(lists) == 1:
            key = lists[0]
            return value[key], lambda rows: {**value, key: rows}
    return None, None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _cap_bytes(text: str, cap: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= cap:
        return text
    kept = data[:cap].decode("utf-8", "ignore")
    left = len(data) - len(kept.encode("utf-8"))
    return f"{kept}\nThe result was cut: {left:,} more bytes left out."


def outcome_of_run(name: str, caps: ResultCaps, decision: Decision, connector_name: str, run: ToolRun) -> ToolOutcome:
    """A run that reached its server (whatever the result), as the chat takes it."""
    action = run.action
    return ToolOutcome(
        text_for_model(name, run.result, caps),
        status=run.result.status,
        action_id=action.id,
        decision=decision,
        duration_ms=action.duration_ms if action.duration_ms is not None else run.result.duration_ms,
        error=action.error,
        connector_name=connector_name,
        images=images_for_model(run.result, caps),
    )
