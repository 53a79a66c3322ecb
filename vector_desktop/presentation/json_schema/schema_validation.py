"""Values against a field tree: the starting value, pruning, picking a variant, and validation messages per field.

`SchemaChecker` validates with jsonschema's Draft202012Validator (draft-07/04 spellings such as `items: [...]` or
a boolean `exclusiveMinimum` are rewritten first) and maps each error onto the path of the field it is about: a
missing required property onto that property's path, an `anyOf`/`oneOf` failure onto the errors of the branch the
value was meant for (not the null branch, not a branch whose discriminator `const` differs). Messages are one
short sentence each. A schema jsonschema cannot use gives no messages: the server has the last word.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from functools import cache
from typing import Any

from vector_desktop.presentation.json_schema.schema_fields import (
    MISSING,
    Field,
    Kind,
    child_path,
    field_path,
)


# -- values
def field_default(field: Field) -> Any:
    """The value a field starts with, or MISSING (an optional object whose parts have no default is left out)."""
    if field.has_default:
        return copy.deepcopy(field.default)
    if field.kind is Kind.CONST:
        return copy.deepcopy(field.const) if field.required else MISSING
    if field.kind is Kind.VARIANT and field.required and field.variants:
        return field_default(field.variants[0].field)
    if field.kind is Kind.OBJECT:
        out = {p.name: v for p in field.properties if (v := field_default(p)) is not MISSING}
        if not field.required:
            complete = all(p.name in out for p in field.properties if p.required)
            only_consts = all(p.kind is Kind.CONST for p in field.properties if p.name in out)
            if not complete or only_consts:
                return MISSING
        return out
    return MISSING


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


def fit_score(field: Field, value: Any) -> int:
    """How well a value fits a field's shape: -1 not at all, higher is better (used to pick a variant)."""
    kind = field.kind
    if value is None:
        return 1 if kind is Kind.NULL or field.nullable else -1
    if kind is Kind.CONST:
        return 3 if _same(field.const, value) else -1
    if kind is Kind.ENUM:
        return 2 if any(_same(o.value, value) for o in field.options) else -1
    if kind is Kind.VARIANT:
        return max((fit_score(v.field, value) for v in field.variants), default=-1)
    if kind is Kind.OBJECT:
        if not isinstance(value, dict):
            return -1
        score = 1
        for prop in field.properties:
            if prop.name in value:
                if prop.kind is Kind.CONST and not _same(prop.const, value[prop.name]):
                    return -1
                score += 2 if prop.kind is Kind.CONST else 1
            elif prop.required:
                score -= 1
        return max(score, 0)
    simple: dict[Kind, Any] = {
        Kind.STRING: str, Kind.BOOLEAN: bool, Kind.ARRAY: list, Kind.MULTI_ENUM: list, Kind.JSON: object,
    }  # fmt: skip
    if kind in simple:
        return (0 if kind is Kind.JSON else 1) if isinstance(value, simple[kind]) else -1
    if kind is Kind.INTEGER:
        return 2 if isinstance(value, int) and not isinstance(value, bool) else -1
    if kind is Kind.NUMBER:
        return 1 if isinstance(value, int | float) and not isinstance(value, bool) else -1
    return -1


def match_variant(field: Field, value: Any) -> int:
    """The index of the variant a value belongs to (the first best fit; 0 when none fits)."""
    scores = [fit_score(v.field, value) for v in field.variants]
    return max(range(len(scores)), key=lambda i: (scores[i], -i)) if scores else 0


def _blank(field: Field, value: Any) -> bool:
    if value is None:
        return not field.nullable or field.default is None
    return value in ("", [], {}) and not isinstance(value, bool)


def prune_field(field: Field, value: Any) -> Any:
    if field.kind is Kind.VARIANT and field.variants:
        return prune_field(field.variants[match_variant(field, value)].field, value)
    if field.kind is Kind.OBJECT and isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            prop = field.property(key)
            if prop is None:
                out[key] = prune_field(field.additional, item) if field.additional is not None else item
                continue
            item = prune_field(prop, item)
            if prop.required or not _blank(prop, item):
                out[key] = item
        return out
    if field.kind is Kind.ARRAY and isinstance(value, list) and field.items is not None:
        return [prune_field(field.items, item) for item in value]
    return value


