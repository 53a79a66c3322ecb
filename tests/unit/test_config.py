"""Declared settings: parsing, messages, precedence and sources, and where saved values land."""

from __future__ import annotations

from pathlib import Path

import pytest

from vector_desktop.config import SETTINGS, SPECS, Config, SettingsRejected, Source, load_config
from vector_desktop.domain.errors import SettingValueError
from vector_desktop.secrets import SecretStore
from vector_desktop.setting_types import Group, Kind, SettingSpec
from vector_desktop.setting_values import format_value, parse_value
from vector_desktop.store.settings_repository import SettingsRepository

SECRET = "sk-or-v1-TOPSECRET-0123456789abcdef"


def error_of(key: str, raw: str) -> str:
    with pytest.raises(SettingValueError) as caught:
        parse_value(SPECS[key], raw)
    assert caught.value.key == key
    return caught.value.message


def files_under(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# --- declarations ---------------------------------------------------------------------------------------------------


def test_every_setting_is_declared_once_with_a_usable_default() -> None:
    keys = [spec.key for spec in SETTINGS]
    assert len(keys) == len(set(keys))
    for spec in SETTINGS:
        assert spec.label and spec.description, spec.key
        if spec.kind is Kind.CHOICE:
            assert spec.default in spec.choices
        if spec.default not in ("", None):
            assert parse_value(spec, format_value(spec, spec.default)) == spec.default, spec.key


def test_every_group_of_the_issue_exists() -> None:
    assert [g.value for g in Group] == ["AI", "Storage", "Connectors", "Email", "Account", "Privacy", "Advanced"]


# --- parsing --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("OPENROUTER_APP_NAME", "  My app  ", "My app"),
        ("R2_PRESIGNED_URL_EXPIRY", "600", 600),
        ("VECTOR_REQUEST_TIMEOUT", "2.5", 2.5),
        ("VECTOR_REQUEST_TIMEOUT", "30", 30.0),
        ("VECTOR_ANALYTICS", "yes", True),
        ("VECTOR_ANALYTICS", "TRUE", True),
        ("VECTOR_ANALYTICS", "1", True),
        ("VECTOR_ANALYTICS", "off", False),
        ("VECTOR_ANALYTICS", "", False),
        ("OPENROUTER_BASE_URL", "http://127.0.0.1:8080/api/v1", "http://127.0.0.1:8080/api/v1"),
        ("EMAIL_PORT", "587", 587),
        ("EMAIL_PORT", "65535", 65535),
        ("VECTOR_THEME", "Dark", "dark"),
        ("VECTOR_LOG_LEVEL", "debug", "DEBUG"),
        ("DEFAULT_FROM_EMAIL", "team@example.com", "team@example.com"),
        ("DEFAULT_FROM_EMAIL", "Vector <team@mail.example.com>", "Vector <team@mail.example.com>"),
        ("R2_ENDPOINT_URL", "", ""),
        ("EMAIL_PORT", "", 465),
    ],
)
def test_every_kind_is_parsed(key: str, raw: str, expected: object) -> None:
    value = parse_value(SPECS[key], raw)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        ("OPENROUTER_BASE_URL", "openrouter.ai/api", "'openrouter.ai/api' is not a web address (http:// or https://)"),
        ("OPENROUTER_BASE_URL", "ftp://example.com", "'ftp://example.com' is not a web address (http:// or https://)"),
        ("OPENROUTER_BASE_URL", "https://exa mple.com", "'https://exa mple.com' is not a web address"),
        ("OPENROUTER_BASE_URL", "https://example.com:99999/v1", "'https://example.com:99999/v1' has an invalid port"),
        ("OPENROUTER_BASE_URL", "", "a value is required"),
        ("EMAIL_PORT", "0", "0 is out of range for a port (1 to 65535)"),
        ("EMAIL_PORT", "65536", "65536 is out of range for a port (1 to 65535)"),
        ("EMAIL_PORT", "smtp", "'smtp' is not a whole number"),
        ("EMAIL_PORT", "465.5", "'465.5' is not a whole number"),
        ("VECTOR_JOB_WORKERS", "0", "0 is out of range for a value (1 to 32)"),
        ("VECTOR_JOB_WORKERS", "many", "'many' is not a whole number"),
        ("VECTOR_REQUEST_TIMEOUT", "fast", "'fast' is not a number"),
        ("VECTOR_REQUEST_TIMEOUT", "nan", "'nan' is not a number"),
        ("VECTOR_REQUEST_TIMEOUT", "inf", "'inf' is not a number"),
        ("VECTOR_REQUEST_TIMEOUT", "0.5", "0.5 is out of range for a value (1 to 3600)"),
        ("DEFAULT_FROM_EMAIL", "team", "'team' is not an email address"),
        ("DEFAULT_FROM_EMAIL", "team@localhost", "'team@localhost' is not an email address"),
        ("DEFAULT_FROM_EMAIL", "@example.com", "'@example.com' is not an email address"),
        ("DEFAULT_FROM_EMAIL", "a b@example.com", "'a b@example.com' is not an email address"),
        ("DEFAULT_FROM_EMAIL", "a@@example.com", "'a@@example.com' is not an email address"),
        ("DEFAULT_FROM_EMAIL", "a@example..com", "'a@example..com' is not an email address"),
        ("VECTOR_THEME", "purple", "'purple' is not one of system, light, dark"),
        ("VECTOR_ANALYTICS", "maybe", "'maybe' is not yes/no (use true or false)"),
        ("OPENROUTER_APP_NAME", "two\nlines", "control characters are not allowed"),
    ],
)
def test_bad_values_get_a_clear_message(key: str, raw: str, message: str) -> None:
    assert error_of(key, raw).startswith(message)
    assert str(SettingValueError(key, message)).startswith(f"{key}: ")


