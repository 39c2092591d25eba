"""Where the app keeps its files. Nothing is created at import time."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "iamport-desk"
APP_AUTHOR = "iamport-desk"
# Lets tests, support staff and portable installs put everything under one folder.
HOME_ENV = "IAMPORT_DESK_HOME"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The four folders the app writes to. ``ensure()`` creates them when needed."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def history_db(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "iamport-desk.log"

    def all_dirs(self) -> tuple[Path, ...]:
        return (self.data_dir, self.config_dir, self.cache_dir, self.log_dir)

    def ensure(self) -> None:
        for folder in self.all_dirs():
            folder.mkdir(parents=True, exist_ok=True)

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        return cls(root / "data", root / "config", root / "cache", root / "log")

    @classmethod
    def default(cls, *, demo: bool = False) -> AppPaths:
        """The platform's folders, or those under $IAMPORT_DESK_HOME.

        The demo gets folders of its own so that practice never mixes with the real
        audit history or the real store profiles.
        """
        home = os.environ.get(HOME_ENV)
        if home:
            paths = cls.under(Path(home))
        else:
            dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
            paths = cls(
                Path(dirs.user_data_dir),
                Path(dirs.user_config_dir),
                Path(dirs.user_cache_dir),
                Path(dirs.user_log_dir),
            )
        if demo:
            return cls(*(folder / "demo" for folder in paths.all_dirs()))
        return paths