# -- validation
_FORMAT_HINTS = {
    "email": "Enter an email address such as name@example.com.",
    "date": "Enter a date as YYYY-MM-DD.",
    "date-time": "Enter a date and time as YYYY-MM-DDTHH:MM:SSZ.",
    "time": "Enter a time as HH:MM:SS.",
    "uri": "Enter a full address such as https://example.com.",
    "uuid": "Enter a UUID such as 123e4567-e89b-12d3-a456-426614174000.",
    "ipv4": "Enter an IPv4 address such as 192.0.2.1.",
    "ipv6": "Enter an IPv6 address.",
}
_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "yes or no",
    "object": "an object",
    "array": "a list",
    "null": "empty",
}
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?")
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")


def _date_time(text: object) -> bool:
    if not isinstance(text, str):
        return True
    if not _DATE_TIME.fullmatch(text):
        return False
    try:
        datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _matches(pattern: re.Pattern[str]) -> Any:
    return lambda text: not isinstance(text, str) or bool(pattern.fullmatch(text))


@cache
def _format_checker() -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    checker = FormatChecker(())
    checker.checkers = dict(Draft202012Validator.FORMAT_CHECKER.checkers)
    checker.checks("date-time")(_date_time)
    for name, pattern in (("time", _TIME), ("uri", _URI), ("email", _EMAIL)):
        checker.checks(name)(_matches(pattern))
    return checker


_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")
_SCHEMA_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames")


def normalize(schema: Any) -> Any:
    """A copy in draft 2020-12 spelling: tuple `items` -> `prefixItems`, boolean exclusive limits -> numbers."""
    if not isinstance(schema, Mapping):
        return schema
    out: dict[str, Any] = {k: v for k, v in schema.items() if k != "$schema"}
    if isinstance(out.get("items"), list):
        out["prefixItems"] = out.pop("items")
        if "additionalItems" in out:
            out["items"] = out.pop("additionalItems")
    for flag, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(out.get(flag), bool) and out.pop(flag) and limit in out:
            out[flag] = out.pop(limit)
    for key in _SCHEMA_MAPS:
        if isinstance(out.get(key), Mapping):
            out[key] = {name: normalize(sub) for name, sub in out[key].items()}
    for key in _SCHEMA_LISTS:
        if isinstance(out.get(key), list):
            out[key] = [normalize(sub) for sub in out[key]]
    for key in _SCHEMA_ONE:
        if key in out:
            out[key] = normalize(out[key])
    return out


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _show(value: Any) -> str:
    import json

    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _plural(count: Any, word: str) -> str:
    return f"{_num(count)} {word}" + ("" if count == 1 else "s")


