"""User-added OpenAI-compatible servers over the real store and an in-memory keyring: rows in SQLite, keys only in
the keychain, validation sentences, and removal taking the key and the cached models with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail

from tests.support.memory_keyring import MemoryKeyring
from vector_desktop.domain.ai_servers import AIServer, ServerNotFoundError, ServerValidationError
from vector_desktop.domain.chat import CachedModel
from vector_desktop.secrets import SecretStore
from vector_desktop.services.ai_servers import AIServerService
from vector_desktop.store.chat_repository import ChatRepository
from vector_desktop.store.server_repository import ServerRepository

SERVICE = "vector-desktop-test-servers"
KEY = "sk-local-TOPSECRET-0123456789"
OTHER_KEY = "sk-local-REPLACED-9876543210"


class Harness:
    def __init__(self, store: Any, keyring_backend: MemoryKeyring, secrets: SecretStore | None = None) -> None:
        self.store = store
        self.keyring = keyring_backend
        self.repo = ServerRepository(store.sessions)
        self.chat = ChatRepository(store.sessions)
        self.secrets = secrets or SecretStore(SERVICE)
        self.service = AIServerService(self.repo, self.secrets, model_cache=self.chat)

    def keychain(self) -> dict[str, str]:
        return {user: value for (service, user), value in self.keyring.values.items() if service == SERVICE}

    def store_bytes(self) -> bytes:
        """Everything SQLite wrote: the database file, its WAL and shared memory."""
        path = Path(self.store.path)
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())

    def cache(self, name: str, *ids: str) -> None:
        self.chat.replace_models(
            name, [CachedModel(name, f"compat:{name}/{i}", i, {"id": f"compat:{name}/{i}"}) for i in ids]
        )


@pytest.fixture
def h(store: Any, memory_keyring: MemoryKeyring) -> Harness:
    return Harness(store, memory_keyring)


def test_add_keeps_the_key_only_in_the_keychain(h: Harness) -> None:
    server = h.service.add("  Ollama ", "http://localhost:11434/v1/", f" {KEY} ")
    assert (server.name, server.base_url, server.has_key, server.enabled) == (
        "Ollama",
        "http://localhost:11434/v1",
        True,
        True,
    )
    assert h.keychain() == {f"AI_SERVER_KEY:{server.id}": KEY}
    assert KEY.encode() not in h.store_bytes()
    assert b"localhost:11434" in h.store_bytes()  # the row itself did land in SQLite
    assert h.service.list_servers() == [server]

    (provider,) = h.service.provider_configs()
    assert (provider.kind, provider.name, provider.base_url, provider.api_key) == (
        "compatible",
        "Ollama",
        "http://localhost:11434/v1",
        KEY,
    )
    assert KEY not in repr(provider)


def test_a_server_without_key_stores_nothing_in_the_keychain(h: Harness) -> None:
    server = h.service.add("LM Studio", "http://localhost:1234/v1")
    assert not server.has_key
    assert h.keychain() == {}
    assert h.service.provider_configs()[0].api_key == ""


def test_update_replaces_keeps_and_removes_the_key(h: Harness) -> None:
    server = h.service.add("Ollama", "http://localhost:11434/v1", KEY)
    ref = f"AI_SERVER_KEY:{server.id}"

    kept = h.service.update(server.id, base_url="http://127.0.0.1:11434/v1")
    assert kept.has_key and h.keychain() == {ref: KEY}

    replaced = h.service.update(server.id, api_key=OTHER_KEY)
    assert replaced.has_key and h.keychain() == {ref: OTHER_KEY}
    assert h.service.provider_configs()[0].api_key == OTHER_KEY

    cleared = h.service.update(server.id, api_key="")
    assert not cleared.has_key and h.keychain() == {}
    assert h.service.provider_configs()[0].api_key == ""
    assert KEY.encode() not in h.store_bytes() and OTHER_KEY.encode() not in h.store_bytes()


def test_update_renames_and_disables(h: Harness) -> None:
    server = h.service.add("Ollama", "http://localhost:11434/v1")
    h.cache("Ollama", "llama3.2")
    renamed = h.service.update(server.id, name="Ollama (desk)")
    assert renamed.name == "Ollama (desk)"
    assert renamed.updated is not None and server.updated is not None and renamed.updated >= server.updated
    # Cached ids were compat:Ollama/… and no longer route: they leave the picker.
    assert h.chat.cached_models("Ollama") == []
    assert [p.name for p in h.service.provider_configs()] == ["Ollama (desk)"]

    h.cache("Ollama (desk)", "llama3.2")
    disabled = h.service.update(server.id, enabled=False)
    assert not disabled.enabled
    assert h.service.provider_configs() == []
    assert h.chat.cached_models("Ollama (desk)") == []
    assert h.service.update(server.id, enabled=True).enabled


def test_remove_deletes_the_row_the_key_and_the_cached_models(h: Harness) -> None:
    ollama = h.service.add("Ollama", "http://localhost:11434/v1", KEY)
    lmstudio = h.service.add("LM Studio", "http://localhost:1234/v1", OTHER_KEY)
    h.cache("Ollama", "llama3.2", "qwen2.5")
    h.cache("LM Studio", "phi-4")
    h.chat.replace_models("OpenRouter", [CachedModel("OpenRouter", "openai/gpt-5.1", "GPT-5.1", {})])

    removed = h.service.remove(ollama.id)
    assert removed is not None and removed.name == "Ollama"
    assert [s.name for s in h.service.list_servers()] == ["LM Studio"]
    assert h.keychain() == {f"AI_SERVER_KEY:{lmstudio.id}": OTHER_KEY}
    assert h.chat.cached_models("Ollama") == []
    assert [m.model_id for m in h.chat.cached_models()] == ["compat:LM Studio/phi-4", "openai/gpt-5.1"]
    assert h.service.remove(ollama.id) is None  # already gone: nothing to do
    with pytest.raises(ServerNotFoundError, match="no longer in the list"):
        h.service.update(ollama.id, name="Again")


def test_ids_are_never_reused(h: Harness) -> None:
    """A new server must not inherit a removed server's keychain entry."""
    first = h.service.add("A", "http://localhost:1/v1")
    second = h.service.add("B", "http://localhost:2/v1")
    h.service.remove(second.id)
    third = h.service.add("C", "http://localhost:3/v1")
    assert third.id > second.id > first.id


