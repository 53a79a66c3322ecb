"""Where the app keeps its files: platformdirs locations, or everything under one --profile folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from vector_desktop import APP_ID, ORG_NAME

PROFILE_ENV = "VECTOR_PROFILE_DIR"
STORE_FILE_NAME = "vector.sqlite3"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path
    profile_dir: Path | None = None

    @property
    def store_file(self) -> Path:
        return self.data_dir / STORE_FILE_NAME

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "vector-desktop.log"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "vector-desktop.lock"

    @property
    def qt_settings_file(self) -> Path:
        return self.config_dir / "window.ini"

    @property
    def profile_env_file(self) -> Path:
        return (self.profile_dir or self.config_dir) / ".env"

    def all_dirs(self) -> tuple[Path, ...]:
        return (self.data_dir, self.config_dir, self.cache_dir, self.log_dir)

    def ensure(self) -> None:
        """Create the folders; raises OSError with the folder named when the profile is not writable."""
        for folder in self.all_dirs():
            folder.mkdir(parents=True, exist_ok=True)
            if not os.access(folder, os.W_OK):
                raise PermissionError(13, "Folder is not writable", str(folder))


def resolve_paths(profile: str | os.PathLike[str] | None = None, environ: dict[str, str] | None = None) -> AppPaths:
    """--profile wins, then VECTOR_PROFILE_DIR, then the platform's standard folders."""
    env = os.environ if environ is None else environ
    chosen = profile or env.get(PROFILE_ENV) or None
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(
            data_dir=root / "data",
            config_dir=root / "config",
            cache_dir=root / "cache",
            log_dir=root / "logs",
            profile_dir=root,
        )
    import platformdirs

    dirs = platformdirs.PlatformDirs(appname=APP_ID, appauthor=ORG_NAME)
    return AppPaths(
        data_dir=Path(dirs.user_data_dir),
        config_dir=Path(dirs.user_config_dir),
        cache_dir=Path(dirs.user_cache_dir),
        log_dir=Path(dirs.user_log_dir),
    )
