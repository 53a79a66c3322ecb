"""`vector-desktop setup export|import` in this process (the real argument parsing, core and keychain namespaces
per profile), with the passphrase on stdin."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.integration.setup.profiles import PASSPHRASE, SECRETS, fill_source, fill_target, open_profile, snapshot
from tests.support.memory_keyring import MemoryKeyring
from vector_desktop import commands
from vector_desktop.app import main

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ENCRYPTION_KEY", raising=False)
    if "vector_desktop.commands.setup" not in commands.COMMAND_MODULES:  # until the lead lists it
        monkeypatch.setattr(commands, "COMMAND_MODULES", (*commands.COMMAND_MODULES, "vector_desktop.commands.setup"))

    def run(profile: str, *args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(["setup", "--profile", str(tmp_path / profile), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def one_sentence(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("vector-desktop: ") and lines[0].endswith("."), lines[0]
    return lines[0]


@pytest.fixture
def setup_file(tmp_path: Path, memory_keyring: MemoryKeyring, cli: Run) -> Path:
    source = open_profile(tmp_path, "laptop", memory_keyring)
    target = open_profile(tmp_path, "desktop", memory_keyring)
    fill_source(source)
    fill_target(target)
    source.close()
    target.close()
    path = tmp_path / "setup.vdsetup"
    code, out, err = cli("laptop", "export", str(path), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert (code, err) == (0, "")
    assert out.startswith("Exported 11 items (settings 5, ai servers 1, connectors 3, database connections 2) to ")
    assert "encrypted with your passphrase" in out
    return path


def target_state(tmp_path: Path, backend: MemoryKeyring) -> dict[str, object]:
    core = open_profile(tmp_path, "desktop", backend)
    try:
        return snapshot(core, backend)
    finally:
        core.close()


def test_dry_run_lists_the_plan_and_writes_nothing(
    tmp_path: Path, memory_keyring: MemoryKeyring, cli: Run, setup_file: Path
) -> None:
    before = target_state(tmp_path, memory_keyring)
    code, out, err = cli("desktop", "import", str(setup_file), "--dry-run", "--passphrase-stdin", stdin=PASSPHRASE)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert any(line.split()[:3] == ["replace", "ai_servers", "Ollama"] for line in lines), out
    assert any(line.split()[:3] == ["add", "databases", "Analytics"] for line in lines), out
    assert lines[-1] == "Dry run: nothing was written."
    for secret in SECRETS.values():
        assert secret not in out
    assert target_state(tmp_path, memory_keyring) == before


def test_without_a_terminal_import_needs_yes(
    tmp_path: Path, memory_keyring: MemoryKeyring, cli: Run, setup_file: Path
) -> None:
    before = target_state(tmp_path, memory_keyring)
    code, _out, err = cli("desktop", "import", str(setup_file), "--passphrase-stdin", stdin=PASSPHRASE)
    assert code == 2
    assert "add --yes" in one_sentence(err)
    assert target_state(tmp_path, memory_keyring) == before

    code, out, err = cli("desktop", "import", str(setup_file), "--yes", "--passphrase-stdin", stdin=PASSPHRASE)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "Imported 11 items (settings, ai servers, connectors, databases)."
    after = target_state(tmp_path, memory_keyring)
    assert SECRETS["db_password"] in after["keychain"].values()  # type: ignore[union-attr]
    assert SECRETS["mcp_header"] in after["keychain"].values()  # type: ignore[union-attr]


def test_a_wrong_passphrase_is_one_line_and_exit_1(
    tmp_path: Path, memory_keyring: MemoryKeyring, cli: Run, setup_file: Path
) -> None:
    before = target_state(tmp_path, memory_keyring)
    code, out, err = cli("desktop", "import", str(setup_file), "--yes", "--passphrase-stdin", stdin="wrong one\n")
    assert (code, out) == (1, "")
    assert one_sentence(err) == ("vector-desktop: The key or passphrase is not the one this file was encrypted with.")
    assert target_state(tmp_path, memory_keyring) == before


def test_no_key_and_no_terminal_is_a_usage_error(tmp_path: Path, cli: Run) -> None:
    code, out, err = cli("laptop", "export", str(tmp_path / "x.vdsetup"))
    assert (code, out) == (2, "")
    assert "ENCRYPTION_KEY" in one_sentence(err)
    assert not (tmp_path / "x.vdsetup").exists()


def test_encryption_key_from_the_environment(
    tmp_path: Path, cli: Run, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ENCRYPTION_KEY", "env-key-for-setup-99")
    core = open_profile(tmp_path, "laptop", memory_keyring)
    fill_source(core)
    core.close()
    path = tmp_path / "env.vdsetup"
    code, out, err = cli("laptop", "export", str(path))
    assert (code, err) == (0, "")
    assert "encrypted with ENCRYPTION_KEY" in out
    code, out, err = cli("desktop", "import", str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert "add      databases    Analytics" in out


def test_encryption_key_that_does_not_fit_points_to_the_passphrase(
    tmp_path: Path, memory_keyring: MemoryKeyring, cli: Run, setup_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = target_state(tmp_path, memory_keyring)
    monkeypatch.setenv("ENCRYPTION_KEY", "a-key-that-did-not-seal-it")
    code, out, err = cli("desktop", "import", str(setup_file), "--yes")
    assert (code, out) == (1, "")
    assert "--passphrase-stdin" in one_sentence(err)
    assert target_state(tmp_path, memory_keyring) == before
    code, out, err = cli("desktop", "import", str(setup_file), "--dry-run", "--passphrase-stdin", stdin=PASSPHRASE)
    assert (code, err) == (0, "")
