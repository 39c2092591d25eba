"""The words of the cancellation confirmation (발행취소 확인서), in the clerk's language.

Imported as a module by :mod:`iamport_desk.ui.confirmation` (``words.title(...)``); every
string is English source text in the "Confirmation" context, translated in
``resources/translations``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def title(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("Confirmation", "Cash receipt cancellation confirmation")
    return QCoreApplication.translate("Confirmation", "Cash receipt cancellations")


def generated(version: str, when: str) -> str:
    return QCoreApplication.translate(
        "Confirmation", "Made with iamport-desk {0} on {1} (KST)."
    ).format(version, when)


def field_labels() -> dict[str, str]:
    """The label of every field, in the order the confirmation prints them."""
    return {
        "store": QCoreApplication.translate("Confirmation", "Store"),
        "tier": QCoreApplication.translate("Confirmation", "Tier code (sub-merchant)"),
        "order": QCoreApplication.translate("Confirmation", "Order number"),
        "apply_num": QCoreApplication.translate("Confirmation", "Original approval number"),
        "issued": QCoreApplication.translate("Confirmation", "Issued at (KST)"),
        "amount": QCoreApplication.translate("Confirmation", "Amount"),
        "vat": QCoreApplication.translate("Confirmation", "VAT"),
        "type": QCoreApplication.translate("Confirmation", "Type"),
        "cancelled": QCoreApplication.translate("Confirmation", "Cancelled at (PortOne, KST)"),
        "reason": QCoreApplication.translate("Confirmation", "Reason for cancelling"),
        "memo": QCoreApplication.translate("Confirmation", "Memo"),
        "operator": QCoreApplication.translate("Confirmation", "Operator"),
        "url": QCoreApplication.translate("Confirmation", "Receipt on PortOne"),
        "row": QCoreApplication.translate("Confirmation", "History row"),
        "version": QCoreApplication.translate("Confirmation", "App version"),
    }


def not_recorded() -> str:
    return QCoreApplication.translate("Confirmation", "not recorded")


def won(amount: int) -> str:
    return QCoreApplication.translate("Confirmation", "{0} won").format(f"{amount:,}")


def receipt_type(value: str | None) -> str:
    names = {
        "person": QCoreApplication.translate("Confirmation", "Income deduction (individual)"),
        "company": QCoreApplication.translate("Confirmation", "Proof of expense (business)"),
    }
    if not value:
        return not_recorded()
    return names.get(value, value)  # an unknown type is shown as PortOne sent it


def reason(code: int | None) -> str:
    """1 거래취소, 2 오류발급, 3 기타: the codes of Korean cash-receipt practice."""
    names = {
        1: QCoreApplication.translate("Confirmation", "Transaction cancelled"),
        2: QCoreApplication.translate("Confirmation", "Issued in error"),
        3: QCoreApplication.translate("Confirmation", "Other"),
    }
    if code is None:
        return not_recorded()
    return names.get(int(code), QCoreApplication.translate("Confirmation", "code {0}").format(code))


def qr_caption() -> str:
    return QCoreApplication.translate("Confirmation", "Scan to open the receipt on PortOne.")


def no_qr() -> str:
    return QCoreApplication.translate(
        "Confirmation", "No QR code: the address is not a web address that can be opened."
    )


def heading(number: int, order: str) -> str:
    return QCoreApplication.translate("Confirmation", "{0}. Order number {1}").format(number, order)


def scope(text: str) -> str:
    return QCoreApplication.translate("Confirmation", "Covers: {0}").format(text)


def totals_heading() -> str:
    return QCoreApplication.translate("Confirmation", "Totals")


def totals_labels() -> tuple[str, str, str]:
    return (
        QCoreApplication.translate("Confirmation", "Cancellations"),
        QCoreApplication.translate("Confirmation", "Total amount"),
        QCoreApplication.translate("Confirmation", "Total VAT"),
    )


def count(value: int) -> str:
    return QCoreApplication.translate("Confirmation", "{0} receipts").format(f"{value:,}")


def unknown_amounts(value: int) -> str:
    return QCoreApplication.translate(
        "Confirmation", "({0} without a recorded amount, not included)"
    ).format(f"{value:,}")


def page(number: int, total: int) -> str:
    return QCoreApplication.translate("Confirmation", "Page {0} of {1}").format(number, total)
