"""SecretStore: the keychain when there is one, this session's memory when there is none, plain text never."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyrings.alt.file import PlaintextKeyring

from tests.support.memory_keyring import MemoryKeyring
from vector_desktop.config import Source
from vector_desktop.core import keychain_service, open_core
from vector_desktop.domain.errors import SecretStoreError
from vector_desktop.secrets import SecretStore

SECRET = "hunter2-TOPSECRET-correct-horse"
SERVICE = "vector-desktop-test"


def files_containing(folder: Path, needle: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.fixture
def use_backend() -> Iterator[object]:
    """Select a keyring backend for one test, restoring the previous one afterwards."""
    previous = keyring.get_keyring()

    def select(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield select
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keyring's config file and keyrings.alt's data files live in a temp folder, with no backend chosen."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    return tmp_path


def test_memory_keyring_round_trip(memory_keyring) -> None:  # type: ignore[no-untyped-def]
    store = SecretStore(SERVICE)
    assert store.check() is True
    assert store.problem == ""
    assert store.backend_name == "MemoryKeyring"
    assert store.get("OPENAI_API_KEY") is None
    store.set("OPENAI_API_KEY", SECRET)
    assert memory_keyring.values == {(SERVICE, "OPENAI_API_KEY"): SECRET}
    assert SecretStore(SERVICE).get("OPENAI_API_KEY") == SECRET  # survives a restart
    assert SecretStore("another-profile").get("OPENAI_API_KEY") is None
    assert list(store.known_values()) == [SECRET]
    store.delete("OPENAI_API_KEY")
    store.delete("OPENAI_API_KEY")  # deleting what is not there is fine
    assert store.get("OPENAI_API_KEY") is None
    assert memory_keyring.values == {}


def test_fail_backend_keeps_secrets_in_memory_for_the_session_only(
    use_backend,
    no_keyring_config: Path,
    profile_dir: Path,
    app_paths,  # type: ignore[no-untyped-def]
) -> None:
    use_backend(fail.Keyring())
    store = SecretStore(keychain_service(app_paths), environ={})
    assert store.check() is False
    assert store.persistent is False
    assert store.is_session_only("OPENROUTER_API_KEY")
    assert "No system keychain is available" in store.problem
    assert "this session only" in store.problem
    core = open_core(app_paths, environ={}, secrets=store)
    try:
        core.config.apply_saved({"OPENROUTER_API_KEY": SECRET, "EMAIL_HOST": "smtp.example.com"}, core.settings)
        assert core.config.get("OPENROUTER_API_KEY") == SECRET
        assert core.config.source("OPENROUTER_API_KEY") is Source.KEYCHAIN
        assert store.get("OPENROUTER_API_KEY") == SECRET
        assert core.settings.load_all() == {"EMAIL_HOST": "smtp.example.com"}
    finally:
        core.close()
    # Nothing holding the secret was written anywhere: not in the profile, not in keyring's or XDG's folders.
    assert files_containing(profile_dir, SECRET.encode()) == []
    assert files_containing(no_keyring_config, SECRET.encode()) == []
    # The next session starts without it.
    assert SecretStore(keychain_service(app_paths), environ={}).get("OPENROUTER_API_KEY") is None


def test_a_plain_text_file_keyring_picked_by_keyring_itself_is_not_used(
    use_backend,
    no_keyring_config: Path,  # type: ignore[no-untyped-def]
) -> None:
    use_backend(PlaintextKeyring())
    store = SecretStore(SERVICE, environ={})
    assert store.check() is False
    assert "plain text" in store.problem
    store.set("OPENAI_API_KEY", SECRET)
    assert store.get("OPENAI_API_KEY") == SECRET
    assert files_containing(no_keyring_config, SECRET.encode()) == []


def test_a_file_keyring_the_user_chose_is_used(use_backend, no_keyring_config: Path) -> None:  # type: ignore[no-untyped-def]
    use_backend(PlaintextKeyring())
    store = SecretStore(SERVICE, environ={"PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring"})
    assert store.check() is True
    store.set("OPENAI_API_KEY", SECRET)
    assert SecretStore(SERVICE, environ={"PYTHON_KEYRING_BACKEND": "x"}).get("OPENAI_API_KEY") == SECRET


def test_a_chain_never_falls_through_to_a_file_keyring(
    use_backend,
    no_keyring_config: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    system = MemoryKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [PlaintextKeyring(), system])
    use_backend(chainer.ChainerBackend())
    store = SecretStore(SERVICE, environ={})
    assert store.check() is True
    store.set("OPENAI_API_KEY", SECRET)
    assert system.values == {(SERVICE, "OPENAI_API_KEY"): SECRET}
    assert files_containing(no_keyring_config, SECRET.encode()) == []
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [PlaintextKeyring()])
    assert SecretStore(SERVICE, environ={}).check() is False


class RefusingKeyring(MemoryKeyring):
    """A keychain that is locked: every write fails with an error that quotes the value (as some backends do)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"locked, cannot store {password!r}")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("locked")

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("locked")


def test_a_refusing_keychain_gives_a_message_without_the_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store = SecretStore(SERVICE, RefusingKeyring())
    assert store.check() is True
    with pytest.raises(SecretStoreError) as caught:
        store.set("OPENAI_API_KEY", SECRET)
    error = caught.value
    assert str(error) == (
        "The keychain refused to save OPENAI_API_KEY (RuntimeError); it is kept for this session only."
    )
    assert error.__cause__ is None and error.__context__ is None  # the backend's text cannot leak via the chain
    assert store.get("OPENAI_API_KEY") == SECRET  # kept for the session
    assert store.is_session_only("OPENAI_API_KEY") and not store.is_session_only("OTHER_KEY")
    with pytest.raises(SecretStoreError, match="refused to delete OPENAI_API_KEY"):
        store.delete("OPENAI_API_KEY")
    assert SecretStore(SERVICE, RefusingKeyring()).get("OPENAI_API_KEY") is None  # a failed read is "not set"
    assert SECRET not in caplog.text


def test_a_keychain_failure_while_saving_settings_still_applies_the_rest(store) -> None:  # type: ignore[no-untyped-def]
    from vector_desktop.config import load_config
    from vector_desktop.store.settings_repository import SettingsRepository

    repo = SettingsRepository(store)
    config = load_config([], environ={}, secrets=SecretStore(SERVICE, RefusingKeyring()))
    heard: list[set[str]] = []
    config.listeners.append(heard.append)
    with pytest.raises(SecretStoreError) as caught:
        config.apply_saved({"OPENAI_API_KEY": SECRET, "EMAIL_HOST": "h.io"}, repo)
    assert SECRET not in str(caught.value)
    assert repo.load_all() == {"EMAIL_HOST": "h.io"}
    assert config.get("EMAIL_HOST") == "h.io"
    assert config.get("OPENAI_API_KEY") == SECRET  # this session only
    assert heard == [{"OPENAI_API_KEY", "EMAIL_HOST"}]
