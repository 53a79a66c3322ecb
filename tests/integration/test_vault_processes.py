"""The secrets vault across real processes (no OS keychain: keyring's fail backend): secrets set by one process are
read by the next with ENCRYPTION_KEY, never in plain bytes, a wrong key reads nothing and changes nothing, a kill -9
while saving leaves a vault that opens, and a keychain that appears takes the secrets over."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.fixtures_databases import DbTarget
from tests.support.fixtures_databases import pg_target as pg_target
from tests.support.fixtures_s3 import closed_port
from tests.support.pg_auth_refuser import pg_auth_refuser
from vector_desktop.secret_vault import VAULT_FILE, SecretVault

REPO_ROOT = Path(__file__).resolve().parents[2]
KEY = "vault-test ENCRYPTION_KEY 0123456789"
SECRET = "sk-or-v1-TOPSECRET-processes-42"
FAIL_BACKEND = "keyring.backends.fail.Keyring"
WAIT_S = 60  # a guard against hangs, not a timing assertion

CHILD = """
import json, sys
from vector_desktop.core import open_core
from vector_desktop.paths import resolve_paths

profile, action, name = sys.argv[1:4]
core = open_core(resolve_paths(profile, environ={}))
secrets = core.secrets
try:
    if action == "set":
        secrets.set(name, sys.argv[4])
    elif action == "loop":  # save new values until killed; a line after each completed save
        count = 0
        while True:
            count += 1
            secrets.set(name, f"value-{count}")
            print(count, flush=True)
    value = secrets.get(name)
    print(json.dumps({"value": value, "persistent": secrets.persistent, "backend": secrets.backend_name,
                      "problem": secrets.problem, "crypto_loaded": "cryptography" in sys.modules}))
finally:
    core.close()
