"""The sentences for issuing a receipt (issue 15): the outcomes of ``ReceiptApi.issue`` and
of the issue job (:func:`issue_said`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from iamport_desk.formatting import elide, isolate
from iamport_desk.models import Outcome
from iamport_desk.ui.words.errors import describe_error
from iamport_desk.ui.words.identifiers import identifier_problem
from iamport_desk.ui.words.message import UserMessage, status_detail

if TYPE_CHECKING:
    from iamport_desk.jobs import IssueResult
    from iamport_desk.models import Receipt


def _issue_unknown(reason: str) -> UserMessage:
    whys = {
        "unreadable": QCoreApplication.translate("Issue", "the answer could not be read"),
        "other_order": QCoreApplication.translate(
            "Issue", "the answer named another order number than the one sent"
        ),
        "redirect": QCoreApplication.translate(
            "Issue",
            "the request was answered with a redirect to another address, which the app "
            "never follows",
        ),
        "deadline": QCoreApplication.translate(
            "Issue", "the request was sent, but its answer did not arrive within the time limit"
        ),
        "aborted": QCoreApplication.translate(
            "Issue", "the request was sent, then stopped before its answer arrived"
        ),
    }
    why = whys.get(
        reason,
        QCoreApplication.translate("Issue", "the request was sent, but no answer came back"),
    )
    return UserMessage(
        QCoreApplication.translate(
            "Issue",
            "It is not known whether the receipt was issued: {0}. Do not issue it again: look "
            "the order number up to see whether it now has a receipt.",
        ).format(why)
    )


def describe_issue_error(error: BaseException) -> UserMessage:
    """A failed issue (``ReceiptApi.issue``) as a sentence; other failures as describe_error."""
    from iamport_desk import errors
    from iamport_desk.rules import IdentifierError

    if isinstance(error, IdentifierError):
        return UserMessage(identifier_problem(error))
    if isinstance(error, errors.OutcomeUnknown):
        return _issue_unknown(error.reason)
    from iamport_desk.portone_v2.errors import V2ChannelNotFound

    if isinstance(error, V2ChannelNotFound):
        return UserMessage(
            QCoreApplication.translate(
                "Issue",
                "Nothing was issued: PortOne knows no channel under this store's channel key. "
                "Check the key in the store's settings ({0}, Channel key) against the PortOne "
                "console ([결제 연동] > [채널 관리]), then try again.",
            ).format(_settings_shortcut())
            + status_detail(error.status, None),
            elide(error.message) if error.message else None,
        )
    if isinstance(error, errors.ApiError) and error.status == 501:
        return UserMessage(
            QCoreApplication.translate(
                "Issue",
                "Nothing was issued: this PG cannot issue cash receipts through PortOne. Issue "
                "it in the PG's merchant site or on 홈택스; trying again here will not help.",
            )
            + status_detail(error.status, error.code),
            elide(error.message) if error.message else None,
        )
    if (
        isinstance(error, errors.ApiError)
        and error.message
        and error.status in (400, 500)
        and not isinstance(error, errors.OtherOrderAnswer)
    ):
        first = (
            QCoreApplication.translate("Issue", "PortOne refused to issue the receipt.")
            if error.status == 400
            else QCoreApplication.translate(
                "Issue", "The payment gateway refused or failed to issue the receipt."
            )
        )
        return UserMessage(
            first
            + " "
            + QCoreApplication.translate(
                "Issue",
                "Nothing was issued. Read PortOne's message, correct what it names and try again.",
            )
            + status_detail(error.status, error.code),
            elide(error.message),
        )
    return describe_error(error)


def derived_order_sentence(derived: str) -> str:
    """Offered when PortOne says the order number already has a receipt (``derived``: "-R1")."""
    return QCoreApplication.translate(
        "Issue",
        "PortOne says this order number already has a receipt, even after its cancellation. "
        "The receipt can be issued under the order number {0} instead. The books then find it "
        "by this new number, not by the cash sale's own: note it on the sale.",
    ).format(isolate(elide(derived, 80)))


# ---- what the clerk reads when an issue job ends (the dialog and the main window) ---------


@dataclass(frozen=True)
class IssueSaid:
    """The sentence for an ended issue job and how it is shown: ``success`` (issued, or found
    issued), ``retry`` (PortOne refused: the form stays open to correct it), else a warning."""

    message: UserMessage
    success: bool = False
    retry: bool = False


def history_reference(result: IssueResult) -> str:
    """Which history rows the attempt left: the cancellation and its correction, linked."""
    entry, corrects = result.entry or result.settled, result.corrects
    if entry is None:
        return ""
    if corrects is None:
        return QCoreApplication.translate("Issue", "History: row {0}.").format(entry.id)
    return QCoreApplication.translate(
        "Issue", "History: the cancellation (row {0}) and this issue (row {1}) are linked."
    ).format(corrects.id, entry.id)


def _with_reference(text: str, result: IssueResult) -> str:
    reference = history_reference(result)
    return f"{text} {reference}" if reference else text


def _receipt_of(receipt: Receipt | None, merchant_uid: str) -> tuple[str, str]:
    uid = isolate(elide(receipt.merchant_uid if receipt else merchant_uid, 80))
    return uid, elide((receipt.apply_num if receipt else "") or "-")


def _settings_shortcut() -> str:
    from iamport_desk.ui import shortcuts

    return shortcuts.CREDENTIALS.native_key()


def _nothing_sent(result: IssueResult) -> IssueSaid | None:
    if result.missing_channel_key:
        return IssueSaid(
            UserMessage(
                QCoreApplication.translate(
                    "Issue",
                    "Nothing was issued: this store has no channel key, which PortOne needs to "
                    "issue a receipt. Set it in the store's settings ({0}, Channel key), then "
                    "try again.",
                ).format(_settings_shortcut())
            )
        )
    if result.missing_secret:
        from iamport_desk.ui.words.keychain import keychain_reason_text

        why = result.keychain_reason
        text = QCoreApplication.translate(
            "Issue",
            "Nothing was issued: the secret of this store is not available on this PC. Enter "
            "it again in the store's settings ({0}).",
        ).format(_settings_shortcut())
        if why not in (None, "absent"):
            text = f"{text} {keychain_reason_text(why)}"
        return IssueSaid(UserMessage(text))
    if result.already_corrected is not None:
        done = result.already_corrected
        text = QCoreApplication.translate(
            "Issue",
            "Nothing was issued: this cancellation was already corrected by the receipt of {0} "
            "(approval number {1}).",
        ).format(isolate(elide(done.merchant_uid, 80)), elide(done.apply_num or "-"))
        return IssueSaid(UserMessage(_with_reference(text, result)))
    return None


def issue_said(result: IssueResult, merchant_uid: str, *, derived: bool = False) -> IssueSaid:
    """What an issue job's result means for the clerk: outcome first, then what to do, then the
    history rows. ``merchant_uid`` is the order number asked for; ``derived``: it is the
    derived one ("-R1"), so the books find the receipt under it."""
    nothing = _nothing_sent(result)
    if nothing is not None:
        return nothing
    if result.settled is not None:
        uid, approval = _receipt_of(result.receipt, merchant_uid)
        text = QCoreApplication.translate(
            "Issue",
            "Nothing was sent again: the earlier attempt whose answer was lost did issue the "
            "receipt of {0}, as a lookup shows (approval number {1}).",
        ).format(uid, approval)
        return IssueSaid(UserMessage(_with_reference(text, result)), success=True)
    if result.in_effect is not None:
        uid, approval = _receipt_of(result.in_effect, merchant_uid)
        text = QCoreApplication.translate(
            "Issue",
            "Nothing was issued: a cash receipt of {0} is already issued and in effect (approval "
            "number {1}), so no other order number is offered - one sale keeps one receipt. "
            "Look it up to check it; cancel it first if it is wrong.",
        ).format(uid, approval)
        return IssueSaid(UserMessage(_with_reference(text, result)))
    if (
        result.error is None
        and result.entry is not None
        and (result.entry.outcome is not Outcome.CANCELLED)
    ):
        # An answer that proves nothing (a 200 naming a cancelled receipt): unknown, not done.
        text = QCoreApplication.translate(
            "Issue",
            "It is not known whether the receipt of {0} was issued again: PortOne's answer did "
            "not show a new receipt. Do not issue it again; look the order number up, or check "
            "unknown outcomes in the history.",
        ).format(isolate(elide(merchant_uid, 80)))
        return IssueSaid(UserMessage(_with_reference(text, result)))
    if result.error is not None:
        message = describe_issue_error(result.error)
        from iamport_desk.errors import OutcomeUnknown

        unknown = isinstance(result.error, OutcomeUnknown) or (
            result.entry is not None and result.entry.outcome is Outcome.UNKNOWN
        )
        return IssueSaid(
            UserMessage(_with_reference(message.text, result), message.server),
            retry=not unknown and result.entry is not None,
        )
    uid, approval = _receipt_of(result.receipt, merchant_uid)
    text = QCoreApplication.translate(
        "Issue", "The cash receipt of {0} was issued again (approval number {1})."
    ).format(uid, approval)
    if derived:
        text += " " + QCoreApplication.translate(
            "Issue",
            "The books find it under this new order number, not the sale's own: note it on "
            "the cash sale.",
        )
    if result.history_error is not None:
        text += " " + QCoreApplication.translate(
            "Issue",
            "The history could not record it: write the order number and approval number "
            "down by hand.",
        )
    return IssueSaid(UserMessage(_with_reference(text, result)), success=True)
