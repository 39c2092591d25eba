"""A file that could not be read or written (settings, exports), and what to do next."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from iamport_desk.ui.words.message import UserMessage


def describe_file_error(error: OSError, path: Path | None = None) -> UserMessage:
    """A settings or export file (``path``) that could not be written: which, and what to do."""
    from iamport_desk.atomic_files import FileInUseError
    from iamport_desk.file_lock import LockTimeoutError

    if isinstance(error, FileInUseError):
        return UserMessage(
            QCoreApplication.translate(
                "Files",
                "The file {0} is in use by another program (for example an antivirus, a backup "
                "or OneDrive), so it could not be saved. Close the program that has it open, or "
                "wait a moment, then try again.",
            ).format(str(error.path))
        )
    if isinstance(error, LockTimeoutError):
        return UserMessage(
            QCoreApplication.translate(
                "Files",
                "Another copy of iamport-desk kept the settings busy, so nothing was changed. "
                "Try again.",
            )
        )
    where = str(path) if path is not None else str(error.filename or "")
    return UserMessage(
        QCoreApplication.translate(
            "Files",
            "The file {0} could not be saved ({1}), so nothing was changed. Check that the disk "
            "is not full and that the folder can be written, then try again.",
        ).format(where, error.strerror or type(error).__name__)
    )
