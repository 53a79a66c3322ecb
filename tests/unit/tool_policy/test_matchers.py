"""Argument matchers: the text form reads back to the same matcher, and matching agrees with a direct look at
generated argument trees (paths into dicts and lists, missing paths)."""

from __future__ import annotations

import glob
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vector_desktop.domain.connectors import ConnectorError
from vector_desktop.domain.tool_policy import ArgumentMatcher, MatchOp
from vector_desktop.services.tool_policy.matchers import (
    MatcherSyntaxError,
    format_matcher,
    format_path,
    matches,
    parse_matcher,
    parse_matchers,
    split_path,
)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
keys = st.text(max_size=8)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
)
trees = st.dictionaries(keys, json_values, max_size=5)
path_parts = st.lists(st.one_of(keys, st.integers(min_value=0, max_value=5)), min_size=1, max_size=4)


@st.composite
def matchers(draw: st.DrawFn) -> ArgumentMatcher:
    path = format_path(draw(path_parts))
    op = draw(st.sampled_from(list(MatchOp)))
    if op in (MatchOp.EXISTS, MatchOp.ABSENT):
        return ArgumentMatcher(path, op)
    if op is MatchOp.ONE_OF:
        return ArgumentMatcher(path, op, draw(st.lists(json_values, max_size=4)))
    if op in (MatchOp.STARTS_WITH, MatchOp.GLOB):
        return ArgumentMatcher(path, op, draw(st.text(max_size=12)))
    return ArgumentMatcher(path, op, draw(json_values))


