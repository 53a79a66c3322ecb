"""The encrypted secrets vault: used only without an OS keychain, never plain text, never overwritten when it cannot be
opened, and moved into the keychain when one appears."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from keyring.backends import fail

from tests.support.memory_keyring import MemoryKeyring
from vector_desktop import sealing
from vector_desktop.core import open_core
from vector_desktop.domain.errors import SecretStoreError
from vector_desktop.secret_vault import VAULT_FILE, SecretVault, VaultUnavailable
from vector_desktop.secrets import NO_KEYCHAIN, VAULT_BACKEND, VAULT_INFO, VAULT_NOT_MOVED, SecretStore

SERVICE = "vector-desktop-vault-test"
KEY = "correct horse battery staple"
SECRET = "sk-or-v1-TOPSECRET-vault-0123456789"
OTHER = "pg-password-TOPSECRET-42"


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / VAULT_FILE


def opened(path: Path, key: str = KEY) -> SecretVault:
    vault = SecretVault(path, key)
    assert vault.open()
    return vault


def no_keychain(vault: SecretVault | None) -> SecretStore:
    return SecretStore(SERVICE, backend=fail.Keyring(), vault=vault)


def test_secrets_round_trip_encrypted_and_private(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    vault = opened(vault_path)
    vault.set("OPENROUTER_API_KEY", SECRET)
    vault.set("db:1:password", OTHER)
    vault.delete("db:1:password")
    blob = vault_path.read_bytes()
    assert sealing.is_sealed(blob)
    assert SECRET.encode() not in blob and b"OPENROUTER_API_KEY" not in blob
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600
    again = opened(vault_path)  # another process: derives the key from the file's salt
    assert again.entries() == {"OPENROUTER_API_KEY": SECRET}
    assert [p.name for p in vault_path.parent.iterdir() if p.name != VAULT_FILE + ".lock"] == [VAULT_FILE]


def test_a_wrong_key_reads_nothing_says_so_and_never_overwrites(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    opened(vault_path).set("OPENROUTER_API_KEY", SECRET)
    before = vault_path.read_bytes()
    wrong = SecretVault(vault_path, "not the key")
    assert wrong.open() is False
    assert wrong.wrong_key
    assert "not the one it was made with" in wrong.problem and "left unchanged" in wrong.problem
    with pytest.raises(VaultUnavailable):
        wrong.set("OPENROUTER_API_KEY", "replaced")
    store = no_keychain(SecretVault(vault_path, "not the key"))
    assert store.check() is False
    assert "not the one it was made with" in store.problem
    assert store.get("OPENROUTER_API_KEY") is None
    store.set("OPENROUTER_API_KEY", "typed this session")
    assert store.get("OPENROUTER_API_KEY") == "typed this session"
    assert store.is_session_only("OPENROUTER_API_KEY")
    assert vault_path.read_bytes() == before


def test_a_damaged_vault_is_reported_and_kept(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    opened(vault_path).set("OPENROUTER_API_KEY", SECRET)
    blob = bytearray(vault_path.read_bytes())
    blob[-10] = ord("A") if blob[-10] != ord("A") else ord("B")
    vault_path.write_bytes(bytes(blob))
    store = no_keychain(SecretVault(vault_path, KEY))
    assert store.check() is False
    assert "damaged" in store.problem and "left unchanged" in store.problem
    store.set("OPENROUTER_API_KEY", "new")
    assert vault_path.read_bytes() == bytes(blob)


def test_two_writers_keep_each_others_keys(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    gui, cli = opened(vault_path), opened(vault_path)
    gui.set("OPENROUTER_API_KEY", SECRET)
    cli.set("db:1:password", OTHER)
    assert gui.entries() == cli.entries() == {"OPENROUTER_API_KEY": SECRET, "db:1:password": OTHER}
    # The file is removed and made again (another salt) by a third process: the others derive again and keep it.
    assert gui.drain(lambda entries: True)
    third = opened(vault_path)
    third.set("MERGE_API_KEY", "merge-key-123")
    cli.set("EMAIL_HOST_PASSWORD", "smtp-pw-123")
    assert opened(vault_path).entries() == {"MERGE_API_KEY": "merge-key-123", "EMAIL_HOST_PASSWORD": "smtp-pw-123"}


def test_temp_files_left_by_a_killed_writer_are_cleaned_on_the_next_save(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    vault = opened(vault_path)
    stale = vault_path.parent / ".secrets.vault.abc123.tmp"
    stale.write_bytes(b"half a vault")
    vault.set("OPENROUTER_API_KEY", SECRET)
    assert not stale.exists()
    assert opened(vault_path).get("OPENROUTER_API_KEY") == SECRET


def test_without_keychain_an_unlocked_vault_makes_secrets_persistent(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    store = no_keychain(SecretVault(vault_path, KEY))
    assert store.check() is True
    assert (store.persistent, store.backend_name, store.problem, store.info) == (True, VAULT_BACKEND, "", VAULT_INFO)
    assert store.needs_passphrase is False
    store.set("OPENROUTER_API_KEY", SECRET)
    assert not store.is_session_only("OPENROUTER_API_KEY")
    assert no_keychain(SecretVault(vault_path, KEY)).get("OPENROUTER_API_KEY") == SECRET  # the next process
    store.delete("OPENROUTER_API_KEY")
    assert no_keychain(SecretVault(vault_path, KEY)).get("OPENROUTER_API_KEY") is None
    assert SECRET.encode() not in vault_path.read_bytes()


def test_no_key_means_session_only_with_a_hint_then_a_passphrase_saves_what_was_typed(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    store = no_keychain(SecretVault(vault_path, ""))
    assert store.check() is False
    assert store.problem.startswith(NO_KEYCHAIN) and "ENCRYPTION_KEY" in store.problem
    assert store.needs_passphrase and not store.vault_exists
    store.set("OPENROUTER_API_KEY", SECRET)  # typed before the passphrase was given
    assert store.unlock_vault("my long passphrase") is True
    assert (store.persistent, store.problem, store.needs_passphrase) == (True, "", False)
    assert opened(vault_path, "my long passphrase").entries() == {"OPENROUTER_API_KEY": SECRET}


def test_an_empty_vault_is_made_when_a_passphrase_is_chosen(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    store = no_keychain(SecretVault(vault_path, ""))
    assert store.unlock_vault("my long passphrase")
    later = no_keychain(SecretVault(vault_path, ""))
    assert later.vault_exists and later.needs_passphrase  # the next run asks to enter it, not to choose one
    assert later.check() is False
    assert "no ENCRYPTION_KEY or passphrase" in later.problem


def test_a_wrong_passphrase_can_be_retried(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    opened(vault_path, "the right passphrase").set("OPENROUTER_API_KEY", SECRET)
    before = vault_path.read_bytes()
    store = no_keychain(SecretVault(vault_path, ""))
    assert store.unlock_vault("a wrong passphrase") is False
    assert store.vault_wrong_key and "not the one it was made with" in store.problem
    assert vault_path.read_bytes() == before
    assert store.unlock_vault("the right passphrase") is True
    assert not store.vault_wrong_key and store.problem == ""
    assert store.get("OPENROUTER_API_KEY") == SECRET


def test_a_keychain_takes_the_vaults_secrets_and_the_file_goes(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    opened(vault_path).update({"OPENROUTER_API_KEY": SECRET, "db:1:password": OTHER})
    keychain = MemoryKeyring()
    store = SecretStore(SERVICE, backend=keychain, vault=SecretVault(vault_path, KEY))
    assert store.check() is True
    assert store.backend_name == "MemoryKeyring" and store.problem == ""
    assert keychain.values == {(SERVICE, "OPENROUTER_API_KEY"): SECRET, (SERVICE, "db:1:password"): OTHER}
    assert not vault_path.exists()
    assert store.get("db:1:password") == OTHER


def test_a_locked_vault_is_moved_into_the_keychain_once_its_passphrase_is_given(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    opened(vault_path, "the right passphrase").set("OPENROUTER_API_KEY", SECRET)
    keychain = MemoryKeyring()
    store = SecretStore(SERVICE, backend=keychain, vault=SecretVault(vault_path, ""))
    assert store.check() is True
    assert store.problem == VAULT_NOT_MOVED and store.needs_passphrase
    assert vault_path.exists() and keychain.values == {}
    assert store.unlock_vault("the right passphrase")
    assert keychain.values == {(SERVICE, "OPENROUTER_API_KEY"): SECRET}
    assert not vault_path.exists() and store.problem == ""


def test_with_a_keychain_and_no_vault_file_nothing_is_derived_or_made(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_path.parent.mkdir()

    def no_scrypt(secret: str, salt: bytes) -> bytes:
        raise AssertionError("scrypt ran although a keychain exists")

    monkeypatch.setattr(sealing, "derive_key", no_scrypt)
    store = SecretStore(SERVICE, backend=MemoryKeyring(), vault=SecretVault(vault_path, KEY))
    assert store.check() is True and store.needs_passphrase is False
    store.set("OPENROUTER_API_KEY", SECRET)
    assert not vault_path.exists()


def test_open_core_reads_encryption_key_from_the_profile_env_file(app_paths, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        app_paths.profile_env_file.write_text(f"ENCRYPTION_KEY={KEY}\n", encoding="utf-8")
        core = open_core(app_paths, environ={})
        try:
            assert core.secrets.check() is True and core.secrets.backend_name == VAULT_BACKEND
            core.config.apply_saved({"OPENROUTER_API_KEY": SECRET}, core.settings)
        finally:
            core.close()
        vault = app_paths.data_dir / VAULT_FILE
        assert opened(vault).entries() == {"OPENROUTER_API_KEY": SECRET}
        # The environment wins over the .env file: another key does not open it, and says so.
        core = open_core(app_paths, environ={"ENCRYPTION_KEY": "another key"})
        try:
            assert core.secrets.check() is False
            assert "not the one it was made with" in core.secrets.problem
            assert core.config.get("OPENROUTER_API_KEY") == ""
        finally:
            core.close()
    finally:
        keyring.set_keyring(previous)


def test_a_vault_replaced_under_a_running_session_is_not_overwritten(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    store = no_keychain(SecretVault(vault_path, KEY))
    store.set("OPENROUTER_API_KEY", SECRET)
    vault_path.unlink()
    opened(vault_path, "someone else's key").set("MERGE_API_KEY", "theirs-123")
    before = vault_path.read_bytes()
    with pytest.raises(SecretStoreError, match="not the one it was made with"):
        store.set("OPENROUTER_API_KEY", "changed")
    assert store.get("OPENROUTER_API_KEY") == "changed" and store.is_session_only("OPENROUTER_API_KEY")
    assert vault_path.read_bytes() == before
