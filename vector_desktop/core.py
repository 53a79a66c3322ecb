"""The Qt-free part of the composition root: paths, store, settings and secrets, shared by the GUI and the CLI."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vector_desktop.config import Config, load_config
from vector_desktop.paths import AppPaths
from vector_desktop.secrets import SecretStore
from vector_desktop.store.engine import OpenedStore, open_store
from vector_desktop.store.settings_repository import SettingsRepository

if TYPE_CHECKING:
    from vector_desktop.services.cloud_storage_service import CloudStorageService


def keychain_service(paths: AppPaths) -> str:
    """One keychain namespace per profile, so a test or second profile never sees the main profile's keys."""
    if paths.profile_dir is None:
        return "vector-desktop"
    digest = hashlib.sha256(str(paths.profile_dir).encode()).hexdigest()[:12]
    return f"vector-desktop:{digest}"


def dotenv_paths(paths: AppPaths, cwd: Path | None = None) -> list[Path]:
    """.env in the working directory, then the profile's .env (the later file wins)."""
    return [(cwd or Path.cwd()) / ".env", paths.profile_env_file]


@dataclass
class Core:
    paths: AppPaths
    store: OpenedStore
    config: Config
    secrets: SecretStore
    settings: SettingsRepository
    offline: bool = False
    closers: list = field(default_factory=list)

    def close(self) -> None:
        for closer in reversed(self.closers):
            closer()
        self.closers.clear()
        self.store.dispose()


def open_core(
    paths: AppPaths,
    *,
    offline: bool = False,
    environ: Mapping[str, str] | None = None,
    secrets: SecretStore | None = None,
) -> Core:
    """Open everything the services need. Raises VectorError subclasses with messages for the user."""
    paths.ensure()
    store = open_store(paths.store_file, paths.backup_dir)
    secret_store = secrets or SecretStore(keychain_service(paths))
    settings = SettingsRepository(store.sessions)
    config: Config = load_config(
        dotenv_paths(paths), dict(os.environ if environ is None else environ), settings.load_all(), secret_store
    )
    return Core(paths, store, config, secret_store, settings, offline)


def storage_root(paths: AppPaths) -> Path:
    """The local backend's folder in the profile."""
    return paths.data_dir / "storage"


def make_storage_service(core: Core, **kwargs: Any) -> CloudStorageService:
    """The storage service wired to the core's settings and store (shared by the CLI and the GUI)."""
    from vector_desktop.services.cloud_storage_service import CloudStorageService
    from vector_desktop.store.storage_repository import StorageRepository

    repository = StorageRepository(core.store.sessions)
    return CloudStorageService(
        core.config, local_root=storage_root(core.paths), state=repository, links=repository, **kwargs
    )
