"""Sealed files: a round trip, a wrong key told apart from a damaged file, and no plain text in the bytes."""

from __future__ import annotations

import pytest

from vector_desktop.domain.errors import DamagedSealError, SealError, WrongKeyError
from vector_desktop.sealing import derive_key, is_sealed, read_header, seal, unseal

SECRET_TEXT = b'{"OPENROUTER_API_KEY": "sk-or-v1-very-secret"}'


def test_round_trip_and_no_plain_text() -> None:
    blob = seal(SECRET_TEXT, "correct horse battery staple")
    assert is_sealed(blob)
    assert b"very-secret" not in blob and b"OPENROUTER" not in blob
    assert unseal(blob, "correct horse battery staple") == SECRET_TEXT


def test_sealing_again_with_a_kept_key_skips_the_derivation() -> None:
    blob = seal(SECRET_TEXT, "pass")
    salt = read_header(blob)
    key = derive_key("pass", salt)
    again = seal(b"new", "", key=key, salt=salt)
    assert unseal(again, "pass") == b"new"
    assert unseal(again, "", key=key) == b"new"


def test_a_wrong_key_is_told_apart_from_a_damaged_file() -> None:
    blob = seal(SECRET_TEXT, "right")
    with pytest.raises(WrongKeyError, match="not the one"):
        unseal(blob, "wrong")
    header, _sep, token = blob.partition(b"\n")
    middle = len(token) // 2
    flipped = token[:middle] + (b"A" if token[middle : middle + 1] != b"A" else b"B") + token[middle + 1 :]
    with pytest.raises(DamagedSealError, match="changed or cut"):
        unseal(header + b"\n" + flipped, "right")
    with pytest.raises(DamagedSealError):
        unseal(header + b"\n" + token[: len(token) // 3], "right")


@pytest.mark.parametrize("blob", [b"", b"plain text\n", b"VECTOR-SEALED 9 scrypt abc def\nxyz"])
def test_what_is_not_a_sealed_file_says_so(blob: bytes) -> None:
    with pytest.raises(SealError):
        unseal(blob, "key")


def test_an_empty_passphrase_is_refused() -> None:
    with pytest.raises(SealError, match="No key"):
        seal(b"x", "")
