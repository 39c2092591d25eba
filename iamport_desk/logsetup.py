"""Logging to a rotating file, with secrets and tokens redacted before anything is written.

Support staff ask clerks for the log file, so it must be safe to e-mail: the code tries
never to log a secret, and this module is the second line of defence when it does.

Each running copy of the app writes a log file of its own (``iamport-desk.log`` for the
first, ``iamport-desk-2.log`` for a second copy started beside it, ...), claimed with an OS
lock that dies with the process: on Windows a file another process holds open cannot be
renamed, so two copies sharing one file would each lose every record once the other
rotated it. Log files are created readable by their user only (0600).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import logging.handlers
import os
import re
import sys
import threading
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from iamport_desk.file_lock import FileLock

LOG_FILE_NAME = "iamport-desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
MAX_COPIES = 9  # log slots for copies running at once; a tenth copy logs to a file per pid
PRIVATE_MODE = 0o600
LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s"
MIN_SECRET_LENGTH = 6
REDACTED = "***"

log = logging.getLogger(__name__)

# Marks the handlers this module installed, so a second call replaces rather than adds.
_HANDLER_MARK = "_iamport_desk_handler"

_secrets_lock = threading.Lock()
_secrets: set[str] = set()
_secrets_pattern: re.Pattern[str] | None = None

_KEY_NAMES = r"imp_secret|access_token"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "Bearer <token>" anywhere (headers, reprs, messages).
    (re.compile(r"(?i)\b(bearer\s+)[^\s\"',;]+"), r"\g<1>" + REDACTED),
    # "imp_secret": "..." / 'access_token': '...' / imp_secret="..."
    (
        re.compile(
            rf"(?i)(?P<k>[\"']?\b(?:{_KEY_NAMES})[\"']?\s*[:=]\s*)"
            r"(?P<q>[\"'])(?:\\.|(?!(?P=q)).)*(?P=q)"
        ),
        r"\g<k>\g<q>" + REDACTED + r"\g<q>",
    ),
    # imp_secret=... in a query string or form body.
    (
        re.compile(rf"(?i)(\b(?:{_KEY_NAMES})\s*=\s*)(?![\"'])[^\s&\"',;)}}\]]+"),
        r"\g<1>" + REDACTED,
    ),
    # Authorization: <token> without "Bearer" (PortOne V1 accepts the bare token).
    (
        re.compile(r"(?i)(\bauthorization[\"']?\s*[:=]\s*[\"']?)(?!bearer\b)(?!\*\*\*)[^\s\"',;]+"),
        r"\g<1>" + REDACTED,
    ),
)


def register_secret(value: str) -> None:
    """Remember a secret or token so that any log line containing it is redacted.

    Values shorter than six characters are ignored: redacting them would mangle ordinary
    words and numbers in the log. Also covers the value as it appears escaped in JSON, in a
    Python repr and in a URL-encoded form body.
    """
    global _secrets_pattern
    if not isinstance(value, str) or len(value) < MIN_SECRET_LENGTH:
        return
    variants = {
        value,
        json.dumps(value)[1:-1],
        repr(value)[1:-1],
        urllib.parse.quote(value, safe=""),
        urllib.parse.quote_plus(value, safe=""),
    }
    with _secrets_lock:
        before = len(_secrets)
        _secrets.update(v for v in variants if len(v) >= MIN_SECRET_LENGTH)
        if len(_secrets) != before:
            ordered = sorted(_secrets, key=len, reverse=True)  # longest first
            _secrets_pattern = re.compile("|".join(re.escape(s) for s in ordered))


def redact(text: str) -> str:
    """Return ``text`` with registered secrets and token-like patterns replaced by ***."""
    pattern = _secrets_pattern  # read once; replaced atomically under the lock
    if pattern is not None:
        text = pattern.sub(REDACTED, text)
    for regex, replacement in _PATTERNS:
        text = regex.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record so that its message and traceback carry no secret.

    Attached to handlers (not loggers) so it also sees records propagated from every
    module's logger. It never drops a record and never raises.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not bypass redaction
            message = f"{record.msg!s} (arguments could not be formatted)"
        try:
            record.msg = redact(message)
            record.args = None
            if record.exc_info and record.exc_info[0] is not None:
                text = record.exc_text or logging.Formatter().formatException(record.exc_info)
                record.exc_text = redact(text)
                record.exc_info = None  # keep only the redacted text
            elif record.exc_text:
                record.exc_text = redact(record.exc_text)
            if record.stack_info:
                record.stack_info = redact(record.stack_info)
        except Exception:
            record.msg = "<log record withheld: redaction failed>"
            record.args = None
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A RotatingFileHandler whose files are 0600 and which holds its slot's lock until closed."""

    def __init__(self, filename: Path, slot: FileLock | None, **kwargs: Any) -> None:
        self.slot = slot
        super().__init__(filename, **kwargs)

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        fd = os.open(self.baseFilename, flags, PRIVATE_MODE)
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, PRIVATE_MODE)  # a file left by an older version
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self.slot is not None:
                self.slot.release()


