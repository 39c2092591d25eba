"""The question before a cancellation: what will be cancelled, with the safe answer as default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from iamport_desk.formatting import elide, format_kst, isolate
from iamport_desk.models import Receipt
from iamport_desk.ui import shortcuts
from iamport_desk.ui.words import won


def confirmation_text(receipt: Receipt) -> str:
    """The question itself. The order number is bidi-isolated: whatever it holds, it cannot
    reorder the words and the amount around it (a U+202E once showed 33,000 as "000,33")."""
    return QCoreApplication.translate(
        "MainWindow", "Cancel the cash receipt of order {0} for {1}?\nThis cannot be undone."
    ).format(isolate(elide(receipt.merchant_uid, 120)), won(receipt.amount))


def confirm_cancellation(parent: QWidget, receipt: Receipt) -> bool:
    """Ask before a cancellation; the safe answer is the default (Enter, Escape)."""

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Cancel the cash receipt?"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(confirmation_text(receipt))
    box.setInformativeText(
        QCoreApplication.translate("MainWindow", "Approval number: {0}   Issued: {1}").format(
            elide(receipt.apply_num, 40), format_kst(receipt.applied_at)
        )
    )
    cancel_it = box.addButton(
        QCoreApplication.translate("MainWindow", "&Cancel the receipt"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("MainWindow", "&Keep it"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is cancel_it


def cancel_receipt_button(parent: QWidget) -> QPushButton:
    """The button that leads to the question (disabled until a receipt is shown)."""
    button = QPushButton(
        QCoreApplication.translate("MainWindow", "&Cancel this receipt..."), parent
    )
    button.setObjectName("cancelReceiptButton")
    button.setAccessibleDescription(
        QCoreApplication.translate(
            "MainWindow", "Asks for confirmation, then cancels the cash receipt shown above."
        )
    )
    button.setToolTip(shortcuts.CANCEL_RECEIPT.native_key())
    button.setEnabled(False)
    return button


__all__ = ["cancel_receipt_button", "confirm_cancellation"]
