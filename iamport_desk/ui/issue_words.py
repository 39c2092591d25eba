"""The sentences for issuing a receipt (issue 15): the identifier's refusals, the outcomes.

A part of ``ui.words`` kept apart for size; the identifier's value is never in a sentence
(the field being edited shows it). Imports ``ui.words`` only inside functions, so either
module can be imported first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from iamport_desk.formatting import elide, isolate

if TYPE_CHECKING:
    from iamport_desk.rules import IdentifierError
    from iamport_desk.ui.words import UserMessage

__all__ = [
    "derived_order_sentence",
    "describe_issue_error",
    "identifier_kind_label",
    "identifier_problem",
]


def identifier_kind_label(kind: str) -> str:
    """The name of an identifier kind ("phone", "business", "taxcard") in the clerk's language."""
    labels = {
        "phone": QCoreApplication.translate("Issue", "mobile number"),
        "business": QCoreApplication.translate("Issue", "business registration number"),
        "taxcard": QCoreApplication.translate("Issue", "cash receipt card number"),
    }
    return labels.get(kind, kind)


def identifier_problem(error: IdentifierError) -> str:
    """Why the identifier was refused before anything was sent, and what to do instead."""
    label = identifier_kind_label(error.identifier_kind)
    if error.kind == "empty":
        return QCoreApplication.translate("Issue", "Enter the customer's {0}.").format(label)
    if error.kind == "not_digits":
        return QCoreApplication.translate(
            "Issue",
            "Type the {0} with digits only. Hyphens and spaces are left out of what is sent; "
            "other characters cannot be used.",
        ).format(label)
    if error.kind == "mobile_prefix":
        return QCoreApplication.translate(
            "Issue",
            "A mobile number starts with 010, 011, 016, 017, 018 or 019. Check the number.",
        )
    if error.kind == "check_digit":
        return QCoreApplication.translate(
            "Issue",
            "This business registration number is not valid (its last digit does not match "
            "the others). Check it against the business registration certificate.",
        )
    lengths = {
        "phone": QCoreApplication.translate(
            "Issue", "A mobile number has 10 or 11 digits. Check the number."
        ),
        "business": QCoreApplication.translate(
            "Issue", "A business registration number has 10 digits. Check the number."
        ),
        "taxcard": QCoreApplication.translate(
            "Issue", "A cash receipt card number has 13 to 19 digits. Check the number."
        ),
    }
    return lengths.get(
        error.identifier_kind,
        QCoreApplication.translate("Issue", "The {0} is not valid. Check it.").format(label),
    )


def _issue_unknown(reason: str) -> UserMessage:
    from iamport_desk.ui.words import UserMessage

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
    from iamport_desk.ui.words import UserMessage, _status_detail, describe_error

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
            + _status_detail(error.status, error.code),
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
