from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.support.jobs import WAIT_S, Recorder
from vector_desktop.domain.errors import JobCancelled, JobError
from vector_desktop.domain.jobs import JobContext, JobRecord, JobState
from vector_desktop.jobs.pool import INTERRUPTED_MESSAGE, RESTARTED_MESSAGE, JobPool
from vector_desktop.jobs.registry import TaskRegistry
from vector_desktop.store.job_repository import JobRepository


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds


@pytest.fixture
def repository(store) -> JobRepository:  # type: ignore[no-untyped-def]
    return JobRepository(store.sessions)


@pytest.fixture
def tasks() -> TaskRegistry:
    return TaskRegistry()


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Tasks that block on the gate are always released when the test ends."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def make_pool(
    tasks: TaskRegistry, repository: JobRepository, gate: threading.Event
) -> Iterator[Callable[..., JobPool]]:
    pools: list[tuple[JobPool, Recorder]] = []

    def make(**kwargs: Any) -> JobPool:
        pool = JobPool(tasks, repository, **kwargs)
        recorder = Recorder()
        pool.add_listener(recorder)
        pool.recorder = recorder  # type: ignore[attr-defined]
        pools.append((pool, recorder))
        return pool

    yield make
    gate.set()
    for pool, _ in pools:
        pool.shutdown(wait_seconds=5.0)


def rec(pool: JobPool) -> Recorder:
    return pool.recorder  # type: ignore[attr-defined,no-any-return]


def stored(pool: JobPool, repository: JobRepository, job_id: str) -> JobRecord:
    assert pool.flush(WAIT_S)
    record = repository.get(job_id)
    assert record is not None
    return record


# --------------------------------------------------------------------------------------------------- basic run
def test_submitted_job_runs_and_its_result_is_persisted(tasks, make_pool, repository) -> None:  # type: ignore[no-untyped-def]
    @tasks.task("maths.add", title="Add")
    def add(ctx: JobContext, a: int, b: int, *, scale: int = 1) -> dict:
        return {"sum": (a + b) * scale, "job": ctx.job_id}

    pool = make_pool()
    job_id = pool.apply_async("maths.add", (2, 3), {"scale": 10})
    final = rec(pool).wait_finished(job_id)
    assert final.state is JobState.SUCCEEDED
    assert final.result == {"sum": 50, "job": job_id}
    assert [s.state for s in rec(pool).of(job_id)] == [JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED]

    row = stored(pool, repository, job_id)
    assert row.state is JobState.SUCCEEDED
    assert row.result == {"sum": 50, "job": job_id}
    assert row.title == "Add"
    assert (row.args, row.kwargs, row.attempts, row.progress) == ([2, 3], {"scale": 10}, 1, 1.0)
    assert row.created_at and row.started_at and row.finished_at
    assert row.created_at <= row.started_at <= row.finished_at
    assert row.timeout_s == 1800.0
    assert pool.get(job_id) == final


def test_delay_passes_json_values_like_a_worker_would_receive_them(tasks, make_pool) -> None:  # type: ignore[no-untyped-def]
    seen: list[Any] = []

    @tasks.task("echo")
    def echo(ctx: JobContext, *args: Any, **kwargs: Any) -> None:
        seen.append((args, kwargs))

    pool = make_pool()
    job_id = pool.delay("echo", (1, 2), {"k": (3,)}, flag=None)
    assert rec(pool).wait_finished(job_id).state is JobState.SUCCEEDED
    assert seen == [(([1, 2], {"k": [3]}), {"flag": None})]


def test_progress_reaches_the_listener(tasks, make_pool, repository, gate) -> None:  # type: ignore[no-untyped-def]
    @tasks.task("slow.count")
    def count(ctx: JobContext) -> int:
        for step in range(1, 5):
            ctx.progress(step / 4, f"step {step} of 4")
        gate.wait(WAIT_S)
        return 4

    pool = make_pool()
    job_id = pool.delay("slow.count")
    # Throttled to ~10/s, but the latest value always arrives.
    snap = rec(pool).wait(job_id, lambda s: s.progress == 1.0 and s.state is JobState.RUNNING)
    assert snap.progress_text == "step 4 of 4"
    assert stored(pool, repository, job_id).progress_text == "step 4 of 4"
    gate.set()
    assert rec(pool).wait_finished(job_id).state is JobState.SUCCEEDED
    progress = [s.progress for s in rec(pool).of(job_id) if s.state is JobState.RUNNING]
    assert progress == sorted(progress)


