"""`connectors call` answering a server's request for input: on the terminal field by field (defaults on Enter,
typed values checked), with the defaults under --yes, declined when there is no terminal."""

from __future__ import annotations

import asyncio
import io

import pytest

from vector_desktop.commands.connectors_terminal import TerminalAsker, parse_answer
from vector_desktop.domain.connectors import ElicitationAction, ElicitationRequest, ElicitationResponse

SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "title": "Name", "default": "Ada"},
        "level": {"type": "integer", "minimum": 1, "maximum": 5, "default": 3},
        "subscribe": {"type": "boolean", "default": True},
        "team": {"type": "string", "enum": ["red", "blue"]},
    },
    "required": ["name", "team"],
}
REQUEST = ElicitationRequest("Tools", "Who should we contact?", SCHEMA)


class Terminal(io.StringIO):
    """Typed lines, as a terminal would give them."""

    def isatty(self) -> bool:
        return True


def ask(asker: TerminalAsker) -> ElicitationResponse:
    return asyncio.run(asker.ask(REQUEST))


def test_fields_are_asked_one_by_one_with_their_defaults() -> None:
    shown = io.StringIO()
    typed = Terminal("\n9\n2\nno\ngreen\nblue\n\n")
    answer = ask(TerminalAsker(yes=False, stdin=typed, out=shown))
    assert answer == ElicitationResponse(
        ElicitationAction.ACCEPT, {"name": "Ada", "level": 2, "subscribe": False, "team": "blue"}
    )
    text = shown.getvalue()
    assert "Tools asks: Who should we contact?" in text
    assert "Name [Ada]: " in text and "enter a value of at most 5" in text and "choose one of red, blue" in text


def test_yes_takes_the_defaults_and_no_terminal_declines() -> None:
    defaults_only = ElicitationRequest("Tools", "Confirm", {"properties": {"n": {"type": "integer", "default": 2}}})
    assert asyncio.run(TerminalAsker(yes=True, stdin=io.StringIO(), out=io.StringIO()).ask(defaults_only)) == (
        ElicitationResponse(ElicitationAction.ACCEPT, {"n": 2})
    )
    assert ask(TerminalAsker(yes=True, stdin=io.StringIO(), out=io.StringIO())).action is ElicitationAction.DECLINE
    assert ask(TerminalAsker(yes=False, stdin=io.StringIO("x\n"), out=io.StringIO())).action is (
        ElicitationAction.DECLINE
    )
    assert ask(TerminalAsker(yes=False, stdin=Terminal(""), out=io.StringIO())).action is ElicitationAction.CANCEL


@pytest.mark.parametrize(
    ("field", "text", "value"),
    [
        ({"type": "integer"}, "42", 42),
        ({"type": "number"}, "2.5", 2.5),
        ({"type": "boolean"}, "yes", True),
        ({"type": "string", "enum": ["a", "b"]}, "b", "b"),
        ({"type": "string"}, "free text", "free text"),
    ],
)
def test_typed_values_are_converted(field: dict[str, object], text: str, value: object) -> None:
    assert parse_answer(field, text) == value


@pytest.mark.parametrize(
    ("field", "text"), [({"type": "integer"}, "4.5"), ({"type": "boolean"}, "maybe"), ({"type": "number"}, "x")]
)
def test_values_that_do_not_fit_are_refused(field: dict[str, object], text: str) -> None:
    with pytest.raises(ValueError):
        parse_answer(field, text)
