"""Replacing a file atomically when another program may briefly hold it (no Qt).

On Windows ``os.replace`` fails with PermissionError while an antivirus scanner, a backup
tool or OneDrive has the destination open; such programs let go within moments. Settings
and exports therefore retry a blocked replace for a short while, then raise
``FileInUseError``, which names the file so the clerk can be told what holds it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["REPLACE_PATIENCE", "FileInUseError", "replace_with_retry"]

REPLACE_PATIENCE = 2.0  # seconds; long enough for a scan, short enough not to look hung
_FIRST_PAUSE = 0.02
_MAX_PAUSE = 0.25
# Windows error numbers of a file that another process has open or locked.
_BUSY_WINERRORS = frozenset({5, 32, 33})  # access denied, sharing violation, lock violation


class FileInUseError(PermissionError):
    """Another program kept ``path`` open, so it could not be replaced.

    A PermissionError, so callers that handle OSError keep working; ``path`` is the file
    that was to be replaced (never a secret: only settings and export files come here).
    """

    def __init__(self, path: Path, waited: float) -> None:
        super().__init__(13, f"{path.name} is in use by another program", str(path))
        self.path = path
        self.waited = waited

    def __repr__(self) -> str:
        return f"FileInUseError(path={str(self.path)!r}, waited={self.waited:.1f})"


def _is_busy(exc: OSError) -> bool:
    """A PermissionError that means "held by someone else", which only Windows raises."""
    if sys.platform != "win32" or not isinstance(exc, PermissionError):
        return False
    winerror = getattr(exc, "winerror", None)
    return winerror is None or winerror in _BUSY_WINERRORS


def replace_with_retry(
    src: Path,
    dst: Path,
    *,
    patience: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """``os.replace(src, dst)``, retried while ``dst`` is held open by another program.

    Raises FileInUseError when it is still held after ``patience`` seconds, and any other
    OSError at once (a read-only folder or a full disk does not get better by waiting).
    ``src`` is left in place on failure; the caller removes it. ``patience`` None means
    ``REPLACE_PATIENCE``.
    """
    limit = REPLACE_PATIENCE if patience is None else patience
    started = clock()
    pause = _FIRST_PAUSE
    while True:
        try:
            os.replace(src, dst)
            return
        except OSError as exc:
            if not _is_busy(exc):
                raise
            waited = clock() - started
            if waited >= limit:
                raise FileInUseError(Path(dst), waited) from exc
        sleep(pause)
        pause = min(pause * 2, _MAX_PAUSE)
