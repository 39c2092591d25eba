"""The words of the correction dialog (issue 15): its labels, the form's refusals, the summary.

The outcomes' sentences are in :mod:`.issue`. Imported as a module (like ``confirmation``),
not re-exported by the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from iamport_desk.formatting import elide, isolate

if TYPE_CHECKING:
    from iamport_desk.rules import RuleError


def title() -> str:
    return QCoreApplication.translate("Reissue", "Correct and issue again")


def intro(merchant_uid: str) -> str:
    return QCoreApplication.translate(
        "Reissue",
        "The cash receipt of order {0} was cancelled. Enter the right details and issue it "
        "again: who it is for, the customer's number or the amount.",
    ).format(isolate(elide(merchant_uid, 80)))


def field_labels() -> dict[str, str]:
    """The form's row labels, by field."""
    return {
        "merchant_uid": QCoreApplication.translate("Reissue", "Order number:"),
        "receipt_type": QCoreApplication.translate("Reissue", "Issued &for:"),
        "identifier_kind": QCoreApplication.translate("Reissue", "&Kind of number:"),
        "identifier": QCoreApplication.translate("Reissue", "Customer's n&umber:"),
        "amount": QCoreApplication.translate("Reissue", "&Amount (won):"),
        "vat": QCoreApplication.translate("Reissue", "&VAT (won):"),
        "order_name": QCoreApplication.translate("Reissue", "&Item name:"),
    }


def placeholders() -> dict[str, str]:
    return {
        "identifier": QCoreApplication.translate("Reissue", "Digits only, without hyphens"),
        "vat": QCoreApplication.translate("Reissue", "Empty: PortOne computes it (1/11)"),
        "order_name": QCoreApplication.translate("Reissue", "As on the sale, e.g. office supplies"),
    }


def identifier_hint() -> str:
    return QCoreApplication.translate(
        "Reissue",
        "The number is shown masked except while you edit it. Hyphens and spaces are left "
        "out of what is sent.",
    )


def buttons() -> dict[str, str]:
    return {
        "next": QCoreApplication.translate("Reissue", "&Next"),
        "cancel": QCoreApplication.translate("Reissue", "Cancel"),
        "back": QCoreApplication.translate("Reissue", "&Back"),
        "dont": QCoreApplication.translate("Reissue", "&Don't issue"),
        "issue": QCoreApplication.translate("Reissue", "&Issue the receipt"),
    }


def issue_under(merchant_uid: str) -> str:
    """The confirm button when the derived order number is offered."""
    return QCoreApplication.translate("Reissue", "&Issue under {0}").format(
        isolate(elide(merchant_uid, 40))
    )


def field_problem(error: RuleError) -> str:
    """Why a value of the form was refused (amount, VAT, item name), and what to do."""
    sentences = {
        ("amount", "empty"): QCoreApplication.translate(
            "Reissue", "Enter the amount of the receipt in won."
        ),
        ("amount", "zero"): QCoreApplication.translate(
            "Reissue", "The amount must be more than 0 won."
        ),
        ("amount", "not_digits"): QCoreApplication.translate(
            "Reissue", "Type the amount as a whole number of won, digits only (commas are allowed)."
        ),
        ("amount", "too_large"): QCoreApplication.translate(
            "Reissue", "The amount is too large. Check it."
        ),
        ("vat", "not_digits"): QCoreApplication.translate(
            "Reissue",
            "Type the VAT as a whole number of won, or leave it empty for PortOne to compute.",
        ),
        ("vat", "too_large"): QCoreApplication.translate(
            "Reissue", "The VAT cannot be more than the amount. Check it."
        ),
        ("order_name", "empty"): QCoreApplication.translate(
            "Reissue", "Enter the item name, as on the sale."
        ),
        ("order_name", "control"): QCoreApplication.translate(
            "Reissue", "The item name contains an invisible character. Type it again."
        ),
        ("order_name", "too_long"): QCoreApplication.translate(
            "Reissue", "The item name is too long: keep it under 100 characters."
        ),
    }
    return sentences.get(
        (error.field, error.kind),
        QCoreApplication.translate("Reissue", "This value cannot be used. Check it."),
    )


def confirm_heading(derived: bool) -> str:
    if derived:
        return QCoreApplication.translate(
            "Reissue", "Issue the receipt under the new order number?"
        )
    return QCoreApplication.translate("Reissue", "Issue this cash receipt?")


def confirm_warning() -> str:
    return QCoreApplication.translate(
        "Reissue",
        "A cash receipt is reported to the National Tax Service once issued; a wrong one has "
        "to be cancelled again. Check every line.",
    )


def summary_labels() -> dict[str, str]:
    return {
        "merchant_uid": QCoreApplication.translate("Reissue", "Order number"),
        "receipt_type": QCoreApplication.translate("Reissue", "Issued for"),
        "identifier": QCoreApplication.translate("Reissue", "Customer's number"),
        "amount": QCoreApplication.translate("Reissue", "Amount"),
        "vat": QCoreApplication.translate("Reissue", "VAT"),
        "order_name": QCoreApplication.translate("Reissue", "Item name"),
    }


def vat_computed() -> str:
    return QCoreApplication.translate("Reissue", "computed by PortOne (1/11)")


def identifier_shown(masked: str, kind_label: str) -> str:
    return f"{masked} ({kind_label})"  # the same in every language


def issuing(merchant_uid: str) -> str:
    return QCoreApplication.translate(
        "Reissue", "Issuing the cash receipt of {0}... Its answer is awaited; do not close the app."
    ).format(isolate(elide(merchant_uid, 80)))


def cannot_close() -> str:
    return QCoreApplication.translate(
        "Reissue", "The receipt is being issued: wait for PortOne's answer before closing."
    )


def nothing_issued() -> str:
    """What the opener says when the clerk left the dialog before anything was sent."""
    return QCoreApplication.translate("Reissue", "Nothing was issued.")


def entry_button() -> str:
    return QCoreApplication.translate("Reissue", "Correct and &issue again...")


def history_entry_button() -> str:
    return QCoreApplication.translate("Reissue", "Corr&ect and issue again...")


def history_entry_description() -> str:
    return QCoreApplication.translate(
        "Reissue",
        "Opens a form prefilled from the selected cancellation, to issue the receipt again "
        "with the right details. The new row is linked to this one.",
    )


def entry_description() -> str:
    return QCoreApplication.translate(
        "Reissue",
        "Opens a form prefilled from the cancelled receipt shown above, to issue it again "
        "with the right details.",
    )


def other_store(profile: str) -> str:
    return QCoreApplication.translate(
        "Reissue", "This attempt belongs to the store {0}: choose that store first."
    ).format(isolate(elide(profile, 60)))
