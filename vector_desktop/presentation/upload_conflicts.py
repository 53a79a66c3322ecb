"""Uploading onto names that already exist: find them, and apply the user's choice (replace, keep both, skip).

Blocking (the checks are HEAD or list requests): run these on a worker thread.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

HEAD_LIMIT = 25  # up to this many files dropped loose in a folder are checked one by one, more by listing it
MAX_NUMBER = 10_000


class ConflictChoice(StrEnum):
    REPLACE = "replace"
    KEEP_BOTH = "keep_both"  # upload under a numbered name: "report (2).pdf"
    SKIP = "skip"  # upload only what does not exist yet
    CANCEL = "cancel"  # upload nothing


class KeyLookup(Protocol):
    def exists(self, key: str) -> bool: ...

    def list_all(self, prefix: str = "") -> Sequence[object]: ...


@dataclass(frozen=True)
class UploadConflict:
    """Asked of the user before uploading; the view calls `answer` exactly once."""

    prefix: str  # the folder uploaded into
    existing: tuple[str, ...]  # keys that are there already, sorted
    total: int  # files in the upload
    answer: Callable[[ConflictChoice], None]

    @property
    def names(self) -> list[str]:
        """The existing items as the user dropped them: paths below the folder uploaded into."""
        return [key[len(self.prefix) :] if key.startswith(self.prefix) else key for key in self.existing]


def find_existing(lookup: KeyLookup, keys: Iterable[str], prefix: str) -> set[str]:
    """Which of `keys` (all under `prefix`) exist. Files dropped loose into the folder are checked with one request
    each (or by listing the folder when there are many); each dropped folder is listed once."""
    wanted = set(keys)
    loose = sorted(key for key in wanted if "/" not in key[len(prefix) :])
    folders = sorted({prefix + key[len(prefix) :].split("/", 1)[0] + "/" for key in wanted if key not in loose})
    found: set[str] = set()
    if len(loose) <= HEAD_LIMIT:
        found.update(key for key in loose if lookup.exists(key))
    else:
        found.update(key for key in _listed_keys(lookup, prefix) if key in wanted)
    for folder in folders:
        found.update(key for key in _listed_keys(lookup, folder) if key in wanted)
    return found


def _listed_keys(lookup: KeyLookup, prefix: str) -> Iterable[str]:
    for item in lookup.list_all(prefix):
        key = getattr(item, "key", None)
        if isinstance(key, str):
            yield key


def numbered_key(key: str, taken: Callable[[str], bool]) -> str:
    """The first free `name (n).ext` beside `key`, from n = 2."""
    folder, name = posixpath.split(key)
    stem, dot, extension = name.rpartition(".")
    if not stem:  # ".env" or "README": no extension to keep apart
        stem, dot, extension = name, "", ""
    for number in range(2, MAX_NUMBER):
        candidate = posixpath.join(folder, f"{stem} ({number}){dot}{extension}")
        if not taken(candidate):
            return candidate
    raise ValueError(f"No free name for {key}")


def apply_choice(
    lookup: KeyLookup,
    files: Sequence[tuple[str, str]],
    existing: set[str],
    choice: ConflictChoice,
) -> list[tuple[str, str]]:
    """The (local path, key) pairs to upload once the user chose what to do with the `existing` keys."""
    if choice is ConflictChoice.CANCEL:
        return []
    if choice is ConflictChoice.REPLACE:
        return list(files)
    if choice is ConflictChoice.SKIP:
        return [(local, key) for local, key in files if key not in existing]
    planned = {key for _local, key in files}
    chosen: set[str] = set()

    def taken(candidate: str) -> bool:
        return candidate in existing or candidate in planned or candidate in chosen or lookup.exists(candidate)

    result: list[tuple[str, str]] = []
    for local, key in files:
        if key in existing:
            key = numbered_key(key, taken)
            chosen.add(key)
        result.append((local, key))
    return result