def message_for(error: Any) -> str:
    """One short sentence for one jsonschema error."""
    kind, limit, value = error.validator, error.validator_value, error.instance
    if kind == "type":
        wanted = [limit] if isinstance(limit, str) else list(limit)
        words = [_TYPE_WORDS.get(t, t) for t in wanted if t != "null"] or ["empty"]
        return (
            "Must be " + " or ".join(words) + ("" if "null" not in wanted or words == ["empty"] else " or empty") + "."
        )
    simple = {
        "minLength": lambda: f"Use at least {_plural(limit, 'character')}.",
        "maxLength": lambda: f"Use at most {_plural(limit, 'character')}.",
        "pattern": lambda: f"Must match the pattern {limit}.",
        "format": lambda: _FORMAT_HINTS.get(str(limit), f"Must be a valid {limit}."),
        "minimum": lambda: f"Must be at least {_num(limit)}.",
        "maximum": lambda: f"Must be at most {_num(limit)}.",
        "exclusiveMinimum": lambda: f"Must be more than {_num(limit)}.",
        "exclusiveMaximum": lambda: f"Must be less than {_num(limit)}.",
        "multipleOf": lambda: f"Must be a multiple of {_num(limit)}.",
        "enum": lambda: "Choose one of: " + ", ".join(_show(v) for v in list(limit)[:10]) + ".",
        "const": lambda: f"Must be {_show(limit)}.",
        "minItems": lambda: f"Add at least {_plural(limit, 'item')}.",
        "maxItems": lambda: f"Use at most {_plural(limit, 'item')}.",
        "uniqueItems": lambda: "Each item must be different.",
        "minProperties": lambda: f"Add at least {_plural(limit, 'entry')}.".replace("entrys", "entries"),
        "maxProperties": lambda: f"Use at most {_plural(limit, 'entry')}.".replace("entrys", "entries"),
        "contains": lambda: "The list needs at least one matching item.",
        "oneOf": lambda: (
            "Does not match any of the allowed shapes."
            if error.context
            else "Matches more than one of the allowed shapes; make it fit exactly one."
        ),
        "anyOf": lambda: "Does not match any of the allowed shapes.",
        "not": lambda: "This value is not allowed.",
        None: lambda: "This value is not allowed.",
        False: lambda: "This value is not allowed.",
    }
    if kind in ("additionalProperties", "unevaluatedProperties") and isinstance(value, dict):
        known = error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
        extra = [k for k in value if k not in known]
        return f"Unknown field{'s' if len(extra) > 1 else ''}: {', '.join(extra)}." if extra else error.message
    if kind in simple:
        return simple[kind]()
    text = str(error.message)
    return text if len(text) <= 160 else text[:157] + "…"


def _excluded(branch_errors: list[Any]) -> bool:
    """A branch the value was not meant for: wrong type at its top, or a discriminator `const` that differs."""
    for error in branch_errors:
        depth = len(error.relative_path)
        if depth == 0 and error.validator in ("type", "const", "enum", None, False):
            return True
        if depth == 1 and error.validator == "const":
            return True
    return False


def _missing(error: Any) -> str:
    """The property a "required" error is about."""
    names = [
        n for n in error.validator_value if isinstance(n, str) and f"{n!r} is a required property" == error.message
    ]
    return names[0] if names else ""


def _describe(error: Any) -> Iterator[tuple[str, str]]:
    base = field_path(error.absolute_path)
    if error.validator == "required":
        name = _missing(error)
        yield (child_path(base, name) if name else base), "This field is required."
        return
    if error.validator in ("anyOf", "oneOf") and error.context:
        by_branch: dict[int, list[Any]] = {}
        for sub in error.context:
            by_branch.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
        candidates = [errors for errors in by_branch.values() if not _excluded(errors)]
        if len(candidates) > 1 and all(e.validator == "required" and not e.path for c in candidates for e in c):
            choices = [" and ".join(_missing(e) for e in branch) for branch in candidates]
            yield base, f"Fill in {' or '.join(choices)}."
            return
        if candidates:
            for sub in min(candidates, key=len):
                yield from _describe(sub)
            return
    yield base, message_for(error)


class SchemaChecker:
    """Validates values against one schema; build it once per schema (the validator is compiled once)."""

    def __init__(self, schema: Any) -> None:
        self._validator: Any = None
        try:
            from jsonschema import Draft202012Validator

            normalized = normalize(schema if isinstance(schema, Mapping | bool) else {})
            Draft202012Validator.check_schema(normalized)
            self._validator = Draft202012Validator(normalized, format_checker=_format_checker())
        except Exception:  # a server's broken schema must not stop a call
            self._validator = None

    @property
    def usable(self) -> bool:
        return self._validator is not None

    def messages(self, value: Any) -> dict[str, str]:
        """Field path -> one short sentence; the first problem of each field only."""
        if value is MISSING:
            return {"": "A value is required."}
        if self._validator is None:
            return {}
        out: dict[str, str] = {}
        try:
            errors = list(self._validator.iter_errors(value))
        except Exception:  # an unresolvable $ref or a pattern Python cannot compile
            return {}
        for error in errors:
            for path, message in _describe(error):
                out.setdefault(path, message)
        return out
