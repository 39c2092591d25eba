"""Reading PortOne V1's answers: the ``{"code", "message", "response"}`` envelope and a receipt.

Strict JSON: an answer with a key twice (``{"code": 1, "code": 0}``) is unreadable, because two
readers of it could disagree on what it says. No Qt, no httpx.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from iamport_desk.answer_body import Answer
from iamport_desk.errors import (
    ApiError,
    AuthenticationError,
    IamportError,
    OutcomeUnknown,
    ReceiptNotFound,
    TierNotFound,
)
from iamport_desk.models import Receipt

__all__ = [
    "RECEIPTS_PREFIX",
    "error_for_answer",
    "is_int",
    "loads_strict",
    "parse_envelope",
    "parse_receipt",
    "unexpected",
]

RECEIPTS_PREFIX = "/receipts/external/"


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


def loads_strict(body: bytes) -> object:
    """``json.loads`` that refuses duplicate keys at any depth (ValueError)."""
    return json.loads(body, object_pairs_hook=_no_duplicates)


def is_int(value: object) -> bool:
    # bool is an int subclass in Python; true/false in JSON is not a number.
    return isinstance(value, int) and not isinstance(value, bool)


def unexpected(what: str) -> ApiError:
    # Our own diagnosis goes in the summary: ``message`` is reserved for PortOne's words.
    return ApiError(f"unexpected answer from the server: {what}", status=200, code=0)


def parse_envelope(body: bytes) -> dict[str, Any] | None:
    """PortOne's ``{"code", "message", "response"}``, or None for anything else.

    An HTML page from a proxy, an empty body, JSON of another shape or with duplicate keys is
    not an answer from PortOne and must not be read as one.
    """
    if not body:
        return None
    try:
        data = loads_strict(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not is_int(data.get("code")):
        return None
    message = data.get("message")
    if message is not None and not isinstance(message, str):
        return None
    return data


def parse_receipt(data: object) -> Receipt:
    """Build a Receipt from the envelope's ``response`` (ExternalReceiptAnnotation).

    Strict on types (the spec's required fields must be there with the right type),
    tolerant on values: unknown ``type`` strings and long strings are kept as sent.
    ``cancelled_at`` of 0, null or absent means "not cancelled".
    """
    if not isinstance(data, dict):
        raise unexpected(f"receipt is {type(data).__name__}, not an object")

    def text(name: str, *, required: bool) -> str | None:
        value = data.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise unexpected(f"receipt field {name!r} is not text")
        return value

    def number(name: str, *, required: bool) -> int | None:
        value = data.get(name)
        if value is None and not required:
            return None
        if not is_int(value):
            raise unexpected(f"receipt field {name!r} is not an integer")
        assert isinstance(value, int)
        return value

    merchant_uid = text("merchant_uid", required=True)
    apply_num = text("apply_num", required=True)
    receipt_type = text("type", required=True)
    amount = number("amount", required=True)
    vat = number("vat", required=True)
    applied_at = number("applied_at", required=True)
    cancelled_at = number("cancelled_at", required=False)
    assert merchant_uid is not None and apply_num is not None and receipt_type is not None
    assert amount is not None and vat is not None and applied_at is not None
    return Receipt(
        merchant_uid=merchant_uid,
        receipt_tid=text("receipt_tid", required=False),
        apply_num=apply_num,
        type=receipt_type,
        amount=amount,
        vat=vat,
        receipt_url=text("receipt_url", required=False),
        applied_at=applied_at,
        cancelled_at=cancelled_at or None,
    )


def error_for_answer(
    answer: Answer,
    envelope: dict[str, Any] | None,
    method: str,
    path: str,
    *,
    auth_call: bool,
    mask: Callable[[str], str],
    once: bool = False,
) -> IamportError:
    """The typed error for any answer that is not HTTP 200 + code 0.

    The server's message is masked (``mask``) here, before any error holds it. A DELETE, or
    a call sent ``once`` (the issuing POST), answered so that PortOne may have processed it
    becomes OutcomeUnknown.
    """
    status = answer.status
    code: int | None = envelope["code"] if envelope else None
    raw_message = envelope.get("message") if envelope else None
    message = mask(raw_message) if raw_message else raw_message
    is_delete = method == "DELETE" or once  # a call that changes something, sent once
    what = "cancellation" if method == "DELETE" else "request"
    if auth_call and status == 401:
        return AuthenticationError(
            "the REST API key or secret was refused", status=401, code=code, message=message
        )
    if is_delete and 300 <= status < 400:
        # Never followed: a redirect says nothing about whether PortOne processed it.
        return OutcomeUnknown(
            f"the {what} was answered with a redirect; it may or may not have happened",
            status=status,
            reason="redirect",
        )
    if is_delete and answer.unreadable is not None:
        return OutcomeUnknown(
            f"the answer to the {what} could not be read; it may or may not have happened",
            status=status,
            reason="unreadable",
        )
    if envelope is None and is_delete and (status == 200 or status >= 500):
        # A gateway (or something pretending to be PortOne) answered, possibly after
        # forwarding the request: it cannot tell whether PortOne processed it. (A 4xx
        # page such as a proxy's 407 means the request was stopped before PortOne.)
        return OutcomeUnknown(
            f"an intermediary answered instead of PortOne; the {what} may or may not have happened",
            status=status,
        )
    if status == 404 and envelope is not None:
        if path.startswith(RECEIPTS_PREFIX) and method != "POST":
            return ReceiptNotFound(
                "no receipt was issued for this order number",
                status=404,
                code=code,
                message=message,
            )
        if path.startswith("/tiers/"):
            return TierNotFound(
                "the sub-merchant code is not registered", status=404, code=code, message=message
            )
    if envelope is None:
        summary = f"unexpected answer (not from PortOne) to {method}"
    else:
        summary = f"PortOne refused the {method} call"
    return ApiError(summary, status=status, code=code, message=message)
