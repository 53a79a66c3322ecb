"""A JSON Schema as a tree of form fields: what "Run tool" and an MCP elicitation request show the user.

Covers the subset MCP tools send (draft 2020-12 and draft-07 spellings): scalar types, nullable types
(`["string", "null"]`, `anyOf` with null), variants (`anyOf`/`oneOf` of several shapes), enums (also `oneOf` of
titled `const`s), arrays, nested objects, `additionalProperties`, local `$ref` into `$defs`/`definitions` (a cycle
becomes a free-JSON field), `allOf` merged, and `true`/`{}` as free JSON. Qt-free; `validate` lives in
`schema_validation` (jsonschema is imported only when something is validated).

Paths name a place in a value: `input.labels[2]`; the root is "". `defaults` is the value a form starts with;
`prune` drops the optional fields a user left blank.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Any

from vector_desktop.presentation.json_schema.schema_paths import PathPart as PathPart
from vector_desktop.presentation.json_schema.schema_paths import child_path as child_path
from vector_desktop.presentation.json_schema.schema_paths import expand
from vector_desktop.presentation.json_schema.schema_paths import field_path as field_path
from vector_desktop.presentation.json_schema.schema_paths import is_within as is_within
from vector_desktop.presentation.json_schema.schema_paths import parent_path as parent_path
from vector_desktop.presentation.json_schema.schema_paths import split_path as split_path


class Missing(Enum):
    """No value: a blank optional field, left out of what is sent."""

    MISSING = "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING = Missing.MISSING


class Kind(StrEnum):
    STRING = "string"
    NUMBER = "number"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    OBJECT = "object"
    ARRAY = "array"
    NULL = "null"
    ENUM = "enum"  # one of fixed options
    MULTI_ENUM = "multi_enum"  # an array of enum values: several of fixed options
    CONST = "const"  # a fixed value the user cannot change
    VARIANT = "variant"  # one of several shapes, chosen by the user
    JSON = "json"  # anything: edited as JSON text


@dataclass(frozen=True)
class Option:
    value: Any
    label: str


@dataclass(frozen=True)
class Variant:
    title: str
    field: Field


@dataclass(frozen=True, eq=False)
class Field:
    kind: Kind
    name: str = ""  # the property name; "" for the root, array items and variants
    title: str = ""
    description: str = ""
    required: bool = False
    nullable: bool = False
    default: Any = MISSING
    examples: tuple[Any, ...] = ()
    format: str = ""
    masked: bool = False
    multiline: bool = False
    read_only: bool = False
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    exclusive_minimum: int | float | None = None
    exclusive_maximum: int | float | None = None
    multiple_of: int | float | None = None
    options: tuple[Option, ...] = ()
    const: Any = MISSING
    items: Field | None = None
    min_items: int | None = None
    max_items: int | None = None
    unique_items: bool = False
    properties: tuple[Field, ...] = ()
    additional: Field | None = None  # the value schema of free key/value rows; None: no rows
    variants: tuple[Variant, ...] = ()
    recursive: bool = False  # a `$ref` cycle stopped here

    @property
    def label(self) -> str:
        return self.title or humanize(self.name)

    @property
    def has_default(self) -> bool:
        return self.default is not MISSING

    def property(self, name: str) -> Field | None:
        return next((p for p in self.properties if p.name == name), None)


def humanize(name: str) -> str:
    """`due_date` / `dueDate` -> "Due date"."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ").replace("-", " ").split()
    text = " ".join(words).lower()
    return text[:1].upper() + text[1:]


# -- parsing
_REF_DEPTH = 2  # a recursive `$ref` is expanded this many times on one path, then edited as JSON
_LONG_TEXT_NAMES = frozenset({"body", "content", "description", "markdown", "comment", "notes", "text"})
_CONSTRAINT_ONLY = frozenset({"required", "not", "title", "description", "$comment"})
_KIND_TITLES = {
    Kind.STRING: "Text",
    Kind.NUMBER: "Number",
    Kind.INTEGER: "Whole number",
    Kind.BOOLEAN: "Yes or no",
    Kind.OBJECT: "Object",
    Kind.ARRAY: "List",
    Kind.NULL: "Empty",
    Kind.ENUM: "Choice",
    Kind.MULTI_ENUM: "Choices",
    Kind.JSON: "JSON",
}


