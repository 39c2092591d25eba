"""The sentences for issuing a receipt (issue 15): the outcomes of ``ReceiptApi.issue``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iamport_desk.formatting import elide, isolate
from iamport_desk.ui.words.errors import describe_error
from iamport_desk.ui.words.identifiers import identifier_problem
from iamport_desk.ui.words.message import UserMessage, status_detail


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
