"""JSON mode answers: parse (tolerating a ```json fence) and check against a JSON schema.

Uses the `jsonschema` package when it is installed; otherwise a small checker covering type, required, properties,
additionalProperties=false, items and enum — enough for the schemas the app sends.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from vector_desktop.ai.errors import InvalidJSONError

_FENCE = re.compile(r"^\s*```(?:json|JSON)?\s*\n(.*?)\n?\s*```\s*$", re.DOTALL)
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def parse_json_answer(text: str, schema: Mapping[str, Any] | None = None) -> Any:
    candidate = text.strip()
    if not candidate:
        raise InvalidJSONError(raw_text=text, detail="the answer is empty")
    try:
        value = json.loads(candidate)
    except ValueError as first:
        fenced = _FENCE.match(candidate)
        try:
            if fenced is None:
                raise first
            value = json.loads(fenced.group(1))
        except ValueError as error:
            raise InvalidJSONError(raw_text=text, detail=f"invalid JSON: {error}") from error
    if schema:
        problem = schema_problem(value, schema)
        if problem:
            raise InvalidJSONError(raw_text=text, detail=f"it does not match the schema: {problem}")
    return value


def schema_problem(value: Any, schema: Mapping[str, Any]) -> str:
    """Empty when `value` matches `schema`, else a short description of the first problem."""
    try:
        import jsonschema
    except ImportError:
        return _check(value, schema, "$")
    validator_class = jsonschema.validators.validator_for(schema)
    try:
        validator_class.check_schema(schema)
    except jsonschema.SchemaError:
        return _check(value, schema, "$")
    error = jsonschema.exceptions.best_match(validator_class(schema).iter_errors(value))
    if error is None:
        return ""
    where = "$" + "".join(f"[{p!r}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    return f"{where}: {error.message}"


def _is_type(value: Any, name: str) -> bool:
    if name in ("integer", "number") and isinstance(value, bool):
        return False
    if name == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _TYPES.get(name, (object,)))


def _check(value: Any, schema: Mapping[str, Any], where: str) -> str:
    expected = schema.get("type")
    if isinstance(expected, str) and not _is_type(value, expected):
        return f"{where}: expected {expected}"
    if isinstance(expected, list) and not any(_is_type(value, t) for t in expected if isinstance(t, str)):
        return f"{where}: expected one of {', '.join(map(str, expected))}"
    if "enum" in schema and isinstance(schema["enum"], list) and value not in schema["enum"]:
        return f"{where}: {value!r} is not one of the allowed values"
    if isinstance(value, dict):
        for key in schema.get("required") or ():
            if key not in value:
                return f"{where}: '{key}' is a required property"
        raw = schema.get("properties")
        properties: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
        for key, sub in properties.items():
            if key in value and isinstance(sub, Mapping):
                problem = _check(value[key], sub, f"{where}.{key}")
                if problem:
                    return problem
        if schema.get("additionalProperties") is False:
            extra = sorted(set(value) - set(properties))
            if extra:
                return f"{where}: unexpected property '{extra[0]}'"
    if isinstance(value, list) and isinstance(schema.get("items"), Mapping):
        for index, item in enumerate(value):
            problem = _check(item, schema["items"], f"{where}[{index}]")
            if problem:
                return problem
    return ""
