"""Paths into values and into schemas.

A field path names a place in a value, as the schema form and its messages use them: `input.labels[2]`; the root
is "", and keys that are not plain names (dots, brackets, quotes, or empty) are quoted: `a["b.c"]`. `expand`
follows a schema's local `$ref` JSON pointers (`#/$defs/Issue`, `#/definitions/a~1b`) and merges `allOf`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import unquote

PathPart = str | int
_PLAIN_KEY = re.compile(r"[^.\[\]\"]+")
_PATH_TOKEN = re.compile(r'\.?([^.\[\]"]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def child_path(parent: str, part: PathPart) -> str:
    if isinstance(part, int):
        return f"{parent}[{part}]"
    if not _PLAIN_KEY.fullmatch(part):
        return f"{parent}[{json.dumps(part)}]"
    return f"{parent}.{part}" if parent else part


def field_path(parts: Iterable[PathPart]) -> str:
    """("input", "labels", 2) -> "input.labels[2]"; keys with dots or brackets are quoted: `a["b.c"]`."""
    path = ""
    for part in parts:
        path = child_path(path, part)
    return path


def split_path(path: str) -> tuple[PathPart, ...]:
    parts: list[PathPart] = []
    position = 0
    while position < len(path):
        match = _PATH_TOKEN.match(path, position)
        if match is None or match.end() == position:
            raise ValueError(f"not a field path: {path!r}")
        key, index, quoted = match.groups()
        parts.append(key if key is not None else int(index) if index is not None else json.loads(quoted))
        position = match.end()
    return tuple(parts)


def parent_path(path: str) -> str:
    return field_path(split_path(path)[:-1])


def is_within(path: str, ancestor: str) -> bool:
    """True when `path` is `ancestor` or lies inside it."""
    return split_path(path)[: len(split_path(ancestor))] == split_path(ancestor)


def resolve_pointer(root: Any, ref: str) -> Any:
    """The target of a local `$ref`, or None when it points nowhere (or outside this schema)."""
    if ref != "#" and not ref.startswith("#/"):
        return None
    node = root
    for raw in ref[2:].split("/") if ref != "#" else []:
        key = unquote(raw).replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    return node


def _merge_all_of(schema: Mapping[str, Any], parts: list[Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in parts:
        if not isinstance(part, Mapping):
            continue
        for key, value in part.items():
            if key == "properties" and isinstance(value, Mapping):
                known = merged.get("properties", {})
                merged["properties"] = {**known, **{k: v for k, v in value.items() if k not in known}}
            elif key == "required" and isinstance(value, list):
                merged["required"] = list(dict.fromkeys([*merged.get("required", []), *value]))
            else:
                merged.setdefault(key, value)
    return merged


def expand(root: Any, schema: Any, seen: tuple[str, ...], depth: int) -> tuple[Any, tuple[str, ...], bool]:
    """The schema with its `$ref`s followed (siblings of a `$ref` win) and `allOf` merged.

    Returns (schema, refs followed so far, cycle): a `$ref` already followed `depth` times on this path stops the
    expansion (cycle True). A remote or broken `$ref` gives its siblings alone, or `True` (anything)."""
    if isinstance(schema, bool):
        return schema, seen, False
    if not isinstance(schema, Mapping):
        return True, seen, False
    while isinstance(schema.get("$ref"), str):
        ref = schema["$ref"]
        siblings = {k: v for k, v in schema.items() if k != "$ref"}
        if seen.count(ref) >= depth:
            return siblings, seen, True
        target = resolve_pointer(root, ref)
        if isinstance(target, bool) and not siblings:
            return target, seen, False
        if not isinstance(target, Mapping):
            return siblings or True, seen, False
        schema, seen = {**target, **siblings}, (*seen, ref)
    parts = schema.get("allOf")
    if not isinstance(parts, list) or not parts:
        return schema, seen, False
    expanded = []
    for part in parts:
        part, seen, cycle = expand(root, part, seen, depth)
        if cycle:
            return {k: v for k, v in schema.items() if k != "allOf"}, seen, True
        expanded.append(part)
    return _merge_all_of(schema, expanded), seen, False
