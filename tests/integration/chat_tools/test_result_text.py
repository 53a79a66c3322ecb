"""The text a tool result becomes for the model (pure values: the results as the connectors read them)."""

from __future__ import annotations

import json

from vector_desktop.domain.tools import AuthRequest, ToolResult, ToolStatus
from vector_desktop.services.chat_tools.results import ResultCaps, images_for_model, text_for_model


def test_images_go_as_image_parts_and_embedded_resources_as_text_with_their_uri() -> None:
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
        "[An image (image/png, 300 bytes) is attached after these results.]",
        "[The resource file:///a.bin (application/zip, 3 bytes) was left out of this text.]",
    ]
    assert images_for_model(result) == ("data:image/png;base64," + "A" * 400,)


def test_images_beyond_the_caps_or_of_other_types_are_left_out_with_a_note() -> None:
    result = ToolResult(
        ToolStatus.SUCCEEDED,
        content=(
            {"type": "image", "data": "A" * 40, "mimeType": "image/png"},
            {"type": "image", "data": "B" * 40, "mimeType": "image/jpeg"},
            {"type": "image", "data": "C" * 400, "mimeType": "image/png"},
            {"type": "image", "data": "D" * 40, "mimeType": "image/tiff"},
            {"type": "audio", "data": "E" * 40, "mimeType": "audio/wav"},
        ),
    )
    caps = ResultCaps(max_images=1, max_image_bytes=100)
    assert images_for_model(result, caps) == ("data:image/png;base64," + "A" * 40,)
    assert text_for_model("t", result, caps).splitlines() == [
        "[An image (image/png, 30 bytes) is attached after these results.]",
        "[An image (image/jpeg, 30 bytes) was left out.]",
        "[An image (image/png, 300 bytes) was left out.]",
        "[An image (image/tiff, 30 bytes) was left out.]",
        "[An audio (audio/wav, 30 bytes) was left out.]",
    ]
    failed = ToolResult(ToolStatus.FAILED, content=result.content, error="boom")
    assert images_for_model(failed) == ()


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
