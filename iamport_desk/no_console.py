"""The windowed Windows exe has no console: leave a trace of what it would have printed.

A PyInstaller exe built with ``console=False`` starts with ``sys.stdout`` and
``sys.stderr`` set to None. Without this module ``--version``, ``--help`` and argument
errors print nothing, a native crash leaves nothing, and Qt's warnings vanish. So, when
there is no console:
- argparse's output goes to the log and to a message box (``WindowedArgumentParser``);
- native crashes are written by faulthandler to ``crash.log`` in the log folder;
- Qt's messages go to the log (logger "qt").
The console companion ``iamport-desk-cli.exe`` (build.spec) prints as usual.

Qt is imported only inside functions: the parser runs before anything else.
"""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import logging
import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

log = logging.getLogger("iamport_desk.cli")
qt_log = logging.getLogger("qt")

CRASH_LOG_NAME = "crash.log"
_crash_file: IO[bytes] | None = None  # kept open for the life of the process


def has_console() -> bool:
    """False in the windowed exe (no stdout/stderr to write to)."""
    return sys.stdout is not None and sys.stderr is not None


def show_box(title: str, text: str, *, error: bool) -> None:
    """A message box for text that would have gone to the console (tests replace this)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - keeps Qt alive
    if error:
        QMessageBox.critical(None, title, text)
    else:
        QMessageBox.information(None, title, text)


def _ensure_logging() -> None:
    """Argument errors come before the app sets up logging: set it up for them."""
    if any(getattr(h, "_iamport_desk_handler", False) for h in logging.getLogger().handlers):
        return
    from iamport_desk.logsetup import configure_logging
    from iamport_desk.paths import AppPaths

    with contextlib.suppress(OSError):  # the box still shows the text
        configure_logging(AppPaths.default().log_dir)


class WindowedArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser that logs and shows what it cannot print (no console).

    With a console it behaves exactly like argparse.ArgumentParser.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._unprinted: list[str] = []

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if not message:
            return
        if file is None:
            self._unprinted.append(message)
            return
        super()._print_message(message, file)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self._print_message(message, sys.stderr)
        if self._unprinted:
            text = "".join(self._unprinted).strip()
            self._unprinted.clear()
            _ensure_logging()
            if status:
                log.error("Command line refused (exit %d): %s", status, text)
            else:
                log.info("Command line output: %s", text)
            show_box(self.prog, text, error=bool(status))
        sys.exit(status)


def install_crash_log(log_dir: Path) -> Path:
    """Let faulthandler write native crashes (and their Python stacks) to crash.log (0600)."""
    global _crash_file
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / CRASH_LOG_NAME
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    handle = os.fdopen(fd, "ab", buffering=0)
    faulthandler.enable(file=handle, all_threads=True)
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = handle
    return path


def install_qt_message_handler() -> None:
    """Send Qt's own messages (qWarning and the like) to the log instead of a missing stderr."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = getattr(context, "category", None) or "default"
        qt_log.log(levels.get(kind, logging.WARNING), "[%s] %s", category, message)

    qInstallMessageHandler(handler)


def install_windowed_traces(log_dir: Path) -> bool:
    """Both traces, when there is no console; returns whether they were installed."""
    if has_console():
        return False
    install_crash_log(log_dir)
    install_qt_message_handler()
    return True
