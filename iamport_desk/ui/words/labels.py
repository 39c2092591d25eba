"""Labels and colours of the windows: outcomes, receipt types, won, export headers.

What is stored is a code (Outcome, ReceiptType); the words are chosen here, at display time.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iamport_desk.models import Outcome, ReceiptType
from iamport_desk.ui.noop import QT_TRANSLATE_NOOP

# The colours of the clerk's sentences: a warning, a success, and the palette's own text.
WARNING_COLOUR = "#b02a37"
SUCCESS_COLOUR = "#146c43"
NEUTRAL_COLOUR = "palette(text)"
# The demo banner: a yellow note, unlike anything a real store shows.
DEMO_BANNER_STYLE = (
    "background: #fff3cd; color: #664d03; border: 1px solid #ffcd39; padding: 6px; "
    "font-weight: bold;"
)


def sentence_colour(*, warning: bool = False, success: bool = False) -> str:
    return WARNING_COLOUR if warning else (SUCCESS_COLOUR if success else NEUTRAL_COLOUR)


def label_style(object_name: str, colour: str, *, bold: bool = False) -> str:
    """A style sheet for the QLabel named ``object_name`` (``setObjectName``)."""
    weight = " font-weight: bold;" if bold else ""
    return f"QLabel#{object_name} {{ color: {colour};{weight} }}"


_OUTCOME_LABELS = {
    Outcome.PENDING: QT_TRANSLATE_NOOP("Outcome", "In progress"),
    Outcome.CANCELLED: QT_TRANSLATE_NOOP("Outcome", "Cancelled"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("Outcome", "Failed"),
    Outcome.UNKNOWN: QT_TRANSLATE_NOOP("Outcome", "Unknown - check"),
}


def outcome_label(outcome: Outcome) -> str:
    return QCoreApplication.translate("Outcome", _OUTCOME_LABELS[outcome])


def outcome_labels() -> dict[Outcome, str]:
    """Every outcome's label in the clerk's language (for an export)."""
    return {outcome: outcome_label(outcome) for outcome in Outcome}


_RECEIPT_TYPE_LABELS = {
    ReceiptType.PERSON: QT_TRANSLATE_NOOP("ReceiptType", "Income deduction (individual)"),
    ReceiptType.COMPANY: QT_TRANSLATE_NOOP("ReceiptType", "Proof of expense (business)"),
}


def receipt_type_label(value: str | None) -> str:
    """'person'/'company' in the clerk's language; any other code as it came."""
    if value is None:
        return ""
    try:
        known = ReceiptType(value)
    except ValueError:
        return value
    return QCoreApplication.translate("ReceiptType", _RECEIPT_TYPE_LABELS[known])


def receipt_type_labels() -> dict[str, str]:
    """Every receipt type's label, keyed by its stored code (for an export)."""
    return {str(kind.value): receipt_type_label(kind.value) for kind in ReceiptType}


def won(amount: int | None) -> str:
    """An amount in the current language: '12,300원' / '12,300 won'."""
    if amount is None:
        return "-"
    return QCoreApplication.translate("Format", "{0} won").format(f"{amount:,}")


def reconcile_summary(checked: int, cancelled: int) -> str:
    """What a check of unknown outcomes found, for the status line."""
    return QCoreApplication.translate(
        "Reconcile",
        "Checked {0} attempt(s) by lookup: {1} cancelled, {2} not cancelled (you can "
        "try those again).",
    ).format(checked, cancelled, checked - cancelled)


def export_headers() -> list[str]:
    """The CSV column titles, in the order of ``history_export.DEFAULT_HEADERS``."""
    titles = (
        QT_TRANSLATE_NOOP("Export", "Started (KST)"),
        QT_TRANSLATE_NOOP("Export", "Ended (KST)"),
        QT_TRANSLATE_NOOP("Export", "Profile"),
        QT_TRANSLATE_NOOP("Export", "Tier code"),
        QT_TRANSLATE_NOOP("Export", "Order number"),
        QT_TRANSLATE_NOOP("Export", "Operator"),
        QT_TRANSLATE_NOOP("Export", "Outcome"),
        QT_TRANSLATE_NOOP("Export", "HTTP status"),
        QT_TRANSLATE_NOOP("Export", "Response code"),
        QT_TRANSLATE_NOOP("Export", "Message"),
        QT_TRANSLATE_NOOP("Export", "Amount (won)"),
        QT_TRANSLATE_NOOP("Export", "VAT (won)"),
        QT_TRANSLATE_NOOP("Export", "Receipt type"),
        QT_TRANSLATE_NOOP("Export", "Approval number"),
        QT_TRANSLATE_NOOP("Export", "PG receipt ID"),
        QT_TRANSLATE_NOOP("Export", "Receipt URL"),
        QT_TRANSLATE_NOOP("Export", "Cancelled at (KST)"),
        QT_TRANSLATE_NOOP("Export", "Note"),
    )
    return [QCoreApplication.translate("Export", title) for title in titles]