# ---------------------------------------------------------------------------------------------- submit errors
@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((b"raw",), None, "argument 1 is a bytes"),
        ((1, {2, 3}), None, "argument 2 is a set"),
        ((), {"when": object()}, "keyword argument 'when' is a object"),
        ((float("nan"),), None, "argument 1 is a float"),
        ("abc", None, "must be a list"),
    ],
)
def test_non_json_arguments_are_refused_at_submit(tasks, make_pool, repository, args, kwargs, message) -> None:  # type: ignore[no-untyped-def]
    tasks.register("t", lambda ctx, *a, **k: None)
    pool = make_pool()
    with pytest.raises(JobError, match=message):
        pool.apply_async("t", args, kwargs)
    assert pool.flush(WAIT_S)
    assert repository.list_recent() == []
    assert rec(pool).snapshots == []


def test_unknown_task_name_is_refused(make_pool) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(JobError, match="no background task called 'ghost'"):
        make_pool().delay("ghost")


def test_result_that_is_not_json_fails_the_job(tasks, make_pool) -> None:  # type: ignore[no-untyped-def]
    tasks.register("bad.result", lambda ctx: {1, 2}, retries=3, backoff=0.0)
    pool = make_pool()
    final = rec(pool).wait_finished(pool.delay("bad.result"))
    assert final.state is JobState.FAILED
    assert "cannot be saved as JSON" in final.error
    assert final.attempts == 1


# ----------------------------------------------------------------------------------------------------- cancel
def test_cancel_is_cooperative_and_ends_cancelled(tasks, make_pool, repository) -> None:  # type: ignore[no-untyped-def]
    @tasks.task("forever", retries=2)
    def forever(ctx: JobContext) -> None:
        while True:
            ctx.sleep(5.0)

    pool = make_pool()
    job_id = pool.delay("forever")
    rec(pool).wait_state(job_id, JobState.RUNNING)
    pool.cancel(job_id)
    final = rec(pool).wait_finished(job_id)
    assert final.state is JobState.CANCELLED
    assert final.attempts == 1  # no retry after cancel
    assert any(s.cancel_requested and s.state is JobState.RUNNING for s in rec(pool).of(job_id))
    assert stored(pool, repository, job_id).state is JobState.CANCELLED


def test_cancelling_a_queued_job_means_it_never_runs(tasks, make_pool, gate) -> None:  # type: ignore[no-untyped-def]
    ran: list[str] = []
    tasks.register("block", lambda ctx: gate.wait(WAIT_S) and None)
    tasks.register("mark", lambda ctx: ran.append("ran"))
    pool = make_pool(workers=1)
    blocker = pool.delay("block")
    waiting = pool.delay("mark")
    rec(pool).wait_state(blocker, JobState.RUNNING)
    assert pool.get(waiting).state is JobState.QUEUED  # type: ignore[union-attr]
    pool.cancel(waiting)
    assert rec(pool).wait_finished(waiting).state is JobState.CANCELLED
    gate.set()
    rec(pool).wait_finished(blocker)
    after = pool.delay("mark")
    rec(pool).wait_finished(after)
    assert ran == ["ran"]  # only the job submitted after; the cancelled one never started


def test_a_task_that_ignores_cancel_but_then_fails_counts_as_cancelled(tasks, make_pool, gate) -> None:  # type: ignore[no-untyped-def]
    def stubborn(ctx: JobContext) -> None:
        gate.wait(WAIT_S)
        raise OSError("connection closed")

    tasks.register("stubborn", stubborn, retries=3)
    pool = make_pool()
    job_id = pool.delay("stubborn")
    rec(pool).wait_state(job_id, JobState.RUNNING)
    pool.cancel(job_id)
    gate.set()
    assert rec(pool).wait_finished(job_id).state is JobState.CANCELLED


# ---------------------------------------------------------------------------------------------------- timeout
def test_timeout_ends_a_cooperative_task_timed_out(tasks, make_pool, repository) -> None:  # type: ignore[no-untyped-def]
    @tasks.task("sleepy", timeout=0.3, retries=2)
    def sleepy(ctx: JobContext) -> None:
        while True:
            ctx.sleep(10.0)

    pool = make_pool()
    job_id = pool.delay("sleepy")
    final = rec(pool).wait_finished(job_id)
    assert final.state is JobState.TIMED_OUT
    assert "time limit of 0.3 s" in final.error
    assert final.attempts == 1  # no retry after a timeout
    assert stored(pool, repository, job_id).state is JobState.TIMED_OUT


