"""Argument matchers: tests on one place of a tool call's arguments, and their one-line text form.

Paths name a place in the arguments the way the schema form does (presentation/json_schema/schema_paths.py):
`input.project`, `input.labels[0]`, and keys that are not plain words quoted: `input["due date"]`. The text form
is `PATH OP VALUE` with VALUE as JSON (strings quoted):

    input.project == "X"        input.project != "X"       input.project in ["A", "B"]
    input.title startswith "["  input.labels contains "bug"  input.path glob "/tmp/*"
    input.assignee exists       input.assignee absent

A path that is not in the arguments matches only `absent`. Equality is JSON's: `true` is not `1`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from fnmatch import fnmatchcase
from typing import Any

from vector_desktop.domain.connectors import ConnectorValidationError
from vector_desktop.domain.tool_policy import ArgumentMatcher, MatchOp

PathPart = str | int

# Reading is as lenient as the schema form's paths (any key without `.[]"`); writing quotes anything but words.
_READ_TOKEN = re.compile(r'\.?([^.\[\]"]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')
_TEXT_TOKEN = re.compile(r'\.?([\w$@-]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')
_WORD = re.compile(r"[\w$@-]+")

OPERATORS: dict[MatchOp, str] = {
    MatchOp.EQUALS: "==",
    MatchOp.NOT_EQUALS: "!=",
    MatchOp.ONE_OF: "in",
    MatchOp.STARTS_WITH: "startswith",
    MatchOp.CONTAINS: "contains",
    MatchOp.GLOB: "glob",
    MatchOp.EXISTS: "exists",
    MatchOp.ABSENT: "absent",
}
_BY_WORD = {word: op for op, word in OPERATORS.items()}
_NO_VALUE = (MatchOp.EXISTS, MatchOp.ABSENT)
_MISSING = object()


class MatcherSyntaxError(ConnectorValidationError):
    """A matcher's text cannot be read; the message says what is wrong in one sentence."""

    def __init__(self, message: str) -> None:
        super().__init__("matchers", message)


# ------------------------------------------------------------------------------------------------------- paths


def _split(path: str, token: re.Pattern[str], *, stop_at_space: bool = False) -> tuple[tuple[PathPart, ...], int]:
    parts: list[PathPart] = []
    position = 0
    while position < len(path) and not (stop_at_space and path[position].isspace()):
        match = token.match(path, position)
        if match is None or match.end() == position or (parts == [] and path[position] == "."):
            break
        key, index, quoted = match.groups()
        parts.append(key if key is not None else int(index) if index is not None else json.loads(quoted))
        position = match.end()
    return tuple(parts), position


def split_path(path: str) -> tuple[PathPart, ...]:
    """`input.labels[0]` → ("input", "labels", 0). Raises MatcherSyntaxError for a malformed path."""
    parts, end = _split(path, _READ_TOKEN)
    if end != len(path) or not parts:
        raise MatcherSyntaxError(f"“{path}” is not an argument path like input.project or input.labels[0].")
    return parts


def format_path(parts: Iterable[PathPart]) -> str:
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _WORD.fullmatch(part):
            text += f".{part}" if text else part
        else:
            text += f"[{json.dumps(part, ensure_ascii=False)}]"
    return text


def resolve(arguments: Any, parts: Iterable[PathPart]) -> Any:
    """The value at the path, or `_MISSING`."""
    node = arguments
    for part in parts:
        in_list = isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node)
        if in_list or (isinstance(part, str) and isinstance(node, Mapping) and part in node):
            node = node[part]
        else:
            return _MISSING
    return node


# ---------------------------------------------------------------------------------------------------- matching


def json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON sees it: booleans are not numbers, 1 == 1.0, tuples are lists."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if type(a) is not type(b) and not (isinstance(a, str) and isinstance(b, str)):
        return False
    return bool(a == b)


