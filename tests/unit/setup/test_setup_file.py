"""The sealed setup file: what is refused (with its sentence), and how it is written."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from vector_desktop import sealing
from vector_desktop.domain.errors import WrongKeyError
from vector_desktop.domain.setup_transfer import SetupFileError
from vector_desktop.services.setup import setup_file

KEY = "a passphrase for the unit tests"


def test_a_document_survives_sealing_and_opening() -> None:
    blob = setup_file.seal_document({"settings": {"values": {"VECTOR_THEME": "dark"}}}, "9.9", KEY)
    document = setup_file.open_document(blob, KEY)
    assert document.sections == {"settings": {"values": {"VECTOR_THEME": "dark"}}}
    assert document.app_version == "9.9"
    assert b"VECTOR_THEME" not in blob and b"dark" not in blob
    with pytest.raises(WrongKeyError):
        setup_file.open_document(blob, "another passphrase")


@pytest.mark.parametrize(
    ("document", "sentence"),
    [
        ({"format": "something-else", "version": 1, "sections": {}}, "is not a Vector Desktop setup"),
        ({"format": "vector-desktop-setup", "version": 2, "sections": {}}, "exported by a newer version"),
        ({"format": "vector-desktop-setup", "version": 1, "sections": []}, "has no sections"),
    ],
)
def test_sealed_json_that_is_not_a_usable_setup_is_refused(document: dict[str, object], sentence: str) -> None:
    blob = sealing.seal(json.dumps(document).encode(), KEY)
    with pytest.raises(SetupFileError, match=sentence):
        setup_file.open_document(blob, KEY)


def test_a_plain_file_is_not_taken_for_a_setup(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text('{"format": "vector-desktop-setup"}')
    with pytest.raises(SetupFileError, match="not a Vector Desktop setup file"):
        setup_file.open_document(setup_file.read_file(path), KEY)
    with pytest.raises(SetupFileError, match="There is no file at"):
        setup_file.read_file(tmp_path / "missing.vdsetup")


def test_writing_replaces_the_file_whole_and_keeps_it_private(tmp_path: Path) -> None:
    path = tmp_path / "setup.vdsetup"
    path.write_bytes(b"old")
    path.chmod(0o644)
    setup_file.write_atomically(path, b"new contents")
    assert path.read_bytes() == b"new contents"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["setup.vdsetup"]


def test_a_folder_that_cannot_be_written_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(SetupFileError, match="choose another folder"):
        setup_file.write_atomically(tmp_path / "no-such-folder" / "setup.vdsetup", b"x")
