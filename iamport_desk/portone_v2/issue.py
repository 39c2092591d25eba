"""What the correction flow sends to issue a cash receipt (``POST /cash-receipts``).

A plain frozen dataclass; ``repr()`` never shows the customer's identity number, e-mail or
phone number (they travel through signals and may end up in a log line).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from iamport_desk.models import ReceiptType

__all__ = ["IssueRequest"]

_TYPES = {ReceiptType.PERSON.value: "PERSONAL", ReceiptType.COMPANY.value: "CORPORATE"}


@dataclass(frozen=True, slots=True)
class IssueRequest:
    """One manual issue (``IssueCashReceiptBody``).

    ``receipt_type`` is the desk's "person" / "company"; ``amount`` the total in 원 (KRW).
    ``identity_number_type`` is PortOne's PHONE / CARD / BUSINESS; ``paid_at`` UNIX seconds.
    """

    payment_id: str
    channel_key: str
    receipt_type: str
    order_name: str
    amount: int
    identity_number: str = field(repr=False)
    identity_number_type: str | None = None
    tax_free: int | None = None
    vat: int | None = None
    customer_name: str | None = field(default=None, repr=False)
    customer_email: str | None = field(default=None, repr=False)
    customer_phone: str | None = field(default=None, repr=False)
    product_type: str | None = None
    paid_at: int | None = None
    business_registration_number: str | None = None
    payment_method: str | None = None

    def __post_init__(self) -> None:
        if self.receipt_type not in _TYPES:
            raise ValueError(f"receipt_type must be one of {sorted(_TYPES)}")
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount <= 0:
            raise ValueError("amount must be a positive whole number of 원")
        if not self.identity_number:
            raise ValueError("the customer's identity number is empty")

    def to_body(self, payment_id: str, store_id: str | None) -> dict[str, Any]:
        """The JSON body, with ``payment_id`` as checked by the client."""
        amount: dict[str, int] = {"total": self.amount}
        if self.tax_free is not None:
            amount["taxFree"] = self.tax_free
        if self.vat is not None:
            amount["vat"] = self.vat
        customer: dict[str, str] = {"identityNumber": self.identity_number}
        for key, value in (
            ("identityNumberType", self.identity_number_type),
            ("name", self.customer_name),
            ("email", self.customer_email),
            ("phoneNumber", self.customer_phone),
        ):
            if value is not None:
                customer[key] = value
        body: dict[str, Any] = {
            "paymentId": payment_id,
            "channelKey": self.channel_key,
            "type": _TYPES[self.receipt_type],
            "orderName": self.order_name,
            "currency": "KRW",
            "amount": amount,
            "customer": customer,
        }
        if store_id is not None:
            body["storeId"] = store_id
        if self.paid_at is not None:
            moment = datetime.fromtimestamp(self.paid_at, UTC)
            body["paidAt"] = moment.isoformat().replace("+00:00", "Z")
        for key, value in (
            ("productType", self.product_type),
            ("businessRegistrationNumber", self.business_registration_number),
            ("paymentMethod", self.payment_method),
        ):
            if value is not None:
                body[key] = value
        return body