def _number(value: Any) -> int | float | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


class _Parser:
    def __init__(self, root: Any) -> None:
        self.root = root

    def expand(self, schema: Any, seen: tuple[str, ...]) -> tuple[Any, tuple[str, ...], bool]:
        return expand(self.root, schema, seen, _REF_DEPTH)

    def field(self, raw: Any, *, name: str, required: bool, seen: tuple[str, ...]) -> Field:
        schema, seen, cycle = self.expand(raw, seen)
        if cycle or not isinstance(schema, Mapping):
            s = schema if isinstance(schema, Mapping) else {}
            return Field(Kind.JSON, name=name, required=required, title=str(s.get("title") or ""),
                         description=str(s.get("description") or ""), default=s.get("default", MISSING),
                         recursive=cycle)  # fmt: skip
        examples = schema.get("examples")
        common: dict[str, Any] = {
            "name": name,
            "required": required,
            "title": str(schema.get("title") or ""),
            "description": str(schema.get("description") or ""),
            "default": schema.get("default", MISSING),
            "examples": tuple(examples) if isinstance(examples, list) else (),
            "read_only": schema.get("readOnly") is True,
        }
        declared = schema.get("type")
        types = [declared] if isinstance(declared, str) else declared if isinstance(declared, list) else []
        nullable = "null" in types
        non_null = [t for t in types if isinstance(t, str) and t != "null"]
        if "const" in schema:
            return Field(Kind.CONST, const=schema["const"], nullable=nullable, **common)
        if isinstance(schema.get("enum"), list):
            values = schema["enum"]
            names = schema.get("enumNames") or schema.get("x-enumNames")
            labels = names if isinstance(names, list) and len(names) == len(values) else None
            options = tuple(
                Option(v, str(labels[i]) if labels else _show(v)) for i, v in enumerate(values) if v is not None
            )
            return Field(Kind.ENUM, options=options, nullable=nullable or None in values, **common)
        branches = schema.get("anyOf", schema.get("oneOf"))
        shapes = isinstance(branches, list) and not all(
            isinstance(b, Mapping) and set(b) <= _CONSTRAINT_ONLY for b in branches
        )
        if shapes and branches:
            return self.branches(schema, branches, common, nullable, seen)
        if len(non_null) > 1:
            variants = [
                self.field({**schema, "type": t, "title": "", "default": MISSING}, name="", required=True, seen=seen)
                for t in non_null
            ]
            return self.variant(variants, common, nullable, [{}] * len(variants))
        kind = non_null[0] if non_null else self.infer(schema, types)
        if kind == "object":
            return self.object(schema, common, nullable, seen)
        if kind == "array":
            return self.array(schema, common, nullable, seen)
        if kind == "string":
            return self.string(schema, common, nullable)
        if kind in ("number", "integer"):
            return self.number(schema, Kind(kind), common, nullable)
        if kind == "boolean":
            return Field(Kind.BOOLEAN, nullable=nullable, **common)
        if kind == "null":
            return Field(Kind.NULL, nullable=True, **common)
        return Field(Kind.JSON, nullable=nullable, **common)

    @staticmethod
    def infer(schema: Mapping[str, Any], types: list[Any]) -> str | None:
        if types == ["null"]:
            return "null"
        if any(k in schema for k in ("properties", "additionalProperties", "patternProperties", "required")):
            return "object"
        if any(k in schema for k in ("items", "prefixItems", "minItems", "maxItems", "uniqueItems")):
            return "array"
        if any(k in schema for k in ("minLength", "maxLength", "pattern", "format")):
            return "string"
        if any(k in schema for k in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")):
            return "number"
        return None

    def branches(
        self, schema: Mapping[str, Any], branches: list[Any], common: dict[str, Any], nullable: bool,
        seen: tuple[str, ...],
    ) -> Field:  # fmt: skip
        expanded = [self.expand(b, seen) for b in branches]
        others = []
        for part, part_seen, cycle in expanded:
            is_null = isinstance(part, Mapping) and not cycle and (
                part.get("type") == "null" or ("const" in part and part["const"] is None) or part.get("enum") == [None]
            )  # fmt: skip
            if is_null:
                nullable = True
            else:
                others.append((part, part_seen, cycle))
        outer = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}
        if not others:
            return Field(Kind.NULL, nullable=True, **common)
        if all(isinstance(p, Mapping) and "const" in p and not c for p, _s, c in others):
            options = tuple(Option(p["const"], str(p.get("title") or _show(p["const"]))) for p, _s, _c in others)
            return Field(Kind.ENUM, options=options, nullable=nullable, **common)
        if len(others) == 1:
            part, part_seen, cycle = others[0]
            if cycle:
                return Field(Kind.JSON, nullable=nullable, recursive=True, **common)
            merged = {**part, **outer} if isinstance(part, Mapping) else outer or part
            field = self.field(merged, name=common["name"], required=common["required"], seen=part_seen)
            return _replace(field, nullable=field.nullable or nullable)
        variants = [
            Field(Kind.JSON, required=True, recursive=True)
            if cycle
            else self.field(_with_shared(outer, p), name="", required=True, seen=s)
            for p, s, cycle in others
        ]
        return self.variant(variants, common, nullable, [p if isinstance(p, Mapping) else {} for p, _s, _c in others])

    @staticmethod
    def variant(fields: list[Field], common: dict[str, Any], nullable: bool, schemas: list[Any]) -> Field:
        titles: list[str] = []
        for index, (field, schema) in enumerate(zip(fields, schemas, strict=True)):
            title = str(schema.get("title") or "") or _discriminator(field)
            if not title:
                title = _KIND_TITLES.get(field.kind, "") if field.kind is not Kind.OBJECT else f"Option {index + 1}"
            if title in titles:
                title = f"{title} ({index + 1})"
            titles.append(title)
        variants = tuple(Variant(t, f) for t, f in zip(titles, fields, strict=True))
        return Field(Kind.VARIANT, variants=variants, nullable=nullable, **common)

    def object(self, schema: Mapping[str, Any], common: dict[str, Any], nullable: bool, seen: tuple[str, ...]) -> Field:
        props = schema.get("properties")
        props = props if isinstance(props, Mapping) else {}
        required = {r for r in schema.get("required", []) if isinstance(r, str)} if isinstance(
            schema.get("required"), list
        ) else set()  # fmt: skip
        fields = tuple(self.field(s, name=str(k), required=k in required, seen=seen) for k, s in props.items())
        extra = schema.get("additionalProperties", MISSING)
        patterns = schema.get("patternProperties")
        additional: Field | None = None
        if extra is MISSING and not props and isinstance(patterns, Mapping) and patterns:
            extra = next(iter(patterns.values()))
        if extra is True or (extra is MISSING and not props):
            additional = Field(Kind.JSON, required=True)
        elif isinstance(extra, Mapping):
            additional = self.field(extra, name="", required=True, seen=seen)
        return Field(Kind.OBJECT, properties=fields, additional=additional, nullable=nullable, **common)

    def array(self, schema: Mapping[str, Any], common: dict[str, Any], nullable: bool, seen: tuple[str, ...]) -> Field:
        limits: dict[str, Any] = {
            "min_items": _count(schema.get("minItems")),
            "max_items": _count(schema.get("maxItems")),
            "unique_items": schema.get("uniqueItems") is True,
            "nullable": nullable,
        }
        items = schema.get("items", True)
        if isinstance(items, list) or "prefixItems" in schema:
            return Field(Kind.JSON, **limits, **common)  # a tuple: positions with their own shapes
        item = self.field(items, name="", required=True, seen=seen)
        if item.kind is Kind.ENUM:
            return Field(Kind.MULTI_ENUM, options=item.options, items=item, **limits, **common)
        return Field(Kind.ARRAY, items=item, **limits, **common)

    @staticmethod
    def string(schema: Mapping[str, Any], common: dict[str, Any], nullable: bool) -> Field:
        fmt = str(schema.get("format") or "")
        max_length = _count(schema.get("maxLength"))
        pattern = schema.get("pattern") if isinstance(schema.get("pattern"), str) else None
        media = str(schema.get("contentMediaType") or "")
        long_name = common["name"].lower() in _LONG_TEXT_NAMES and not fmt and pattern is None
        multiline = (
            fmt in ("multiline", "textarea")
            or schema.get("x-multiline") is True
            or media.startswith("text/")
            or (max_length is not None and max_length > 200)
            or (long_name and max_length is None)
        )
        return Field(
            Kind.STRING, format=fmt, masked=fmt == "password" or schema.get("writeOnly") is True,
            multiline=multiline, min_length=_count(schema.get("minLength")), max_length=max_length,
            pattern=pattern, nullable=nullable, **common,
        )  # fmt: skip

    @staticmethod
    def number(schema: Mapping[str, Any], kind: Kind, common: dict[str, Any], nullable: bool) -> Field:
        minimum, maximum = _number(schema.get("minimum")), _number(schema.get("maximum"))
        low, high = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
        if low is True:  # draft-04 spelling: a flag on `minimum`
            low, minimum = minimum, None
        if high is True:
            high, maximum = maximum, None
        return Field(
            kind, minimum=minimum, maximum=maximum, exclusive_minimum=_number(low), exclusive_maximum=_number(high),
            multiple_of=_number(schema.get("multipleOf")), nullable=nullable, **common,
        )  # fmt: skip


