"""The receipt as the clerk reads it: amounts, type, approval number, times, link.

Two pairs of label and value per line, so the whole receipt takes six lines of the window
(issue 13: it must fit a 1366x768 screen); the order number and the link take a whole line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from iamport_desk.formatting import elide, format_kst, safe_link
from iamport_desk.models import Receipt
from iamport_desk.ui.words import WARNING_COLOUR, label_style, receipt_type_label, won

COPIED_NOTE_MS = 4000


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
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setHorizontalSpacing(12)
        self.merchant_uid = plain_label(self, wrap=False)
        self.status = plain_label(self, wrap=False)
        self.amount = plain_label(self, wrap=False)
        self.vat = plain_label(self, wrap=False)
        self.type = plain_label(self, wrap=False)
        self.apply_num = plain_label(self, wrap=False)
        self.receipt_tid = plain_label(self, wrap=False)
        self.applied_at = plain_label(self, wrap=False)
        self.cancelled_at = plain_label(self, wrap=False)
        # Shown only while the outcome of a cancellation is unknown (issue 13).
        self.unknown_note = plain_label(self)
        self.unknown_note.setObjectName("unknownNote")
        self.unknown_note.setStyleSheet(label_style("unknownNote", WARNING_COLOUR, bold=True))
        self.unknown_note.hide()
        # The link label is the one place with rich text: built from an escaped, checked URL.
        self.url = QLabel(self)
        self.url.setWordWrap(True)
        self.url.setOpenExternalLinks(False)
        self.url.linkActivated.connect(self._on_url_linkActivated)
        self.copy_button = QPushButton(self.tr("Co&py link"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the receipt link"))
        self.copy_button.clicked.connect(self.copy_url)
        # Feedback on the copy, beside its button, gone after a few seconds (issue 13).
        self.copied_note = plain_label(self, wrap=False)
        self.copied_note.setObjectName("copiedNote")
        self.copied_note.setText(self.tr("Link copied."))
        self.copied_note.hide()
        self._copied_timer = QTimer(self, singleShot=True, interval=COPIED_NOTE_MS)
        self._copied_timer.timeout.connect(self.copied_note.hide)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.copied_note)
        url_row.addWidget(self.copy_button)
        pairs = [
            ((self.tr("Order number"), self.merchant_uid), None),
            ((self.tr("Status"), self.status), (self.tr("Issued for"), self.type)),
            ((self.tr("Amount"), self.amount), (self.tr("VAT"), self.vat)),
            (
                (self.tr("Approval number"), self.apply_num),
                (self.tr("PG receipt id"), self.receipt_tid),
            ),
            ((self.tr("Issued at"), self.applied_at), (self.tr("Cancelled at"), self.cancelled_at)),
        ]
        self._labels: dict[QWidget, QLabel] = {}
        for line, (first, second) in enumerate(pairs):
            for column, pair in ((0, first), (2, second)):
                if pair is None:
                    continue
                text, widget = pair
                widget.setAccessibleName(text)
                label = QLabel(text, self)
                self._labels[widget] = label
                grid.addWidget(label, line, column)
                grid.addWidget(widget, line, column + 1, 1, 1 if second is not None else 3)
        grid.addWidget(self.unknown_note, len(pairs), 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Receipt"), self), len(pairs) + 1, 0)
        grid.addLayout(url_row, len(pairs) + 1, 1, 1, 3)
        self._raw_url: str | None = None
        self.clear()

    def label_for(self, field: QWidget) -> QLabel:
        """The label naming ``field`` (a value label of the receipt) beside it."""
        return self._labels[field]

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
        self.unknown_note.hide()
        self.copied_note.hide()
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
        self.unknown_note.hide()
        self.receipt_changed.emit(receipt)

    def mark_unknown(self, note: str) -> None:
        """The receipt shown was sent a cancellation whose outcome is not known: say so on
        it, with ``note`` (when it is checked next, and the key that checks it now)."""
        self.status.setText(self.tr("Outcome unknown: it may be cancelled"))
        self.unknown_note.setText(note)
        self.unknown_note.show()

    @property
    def marked_unknown(self) -> bool:
        return not self.unknown_note.isHidden()

    @property
    def raw_url(self) -> str | None:
        return self._raw_url

    @Slot()
    def copy_url(self) -> None:
        if self._raw_url:
            QGuiApplication.clipboard().setText(self._raw_url)
            self.copied_note.show()
            self._copied_timer.start()
            self.url_copied.emit(self._raw_url)

    @Slot(str)
    def _on_url_linkActivated(self, link: str) -> None:
        checked = safe_link(link)
        if checked is not None:
            QDesktopServices.openUrl(QUrl(checked))


__all__ = ["ReceiptView", "plain_label", "won"]