def test_provider_configs_know_the_cached_models(h: Harness) -> None:
    h.service.add("Ollama", "http://localhost:11434/v1")
    h.cache("Ollama", "llama3.2:3b", "qwen2.5-coder")
    (provider,) = h.service.provider_configs()
    assert provider.models == ("llama3.2:3b", "qwen2.5-coder")
    assert provider.compat_model_id("llama3.2:3b") == "compat:Ollama/llama3.2:3b"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": "  "}, "name", "Give the server a name, e.g. Ollama."),
        ({"name": "a/b"}, "name", "The name cannot contain “/” (it is part of every model id)."),
        ({"name": "two\nlines"}, "name", "The name cannot contain tabs or line breaks."),
        ({"name": "x" * 101}, "name", "The name is too long (at most 100 characters)."),
        ({"name": "openrouter"}, "name", "“openrouter” is the name of a built-in provider. Choose another name."),
        ({"name": "OLLAMA"}, "name", "There is already a server named “Ollama”. Choose another name."),
        ({"base_url": ""}, "base_url", "Enter the server's address, e.g. http://localhost:11434/v1."),
        (
            {"base_url": "localhost:11434"},
            "base_url",
            "The address must start with http:// or https://, e.g. http://localhost:11434/v1.",
        ),
        (
            {"base_url": "ftp://localhost/v1"},
            "base_url",
            "The address must start with http:// or https://, e.g. http://localhost:11434/v1.",
        ),
        (
            {"base_url": "http:///v1"},
            "base_url",
            "The address has no host name; it should look like http://localhost:11434/v1.",
        ),
        (
            {"base_url": "http://localhost:99999/v1"},
            "base_url",
            "“http://localhost:99999/v1” is not a valid address; it should look like http://localhost:11434/v1.",
        ),
        (
            {"base_url": "http://me:hunter2@localhost:8080/v1"},
            "base_url",
            "Put the key in the API key field, not in the address (the address is not kept secret).",
        ),
        (
            {"base_url": "http://localhost:8080/v1?x=1"},
            "base_url",
            "The address cannot contain “?” or “#”; enter the API's base URL.",
        ),
        ({"base_url": "http://local host/v1"}, "base_url", "The address cannot contain spaces."),
        (
            {"api_key": "sk-with space"},
            "api_key",
            "The API key can only contain letters, digits and punctuation (no spaces or line breaks).",
        ),
    ],
)
def test_validation_sentences_and_nothing_is_stored(
    h: Harness, fields: dict[str, str], field: str, message: str
) -> None:
    h.service.add("Ollama", "http://localhost:11434/v1")
    values = {"name": "New", "base_url": "http://localhost:8080/v1", "api_key": ""} | fields
    with pytest.raises(ServerValidationError) as caught:
        h.service.add(values["name"], values["base_url"], values["api_key"])
    assert (caught.value.field, str(caught.value)) == (field, message)
    assert [s.name for s in h.service.list_servers()] == ["Ollama"]
    assert h.keychain() == {}


