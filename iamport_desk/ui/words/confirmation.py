"""The words of the cancellation confirmation (발행취소 확인서), in the clerk's language.

Imported as a module by :mod:`iamport_desk.ui.confirmation` (``words.title(...)``); every
string is English source text in the "Confirmation" context, translated in
``resources/translations``. Amounts, receipt types and reasons are the windows' own words
(``labels``, ``records``): one place for each.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iamport_desk.models import CancelReason
from iamport_desk.ui.words.labels import receipt_type_label
from iamport_desk.ui.words.labels import won as labels_won
from iamport_desk.ui.words.records import reason_text


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


def corrected_by(row_id: int) -> str:
    """Beside the history row: the re-issue that corrects this cancellation (issue 15)."""
    return QCoreApplication.translate("Confirmation", "(corrected by re-issue, row #{0})").format(
        row_id
    )


def not_recorded() -> str:
    return QCoreApplication.translate("Confirmation", "not recorded")


def won(amount: int) -> str:
    """An amount as the windows write it (``labels.won``)."""
    return labels_won(amount)


def receipt_type(value: str | None) -> str:
    """The receipt type in the windows' words (``labels``); an unknown one as PortOne sent it."""
    return receipt_type_label(value) if value else not_recorded()


def reason(code: int | None) -> str:
    """1 거래취소, 2 오류발급, 3 기타 in the history's words (``records.reason_text``); a
    number no version wrote reads "code 9", so the page never shows a bare digit."""
    if code is None:
        return not_recorded()
    if int(code) not in set(CancelReason):
        return QCoreApplication.translate("Confirmation", "code {0}").format(code)
    return reason_text(code)


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


# ---- the result screen's confirmation actions (ui/result_confirmation.py) -------------


def save_action() -> str:
    return QCoreApplication.translate("Confirmation", "Sa&ve confirmation as PDF...")


def print_action() -> str:
    return QCoreApplication.translate("Confirmation", "Print confir&mation...")


def save_dialog_title() -> str:
    return QCoreApplication.translate("Confirmation", "Save the cancellation confirmation")


def pdf_filter() -> str:
    return QCoreApplication.translate("Confirmation", "PDF files (*.pdf)")


def file_name(order: str) -> str:
    """A suggested file name; ``order`` is already made safe for a file name."""
    return QCoreApplication.translate("Confirmation", "cancellation-confirmation-{0}.pdf").format(
        order
    )


def saved(path: str) -> str:
    return QCoreApplication.translate("Confirmation", "The confirmation was saved to {0}.").format(
        path
    )


def printed(pages: int) -> str:
    return QCoreApplication.translate(
        "Confirmation", "The confirmation was sent to the printer ({0} page(s))."
    ).format(pages)


def save_failed() -> str:
    return QCoreApplication.translate(
        "Confirmation",
        "The confirmation could not be made. Nothing was saved; the details were written to "
        "the log file. Try again, or print it instead.",
    )


def print_failed() -> str:
    return QCoreApplication.translate(
        "Confirmation",
        "The confirmation could not be printed. Check the printer, or save it as PDF and "
        "print that file.",
    )


def for_order(order: str, reason: str) -> str:
    """What the result screen says beside the actions: which cancellation, and why."""
    return QCoreApplication.translate("Confirmation", "Order {0} cancelled. {1}").format(
        order, reason
    )
