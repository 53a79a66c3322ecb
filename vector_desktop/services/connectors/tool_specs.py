"""Tool definitions from MCP servers (wire form) turned into domain ToolSpecs and OpenAI `tools` entries.

Qualified names must be safe for model APIs (`^[a-zA-Z0-9_-]{1,64}$`) and unique across every connector the
model is offered; they are made deterministic so a tool keeps its name from one fetch to the next.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Collection
from dataclasses import replace
from typing import Any

from vector_desktop.domain.tools import ToolAnnotations, ToolSpec

MAX_NAME_LENGTH = 64
NAME_PATTERN = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
_UNSAFE = re.compile(r"[^a-zA-Z0-9_-]+")
_HASH_LENGTH = 6


def _sanitize(text: str) -> str:
    return _UNSAFE.sub("_", text)


def _suffixed(base: str, seed: str) -> str:
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    return f"{base[: MAX_NAME_LENGTH - _HASH_LENGTH - 1]}_{digest}"


def qualified_name(prefix: str, tool_name: str, taken: Collection[str]) -> str:
    """`<prefix>__<tool>` made safe, shortened with a short stable hash when too long, and made unique against
    `taken` the same way. An empty prefix keeps the tool's own name (Merge tools are already `linear__x`)."""
    raw = f"{prefix}__{tool_name}" if prefix else tool_name
    name = _sanitize(raw) or "tool"
    if len(name) <= MAX_NAME_LENGTH and name not in taken:
        return name
    # Too long or taken: a hash of the raw name keeps it stable and tells apart names that shorten alike.
    attempt = 0
    candidate = _suffixed(name, raw)
    while candidate in taken:
        attempt += 1
        candidate = _suffixed(name, f"{raw}#{attempt}")
    return candidate


def _hint(annotations: dict[str, Any], key: str) -> bool | None:
    value = annotations.get(key)
    return value if isinstance(value, bool) else None


def tool_annotations(tool: dict[str, Any]) -> ToolAnnotations:
    """The MCP annotations of a wire-form tool (camelCase hints) as the domain's ToolAnnotations."""
    raw = tool.get("annotations")
    annotations = raw if isinstance(raw, dict) else {}
    title = annotations.get("title")
    return ToolAnnotations(
        title=title if isinstance(title, str) else "",
        read_only=_hint(annotations, "readOnlyHint"),
        destructive=_hint(annotations, "destructiveHint"),
        idempotent=_hint(annotations, "idempotentHint"),
        open_world=_hint(annotations, "openWorldHint"),
    )


def _input_schema(tool: dict[str, Any]) -> dict[str, Any]:
    schema = tool.get("inputSchema")
    if not isinstance(schema, dict) or not schema:
        return {"type": "object", "properties": {}}
    return schema


def tool_spec(
    connector_key: str, prefix: str, tool: dict[str, Any], taken: Collection[str], enabled: bool = True
) -> ToolSpec:
    """A wire-form tool (`tools/list` entry) of one connector as a ToolSpec with its qualified name and cost."""
    name = str(tool.get("name") or "")
    output_schema = tool.get("outputSchema")
    title = tool.get("title")
    spec = ToolSpec(
        connector_key=connector_key,
        name=name,
        qualified_name=qualified_name(prefix, name, taken),
        description=str(tool.get("description") or ""),
        title=title if isinstance(title, str) else "",
        input_schema=_input_schema(tool),
        output_schema=output_schema if isinstance(output_schema, dict) else None,
        annotations=tool_annotations(tool),
        enabled=enabled,
    )
    return replace(spec, token_cost=token_cost(spec))


def openai_tool(spec: ToolSpec) -> dict[str, Any]:
    """The OpenAI `tools` entry that offers this tool to a model."""
    return {
        "type": "function",
        "function": {
            "name": spec.qualified_name,
            "description": spec.description or spec.display_title,
            "parameters": spec.input_schema,
        },
    }


def token_cost(spec: ToolSpec) -> int:
    """Estimated tokens the tool's definition adds to each request (characters of its JSON / 4, rounded up)."""
    return math.ceil(len(json.dumps(openai_tool(spec), ensure_ascii=False)) / 4)
