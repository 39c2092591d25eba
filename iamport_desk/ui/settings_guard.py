"""Settings writes from the windows: a failure is a sentence, never the "unexpected error" box."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from iamport_desk.ui.words import describe_file_error

log = logging.getLogger(__name__)


def save_or_warn(
    parent: QWidget | None,
    path: Path,
    action: Callable[[], object],
    *,
    quiet: bool = False,
) -> bool:
    """Run ``action`` (a ProfileStore change that writes ``path``); True if it was saved.

    An OSError (the file held by an antivirus or OneDrive, a full disk, a read-only folder)
    is logged and shown in a warning box that names the file, unless ``quiet`` (at exit,
    when no one would read it). Nothing was changed then: ProfileStore keeps its state.
    """
    try:
        action()
    except OSError as exc:
        log.warning("Settings not saved: %s (%s)", type(exc).__name__, exc.strerror)
        if not quiet:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("Files", "Settings not saved"),
                describe_file_error(exc, path).text,
            )
        return False
    return True