def test_a_secret_is_never_quoted_in_a_message() -> None:
    spec = SettingSpec("X_SECRET_URL", Kind.URL, "", "Secret URL", "A URL with a token.", Group.ADVANCED, secret=True)
    with pytest.raises(SettingValueError) as caught:
        parse_value(spec, "token-abc123-not-a-url")
    assert "token-abc123" not in str(caught.value)
    assert "is not a web address" in str(caught.value)


def test_float_values_keep_their_precision_when_saved() -> None:
    spec = SPECS["VECTOR_REQUEST_TIMEOUT"]
    assert format_value(spec, parse_value(spec, "12.345678901")) == "12.345678901"


# --- precedence and sources ----------------------------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_precedence_default_dotenv_environment_saved(tmp_path: Path) -> None:
    dotenv = write(
        tmp_path / ".env",
        "EMAIL_PORT=2525\nEMAIL_HOST=dotenv.example.com\nEMAIL_HOST_USER=dotenv-user\nVECTOR_THEME=light\n",
    )
    config = load_config(
        [dotenv],
        environ={"EMAIL_HOST": "env.example.com", "EMAIL_HOST_USER": "env-user", "PATH": "/usr/bin"},
        saved={"EMAIL_HOST_USER": "saved-user"},
    )
    assert (config.get("VECTOR_JOB_WORKERS"), config.source("VECTOR_JOB_WORKERS")) == (4, Source.DEFAULT)
    assert (config.get("EMAIL_PORT"), config.source("EMAIL_PORT")) == (2525, Source.DOTENV)
    assert config.resolve("EMAIL_PORT").origin == str(dotenv)
    assert (config.get("EMAIL_HOST"), config.source("EMAIL_HOST")) == ("env.example.com", Source.ENVIRONMENT)
    assert (config.get("EMAIL_HOST_USER"), config.source("EMAIL_HOST_USER")) == ("saved-user", Source.SAVED)
    assert config.get("VECTOR_THEME") == "light"
    assert config.problems == []


def test_the_later_dotenv_file_wins(tmp_path: Path) -> None:
    first = write(tmp_path / "cwd" / ".env", "EMAIL_HOST=first.example.com\nEMAIL_PORT=2525\n")
    second = write(tmp_path / "profile" / ".env", "EMAIL_HOST=second.example.com\n")
    config = load_config([first, second, tmp_path / "missing" / ".env"], environ={})
    assert config.get("EMAIL_HOST") == "second.example.com"
    assert config.resolve("EMAIL_HOST").origin == str(second)
    assert config.get("EMAIL_PORT") == 2525
    assert config.resolve("EMAIL_PORT").origin == str(first)


def test_empty_values_mean_not_set(tmp_path: Path) -> None:
    """A .env copied from .env.example has every name with an empty value; that must not break anything."""
    names = "".join(f"{spec.key}=\n" for spec in SETTINGS)
    config = load_config([write(tmp_path / ".env", names)], environ={"SENTRY_ENVIRONMENT": ""})
    assert config.validate_all() == []
    assert config.get("OPENROUTER_BASE_URL") == "https://openrouter.ai/api/v1"
    assert config.source("OPENROUTER_BASE_URL") is Source.DEFAULT
    assert config.get("SENTRY_ENVIRONMENT") == "desktop"


