"""The JSON Lines audit log: one JSON object a line, rotation by size, threads that never interleave a line, and a
full or read-only disk that never stops the caller."""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.support.small_disk import fill, remount_read_only, tiny_filesystem
from vector_desktop.domain.tool_policy import AuditRecord, DecisionKind
from vector_desktop.services.tool_policy.audit import AuditLog

START = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)


def record(number: int, *, payload: str = "", origin: str = "conversation-1") -> AuditRecord:
    return AuditRecord(
        time=START + timedelta(seconds=number),
        origin=origin,
        qualified_name="jira__create_issue",
        tool_name="create_issue",
        connector_key="merge:jira",
        arguments={"input": {"project": "X", "n": number, "text": payload}},
        decision=DecisionKind.GRANTED.value,
        allowed_by="grant #4 (this conversation)",
        grant_id=4,
        status="succeeded",
        duration_ms=12,
        action_id=number,
        extra={"number": number},
    )


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_each_record_is_one_line_of_json_with_iso_times(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "data" / "tool-audit.jsonl")
    audit.write(record(1, payload="naïve “quotes”\nand a newline"))
    odd = AuditRecord(START, "cli", "a__b", "b", "mcp:1", {"when": START, "raw": b"\x00"}, DecisionKind.AUTO.value)
    audit.write(odd)
    first, second = lines(audit.path)
    assert datetime.fromisoformat(first["time"]) == START + timedelta(seconds=1)
    assert first["arguments"] == {"input": {"project": "X", "n": 1, "text": "naïve “quotes”\nand a newline"}}
    assert (first["decision"], first["allowed_by"], first["grant_id"], first["rule_id"]) == (
        "granted",
        "grant #4 (this conversation)",
        4,
        None,
    )
    assert (first["origin"], first["status"], first["duration_ms"], first["extra"]) == (
        "conversation-1",
        "succeeded",
        12,
        {"number": 1},
    )
    assert second["arguments"] == {"when": START.isoformat(), "raw": "b'\\x00'"}  # written as text, not lost
    assert audit.read_recent(10) == [first, second]
    assert (audit.path.stat().st_mode & 0o777) == 0o600


def test_rotation_keeps_n_backups_and_the_newest_lines(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "tool-audit.jsonl", max_bytes=2_000, backups=2)
    for number in range(60):
        audit.write(record(number))
    files = [audit.path, audit.path.with_name("tool-audit.jsonl.1"), audit.path.with_name("tool-audit.jsonl.2")]
    assert all(f.exists() and f.stat().st_size <= 2_000 for f in files)
    assert not audit.path.with_name("tool-audit.jsonl.3").exists()
    kept = [line["extra"]["number"] for f in reversed(files) for line in lines(f)]
    assert kept == list(range(60 - len(kept), 60))  # the newest, in order, without a gap
    recent = audit.read_recent(5)
    assert [r["extra"]["number"] for r in recent] == [55, 56, 57, 58, 59]
    assert [r["extra"]["number"] for r in audit.read_recent(1000)] == kept


def test_no_backups_starts_the_file_afresh(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "tool-audit.jsonl", max_bytes=1_000, backups=0)
    for number in range(20):
        audit.write(record(number))
    assert [p.name for p in tmp_path.iterdir()] == ["tool-audit.jsonl"]
    assert lines(audit.path)[-1]["extra"]["number"] == 19


def test_read_recent_skips_a_damaged_line(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "tool-audit.jsonl")
    audit.write(record(1))
    with audit.path.open("a", encoding="utf-8") as handle:
        handle.write('{"cut in the midd\n')
    audit.write(record(2))
    assert [r["extra"]["number"] for r in audit.read_recent(10)] == [1, 2]
    assert AuditLog(tmp_path / "never-written.jsonl").read_recent(10) == []


@pytest.mark.parametrize("max_bytes", [50_000_000, 200_000], ids=["one-file", "rotating"])
def test_writers_on_many_threads_never_interleave_a_line(tmp_path: Path, max_bytes: int) -> None:
    audit = AuditLog(tmp_path / "tool-audit.jsonl", max_bytes=max_bytes, backups=100)
    threads_count, each = 6, 150
    start = threading.Barrier(threads_count)

    def writer(thread: int) -> None:
        start.wait()
        for number in range(each):
            audit.write(record(number, payload=str(thread) * (500 + 37 * number % 3000), origin=f"t{thread}"))

    threads = [threading.Thread(target=writer, args=(t,)) for t in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seen = []
    for file in tmp_path.iterdir():
        for line in lines(file):  # every line parses: no two writes were mixed
            origin, number = line["origin"], line["extra"]["number"]
            assert line["arguments"]["input"]["text"] == origin[1:] * (500 + 37 * number % 3000)
            seen.append((origin, number))
    assert sorted(seen) == sorted((f"t{t}", n) for t in range(threads_count) for n in range(each))


def test_a_full_disk_is_logged_once_and_never_raised(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with tiny_filesystem(tmp_path / "disk", 256) as disk:
        audit = AuditLog(disk / "tool-audit.jsonl")
        audit.write(record(0))
        fill(disk, leave_bytes=0)
        with caplog.at_level(logging.WARNING):
            for number in range(1, 30):
                audit.write(record(number, payload="x" * 3000))
        warnings = [r for r in caplog.records if "Cannot write the tool audit log" in r.getMessage()]
        assert len(warnings) == 1
        assert all(line["extra"]["number"] is not None for line in lines(audit.path))  # only whole lines
        (disk / "filler.bin").unlink()
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            audit.write(record(99))
        assert lines(audit.path)[-1]["extra"]["number"] == 99
        assert any("written again" in r.getMessage() for r in caplog.records)


def test_a_read_only_disk_is_tolerated(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with tiny_filesystem(tmp_path / "disk", 256) as disk:
        audit = AuditLog(disk / "tool-audit.jsonl")
        audit.write(record(0))
        remount_read_only(disk)
        with caplog.at_level(logging.WARNING):
            audit.write(record(1))
            audit.write(record(2))
        assert [r["extra"]["number"] for r in audit.read_recent(10)] == [0]
        assert sum("Cannot write the tool audit log" in r.getMessage() for r in caplog.records) == 1