def text_form(value: Any) -> str:
    """What GLOB looks at: a string as it is, anything else as compact JSON."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


def matches(matcher: ArgumentMatcher, arguments: Mapping[str, Any]) -> bool:
    try:
        found = resolve(arguments, split_path(matcher.path))
    except MatcherSyntaxError:
        return False
    op, value = matcher.op, matcher.value
    if op is MatchOp.ABSENT:
        return found is _MISSING
    if found is _MISSING:
        return False
    if op is MatchOp.EXISTS:
        return True
    if op is MatchOp.EQUALS:
        return json_equal(found, value)
    if op is MatchOp.NOT_EQUALS:
        return not json_equal(found, value)
    if op is MatchOp.ONE_OF:
        return isinstance(value, list | tuple) and any(json_equal(found, item) for item in value)
    if op is MatchOp.STARTS_WITH:
        return isinstance(found, str) and isinstance(value, str) and found.startswith(value)
    if op is MatchOp.CONTAINS:
        if isinstance(found, str):
            return isinstance(value, str) and value in found
        return isinstance(found, list) and any(json_equal(item, value) for item in found)
    if op is MatchOp.GLOB:
        return fnmatchcase(text_form(found), text_form(value))
    return False


def all_match(matchers: Iterable[ArgumentMatcher], arguments: Mapping[str, Any]) -> bool:
    return all(matches(matcher, arguments) for matcher in matchers)


# -------------------------------------------------------------------------------------------------- text form


def format_matcher(matcher: ArgumentMatcher) -> str:
    """`input.project == "X"`; parse_matcher reads it back to an equal matcher."""
    path = format_path(split_path(matcher.path))
    word = OPERATORS[matcher.op]
    if matcher.op in _NO_VALUE:
        return f"{path} {word}"
    return f"{path} {word} {json.dumps(matcher.value, ensure_ascii=False)}"


def parse_matcher(text: str) -> ArgumentMatcher:
    source = text.strip()
    parts, end = _split(source, _TEXT_TOKEN, stop_at_space=True)
    if not parts:
        raise MatcherSyntaxError(f"“{text.strip()}” does not start with an argument path like input.project.")
    rest = source[end:]
    if rest and not rest[0].isspace():
        raise MatcherSyntaxError(f"“{source}”: put a space between the argument path and the comparison.")
    word, raw_value = [*re.split(r"\s+", rest.strip(), maxsplit=1), ""][:2]
    op = _BY_WORD.get(word)
    if op is None:
        known = ", ".join(OPERATORS.values())
        raise MatcherSyntaxError(f"“{source}”: “{word or '(nothing)'}” is not a comparison; use one of {known}.")
    raw_value = raw_value.strip()
    if op in _NO_VALUE:
        if raw_value:
            raise MatcherSyntaxError(f"“{source}”: “{word}” takes no value.")
        return ArgumentMatcher(format_path(parts), op)
    return ArgumentMatcher(format_path(parts), op, _value(source, op, raw_value))


def _value(source: str, op: MatchOp, raw: str) -> Any:
    if not raw:
        raise MatcherSyntaxError(f"“{source}”: a value is missing after “{OPERATORS[op]}”.")
    try:
        value = json.loads(raw)
    except ValueError:
        if op is MatchOp.ONE_OF or raw[0] in '[{"':
            raise MatcherSyntaxError(f"“{source}”: {raw} is not a JSON value (put strings in double quotes).") from None
        value = raw  # a bare word or pattern is taken as text: `input.path glob /tmp/*`
    if op is MatchOp.ONE_OF and not isinstance(value, list):
        raise MatcherSyntaxError(f'“{source}”: “in” needs a list, like ["A", "B"].')
    return value


def parse_matchers(lines: str) -> tuple[ArgumentMatcher, ...]:
    """One matcher a line (blank lines skipped), as the rule editor takes them."""
    return tuple(parse_matcher(line) for line in lines.splitlines() if line.strip())
