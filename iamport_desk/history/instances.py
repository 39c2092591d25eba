"""Which copies of the app are still running: one OS-locked file per running copy.

Each :class:`~iamport_desk.history.History` takes an exclusive lock on
``<history folder>/instances/<instance-id>.lock`` and holds it until it is closed. The
operating system drops the lock when the process ends, however it ends (crash, kill,
power cut, update reboot), so "can I take that copy's lock?" answers "is it gone?"
on Windows, macOS and Linux alike, without pids (reused), boot ids (Linux only) or host
names (a shared folder). ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows: both
are in the standard library, so no package is needed for one byte-range lock.

A lock that cannot be probed (a file system without locks) counts as gone: the row then
becomes ``unknown`` and is settled by a lookup, which never sends a second DELETE.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
from pathlib import Path
from typing import Final

log = logging.getLogger(__name__)

FOLDER: Final = "instances"
_ID_RE: Final = re.compile(r"[0-9a-f]{32}")


def new_instance_id() -> str:
    # 128 random bits as 32 hex digits, like uuid4().hex: uuid imports platform and
    # more (4 ms) on the API thread while the first window is painted.
    return os.urandom(16).hex()


def lock_path(history_folder: Path, instance_id: str) -> Path:
    return history_folder / FOLDER / f"{instance_id}.lock"


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock without waiting: True if taken, False if another holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)


class InstanceLock:
    """This copy's lock; :meth:`release` (or process death) frees it."""

    def __init__(self, history_folder: Path, instance_id: str | None = None) -> None:
        self.instance_id = instance_id or new_instance_id()
        self._path = lock_path(history_folder, self.instance_id)
        self._path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
        self._fd: int | None = os.open(self._path, flags, 0o600)
        try:
            if not _try_lock(self._fd):
                raise OSError(f"instance lock {self.instance_id} is held by another process")
        except BaseException:
            os.close(self._fd)
            self._fd = None
            raise

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Unlock, close and remove the lock file; safe to call twice."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        _unlock(fd)
        os.close(fd)
        with contextlib.suppress(OSError):
            self._path.unlink()


def is_running(history_folder: Path, instance_id: str | None) -> bool:
    """Whether the copy that wrote ``instance_id`` still holds its lock.

    A row without an instance id (written by a version before the lock) counts as gone.
    A probed lock that turns out free is removed, so the folder does not grow.
    """
    if not instance_id or not _ID_RE.fullmatch(instance_id):
        return False
    path = lock_path(history_folder, instance_id)
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return False  # closed cleanly (it removes its file), or never here
    except OSError as exc:
        # Windows refuses to open a file another process is deleting; anything else
        # that stops the probe means we cannot tell, which counts as gone (see above).
        log.info("instance lock could not be probed: %s", exc)
        return False
    try:
        try:
            taken = _try_lock(fd)
        except OSError as exc:
            log.info("instance lock could not be probed: %s", exc)
            return False
        if taken:
            _unlock(fd)
    finally:
        os.close(fd)
    if taken:
        with contextlib.suppress(OSError):
            path.unlink()
    return not taken
