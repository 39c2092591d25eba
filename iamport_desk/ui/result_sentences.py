"""What the main window says when a job comes back: one function per kind of result.

Each returns the sentence and how it is shown; the window decides what else to do (show
the receipt, move the focus, ask for the credentials). The sentences keep the main
window's translation context, where they were written.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from iamport_desk.formatting import format_kst
from iamport_desk.jobs import CancelResult, ReconcileResult, StartupResult
from iamport_desk.models import Outcome, Receipt
from iamport_desk.ui.words import UserMessage, describe_error, reconcile_summary


@dataclass(frozen=True)
class Said:
    """A sentence for the status line, and how it is shown."""

    message: UserMessage | str
    warning: bool = False
    success: bool = False


def secret_missing_reason() -> str:
    return QCoreApplication.translate(
        "MainWindow", "The secret of this store is not available on this PC. Enter it again."
    )


def reenter_reason() -> str:
    # Both kinds: V1's REST API key and secret, V2's one API secret.
    return QCoreApplication.translate("MainWindow", "Enter the store's PortOne keys again.")


def no_credentials_said() -> Said:
    """Nothing was looked up: no store's keys. Where to enter them."""
    from iamport_desk.ui import shortcuts

    return Said(
        QCoreApplication.translate(
            "MainWindow",
            "Nothing was looked up: no store's PortOne keys are saved. Enter them with {0} "
            "(Settings > Store profiles and keys).",
        ).format(shortcuts.CREDENTIALS.native_key()),
        warning=True,
    )


def first_start_said() -> Said:
    """No store yet (the first start): what to do first."""
    from iamport_desk.ui import shortcuts

    return Said(
        QCoreApplication.translate(
            "MainWindow",
            "No store is set up yet. Add your PortOne store with {0} (Settings > Store "
            "profiles and keys), or try the app first with the practice stores: start it "
            "with --demo.",
        ).format(shortcuts.CREDENTIALS.native_key())
    )


def startup_said(result: StartupResult) -> Said | None:
    if result.error is not None:
        return Said(describe_error(result.error), warning=True)
    said: list[str] = []
    if result.notice is not None:  # e.g. a history on a network drive, opened without WAL
        from iamport_desk.ui.words import history_problem

        said.append(history_problem(result.notice))
    if result.interrupted:
        said.append(
            QCoreApplication.translate(
                "MainWindow",
                "{0} cancellation attempt(s) were interrupted last time (the app closed or "
                "crashed). Their outcome is being checked.",
            ).format(result.interrupted)
        )
    return Said("\n".join(said), warning=True) if said else None


def receipt_said(receipt: Receipt) -> Said:
    """A receipt was found: what to do with it."""
    if receipt.is_cancelled:
        return Said(
            QCoreApplication.translate(
                "MainWindow",
                "This cash receipt was already cancelled on {0}. There is nothing to cancel.",
            ).format(format_kst(receipt.cancelled_at))
        )
    return Said(
        QCoreApplication.translate(
            "MainWindow",
            "Check the receipt below. To cancel it, press \u201cCancel this receipt\u201d.",
        )
    )


def guard_said(result: CancelResult) -> Said | None:
    """The history showed the receipt cancelled already: no request was sent."""
    previous = result.already_cancelled
    if previous is None:
        return None
    return Said(
        QCoreApplication.translate(
            "MainWindow",
            "The history shows this receipt was already cancelled on {0}. No request was sent.",
        ).format(format_kst(previous.cancelled_at or previous.ended_at))
    )


def found_cancelled_said(receipt: Receipt, refusal: BaseException | None) -> Said:
    """Refused, and the lookup after it found the receipt cancelled (elsewhere)."""
    text = QCoreApplication.translate(
        "MainWindow",
        "Nothing more to do: this receipt is already cancelled. PortOne refused this request "
        "because its records show the cancellation at {0} (made on another PC or in PortOne's "
        "console). The receipt above is as PortOne has it now.",
    ).format(format_kst(receipt.cancelled_at))
    said = describe_error(refusal, cancelling=True) if refusal is not None else None
    return Said(UserMessage(text, said.server if said is not None else None))


def cancelled_said(receipt: Receipt, history_error: BaseException | None) -> Said:
    text = QCoreApplication.translate(
        "MainWindow", "The cash receipt was cancelled at {0}."
    ).format(format_kst(receipt.cancelled_at))
    if history_error is not None:
        text += " " + QCoreApplication.translate(
            "MainWindow", "Warning: the audit history could not record it: {0}"
        ).format(describe_error(history_error).text)
    return Said(text, success=history_error is None, warning=history_error is not None)


def outcome_unclear(result: CancelResult) -> bool:
    """The DELETE may have gone through: what is shown may no longer be true."""
    from iamport_desk.errors import OutcomeUnknown

    return isinstance(result.error, OutcomeUnknown) or (
        result.entry is not None and result.entry.outcome == Outcome.UNKNOWN
    )


def reconcile_said(result: ReconcileResult) -> Said | None:
    done = result.reconciled
    cancelled = sum(1 for entry in done if entry.outcome == Outcome.CANCELLED)
    if done:
        return Said(reconcile_summary(len(done), cancelled))
    if result.error is not None:
        return Said(
            QCoreApplication.translate(
                "MainWindow", "Unknown outcomes could not be checked yet: {0}"
            ).format(describe_error(result.error).text),
            warning=True,
        )
    return None


__all__ = [
    "Said",
    "cancelled_said",
    "first_start_said",
    "guard_said",
    "no_credentials_said",
    "outcome_unclear",
    "receipt_said",
    "reconcile_said",
    "reenter_reason",
    "secret_missing_reason",
    "startup_said",
]
