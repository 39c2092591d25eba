"""Folders on Windows without the repeated name, and the move from the old ones (issue 17.10).

Windows is faked: sys.platform is "win32" and platformdirs reads %LOCALAPPDATA% from the
environment (its fallback when the Windows API is not there).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import platformdirs.windows
import pytest

from iamport_desk.paths import HOME_ENV, AppPaths, migrate_legacy_folders


@pytest.fixture
def fake_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    local = tmp_path / "AppData" / "Local"
    monkeypatch.delenv(HOME_ENV, raising=False)
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("APPDATA", str(tmp_path / "AppData" / "Roaming"))
    monkeypatch.setattr("iamport_desk.paths.sys.platform", "win32")
    monkeypatch.setattr(
        platformdirs.windows, "get_win_folder", platformdirs.windows.get_win_folder_from_env_vars
    )
    return local


def test_windows_folders_do_not_repeat_the_name(fake_windows: Path) -> None:
    paths = AppPaths.default()
    assert paths.data_dir == fake_windows / "iamport-desk"
    assert paths.config_dir == fake_windows / "iamport-desk"
    assert paths.log_dir == fake_windows / "iamport-desk" / "Logs"
    assert "iamport-desk/iamport-desk" not in paths.history_db.as_posix()
    assert AppPaths.default(demo=True).data_dir == fake_windows / "iamport-desk" / "demo"
    legacy = AppPaths.legacy()
    assert legacy is not None and legacy.data_dir == fake_windows / "iamport-desk" / "iamport-desk"


def test_no_legacy_folders_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    assert AppPaths.legacy() is None  # IAMPORT_DESK_HOME is set by conftest
    monkeypatch.delenv(HOME_ENV)
    monkeypatch.setattr("iamport_desk.paths.sys.platform", "linux")
    assert AppPaths.legacy() is None  # Unix and macOS never put the author in the path


def _old_install(legacy: AppPaths) -> None:
    for paths in (legacy, legacy.demo()):
        paths.ensure()
        with sqlite3.connect(paths.history_db) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE t(x)")
            conn.execute("INSERT INTO t VALUES (1)")
        paths.settings_file.write_text('{"language": "ko"}', encoding="utf-8")
        (paths.log_dir / "iamport-desk.log").write_text("old log\n", encoding="utf-8")
        (paths.log_dir / "iamport-desk.log.1").write_text("older log\n", encoding="utf-8")
    # a -wal and -shm as a crash leaves them beside the history
    (legacy.data_dir / "history.sqlite3-wal").write_bytes(b"wal")
    (legacy.data_dir / "history.sqlite3-shm").write_bytes(b"shm")


def test_old_folder_is_moved_once_with_its_wal_and_logs(
    fake_windows: Path, caplog: pytest.LogCaptureFixture
) -> None:
    paths, legacy = AppPaths.default(), AppPaths.legacy()
    assert legacy is not None
    _old_install(legacy)
    notes = migrate_legacy_folders(paths, legacy)
    assert (paths.data_dir / "history.sqlite3-wal").read_bytes() == b"wal"
    assert (paths.data_dir / "history.sqlite3-shm").read_bytes() == b"shm"
    assert paths.history_db.is_file() and paths.demo().history_db.is_file()
    assert paths.settings_file.read_text(encoding="utf-8") == '{"language": "ko"}'
    assert (paths.log_dir / "iamport-desk.log").read_text(encoding="utf-8") == "old log\n"
    assert (paths.demo().log_dir / "iamport-desk.log.1").is_file()
    assert not legacy.data_dir.exists()  # the emptied old folder is gone
    assert any("history.sqlite3, history.sqlite3-wal, history.sqlite3-shm" in n for n in notes)
    assert all(str(legacy.data_dir) in n for n in notes if n.startswith("Moved"))
    # once: a second start does nothing, even if an old folder reappears
    legacy.ensure()
    legacy.settings_file.write_text("{}", encoding="utf-8")
    assert migrate_legacy_folders(paths, legacy) == []
    assert legacy.settings_file.exists()


def test_migration_never_overwrites(fake_windows: Path) -> None:
    paths, legacy = AppPaths.default(), AppPaths.legacy()
    assert legacy is not None
    _old_install(legacy)
    paths.ensure()
    paths.history_db.write_bytes(b"the new history")  # only the main file is taken
    paths.settings_file.write_text('{"language": "en"}', encoding="utf-8")
    notes = migrate_legacy_folders(paths, legacy)
    assert paths.history_db.read_bytes() == b"the new history"
    assert not (paths.data_dir / "history.sqlite3-wal").exists()  # not split from its history
    assert (legacy.data_dir / "history.sqlite3-wal").read_bytes() == b"wal"
    assert legacy.history_db.is_file()
    assert paths.settings_file.read_text(encoding="utf-8") == '{"language": "en"}'
    assert legacy.settings_file.exists()
    kept = [n for n in notes if n.startswith("Kept")]
    assert len(kept) == 2 and all("never overwritten" in n for n in kept)


def test_app_start_logs_the_migration(fake_windows: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    legacy = AppPaths.legacy()
    assert legacy is not None
    _old_install(legacy)
    code = (
        "import logging, sys, platformdirs.windows as w;"
        "from iamport_desk.paths import AppPaths, migrate_legacy_folders;"
        "from iamport_desk.logsetup import configure_logging;"
        "sys.platform = 'win32';"
        "w.get_win_folder = w.get_win_folder_from_env_vars;"
        "paths = AppPaths.default();"
        "moved = migrate_legacy_folders(paths, AppPaths.legacy());"
        "configure_logging(paths.log_dir);"
        "[logging.getLogger('iamport_desk').warning('Folder migration: %s', n) for n in moved]"
    )
    import os

    env = {k: v for k, v in os.environ.items() if k != HOME_ENV}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    text = (AppPaths.default().log_dir / "iamport-desk.log").read_text(encoding="utf-8")
    assert text.startswith("old log\n")  # the old log moved before the new one opened
    assert "Folder migration: Moved history.sqlite3" in text
