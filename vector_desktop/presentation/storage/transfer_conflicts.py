"""Transfers onto names that already exist: find them, and apply the user's choice (replace, keep both, skip).

Uploads check the bucket (HEAD or list requests), downloads the local folder. Blocking: run on a worker thread.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol, TypeVar

S = TypeVar("S")
D = TypeVar("D")

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
class TransferConflict:
    """Asked of the user before a transfer; the view calls `answer` exactly once."""

    folder: str  # the folder transferred into, as the user knows it ("" for the bucket's top level)
    names: tuple[str, ...]  # the items there already, as paths below that folder, sorted
    total: int  # files in the transfer
    answer: Callable[[ConflictChoice], None]
    downloading: bool = False


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


def numbered_names(name: str) -> Iterator[str]:
    """`name (2).ext`, `name (3).ext`, ..."""
    stem, dot, extension = name.rpartition(".")
    if not stem:  # ".env" or "README": no extension to keep apart
        stem, dot, extension = name, "", ""
    for number in range(2, MAX_NUMBER):
        yield f"{stem} ({number}){dot}{extension}"


def numbered_key(key: str, taken: Callable[[str], bool]) -> str:
    """The first free `name (n).ext` beside `key`, from n = 2."""
    folder, name = posixpath.split(key)
    for candidate in (posixpath.join(folder, numbered) for numbered in numbered_names(name)):
        if not taken(candidate):
            return candidate
    raise ValueError(f"No free name for {key}")


def numbered_path(path: Path, taken: Callable[[Path], bool]) -> Path:
    """The first free `name (n).ext` beside the local file `path`, from n = 2."""
    for candidate in (path.with_name(numbered) for numbered in numbered_names(path.name)):
        if not taken(candidate):
            return candidate
    raise ValueError(f"No free name for {path}")


def existing_targets(targets: Iterable[Path]) -> set[Path]:
    """Which local download targets exist already (a folder in the way counts: it cannot be replaced by a file)."""
    return {target for target in targets if os.path.lexists(target)}


def _apply(
    pairs: Sequence[tuple[S, D]],
    existing: set[D],
    choice: ConflictChoice,
    renumber: Callable[[D, Callable[[D], bool]], D],
    free: Callable[[D], bool],
) -> list[tuple[S, D]]:
    """The (source, destination) pairs to transfer once the user chose what to do with the `existing` destinations.
    Keep both gives each of those the first renumbered name that is not planned, not given out and `free`."""
    if choice is ConflictChoice.CANCEL:
        return []
    if choice is ConflictChoice.REPLACE:
        return list(pairs)
    if choice is ConflictChoice.SKIP:
        return [(source, dest) for source, dest in pairs if dest not in existing]
    planned = {dest for _source, dest in pairs}
    chosen: set[D] = set()

    def taken(candidate: D) -> bool:
        return candidate in existing or candidate in planned or candidate in chosen or not free(candidate)

    result: list[tuple[S, D]] = []
    for source, dest in pairs:
        if dest in existing:
            dest = renumber(dest, taken)
            chosen.add(dest)
        result.append((source, dest))
    return result


def apply_download_choice(
    pairs: Sequence[tuple[str, Path]], existing: set[Path], choice: ConflictChoice
) -> list[tuple[str, Path]]:
    """The (key, local target) pairs to download. Replace keeps a folder in the way: its download fails saying so."""
    return _apply(pairs, existing, choice, numbered_path, lambda path: not os.path.lexists(path))


def apply_choice(
    lookup: KeyLookup,
    files: Sequence[tuple[str, str]],
    existing: set[str],
    choice: ConflictChoice,
) -> list[tuple[str, str]]:
    """The (local path, key) pairs to upload once the user chose what to do with the `existing` keys."""
    return _apply(files, existing, choice, numbered_key, lambda key: not lookup.exists(key))
