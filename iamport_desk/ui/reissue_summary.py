"""The confirmation page of the correction (issue 15): exactly what will be issued, once more.

The order number is shown plainly (a derived "-R1" must be seen as it is), the customer's
number masked. Read-only; the dialog owns the buttons.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget

from iamport_desk.formatting import elide, isolate
from iamport_desk.reissue_draft import ReissueDraft
from iamport_desk.ui.receipt_view import plain_label
from iamport_desk.ui.words import (
    WARNING_COLOUR,
    identifier_kind_label,
    label_style,
    receipt_type_label,
    won,
)
from iamport_desk.ui.words import reissue as words


class ReissueSummary(QWidget):
    """What will be issued, line by line, with the question above it. No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.heading = plain_label(self)
        self.heading.setObjectName("reissueHeading")
        self.heading.setStyleSheet(label_style("reissueHeading", "palette(text)", bold=True))
        form.addRow(self.heading)
        # Why a new order number is offered, and what it means for the books (derived only).
        self.derived_note = plain_label(self)
        self.derived_note.setObjectName("reissueDerivedNote")
        self.derived_note.setStyleSheet(label_style("reissueDerivedNote", WARNING_COLOUR))
        self.derived_note.hide()
        form.addRow(self.derived_note)
        labels = words.summary_labels()
        self.values = {field: plain_label(self, wrap=False) for field in labels}
        for field, label in labels.items():
            form.addRow(label, self.values[field])
            self.values[field].setAccessibleName(label)
        self.warning = plain_label(self)
        self.warning.setText(words.confirm_warning())
        form.addRow(self.warning)

    def show_draft(self, draft: ReissueDraft, derived_note: str | None = None) -> None:
        self.heading.setText(words.confirm_heading(derived_note is not None))
        self.derived_note.setText(derived_note or "")
        self.derived_note.setVisible(derived_note is not None)
        shown = {
            "merchant_uid": isolate(elide(draft.merchant_uid, 80)),
            "receipt_type": receipt_type_label(draft.receipt_type),
            "identifier": words.identifier_shown(
                draft.identifier_masked, identifier_kind_label(draft.identifier_kind)
            ),
            "amount": won(draft.amount),
            "vat": words.vat_computed() if draft.vat is None else won(draft.vat),
            "order_name": elide(draft.order_name, 80),
        }
        for field, text in shown.items():
            self.values[field].setText(text)

    def text(self) -> str:
        """Every line as the clerk reads it (for the accessible description and tests)."""
        parts = [self.heading.text()]
        if self.derived_note.isVisible() or self.derived_note.text():
            parts.append(self.derived_note.text())
        parts.extend(label.text() for label in self.values.values())
        return "\n".join(p for p in parts if p)