def test_watchdog_times_out_a_task_that_ignores_its_deadline(tasks, make_pool, repository, gate) -> None:  # type: ignore[no-untyped-def]
    tasks.register("deaf", lambda ctx: gate.wait(WAIT_S) and "late result", timeout=0.3)
    tasks.register("next", lambda ctx: "ran")
    pool = make_pool(workers=1)
    job_id = pool.delay("deaf")
    following = pool.delay("next")
    final = rec(pool).wait_finished(job_id)
    assert final.state is JobState.TIMED_OUT
    # The stuck thread gave its slot back: the next job runs while it still lingers.
    assert rec(pool).wait_finished(following).state is JobState.SUCCEEDED
    assert not gate.is_set()
    gate.set()
    assert pool.flush(WAIT_S)
    row = stored(pool, repository, job_id)
    assert row.state is JobState.TIMED_OUT and row.result is None  # the late result changes nothing


def test_a_task_polling_only_cancelled_also_stops_at_its_deadline(tasks, make_pool) -> None:  # type: ignore[no-untyped-def]
    stopped = threading.Event()

    def polls(ctx: JobContext) -> None:
        try:
            while not ctx.cancelled:
                threading.Event().wait(0.01)
            raise JobCancelled("stopped")
        finally:
            stopped.set()

    tasks.register("polls", polls, timeout=0.3)
    pool = make_pool()
    final = rec(pool).wait_finished(pool.delay("polls"))
    assert final.state is JobState.TIMED_OUT
    assert stopped.wait(WAIT_S)  # the task saw the deadline through `cancelled` and ended


def test_default_timeout_comes_from_the_pool(tasks, make_pool, repository) -> None:  # type: ignore[no-untyped-def]
    tasks.register("quick", lambda ctx: None)
    pool = make_pool(default_timeout=42.0)
    job_id = pool.delay("quick")
    rec(pool).wait_finished(job_id)
    assert stored(pool, repository, job_id).timeout_s == 42.0


# ---------------------------------------------------------------------------------------------------- retries
def test_transient_failures_are_retried_until_success(tasks, make_pool, repository) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []

    @tasks.task("flaky", retries=3, backoff=0.01)
    def flaky(ctx: JobContext) -> str:
        calls.append(1)
        if len(calls) < 3:
            raise ConnectionError(f"try {len(calls)} failed")
        return "ok"

    pool = make_pool()
    job_id = pool.delay("flaky")
    final = rec(pool).wait_finished(job_id)
    assert (final.state, final.result, final.attempts, final.error) == (JobState.SUCCEEDED, "ok", 3, "")
    waits = [s for s in rec(pool).of(job_id) if s.state is JobState.QUEUED and s.error]
    assert [s.error for s in waits] == ["ConnectionError: try 1 failed", "ConnectionError: try 2 failed"]
    assert "trying again in 0.01 s" in waits[0].progress_text
    assert "trying again in 0.02 s" in waits[1].progress_text  # backoff doubles
    assert stored(pool, repository, job_id).attempts == 3


def test_retries_run_out_and_the_job_fails_with_the_last_error(tasks, make_pool, repository) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []

    def broken(ctx: JobContext) -> None:
        calls.append(1)
        raise ValueError(f"bad input {len(calls)}")

    tasks.register("broken", broken, retries=2, backoff=0.01)
    pool = make_pool()
    job_id = pool.delay("broken")
    final = rec(pool).wait_finished(job_id)
    assert (final.state, final.attempts, final.error) == (JobState.FAILED, 3, "ValueError: bad input 3")
    row = stored(pool, repository, job_id)
    assert (row.state, row.error, row.max_retries) == (JobState.FAILED, "ValueError: bad input 3", 2)
    assert len(calls) == 3


def test_retry_waits_for_the_backoff_on_the_pool_clock(tasks, make_pool) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []

    def once_broken(ctx: JobContext) -> str:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("first try fails")
        return "second try"

    tasks.register("once", once_broken, retries=1, backoff=300.0)
    clock = FakeClock()
    pool = make_pool(clock=clock)
    job_id = pool.delay("once")
    waiting = rec(pool).wait(job_id, lambda s: s.state is JobState.QUEUED and bool(s.error))
    assert "trying again in 5 min" in waiting.progress_text
    assert len(calls) == 1
    clock.advance(300.0)
    assert rec(pool).wait_finished(job_id).result == "second try"


