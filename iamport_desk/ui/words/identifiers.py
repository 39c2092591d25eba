"""A customer identifier's refusals (issue 15); the identifier's value is never in a sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from iamport_desk.rules import IdentifierError


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
