"""The correction form's values (issue 15): the amount, the VAT and the receipt's item name.

The identifier has its own module (:mod:`.identifiers`). Each rule here turns what the clerk
typed into what is sent, or raises :class:`RuleError` with ``field`` "amount", "vat" or
"order_name" and a ``kind``; the window chooses its sentence by those two.
"""

from __future__ import annotations

import unicodedata

from iamport_desk.rules.errors import RuleError
from iamport_desk.rules.free_text import check_free_text

# Area "issue" (issue 15): the values of a receipt to issue again.

MAX_ISSUE_AMOUNT = 10_000_000_000  # 100억원: far above any cash sale, below any overflow
MAX_ORDER_NAME_LENGTH = 100  # PortOne publishes no limit; a receipt line, not a paragraph
# Grouping a clerk types or pastes in an amount ("55,000", "55 000", "55,000원").
_AMOUNT_DECORATION = frozenset(", _\u00a0\u3000원")


def _whole_won(raw: str, field: str) -> int | None:
    """The whole number of 원 in ``raw`` (None when empty), or RuleError "not_digits"."""
    text = unicodedata.normalize("NFKC", raw).strip()
    digits = "".join(char for char in text if char not in _AMOUNT_DECORATION)
    if not digits:
        return None
    if not all("0" <= char <= "9" for char in digits):
        raise RuleError("The amount may contain digits only.", field=field, kind="not_digits")
    if len(digits) > len(str(MAX_ISSUE_AMOUNT)):
        raise RuleError("The amount is too large.", field=field, kind="too_large")
    return int(digits)


def validate_issue_amount(raw: str) -> int:
    """The receipt's total in 원: a whole number above 0 (grouping commas and "원" allowed).

    Kinds: "empty", "not_digits", "zero", "too_large".
    """
    amount = _whole_won(raw, "amount")
    if amount is None:
        raise RuleError("The amount is empty.", field="amount", kind="empty")
    if amount == 0:
        raise RuleError("The amount must be more than 0.", field="amount", kind="zero")
    if amount > MAX_ISSUE_AMOUNT:
        raise RuleError("The amount is too large.", field="amount", kind="too_large")
    return amount


def validate_issue_vat(raw: str, amount: int) -> int | None:
    """The VAT part of ``amount`` in 원, or None when left empty (PortOne then computes it,
    1/11 of the taxable amount). Kinds: "not_digits", "too_large" (over the amount)."""
    vat = _whole_won(raw, "vat")
    if vat is None:
        return None
    if vat > amount:
        raise RuleError("The VAT is larger than the amount.", field="vat", kind="too_large")
    return vat


def validate_order_name(raw: str) -> str:
    """The receipt's item name (V1's ``name``, V2's ``orderName``): stripped, NFC, not empty,
    no invisible or control characters, at most :data:`MAX_ORDER_NAME_LENGTH` characters.
    Kinds: "empty", "control", "too_long"."""
    name = unicodedata.normalize("NFC", raw.strip())
    if not name:
        raise RuleError("The item name is empty.", field="order_name", kind="empty")
    check_free_text(name, field="order_name", what="The item name", limit=MAX_ORDER_NAME_LENGTH)
    return name