def test_invalid_dotenv_values_are_problems_and_the_lower_layer_is_used(tmp_path: Path) -> None:
    first = write(tmp_path / "a" / ".env", "EMAIL_PORT=2525\n")
    second = write(
        tmp_path / "b" / ".env",
        "EMAIL_PORT=smtp\nOPENROUTER_BASE_URL=openrouter.ai\nVECTOR_THEME=purple\nVECTOR_JOB_WORKERS=100\n",
    )
    config = load_config([first, second], environ={})
    assert (config.get("EMAIL_PORT"), config.resolve("EMAIL_PORT").origin) == (2525, str(first))
    assert config.get("OPENROUTER_BASE_URL") == "https://openrouter.ai/api/v1"
    assert config.get("VECTOR_THEME") == "system"
    assert config.get("VECTOR_JOB_WORKERS") == 4
    messages = {p.key: str(p) for p in config.validate_all()}
    assert messages == {
        "EMAIL_PORT": f"EMAIL_PORT: 'smtp' is not a whole number (in {second}; ignored)",
        "OPENROUTER_BASE_URL": (
            f"OPENROUTER_BASE_URL: 'openrouter.ai' is not a web address (http:// or https://) (in {second}; ignored)"
        ),
        "VECTOR_THEME": f"VECTOR_THEME: 'purple' is not one of system, light, dark (in {second}; ignored)",
        "VECTOR_JOB_WORKERS": f"VECTOR_JOB_WORKERS: 100 is out of range for a value (1 to 32) (in {second}; ignored)",
    }


def test_invalid_environment_and_saved_values_fall_back(tmp_path: Path) -> None:
    dotenv = write(tmp_path / ".env", "EMAIL_PORT=2525\n")
    config = load_config([dotenv], environ={"EMAIL_PORT": "-1"}, saved={"VECTOR_THEME": "neon"})
    assert config.get("EMAIL_PORT") == 2525
    assert config.get("VECTOR_THEME") == "system"
    assert sorted(str(p) for p in config.validate_all()) == [
        "EMAIL_PORT: -1 is out of range for a port (1 to 65535) (environment variable ignored)",
        "VECTOR_THEME: 'neon' is not one of system, light, dark (value saved in the app ignored)",
    ]


def test_unreadable_files_and_malformed_lines_are_problems(tmp_path: Path) -> None:
    broken = write(tmp_path / "a" / ".env", "EMAIL_HOST=ok.example.com\nthis is not an assignment\n")
    binary = tmp_path / "b" / ".env"
    binary.parent.mkdir()
    binary.write_bytes(b"EMAIL_HOST=\xff\xfe\n")
    config = load_config([broken, binary], environ={})
    assert config.get("EMAIL_HOST") == "ok.example.com"
    assert [str(p) for p in config.problems] == [
        f"{broken}, line 2: this line is not NAME=value; it was ignored",
        f"{binary}: the file could not be read (it is not UTF-8 text); it was ignored",
    ]


# --- saving ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def repo(store) -> SettingsRepository:  # type: ignore[no-untyped-def]
    return SettingsRepository(store)


@pytest.fixture
def secrets(memory_keyring) -> SecretStore:  # type: ignore[no-untyped-def]
    return SecretStore("vector-desktop-test")


