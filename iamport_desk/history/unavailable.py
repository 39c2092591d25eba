"""Why the history cannot be used: sqlite and OS errors mapped to the reason the clerk is told.

The reasons are codes; the sentences the clerk reads live in ``ui/words/history.py``.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Final, Literal

log = logging.getLogger(__name__)

Reason = Literal["newer", "corrupt", "emptied", "locked", "readonly", "full", "network", "io"]

# English for logs and str(); never paths, SQL or values.
_MESSAGES: Final[Mapping[Reason, str]] = {
    "newer": "The history was written by a newer version of iamport-desk.",
    "corrupt": "The history file is damaged or is not an iamport-desk history.",
    "emptied": "The history file was found empty; it was set aside.",
    "locked": "The history is busy in another program; try again in a moment.",
    "readonly": "The history file or its folder cannot be written to.",
    "full": "The disk that holds the history is full.",
    "network": "The history is on a network drive; it is kept without write-ahead logging.",
    "io": "The history file could not be opened, read or written.",
}


class HistoryUnavailable(Exception):  # noqa: N818 - name fixed by the public surface
    """The history cannot be read or written.

    ``reason`` says why, so the UI can name the cause and the next step:
    ``newer`` (a file from a newer app version), ``corrupt`` (damaged or not a history;
    set aside when its header is missing), ``emptied`` (a 0-byte file where a history
    was; set aside), ``locked``, ``readonly``, ``full``, ``network`` (only as
    :attr:`History.notice`, never raised) and ``io`` (anything else).
    ``str()`` is a short English sentence without paths, SQL or values; the original
    error is chained as ``__cause__`` for the log.
    """

    def __init__(self, reason: Reason, message: str | None = None) -> None:
        super().__init__(message or _MESSAGES[reason])
        self.reason: Reason = reason


# Primary SQLite result codes (sqlite3.h).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26

_BY_CODE: Final[Mapping[int, Reason]] = {
    _SQLITE_BUSY: "locked",
    _SQLITE_LOCKED: "locked",
    _SQLITE_READONLY: "readonly",
    _SQLITE_PERM: "readonly",
    _SQLITE_FULL: "full",
    _SQLITE_CORRUPT: "corrupt",
    _SQLITE_NOTADB: "corrupt",
    _SQLITE_IOERR: "io",
}

_NEEDLES: Final[tuple[tuple[str, Reason], ...]] = (
    ("readonly", "readonly"),
    ("read-only", "readonly"),
    ("full", "full"),
    ("locked", "locked"),
    ("busy", "locked"),
    ("malformed", "corrupt"),
    ("not a database", "corrupt"),
)


def reason_for(exc: BaseException, path: Path) -> Reason:
    """Turn an sqlite3/OS error into the reason the user is told."""
    if isinstance(exc, HistoryUnavailable):
        return exc.reason
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary is not None and primary in _BY_CODE:
            return _BY_CODE[primary]
        text = str(exc).lower()
        if primary == _SQLITE_CANTOPEN or "unable to open" in text:
            return _cantopen_reason(path)
        for needle, reason in _NEEDLES:
            if needle in text:
                return reason
        return "io"
    if isinstance(exc, PermissionError):
        return "readonly"
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return "full"
        if exc.errno == errno.EROFS:
            return "readonly"
    return "io"


def _cantopen_reason(path: Path) -> Reason:
    parent = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return "readonly"
    if parent.is_dir() and not os.access(parent, os.W_OK):
        return "readonly"
    return "io"