def test_cancel_during_backoff_ends_cancelled(tasks, make_pool) -> None:  # type: ignore[no-untyped-def]
    tasks.register("fails", lambda ctx: 1 / 0, retries=5, backoff=600.0)
    pool = make_pool()
    job_id = pool.delay("fails")
    rec(pool).wait(job_id, lambda s: s.state is JobState.QUEUED and "ZeroDivisionError" in s.error)
    pool.cancel(job_id)
    final = rec(pool).wait_finished(job_id)
    assert (final.state, final.attempts) == (JobState.CANCELLED, 1)


# ------------------------------------------------------------------------------------------- retry / history
def test_retry_runs_a_finished_job_again_as_a_new_job(tasks, make_pool, repository) -> None:  # type: ignore[no-untyped-def]
    outcomes = iter([ValueError("first run fails"), None])

    def sometimes(ctx: JobContext, name: str) -> str:
        problem = next(outcomes)
        if problem:
            raise problem
        return f"hello {name}"

    tasks.register("greet", sometimes)
    pool = make_pool()
    first = pool.delay("greet", "Ada")
    assert rec(pool).wait_finished(first).state is JobState.FAILED
    second = pool.retry(first)
    assert second != first
    assert rec(pool).wait_finished(second).result == "hello Ada"
    assert pool.get(first).state is JobState.FAILED  # type: ignore[union-attr]


def test_retry_of_an_unfinished_job_is_refused(tasks, make_pool, gate) -> None:  # type: ignore[no-untyped-def]
    tasks.register("block", lambda ctx: gate.wait(WAIT_S) and None)
    pool = make_pool()
    job_id = pool.delay("block")
    with pytest.raises(JobError, match="has not finished"):
        pool.retry(job_id)
    with pytest.raises(JobError, match="no longer exists"):
        pool.retry("00000000-0000-0000-0000-000000000000")


def test_retry_and_history_reach_jobs_of_an_earlier_session(tasks, make_pool, repository) -> None:  # type: ignore[no-untyped-def]
    tasks.register("greet", lambda ctx, name: f"hi {name}")
    repository.insert(JobRecord(id="old-job", task_name="greet", state=JobState.FAILED, args=["Bo"], title="Greet"))
    pool = make_pool()
    assert pool.get("old-job").state is JobState.FAILED  # type: ignore[union-attr]
    new_id = pool.retry("old-job")
    assert rec(pool).wait_finished(new_id).result == "hi Bo"
    recent = pool.list_recent()
    assert [s.id for s in recent][:1] == [new_id]
    assert {s.id for s in recent} == {new_id, "old-job"}


def test_delete_finished_keeps_running_jobs(tasks, make_pool, repository, gate) -> None:  # type: ignore[no-untyped-def]
    tasks.register("quick", lambda ctx: 1)
    tasks.register("block", lambda ctx: gate.wait(WAIT_S) and None)
    pool = make_pool()
    done = pool.delay("quick")
    rec(pool).wait_finished(done)
    running = pool.delay("block")
    rec(pool).wait_state(running, JobState.RUNNING)
    assert pool.delete_finished() == 1
    assert [s.id for s in pool.list_recent()] == [running]
    assert repository.get(done) is None


def test_workers_limit_how_many_jobs_run_at_once(tasks, make_pool, gate) -> None:  # type: ignore[no-untyped-def]
    tasks.register("block", lambda ctx: gate.wait(WAIT_S) and None)
    pool = make_pool(workers=2)
    ids = [pool.delay("block") for _ in range(3)]
    for job_id in ids[:2]:
        rec(pool).wait_state(job_id, JobState.RUNNING)
    assert pool.get(ids[2]).state is JobState.QUEUED  # type: ignore[union-attr]
    assert pool.active_count() == 3
    gate.set()
    assert all(rec(pool).wait_finished(job_id).state is JobState.SUCCEEDED for job_id in ids)


def test_a_failing_listener_does_not_break_the_pool(tasks, make_pool, caplog) -> None:  # type: ignore[no-untyped-def]
    tasks.register("quick", lambda ctx: 1)
    pool = make_pool()

    def bad_listener(snapshot: object) -> None:
        raise RuntimeError("listener bug")

    pool.add_listener(bad_listener)
    assert rec(pool).wait_finished(pool.delay("quick")).state is JobState.SUCCEEDED
    pool.remove_listener(bad_listener)
    assert "job listener failed" in caplog.text


