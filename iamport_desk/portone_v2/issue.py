"""What the correction flow sends to issue a cash receipt (``POST /cash-receipts``).

The store-neutral ``models.IssueRequest`` with V2's JSON body; ``repr()`` never shows the
customer's identity number, e-mail or phone number (they travel through signals and may end up
in a log line).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from iamport_desk import models
from iamport_desk.models import ReceiptType

__all__ = ["IssueRequest"]

_TYPES = {ReceiptType.PERSON.value: "PERSONAL", ReceiptType.COMPANY.value: "CORPORATE"}


@dataclass(frozen=True, slots=True)
class IssueRequest(models.IssueRequest):
    """One manual issue (``IssueCashReceiptBody``): ``models.IssueRequest`` with V2's body.

    The fields and their checks are the store-neutral request's (``iamport_desk.models``);
    ``identity_number_type`` is PortOne's PHONE / CARD / BUSINESS; ``paid_at`` UNIX seconds.
    """

    @classmethod
    def of(cls, request: models.IssueRequest) -> IssueRequest:
        """The V2 request for a store-neutral one (the same values)."""
        if isinstance(request, cls):
            return request
        return cls(**{item.name: getattr(request, item.name) for item in fields(request)})

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
