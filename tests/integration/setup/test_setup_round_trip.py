"""Export a filled profile's setup and import it into a second profile with its own store and keychain namespace:
every section arrives, secrets land in the second keychain (under the new ids), the file holds nothing in plain
text, and a wrong key or a changed byte changes nothing."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.setup.profiles import (
    PASSPHRASE,
    SECRETS,
    SETTING_VALUES,
    fill_source,
    fill_target,
    keychain_of,
    open_profile,
    snapshot,
)
from tests.support.memory_keyring import MemoryKeyring
from vector_desktop.core import Core
from vector_desktop.core_setup import make_setup
from vector_desktop.domain.connectors import mcp_secret_ref
from vector_desktop.domain.databases import db_secret_ref
from vector_desktop.domain.errors import DamagedSealError, WrongKeyError
from vector_desktop.domain.setup_transfer import ChangeAction
from vector_desktop.store.connector_repository import ConnectorRepository
from vector_desktop.store.database_repository import DatabaseRepository
from vector_desktop.store.server_repository import ServerRepository


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def machines(tmp_path: Path, backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Core, Core]]:
    monkeypatch.chdir(tmp_path)  # no .env of the working directory
    source = open_profile(tmp_path, "laptop", backend)
    target = open_profile(tmp_path, "desktop", backend)
    try:
        yield source, target
    finally:
        source.close()
        target.close()


@pytest.fixture
def exported(tmp_path: Path, machines: tuple[Core, Core]) -> tuple[Path, dict[str, int]]:
    source, target = machines
    ids = fill_source(source)
    fill_target(target)
    path = tmp_path / "my.vdsetup"
    result = make_setup(source).export(path, PASSPHRASE)
    assert {s.name: s.count for s in result.summaries} == {
        "settings": 5,
        "ai_servers": 1,
        "connectors": 3,  # the Merge pack and two MCP servers
        "databases": 2,
    }
    return path, ids


def test_the_file_is_private_and_holds_no_secret_or_setting_value(exported: tuple[Path, dict[str, int]]) -> None:
    path, _ids = exported
    blob = path.read_bytes()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert blob.startswith(b"VECTOR-SEALED 1 scrypt ")
    for value in [*SECRETS.values(), *SETTING_VALUES.values(), "Ollama box", "GitHub MCP", "Analytics", PASSPHRASE]:
        assert value.encode() not in blob, value
    assert not list(path.parent.glob(".my.vdsetup.*")), "no temp file is left behind"


def test_import_shows_the_plan_then_brings_every_section_and_its_secrets(
    exported: tuple[Path, dict[str, int]], machines: tuple[Core, Core], backend: MemoryKeyring
) -> None:
    path, source_ids = exported
    source, target = machines
    source_keychain = keychain_of(source, backend)
    service = make_setup(target)
    plan = service.open(path, PASSPHRASE)
    lines = {(c.section, c.item): c.action for c in plan.changes}
    assert lines == {
        ("settings", "MERGE_ACCESS_KEY"): ChangeAction.ADD,
        ("settings", "MERGE_TOOL_PACK_ID"): ChangeAction.ADD,
        ("settings", "OPENROUTER_API_KEY"): ChangeAction.ADD,
        ("settings", "OPENROUTER_BASE_URL"): ChangeAction.ADD,
        ("settings", "VECTOR_DEFAULT_MODEL"): ChangeAction.REPLACE,
        ("ai_servers", "Ollama box"): ChangeAction.REPLACE,
        ("connectors", "Merge pack"): ChangeAction.ADD,
        ("connectors", "MCP server GitHub MCP"): ChangeAction.ADD,
        ("connectors", "MCP server Web tools"): ChangeAction.ADD,
        ("databases", "Analytics"): ChangeAction.ADD,
        ("databases", "Supa"): ChangeAction.ADD,
    }
    replaced = next(c for c in plan.changes if c.item == "Ollama box")
    assert replaced.details == ("base URL", "API key")
    shown = "\n".join(c.line() for c in plan.changes)
    for secret in SECRETS.values():
        assert secret not in shown

    assert service.apply(plan) == ["settings", "ai_servers", "connectors", "databases"]

    sessions = target.store.sessions
    saved = target.settings.load_all()
    assert {k: saved[k] for k in SETTING_VALUES} == SETTING_VALUES
    keychain = keychain_of(target, backend)
    assert keychain["OPENROUTER_API_KEY"] == SECRETS["openrouter"]
    assert keychain["MERGE_ACCESS_KEY"] == SECRETS["merge"]
    assert target.config.get("OPENROUTER_BASE_URL") == SETTING_VALUES["OPENROUTER_BASE_URL"]

    (server,) = ServerRepository(sessions).list_servers()
    assert (server.name, server.base_url, server.has_key) == ("Ollama box", "http://10.0.0.5:11434/v1", True)
    assert keychain[server.key_ref] == SECRETS["ollama"]

    connectors = ConnectorRepository(sessions)
    assert connectors.get_state("merge.origin_user_id") == "origin-user-setup-1"
    assert connectors.connector_enabled_map()["merge:hubspot"] is False
    assert connectors.tool_enabled_map()[("merge:github", "delete_repo")] is False
    github = connectors.find_mcp_server("GitHub MCP")
    web = connectors.find_mcp_server("Web tools")
    assert github is not None and web is not None
    assert github.id != source_ids["github"] and web.id != source_ids["web"]
    assert (github.command, github.args) == ("github-mcp", ("--stdio",))
    assert [v.value for v in github.env] == ["", "debug"], "a secret value never lands in the store"
    assert keychain[mcp_secret_ref(github.id, "env", "GITHUB_TOKEN")] == SECRETS["mcp_env"]
    assert keychain[mcp_secret_ref(web.id, "header", "Authorization")] == SECRETS["mcp_header"]
    assert connectors.tool_enabled_map()[(web.key, "fetch")] is False

    databases = {c.name: c for c in DatabaseRepository(target.store).connections()}
    analytics, supa = databases["Analytics"], databases["Supa"]
    assert analytics.id != source_ids["analytics"] and supa.id != source_ids["supa"]
    assert (analytics.host, analytics.port, analytics.user, analytics.expose_to_ai) == (
        "db.setup-test.example",
        5433,
        "reader",
        True,
    )
    assert keychain[db_secret_ref(analytics.id, "password")] == SECRETS["db_password"]
    assert keychain[db_secret_ref(supa.id, "api_key")] == SECRETS["supabase"]
    assert db_secret_ref(source_ids["analytics"], "password") not in keychain
    assert keychain_of(source, backend) == source_keychain, "the source's keychain namespace is untouched"

    again = service.open(path, PASSPHRASE)
    assert {c.action for c in again.changes} == {ChangeAction.SAME}, [c.line() for c in again.pending]
    assert service.apply(again) == []


def test_a_wrong_passphrase_is_one_sentence_and_changes_nothing(
    exported: tuple[Path, dict[str, int]], machines: tuple[Core, Core], backend: MemoryKeyring
) -> None:
    path, _ids = exported
    _source, target = machines
    before = snapshot(target, backend)
    with pytest.raises(WrongKeyError) as caught:
        make_setup(target).open(path, "not the passphrase")
    assert str(caught.value) == "The key or passphrase is not the one this file was encrypted with."
    assert snapshot(target, backend) == before


def test_a_changed_byte_is_caught_and_changes_nothing(
    exported: tuple[Path, dict[str, int]], machines: tuple[Core, Core], backend: MemoryKeyring
) -> None:
    path, _ids = exported
    _source, target = machines
    blob = bytearray(path.read_bytes())
    middle = blob.index(b"\n") + (len(blob) - blob.index(b"\n")) // 2
    blob[middle] = ord("A") if blob[middle] != ord("A") else ord("B")
    path.write_bytes(bytes(blob))
    before = snapshot(target, backend)
    with pytest.raises(DamagedSealError) as caught:
        make_setup(target).open(path, PASSPHRASE)
    assert "the file was changed or cut after it was written" in str(caught.value)
    assert snapshot(target, backend) == before


def test_encryption_key_is_used_when_set(
    tmp_path: Path, backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source = open_profile(tmp_path, "a", backend)
    target = open_profile(tmp_path, "b", backend)
    try:
        for core in (source, target):
            core.config.apply_saved({"ENCRYPTION_KEY": "shared-machine-key-1234"}, core.settings, notify=False)
        fill_source(source)
        exporter = make_setup(source)
        assert exporter.configured_key() == "shared-machine-key-1234"
        path = tmp_path / "keyed.vdsetup"
        exporter.export(path, exporter.configured_key())
        importer = make_setup(target)
        plan = importer.open(path, importer.configured_key())
        assert "ENCRYPTION_KEY" not in {c.item for c in plan.changes}, "the key itself never travels"
        importer.apply(plan)
        assert keychain_of(target, backend)["OPENROUTER_API_KEY"] == SECRETS["openrouter"]
    finally:
        source.close()
        target.close()
