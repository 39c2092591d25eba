"""The question before a cancellation: what will be cancelled and why, with the safe answer as
default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from iamport_desk.formatting import elide, format_kst, isolate
from iamport_desk.jobs import CancelDecision
from iamport_desk.models import Receipt
from iamport_desk.ui.cancel_reason_box import CancelReasonBox
from iamport_desk.ui.words import won


def confirmation_text(receipt: Receipt) -> str:
    """The question itself. The order number is bidi-isolated: whatever it holds, it cannot
    reorder the words and the amount around it (a U+202E once showed 33,000 as "000,33")."""
    return QCoreApplication.translate(
        "MainWindow", "Cancel the cash receipt of order {0} for {1}?\nThis cannot be undone."
    ).format(isolate(elide(receipt.merchant_uid, 120)), won(receipt.amount))


class CancelConfirmDialog(QDialog):
    """The question before a cancellation, and why (:class:`CancelReasonBox`).

    The safe button ("Keep it") is the default and has the focus: Enter and Escape keep the
    receipt. "Cancel the receipt" is enabled only while the reason can be recorded (기타 with
    an acceptable memo). ``decision`` is what was confirmed, or None (kept).

    Signals: QDialog's own (``accepted`` when confirmed, ``rejected`` when kept).
    """

    def __init__(self, receipt: Receipt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decision: CancelDecision | None = None
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "Cancel the cash receipt?"))
        self.setObjectName("cancelConfirmDialog")
        # Wide enough for the approval number and the issue time on one line.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

        icon = QLabel(self)
        icon.setPixmap(
            self.style()
            .standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning, None, self)
            .pixmap(32, 32)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.question = _plain_label(confirmation_text(receipt), self)
        self.question.setObjectName("cancelQuestion")
        self.details = _plain_label(
            QCoreApplication.translate("MainWindow", "Approval number: {0}   Issued: {1}").format(
                elide(receipt.apply_num, 40), format_kst(receipt.applied_at)
            ),
            self,
        )
        self.details.setObjectName("cancelDetails")
        self.reason_box = CancelReasonBox(self)

        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(
            QCoreApplication.translate("MainWindow", "&Cancel the receipt"),
            QDialogButtonBox.ButtonRole.DestructiveRole,
        )
        self.keep_button = self.buttons.addButton(
            QCoreApplication.translate("MainWindow", "&Keep it"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        # Enter anywhere in the dialog (the memo included) presses Keep, never Cancel.
        self.cancel_button.setAutoDefault(False)
        self.keep_button.setAutoDefault(True)
        self.keep_button.setDefault(True)
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)
        self.keep_button.clicked.connect(self.reject)
        self.reason_box.changed.connect(self._update_cancel_enabled)

        text = QVBoxLayout()
        text.addWidget(self.question)
        text.addWidget(self.details)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.reason_box)
        layout.addWidget(self.buttons)

        # Reading order: the reason, its memo, then the two buttons.
        checked = self.reason_box.choices[self.reason_box.reason()]
        QWidget.setTabOrder(checked, self.reason_box.memo)
        QWidget.setTabOrder(self.reason_box.memo, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.keep_button)
        self.keep_button.setFocus()
        self._update_cancel_enabled()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.keep_button.setFocus()  # the safe answer is where a stray Space lands

    @Slot()
    def _update_cancel_enabled(self) -> None:
        self.cancel_button.setEnabled(self.reason_box.decision() is not None)

    @Slot()
    def on_cancel_button_clicked(self) -> None:
        decision = self.reason_box.decision()
        if decision is None:  # the button is disabled then; a shortcut must not slip past
            self.reason_box.memo.setFocus()
            return
        self.decision = decision
        self.accept()


def _plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # order numbers and 승인번호 are data
    label.setWordWrap(True)
    label.setText(text)
    return label


def confirm_cancellation(parent: QWidget, receipt: Receipt) -> CancelDecision | None:
    """Ask before a cancellation: the reason confirmed, or None when the clerk kept it."""
    dialog = CancelConfirmDialog(receipt, parent)
    try:
        dialog.exec()
        return dialog.decision
    finally:
        dialog.deleteLater()


__all__ = [
    "CancelConfirmDialog",
    "confirm_cancellation",
    "confirmation_text",
]