def canon(value: Any) -> Any:
    """A direct, independent statement of JSON equality: booleans are not numbers, 1 == 1.0."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float):
        return ("number", float(value))
    if isinstance(value, str):
        return ("text", value)
    if value is None:
        return ("null",)
    if isinstance(value, list):
        return ("list", tuple(canon(v) for v in value))
    return ("object", frozenset((k, canon(v)) for k, v in value.items()))


@st.composite
def present_paths(draw: st.DrawFn) -> tuple[dict, list, Any]:
    """A tree and a path that exists in it, found by walking the tree, with the value it leads to."""
    tree = draw(trees.filter(bool))
    parts: list[Any] = []
    node: Any = tree
    while True:
        parts.append(draw(st.sampled_from(sorted(node)) if isinstance(node, dict) else st.integers(0, len(node) - 1)))
        node = node[parts[-1]]
        if not (isinstance(node, dict | list) and node) or draw(st.booleans()):
            return tree, parts, node


# -------------------------------------------------------------------------------------------------- text form


@SETTINGS
@given(matchers())
def test_parse_reads_back_what_format_wrote(matcher: ArgumentMatcher) -> None:
    text = format_matcher(matcher)
    assert "\n" not in text
    assert parse_matcher(text) == matcher
    assert format_matcher(parse_matcher(text)) == text


@SETTINGS
@given(path_parts)
def test_paths_read_back_to_their_parts(parts: list) -> None:
    assert split_path(format_path(parts)) == tuple(parts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('input.project == "X"', ArgumentMatcher("input.project", MatchOp.EQUALS, "X")),
        ("input.count != 3", ArgumentMatcher("input.count", MatchOp.NOT_EQUALS, 3)),
        ('input.project in ["A", "B"]', ArgumentMatcher("input.project", MatchOp.ONE_OF, ["A", "B"])),
        ('input.title startswith "[WIP]"', ArgumentMatcher("input.title", MatchOp.STARTS_WITH, "[WIP]")),
        ('input.labels contains "bug"', ArgumentMatcher("input.labels", MatchOp.CONTAINS, "bug")),
        ("input.path glob /tmp/*", ArgumentMatcher("input.path", MatchOp.GLOB, "/tmp/*")),
        ("  input.labels[0]   exists ", ArgumentMatcher("input.labels[0]", MatchOp.EXISTS)),
        ('input["due date"]\tabsent', ArgumentMatcher('input["due date"]', MatchOp.ABSENT)),
        ("input.flag == true", ArgumentMatcher("input.flag", MatchOp.EQUALS, True)),
        ('input.a == {"b": [1, null]}', ArgumentMatcher("input.a", MatchOp.EQUALS, {"b": [1, None]})),
    ],
)
def test_the_text_syntax(text: str, expected: ArgumentMatcher) -> None:
    assert parse_matcher(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "does not start with an argument path"),
        ('== "X"', "does not start with an argument path"),
        ('input.project=="X"', "put a space"),
        ('input.project is "X"', "is not a comparison"),
        ("input.project ==", "a value is missing"),
        ('input.project in "X"', "needs a list"),
        ('input.project == "X', "is not a JSON value"),
        ("input.project exists 1", "takes no value"),
    ],
)
def test_mistakes_are_told_in_one_sentence(text: str, says: str) -> None:
    with pytest.raises(MatcherSyntaxError, match=says) as raised:
        parse_matcher(text)
    assert isinstance(raised.value, ConnectorError)
    assert "\n" not in str(raised.value)


def test_several_matchers_one_a_line() -> None:
    assert parse_matchers("input.a exists\n\n  input.b == 1  \n") == (
        ArgumentMatcher("input.a", MatchOp.EXISTS),
        ArgumentMatcher("input.b", MatchOp.EQUALS, 1),
    )


# ---------------------------------------------------------------------------------------------------- matching


@SETTINGS
@given(present_paths(), json_values, st.data())
def test_matching_a_present_path_agrees_with_a_direct_look(
    found: tuple[dict, list, Any], other: Any, data: st.DataObject
) -> None:
    tree, parts, value = found
    path = format_path(parts)
    same = json.loads(json.dumps(value))

    def check(op: MatchOp, operand: Any = None) -> bool:
        return matches(ArgumentMatcher(path, op, operand), tree)

    assert check(MatchOp.EXISTS) and not check(MatchOp.ABSENT)
    assert check(MatchOp.EQUALS, same) and not check(MatchOp.NOT_EQUALS, same)
    assert check(MatchOp.EQUALS, other) == (canon(other) == canon(value))
    assert check(MatchOp.NOT_EQUALS, other) == (canon(other) != canon(value))
    assert check(MatchOp.ONE_OF, [other, same])
    assert check(MatchOp.ONE_OF, [other]) == (canon(other) == canon(value))
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    assert check(MatchOp.GLOB, glob.escape(text)) and check(MatchOp.GLOB, "*")
    if isinstance(value, str):
        start = data.draw(st.integers(0, len(value)))
        end = data.draw(st.integers(start, len(value)))
        assert check(MatchOp.STARTS_WITH, value[:end])
        assert check(MatchOp.CONTAINS, value[start:end])
        assert check(MatchOp.CONTAINS, other) == (isinstance(other, str) and other in value)
    elif isinstance(value, list):
        assert check(MatchOp.CONTAINS, other) == any(canon(item) == canon(other) for item in value)
        assert not check(MatchOp.STARTS_WITH, "")
    else:
        assert not check(MatchOp.CONTAINS, other) and not check(MatchOp.STARTS_WITH, "")


@SETTINGS
@given(trees, path_parts, matchers())
def test_a_missing_path_matches_only_absent(tree: dict, parts: list, matcher: ArgumentMatcher) -> None:
    node: Any = tree
    for part in parts:  # the direct look: is the path there? (a str never indexes a list, nor an int a dict)
        if isinstance(node, list | dict) and isinstance(part, int) == isinstance(node, list):
            try:
                node = node[part]
                continue
            except (IndexError, KeyError):
                pass
        break
    else:
        return  # present: the other property covers it
    missing = ArgumentMatcher(format_path(parts), matcher.op, matcher.value)
    assert matches(missing, tree) == (matcher.op is MatchOp.ABSENT)


@pytest.mark.parametrize(
    ("path", "op", "value", "expected"),
    [
        ("input.labels[0]", MatchOp.EQUALS, "bug", True),
        ("input.labels[1]", MatchOp.EQUALS, "ui", True),
        ("input.labels[2]", MatchOp.ABSENT, None, True),
        ("input.labels.0", MatchOp.EXISTS, None, False),  # a key "0" is not an index
        ("input.meta", MatchOp.EQUALS, {"a": 1, "b": [True]}, True),
        ("input.meta.b[0]", MatchOp.EQUALS, 1, False),  # true is not 1
        ("input.meta.a", MatchOp.EQUALS, 1.0, True),
        ('input["due date"]', MatchOp.STARTS_WITH, "2026-", True),
        ("input.project", MatchOp.ONE_OF, ["X", "Y"], True),
        ("input.project", MatchOp.ONE_OF, "X", False),  # not a list: never matches
        ("input.project[0]", MatchOp.EXISTS, None, False),  # no indexing into text
        ("input.labels", MatchOp.GLOB, '["bug"*', True),
        ("input", MatchOp.CONTAINS, "project", False),  # objects contain nothing
    ],
)
def test_paths_into_dicts_and_lists(path: str, op: MatchOp, value: Any, expected: bool) -> None:
    arguments = {
        "input": {"project": "X", "labels": ["bug", "ui"], "meta": {"a": 1, "b": [True]}, "due date": "2026-05-01"}
    }
    assert matches(ArgumentMatcher(path, op, value), arguments) is expected


def test_a_malformed_path_never_matches() -> None:
    assert not matches(ArgumentMatcher("input..x", MatchOp.EXISTS), {"input": {"x": 1}})
    assert not matches(ArgumentMatcher("", MatchOp.ABSENT), {})
