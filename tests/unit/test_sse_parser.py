"""The SSE parser against the WHATWG rules and OpenRouter's framing, fed in every possible way."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vector_desktop.ai.sse import SSEDecoder, SSEEvent, SSEProtocolError


def parse(*chunks: bytes) -> list[SSEEvent]:
    decoder = SSEDecoder()
    events: list[SSEEvent] = []
    for piece in chunks:
        events.extend(decoder.feed(piece))
    events.extend(decoder.close())
    return events


def datas(events: list[SSEEvent]) -> list[str]:
    return [e.data for e in events]


def test_openrouter_stream_with_comments_usage_and_done() -> None:
    stream = (
        b": OPENROUTER PROCESSING\n\n"
        b'data: {"choices":[{"delta":{"content":"Hi"}}]}\n\n'
        b": OPENROUTER PROCESSING\n\n"
        b'data: {"choices":[],"usage":{"cost":0.1}}\n\n'
        b"data: [DONE]\n\n"
    )
    assert datas(parse(stream)) == [
        '{"choices":[{"delta":{"content":"Hi"}}]}',
        '{"choices":[],"usage":{"cost":0.1}}',
        "[DONE]",
    ]


@pytest.mark.parametrize("eol", [b"\n", b"\r\n", b"\r"])
def test_every_line_ending(eol: bytes) -> None:
    stream = b"data: one" + eol + eol + b"event: ping" + eol + b"data: two" + eol + eol
    events = parse(stream)
    assert [(e.event, e.data) for e in events] == [("message", "one"), ("ping", "two")]


def test_crlf_split_between_chunks_is_one_line_ending() -> None:
    assert datas(parse(b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n")) == ["a\nb"]


def test_multi_line_data_is_joined_with_newlines() -> None:
    assert datas(parse(b'data: {"a":\ndata: 1}\n\n')) == ['{"a":\n1}']


def test_field_parsing_rules() -> None:
    events = parse(
        b"data\n\n"  # a field name alone: empty value -> event with empty data
        b"data:no-space\n\n"
        b"data:  two spaces\n\n"  # only one leading space is removed
        b"id: 7\ndata: x\n\n"
        b"retry: 1500\ndata: y\n\n"
        b"retry: soon\nunknown: z\n\n"  # ignored: bad retry, unknown field, no data -> nothing dispatched
        b"event: only-event\n\n"
    )
    assert [e.data for e in events] == ["", "no-space", " two spaces", "x", "y"]
    assert events[3].id == "7" and events[4].id == "7"
    assert events[4].retry == 1500


def test_id_with_null_is_ignored() -> None:
    events = parse(b"id: 1\ndata: a\n\nid: 2\x003\ndata: b\n\n")
    assert [e.id for e in events] == ["1", "1"]


def test_utf8_code_point_split_across_chunks() -> None:
    payload = "data: héllo → 世界 🎉\n\n".encode()
    for cut in range(1, len(payload)):
        assert datas(parse(payload[:cut], payload[cut:])) == ["héllo → 世界 🎉"]


def test_bom_is_stripped_only_at_start_even_when_split() -> None:
    bom = "\ufeff".encode()
    assert datas(parse(bom[:1], bom[1:] + b"data: a\n\n")) == ["a"]
    # A BOM later in the stream is content, not a marker.
    assert datas(parse(b"data: a\n\n" + bom + b"data: b\n\n")) == ["a"]


def test_invalid_utf8_becomes_replacement_character() -> None:
    assert datas(parse(b"data: \xff\xfe ok\n\n")) == ["\ufffd\ufffd ok"]


def test_incomplete_event_at_end_is_discarded() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: complete\n\ndata: half") == [SSEEvent("complete")]
    assert decoder.close() == []
    assert decoder.discarded_incomplete


def test_oversized_line_is_a_documented_error() -> None:
    decoder = SSEDecoder(max_line_chars=16)
    with pytest.raises(SSEProtocolError):
        decoder.feed(b"data: " + b"x" * 64)


# ---- property tests ---------------------------------------------------------------------------------------------

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"), max_size=20)
_field_line = st.one_of(
    _text.map(lambda t: f"data: {t}"),
    _text.map(lambda t: f"data:{t}"),
    _text.map(lambda t: f": {t}"),
    st.just("data"),
    _text.filter(lambda t: ":" not in t).map(lambda t: f"event: {t}"),
    _text.map(lambda t: f"id: {t}"),
    st.sampled_from(["retry: 100", "retry: x", "unknown: 1", ""]),
)


@st.composite
def valid_streams(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(_field_line, max_size=25))
    eols = draw(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=len(lines) + 1, max_size=len(lines) + 1))
    body = "".join(line + eol for line, eol in zip(lines, eols, strict=False)) + "\n"
    bom = "\ufeff" if draw(st.booleans()) else ""
    return (bom + body).encode()


@st.composite
def splits(draw: st.DrawFn, data: bytes) -> list[bytes]:
    cuts = sorted(draw(st.sets(st.integers(0, len(data)), max_size=12)))
    edges = [0, *cuts, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(edges)]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_split_of_a_valid_stream_yields_the_same_events(data: st.DataObject) -> None:
    stream = data.draw(valid_streams())
    whole = parse(stream)
    pieces = data.draw(splits(stream))
    assert parse(*pieces) == whole
    assert parse(*[bytes([b]) for b in stream]) == whole


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(max_size=64), max_size=20))
def test_random_garbage_raises_nothing_undocumented(chunks: list[bytes]) -> None:
    decoder = SSEDecoder(max_line_chars=256)
    try:
        for piece in chunks:
            for event in decoder.feed(piece):
                assert isinstance(event.data, str)
        decoder.close()
    except SSEProtocolError:
        pass