def log_file_name(copy: int) -> str:
    """The log file of the ``copy``-th copy running at once (1-based)."""
    return LOG_FILE_NAME if copy == 1 else LOG_FILE_NAME.replace(".log", f"-{copy}.log")


def _claim_log_file(log_dir: Path) -> tuple[Path, FileLock | None]:
    """The first log file no running copy holds, with its lock."""
    for copy in range(1, MAX_COPIES + 1):
        name = log_file_name(copy)
        slot = FileLock(log_dir / f".{name}.lock")
        if slot.acquire(0):
            return log_dir / name, slot
    return log_dir / LOG_FILE_NAME.replace(".log", f"-pid{os.getpid()}.log"), None


def _make_private(log_file: Path) -> None:
    """Existing rotations from an older version may be 0644: make them the user's only."""
    for path in log_file.parent.glob(f"{log_file.name}*"):
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_MODE)


def configure_logging(log_dir: Path, *, level: int = logging.INFO, console: bool = False) -> Path:
    """Send the root logger to a rotating UTF-8 file in ``log_dir``; returns its path.

    The file is this copy's own (see the module docstring), so it is ``iamport-desk.log``
    unless another copy is running. Calling it again replaces the handlers it installed
    before instead of adding more.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            root.removeHandler(handler)
            handler.close()

    log_file, slot = _claim_log_file(log_dir)
    _make_private(log_file)
    formatter = logging.Formatter(LOG_FORMAT)
    redactor = RedactingFilter()
    handlers: list[logging.Handler] = [
        PrivateRotatingFileHandler(
            log_file, slot, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    ]
    # A windowed (PyInstaller) build has no stderr at all.
    if console and sys.stderr is not None:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(redactor)
        setattr(handler, _HANDLER_MARK, True)
        root.addHandler(handler)
    root.setLevel(level)
    return log_file


def install_excepthook(on_error: Callable[[BaseException], None] | None = None) -> None:
    """Log every uncaught exception (redacted) and tell the user, instead of dying silently.

    Covers the main thread (and exceptions escaping Qt slots, which PySide routes to
    ``sys.excepthook``) and other threads. ``on_error`` may therefore be called from any
    thread: a UI callback must hand over to the GUI thread (e.g. a queued signal).
    """

    def report(exc: BaseException | None, where: str) -> None:
        if on_error is None or exc is None:
            return
        try:
            on_error(exc)
        except Exception:
            log.exception("The error handler itself failed (%s)", where)

    def hook(
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("Unhandled exception", exc_info=(exc_type, exc, tb))
        report(exc, "main thread")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return  # what threading does by default
        name = args.thread.name if args.thread is not None else "?"
        if args.exc_value is None:
            log.error("Unhandled %s in thread %s", args.exc_type.__name__, name)
        else:
            exc_info = (args.exc_type, args.exc_value, args.exc_traceback)
            log.error("Unhandled exception in thread %s", name, exc_info=exc_info)
        report(args.exc_value, f"thread {name}")

    sys.excepthook = hook
    threading.excepthook = thread_hook