def _with_shared(outer: Mapping[str, Any], branch: Any) -> Any:
    """A variant with the properties its parent declares for every variant."""
    if not isinstance(branch, Mapping) or not isinstance(outer.get("properties"), Mapping):
        return branch
    merged = {**branch, "properties": {**outer["properties"], **branch.get("properties", {})}}
    merged["required"] = list(dict.fromkeys([*outer.get("required", []), *branch.get("required", [])]))
    merged.setdefault("type", "object")
    return merged


def _replace(field: Field, **changes: Any) -> Field:
    from dataclasses import replace

    return replace(field, **changes)


def _show(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _discriminator(field: Field) -> str:
    if field.kind is not Kind.OBJECT:
        return ""
    consts = [p for p in field.properties if p.kind is Kind.CONST]
    return _show(consts[0].const) if consts else ""


def parse_schema(schema: Any) -> Field:
    """The field tree of a schema; the root counts as required."""
    return _Parser(schema).field(schema, name="", required=True, seen=())


# -- values (in schema_validation, which needs this module; imported when first used)
def defaults(schema: Any) -> Any:
    """The value a form for `schema` starts with: every default applied, nested too; required fields without a
    default left out. An object schema gives a dict; any other schema without a default gives MISSING."""
    from vector_desktop.presentation.json_schema.schema_validation import field_default

    return field_default(parse_schema(schema))


def prune(value: Any, schema: Any) -> Any:
    """The value without the optional fields left blank ("", [], {}, or null where null is not a real choice),
    at any depth, so a call gets only what was filled. Required fields and array items are always kept."""
    from vector_desktop.presentation.json_schema.schema_validation import prune_field

    return prune_field(parse_schema(schema), value)


def validate(schema: Any, value: Any) -> dict[str, str]:
    """Field path -> one short sentence, for each place where `value` does not fit `schema` ({} when it fits)."""
    from vector_desktop.presentation.json_schema.schema_validation import SchemaChecker

    return SchemaChecker(schema).messages(value)
