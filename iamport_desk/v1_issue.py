"""The body of V1's issuing ``POST /receipts/external/{merchant_uid}``, checked before sending.

What PortOne's spec (``issueExternalReceipt``) allows is checked here, so that a mistake is a
``ValueError`` before anything leaves the computer rather than a receipt issued wrongly. No
message holds the identifier or the buyer's details. No Qt, no httpx.
"""

from __future__ import annotations

from iamport_desk.models import IDENTITY_NUMBER_TYPE_FOR_KIND

__all__ = [
    "IDENTIFIER_TYPES",
    "PRODUCT_TYPES",
    "RECEIPT_TYPES",
    "V1_IDENTIFIER_TYPES",
    "issue_body",
]

RECEIPT_TYPES = ("person", "company")
IDENTIFIER_TYPES = ("person", "business", "phone", "taxcard")
PRODUCT_TYPES = ("real", "digital")

# The store-neutral IssueRequest names identifiers as V2 does; V1's identifier_type for each.
V1_IDENTIFIER_TYPES = {value: kind for kind, value in IDENTITY_NUMBER_TYPE_FOR_KIND.items()}


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def issue_body(
    *,
    channel_key: str,
    name: str,
    amount: int,
    identifier: str,
    identifier_type: str | None,
    receipt_type: str,
    buyer_name: str | None,
    buyer_email: str | None,
    buyer_tel: str | None,
    tax_free: int | None,
    vat_amount: int | None,
    product_type: str | None,
) -> dict[str, object]:
    """The JSON body; optional fields only when given. Raises ValueError for a bad value.

    The identifier must be ASCII digits only: a KSNET note says a hyphen silently produces
    no receipt, and a clerk cannot see that happen.
    """
    if not channel_key.strip():
        raise ValueError("the channel key is empty")
    if not name.strip():
        raise ValueError("the receipt's item name is empty")
    if not _whole(amount) or amount <= 0:
        raise ValueError("amount must be a positive whole number of 원")
    if not identifier or not all("0" <= char <= "9" for char in identifier):
        raise ValueError("the identifier must be digits only")
    if identifier_type is not None and identifier_type not in IDENTIFIER_TYPES:
        raise ValueError(f"identifier_type must be one of {', '.join(IDENTIFIER_TYPES)}")
    if receipt_type not in RECEIPT_TYPES:
        raise ValueError(f"type must be one of {', '.join(RECEIPT_TYPES)}")
    if product_type is not None and product_type not in PRODUCT_TYPES:
        raise ValueError(f"product_type must be one of {', '.join(PRODUCT_TYPES)}")
    if tax_free is not None and (not _whole(tax_free) or not 0 <= tax_free <= amount):
        raise ValueError("tax_free must be a whole number from 0 to the amount")
    taxable = amount - (tax_free or 0)
    if vat_amount is not None and (not _whole(vat_amount) or not 0 <= vat_amount <= taxable):
        raise ValueError("vat_amount must be a whole number from 0 to the taxable amount")
    body: dict[str, object] = {
        "channel_key": channel_key.strip(),
        "name": name,
        "amount": amount,
        "identifier": identifier,
        "type": receipt_type,
    }
    optional: dict[str, object | None] = {
        "identifier_type": identifier_type,
        "buyer_name": buyer_name,
        "buyer_email": buyer_email,
        "buyer_tel": buyer_tel,
        "tax_free": tax_free,
        "vat_amount": vat_amount,
        "product_type": product_type,
    }
    body.update({key: value for key, value in optional.items() if value is not None})
    return body
