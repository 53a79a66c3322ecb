from __future__ import annotations

import pytest

from vector_desktop.domain.errors import JobError
from vector_desktop.jobs.registry import MAX_BACKOFF_S, TaskRegistry


def test_decorator_registers_a_named_task_that_stays_callable() -> None:
    tasks = TaskRegistry()

    @tasks.task("maths.add", timeout=5.0, retries=2, backoff=0.5, idempotent=True, title="Add numbers")
    def add(ctx: object, a: int, b: int) -> int:
        """Adds."""
        return a + b

    assert add.name == "maths.add"
    assert add(None, 2, 3) == 5
    assert add.__doc__ == "Adds."
    spec = tasks.get("maths.add")
    assert (spec.timeout, spec.retries, spec.backoff, spec.idempotent, spec.title) == (5.0, 2, 0.5, True, "Add numbers")
    assert "maths.add" in tasks
    assert tasks.names() == ["maths.add"]


def test_defaults_leave_the_timeout_to_the_pool() -> None:
    tasks = TaskRegistry()
    tasks.register("plain", lambda ctx: None)
    spec = tasks.get("plain")
    assert (spec.timeout, spec.retries, spec.backoff, spec.idempotent) == (None, 0, 2.0, False)


def test_registries_are_separate_instances() -> None:
    first, second = TaskRegistry(), TaskRegistry()
    first.register("only.here", lambda ctx: None)
    assert "only.here" not in second


def test_unknown_task_is_a_clear_error() -> None:
    with pytest.raises(JobError, match="no background task called 'nope'"):
        TaskRegistry().get("nope")


def test_one_name_cannot_mean_two_functions() -> None:
    tasks = TaskRegistry()

    def fn(ctx: object) -> None:
        return None

    tasks.register("dup", fn)
    tasks.register("dup", fn)  # registering the same function again is harmless
    with pytest.raises(JobError, match="Two different functions"):
        tasks.register("dup", lambda ctx: None)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"timeout": 0}, "timeout"), ({"retries": -1}, "retries"), ({"backoff": -1.0}, "backoff")],
)
def test_invalid_limits_are_refused(kwargs: dict, message: str) -> None:
    with pytest.raises(JobError, match=message):
        TaskRegistry().register("bad", lambda ctx: None, **kwargs)


def test_empty_name_is_refused() -> None:
    with pytest.raises(JobError, match="needs a name"):
        TaskRegistry().register("  ", lambda ctx: None)


def test_backoff_doubles_per_attempt_and_is_capped() -> None:
    spec = TaskRegistry().register("t", lambda ctx: None, retries=20, backoff=2.0).spec
    assert [spec.retry_delay(n) for n in (1, 2, 3, 4)] == [2.0, 4.0, 8.0, 16.0]
    assert spec.retry_delay(20) == MAX_BACKOFF_S
