"""Reading PortOne V2's JSON: strict on shape, tolerant on values, never guessing.

- JSON with a duplicate key is unreadable: two parsers could each believe another value.
- Times are RFC 3339 strings; a ``Receipt`` keeps UNIX seconds (UTC), like V1.
- ``PERSONAL`` / ``CORPORATE`` become V1's "person" / "company"; an unknown type is kept as sent.
No httpx, no Qt.
"""

from __future__ import annotations

import calendar
import json
import re
from typing import Any, NamedTuple

from iamport_desk.models import Receipt, ReceiptType
from iamport_desk.portone_v2.errors import V2ApiError

__all__ = [
    "V2_RECEIPT_TYPES",
    "CashReceiptAnswer",
    "ErrorBody",
    "loads_strict",
    "parse_cancel_answer",
    "parse_cash_receipt",
    "parse_error_body",
    "parse_issue_answer",
    "parse_rfc3339",
]

V2_RECEIPT_TYPES: dict[str, str] = {
    "PERSONAL": ReceiptType.PERSON.value,
    "CORPORATE": ReceiptType.COMPANY.value,
}

_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?([Zz]|[+-]\d{2}:\d{2})",
    re.ASCII,
)


class _Unreadable(ValueError):  # noqa: N818 - private
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Unreadable(f"duplicate key {key!r}")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise _Unreadable(f"{name} is not JSON")


def loads_strict(body: bytes) -> Any:
    """The JSON value of ``body``, or ValueError (duplicate keys, NaN, bad UTF-8, too deep)."""
    try:
        text = body.decode("utf-8")
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(str(exc)) from None


def parse_rfc3339(text: str) -> int:
    """UNIX seconds (floored) of an RFC 3339 date-time with an offset, or ValueError."""
    match = _RFC3339.fullmatch(text)
    if match is None:
        raise ValueError(f"not an RFC 3339 date-time: {text[:40]!r}")
    year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour <= 23 and minute <= 59 and second <= 60):
        raise ValueError(f"not a valid date-time: {text[:40]!r}")
    if day > calendar.monthrange(year, month)[1]:
        raise ValueError(f"not a valid date: {text[:40]!r}")
    zone = match.group(7)
    offset = 0
    if zone not in ("Z", "z"):
        sign = 1 if zone[0] == "+" else -1
        offset = sign * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)
    # timegm, not datetime: a leap second (":60") is the next second, not an error.
    return calendar.timegm((year, month, day, hour, minute, 0, 0, 0, 0)) + second - offset


def _unexpected(what: str, status: int = 200) -> V2ApiError:
    # Our own diagnosis goes in the summary: ``message`` is reserved for PortOne's words.
    return V2ApiError(f"unexpected answer from PortOne V2: {what}", status=status)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Fields:
    """Typed access to one JSON object's fields, raising V2ApiError on the wrong type."""

    def __init__(self, data: object, what: str) -> None:
        if not isinstance(data, dict):
            raise _unexpected(f"{what} is {type(data).__name__}, not an object")
        self.data: dict[str, Any] = data
        self.what = what

    def text(self, name: str) -> str | None:
        value = self.data.get(name)
        if value is not None and not isinstance(value, str):
            raise _unexpected(f"{self.what} field {name!r} is not text")
        return value

    def required_text(self, name: str) -> str:
        value = self.text(name)
        if value is None:
            raise _unexpected(f"{self.what} lacks {name!r}")
        return value

    def number(self, name: str) -> int | None:
        value = self.data.get(name)
        if value is not None and not _is_int(value):
            raise _unexpected(f"{self.what} field {name!r} is not an integer")
        return value

    def required_number(self, name: str) -> int:
        value = self.number(name)
        if value is None:
            raise _unexpected(f"{self.what} lacks {name!r}")
        return value

    def time(self, name: str, *, required: bool) -> int | None:
        value = self.required_text(name) if required else self.text(name)
        if value is None:
            return None
        try:
            return parse_rfc3339(value)
        except ValueError:
            raise _unexpected(f"{self.what} field {name!r} is not an RFC 3339 time") from None


