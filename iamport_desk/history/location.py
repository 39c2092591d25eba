"""Where the history file lives: is it on a network file system?

SQLite's WAL needs shared memory between every process that opens the file, which a
network file system cannot give (https://sqlite.org/wal.html, "all processes using a
database must be on the same host computer"). A history found on a network path is
therefore opened with the rollback journal (``journal_mode=DELETE``) rather than refused:
an office that keeps its audit on a server share can still work, and the clerk is told
(reason ``network``) that the share must stay reachable and that two PCs using it at
once may wait for each other.

Each system is asked in its own way; every probe is a function the tests replace:
Windows: a UNC path, a drive whose type is DRIVE_REMOTE, or a OneDrive folder;
Linux: the file system type in /proc/mounts; macOS: ``statfs`` (``f_fstypename`` and the
MNT_LOCAL flag).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path, PureWindowsPath
from typing import Final

log = logging.getLogger(__name__)

# Linux /proc/mounts types that are another machine's disk.
NETWORK_FS_TYPES: Final = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.davfs2",
        "fuse.s3fs",
    }
)
# macOS f_fstypename values of network file systems.
DARWIN_NETWORK_TYPES: Final = frozenset({"nfs", "smbfs", "afpfs", "webdav", "cifs", "ftp"})
_MNT_LOCAL: Final = 0x00001000
_DRIVE_REMOTE: Final = 4


def read_proc_mounts() -> str:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def linux_fs_type(path: Path, mounts: str) -> str | None:
    """The type of the file system holding ``path`` (the longest matching mount point)."""
    best: tuple[int, str] | None = None
    target = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fstype = _unescape_mount(fields[1]), fields[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), fstype)
    return None if best is None else best[1]


def windows_drive_type(root: str) -> int:
    """GetDriveTypeW of a drive root such as ``Z:\\``."""
    import ctypes  # here, not above: only Windows and macOS need it (3 ms at start-up)

    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
    return int(kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def darwin_statfs(path: Path) -> tuple[str, int]:
    """(f_fstypename, f_flags) of the file system holding ``path``."""
    import ctypes  # here, not above: see windows_drive_type

    class StatFs(ctypes.Structure):  # struct statfs, 64-bit inode layout
        _fields_ = [
            ("f_bsize", ctypes.c_uint32),
            ("f_iosize", ctypes.c_int32),
            ("f_blocks", ctypes.c_uint64),
            ("f_bfree", ctypes.c_uint64),
            ("f_bavail", ctypes.c_uint64),
            ("f_files", ctypes.c_uint64),
            ("f_ffree", ctypes.c_uint64),
            ("f_fsid", ctypes.c_int32 * 2),
            ("f_owner", ctypes.c_uint32),
            ("f_type", ctypes.c_uint32),
            ("f_flags", ctypes.c_uint32),
            ("f_fssubtype", ctypes.c_uint32),
            ("f_fstypename", ctypes.c_char * 16),
            ("f_mntonname", ctypes.c_char * 1024),
            ("f_mntfromname", ctypes.c_char * 1024),
            ("f_reserved", ctypes.c_uint32 * 8),
        ]

    libc = ctypes.CDLL(None, use_errno=True)
    # x86_64 keeps the old 32-bit-inode struct under "statfs"; arm64 has only the new one.
    func = getattr(libc, "statfs$INODE64", None) or libc.statfs
    buf = StatFs()
    if func(os.fsencode(path), ctypes.byref(buf)) != 0:
        raise OSError(ctypes.get_errno(), "statfs failed")
    return buf.f_fstypename.decode("ascii", "replace"), int(buf.f_flags)


def _existing(path: Path) -> Path:
    """The nearest folder of ``path`` that exists (the file may not be created yet)."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return path


def _onedrive_roots() -> list[str]:
    names = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
    return [_fold(v) for v in (os.environ.get(n) for n in names) if v]


def _fold(text: str) -> str:
    # Windows paths compare case-insensitively, with either slash (os.path is not ntpath
    # when the tests fake the platform, so fold by hand).
    return text.replace("/", "\\").lower()


def network_kind(path: Path) -> str | None:
    """What kind of network storage holds ``path`` ("unc", "smb", "onedrive", ...) or None.

    A probe that fails says nothing (None): a local disk is by far the common case.
    """
    try:
        if sys.platform == "win32":
            return _windows_kind(path)
        if sys.platform == "darwin":
            fstype, flags = darwin_statfs(_existing(path))
            if fstype in DARWIN_NETWORK_TYPES or not flags & _MNT_LOCAL:
                return fstype or "network"
            return None
        fstype = linux_fs_type(_existing(path).resolve(), read_proc_mounts())
        return fstype if fstype in NETWORK_FS_TYPES else None
    except (OSError, AttributeError, ValueError) as exc:
        log.info("could not tell whether the history is on a network drive: %s", exc)
        return None


def _windows_kind(path: Path) -> str | None:
    text = str(path)
    win = PureWindowsPath(text)
    if text.startswith(("\\\\", "//")):
        return "unc"
    folded = _fold(text)
    for root in _onedrive_roots():
        if folded == root or folded.startswith(root.rstrip("\\/") + "\\"):
            return "onedrive"
    if any(part.lower().startswith("onedrive") for part in win.parts[1:]):
        return "onedrive"
    if win.drive and windows_drive_type(win.drive + "\\") == _DRIVE_REMOTE:
        return "mapped"
    return None
