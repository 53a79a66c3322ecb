"""Transfers onto existing names: which exist (a real local backend, real files), and what each choice transfers."""

from __future__ import annotations

from pathlib import Path

import pytest

from vector_desktop.presentation.storage.transfer_conflicts import (
    HEAD_LIMIT,
    ConflictChoice,
    apply_choice,
    apply_download_choice,
    existing_targets,
    find_existing,
    numbered_key,
)
from vector_desktop.services.storage.local_backend import LocalBackend


class CountingBackend(LocalBackend):
    """A local backend that counts the requests a remote one would make."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.heads = 0
        self.listings: list[str] = []

    def exists(self, key: str) -> bool:
        self.heads += 1
        return super().exists(key)

    def list_all(self, prefix: str = "") -> list:  # type: ignore[type-arg]
        self.listings.append(prefix)
        return super().list_all(prefix)


@pytest.fixture
def backend(tmp_path: Path) -> CountingBackend:
    backend = CountingBackend(tmp_path / "root")
    backend.root.mkdir()
    for key in ("docs/report.pdf", "docs/report (2).pdf", "docs/photos/a.jpg", "docs/notes", "top.txt"):
        backend.upload_bytes(b"old", key)
    return backend


def test_numbered_names_keep_the_extension_and_skip_taken_numbers() -> None:
    taken = {"docs/report (2).pdf", "docs/report (3).pdf"}
    assert numbered_key("docs/report.pdf", taken.__contains__) == "docs/report (4).pdf"
    assert numbered_key("README", lambda _key: False) == "README (2)"
    assert numbered_key("a/.env", lambda _key: False) == "a/.env (2)"
    assert numbered_key("a/archive.tar.gz", lambda _key: False) == "a/archive.tar (2).gz"
    assert numbered_key("naïve café.txt", lambda _key: False) == "naïve café (2).txt"


def test_loose_files_are_checked_one_by_one_and_dropped_folders_listed_once(backend: CountingBackend) -> None:
    keys = ["docs/report.pdf", "docs/new.pdf", "docs/photos/a.jpg", "docs/photos/b.jpg", "docs/photos/2026/c.jpg"]
    assert find_existing(backend, keys, "docs/") == {"docs/report.pdf", "docs/photos/a.jpg"}
    assert backend.heads == 2
    assert backend.listings == ["docs/photos/"]


def test_many_loose_files_are_checked_by_listing_the_folder(backend: CountingBackend) -> None:
    keys = [f"docs/file{i}.txt" for i in range(HEAD_LIMIT + 1)] + ["docs/report.pdf"]
    assert find_existing(backend, keys, "docs/") == {"docs/report.pdf"}
    assert backend.heads == 0
    assert backend.listings == ["docs/"]


def test_a_file_named_like_a_dropped_folder_is_not_a_conflict(backend: CountingBackend) -> None:
    # "docs/notes" is a file; uploading a folder "notes" puts files under "docs/notes/", which is free.
    assert find_existing(backend, ["docs/notes/today.md"], "docs/") == set()


FILES = [("/tmp/report.pdf", "docs/report.pdf"), ("/tmp/new.pdf", "docs/new.pdf")]


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (ConflictChoice.REPLACE, FILES),
        (ConflictChoice.SKIP, [("/tmp/new.pdf", "docs/new.pdf")]),
        (ConflictChoice.CANCEL, []),
        # "report (2).pdf" exists too, so the new copy takes the next free number.
        (ConflictChoice.KEEP_BOTH, [("/tmp/report.pdf", "docs/report (3).pdf"), ("/tmp/new.pdf", "docs/new.pdf")]),
    ],
)
def test_each_choice_uploads_what_it_says(
    backend: CountingBackend, choice: ConflictChoice, expected: list[tuple[str, str]]
) -> None:
    assert apply_choice(backend, FILES, {"docs/report.pdf"}, choice) == expected


def test_keep_both_never_gives_two_files_the_same_new_name(backend: CountingBackend) -> None:
    files = [("/a/report.pdf", "docs/report.pdf"), ("/b/report (3).pdf", "docs/report (3).pdf")]
    renamed = apply_choice(backend, files, {"docs/report.pdf"}, ConflictChoice.KEEP_BOTH)
    # "report (3).pdf" is planned by the second file, so the first one's copy becomes "report (4).pdf".
    assert renamed == [("/a/report.pdf", "docs/report (4).pdf"), ("/b/report (3).pdf", "docs/report (3).pdf")]


def test_downloads_keep_both_next_to_the_users_files(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"mine")
    (tmp_path / "report (2).pdf").write_bytes(b"older download")
    (tmp_path / "photos").mkdir()  # a folder where a file would go counts as taken
    pairs = [("docs/report.pdf", tmp_path / "report.pdf"), ("photos", tmp_path / "photos"), ("x", tmp_path / "x")]
    existing = existing_targets(target for _key, target in pairs)
    assert existing == {tmp_path / "report.pdf", tmp_path / "photos"}
    assert apply_download_choice(pairs, existing, ConflictChoice.KEEP_BOTH) == [
        ("docs/report.pdf", tmp_path / "report (3).pdf"),
        ("photos", tmp_path / "photos (2)"),
        ("x", tmp_path / "x"),
    ]
    assert apply_download_choice(pairs, existing, ConflictChoice.SKIP) == [("x", tmp_path / "x")]
    assert apply_download_choice(pairs, existing, ConflictChoice.REPLACE) == pairs
    assert apply_download_choice(pairs, existing, ConflictChoice.CANCEL) == []
