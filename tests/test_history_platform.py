"""The history on each platform, with the platform probes faked: instance locks (the
Windows msvcrt branch), network drives, and the operator's OS account."""

from __future__ import annotations

import ctypes
import fcntl
import os
import sqlite3
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from iamport_desk.history import NOTE_INTERRUPTED, History, instances, location, operator
from iamport_desk.history.instances import InstanceLock, is_running
from iamport_desk.models import Outcome

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from iamport_desk.paths import AppPaths
    from iamport_desk.simulator import Simulator

REPO = Path(__file__).resolve().parents[1]

# -- instance locks, Windows branch ---------------------------------------------------------

# msvcrt.locking as Windows documents it (LK_NBLCK raises OSError when another handle
# holds the byte; LK_UNLCK frees it), carried out here with flock so it is real.
FAKE_MSVCRT = r"""
import errno, fcntl, types
calls = []
def locking(fd, mode, nbytes):
    calls.append(mode)
    if mode == 2:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PermissionError(errno.EACCES, "Permission denied") from None
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
msvcrt = types.ModuleType("msvcrt")
msvcrt.LK_UNLCK, msvcrt.LK_NBLCK, msvcrt.locking, msvcrt.calls = 0, 2, locking, calls
"""

WINDOWS_COPY = (
    FAKE_MSVCRT
    + r"""
import sys
from pathlib import Path
sys.modules["msvcrt"] = msvcrt
sys.platform = "win32"
from iamport_desk.history import History
h = History(Path(sys.argv[1]), operator="kim")
print(h.begin(profile="p", tier_code=None, merchant_uid="WIN-1"), flush=True)
assert 2 in msvcrt.calls, "the msvcrt branch did not run"
sys.stdin.readline()
"""
)


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> Iterator[types.ModuleType]:
    namespace: dict[str, object] = {}
    exec(FAKE_MSVCRT, namespace)
    fake = namespace["msvcrt"]
    assert isinstance(fake, types.ModuleType)
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(sys, "platform", "win32")
    yield fake


def test_windows_lock_is_taken_with_msvcrt(tmp_path: Path, windows: types.ModuleType) -> None:
    lock = InstanceLock(tmp_path)
    try:
        assert windows.calls == [2]  # LK_NBLCK
        assert is_running(tmp_path, lock.instance_id)
    finally:
        lock.release()
    assert windows.calls[-1] == 0  # LK_UNLCK
    assert not is_running(tmp_path, lock.instance_id)


@pytest.mark.slow
@pytest.mark.timeout(60)
def test_windows_copy_killed_leaves_a_row_that_is_unknown_at_once(
    tmp_path: Path, windows: types.ModuleType
) -> None:
    path = tmp_path / "history.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", WINDOWS_COPY, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        entry_id = int(child.stdout.readline())
        with History(path, operator="lee") as h:
            assert h.unresolved() == []  # it holds its lock: in flight, not interrupted
            child.kill()
            child.wait(30)
            # No start-up recovery call: the next read sees the copy is gone.
            assert [e.id for e in h.unresolved()] == [entry_id]
            assert h.get(entry_id).note == NOTE_INTERRUPTED
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)


def test_a_lock_that_cannot_be_probed_counts_as_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = InstanceLock(tmp_path)

    def unsupported(fd: int, operation: int) -> None:
        raise OSError(95, "Operation not supported")  # a share without locks

    monkeypatch.setattr(fcntl, "flock", unsupported)
    try:
        assert not is_running(tmp_path, lock.instance_id)
    finally:
        monkeypatch.undo()
        lock.release()


def test_instance_ids_are_checked_before_they_name_a_file(tmp_path: Path) -> None:
    (tmp_path / "instances").mkdir()
    assert not is_running(tmp_path, "../../etc/passwd")
    assert not is_running(tmp_path, None)
    assert instances.lock_path(tmp_path, "ab").parent.name == "instances"


# -- network drives -------------------------------------------------------------------------


def test_linux_mounts_decide_by_the_longest_mount_point() -> None:
    mounts = (
        "/dev/sda1 / ext4 rw 0 0\n"
        "//nas/office /mnt/office cifs rw 0 0\n"
        "/dev/sdb1 /mnt/office/local ext4 rw 0 0\n"
        "nas:/export /home/kim/My\\040Share nfs4 rw 0 0\n"
    )
    assert location.linux_fs_type(Path("/mnt/office/iamport/h.sqlite3"), mounts) == "cifs"
    assert location.linux_fs_type(Path("/mnt/office/local/h.sqlite3"), mounts) == "ext4"
    assert location.linux_fs_type(Path("/mnt/officework/h"), mounts) == "ext4"
    assert location.linux_fs_type(Path("/home/kim/My Share/h"), mounts) == "nfs4"


