"""Task arguments checked like Celery's JSON serializer, the same for both job backends."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from vector_desktop.domain.errors import JobError


def json_payload(name: str, args: Sequence[Any], kwargs: Mapping[str, Any] | None) -> tuple[list[Any], dict[str, Any]]:
    """Validate like Celery's JSON serializer and return the values a worker would receive (tuples become lists)."""
    if isinstance(args, str | bytes) or not isinstance(args, Sequence):
        raise JobError(
            f"The task {name!r} was not queued: its positional arguments must be a list, not a {type(args).__name__}."
        )
    kwargs = {} if kwargs is None else kwargs
    if not isinstance(kwargs, Mapping):
        raise JobError(f"The task {name!r} was not queued: its keyword arguments must be a mapping.")
    values: list[tuple[str, Any]] = [(f"argument {i + 1}", value) for i, value in enumerate(args)]
    for key, value in kwargs.items():
        if not isinstance(key, str):
            raise JobError(f"The task {name!r} was not queued: keyword names must be strings, not {key!r}.")
        values.append((f"keyword argument {key!r}", value))
    for label, value in values:
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise JobError(
                f"The task {name!r} was not queued: {label} is a {type(value).__name__}, which cannot be sent as "
                f"JSON ({error}). Pass strings, numbers, booleans, None, lists and dicts only."
            ) from None
    return json.loads(json.dumps(list(args))), json.loads(json.dumps(dict(kwargs)))
