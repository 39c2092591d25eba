"""Settings writes from the windows: a failure is a sentence, never the "unexpected error" box."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from iamport_desk.ui.words import describe_file_error

if TYPE_CHECKING:
    from iamport_desk.service import JobHandle

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
        _warn_unsaved(parent, path, exc, quiet=quiet)
        return False
    return True


def _warn_unsaved(
    parent: QWidget | None, path: Path, error: OSError, *, quiet: bool = False
) -> None:
    log.warning("Settings not saved: %s (%s)", type(error).__name__, error.strerror)
    if quiet:
        return
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("Files", "Settings not saved"),
        describe_file_error(error, path).text,
    )


def wait_saved(parent: QWidget | None, path: Path, job: JobHandle | None) -> bool:
    """Wait (the window still painting) for a settings write queued on the API thread; True if
    it was saved, else the file's sentence is shown (or nothing, when the app is closing)."""
    result = job.wait() if job is not None else None
    error = getattr(result, "error", None)
    if isinstance(error, OSError):
        _warn_unsaved(parent, path, error)
    return result is not None and error is None


def warn_if_unsaved(parent: QWidget, path: Path, job: JobHandle | None) -> None:
    """A settings write queued on the API thread, not waited for: should it fail, the file's
    sentence is shown then (the window stays usable meanwhile)."""
    if job is None:
        return

    def check(result: object) -> None:
        error = getattr(result, "error", None)
        if isinstance(error, OSError) and shiboken6.isValid(parent):
            _warn_unsaved(parent, path, error)

    job.done.connect(check)
