"""Sealed files: bytes encrypted and authenticated with a key derived from a passphrase (or ENCRYPTION_KEY).

Used by the encrypted setup export and the secrets vault. Format: one header line
`VECTOR-SEALED 1 scrypt <salt> <check>` then a Fernet token (AES-128-CBC + HMAC-SHA256). The key is
scrypt(secret, salt); `check` is an HMAC of a fixed label under that key, so a wrong key ("not the right key") is
told apart from a damaged file ("the key is right, the file was changed"). cryptography is imported on first use.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from vector_desktop.domain.errors import DamagedSealError, SealError, WrongKeyError

MAGIC = b"VECTOR-SEALED"
VERSION = b"1"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_CHECK_LABEL = b"vector-desktop sealed-file key check"


def derive_key(secret: str, salt: bytes) -> bytes:
    """32 bytes from `secret` (scrypt: ~0.1 s and 32 MiB, on purpose; call it off the GUI thread)."""
    if not secret:
        raise SealError("No key or passphrase was given.")
    return hashlib.scrypt(
        secret.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=64 * 1024 * 1024, dklen=32
    )


def _check(key: bytes) -> bytes:
    return base64.urlsafe_b64encode(hmac.new(key, _CHECK_LABEL, hashlib.sha256).digest()[:12])


def _fernet(key: bytes):  # type: ignore[no-untyped-def]
    from cryptography.fernet import Fernet

    return Fernet(base64.urlsafe_b64encode(key))


def seal(data: bytes, secret: str, *, key: bytes | None = None, salt: bytes | None = None) -> bytes:
    """Encrypt `data`. Pass `key` and its `salt` (from `derive_key`) to skip the derivation when sealing again."""
    if key is None or salt is None:
        salt = os.urandom(16)
        key = derive_key(secret, salt)
    header = b" ".join((MAGIC, VERSION, b"scrypt", base64.urlsafe_b64encode(salt), _check(key)))
    return header + b"\n" + _fernet(key).encrypt(data) + b"\n"


def is_sealed(blob: bytes) -> bool:
    return blob.startswith(MAGIC + b" ")


def read_header(blob: bytes) -> bytes:
    """The salt of a sealed blob (raises SealError when it is not one)."""
    header, _sep, _rest = blob.partition(b"\n")
    parts = header.split(b" ")
    if len(parts) != 5 or parts[0] != MAGIC or parts[2] != b"scrypt":
        raise SealError("This is not an encrypted Vector Desktop file, or it is cut short.")
    if parts[1] != VERSION:
        raise SealError("This file was written by a newer version of Vector Desktop.")
    try:
        return base64.urlsafe_b64decode(parts[3])
    except ValueError:
        raise DamagedSealError("The encrypted file is damaged (its header cannot be read).") from None


def unseal(blob: bytes, secret: str, *, key: bytes | None = None) -> bytes:
    """Decrypt a sealed blob. Raises WrongKeyError, DamagedSealError or SealError with a sentence for the user."""
    from cryptography.fernet import InvalidToken

    salt = read_header(blob)
    header, _sep, token = blob.partition(b"\n")
    key = key or derive_key(secret, salt)
    if not hmac.compare_digest(_check(key), header.split(b" ")[4]):
        raise WrongKeyError("The key or passphrase is not the one this file was encrypted with.")
    try:
        return bytes(_fernet(key).decrypt(token.strip()))
    except InvalidToken:
        raise DamagedSealError(
            "The key is right but the file was changed or cut after it was written; nothing was read from it."
        ) from None