"""


@pytest.fixture
def env(subprocess_env: dict[str, str]) -> dict[str, str]:
    return {**subprocess_env, "PYTHON_KEYRING_BACKEND": FAIL_BACKEND, "ENCRYPTION_KEY": KEY}


def child(env: dict[str, str], profile: Path, action: str, name: str, *rest: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(profile), action, name, *rest],
        env=env,
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
    )
    assert done.returncode == 0, done.stderr
    assert SECRET not in done.stderr
    return dict(json.loads(done.stdout.splitlines()[-1]))


def vault_file(profile: Path) -> Path:
    return profile / "data" / VAULT_FILE


def every_byte(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_a_secret_survives_into_the_next_process_and_is_never_plain(env: dict[str, str], profile_dir: Path) -> None:
    saved = child(env, profile_dir, "set", "OPENROUTER_API_KEY", SECRET)
    assert (saved["persistent"], saved["backend"], saved["problem"]) == (True, "encrypted vault", "")
    read = child(env, profile_dir, "get", "OPENROUTER_API_KEY")
    assert read["value"] == SECRET
    assert SECRET.encode() not in every_byte(profile_dir)
    assert vault_file(profile_dir).read_bytes().startswith(b"VECTOR-SEALED ")


def test_a_wrong_key_reads_nothing_says_so_and_leaves_the_file(env: dict[str, str], profile_dir: Path) -> None:
    child(env, profile_dir, "set", "OPENROUTER_API_KEY", SECRET)
    before = vault_file(profile_dir).read_bytes()
    wrong = {**env, "ENCRYPTION_KEY": "not the key it was made with"}
    read = child(wrong, profile_dir, "set", "OPENROUTER_API_KEY", "typed-in-a-wrong-key-session")
    assert read["persistent"] is False
    assert "not the one it was made with" in str(read["problem"]) and "left unchanged" in str(read["problem"])
    assert child(wrong, profile_dir, "get", "OPENROUTER_API_KEY")["value"] is None
    assert vault_file(profile_dir).read_bytes() == before
    assert child(env, profile_dir, "get", "OPENROUTER_API_KEY")["value"] == SECRET


def test_no_key_means_this_session_only_and_says_how_to_keep_them(env: dict[str, str], profile_dir: Path) -> None:
    read = child({**env, "ENCRYPTION_KEY": ""}, profile_dir, "set", "OPENROUTER_API_KEY", SECRET)
    assert read["persistent"] is False and "ENCRYPTION_KEY" in str(read["problem"])
    assert not vault_file(profile_dir).exists()
    assert SECRET.encode() not in every_byte(profile_dir)


@pytest.mark.parametrize("saves_before_kill", [3, 25])
def test_kill_9_while_saving_leaves_a_vault_that_opens(
    env: dict[str, str], profile_dir: Path, saves_before_kill: int
) -> None:
    child(env, profile_dir, "set", "OPENROUTER_API_KEY", "value-0")
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(profile_dir), "loop", "OPENROUTER_API_KEY"],
        env=env,
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as writer:
        try:
            assert writer.stdout is not None
            for _ in range(saves_before_kill):
                assert writer.stdout.readline(), "the writer stopped early"
            writer.send_signal(signal.SIGKILL)  # most of the loop is inside a save
            writer.wait(WAIT_S)
            rest = writer.stdout.read().split()  # saves completed after the lines read above
        finally:
            if writer.poll() is None:
                writer.kill()
                writer.wait(WAIT_S)
    last = int(rest[-1]) if rest else saves_before_kill
    vault = SecretVault(vault_file(profile_dir), KEY)
    assert vault.open(), vault.problem
    assert vault.get("OPENROUTER_API_KEY") in (f"value-{last}", f"value-{last + 1}")
    assert b"value-" not in every_byte(profile_dir)  # a temp file left by the kill is sealed too
    child(env, profile_dir, "set", "OPENROUTER_API_KEY", "after")  # the next save works and tidies up
    names = sorted(p.name for p in vault_file(profile_dir).parent.iterdir() if "vault" in p.name)
    assert names == [VAULT_FILE, VAULT_FILE + ".lock"]


def test_a_keychain_that_appears_takes_the_secrets_and_the_vault_goes(
    env: dict[str, str], subprocess_env: dict[str, str], profile_dir: Path
) -> None:
    child(env, profile_dir, "set", "OPENROUTER_API_KEY", SECRET)
    with_keychain = {**subprocess_env, "ENCRYPTION_KEY": KEY}  # keyrings.alt's file backend, chosen explicitly
    read = child(with_keychain, profile_dir, "get", "OPENROUTER_API_KEY")
    assert (read["value"], read["backend"], read["problem"]) == (SECRET, "PlaintextKeyring", "")
    assert not vault_file(profile_dir).exists()
    # The next process needs no key at all: the secret is in the keychain now.
    again = child({**subprocess_env, "ENCRYPTION_KEY": ""}, profile_dir, "get", "OPENROUTER_API_KEY")
    assert again["value"] == SECRET


def test_with_a_keychain_open_core_loads_no_cryptography(subprocess_env: dict[str, str], profile_dir: Path) -> None:
    env = {**subprocess_env, "PYTHON_KEYRING_BACKEND": "tests.support.memory_keyring.MemoryKeyring"}
    read = child({**env, "ENCRYPTION_KEY": KEY}, profile_dir, "set", "OPENROUTER_API_KEY", SECRET)
    assert (read["value"], read["crypto_loaded"]) == (SECRET, False)
    assert not vault_file(profile_dir).exists()


def db(env: dict[str, str], profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vector_desktop", "db", "--profile", str(profile), *args],
        env=env,
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_db_add_then_a_new_process_has_the_password(env: dict[str, str], profile_dir: Path) -> None:
    url = f"postgresql://someone:{SECRET}@127.0.0.1:{closed_port()}/nowhere"
    added = db(env, profile_dir, "add", "later", url)
    assert added.returncode == 0, added.stderr
    assert "not saved" not in added.stderr
    assert db(env, profile_dir, "ls").stdout.startswith("db:1\tlater\tpostgresql\t")
    vault = SecretVault(vault_file(profile_dir), KEY)
    assert vault.open() and SECRET in vault.entries().values()
    assert SECRET.encode() not in every_byte(profile_dir)


def test_db_test_in_a_new_process_signs_in_with_the_saved_password(
    env: dict[str, str], profile_dir: Path, pg_target: DbTarget
) -> None:
    with pg_auth_refuser("127.0.0.1", 5432, pg_target.password) as door:  # checks the password, unlike the server
        url = pg_target.url().replace(":5432/", f":{door.port}/") + "?sslmode=disable"
        added = db(env, profile_dir, "add", "shop", url)
        assert added.returncode == 0 and "not saved" not in added.stderr, added.stderr
        tested = db(env, profile_dir, "test", "shop")
        assert tested.returncode == 0, tested.stderr
        assert dict(line.split("\t", 1) for line in tested.stdout.splitlines())["user"] == pg_target.user
        before = vault_file(profile_dir).read_bytes()
        refused = db({**env, "ENCRYPTION_KEY": "a wrong key"}, profile_dir, "test", "shop")
        assert refused.returncode == 1 and pg_target.password not in refused.stderr + refused.stdout
        assert vault_file(profile_dir).read_bytes() == before
    assert pg_target.password.encode() not in every_byte(profile_dir)
