"""The field tree of a JSON Schema, its starting value, pruning and validation messages, as MCP tools send them."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vector_desktop.presentation.json_schema.schema_fields import (
    MISSING,
    Kind,
    child_path,
    defaults,
    field_path,
    humanize,
    is_within,
    parent_path,
    parse_schema,
    prune,
    split_path,
    validate,
)
from vector_desktop.presentation.json_schema.schema_validation import SchemaChecker, match_variant, normalize

# Merge's Linear tool as tools/list returns it: everything inside `input`.
LINEAR_CREATE_ISSUE: dict[str, Any] = {
    "type": "object",
    "required": ["input"],
    "properties": {
        "input": {
            "type": "object",
            "required": ["title", "team_id"],
            "properties": {
                "title": {"type": "string", "minLength": 3, "maxLength": 120, "description": "Short summary"},
                "team_id": {"type": "string", "pattern": "^[A-Z]{2,5}$", "examples": ["ENG"]},
                "description": {"type": "string", "description": "Markdown body"},
                "priority": {"type": "integer", "minimum": 0, "maximum": 4, "default": 2},
                "estimate": {"type": "number", "exclusiveMinimum": 0, "multipleOf": 0.5},
                "labels": {"type": "array", "items": {"type": "string", "minLength": 1}, "maxItems": 5},
                "state": {"type": "string", "enum": ["backlog", "todo", "done"], "default": "todo"},
                "due_date": {"type": ["string", "null"], "format": "date"},
                "subscribers": {"type": "array", "items": {"type": "string", "format": "email"}, "uniqueItems": True},
                "api_token": {"type": "string", "format": "password"},
            },
        }
    },
}

# What the Python SDK (pydantic) makes of `def tool(query: str, limit: int | None = None, mode: Mode = ...)`.
PYDANTIC_TOOL: dict[str, Any] = {
    "$defs": {
        "Mode": {"enum": ["fast", "thorough"], "title": "Mode", "type": "string"},
        "Filter": {
            "properties": {"field": {"title": "Field", "type": "string"}, "value": {"title": "Value"}},
            "required": ["field", "value"],
            "title": "Filter",
            "type": "object",
        },
    },
    "properties": {
        "query": {"title": "Query", "type": "string"},
        "limit": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "null"}], "default": None, "title": "Limit"},
        "mode": {"$ref": "#/$defs/Mode", "default": "fast"},
        "filters": {"items": {"$ref": "#/$defs/Filter"}, "title": "Filters", "type": "array"},
        "owner": {"anyOf": [{"$ref": "#/$defs/Filter"}, {"type": "null"}], "default": None},
    },
    "required": ["query"],
    "title": "searchArguments",
    "type": "object",
}

# What zod-to-json-schema (TypeScript SDK servers) sends: draft-07 spelling, `definitions`, closed objects.
ZOD_TOOL: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "properties": {
        "channel": {"type": "string", "minLength": 1},
        "thread": {"$ref": "#/definitions/thread"},
        "count": {"type": "number", "exclusiveMinimum": 0, "maximum": 100},
    },
    "required": ["channel"],
    "additionalProperties": False,
    "definitions": {
        "thread": {
            "type": "object",
            "properties": {"ts": {"type": "string"}, "broadcast": {"type": "boolean", "default": False}},
            "required": ["ts"],
            "additionalProperties": False,
        }
    },
}

NOTIFY_VARIANTS: dict[str, Any] = {
    "type": "object",
    "required": ["target"],
    "properties": {
        "target": {
            "oneOf": [
                {
                    "title": "Email",
                    "type": "object",
                    "properties": {"kind": {"const": "email"}, "address": {"type": "string", "format": "email"}},
                    "required": ["kind", "address"],
                },
                {
                    "type": "object",
                    "properties": {"kind": {"const": "sms"}, "number": {"type": "string", "pattern": r"^\+\d+$"}},
                    "required": ["kind", "number"],
                },
            ]
        }
    },
}


def prop(schema: Any, *names: str) -> Any:
    field = parse_schema(schema)
    for name in names:
        found = field.property(name)
        assert found is not None, name
        field = found
    return field


# -- the field tree
def test_a_merge_tool_becomes_a_tree_of_typed_fields() -> None:
    root = parse_schema(LINEAR_CREATE_ISSUE)
    assert root.kind is Kind.OBJECT and root.required
    wrapper = prop(LINEAR_CREATE_ISSUE, "input")
    assert wrapper.kind is Kind.OBJECT and wrapper.required
    assert [p.name for p in wrapper.properties][:4] == ["title", "team_id", "description", "priority"]
    title = prop(LINEAR_CREATE_ISSUE, "input", "title")
    assert (title.kind, title.required, title.min_length, title.max_length) == (Kind.STRING, True, 3, 120)
    assert title.description == "Short summary" and title.label == "Title"
    team = prop(LINEAR_CREATE_ISSUE, "input", "team_id")
    assert team.pattern == "^[A-Z]{2,5}$" and team.examples == ("ENG",) and team.label == "Team id"
    priority = prop(LINEAR_CREATE_ISSUE, "input", "priority")
    assert (priority.kind, priority.minimum, priority.maximum, priority.default) == (Kind.INTEGER, 0, 4, 2)
    estimate = prop(LINEAR_CREATE_ISSUE, "input", "estimate")
    assert (estimate.kind, estimate.exclusive_minimum, estimate.multiple_of) == (Kind.NUMBER, 0, 0.5)
    labels = prop(LINEAR_CREATE_ISSUE, "input", "labels")
    assert labels.kind is Kind.ARRAY and labels.items is not None and labels.items.kind is Kind.STRING
    assert labels.max_items == 5 and labels.min_items is None
    assert prop(LINEAR_CREATE_ISSUE, "input", "subscribers").unique_items
    state = prop(LINEAR_CREATE_ISSUE, "input", "state")
    assert state.kind is Kind.ENUM and [o.value for o in state.options] == ["backlog", "todo", "done"]
    due = prop(LINEAR_CREATE_ISSUE, "input", "due_date")
    assert (due.kind, due.nullable, due.format) == (Kind.STRING, True, "date")
    assert prop(LINEAR_CREATE_ISSUE, "input", "api_token").masked
    assert prop(LINEAR_CREATE_ISSUE, "input", "description").multiline  # a body of text, by its name
    assert not title.multiline


@pytest.mark.parametrize(
    ("schema", "kind"),
    [
        ({"type": "string"}, Kind.STRING),
        ({"type": "number"}, Kind.NUMBER),
        ({"type": "integer"}, Kind.INTEGER),
        ({"type": "boolean"}, Kind.BOOLEAN),
        ({"type": "object"}, Kind.OBJECT),
        ({"type": "array"}, Kind.ARRAY),
        ({"type": "null"}, Kind.NULL),
        ({"properties": {"a": {}}}, Kind.OBJECT),
        ({"items": {"type": "string"}}, Kind.ARRAY),
        ({"maxLength": 3}, Kind.STRING),
        ({"minimum": 1}, Kind.NUMBER),
        ({"const": "x"}, Kind.CONST),
        ({"enum": [1, 2]}, Kind.ENUM),
        (True, Kind.JSON),
        ({}, Kind.JSON),
        (False, Kind.JSON),
        ({"description": "anything"}, Kind.JSON),
        ({"type": "array", "items": [{"type": "string"}, {"type": "integer"}]}, Kind.JSON),  # a draft-07 tuple
        ({"type": "array", "prefixItems": [{"type": "string"}]}, Kind.JSON),
    ],
)
def test_each_type_and_spelling_gets_its_kind(schema: Any, kind: Kind) -> None:
    assert parse_schema(schema).kind is kind


def test_nullable_spellings_keep_the_real_type() -> None:
    for schema in (
        {"type": ["integer", "null"]},
        {"anyOf": [{"type": "integer"}, {"type": "null"}]},
        {"oneOf": [{"type": "null"}, {"type": "integer", "minimum": 1}]},
        {"anyOf": [{"type": "integer"}, {"const": None}]},
    ):
        field = parse_schema(schema)
        assert (field.kind, field.nullable) == (Kind.INTEGER, True), schema
    limit = prop(PYDANTIC_TOOL, "limit")
    assert (limit.kind, limit.nullable, limit.minimum, limit.default, limit.title) == (
        Kind.INTEGER, True, 1, None, "Limit",
    )  # fmt: skip
    nullable_enum = parse_schema({"enum": ["a", None]})
    assert nullable_enum.nullable and [o.value for o in nullable_enum.options] == ["a"]
    assert not parse_schema({"type": "string"}).nullable


def test_several_shapes_become_a_variant_chooser() -> None:
    target = prop(NOTIFY_VARIANTS, "target")
    assert target.kind is Kind.VARIANT and target.required
    assert [v.title for v in target.variants] == ["Email", "sms"]  # its title, else its discriminator
    assert [p.name for p in target.variants[1].field.properties] == ["kind", "number"]
    scalars = parse_schema({"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]})
    assert scalars.kind is Kind.VARIANT and scalars.nullable
    assert [v.title for v in scalars.variants] == ["Text", "Whole number"]
    by_type = parse_schema({"type": ["string", "array"], "items": {"type": "string"}})
    assert [v.field.kind for v in by_type.variants] == [Kind.STRING, Kind.ARRAY]
    untitled = parse_schema({"anyOf": [{"type": "object", "properties": {"a": {}}}, {"type": "object"}]})
    assert [v.title for v in untitled.variants] == ["Option 1", "Option 2"]


def test_shared_properties_go_into_every_variant_and_constraint_only_branches_are_no_variants() -> None:
    schema = {
        "type": "object",
        "properties": {"id": {"type": "string"}},
        "required": ["id"],
        "oneOf": [{"properties": {"a": {"type": "string"}}}, {"properties": {"b": {"type": "integer"}}}],
    }
    field = parse_schema(schema)
    assert [[p.name for p in v.field.properties] for v in field.variants] == [["id", "a"], ["id", "b"]]
    assert field.variants[0].field.property("id").required  # type: ignore[union-attr]
    either = {"type": "object", "properties": {"a": {}, "b": {}}, "anyOf": [{"required": ["a"]}, {"required": ["b"]}]}
    assert parse_schema(either).kind is Kind.OBJECT
    assert validate(either, {}) == {"": "Fill in a or b."}


def test_enums_with_titles_and_const() -> None:
    titled = parse_schema({"oneOf": [{"const": "p1", "title": "Urgent"}, {"const": "p2", "title": "Normal"}]})
    assert titled.kind is Kind.ENUM and [(o.value, o.label) for o in titled.options] == [
        ("p1", "Urgent"),
        ("p2", "Normal"),
    ]
    legacy = parse_schema({"type": "string", "enum": ["a", "b"], "enumNames": ["Alpha", "Beta"]})
    assert [o.label for o in legacy.options] == ["Alpha", "Beta"]
    numbers = parse_schema({"enum": [1, 2.5, True]})
    assert [o.label for o in numbers.options] == ["1", "2.5", "true"]
    const = parse_schema({"const": {"a": 1}, "title": "Fixed"})
    assert (const.kind, const.const, const.label) == (Kind.CONST, {"a": 1}, "Fixed")


def test_an_array_of_enum_values_is_a_multiple_choice() -> None:
    plain = parse_schema({"type": "array", "items": {"enum": ["bug", "feature"]}, "minItems": 1, "uniqueItems": True})
    assert plain.kind is Kind.MULTI_ENUM and [o.value for o in plain.options] == ["bug", "feature"]
    assert (plain.min_items, plain.unique_items) == (1, True)
    titled = parse_schema({"type": "array", "items": {"anyOf": [{"const": "r", "title": "Red"}, {"const": "g"}]}})
    assert titled.kind is Kind.MULTI_ENUM and [o.label for o in titled.options] == ["Red", "g"]
    objects = parse_schema({"type": "array", "items": {"type": "object", "properties": {"x": {"type": "number"}}}})
    assert objects.kind is Kind.ARRAY and objects.items is not None and objects.items.kind is Kind.OBJECT


@pytest.mark.parametrize(
    ("schema", "masked", "multiline"),
    [
        ({"type": "string", "format": "password"}, True, False),
        ({"type": "string", "writeOnly": True}, True, False),
        ({"type": "string", "maxLength": 201}, False, True),
        ({"type": "string", "maxLength": 200}, False, False),
        ({"type": "string", "format": "textarea"}, False, True),
        ({"type": "string", "format": "multiline"}, False, True),
        ({"type": "string", "contentMediaType": "text/markdown"}, False, True),
        ({"type": "string", "format": "email"}, False, False),
    ],
)
def test_masked_and_multiline_hints(schema: dict[str, Any], masked: bool, multiline: bool) -> None:
    field = parse_schema(schema)
    assert (field.masked, field.multiline) == (masked, multiline)


def test_formats_examples_read_only_and_draft04_limits() -> None:
    for fmt in ("date", "date-time", "time", "email", "uri"):
        assert parse_schema({"type": "string", "format": fmt}).format == fmt
    field = parse_schema({"type": "number", "minimum": 1, "exclusiveMinimum": True, "maximum": 9, "examples": [3]})
    assert (field.minimum, field.exclusive_minimum, field.maximum, field.examples) == (None, 1, 9, (3,))
    assert parse_schema({"type": "string", "readOnly": True}).read_only
    assert humanize("dueDate") == "Due date" and humanize("team_id") == "Team id" and humanize("") == ""


def test_objects_at_any_depth_keep_their_required_flags() -> None:
    schema: dict[str, Any] = {"type": "string"}
    for depth in range(5):
        schema = {"type": "object", "properties": {f"level{depth}": schema}, "required": [f"level{depth}"]}
    field = parse_schema(schema)
    for depth in reversed(range(5)):
        field = field.properties[0]
        assert field.name == f"level{depth}" and field.required
    assert field.kind is Kind.STRING


@pytest.mark.parametrize(
    ("schema", "additional"),
    [
        ({"type": "object", "properties": {"a": {}}}, None),  # the usual tool: only its properties are shown
        ({"type": "object", "properties": {"a": {}}, "additionalProperties": False}, None),
        ({"type": "object", "properties": {"a": {}}, "additionalProperties": True}, Kind.JSON),
        ({"type": "object", "additionalProperties": {"type": "string"}}, Kind.STRING),
        ({"type": "object"}, Kind.JSON),  # a free object: key/value rows
        ({"type": "object", "patternProperties": {"^x-": {"type": "integer"}}}, Kind.INTEGER),
    ],
)
def test_additional_properties_become_free_key_value_rows(schema: dict[str, Any], additional: Kind | None) -> None:
    field = parse_schema(schema)
    assert (field.additional.kind if field.additional is not None else None) is additional


def test_local_refs_are_followed_with_their_siblings_and_both_spellings() -> None:
    mode = prop(PYDANTIC_TOOL, "mode")
    assert (mode.kind, mode.default, mode.title) == (Kind.ENUM, "fast", "Mode")
    filters = prop(PYDANTIC_TOOL, "filters")
    assert filters.items is not None and [p.name for p in filters.items.properties] == ["field", "value"]
    owner = prop(PYDANTIC_TOOL, "owner")
    assert (owner.kind, owner.nullable) == (Kind.OBJECT, True)
    thread = prop(ZOD_TOOL, "thread")
    assert thread.kind is Kind.OBJECT and thread.property("broadcast").default is False  # type: ignore[union-attr]
    escaped = {"$defs": {"a/b": {"type": "integer"}}, "properties": {"n": {"$ref": "#/$defs/a~1b"}}}
    assert prop(escaped, "n").kind is Kind.INTEGER
    for broken in ("#/$defs/nowhere", "https://example.com/schema.json", "other.json#/x"):
        assert parse_schema({"properties": {"x": {"$ref": broken}}}).properties[0].kind is Kind.JSON


def test_a_ref_cycle_stops_as_free_json() -> None:
    tree = {
        "$defs": {
            "Node": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
                },
            }
        },
        "$ref": "#/$defs/Node",
    }
    root = parse_schema(tree)
    child = root.property("children").items  # type: ignore[union-attr]
    assert child is not None and child.kind is Kind.OBJECT  # expanded once more...
    grandchild = child.property("children").items  # type: ignore[union-attr]
    assert grandchild is not None and grandchild.kind is Kind.JSON and grandchild.recursive  # ...then stopped
    selfish = {"$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"$ref": "#/$defs/A"}}, "$ref": "#/$defs/A"}
    assert parse_schema(selfish).kind is Kind.JSON
    assert validate(tree, {"name": "a", "children": [{"name": "b", "children": [{"name": 3}]}]}) == {
        "children[0].children[0].name": "Must be text."
    }


def test_all_of_is_merged() -> None:
    schema = {
        "allOf": [
            {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
            {"properties": {"b": {"type": "integer", "default": 1}}},
        ],
        "title": "Both",
    }
    field = parse_schema(schema)
    assert field.kind is Kind.OBJECT and [p.name for p in field.properties] == ["a", "b"] and field.title == "Both"
    assert field.property("a").required  # type: ignore[union-attr]


# -- defaults
def test_defaults_apply_nested_defaults_and_leave_out_required_fields_without_one() -> None:
    assert defaults(LINEAR_CREATE_ISSUE) == {"input": {"priority": 2, "state": "todo"}}
    assert defaults(PYDANTIC_TOOL) == {"limit": None, "mode": "fast", "owner": None}
    assert defaults(ZOD_TOOL) == {}  # thread is optional and its `ts` has no default
    assert defaults(NOTIFY_VARIANTS) == {"target": {"kind": "email"}}  # a required variant starts on the first
    nested = {
        "type": "object",
        "properties": {
            "options": {"type": "object", "properties": {"limit": {"type": "integer", "default": 50}}},
            "fixed": {"type": "object", "properties": {"v": {"const": 1}}},
            "whole": {"type": "object", "default": {"a": 1}, "properties": {"a": {"default": 2}}},
            "tags": {"type": "array", "default": ["x"]},
        },
    }
    assert defaults(nested) == {"options": {"limit": 50}, "whole": {"a": 1}, "tags": ["x"]}
    assert defaults({"type": "string"}) is MISSING
    assert defaults({"type": "string", "default": "hi"}) == "hi"
    first = defaults(nested)
    first["tags"].append("mutated")
    assert defaults(nested)["tags"] == ["x"]  # every call gets its own copy


def test_elicitation_defaults_as_in_sep_1034() -> None:
    requested = {
        "type": "object",
        "properties": {
            "name": {"type": "string", "default": "John Doe"},
            "age": {"type": "integer", "default": 30},
            "score": {"type": "number", "default": 95.5},
            "status": {"type": "string", "enum": ["active", "inactive", "pending"], "default": "active"},
            "verified": {"type": "boolean", "default": True},
        },
    }
    value = defaults(requested)
    assert value == {"name": "John Doe", "age": 30, "score": 95.5, "status": "active", "verified": True}
    assert validate(requested, value) == {}


# -- validation messages
def test_messages_land_on_the_field_paths() -> None:
    value = {
        "input": {
            "title": "ab",
            "team_id": "eng",
            "priority": 7,
            "estimate": 0.3,
            "labels": ["ok", "fine", ""],
            "due_date": "2024-13-01",
            "subscribers": ["a@example.com", "a@example.com"],
        }
    }
    assert validate(LINEAR_CREATE_ISSUE, value) == {
        "input.title": "Use at least 3 characters.",
        "input.team_id": "Must match the pattern ^[A-Z]{2,5}$.",
        "input.priority": "Must be at most 4.",
        "input.estimate": "Must be a multiple of 0.5.",
        "input.labels[2]": "Use at least 1 character.",
        "input.due_date": "Enter a date as YYYY-MM-DD.",
        "input.subscribers": "Each item must be different.",
    }
    assert validate(LINEAR_CREATE_ISSUE, {"input": {}}) == {
        "input.title": "This field is required.",
        "input.team_id": "This field is required.",
    }
    assert validate(LINEAR_CREATE_ISSUE, {}) == {"input": "This field is required."}
    assert validate(LINEAR_CREATE_ISSUE, {"input": {"title": "Fix it", "team_id": "ENG"}}) == {}


@pytest.mark.parametrize(
    ("schema", "value", "message"),
    [
        ({"type": "integer"}, "x", "Must be a whole number."),
        ({"type": "integer"}, 1.5, "Must be a whole number."),
        ({"type": ["string", "null"]}, 3, "Must be text or empty."),
        ({"type": "boolean"}, "yes", "Must be yes or no."),
        ({"type": "string", "maxLength": 1}, "ab", "Use at most 1 character."),
        ({"type": "number", "minimum": 1.5}, 1, "Must be at least 1.5."),
        ({"type": "number", "exclusiveMaximum": 10}, 10, "Must be less than 10."),
        ({"type": "number", "maximum": 5, "exclusiveMaximum": True}, 5, "Must be less than 5."),
        ({"enum": ["a", "b"]}, "c", "Choose one of: a, b."),
        ({"const": 3}, 4, "Must be 3."),
        ({"type": "array", "minItems": 2}, [1], "Add at least 2 items."),
        ({"type": "array", "maxItems": 1}, [1, 2], "Use at most 1 item."),
        ({"type": "object", "minProperties": 1}, {}, "Add at least 1 entry."),
        ({"type": "string", "format": "email"}, "nobody", "Enter an email address such as name@example.com."),
        (
            {"type": "string", "format": "date-time"},
            "2024-01-01 10:00",
            "Enter a date and time as YYYY-MM-DDTHH:MM:SSZ.",
        ),
        ({"type": "string", "format": "time"}, "25:00", "Enter a time as HH:MM:SS."),
        ({"type": "string", "format": "uri"}, "example.com", "Enter a full address such as https://example.com."),
        ({"not": {"type": "string"}}, "x", "This value is not allowed."),
        (False, 1, "This value is not allowed."),
    ],
)
def test_each_problem_gets_one_short_sentence(schema: Any, value: Any, message: str) -> None:
    assert validate(schema, value) == {"": message}


@pytest.mark.parametrize(
    ("fmt", "good"),
    [("date", "2024-02-29"), ("date-time", "2024-02-29T23:59:59.5+01:00"), ("time", "08:30:00Z"), ("time", "08:30"),
     ("email", "a.b@example.org"), ("uri", "https://example.com/a?b=c"), ("uri", "mailto:a@b.c")],
)  # fmt: skip
def test_good_formats_pass(fmt: str, good: str) -> None:
    assert validate({"type": "string", "format": fmt}, good) == {}


def test_nullable_and_variant_errors_come_from_the_branch_meant() -> None:
    assert validate(PYDANTIC_TOOL, {"query": "q", "limit": 0}) == {"limit": "Must be at least 1."}
    assert validate(PYDANTIC_TOOL, {"query": "q", "limit": None}) == {}
    assert validate(PYDANTIC_TOOL, {"query": "q", "owner": {"field": "x"}}) == {
        "owner.value": "This field is required."
    }
    assert validate(NOTIFY_VARIANTS, {"target": {"kind": "email", "address": "nope"}}) == {
        "target.address": "Enter an email address such as name@example.com."
    }
    assert validate(NOTIFY_VARIANTS, {"target": {"kind": "sms", "number": "12"}}) == {
        "target.number": "Must match the pattern ^\\+\\d+$."
    }
    assert validate(NOTIFY_VARIANTS, {"target": {"kind": "fax"}}) == {
        "target": "Does not match any of the allowed shapes."
    }
    both = {"oneOf": [{"type": "integer"}, {"type": "number"}]}
    assert validate(both, 1) == {"": "Matches more than one of the allowed shapes; make it fit exactly one."}


def test_draft07_schemas_validate_as_sent() -> None:
    assert validate(ZOD_TOOL, {"channel": "c", "thread": {"ts": "1", "extra": 1}, "count": 0, "x": 1}) == {
        "thread": "Unknown field: extra.",
        "count": "Must be more than 0.",
        "": "Unknown field: x.",
    }
    assert validate(ZOD_TOOL, {"channel": ""}) == {"channel": "Use at least 1 character."}
    assert validate(ZOD_TOOL, {"channel": "general", "thread": {"ts": "1.2"}}) == {}
    tuple_schema = {"type": "array", "items": [{"type": "string"}, {"type": "integer"}], "additionalItems": False}
    assert validate(tuple_schema, ["a", "b"]) == {"[1]": "Must be a whole number."}
    assert normalize(tuple_schema) == {
        "type": "array",
        "prefixItems": [{"type": "string"}, {"type": "integer"}],
        "items": False,
    }


def test_a_schema_jsonschema_cannot_use_gives_no_messages() -> None:
    for broken in ({"type": "strnig"}, {"properties": {"a": {"$ref": "https://example.com/x.json"}}}, {"pattern": "("}):
        assert validate(broken, {"a": 1}) == {}
    assert not SchemaChecker({"type": 5}).usable
    assert SchemaChecker({"type": "object"}).messages(MISSING) == {"": "A value is required."}


# -- prune
def test_prune_drops_what_was_left_blank_and_keeps_what_is_required() -> None:
    value: dict[str, Any] = {
        "input": {
            "title": "Fix",
            "team_id": "",
            "description": "",
            "labels": [],
            "due_date": None,
            "priority": 0,
            "state": "todo",
        }
    }
    assert prune(value, LINEAR_CREATE_ISSUE) == {
        "input": {"title": "Fix", "team_id": "", "due_date": None, "priority": 0, "state": "todo"}
    }  # `due_date` may be null and has no null default: a null there was chosen, so it is sent
    assert prune({"query": "", "limit": None, "filters": [{"field": "a", "value": ""}]}, PYDANTIC_TOOL) == {
        "query": "",
        "filters": [{"field": "a", "value": ""}],  # list items and required parts stay
    }
    explicit_null = {"type": "object", "properties": {"assignee": {"type": ["string", "null"]}}}
    assert prune({"assignee": None}, explicit_null) == {"assignee": None}  # null chosen on purpose: sent
    options = {"type": "object", "properties": {"opts": {"type": "object", "properties": {"a": {"type": "string"}}}}}
    assert prune({"opts": {"a": ""}}, options) == {}
    assert prune({"opts": {"a": ""}, "other": ""}, options) == {"other": ""}  # unknown keys are not ours to drop
    assert prune({"target": {"kind": "sms", "number": "+1"}}, NOTIFY_VARIANTS) == {
        "target": {"kind": "sms", "number": "+1"}
    }
    assert prune(False, {"type": "boolean"}) is False
    assert prune({"flag": False, "n": 0}, {"properties": {"flag": {"type": "boolean"}, "n": {}}}) == {
        "flag": False,
        "n": 0,
    }


# -- variants and paths
def test_match_variant_picks_by_discriminator_type_and_shape() -> None:
    target = prop(NOTIFY_VARIANTS, "target")
    assert match_variant(target, {"kind": "sms"}) == 1
    assert match_variant(target, {"kind": "email", "address": "x"}) == 0
    assert match_variant(target, {"number": "+1"}) == 1
    scalars = parse_schema({"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "array"}]})
    assert [match_variant(scalars, v) for v in ("a", 3, [1], True)] == [0, 1, 2, 0]


def test_paths() -> None:
    assert field_path(["input", "labels", 2]) == "input.labels[2]"
    assert field_path([]) == ""
    assert field_path([0, "a"]) == "[0].a"
    assert field_path(["a.b", "c"]) == '["a.b"].c'
    assert split_path('input.labels[2]["x.y"]') == ("input", "labels", 2, "x.y")
    assert child_path("", "input") == "input" and child_path("input", 3) == "input[3]"
    assert parent_path("input.labels[2]") == "input.labels" and parent_path("input") == ""
    assert is_within("input.labels[2]", "input") and is_within("input", "") and not is_within("inputs", "input")
    with pytest.raises(ValueError):
        split_path("a..b")


@given(st.lists(st.one_of(st.text(min_size=1, max_size=8), st.integers(0, 10**6)), max_size=6))
def test_paths_round_trip(parts: list[str | int]) -> None:
    assert split_path(field_path(parts)) == tuple(parts)


def test_parsing_needs_neither_qt_nor_jsonschema() -> None:
    code = (
        "import sys\n"
        "from vector_desktop.presentation.json_schema.schema_fields import parse_schema, defaults, prune\n"
        "prune(defaults({'properties': {'a': {'default': 1}}}), {})\n"
        "print(sorted(m for m in ('PySide6', 'jsonschema') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


# -- properties over generated schemas
NAMES = st.from_regex(r"[a-z][a-z_]{0,7}", fullmatch=True)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=12)


@st.composite
def scalars(draw: st.DrawFn) -> tuple[dict[str, Any], st.SearchStrategy[Any]]:
    kind = draw(st.sampled_from(["string", "integer", "number", "boolean", "enum", "date"]))
    values: st.SearchStrategy[Any]
    if kind == "string":
        low = draw(st.integers(0, 3))
        high = low + draw(st.integers(0, 8))
        schema: dict[str, Any] = {"type": "string", "minLength": low, "maxLength": high}
        values = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=low, max_size=high)
    elif kind == "integer":
        low = draw(st.integers(-(2**70), 2**70))
        high = low + draw(st.integers(0, 10**9))
        schema, values = {"type": "integer", "minimum": low, "maximum": high}, st.integers(low, high)
    elif kind == "number":
        low_f = draw(st.floats(-1e6, 1e6))
        high_f = low_f + draw(st.floats(0, 1e6))
        schema = {"type": "number", "minimum": low_f, "maximum": high_f}
        values = st.floats(low_f, high_f, allow_nan=False, allow_infinity=False)
    elif kind == "boolean":
        schema, values = {"type": "boolean"}, st.booleans()
    elif kind == "enum":
        options = draw(st.lists(st.one_of(TEXT, st.integers(-5, 5)), min_size=1, max_size=4, unique=True))
        schema, values = {"enum": options}, st.sampled_from(options)
    else:
        schema, values = {"type": "string", "format": "date"}, st.dates().map(lambda d: d.isoformat())
    if draw(st.integers(0, 4)) == 0:  # nullable, in one of the two spellings
        if draw(st.booleans()) and "type" in schema:
            schema = {**schema, "type": [schema["type"], "null"]}
        else:
            schema = {"anyOf": [schema, {"type": "null"}]}
        values = st.one_of(values, st.none())
    return schema, values


@st.composite
def objects(draw: st.DrawFn, depth: int = 0) -> tuple[dict[str, Any], st.SearchStrategy[Any]]:
    """An object schema in which every required field has a default, and a strategy of values that fit it."""
    props: dict[str, Any] = {}
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for name in draw(st.lists(NAMES, max_size=5, unique=True)):
        shape = draw(st.sampled_from(["scalar"] * 4 + (["object", "array"] if depth < 2 else [])))
        if shape == "object":
            schema, values = draw(objects(depth + 1))
        elif shape == "array":
            item, item_values = draw(st.one_of(scalars(), objects(depth + 1)))
            low = draw(st.integers(0, 2))
            schema = {"type": "array", "items": item, "minItems": low, "maxItems": low + 3}
            values = st.lists(item_values, min_size=low, max_size=low + 3)
        else:
            schema, values = draw(scalars())
        is_required = draw(st.booleans())
        if shape != "object" and (is_required or draw(st.booleans())):
            schema = {**schema, "default": draw(values)}
        props[name] = schema
        (required if is_required else optional)[name] = values
    schema = {"type": "object", "properties": props, "required": sorted(required)}
    return schema, st.fixed_dictionaries(required, optional=optional)


def _leaves(schema: dict[str, Any], value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if schema.get("type") == "object" and isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(schema["properties"][k], v, (*path, k))]
    if schema.get("type") == "array" and isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in _leaves(schema["items"], v, (*path, i))]
    return [path]


def _replace(value: Any, path: tuple[str | int, ...], new: Any) -> Any:
    if not path:
        return new
    copy = json.loads(json.dumps(value))
    node = copy
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = new
    return copy


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(objects())
def test_defaults_fit_when_every_required_field_has_one(generated: tuple[dict[str, Any], Any]) -> None:
    schema, _values = generated
    start = defaults(schema)
    assert validate(schema, start) == {}
    pruned = prune(start, schema)
    assert validate(schema, pruned) == {}
    assert prune(pruned, schema) == pruned
    assert json.loads(json.dumps(start)) == start  # plain JSON, ready to send


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_a_wrong_leaf_is_named_by_its_path_and_nothing_else(data: st.DataObject) -> None:
    schema, values = data.draw(objects())
    value = data.draw(values)
    assert validate(schema, value) == {}
    pruned = prune(value, schema)
    assert validate(schema, pruned) == {} and prune(pruned, schema) == pruned
    leaves = [leaf for leaf in _leaves(schema, value) if leaf]
    if leaves:
        leaf = data.draw(st.sampled_from(leaves))
        assert validate(schema, _replace(value, leaf, {"wrong": True})).keys() == {field_path(leaf)}
