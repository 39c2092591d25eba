"""The audit history: why it cannot be used, and what its notes mean."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def history_problem(reason: str) -> str:
    """One sentence per HistoryUnavailable reason: what is wrong, and what to do next."""
    texts = {
        "newer": QCoreApplication.translate(
            "Messages",
            "The audit history was written by a newer version of iamport-desk, so this "
            "version leaves it untouched and sends nothing to PortOne. Install the newer "
            "version again.",
        ),
        "corrupt": QCoreApplication.translate(
            "Messages",
            "The audit history file is damaged, so nothing was sent to PortOne. A damaged "
            "file found at start is set aside and a new history begins at the next try; "
            "restore the old one from a backup if you need it.",
        ),
        "emptied": QCoreApplication.translate(
            "Messages",
            "The audit history file was found empty, so it was set aside (renamed with the "
            "date) and nothing was sent to PortOne. Try again to begin a new history, and "
            "restore the old one from a backup if you need it.",
        ),
        "locked": QCoreApplication.translate(
            "Messages",
            "The audit history is busy in another program, so nothing was sent to PortOne. "
            "Wait a moment and try again; if it persists, close other copies of iamport-desk.",
        ),
        "readonly": QCoreApplication.translate(
            "Messages",
            "The audit history file or its folder is read-only, so nothing was sent to "
            "PortOne. Fix the folder's permissions, then try again.",
        ),
        "full": QCoreApplication.translate(
            "Messages",
            "The disk that holds the audit history is full, so nothing was sent to PortOne. "
            "Free some disk space, then try again.",
        ),
        "network": QCoreApplication.translate(
            "Messages",
            "The audit history is on a network drive, so it is kept in a slower mode that "
            "network drives can share safely. Keep the drive connected while you work; a "
            "folder on this PC is faster.",
        ),
    }
    return texts.get(
        reason,
        QCoreApplication.translate(
            "Messages",
            "The audit history could not be read or written, so nothing was sent to PortOne. "
            "Try again; if it persists, see the log file.",
        ),
    )


def note_text(note: str | None) -> str:
    """A history row's note codes (joined by "; ") in the clerk's language.

    Anything that is not a known code (a hand-edited file) is shown as it is.
    """
    from iamport_desk.models import NoteCode

    known = {
        NoteCode.INTERRUPTED: QCoreApplication.translate(
            "Notes", "Interrupted (the app closed or crashed)"
        ),
        NoteCode.ANSWER_LOST: QCoreApplication.translate("Notes", "No answer came back"),
        NoteCode.NO_CANCELLATION_TIME: QCoreApplication.translate(
            "Notes", "The answer did not show a cancellation time"
        ),
        NoteCode.NETWORK: QCoreApplication.translate("Notes", "PortOne could not be reached"),
        NoteCode.UNEXPECTED_ANSWER: QCoreApplication.translate(
            "Notes", "An answer that was not PortOne's came back"
        ),
        NoteCode.INTERNAL_ERROR: QCoreApplication.translate(
            "Notes", "Internal error (see the log file)"
        ),
        NoteCode.CONFIRMED_BY_LOOKUP: QCoreApplication.translate("Notes", "Confirmed by lookup"),
        NoteCode.NOT_CANCELLED_BY_LOOKUP: QCoreApplication.translate(
            "Notes", "Not cancelled (checked by lookup)"
        ),
        NoteCode.OTHER_ORDER: QCoreApplication.translate(
            "Notes", "The lookup answered about another order; still to be checked"
        ),
        NoteCode.LOOKUP_FAILED: QCoreApplication.translate(
            "Notes", "The lookup failed; still to be checked"
        ),
        NoteCode.NOT_ISSUED_BY_LOOKUP: QCoreApplication.translate(
            "Notes", "Not issued (checked by lookup)"
        ),
    }
    words: dict[str, str] = {str(code): text for code, text in known.items()}
    return "; ".join(words.get(part, part) for part in (note or "").split("; ") if part)


def pair_text(action: str, other_id: int | None) -> str:
    """The link of a correction pair as the history table shows it: on a cancellation the
    re-issue that corrects it, on a re-issue the cancellation it corrects."""
    from iamport_desk.models import Action

    if other_id is None:
        return ""
    if Action(action) is Action.ISSUE:
        return QCoreApplication.translate("History", "← #{0} cancellation").format(other_id)
    return QCoreApplication.translate("History", "→ #{0} re-issue").format(other_id)


def from_lookup_mark() -> str:
    """Appended to a row's amount when it is what the lookup showed before the request."""
    return QCoreApplication.translate("History", "(at lookup)")
