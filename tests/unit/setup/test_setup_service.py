"""SetupService over a real store and an in-memory keychain: a file with one unusable section writes nothing;
what a newer version adds is left out; the plan never carries a secret."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support.memory_keyring import MemoryKeyring
from vector_desktop.config import load_config
from vector_desktop.domain.setup_transfer import ChangeAction, SetupFileError
from vector_desktop.secrets import SecretStore
from vector_desktop.services.connectors import merge_service
from vector_desktop.services.setup import setup_file
from vector_desktop.services.setup.sections.ai_servers import AIServersSection
from vector_desktop.services.setup.sections.connectors import MERGE_STATES, ConnectorsSection
from vector_desktop.services.setup.sections.databases import DatabasesSection
from vector_desktop.services.setup.sections.settings import SettingsSection
from vector_desktop.services.setup.setup_service import SetupService
from vector_desktop.store.connector_repository import ConnectorRepository
from vector_desktop.store.database_repository import DatabaseRepository
from vector_desktop.store.server_repository import ServerRepository
from vector_desktop.store.settings_repository import SettingsRepository

KEY = "unit passphrase 123"


@pytest.fixture
def parts(store: Any) -> tuple[SetupService, SecretStore, Any]:
    secrets = SecretStore("setup-unit", backend=MemoryKeyring())
    saved = SettingsRepository(store)
    config = load_config([], {}, saved.load_all(), secrets)
    sections = [
        SettingsSection(saved, secrets, config),
        AIServersSection(ServerRepository(store.sessions), secrets),
        ConnectorsSection(ConnectorRepository(store.sessions), secrets),
        DatabasesSection(DatabaseRepository(store), secrets),
    ]
    return SetupService(sections, app_version="0.0"), secrets, store


def write(tmp_path: Path, sections: dict[str, Any]) -> Path:
    path = tmp_path / "crafted.vdsetup"
    setup_file.write_atomically(path, setup_file.seal_document(sections, "0.0", KEY))
    return path


def test_one_unusable_section_means_nothing_is_written(tmp_path: Path, parts: Any) -> None:
    service, _secrets, store = parts
    path = write(
        tmp_path,
        {
            "ai_servers": {"items": [{"name": "Box", "base_url": "http://box:1234/v1", "api_key": "k-123"}]},
            "databases": {"items": [{"name": "Bad", "kind": "postgresql", "port": "not a port"}]},
        },
    )
    with pytest.raises(SetupFileError, match="The Database connections in this setup file cannot be imported"):
        service.open(path, KEY)
    assert ServerRepository(store.sessions).list_servers() == []


def test_an_invalid_setting_value_is_refused_without_quoting_a_secret(tmp_path: Path, parts: Any) -> None:
    service, _secrets, _store = parts
    path = write(tmp_path, {"settings": {"values": {"VECTOR_JOB_WORKERS": "many"}}})
    with pytest.raises(SetupFileError, match="VECTOR_JOB_WORKERS"):
        service.open(path, KEY)


def test_what_a_newer_version_adds_is_left_out(tmp_path: Path, parts: Any) -> None:
    service, secrets, _store = parts
    path = write(
        tmp_path,
        {
            "settings": {"values": {"SOME_FUTURE_SETTING": "x", "VECTOR_THEME": "dark", "ENCRYPTION_KEY": "k"}},
            "future_section": {"items": [1, 2, 3]},
        },
    )
    plan = service.open(path, KEY)
    assert [(c.section, c.item, c.action) for c in plan.changes] == [("settings", "VECTOR_THEME", ChangeAction.ADD)]
    assert service.apply(plan) == ["settings"]
    assert secrets.get("ENCRYPTION_KEY") is None, "a file never sets the key that protects files"


def test_a_replaced_secret_is_named_never_shown(tmp_path: Path, parts: Any) -> None:
    service, secrets, _store = parts
    secrets.set("OPENAI_API_KEY", "sk-here-111")
    path = write(tmp_path, {"settings": {"values": {"OPENAI_API_KEY": "sk-there-222"}}})
    (line,) = service.open(path, KEY).changes
    assert (line.action, line.details) == (ChangeAction.REPLACE, ("secret value",))
    assert "sk-" not in line.line()


def test_the_merge_state_keys_are_the_merge_features_own() -> None:
    assert [key for key, _label in MERGE_STATES] == [merge_service.USER_STATE, merge_service.ORIGIN_STATE]


def test_an_empty_passphrase_is_refused_before_anything_runs(tmp_path: Path, parts: Any) -> None:
    service, _secrets, _store = parts
    with pytest.raises(SetupFileError, match="Type a passphrase"):
        service.export(tmp_path / "x.vdsetup", "")
    assert not (tmp_path / "x.vdsetup").exists()
