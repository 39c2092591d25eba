"""Who is at the keyboard, for the audit: the OS account, never an environment variable.

``getpass.getuser()`` reads LOGNAME/USER/USERNAME first, which anyone can set; on
Windows that is all it reads. The account the process runs as is asked of the OS.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any, Final

log = logging.getLogger(__name__)

UNKNOWN: Final = "unknown"
_NAME_SAM_COMPATIBLE: Final = 2  # EXTENDED_NAME_FORMAT: "DOMAIN\\user"
_BUFFER_CHARS: Final = 512


def load_windows_dll(name: str) -> Any:
    """ctypes.WinDLL(name); a seam so the tests can run the Windows branch here."""
    import ctypes  # here, not above: only Windows needs it (ctypes costs 3 ms at start-up)

    return ctypes.WinDLL(name)  # type: ignore[attr-defined,unused-ignore]


def _posix_account() -> str:
    import pwd

    return pwd.getpwuid(os.getuid()).pw_name


def _windows_account() -> str:
    import ctypes  # here, not above: see load_windows_dll

    buf = ctypes.create_unicode_buffer(_BUFFER_CHARS)
    size = ctypes.c_ulong(_BUFFER_CHARS)
    try:
        secur32 = load_windows_dll("secur32")
        if secur32.GetUserNameExW(_NAME_SAM_COMPATIBLE, buf, ctypes.byref(size)) and buf.value:
            return str(buf.value)
    except OSError as exc:  # no secur32 (very old or stripped systems)
        log.info("GetUserNameExW unavailable: %s", exc)
    size = ctypes.c_ulong(_BUFFER_CHARS)
    advapi32 = load_windows_dll("advapi32")
    if advapi32.GetUserNameW(buf, ctypes.byref(size)) and buf.value:
        return str(buf.value)
    raise OSError("GetUserNameW failed")


def os_account_name() -> str:
    """The name of the account this process runs as; "unknown" if the OS will not say."""
    try:
        name = _windows_account() if sys.platform == "win32" else _posix_account()
    except (OSError, KeyError, ImportError) as exc:  # KeyError: uid without a passwd entry
        log.warning("the OS did not name the current account: %s", exc)
        return UNKNOWN
    return name or UNKNOWN
