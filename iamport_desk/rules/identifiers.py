"""Identifiers (issue 15): the customer's identifier on a cash receipt to be issued."""

from __future__ import annotations

import unicodedata

from iamport_desk.rules.errors import RuleError
from iamport_desk.rules.orders import normalize_merchant_uid

# Area "issue" (issue 15): the customer's identifier on a cash receipt to be issued.
# The identifier is personal data: no message here contains it, and ``mask_identifier`` is
# the one way it is shown outside the field being edited.


IDENTIFIER_KINDS = ("phone", "business", "taxcard")  # PortOne V1's identifier_type values
MOBILE_PREFIXES = ("010", "011", "016", "017", "018", "019")
BUSINESS_NUMBER_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)  # 국세청's published check-digit weights
# Separators a pasted number carries ("010-1234-5678", "123 45 67890"): they are removed, so
# what is sent is digits only (a KSNET note: a hyphen silently produces no receipt).
IDENTIFIER_SEPARATORS = frozenset(" -\u00a0\u2010\u2011\u2012\u2013\u2014\u2212\u3000")


class IdentifierError(RuleError):
    """A customer identifier that breaks its rule (``field`` "identifier").

    ``kind`` is "empty", "not_digits" (a letter or another symbol than a hyphen or a space),
    "mobile_prefix" (not 010/011/016/017/018/019), "length" or "check_digit" (a 사업자등록번호
    whose last digit is wrong); ``identifier_kind`` is which identifier was expected
    ("phone", "business" or "taxcard"). The message never contains the value.
    """

    def __init__(self, message: str, *, kind: str, identifier_kind: str) -> None:
        super().__init__(message, field="identifier", kind=kind)
        self.identifier_kind = identifier_kind


def _is_ascii_digit(char: str) -> bool:
    return "0" <= char <= "9"


def business_number_check_digit(first_nine: str) -> int:
    """The 10th digit of a 사업자등록번호 whose first nine digits are ``first_nine``.

    The published rule: the nine digits times 1,3,7,1,3,7,1,3,5, summed, plus the tens
    digit of (9th digit x 5); the check digit is (10 - sum mod 10) mod 10.
    """
    if len(first_nine) != 9 or not all(_is_ascii_digit(char) for char in first_nine):
        raise ValueError("nine digits are needed")
    digits = [int(char) for char in first_nine]
    total = sum(d * w for d, w in zip(digits, BUSINESS_NUMBER_WEIGHTS, strict=True))
    total += digits[8] * 5 // 10
    return (10 - total % 10) % 10


def identifier_kind_for(receipt_type: str) -> str:
    """The identifier a receipt type is usually issued to: person -> phone, company -> business."""
    kinds = {"person": "phone", "company": "business"}
    if receipt_type not in kinds:
        raise ValueError("the receipt type must be 'person' or 'company'")
    return kinds[receipt_type]


def validate_identifier(raw: str, kind: str) -> str:
    """The identifier as it will be sent: digits only, checked for ``kind``.

    Hyphens and spaces (as pasted: "010-1234-5678") are removed, not refused: they carry
    nothing, and the window shows the digits that will be sent. Full-width digits become
    ASCII. Anything else that is not a digit is refused. ``kind`` is "phone" (010, 011 or
    016-019 and 7 or 8 more digits), "business" (사업자등록번호: 10 digits, the last one the
    check digit) or "taxcard" (현금영수증 card: 13 to 19 digits). Raises IdentifierError.
    """
    if kind not in IDENTIFIER_KINDS:
        raise ValueError(f"the identifier kind must be one of {', '.join(IDENTIFIER_KINDS)}")

    def refuse(why: str, message: str) -> IdentifierError:
        return IdentifierError(message, kind=why, identifier_kind=kind)

    text = unicodedata.normalize("NFKC", raw).strip()
    digits = "".join(char for char in text if char not in IDENTIFIER_SEPARATORS)
    if not digits:
        raise refuse("empty", "The identifier is empty.")
    if not all(_is_ascii_digit(char) for char in digits):
        raise refuse("not_digits", "The identifier may contain digits only.")
    if kind == "phone":
        if not digits.startswith(MOBILE_PREFIXES):
            raise refuse("mobile_prefix", "A mobile number starts with 010, 011 or 016-019.")
        if not 10 <= len(digits) <= 11:
            raise refuse("length", "A mobile number has 10 or 11 digits.")
    elif kind == "business":
        if len(digits) != 10:
            raise refuse("length", "A business registration number has 10 digits.")
        if business_number_check_digit(digits[:9]) != int(digits[9]):
            raise refuse("check_digit", "The business registration number's check digit is wrong.")
    elif not 13 <= len(digits) <= 19:
        raise refuse("length", "A cash receipt card number has 13 to 19 digits.")
    return digits


def derived_order_number(merchant_uid: str, attempt: int = 1) -> str:
    """The order number offered when PortOne says the original already has a receipt.

    "00012345" -> "00012345-R1" (then -R2, ...): shown plainly, so the clerk can note it on
    the cash sale for the books. Raises InvalidMerchantUid when the result cannot be sent.
    """
    if attempt < 1:
        raise ValueError("attempt counts from 1")
    return normalize_merchant_uid(f"{normalize_merchant_uid(merchant_uid)}-R{attempt}")
