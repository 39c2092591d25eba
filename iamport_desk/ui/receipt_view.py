"""The receipt as the clerk reads it: amounts, type, approval number, times, link."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from iamport_desk.formatting import elide, format_kst, safe_link
from iamport_desk.models import Receipt
from iamport_desk.ui.words import receipt_type_label, won


def plain_label(parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """A label that can never render server text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # Word-wrapped labels in a form layout get too little height and clip their last line;
    # short values stay on one line.
    label.setWordWrap(wrap)
    return label


class ReceiptView(QGroupBox):
    """Shows one receipt. Read-only.

    Signals:
        url_copied(str): the receipt link was copied to the clipboard.
        receipt_changed(object): the receipt now shown (``Receipt``), or None once cleared.
    """

    url_copied = Signal(str)
    receipt_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Cash receipt"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.merchant_uid = plain_label(self, wrap=False)
        self.status = plain_label(self, wrap=False)
        self.amount = plain_label(self, wrap=False)
        self.vat = plain_label(self, wrap=False)
        self.type = plain_label(self, wrap=False)
        self.apply_num = plain_label(self, wrap=False)
        self.receipt_tid = plain_label(self, wrap=False)
        self.applied_at = plain_label(self, wrap=False)
        self.cancelled_at = plain_label(self, wrap=False)
        # The link label is the one place with rich text: built from an escaped, checked URL.
        self.url = QLabel(self)
        self.url.setWordWrap(True)
        self.url.setOpenExternalLinks(False)
        self.url.linkActivated.connect(self._on_url_linkActivated)
        self.copy_button = QPushButton(self.tr("Co&py link"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the receipt link"))
        self.copy_button.clicked.connect(self.copy_url)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.copy_button)
        rows = [
            (self.tr("Order number"), self.merchant_uid),
            (self.tr("Status"), self.status),
            (self.tr("Amount"), self.amount),
            (self.tr("VAT"), self.vat),
            (self.tr("Issued for"), self.type),
            (self.tr("Approval number"), self.apply_num),
            (self.tr("PG receipt id"), self.receipt_tid),
            (self.tr("Issued at"), self.applied_at),
            (self.tr("Cancelled at"), self.cancelled_at),
        ]
        for text, widget in rows:
            form.addRow(text, widget)
            widget.setAccessibleName(text)
        form.addRow(self.tr("Receipt"), url_row)
        self._raw_url: str | None = None
        self.clear()

    def type_label(self, value: str) -> str:
        return receipt_type_label(value)

    def clear(self) -> None:
        for label in (
            self.merchant_uid,
            self.status,
            self.amount,
            self.vat,
            self.type,
            self.apply_num,
            self.receipt_tid,
            self.applied_at,
            self.cancelled_at,
        ):
            label.setText("-")
        self.url.setText("-")
        self._raw_url = None
        self.copy_button.setEnabled(False)
        self.receipt_changed.emit(None)

    def show_receipt(self, receipt: Receipt) -> None:
        self.merchant_uid.setText(elide(receipt.merchant_uid))
        self.status.setText(
            self.tr("Cancelled") if receipt.is_cancelled else self.tr("Issued (not cancelled)")
        )
        self.amount.setText(won(receipt.amount))
        self.vat.setText(won(receipt.vat))
        self.type.setText(elide(self.type_label(receipt.type)))
        self.apply_num.setText(elide(receipt.apply_num or "-"))
        self.receipt_tid.setText(elide(receipt.receipt_tid or "-"))
        self.applied_at.setText(format_kst(receipt.applied_at))
        self.cancelled_at.setText(format_kst(receipt.cancelled_at))
        self._raw_url = receipt.receipt_url
        link = safe_link(receipt.receipt_url)
        if link is not None:
            from html import escape

            self.url.setTextFormat(Qt.TextFormat.RichText)
            self.url.setText(f'<a href="{escape(link, quote=True)}">{escape(elide(link, 80))}</a>')
            self.url.setToolTip(link)
        else:
            # Not http(s) with a host: shown as text, never clickable.
            self.url.setTextFormat(Qt.TextFormat.PlainText)
            self.url.setText(elide(receipt.receipt_url or "-", 200))
            self.url.setToolTip(self.tr("This link cannot be opened safely."))
        self.copy_button.setEnabled(bool(receipt.receipt_url))
        self.receipt_changed.emit(receipt)

    @property
    def raw_url(self) -> str | None:
        return self._raw_url

    @Slot()
    def copy_url(self) -> None:
        if self._raw_url:
            QGuiApplication.clipboard().setText(self._raw_url)
            self.url_copied.emit(self._raw_url)

    @Slot(str)
    def _on_url_linkActivated(self, link: str) -> None:
        checked = safe_link(link)
        if checked is not None:
            QDesktopServices.openUrl(QUrl(checked))


__all__ = ["ReceiptView", "plain_label", "won"]
