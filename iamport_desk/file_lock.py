"""An exclusive OS lock on a small file, shared by every copy of the app (no Qt).

The lock belongs to the open file, so it ends with the process however that ends (a
crash, a kill, a reboot): there is never a stale lock to clean up. POSIX uses ``flock``;
Windows locks the first byte with ``msvcrt.locking``.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

__all__ = ["FileLock", "LockTimeoutError", "locked"]

_POLL = 0.02


class LockTimeoutError(TimeoutError):
    """Another copy of the app kept the lock for longer than the caller would wait."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path.name} stayed locked by another copy of the app")
        self.path = path


# Chosen once at import: the mechanism is the OS's, and faking sys.platform in a test
# (to exercise Windows branches elsewhere) must not switch it.
if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        with contextlib.suppress(OSError):
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class FileLock:
    """An exclusive lock on ``path`` (created 0600 if missing), held until ``release()``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(
        self,
        timeout: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> bool:
        """Take the lock; wait up to ``timeout`` seconds (None: forever, 0: do not wait).

        Returns False when another holder kept it for the whole time.
        """
        if self._handle is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        handle = os.fdopen(fd, "r+b", buffering=0)
        deadline = None if timeout is None else clock() + timeout
        while not _try_lock(handle):
            if deadline is not None and clock() >= deadline:
                handle.close()
                return False
            sleep(_POLL)
        self._handle = handle
        return True

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            _unlock(handle)
            handle.close()

    def __repr__(self) -> str:
        return f"FileLock({str(self.path)!r}, held={self.held})"


@contextlib.contextmanager
def locked(path: Path, timeout: float = 10.0) -> Iterator[None]:
    """Hold the lock on ``path`` for the ``with`` block; LockTimeoutError after ``timeout`` s."""
    lock = FileLock(path)
    if not lock.acquire(timeout):
        raise LockTimeoutError(path)
    try:
        yield
    finally:
        lock.release()
