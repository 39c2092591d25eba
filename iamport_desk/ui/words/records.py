"""Records (issues 14-16): reasons, actions, outcomes per action, where receipt fields
came from, and the export's columns for them. Stored as codes; worded here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iamport_desk.history_export import ExportWords, RecordWords
from iamport_desk.models import Action, CancelReason, Outcome, ReceiptSource
from iamport_desk.ui.words.history import note_text
from iamport_desk.ui.words.labels import export_headers, outcome_labels, receipt_type_labels


def reason_text(reason: CancelReason | int | None) -> str:
    """A cancellation reason (취소사유) in the clerk's words; None reads "Not recorded"."""
    if reason is None:
        return QCoreApplication.translate("Records", "Not recorded")
    labels = {
        CancelReason.TRANSACTION_CANCELLED: QCoreApplication.translate(
            "Records", "Transaction cancelled"
        ),
        CancelReason.ISSUED_IN_ERROR: QCoreApplication.translate("Records", "Issued in error"),
        CancelReason.OTHER: QCoreApplication.translate("Records", "Other"),
    }
    try:
        return labels[CancelReason(reason)]
    except ValueError:
        return str(reason)  # a number no version wrote: shown as it is


def reason_choice_text(reason: CancelReason) -> str:
    """A reason as a choice in the confirmation, with its mnemonic (Alt+letter)."""
    choices = {
        CancelReason.TRANSACTION_CANCELLED: QCoreApplication.translate(
            "Records", "&Transaction cancelled"
        ),
        CancelReason.ISSUED_IN_ERROR: QCoreApplication.translate("Records", "Issued in &error"),
        CancelReason.OTHER: QCoreApplication.translate("Records", "&Other (write a memo)"),
    }
    return choices[CancelReason(reason)]


def reason_box_title() -> str:
    return QCoreApplication.translate("Records", "Reason for cancelling")


def reason_memo_label() -> str:
    return QCoreApplication.translate("Records", "&Memo:")


def reason_memo_placeholder() -> str:
    return QCoreApplication.translate("Records", "Why (needed for Other)")


def reason_preselected(reason: CancelReason) -> str:
    """Said while the preselected reason is chosen: a reason will be recorded, and which."""
    return QCoreApplication.translate(
        "Records", "{0} is chosen; choose another reason if it does not fit."
    ).format(reason_text(reason))


def reason_note_problem(kind: str) -> str:
    """Why a reason's memo cannot be used (``rules.validate_reason_note``'s RuleError kind)."""
    from iamport_desk.rules import MAX_REASON_NOTE_LENGTH

    if kind == "empty":
        return QCoreApplication.translate(
            "Records", "The reason Other needs a short memo: write one, or choose another reason."
        )
    if kind == "too_long":
        return QCoreApplication.translate(
            "Records", "The memo is too long: shorten it to {0} characters or fewer."
        ).format(MAX_REASON_NOTE_LENGTH)
    return QCoreApplication.translate(
        "Records", "The memo contains an invisible control character: type it again."
    )


def reason_said(reason: CancelReason | int | None, note: str | None) -> str:
    """The reason as the result screen says it: "Reason: Other (memo)"."""
    if note:
        return QCoreApplication.translate("Records", "Reason: {0} ({1})").format(
            reason_text(reason), note
        )
    return QCoreApplication.translate("Records", "Reason: {0}").format(reason_text(reason))


def action_text(action: Action) -> str:
    """What an attempt asked for: a cancellation or a (correcting) issue."""
    if Action(action) is Action.ISSUE:
        return QCoreApplication.translate("Records", "Re-issue")
    return QCoreApplication.translate("Records", "Cancellation")


def outcome_text(outcome: Outcome, action: Action) -> str:
    """An attempt's outcome in words that fit its action ("done" reads "Issued" for an
    issue row; the cancel rows' words are the history's usual ones)."""
    outcome = Outcome(outcome)
    if outcome is Outcome.PENDING:
        return QCoreApplication.translate("Outcome", "In progress")
    if outcome is Outcome.UNKNOWN:
        return QCoreApplication.translate("Outcome", "Unknown - check")
    if Action(action) is Action.ISSUE:
        if outcome is Outcome.CANCELLED:
            return QCoreApplication.translate("Outcome", "Issued")
        return QCoreApplication.translate("Outcome", "Not issued")
    if outcome is Outcome.CANCELLED:
        return QCoreApplication.translate("Outcome", "Cancelled")
    return QCoreApplication.translate("Outcome", "Failed")


def receipt_source_text(source: ReceiptSource | None) -> str:
    """Where a row's amount, VAT and 승인번호 came from."""
    if source is None:
        return QCoreApplication.translate("Records", "Not recorded")
    texts = {
        ReceiptSource.LOOKUP: QCoreApplication.translate("Records", "From the lookup"),
        ReceiptSource.ANSWER: QCoreApplication.translate("Records", "From PortOne's answer"),
        ReceiptSource.REQUEST: QCoreApplication.translate("Records", "As requested"),
    }
    return texts[ReceiptSource(source)]


def record_words() -> RecordWords:
    """The export's words for the columns of schema 4, in the clerk's language
    (``History.export_csv(..., record_words=record_words())``)."""
    from iamport_desk.models import Action, CancelReason, Outcome, ReceiptSource

    return RecordWords(
        headers=(
            QCoreApplication.translate("Records", "Row number"),
            QCoreApplication.translate("Records", "Action"),
            QCoreApplication.translate("Records", "Cancellation reason"),
            QCoreApplication.translate("Records", "Reason memo"),
            QCoreApplication.translate("Records", "Linked row number"),
            QCoreApplication.translate("Records", "Receipt details from"),
            QCoreApplication.translate("Records", "Originally issued at (KST)"),
            QCoreApplication.translate("Records", "API"),
            QCoreApplication.translate("Records", "Customer identifier (masked)"),
            QCoreApplication.translate("Records", "Error type"),
            QCoreApplication.translate("Records", "PG code"),
            QCoreApplication.translate("Records", "PG message"),
        ),
        reasons={reason: reason_text(reason) for reason in CancelReason},
        not_recorded=reason_text(None),
        actions={action: action_text(action) for action in Action},
        issue_outcomes={outcome: outcome_text(outcome, Action.ISSUE) for outcome in Outcome},
        sources={source: receipt_source_text(source) for source in ReceiptSource},
        apis={"v1": "V1", "v2": "V2"},
        sheet_title=QCoreApplication.translate("Records", "History"),
    )


def export_words() -> ExportWords:
    """Every word of an export in the clerk's language: what the history window passes to
    ``History.export_csv`` / ``export_xlsx``."""
    return ExportWords(
        headers=export_headers(),
        outcome_labels=outcome_labels(),
        type_labels=receipt_type_labels(),
        note_words=note_text,
        record_words=record_words(),
    )