def test_history_on_a_linux_network_mount_opens_without_wal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    mounts = f"/dev/sda1 / ext4 rw 0 0\n//nas/office {share.resolve()} cifs rw 0 0\n"
    monkeypatch.setattr(location, "read_proc_mounts", lambda: mounts)
    seen: list[sqlite3.Connection] = []
    with History(share / "data" / "history.sqlite3", on_connect=seen.append) as h:
        assert h.notice == "network"
        assert seen[0].execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        entry_id = h.begin(profile="p", tier_code=None, merchant_uid="NET-1")
        assert h.get(entry_id).outcome is Outcome.PENDING
    assert not (share / "data" / "history.sqlite3-wal").exists()
    with History(tmp_path / "local.sqlite3", on_connect=seen.append) as local:
        assert local.notice is None
        assert seen[-1].execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_windows_network_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    drives = {"Z:\\": 4, "C:\\": 3}  # DRIVE_REMOTE, DRIVE_FIXED
    monkeypatch.setattr(location, "windows_drive_type", lambda root: drives[root.upper()])
    monkeypatch.setenv("OneDrive", r"C:\Users\kim\OneDrive")
    assert location.network_kind(Path(r"\\nas\office\history.sqlite3")) == "unc"
    assert location.network_kind(Path(r"z:\iamport\history.sqlite3")) == "mapped"
    assert location.network_kind(Path(r"C:\Users\kim\onedrive\iamport\h.sqlite3")) == "onedrive"
    assert location.network_kind(Path(r"C:\Users\kim\AppData\Local\iamport\h.sqlite3")) is None


def test_macos_network_file_systems(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    answers = {"smb": ("smbfs", 0), "local": ("apfs", 0x1000), "odd": ("macfuse", 0)}
    for name in answers:
        (tmp_path / name).mkdir()
    monkeypatch.setattr(location, "darwin_statfs", lambda path: answers[path.name])
    assert location.network_kind(tmp_path / "smb" / "h.sqlite3") == "smbfs"
    assert location.network_kind(tmp_path / "local" / "h.sqlite3") is None
    assert location.network_kind(tmp_path / "odd" / "h.sqlite3") == "macfuse"  # not MNT_LOCAL


# -- the operator ---------------------------------------------------------------------------


class FakeDll:
    """secur32/advapi32 as ctypes sees them: the name is written into the caller's buffer."""

    def __init__(self, ex_name: str | None, name: str) -> None:
        self.ex_name, self.name = ex_name, name

    def _write(self, buf: ctypes.Array[ctypes.c_wchar], text: str | None) -> int:
        if text is None:
            return 0
        buf.value = text
        return 1

    def GetUserNameExW(self, fmt: int, buf: ctypes.Array[ctypes.c_wchar], size: object) -> int:
        assert fmt == 2  # NameSamCompatible
        return self._write(buf, self.ex_name)

    def GetUserNameW(self, buf: ctypes.Array[ctypes.c_wchar], size: object) -> int:
        return self._write(buf, self.name)


@pytest.mark.parametrize(("ex_name", "expected"), [("OFFICE\\kim", "OFFICE\\kim"), (None, "kim")])
def test_windows_operator_comes_from_the_os_not_username(
    monkeypatch: pytest.MonkeyPatch, ex_name: str | None, expected: str
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("USERNAME", "administrator")
    dll = FakeDll(ex_name, "kim")
    monkeypatch.setattr(operator, "load_windows_dll", lambda name: dll)
    assert operator.os_account_name() == expected


def test_operator_is_unknown_when_the_os_will_not_say(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(operator, "load_windows_dll", lambda name: FakeDll(None, ""))
    assert operator.os_account_name() == "unknown"


def test_the_window_says_the_history_is_on_a_network_drive(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17.4: opened without WAL, and the clerk is told why (not only the log)."""
    from ui_helpers import open_window

    from iamport_desk.ui.words import history_problem

    folder = app_paths.history_db.parent.resolve()
    mounts = f"/dev/sda1 / ext4 rw 0 0\n//nas/office {folder} cifs rw 0 0\n"
    monkeypatch.setattr(location, "read_proc_mounts", lambda: mounts)
    with open_window(qtbot, app_paths, simulator) as (window, _):
        expected = history_problem("network")
        qtbot.waitUntil(lambda: expected in window.message.text(), timeout=10_000)