def test_renaming_to_its_own_name_in_another_case_is_allowed(h: Harness) -> None:
    server = h.service.add("ollama", "http://localhost:11434/v1")
    assert h.service.update(server.id, name="Ollama").name == "Ollama"
    other = h.service.add("LM Studio", "http://localhost:1234/v1")
    with pytest.raises(ServerValidationError, match="already a server named “Ollama”"):
        h.service.update(other.id, name="ollama")


def test_the_repository_refuses_a_duplicate_name_itself(h: Harness) -> None:
    """The UNIQUE constraint holds even when two windows race past the service's check."""
    h.repo.add_server("Ollama", "http://localhost:11434/v1", has_key=False)
    with pytest.raises(ServerValidationError, match="already a server named “Ollama”") as caught:
        h.repo.add_server("Ollama", "http://localhost:1/v1", has_key=False)
    assert caught.value.field == "name"


def test_repository_round_trip(h: Harness) -> None:
    added = h.repo.add_server("vLLM", "http://gpu-box:8000/v1", has_key=True, enabled=False)
    assert isinstance(added, AIServer)
    assert added.created is not None and added.created.tzinfo is not None
    assert h.repo.get_server(added.id) == added
    assert h.repo.get_server(added.id + 100) is None
    changed = h.repo.update_server(added.id, base_url="http://gpu-box:8001/v1", enabled=True)
    assert (changed.base_url, changed.enabled, changed.has_key) == ("http://gpu-box:8001/v1", True, True)
    assert h.repo.delete_server(added.id) == changed
    assert h.repo.list_servers() == []


def test_without_a_keychain_the_key_lasts_for_this_session_only(store: Any, memory_keyring: MemoryKeyring) -> None:
    h = Harness(store, memory_keyring, SecretStore(SERVICE, backend=fail.Keyring()))
    server = h.service.add("Ollama", "http://localhost:11434/v1", KEY)
    assert server.has_key
    assert h.service.key_is_session_only(server)
    assert h.service.provider_configs()[0].api_key == KEY  # usable now
    assert h.keychain() == {}
    assert KEY.encode() not in h.store_bytes()


def test_api_key_is_read_back_for_testing_only_when_saved(h: Harness) -> None:
    with_key = h.service.add("A", "http://localhost:1/v1", KEY)
    without = h.service.add("B", "http://localhost:2/v1")
    assert h.service.api_key(with_key.id) == KEY
    assert h.service.api_key(without.id) == ""
    assert not h.service.key_is_session_only(with_key)