# ----------------------------------------------------------------------------------------- crash and shutdown
def test_recover_marks_leftovers_interrupted_and_reruns_idempotent_ones(tasks, make_pool, repository) -> None:  # type: ignore[no-untyped-def]
    runs: list[str] = []
    tasks.register("sync", lambda ctx, bucket: runs.append(bucket) or bucket, idempotent=True)
    tasks.register("send.mail", lambda ctx, to: runs.append(to), idempotent=False)
    repository.save_many(
        [
            JobRecord(
                id="sync-1",
                task_name="sync",
                state=JobState.RUNNING,
                args=["photos"],
                idempotent=True,
                title="Sync photos",
                attempts=1,
            ),
            JobRecord(id="mail-1", task_name="send.mail", state=JobState.RUNNING, args=["a@b.c"]),
            JobRecord(id="gone-1", task_name="removed.task", state=JobState.QUEUED, idempotent=True),
            JobRecord(id="done-1", task_name="sync", state=JobState.SUCCEEDED, args=["x"], idempotent=True),
        ]
    )
    pool = make_pool()
    report = pool.recover()
    assert sorted(report.interrupted) == ["gone-1", "mail-1", "sync-1"]
    assert list(report.requeued) == ["sync-1"]
    new_id = report.requeued["sync-1"]
    final = rec(pool).wait_finished(new_id)
    assert (final.state, final.result, final.title) == (JobState.SUCCEEDED, "photos", "Sync photos")
    assert runs == ["photos"]  # the mail was not sent twice
    pool.flush(WAIT_S)
    rows = {r.id: r for r in repository.list_recent()}
    assert rows["mail-1"].state is JobState.INTERRUPTED and rows["mail-1"].error == INTERRUPTED_MESSAGE
    assert rows["sync-1"].state is JobState.INTERRUPTED and rows["sync-1"].error == RESTARTED_MESSAGE
    assert rows["gone-1"].state is JobState.INTERRUPTED
    assert rows["done-1"].state is JobState.SUCCEEDED
    assert {s.id for s in rec(pool).snapshots} >= {"mail-1", "sync-1", "gone-1", new_id}
    assert pool.recover().interrupted == []  # the restarted job of this session is left alone


def test_shutdown_is_bounded_and_the_next_start_recovers(tasks, make_pool, repository, gate) -> None:  # type: ignore[no-untyped-def]
    def deaf(ctx: JobContext) -> None:
        gate.wait(WAIT_S)  # ignores cancel

    def polite(ctx: JobContext) -> None:
        while True:
            ctx.sleep(5.0)

    tasks.register("deaf", deaf)
    tasks.register("polite", polite, idempotent=True)
    pool = make_pool(workers=2)
    stuck = pool.delay("deaf")
    cooperative = pool.delay("polite")
    queued = pool.delay("polite")
    rec(pool).wait_state(stuck, JobState.RUNNING)
    rec(pool).wait_state(cooperative, JobState.RUNNING)

    assert pool.shutdown(wait_seconds=0.2) is False  # returns although `deaf` is still blocked
    assert not gate.is_set()
    with pytest.raises(JobError, match="closing"):
        pool.delay("polite")
    states = {r.id: r.state for r in repository.list_recent()}
    assert states == {stuck: JobState.RUNNING, cooperative: JobState.RUNNING, queued: JobState.QUEUED}
    gate.set()

    # Next start: like after a crash.
    tasks.register("polite", polite, idempotent=True)
    next_pool = make_pool(default_timeout=0.5)
    report = next_pool.recover()
    assert sorted(report.interrupted) == sorted([stuck, cooperative, queued])
    assert sorted(report.requeued) == sorted([cooperative, queued])
    for new_id in report.requeued.values():
        next_pool.cancel(new_id)
        assert rec(next_pool).wait_finished(new_id).state is JobState.CANCELLED


def test_shutdown_waits_for_cooperative_jobs(tasks, make_pool) -> None:  # type: ignore[no-untyped-def]
    def polite(ctx: JobContext) -> None:
        while True:
            ctx.sleep(5.0)

    tasks.register("polite", polite)
    pool = make_pool()
    job_id = pool.delay("polite")
    rec(pool).wait_state(job_id, JobState.RUNNING)
    assert pool.shutdown(wait_seconds=WAIT_S) is True
    assert pool.shutdown() is True  # a second call is harmless
