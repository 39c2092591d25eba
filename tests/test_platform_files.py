"""Files shared with other programs and other copies (issue 17, items 2 and 3), platform faked.

- Two copies of the app: a settings change is merged into the file as it is on disk, under
  an OS lock, so one copy never drops what the other added.
- Windows: ``os.replace`` fails with PermissionError while an antivirus, a backup or
  OneDrive holds the file; settings and exports retry, then say which file is held.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import keyring.backends.fail
import pytest
from fakes import FakeClock

from iamport_desk import atomic_files
from iamport_desk.atomic_files import FileInUseError, replace_with_retry
from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.file_lock import FileLock, LockTimeoutError, locked
from iamport_desk.history_export import write_csv
from iamport_desk.models import Profile
from iamport_desk.settings import Settings, load_settings, lock_path, save_settings

ROOT = Path(__file__).resolve().parents[1]
SECRET = "Sx9vQ2kLm4TzR8wPq1nB7cYd3fHj6gKa0eUo5iAs"


def _session_store(path: Path) -> ProfileStore:
    return ProfileStore(path, SecretStore(keyring.backends.fail.Keyring()))  # type: ignore[no-untyped-call]


def _run(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# --- two copies at once ------------------------------------------------------------------


def test_closing_copy_b_keeps_the_profile_copy_a_added(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    copy_a = _session_store(path)
    copy_b = _session_store(path)  # started before A added anything
    copy_a.save_profile(Profile("본점", "key-a"), SECRET)
    copy_b.set_language("en")
    copy_b.set_window_geometry("AdnQywADAAAAAAA=")  # what closing B writes
    on_disk, notice = load_settings(path)
    assert notice is None
    assert [p.name for p in on_disk.profiles] == ["본점"]
    assert on_disk.active_profile == "본점"
    assert (on_disk.language, on_disk.window_geometry) == ("en", "AdnQywADAAAAAAA=")
    assert [p.name for p in copy_b.profiles()] == ["본점"]  # B now sees A's profile too


def test_each_copy_applies_only_its_own_change(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    seed = _session_store(path)
    seed.save_profile(Profile("본점", "key-1"), SECRET)
    seed.save_profile(Profile("지점", "key-2"), SECRET)
    copy_a, copy_b = _session_store(path), _session_store(path)
    copy_a.save_profile(Profile("본점", "key-1-new"), None, previous_name="본점")
    copy_b.delete_profile("지점")
    copy_b.save_profile(Profile("강남점", "key-3"), SECRET)
    copy_a.reload()
    copy_a.set_active("강남점")
    on_disk, _ = load_settings(path)
    assert on_disk.profiles == (Profile("본점", "key-1-new"), Profile("강남점", "key-3"))
    assert on_disk.active_profile == "강남점"


def test_editing_a_profile_the_other_copy_deleted_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    seed = _session_store(path)
    seed.save_profile(Profile("본점", "key-1"), SECRET)
    copy_a, copy_b = _session_store(path), _session_store(path)
    copy_b.delete_profile("본점")
    with pytest.raises(KeyError):
        copy_a.save_profile(Profile("본점", "key-new"), None, previous_name="본점")
    with pytest.raises(KeyError):
        copy_a.set_active("본점")
    assert load_settings(path)[0].profiles == ()


def test_a_name_the_other_copy_took_meanwhile_is_a_duplicate(tmp_path: Path) -> None:
    from iamport_desk.credentials import CredentialError

    path = tmp_path / "settings.json"
    copy_a, copy_b = _session_store(path), _session_store(path)
    copy_a.save_profile(Profile("본점", "key-a"), SECRET)
    with pytest.raises(CredentialError) as caught:
        copy_b.save_profile(Profile("본점", "key-b"), SECRET)
    assert caught.value.kind == "duplicate"
    assert load_settings(path)[0].profiles == (Profile("본점", "key-a"),)


@pytest.mark.timeout(120)
def test_two_processes_adding_profiles_at_once_lose_none(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    code = """
        import sys
        from pathlib import Path
        import keyring.backends.fail
        from iamport_desk.credentials import ProfileStore, SecretStore
        from iamport_desk.models import Profile

        store = ProfileStore(Path(sys.argv[1]), SecretStore(keyring.backends.fail.Keyring()))
        for n in range(15):
            store.save_profile(Profile(f"{sys.argv[2]}-{n}", "key"), "secret-value-123")
            store.set_window_geometry(f"{sys.argv[2]}{n}")
    """
    copies = [_run(code, str(path), name) for name in ("A", "B")]
    for copy in copies:
        _, err = copy.communicate(timeout=100)
        assert copy.returncode == 0, err
    names = {p.name for p in load_settings(path)[0].profiles}
    assert names == {f"{who}-{n}" for who in "AB" for n in range(15)}


@pytest.mark.timeout(60)
def test_the_settings_lock_is_held_across_processes_and_dies_with_the_holder(
    tmp_path: Path,
) -> None:
    lock = tmp_path / ".settings.json.lock"
    holder = _run(
        """
        import sys, time
        from pathlib import Path
        from iamport_desk.file_lock import FileLock
        lock = FileLock(Path(sys.argv[1]))
        assert lock.acquire(0)
        print("held", flush=True)
        time.sleep(60)
        """,
        str(lock),
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        clock = FakeClock()
        assert FileLock(lock).acquire(0.5, clock=clock, sleep=clock.advance) is False
        with pytest.raises(LockTimeoutError), locked(lock, timeout=0):
            pass
    finally:
        holder.kill()
        holder.wait(timeout=30)
    mine = FileLock(lock)
    assert mine.acquire(5)  # the lock died with the process: nothing stale to clean up
    mine.release()
    assert not mine.held


def test_lock_file_is_private_and_beside_the_settings(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    _session_store(path).set_language("ko")
    assert lock_path(path).parent == tmp_path
    if os.name == "posix":
        assert lock_path(path).stat().st_mode & 0o777 == 0o600


# --- a replace blocked by another program (Windows) -----------------------------------------


def _windows_replace(monkeypatch: pytest.MonkeyPatch, refusals: int) -> Callable[[], int]:
    """Fake Windows: the first ``refusals`` replaces fail as a sharing violation would."""
    real_replace = os.replace
    calls = {"n": 0}

    def replace(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] <= refusals:
            error = PermissionError(13, "The process cannot access the file")
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic_files.sys, "platform", "win32")
    monkeypatch.setattr(atomic_files.os, "replace", replace)
    return lambda: calls["n"]


def test_blocked_replace_is_retried_until_the_holder_lets_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, dst = tmp_path / "new", tmp_path / "settings.json"
    src.write_text("new")
    dst.write_text("old")
    calls = _windows_replace(monkeypatch, refusals=3)
    clock = FakeClock()
    replace_with_retry(src, dst, clock=clock, sleep=clock.advance)
    assert dst.read_text() == "new" and calls() == 4
    assert clock.now - FakeClock().now < atomic_files.REPLACE_PATIENCE


def test_replace_held_for_long_says_which_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, dst = tmp_path / "new", tmp_path / "settings.json"
    src.write_text("new")
    dst.write_text("old")
    _windows_replace(monkeypatch, refusals=10_000)
    clock = FakeClock()
    with pytest.raises(FileInUseError) as caught:
        replace_with_retry(src, dst, clock=clock, sleep=clock.advance)
    assert caught.value.path == dst
    assert isinstance(caught.value, PermissionError)
    assert "settings.json" in str(caught.value) and "settings.json" in repr(caught.value)
    assert dst.read_text() == "old" and src.exists()


def test_other_errors_are_not_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}

    def full(src: object, dst: object) -> None:
        calls["n"] += 1
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_files.sys, "platform", "win32")
    monkeypatch.setattr(atomic_files.os, "replace", full)
    with pytest.raises(OSError, match="No space") as caught:
        replace_with_retry(tmp_path / "a", tmp_path / "b")
    assert not isinstance(caught.value, FileInUseError) and calls["n"] == 1


def test_settings_save_survives_a_brief_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    store = _session_store(path)
    _windows_replace(monkeypatch, refusals=2)
    store.set_language("en")  # raised PermissionError before the retry
    assert load_settings(path)[0].language == "en"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".settings.json.lock", "settings.json"]


def test_settings_held_for_long_raise_a_typed_error_and_keep_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(language="ko"))
    store = _session_store(path)
    _windows_replace(monkeypatch, refusals=10_000)
    monkeypatch.setattr(atomic_files, "REPLACE_PATIENCE", 0.05)
    with pytest.raises(FileInUseError) as caught:
        store.set_language("en")
    assert caught.value.path == path
    assert store.settings.language == "ko"
    assert load_settings(path)[0].language == "ko"


def test_csv_export_retries_a_blocked_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "export.csv"
    dest.write_text("open in Excel")
    _windows_replace(monkeypatch, refusals=2)
    assert write_csv(dest, []) == 0
    data = dest.read_bytes()
    assert b"open in Excel" not in data and data.count(b"\r\n") == 1  # just the header row
