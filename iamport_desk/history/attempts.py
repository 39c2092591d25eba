"""What a pending row holds besides who and which order: checked before anything is written.

Every field that belongs to the attempt goes into the pending row, written before the
request leaves (the reason and memo, what the lookup showed, the store's API and V2's
Idempotency-Key; for an issue, what was asked for and the customer's identifier, masked).
These functions check the values and give the columns to insert; they raise
``ValueError`` (a :class:`~iamport_desk.rules.RuleError` for the memo) and touch nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any, Final

from iamport_desk.history import queries
from iamport_desk.history.unavailable import HistoryUnavailable
from iamport_desk.models import API_KINDS, CancelReason, Receipt, ReceiptSource
from iamport_desk.rules import mask_identifier, order_key, validate_reason_note

MAX_IDEMPOTENCY_KEY_LENGTH: Final = 200  # PortOne's SDK sends a UUID (36 characters)
MAX_ERROR_TEXT: Final = 1000  # a PG's code or message beyond this is not a message


def check_api(api: str) -> str:
    if api not in API_KINDS:
        raise ValueError(f"api must be one of {API_KINDS}")
    return api


def check_idempotency_key(key: str | None) -> str | None:
    """A V2 Idempotency-Key as sent: printable ASCII without spaces (it is a header)."""
    if key is None:
        return None
    if not key or len(key) > MAX_IDEMPOTENCY_KEY_LENGTH:
        raise ValueError("the idempotency key is empty or too long")
    if not key.isascii() or not all(c.isprintable() and not c.isspace() for c in key):
        raise ValueError("the idempotency key must be printable ASCII without spaces")
    return key


def cancel_columns(
    merchant_uid: str,
    *,
    reason: CancelReason | None,
    reason_note: str | None,
    looked_up: Receipt | None,
    api: str,
    idempotency_key: str | None,
) -> dict[str, Any]:
    """The pending cancel row's columns beyond the common ones."""
    columns: dict[str, Any] = {
        "action": "cancel",
        "reason": None if reason is None else int(CancelReason(reason)),
        "reason_note": validate_reason_note(reason_note, reason),
        "api": check_api(api),
        "idempotency_key": check_idempotency_key(idempotency_key),
    }
    if looked_up is not None:
        if order_key(looked_up.merchant_uid) != order_key(merchant_uid):
            raise ValueError("the looked-up receipt belongs to another order number")
        values = queries.receipt_values(looked_up, ReceiptSource.LOOKUP)
        columns.update(zip(queries.RECEIPT_COLUMNS.split(", "), values, strict=True))
    return columns


def issue_columns(
    *,
    amount: int,
    vat: int | None,
    receipt_type: str,
    identifier_masked: str,
    api: str,
    idempotency_key: str | None,
) -> dict[str, Any]:
    """The pending issue row's columns: what is asked for, marked as the request.

    The identifier is masked again here (masking is idempotent), so an unmasked
    value passed by mistake is still never written.
    """
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValueError("the amount to issue must be a positive number of won")
    if vat is not None and (isinstance(vat, bool) or not 0 <= vat <= amount):
        raise ValueError("the VAT must be between 0 and the amount")
    if not receipt_type:
        raise ValueError("the receipt type is empty")
    masked = mask_identifier(identifier_masked)
    if not masked:
        raise ValueError("the customer's identifier is empty")
    return {
        "action": "issue",
        "amount": amount,
        "vat": vat,
        "receipt_type": receipt_type,
        "receipt_source": ReceiptSource.REQUEST.value,
        "identifier_masked": masked,
        "api": check_api(api),
        "idempotency_key": check_idempotency_key(idempotency_key),
    }


def error_columns(
    error_type: str | None, pg_code: str | None, pg_message: str | None
) -> dict[str, Any]:
    """V2's typed error and the PG's code and words, as they came (capped)."""
    return {
        "error_type": None if error_type is None else str(error_type)[:MAX_ERROR_TEXT],
        "pg_code": None if pg_code is None else str(pg_code)[:MAX_ERROR_TEXT],
        "pg_message": None if pg_message is None else str(pg_message)[:MAX_ERROR_TEXT],
    }


def v2_error_fields(error: BaseException) -> dict[str, str | None]:
    """finish()'s ``error_type``/``pg_code``/``pg_message`` from a V2 error (all None for
    V1's errors, which have none): ``history.finish(..., **v2_error_fields(exc))``."""
    return {
        "error_type": getattr(error, "error_type", None),
        "pg_code": getattr(error, "pg_code", None),
        "pg_message": getattr(error, "pg_message", None),
    }


def insert(conn: sqlite3.Connection, columns: Mapping[str, Any]) -> int:
    """INSERT one row of ``columns`` (names are this package's constants, never the
    caller's text); returns its id."""
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    cursor = conn.execute(
        f"INSERT INTO attempts ({names}) VALUES ({marks})",  # noqa: S608 - constant names
        list(columns.values()),
    )
    if cursor.lastrowid is None:  # pragma: no cover - sqlite always sets it for INSERT
        raise HistoryUnavailable("io")
    return int(cursor.lastrowid)


def release_failed_correction(conn: sqlite3.Connection, entry_id: int) -> None:
    """An issue row ``entry_id`` turned out not issued: the cancellation it meant to correct
    names its latest other correction that was not refused instead (or none), so that the
    confirmation and the exports never name a re-issue that did not happen. The issue row
    keeps ``corrects_id``: the history still shows what was tried for that cancellation."""
    row = conn.execute(
        "SELECT corrects_id FROM attempts WHERE id = ? AND action = 'issue'", (entry_id,)
    ).fetchone()
    if row is None or row[0] is None:
        return
    corrected = int(row[0])
    other = conn.execute(
        "SELECT MAX(id) FROM attempts WHERE corrects_id = ? AND id != ? AND outcome != 'failed'",
        (corrected, entry_id),
    ).fetchone()[0]
    conn.execute(
        "UPDATE attempts SET corrected_by = ? WHERE id = ? AND corrected_by = ?",
        (other, corrected, entry_id),
    )
