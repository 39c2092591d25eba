"""Every failure as a plain sentence for the clerk: what happened, and what to do next.

Server messages are passed through as they came (PortOne's Korean text, often from the
PG); they are shown as plain text by the caller, never parsed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from iamport_desk.formatting import elide
from iamport_desk.models import Outcome, ReceiptType
from iamport_desk.ui.noop import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class UserMessage:
    """A sentence for the clerk. ``server`` is the server's own text, shown apart."""

    text: str
    server: str | None = None
    reenter_credentials: bool = False

    def full_text(self) -> str:
        if self.server:
            return (
                self.text
                + "\n"
                + QCoreApplication.translate("Messages", "Message from PortOne: {0}").format(
                    self.server
                )
            )
        return self.text


def _status_detail(status: int | None, code: int | None) -> str:
    parts = []
    if status is not None:
        parts.append(f"HTTP {status}")
    if code not in (None, 0):
        parts.append(QCoreApplication.translate("Messages", "code {0}").format(code))
    return f" ({', '.join(parts)})" if parts else ""


def describe_error(error: BaseException, *, cancelling: bool = False) -> UserMessage:
    """Map an exception value from the worker to a sentence."""
    from iamport_desk import errors

    server = (
        elide(error.message) if isinstance(error, errors.IamportError) and error.message else None
    )
    if isinstance(error, errors.InvalidMerchantUid):
        reasons = {
            "empty": QCoreApplication.translate("Messages", "Enter an order number first."),
            "too_long": QCoreApplication.translate(
                "Messages",
                "The order number is far too long to be a real order number. "
                "Check what was pasted and try again.",
            ),
            "control": QCoreApplication.translate(
                "Messages",
                "The order number contains invisible control characters (for "
                "example a line break from copying). Type it again.",
            ),
        }
        return UserMessage(
            reasons.get(
                error.reason,
                QCoreApplication.translate(
                    "Messages",
                    "This order number cannot be sent to PortOne as it is "
                    "(for example \u201c.\u201d or \u201c..\u201d). Check the number.",
                ),
            )
        )
    if isinstance(error, errors.AuthenticationError):
        return UserMessage(
            QCoreApplication.translate(
                "Messages",
                "PortOne did not accept the REST API key or secret. "
                "Enter them again in the credentials dialog.",
            ),
            server,
            reenter_credentials=True,
        )
    if isinstance(error, errors.ReceiptNotFound):
        return UserMessage(
            QCoreApplication.translate(
                "Messages",
                "No cash receipt was issued for this order number. "
                "Check the number (and the store or Tier code).",
            ),
            server,
        )
    if isinstance(error, errors.OutcomeUnknown):
        return UserMessage(
            QCoreApplication.translate(
                "Messages",
                "The cancellation was sent, but no answer came back, so it is not known whether "
                "the receipt was cancelled. Do not cancel it again: look the order number up, or "
                "use \u201cCheck unknown outcomes\u201d in the history, when the network is back.",
            ),
            server,
        )
    if isinstance(error, errors.NetworkError):
        texts = {
            "refused": QCoreApplication.translate(
                "Messages", "The PortOne server could not be reached (connection refused)."
            ),
            "dns": QCoreApplication.translate(
                "Messages", "The PortOne server's name could not be found."
            ),
            "tls": QCoreApplication.translate(
                "Messages",
                "The server's security certificate could not be verified, so the "
                "connection was stopped.",
            ),
            "connect_timeout": QCoreApplication.translate(
                "Messages", "Connecting to the PortOne server took too long."
            ),
            "read_timeout": QCoreApplication.translate(
                "Messages", "The PortOne server did not answer in time."
            ),
            "proxy": QCoreApplication.translate(
                "Messages", "The proxy server refused or failed the connection."
            ),
        }
        first = texts.get(
            error.kind, QCoreApplication.translate("Messages", "The connection to PortOne failed.")
        )
        return UserMessage(
            first
            + " "
            + QCoreApplication.translate(
                "Messages",
                "Nothing was changed. Check the network or proxy settings and try again.",
            )
        )
    if isinstance(error, errors.ApiError):
        detail = _status_detail(error.status, error.code)
        if error.status == 407:
            text = QCoreApplication.translate(
                "Messages",
                "The proxy server asks for a login. Ask your IT department for the proxy settings.",
            )
        elif error.status == 500 and cancelling:
            text = QCoreApplication.translate(
                "Messages", "The payment gateway refused or failed the cancellation."
            )
        elif error.status == 501:
            text = QCoreApplication.translate(
                "Messages",
                "PortOne does not support cash receipts for this store's payment gateway.",
            )
        elif error.status == 400:
            text = QCoreApplication.translate("Messages", "PortOne refused the request.")
        elif error.status == 200 and error.code not in (None, 0):
            text = QCoreApplication.translate("Messages", "PortOne answered with an error.")
        elif error.status == 200 and error.code == 0:
            text = QCoreApplication.translate(
                "Messages", "PortOne's answer could not be read (it is not in the documented form)."
            )
        elif error.message is None:
            text = QCoreApplication.translate(
                "Messages",
                "An unexpected answer came instead of PortOne's (for example a proxy "
                "or login page).",
            )
        else:
            text = QCoreApplication.translate("Messages", "PortOne answered with an error.")
        action = (
            QCoreApplication.translate(
                "Messages",
                "The receipt was not cancelled. Read the message, then try again or "
                "contact PortOne.",
            )
            if cancelling
            else QCoreApplication.translate(
                "Messages", "Try again later; if it persists, contact PortOne."
            )
        )
        return UserMessage(text + detail + " " + action, server)
    from iamport_desk.history import HistoryUnavailable

    if isinstance(error, HistoryUnavailable):
        reasons = {
            "readonly": QCoreApplication.translate(
                "Messages", "the history file or folder is read-only"
            ),
            "full": QCoreApplication.translate("Messages", "the disk is full"),
            "locked": QCoreApplication.translate(
                "Messages", "the history file is locked by another program"
            ),
            "corrupt": QCoreApplication.translate(
                "Messages", "the history file is damaged or from a newer version"
            ),
        }
        why = reasons.get(
            error.reason,
            QCoreApplication.translate("Messages", "the history file could not be written"),
        )
        return UserMessage(
            QCoreApplication.translate(
                "Messages",
                "The audit history cannot be written ({0}), so nothing was sent to PortOne. "
                "Free the disk or fix the folder's permissions, then try again.",
            ).format(why)
        )
    return UserMessage(
        QCoreApplication.translate(
            "Messages", "Something unexpected went wrong. The details were written to the log file."
        )
    )


# ---- labels and colours of the windows (ui) --------------------------------------------
# What is stored is a code (Outcome, ReceiptType); the words are chosen here, at display time.

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
