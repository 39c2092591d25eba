"""Where the app keeps its files. Nothing is created at import time.

The folders are platformdirs' with ``appauthor=False``: with an author, Windows repeats the
name (``%LOCALAPPDATA%\\iamport-desk\\iamport-desk``). Copies up to 0.x used those folders;
``migrate_legacy_folders`` moves their files once, never overwriting anything.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from platformdirs.api import PlatformDirsABC

APP_NAME = "iamport-desk"
LEGACY_APP_AUTHOR = "iamport-desk"  # what older versions passed as appauthor
# Lets tests, support staff and portable installs put everything under one folder.
HOME_ENV = "IAMPORT_DESK_HOME"
HISTORY_NAME = "history.sqlite3"
# SQLite's companions: moved with the history or not at all (a -wal holds committed rows).
HISTORY_COMPANIONS = ("", "-wal", "-shm", "-journal")
_MIGRATED_MARK = ".migrated-from-legacy-folders"


def _dirs(appauthor: str | Literal[False]) -> PlatformDirsABC:
    """platformdirs for the running platform, chosen at call time (tests fake sys.platform)."""
    if sys.platform == "win32":
        from platformdirs.windows import Windows

        return Windows(APP_NAME, appauthor)
    if sys.platform == "darwin":
        from platformdirs.macos import MacOS

        return MacOS(APP_NAME, appauthor)
    from platformdirs.unix import Unix

    return Unix(APP_NAME, appauthor)


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The four folders the app writes to. ``ensure()`` creates them when needed."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def history_db(self) -> Path:
        return self.data_dir / HISTORY_NAME

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

    def demo(self) -> AppPaths:
        """The demo's folders: practice never mixes with the real history or profiles."""
        return AppPaths(*(folder / "demo" for folder in self.all_dirs()))

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        return cls(root / "data", root / "config", root / "cache", root / "log")

    @classmethod
    def _platform(cls, appauthor: str | Literal[False]) -> AppPaths:
        dirs = _dirs(appauthor)
        return cls(
            Path(dirs.user_data_dir),
            Path(dirs.user_config_dir),
            Path(dirs.user_cache_dir),
            Path(dirs.user_log_dir),
        )

    @classmethod
    def default(cls, *, demo: bool = False) -> AppPaths:
        """The platform's folders, or those under $IAMPORT_DESK_HOME."""
        home = os.environ.get(HOME_ENV)
        paths = cls.under(Path(home)) if home else cls._platform(False)
        return paths.demo() if demo else paths

    @classmethod
    def legacy(cls, *, demo: bool = False) -> AppPaths | None:
        """The folders older versions used, where they differ from ``default()``; else None."""
        if os.environ.get(HOME_ENV):
            return None
        old = cls._platform(LEGACY_APP_AUTHOR)
        if old == cls._platform(False):
            return None  # only Windows puts the author in the path
        return old.demo() if demo else old


def migrate_legacy_folders(paths: AppPaths, legacy: AppPaths | None) -> list[str]:
    """Move the history (with -wal/-shm), settings and logs from ``legacy`` to ``paths``.

    ``paths``/``legacy`` are the real (not the demo's) folders; the demo's move too. Once: a
    mark in ``paths.data_dir`` records that it ran. Never overwrites: a file whose new place
    is taken stays where it was (the history moves only if none of its files are taken).
    Returns English sentences for the log, since logging is set up after this (so that old
    logs move before the new log file opens). Errors are reported, not raised.
    """
    if legacy is None:
        return []
    mark = paths.data_dir / _MIGRATED_MARK
    if mark.exists() or not legacy.data_dir.is_dir():
        return []
    notes: list[str] = []
    for new, old in ((paths.demo(), legacy.demo()), (paths, legacy)):
        _migrate_one(new, old, notes)
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        mark.write_text("files of the old folders were moved here\n", encoding="utf-8")
    except OSError as exc:
        notes.append(f"Could not record the folder migration in {mark}: {exc.strerror}")
    return notes


def _migrate_one(paths: AppPaths, legacy: AppPaths, notes: list[str]) -> None:
    history = [HISTORY_NAME + suffix for suffix in HISTORY_COMPANIONS]
    _move_group(legacy.data_dir, paths.data_dir, history, notes)
    _move_group(legacy.config_dir, paths.config_dir, ["settings.json"], notes)
    if legacy.log_dir.is_dir():
        for old_log in sorted(legacy.log_dir.iterdir()):
            if old_log.is_file() and not old_log.name.startswith("."):
                _move_group(legacy.log_dir, paths.log_dir, [old_log.name], notes)
    for folder in (legacy.log_dir, legacy.cache_dir, legacy.config_dir, legacy.data_dir):
        _remove_if_empty(folder)


def _move_group(src_dir: Path, dst_dir: Path, names: list[str], notes: list[str]) -> None:
    present = [name for name in names if (src_dir / name).exists()]
    if not present:
        return
    taken = [name for name in present if (dst_dir / name).exists()]
    if taken:
        notes.append(
            f"Kept {', '.join(present)} in the old folder {src_dir}: {dst_dir / taken[0]} "
            "already exists and is never overwritten."
        )
        return
    moved: list[str] = []
    try:
        dst_dir.mkdir(parents=True, exist_ok=True)
        for name in present:
            os.rename(src_dir / name, dst_dir / name)
            moved.append(name)
    except OSError as exc:
        for name in moved:  # a history never ends up split from its -wal
            with contextlib.suppress(OSError):
                os.rename(dst_dir / name, src_dir / name)
        notes.append(f"Could not move {', '.join(present)} from {src_dir}: {exc.strerror}")
        return
    notes.append(f"Moved {', '.join(present)} from the old folder {src_dir} to {dst_dir}.")


def _remove_if_empty(folder: Path) -> None:
    # Not removed when not empty (kept files, or something of the user's) or already gone.
    with contextlib.suppress(OSError):
        folder.rmdir()
