"""Every failure as a plain sentence for the clerk: what happened, and what to do next.

Server messages are passed through as they came (PortOne's Korean text, often from the
PG); they are shown as plain text by the caller, never parsed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from iamport_desk.formatting import elide, isolate
from iamport_desk.history_export import RecordWords
from iamport_desk.models import Action, CancelReason, Outcome, ReceiptSource, ReceiptType
from iamport_desk.ui.noop import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from iamport_desk.errors import InvalidMerchantUid


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


def describe_invalid_merchant_uid(error: InvalidMerchantUid) -> str:
    """Why an order number was refused before anything was sent, and what to do instead."""
    from iamport_desk.rules import RefusedCharacter, TypedInHangulMode

    if isinstance(error, TypedInHangulMode):
        return QCoreApplication.translate(
            "Messages",
            "The order number was typed while the input method was in Korean (한글) mode: "
            "on an English keyboard these keys spell \u201c{0}\u201d. Switch to English with "
            "the 한/영 key and type the number again (mind upper and lower case).",
        ).format(isolate(elide(error.keys, 80)))
    if isinstance(error, RefusedCharacter) and error.reason in ("invisible", "bidi"):
        # The character is named, never shown: shown, it would hide or reorder the sentence.
        where = isolate(error.label), error.position
        if error.reason == "invisible":
            return QCoreApplication.translate(
                "Messages",
                "The order number contains an invisible character, {0}, at position {1} "
                "(usually copied along from a web page, a chat or a spreadsheet). "
                "Type the number again instead of pasting it.",
            ).format(*where)
        return QCoreApplication.translate(
            "Messages",
            "The order number contains a text-direction control character, {0}, at position "
            "{1}; it makes the number on screen differ from the one that would be sent. "
            "Type the number again instead of pasting it.",
        ).format(*where)
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
    return reasons.get(
        error.reason,
        QCoreApplication.translate(
            "Messages",
            "This order number cannot be sent to PortOne as it is "
            "(for example \u201c.\u201d or \u201c..\u201d). Check the number.",
        ),
    )


def describe_error(error: BaseException, *, cancelling: bool = False) -> UserMessage:
    """Map an exception value from the worker to a sentence."""
    from iamport_desk import errors

    server = (
        elide(error.message) if isinstance(error, errors.IamportError) and error.message else None
    )
    if isinstance(error, errors.InvalidMerchantUid):
        return UserMessage(describe_invalid_merchant_uid(error))
    from iamport_desk.rules import IdentifierError

    if isinstance(error, IdentifierError):
        from iamport_desk.ui.issue_words import identifier_problem

        return UserMessage(identifier_problem(error))
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
        return _describe_unknown(error.reason, server)
    if isinstance(error, errors.NetworkError) and error.kind in _NEW_NETWORK_KINDS:
        return _describe_network(error.kind, error.status, cancelling=cancelling)
    if isinstance(error, errors.OtherOrderAnswer):
        from iamport_desk.formatting import isolate

        return UserMessage(
            QCoreApplication.translate(
                "Messages",
                "PortOne answered with the receipt of another order number ({0}), not the one "
                "looked up, so nothing is shown and nothing can be cancelled. Look the order "
                "number up again; if this happens again, contact PortOne.",
            ).format(isolate(elide(error.answered_uid, 80)))
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
        elif cancelling and (error.status == 500 or _is_pg_refusal(error)):
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
        return UserMessage(history_problem(error.reason))
    if isinstance(error, OSError):  # a settings or export file: which one, and what to do
        return describe_file_error(error)
    return UserMessage(
        QCoreApplication.translate(
            "Messages", "Something unexpected went wrong. The details were written to the log file."
        )
    )


# --- keychain and files held by other programs (platform) ------------------------------


def keychain_reason_text(code: str | None) -> str:
    """One sentence for a ``keychain.KeychainReason`` code: what happened, what to do."""
    texts = {
        "absent": QCoreApplication.translate(
            "Keychain", "No secret is saved for this store on this PC. Enter it again."
        ),
        "no_keychain": QCoreApplication.translate(
            "Keychain",
            "No system keychain is available: a secret entered here is kept only until the app "
            "closes, and never written to a file.",
        ),
        "disabled": QCoreApplication.translate(
            "Keychain",
            "The keychain is turned off in the keyring configuration: a secret entered here is "
            "kept only until the app closes.",
        ),
        "unsafe": QCoreApplication.translate(
            "Keychain",
            "Only a file-based keyring is installed, which is not a safe keychain: a secret "
            "entered here is kept only until the app closes.",
        ),
        "locked": QCoreApplication.translate(
            "Keychain",
            "The system keychain is locked, so the saved secret could not be used. Unlock the "
            "keychain (sign in to it), then try again: the secret does not need to be entered "
            "again.",
        ),
        "denied": QCoreApplication.translate(
            "Keychain",
            "Access to the system keychain was denied, so the saved secret could not be used. "
            "Restart the app and choose \u201cAllow\u201d when the system asks, or enter the "
            "secret again.",
        ),
        "no_session": QCoreApplication.translate(
            "Keychain",
            "Windows has no credential store in this session (for example when the app runs as "
            "administrator or in a remote session), so the secret is kept only until the app "
            "closes. Start the app normally to save it.",
        ),
        "refused": QCoreApplication.translate(
            "Keychain",
            "The system keychain refused to read or save the secret (the log file has the "
            "details), so it is kept only until the app closes.",
        ),
        "write_failed": QCoreApplication.translate(
            "Keychain",
            "The system keychain accepted the secret but did not keep it, so it is kept only "
            "until the app closes.",
        ),
    }
    return texts.get(code or "absent", texts["absent"])


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


# ---- network and API: the cases of issue 12 (proxies, deadline, abort, unknown outcomes).
# Each sentence starts with the outcome, then what to do, then details.

_NEW_NETWORK_KINDS = frozenset(
    {"proxy_auth", "proxy_unreachable", "proxy_page", "deadline", "aborted"}
)


def _describe_network(kind: str, status: int | None, *, cancelling: bool) -> UserMessage:
    detail = _status_detail(status, None)
    what = {
        "proxy_auth": QCoreApplication.translate(
            "Messages",
            "The proxy server asks for a sign-in{0}. Ask your IT department for the proxy user "
            "name and password, and enter them with the proxy in the network settings.",
        ),
        "proxy_unreachable": QCoreApplication.translate(
            "Messages",
            "The proxy server could not be reached. Check the proxy address in the network "
            "settings, or ask your IT department.",
        ),
        "proxy_page": QCoreApplication.translate(
            "Messages",
            "The proxy server refused the connection to PortOne with a page of its own{0}. "
            "Ask your IT department to allow api.iamport.kr.",
        ),
        "deadline": QCoreApplication.translate(
            "Messages",
            "PortOne did not finish answering within the time limit. Check the network or "
            "proxy settings and try again.",
        ),
        "aborted": QCoreApplication.translate(
            "Messages", "The request was stopped before PortOne answered. Try again when ready."
        ),
    }[kind].format(detail)
    outcome = (
        QCoreApplication.translate("Messages", "The receipt was not cancelled.")
        if cancelling
        else QCoreApplication.translate("Messages", "Nothing was changed.")
    )
    return UserMessage(outcome + " " + what)


def _describe_unknown(reason: str, server: str | None) -> UserMessage:
    why = {
        "unreadable": QCoreApplication.translate(
            "Messages",
            "It is not known whether the receipt was cancelled: the answer to the cancellation "
            "could not be read (it was damaged or far too large).",
        ),
        "other_order": QCoreApplication.translate(
            "Messages",
            "It is not known whether the receipt was cancelled: the answer named another order "
            "number than the one cancelled.",
        ),
        "redirect": QCoreApplication.translate(
            "Messages",
            "It is not known whether the receipt was cancelled: the cancellation was answered "
            "with a redirect to another address, which the app never follows.",
        ),
        "deadline": QCoreApplication.translate(
            "Messages",
            "It is not known whether the receipt was cancelled: the cancellation was sent, but "
            "its answer did not arrive within the time limit.",
        ),
        "aborted": QCoreApplication.translate(
            "Messages",
            "It is not known whether the receipt was cancelled: the cancellation was sent, then "
            "stopped before its answer arrived.",
        ),
    }
    if reason not in why:
        return UserMessage(
            QCoreApplication.translate(
                "Messages",
                "The cancellation was sent, but no answer came back, so it is not known whether "
                "the receipt was cancelled. Do not cancel it again: look the order number up, or "
                "use \u201cCheck unknown outcomes\u201d in the history, when the network is back.",
            ),
            server,
        )
    return UserMessage(
        why[reason]
        + " "
        + QCoreApplication.translate(
            "Messages",
            "Do not cancel it again: look the order number up, or use \u201cCheck unknown "
            "outcomes\u201d in the history.",
        ),
        server,
    )


# ---- the audit history: why it cannot be used, and what its notes mean -----------------


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


# ---- issuing a receipt (issue 15, area "issue"): the sentences are in ui/issue_words.py
# (this module is near its size limit); describe_error calls identifier_problem from there.


# ---- records (issues 14-16): reasons, actions, outcomes per action, where receipt fields
# came from, and the export's columns for them. Stored as codes; worded here.


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
    )


# ---- store profiles, V1 or V2 (area "stores", issue 16): profile_form's codes, store kinds

_STORE_API_NAMES = {
    "v1": QT_TRANSLATE_NOOP("StoreApi", "PortOne V1 store (iamport)"),
    "v2": QT_TRANSLATE_NOOP("StoreApi", "PortOne V2 store"),
}
_FORM_TEXTS = {  # labels carry their mnemonic
    "label.api": QT_TRANSLATE_NOOP("ProfileForm", "API &kind:"),
    "label.name": QT_TRANSLATE_NOOP("ProfileForm", "Profile na&me:"),
    "label.imp_key": QT_TRANSLATE_NOOP("ProfileForm", "REST API &key:"),
    "label.imp_secret": QT_TRANSLATE_NOOP("ProfileForm", "REST API s&ecret:"),
    "label.tier_code": QT_TRANSLATE_NOOP("ProfileForm", "&Tier code:"),
    "label.api_secret": QT_TRANSLATE_NOOP("ProfileForm", "V2 API s&ecret:"),
    "label.store_id": QT_TRANSLATE_NOOP("ProfileForm", "Store &ID:"),
    "label.api_base": QT_TRANSLATE_NOOP("ProfileForm", "API &host:"),
    "placeholder.name": QT_TRANSLATE_NOOP("ProfileForm", "e.g. Gangnam branch"),
    "placeholder.imp_key": QT_TRANSLATE_NOOP("ProfileForm", "REST API key"),
    "placeholder.imp_secret": QT_TRANSLATE_NOOP("ProfileForm", "REST API secret"),
    "placeholder.tier_code": QT_TRANSLATE_NOOP("ProfileForm", "optional, 3 characters"),
    "placeholder.api_secret": QT_TRANSLATE_NOOP("ProfileForm", "V2 API secret"),
    "placeholder.store_id": QT_TRANSLATE_NOOP("ProfileForm", "optional, store-xxxxxxxx-..."),
    "hint.v2_console_path": QT_TRANSLATE_NOOP(
        "ProfileForm", "The V2 API secret is in the PortOne console under {0}."
    ),
    "hint.store_id": QT_TRANSLATE_NOOP(
        "ProfileForm", "Only when the secret's account has several stores; else leave it empty."
    ),
}
_FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("ProfileForm", "Profile name"),
    "imp_key": QT_TRANSLATE_NOOP("ProfileForm", "REST API key"),
    "imp_secret": QT_TRANSLATE_NOOP("ProfileForm", "REST API secret"),
    "tier_code": QT_TRANSLATE_NOOP("ProfileForm", "Tier code"),
    "api_secret": QT_TRANSLATE_NOOP("ProfileForm", "V2 API secret"),
    "store_id": QT_TRANSLATE_NOOP("ProfileForm", "Store ID"),
    "api_base": QT_TRANSLATE_NOOP("ProfileForm", "API host"),
}
# Appended to a field's name; "format" is per field ("api_base/v2": the host of a V2 store).
_ERROR_FRAGMENTS = {
    "empty": QT_TRANSLATE_NOOP("ProfileForm", "is empty."),
    "whitespace": QT_TRANSLATE_NOOP("ProfileForm", "must not contain spaces or line breaks."),
    "control": QT_TRANSLATE_NOOP("ProfileForm", "contains invisible control characters."),
    "non_ascii": QT_TRANSLATE_NOOP(
        "ProfileForm", "may only contain English letters, digits and symbols."
    ),
    "duplicate": QT_TRANSLATE_NOOP("ProfileForm", "is already used by another profile."),
    "too_long": QT_TRANSLATE_NOOP("ProfileForm", "is too long."),
    "too_short": QT_TRANSLATE_NOOP("ProfileForm", "is too short; copy all of it."),
    "format": QT_TRANSLATE_NOOP("ProfileForm", "is not in the expected format."),
    "format/tier_code": QT_TRANSLATE_NOOP(
        "ProfileForm", "must be exactly 3 capital letters or digits (e.g. AB1)."
    ),
    "format/api_base": QT_TRANSLATE_NOOP("ProfileForm", "must be an https:// address."),
    "format/api_base/v2": QT_TRANSLATE_NOOP(
        "ProfileForm", "of a V2 store must be https://api.portone.io."
    ),
    "format/api_secret": QT_TRANSLATE_NOOP(
        "ProfileForm", "looks like an access token, which expires; enter the API secret."
    ),
    "format/store_id": QT_TRANSLATE_NOOP("ProfileForm", "must look like store-xxxxxxxx-xxxx-..."),
}


def _form_word(table: dict[str, str], context: str, code: str) -> str:
    return code if (text := table.get(code)) is None else QCoreApplication.translate(context, text)


def store_api_name(api: str) -> str:
    """The kind of a store as the clerk reads it (kind selector, the window's store line)."""
    return _form_word(_STORE_API_NAMES, "StoreApi", str(api))


def profile_form_text(code: str) -> str:
    """A label, placeholder or hint of the profile form (a ``FieldSpec`` code), or the code."""
    from iamport_desk.profile_form import V2_CONSOLE_PATH

    return _form_word(_FORM_TEXTS, "ProfileForm", code).replace("{0}", V2_CONSOLE_PATH)


def profile_field_name(field: str) -> str:
    """A form field as named at the start of an error sentence ("V2 API secret ...")."""
    return _form_word(_FIELD_NAMES, "ProfileForm", field)


def profile_form_error(field: str, kind: str, api: str = "v1") -> str:
    """The sentence for a RuleError/CredentialError of the profile form (never its value)."""
    codes = [f"{kind}/{field}/{api}", f"{kind}/{field}", kind] if kind == "format" else [kind]
    code = next((c for c in codes if c in _ERROR_FRAGMENTS), "format")
    return f"{profile_field_name(field)} {_form_word(_ERROR_FRAGMENTS, 'ProfileForm', code)}"


def _is_pg_refusal(error: BaseException) -> bool:
    """V2 says "the PG refused" by its type (502 PG_PROVIDER, kept as ``error_type``)."""
    return getattr(error, "error_type", None) == "PG_PROVIDER"
