"""The correction form (issue 15): who the receipt is for, the customer's number, the amount.

Prefilled from the cancelled receipt (``reissue_draft.ReissueDefaults``); checked by the rules
(``reissue_draft.check_draft``) before anything is sent. The customer's number is personal
data: :class:`IdentifierEdit` shows it masked except while it is being edited.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from iamport_desk.formatting import elide
from iamport_desk.reissue_draft import ReissueDefaults, ReissueDraft, check_draft
from iamport_desk.rules import IDENTIFIER_KINDS, identifier_kind_for, mask_identifier
from iamport_desk.ui.receipt_view import plain_label
from iamport_desk.ui.words import (
    WARNING_COLOUR,
    identifier_kind_label,
    label_style,
    receipt_type_label,
)
from iamport_desk.ui.words import reissue as words

RECEIPT_TYPES = ("person", "company")


class IdentifierEdit(QLineEdit):
    """A line edit for the customer's number that shows it masked ("*******5678") whenever it
    does not have the focus; :meth:`value` is always what was typed. No signals of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = ""

    def value(self) -> str:
        return self.text() if self.hasFocus() else self._value

    def set_value(self, value: str) -> None:
        self._value = value
        self.setText(value if self.hasFocus() else self._masked())

    def _masked(self) -> str:
        return mask_identifier(self._value) if self._value.strip() else ""

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setText(self._value)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._value = self.text()
        self.setText(self._masked())
        super().focusOutEvent(event)


class ReissueFields(QWidget):
    """The form's fields and the sentence saying what is wrong; no signals of its own."""

    def __init__(self, defaults: ReissueDefaults, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.defaults = defaults
        labels, holders = words.field_labels(), words.placeholders()
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.intro = plain_label(self)
        self.intro.setText(words.intro(defaults.merchant_uid))
        form.addRow(self.intro)
        self.merchant_uid = plain_label(self, wrap=False)
        self.merchant_uid.setText(elide(defaults.merchant_uid))
        self.type_combo = QComboBox(self)
        for code in RECEIPT_TYPES:
            self.type_combo.addItem(receipt_type_label(code), code)
        self.type_combo.setCurrentIndex(RECEIPT_TYPES.index(defaults.receipt_type))
        self.kind_combo = QComboBox(self)
        for kind in IDENTIFIER_KINDS:
            self.kind_combo.addItem(identifier_kind_label(kind), kind)
        self.kind_combo.setCurrentIndex(IDENTIFIER_KINDS.index(defaults.identifier_kind))
        self.identifier_edit = IdentifierEdit(self)
        self.identifier_edit.setPlaceholderText(holders["identifier"])
        self.identifier_edit.setAccessibleDescription(words.identifier_hint())
        self.identifier_edit.setToolTip(words.identifier_hint())
        self.amount_edit = QLineEdit(f"{defaults.amount:,}", self)
        self.vat_edit = QLineEdit(f"{defaults.vat:,}", self)
        self.vat_edit.setPlaceholderText(holders["vat"])
        self.name_edit = QLineEdit(defaults.order_name, self)
        self.name_edit.setPlaceholderText(holders["order_name"])
        self.edits = {
            "merchant_uid": self.merchant_uid,
            "receipt_type": self.type_combo,
            "identifier_kind": self.kind_combo,
            "identifier": self.identifier_edit,
            "amount": self.amount_edit,
            "vat": self.vat_edit,
            "order_name": self.name_edit,
        }
        for field, widget in self.edits.items():
            label = QLabel(labels[field], self)
            label.setBuddy(widget)
            form.addRow(label, widget)
            widget.setAccessibleName(labels[field].replace("&", "").rstrip(":"))
        self.problem = plain_label(self)
        self.problem.setObjectName("reissueProblem")
        self.problem.setStyleSheet(label_style("reissueProblem", WARNING_COLOUR))
        self.problem.hide()
        form.addRow(self.problem)
        self.type_combo.currentIndexChanged.connect(self.on_type_combo_currentIndexChanged)
        self.amount_edit.textEdited.connect(self.on_amount_edit_textEdited)

    @Slot(int)
    def on_type_combo_currentIndexChanged(self, _index: int) -> None:
        # 소득공제 usually goes to a mobile number, 지출증빙 to a 사업자등록번호.
        kind = identifier_kind_for(self.receipt_type())
        self.kind_combo.setCurrentIndex(IDENTIFIER_KINDS.index(kind))

    @Slot(str)
    def on_amount_edit_textEdited(self, _text: str) -> None:
        # The original's VAT belongs to the original's amount: left empty, PortOne computes it.
        if self.vat_edit.text() == f"{self.defaults.vat:,}":
            self.vat_edit.clear()

    def receipt_type(self) -> str:
        return str(self.type_combo.currentData())

    def draft(self) -> ReissueDraft:
        """The checked draft; raises the rule's error (RuleError / IdentifierError)."""
        return check_draft(
            self.defaults,
            receipt_type=self.receipt_type(),
            order_name=self.name_edit.text(),
            amount=self.amount_edit.text(),
            vat=self.vat_edit.text(),
            identifier=self.identifier_edit.value(),
            identifier_kind=str(self.kind_combo.currentData()),
        )

    def show_problem(self, text: str, field: str | None = None) -> None:
        """Say what is wrong (empty: nothing) and put the cursor where it is."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        widget = self.edits.get(field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit) and widget is not self.identifier_edit:
                widget.selectAll()
