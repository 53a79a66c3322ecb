"""The text a tool result becomes for the model (pure values: the results as the connectors read them)."""

from __future__ import annotations

import json

from vector_desktop.domain.tools import AuthRequest, ToolResult, ToolStatus
from vector_desktop.services.chat_tools.results import ResultCaps, text_for_model


def test_images_become_a_note_and_embedded_resources_text_with_their_uri() -> None:
    result = ToolResult(
        ToolStatus.SUCCEEDED,
        content=(
            {"type": "text", "text": "Here is the chart."},
            {"type": "image", "data": "A" * 400, "mimeType": "image/png"},
            {"type": "resource", "resource": {"uri": "file:///notes.md", "text": "# Notes"}},
            {"type": "resource", "resource": {"uri": "file:///a.bin", "blob": "AAAA", "mimeType": "application/zip"}},
            {"type": "resource_link", "uri": "https://example.com/doc", "name": "Doc"},
        ),
    )
    assert text_for_model("t", result).splitlines() == [
        "Here is the chart.",
        "Resource file:///notes.md:",
        "# Notes",
        "Link to the resource https://example.com/doc (Doc)",
        "[An image (image/png, 300 bytes) was left out of this text.]",
        "[The resource file:///a.bin (application/zip, 3 bytes) was left out of this text.]",
    ]


def test_rows_and_bytes_are_capped_and_the_text_says_how_much_was_cut() -> None:
    rows = [{"id": n, "title": f"Issue {n}"} for n in range(10)]
    text = text_for_model("t", ToolResult(ToolStatus.SUCCEEDED, structured=rows), ResultCaps(max_rows=3))
    body, note = text.rsplit("\n", 1)
    assert [r["id"] for r in json.loads(body)] == [0, 1, 2] and note == "The result was cut: 7 more rows left out."
    small = text_for_model("t", ToolResult(ToolStatus.SUCCEEDED, structured=rows), ResultCaps(max_bytes=80))
    body, note = small.rsplit("\n", 1)
    assert len(body.encode()) <= 80 and json.loads(body) and note.endswith("more rows left out.")
    long_text = text_for_model("t", ToolResult(ToolStatus.SUCCEEDED, text="é" * 100), ResultCaps(max_bytes=51))
    assert long_text == "é" * 25 + "\nThe result was cut: 150 more bytes left out."


def test_failures_and_sign_in_requests_are_sentences() -> None:
    failed = ToolResult(ToolStatus.FAILED, text="boom", is_error=True, error="Tools reported an error: boom")
    assert text_for_model("x__y", failed) == "The tool x__y failed: Tools reported an error: boom"
    auth = AuthRequest("linear", "Please connect Linear.", magic_link_url="https://ah.example/link")
    needs = ToolResult(ToolStatus.NEEDS_AUTH, error="Please connect Linear.", auth=auth)
    assert text_for_model("x__y", needs) == (
        "The tool x__y could not run: Please connect Linear. Connect it here: https://ah.example/link"
    )