def test_apply_saved_saves_nothing_on_any_error(repo: SettingsRepository, secrets: SecretStore, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    config = load_config([], environ={}, saved=repo.load_all(), secrets=secrets)
    heard: list[set[str]] = []
    config.listeners.append(heard.append)
    with pytest.raises(SettingsRejected) as caught:
        config.apply_saved(
            {"EMAIL_HOST": "smtp.example.com", "EMAIL_PORT": "99999", "OPENAI_API_KEY": SECRET, "NO_SUCH": "x"},
            repo,
        )
    assert {e.key for e in caught.value.errors} == {"EMAIL_PORT", "NO_SUCH"}
    assert "99999 is out of range for a port" in str(caught.value)
    assert repo.load_all() == {}
    assert memory_keyring.values == {}
    assert config.get("EMAIL_HOST") == "smtp.resend.com"
    assert heard == []


def test_apply_saved_saves_and_removes(repo: SettingsRepository, tmp_path: Path) -> None:
    dotenv = write(tmp_path / ".env", "EMAIL_HOST=dotenv.example.com\n")
    config = load_config([dotenv], environ={}, saved=repo.load_all())
    assert config.get("EMAIL_HOST") == "dotenv.example.com"
    heard: list[set[str]] = []
    config.listeners.append(heard.append)
    changed = config.apply_saved({"EMAIL_HOST": " saved.example.com ", "VECTOR_REQUEST_TIMEOUT": "90"}, repo)
    assert changed == {"EMAIL_HOST", "VECTOR_REQUEST_TIMEOUT"}
    assert heard == [changed]
    assert repo.load_all() == {"EMAIL_HOST": "saved.example.com", "VECTOR_REQUEST_TIMEOUT": "90"}
    assert (config.get("EMAIL_HOST"), config.source("EMAIL_HOST")) == ("saved.example.com", Source.SAVED)
    # A fresh start reads the same values back from the store.
    again = load_config([dotenv], environ={}, saved=repo.load_all())
    assert (again.get("VECTOR_REQUEST_TIMEOUT"), again.source("VECTOR_REQUEST_TIMEOUT")) == (90.0, Source.SAVED)
    config.apply_saved({"EMAIL_HOST": None}, repo, notify=False)
    assert heard == [changed]  # notify=False leaves telling listeners to the caller
    assert repo.load_all() == {"VECTOR_REQUEST_TIMEOUT": "90"}
    assert (config.get("EMAIL_HOST"), config.source("EMAIL_HOST")) == ("dotenv.example.com", Source.DOTENV)


def test_secrets_go_to_the_keychain_never_to_sqlite(
    repo: SettingsRepository,
    secrets: SecretStore,
    memory_keyring,
    store,
    app_paths,  # type: ignore[no-untyped-def]
) -> None:
    config = load_config([], environ={}, saved=repo.load_all(), secrets=secrets)
    config.apply_saved({"OPENROUTER_API_KEY": SECRET, "EMAIL_HOST_PASSWORD": SECRET + "-2", "EMAIL_HOST": "h.io"}, repo)
    assert memory_keyring.values[("vector-desktop-test", "OPENROUTER_API_KEY")] == SECRET
    assert (config.get("OPENROUTER_API_KEY"), config.source("OPENROUTER_API_KEY")) == (SECRET, Source.KEYCHAIN)
    assert repo.load_all() == {"EMAIL_HOST": "h.io"}
    store.dispose()  # checkpoint the WAL so every byte SQLite wrote is in files we read
    written = files_under(app_paths.data_dir)
    assert any(path.name.startswith("vector.sqlite3") for path in written)
    assert all(b"TOPSECRET" not in data for data in written.values())
    with pytest.raises(ValueError, match="belongs in the keychain"):
        repo.save({"OPENROUTER_API_KEY": SECRET})
    # Saving None or "" removes a secret from the keychain; the environment applies again.
    config.environ = {"OPENROUTER_API_KEY": "from-env"}
    config.apply_saved({"OPENROUTER_API_KEY": None, "EMAIL_HOST_PASSWORD": ""}, repo)
    assert memory_keyring.values == {}
    assert (config.get("OPENROUTER_API_KEY"), config.source("OPENROUTER_API_KEY")) == ("from-env", Source.ENVIRONMENT)
    assert config.source("EMAIL_HOST_PASSWORD") is Source.DEFAULT


def test_secrets_without_a_secret_store_are_rejected(repo: SettingsRepository) -> None:
    config = Config()
    with pytest.raises(SettingsRejected, match="no keychain"):
        config.apply_saved({"OPENROUTER_API_KEY": SECRET, "EMAIL_HOST": "h.io"}, repo)
    assert repo.load_all() == {}


def test_rows_of_undeclared_or_secret_keys_are_not_loaded(repo: SettingsRepository, store) -> None:  # type: ignore[no-untyped-def]
    from vector_desktop.store.tables import SettingRow

    with store.sessions.begin() as session:
        session.add_all([SettingRow(key="GONE_SETTING", value="x"), SettingRow(key="OPENAI_API_KEY", value="old")])
    repo.save({"EMAIL_HOST": "h.io"})
    assert repo.load_all() == {"EMAIL_HOST": "h.io"}
    with pytest.raises(ValueError, match="not a declared setting"):
        repo.save({"GONE_SETTING": "y"})
