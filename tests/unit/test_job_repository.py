from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from vector_desktop.domain.jobs import JobRecord, JobState
from vector_desktop.store.job_repository import JobRepository


def _record(job_id: str, state: JobState = JobState.QUEUED, *, minutes_ago: int = 0, **changes: object) -> JobRecord:
    created = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    values: dict = {
        "id": job_id,
        "task_name": "demo.task",
        "state": state,
        "title": f"Job {job_id}",
        "args": [1, "two", [3]],
        "kwargs": {"flag": True},
        "created_at": created,
    }
    if state.finished:
        values["finished_at"] = created + timedelta(seconds=5)
    values.update(changes)
    return JobRecord(**values)


def test_insert_and_get_round_trip(store) -> None:  # type: ignore[no-untyped-def]
    repo = JobRepository(store.sessions)
    started = datetime(2026, 1, 2, 3, 4, 5, 600000, tzinfo=UTC)
    record = _record(
        "a",
        JobState.SUCCEEDED,
        result={"count": 3, "names": ["x"]},
        attempts=2,
        max_retries=3,
        timeout_s=12.5,
        idempotent=True,
        started_at=started,
        progress=1.0,
        progress_text="done",
    )
    repo.insert(record)
    loaded = repo.get("a")
    assert loaded == record
    assert loaded is not None and loaded.started_at == started and loaded.started_at.tzinfo is not None
    assert repo.get("missing") is None


def test_rows_land_in_the_sqlite_file_as_json(store) -> None:  # type: ignore[no-untyped-def]
    JobRepository(store.sessions).insert(_record("a", JobState.FAILED, error="It broke."))
    with sqlite3.connect(store.path) as raw:
        row = raw.execute("SELECT task_name, state, args_json, kwargs_json, error FROM jobs").fetchone()
    assert row == ("demo.task", "failed", '[1, "two", [3]]', '{"flag": true}', "It broke.")


def test_save_many_inserts_and_updates(store) -> None:  # type: ignore[no-untyped-def]
    repo = JobRepository(store.sessions)
    repo.insert(_record("a"))
    repo.save_many([_record("a", JobState.RUNNING, progress=0.5), _record("b")])
    repo.update(_record("b", JobState.CANCELLED))
    a, b = repo.get("a"), repo.get("b")
    assert a is not None and (a.state, a.progress) == (JobState.RUNNING, 0.5)
    assert b is not None and b.state is JobState.CANCELLED


def test_list_recent_is_newest_first_and_limited(store) -> None:  # type: ignore[no-untyped-def]
    repo = JobRepository(store.sessions)
    repo.save_many([_record("old", minutes_ago=30), _record("new", minutes_ago=1), _record("mid", minutes_ago=10)])
    assert [r.id for r in repo.list_recent()] == ["new", "mid", "old"]
    assert [r.id for r in repo.list_recent(limit=2)] == ["new", "mid"]


def test_mark_interrupted_touches_only_unfinished_rows_not_excluded(store) -> None:  # type: ignore[no-untyped-def]
    repo = JobRepository(store.sessions)
    repo.save_many(
        [
            _record("run", JobState.RUNNING),
            _record("wait", JobState.QUEUED),
            _record("mine", JobState.RUNNING),
            _record("done", JobState.SUCCEEDED),
        ]
    )
    changed = repo.mark_interrupted("The app stopped.", exclude=["mine"])
    assert sorted(r.id for r in changed) == ["run", "wait"]
    assert all(r.state is JobState.INTERRUPTED and r.error == "The app stopped." for r in changed)
    states = {r.id: r.state for r in repo.list_recent()}
    assert states == {
        "run": JobState.INTERRUPTED,
        "wait": JobState.INTERRUPTED,
        "mine": JobState.RUNNING,
        "done": JobState.SUCCEEDED,
    }
    run = repo.get("run")
    assert run is not None and run.finished_at is not None
    assert repo.mark_interrupted("again", exclude=["mine"]) == []


def test_delete_finished_keeps_unfinished_and_respects_cutoff(store) -> None:  # type: ignore[no-untyped-def]
    repo = JobRepository(store.sessions)
    repo.save_many(
        [
            _record("old-fail", JobState.FAILED, minutes_ago=60),
            _record("new-ok", JobState.SUCCEEDED, minutes_ago=1),
            _record("running", JobState.RUNNING, minutes_ago=90),
        ]
    )
    assert repo.delete_finished(older_than=datetime.now(UTC) - timedelta(minutes=30)) == 1
    assert sorted(r.id for r in repo.list_recent()) == ["new-ok", "running"]
    assert repo.delete_finished() == 1
    assert [r.id for r in repo.list_recent()] == ["running"]
    repo.delete("running")
    assert repo.list_recent() == []
