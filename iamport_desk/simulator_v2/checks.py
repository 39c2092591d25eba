"""The V2 simulator's reading of request bodies: IssueCashReceiptBody and GetCashReceiptsBody.

Stricter than PortOne is known to be on purpose: an unknown field or a wrong type answers
400 INVALID_REQUEST, so a client that misspells a field fails in the tests, not in production.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from iamport_desk.simulator_v2.store import SimReceipt

__all__ = ["check_issue_body", "list_page"]

_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", re.ASCII)

_ISSUE_FIELDS = {
    "storeId": str,
    "paymentId": str,
    "channelKey": str,
    "type": str,
    "orderName": str,
    "currency": str,
    "amount": dict,
    "productType": str,
    "customer": dict,
    "paidAt": str,
    "businessRegistrationNumber": str,
    "paymentMethod": str,
}
_ISSUE_REQUIRED = ("paymentId", "channelKey", "type", "orderName", "currency", "amount", "customer")
_ENUMS = {
    "type": ("PERSONAL", "CORPORATE"),
    "productType": ("PHYSICAL", "DIGITAL"),
    "paymentMethod": ("TRANSFER", "VIRTUAL_ACCOUNT"),
}
_CUSTOMER_FIELDS = ("identityNumber", "identityNumberType", "name", "email", "phoneNumber")
_STATUS_NAMES = {"ISSUED": "ISSUED", "CANCELLED": "CANCELLED", "FAILED": "ISSUE_FAILED"}
_TIME_FIELDS = {"ISSUED_AT": "issued_at", "CANCELLED_AT": "cancelled_at"}
DEFAULT_RANGE = 90 * 86400
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 1000


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_time(value: object) -> float | None:
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def check_issue_body(body: object) -> str | None:
    """None when ``body`` is a valid IssueCashReceiptBody (KRW only); else what is wrong."""
    if not isinstance(body, dict):
        return "요청 본문이 JSON 객체가 아닙니다."
    for name, value in body.items():
        expected = _ISSUE_FIELDS.get(name)
        if expected is None:
            return f"알 수 없는 필드입니다: {name}"
        if not isinstance(value, expected):
            return f"{name} 필드의 형식이 올바르지 않습니다."
    for name in _ISSUE_REQUIRED:
        if name not in body or body[name] == "":
            return f"{name} 필드가 필요합니다."
    for name, allowed in _ENUMS.items():
        if name in body and body[name] not in allowed:
            return f"{name} 값이 올바르지 않습니다."
    if body["currency"] != "KRW":
        return "현금영수증은 KRW로만 발급할 수 있습니다."
    if "paidAt" in body and parse_time(body["paidAt"]) is None:
        return "paidAt 형식이 올바르지 않습니다."
    amount = body["amount"]
    if set(amount) - {"total", "taxFree", "vat"} or not all(_is_int(v) for v in amount.values()):
        return "amount 형식이 올바르지 않습니다."
    if amount.get("total", 0) <= 0 or amount.get("taxFree", 0) > amount["total"]:
        return "amount.total 값이 올바르지 않습니다."
    customer = body["customer"]
    if set(customer) - set(_CUSTOMER_FIELDS) or not all(
        isinstance(v, str) for v in customer.values()
    ):
        return "customer 형식이 올바르지 않습니다."
    if not customer.get("identityNumber"):
        return "customer.identityNumber 필드가 필요합니다."
    if customer.get("identityNumberType", "PHONE") not in ("PHONE", "CARD", "BUSINESS"):
        return "customer.identityNumberType 값이 올바르지 않습니다."
    return None


def _time_of(receipt: SimReceipt, field: str) -> float | None:
    if field == "STATUS_UPDATED_AT":
        return receipt.updated_at
    value: float | None = getattr(receipt, _TIME_FIELDS[field])
    return value


def list_page(
    receipts: list[SimReceipt], query: dict[str, Any], now: float
) -> tuple[dict[str, Any] | None, str | None]:
    """``(GetCashReceiptsResponse, None)`` or ``(None, what is wrong with the query)``."""
    page = query.get("page") or {}
    sort = query.get("sort") or {}
    where = query.get("filter") or {}
    if not all(isinstance(part, dict) for part in (page, sort, where)):
        return None, "page, sort, filter는 객체여야 합니다."
    number, size = page.get("number", 0), page.get("size", DEFAULT_PAGE_SIZE)
    if not _is_int(number) or not _is_int(size) or number < 0 or not 0 < size <= MAX_PAGE_SIZE:
        return None, "page 값이 올바르지 않습니다."
    field = where.get("timeRangeField", "STATUS_UPDATED_AT")
    by = sort.get("by", "STATUS_UPDATED_AT")
    order = sort.get("order", "DESC")
    if field not in ("ISSUED_AT", "CANCELLED_AT", "STATUS_UPDATED_AT") or by not in (
        "ISSUED_AT",
        "CANCELLED_AT",
        "STATUS_UPDATED_AT",
    ):
        return None, "timeRangeField 또는 sort.by 값이 올바르지 않습니다."
    if order not in ("DESC", "ASC"):
        return None, "sort.order 값이 올바르지 않습니다."
    start = parse_time(where["from"]) if "from" in where else now - DEFAULT_RANGE
    end = parse_time(where["until"]) if "until" in where else now
    if start is None or end is None:
        return None, "from/until 형식이 올바르지 않습니다."
    statuses = where.get("statuses")
    if statuses is not None and (
        not isinstance(statuses, list) or any(s not in _STATUS_NAMES for s in statuses)
    ):
        return None, "statuses 값이 올바르지 않습니다."
    wanted = {_STATUS_NAMES[s] for s in statuses} if statuses else None
    types = where.get("types")

    def keep(receipt: SimReceipt) -> bool:
        moment = _time_of(receipt, field)
        if moment is None or not start <= moment <= end:
            return False
        if wanted is not None and receipt.status not in wanted:
            return False
        if types and (receipt.status == "ISSUE_FAILED" or receipt.type not in types):
            return False
        checks = (
            ("paymentId", receipt.payment_id),
            ("pgReceiptId", receipt.pg_receipt_id),
            ("isManual", receipt.is_manual),
            ("pgMerchantId", receipt.channel.get("pgMerchantId")),
            ("isTest", receipt.channel.get("type") == "TEST"),
        )
        if any(name in where and where[name] != value for name, value in checks):
            return False
        if "orderName" in where and str(where["orderName"]) not in receipt.order_name:
            return False
        return bool(where.get("version", "V2") == "V2")  # every receipt here is a V2 one

    chosen = [r for r in receipts if keep(r)]
    chosen.sort(key=lambda r: _time_of(r, by) or 0.0, reverse=order == "DESC")
    items = [r.to_json() for r in chosen[number * size : (number + 1) * size]]
    info = {"number": number, "size": size, "totalCount": len(chosen)}
    return {"items": items, "page": info}, None
