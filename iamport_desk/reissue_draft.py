"""The correction form's model (issue 15): what the clerk asks to issue again, checked.

Qt-free. The window fills a :class:`ReissueDraft` from the cancelled receipt
(:func:`draft_defaults`), the clerk corrects it, and :func:`check_draft` turns the typed text
into a draft the worker can send, or raises the rule's error (nothing is sent then). The
channel key is not part of the draft: it belongs to the store profile and is read with the
credentials on the API thread (:meth:`ReissueDraft.request`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from iamport_desk.models import (
    IDENTITY_NUMBER_TYPE_FOR_KIND,
    HistoryEntry,
    IssueRequest,
    Receipt,
)
from iamport_desk.rules import (
    derived_order_number,
    identifier_kind_for,
    mask_identifier,
    normalize_merchant_uid,
    validate_identifier,
    validate_issue_amount,
    validate_issue_vat,
    validate_order_name,
)

__all__ = [
    "ReissueDefaults",
    "ReissueDraft",
    "check_draft",
    "draft_defaults",
    "entry_defaults",
]


@dataclass(frozen=True)
class ReissueDefaults:
    """What the form starts with, taken from the receipt being corrected.

    PortOne's receipt answer carries no item name: ``order_name`` starts empty and the clerk
    types it (the sale's item, as on the original receipt).
    """

    merchant_uid: str
    receipt_type: str
    amount: int
    vat: int
    identifier_kind: str
    order_name: str = ""


def draft_defaults(receipt: Receipt) -> ReissueDefaults:
    """The form's first values for correcting ``receipt`` (amount, VAT and type as issued)."""
    receipt_type = receipt.type if receipt.type in ("person", "company") else "person"
    return ReissueDefaults(
        merchant_uid=receipt.merchant_uid,
        receipt_type=receipt_type,
        amount=receipt.amount,
        vat=receipt.vat,
        identifier_kind=identifier_kind_for(receipt_type),
    )


def entry_defaults(entry: HistoryEntry) -> ReissueDefaults:
    """The form's first values from a cancellation's history row (the history window's way
    in): the amount, VAT and type it recorded (0 when the row predates them)."""
    receipt_type = entry.receipt_type if entry.receipt_type in ("person", "company") else "person"
    return ReissueDefaults(
        merchant_uid=entry.merchant_uid,
        receipt_type=receipt_type,
        amount=entry.amount or 0,
        vat=entry.vat or 0,
        identifier_kind=identifier_kind_for(receipt_type),
    )


@dataclass(frozen=True)
class ReissueDraft:
    """One receipt to issue, checked: the order number, the type ("person" / "company"), the
    item name, the amount and VAT (None: PortOne computes it), the identifier (digits only,
    never in ``repr()``) and its kind ("phone", "business", "taxcard").

    ``corrects_uid`` is the order number of the cancelled receipt this corrects (the same as
    ``merchant_uid`` unless a derived number is used), None for an issue on its own.
    """

    merchant_uid: str
    receipt_type: str
    order_name: str
    amount: int
    vat: int | None
    identifier: str = field(repr=False)
    identifier_kind: str
    corrects_uid: str | None = None

    @property
    def identifier_masked(self) -> str:
        return mask_identifier(self.identifier)

    @property
    def is_derived(self) -> bool:
        """True when issued under another order number than the receipt it corrects."""
        return self.corrects_uid is not None and self.corrects_uid != self.merchant_uid

    def request(self, channel_key: str) -> IssueRequest:
        """The store-neutral request, with the store profile's channel key."""
        return IssueRequest(
            payment_id=self.merchant_uid,
            channel_key=channel_key,
            receipt_type=self.receipt_type,
            order_name=self.order_name,
            amount=self.amount,
            identity_number=self.identifier,
            identity_number_type=IDENTITY_NUMBER_TYPE_FOR_KIND[self.identifier_kind],
            vat=self.vat,
        )

    def under(self, merchant_uid: str) -> ReissueDraft:
        """The same receipt under another order number (the derived one, "-R1")."""
        return replace(self, merchant_uid=normalize_merchant_uid(merchant_uid))

    def next_derived(self, tried: frozenset[str] = frozenset()) -> str:
        """The first derived order number ("-R1", "-R2", ...) not yet tried for this sale."""
        base = self.corrects_uid or self.merchant_uid
        attempt = 1
        while (candidate := derived_order_number(base, attempt)) in tried | {self.merchant_uid}:
            attempt += 1
        return candidate


def check_draft(
    defaults: ReissueDefaults,
    *,
    receipt_type: str,
    order_name: str,
    amount: str,
    vat: str,
    identifier: str,
    identifier_kind: str,
) -> ReissueDraft:
    """What the clerk typed, checked by the rules; raises their RuleError (or IdentifierError)
    on the first field that is wrong, in the form's order."""
    if receipt_type not in ("person", "company"):
        raise ValueError("the receipt type must be 'person' or 'company'")
    digits = validate_identifier(identifier, identifier_kind)
    total = validate_issue_amount(amount)
    return ReissueDraft(
        merchant_uid=normalize_merchant_uid(defaults.merchant_uid),
        receipt_type=receipt_type,
        order_name=validate_order_name(order_name),
        amount=total,
        vat=validate_issue_vat(vat, total),
        identifier=digits,
        identifier_kind=identifier_kind,
        corrects_uid=defaults.merchant_uid,
    )