class CashReceiptAnswer(NamedTuple):
    """One ``CashReceipt`` as read: ``receipt`` is None for ISSUE_FAILED (nothing issued)."""

    status: str
    payment_id: str
    store_id: str
    receipt: Receipt | None


def parse_cash_receipt(data: object) -> CashReceiptAnswer:
    """The fields of a ``CashReceipt`` the desk needs, checked.

    Required by the spec and needed here: status, paymentId, storeId; for ISSUED and
    CANCELLED also amount, currency, issueNumber, issuedAt (and cancelledAt when CANCELLED).
    Only KRW is read: a cash receipt is Korean, and the desk shows amounts in 원.
    ``vatAmount`` is optional in the spec; absent, the Receipt says 0 (models.Receipt has no
    "unknown VAT").
    """
    fields = _Fields(data, "cash receipt")
    status = fields.required_text("status")
    payment_id = fields.required_text("paymentId")
    store_id = fields.required_text("storeId")
    if status == "ISSUE_FAILED":
        return CashReceiptAnswer(status, payment_id, store_id, None)
    if status not in ("ISSUED", "CANCELLED"):
        raise _unexpected("the cash receipt's status is not one the spec names")
    currency = fields.required_text("currency")
    if currency != "KRW":
        raise _unexpected("the cash receipt's currency is not KRW")
    raw_type = fields.text("type")
    cancelled_at = fields.time("cancelledAt", required=status == "CANCELLED")
    applied_at = fields.time("issuedAt", required=True)
    assert applied_at is not None
    receipt = Receipt(
        merchant_uid=payment_id,
        receipt_tid=fields.text("pgReceiptId"),
        apply_num=fields.required_text("issueNumber"),
        type=V2_RECEIPT_TYPES.get(raw_type, raw_type) if raw_type is not None else "",
        amount=fields.required_number("amount"),
        vat=fields.number("vatAmount") or 0,
        receipt_url=fields.text("url"),
        applied_at=applied_at,
        cancelled_at=cancelled_at if status == "CANCELLED" else None,
    )
    return CashReceiptAnswer(status, payment_id, store_id, receipt)


def parse_cancel_answer(data: object) -> tuple[int, int]:
    """``(cancelledAmount, cancelledAt as UNIX seconds)`` of a ``CancelCashReceiptResponse``."""
    fields = _Fields(data, "cancel answer")
    amount = fields.required_number("cancelledAmount")
    cancelled_at = fields.time("cancelledAt", required=True)
    assert cancelled_at is not None
    return amount, cancelled_at


def parse_issue_answer(data: object) -> tuple[str, str, str]:
    """``(issueNumber, url, pgReceiptId)`` of an ``IssueCashReceiptResponse``."""
    summary = _Fields(_Fields(data, "issue answer").data.get("cashReceipt"), "issued receipt")
    return (
        summary.required_text("issueNumber"),
        summary.required_text("url"),
        summary.required_text("pgReceiptId"),
    )


class ErrorBody:
    """V2's error object: ``type`` and ``message``, plus ``pgCode`` / ``pgMessage``."""

    __slots__ = ("message", "pg_code", "pg_message", "type")

    def __init__(
        self, type: str, message: str | None, pg_code: str | None, pg_message: str | None
    ) -> None:
        self.type = type
        self.message = message
        self.pg_code = pg_code
        self.pg_message = pg_message


_ERROR_TYPE = re.compile(r"[A-Z][A-Z0-9_]{0,63}")


def parse_error_body(data: object) -> ErrorBody | None:
    """The error object, or None when ``data`` is not one (then it is not PortOne's answer)."""
    if not isinstance(data, dict):
        return None
    kind = data.get("type")
    if not isinstance(kind, str) or not kind:
        return None
    # PortOne's types are names like PG_PROVIDER: anything else (a server echoing what it
    # got, the secret included) is not kept, logged or shown.
    if not _ERROR_TYPE.fullmatch(kind):
        kind = "UNKNOWN"
    rest: list[str | None] = []
    for name in ("message", "pgCode", "pgMessage"):
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            return None
        rest.append(value)
    return ErrorBody(kind, *rest)
