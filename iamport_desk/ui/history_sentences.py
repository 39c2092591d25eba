"""The history window's sentence for a history that cannot be used (``HistoryUnavailable``)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from iamport_desk.history import HistoryUnavailable


def history_window_problem(error: HistoryUnavailable) -> str:
    """What is wrong with the history file, as the history window says it."""
    reasons: Mapping[str, str] = {
        "readonly": QCoreApplication.translate(
            "HistoryWindow", "The history file or its folder cannot be used (permissions)."
        ),
        "full": QCoreApplication.translate(
            "HistoryWindow", "The disk that holds the history is full."
        ),
        "locked": QCoreApplication.translate(
            "HistoryWindow", "The history is busy in another program. Try again in a moment."
        ),
        "corrupt": QCoreApplication.translate(
            "HistoryWindow", "The history file is damaged or is not an iamport-desk history."
        ),
        "newer": QCoreApplication.translate(
            "HistoryWindow",
            "The history was written by a newer version of iamport-desk. "
            "Update the app to read it.",
        ),
    }
    return reasons.get(
        error.reason,
        QCoreApplication.translate("HistoryWindow", "The history file could not be read."),
    )
