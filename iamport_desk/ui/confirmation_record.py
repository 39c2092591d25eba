"""What a cancellation confirmation prints, as plain data (no Qt).

:class:`ConfirmationRecord` is built from a history row or from the result screen's receipt,
so the confirmation does not depend on how the history stores its rows.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from iamport_desk.models import CancelReason, HistoryEntry, Outcome, Receipt
from iamport_desk.rules import BIDI_CONTROLS, ZERO_WIDTH


@dataclass(frozen=True, slots=True)
class ConfirmationRecord:
    """One cancellation as the confirmation prints it. None means "not recorded".

    ``reason`` is the code of Korean practice (1 거래취소, 2 오류발급, 3 기타; an int, as
    ``models.CancelReason`` is) and ``reason_memo`` the clerk's note.
    ``cancelled_at`` is PortOne's time, ``issued_at`` the original issue time (UNIX seconds).
    ``corrected_by`` is the history row of the re-issue that corrects this cancellation, if any.
    """

    history_id: int
    store: str
    tier_code: str | None
    merchant_uid: str
    apply_num: str | None
    issued_at: int | None
    amount: int | None
    vat: int | None
    receipt_type: str | None
    cancelled_at: int | None
    reason: int | None
    reason_memo: str | None
    operator: str | None
    receipt_url: str | None
    corrected_by: int | None = None


class NotCancelledError(ValueError):
    """A confirmation was asked for an attempt that did not cancel the receipt."""


def record_from_entry(
    entry: HistoryEntry,
    *,
    store: str | None = None,
    issued_at: int | None = None,
    reason: int | None = None,
    reason_memo: str | None = None,
) -> ConfirmationRecord:
    """The confirmation of one history row; ``store`` defaults to the row's profile name,
    and ``issued_at``, ``reason`` and ``reason_memo`` to what the row recorded (schema 4:
    the original issue time, the 취소사유 and its memo).

    Raises :class:`NotCancelledError` unless the row's outcome is ``cancelled``: a failed or
    unknown attempt has nothing to confirm.
    """
    if entry.outcome is not Outcome.CANCELLED:
        raise NotCancelledError(f"history row {entry.id} is {entry.outcome.value}, not cancelled")
    return ConfirmationRecord(
        history_id=entry.id,
        store=store if store is not None else entry.profile,
        tier_code=entry.tier_code,
        merchant_uid=entry.merchant_uid,
        apply_num=entry.apply_num,
        issued_at=issued_at if issued_at is not None else entry.applied_at,
        amount=entry.amount,
        vat=entry.vat,
        receipt_type=entry.receipt_type,
        cancelled_at=entry.cancelled_at,
        reason=reason if reason is not None else _code(entry.reason),
        reason_memo=reason_memo if reason_memo is not None else entry.reason_note,
        operator=entry.operator,
        receipt_url=entry.receipt_url,
        corrected_by=entry.corrected_by,
    )


def _code(reason: CancelReason | None) -> int | None:
    return None if reason is None else int(reason)


def record_from_receipt(
    receipt: Receipt,
    *,
    history_id: int,
    store: str,
    tier_code: str | None,
    operator: str | None,
    reason: int | None = None,
    reason_memo: str | None = None,
) -> ConfirmationRecord:
    """The confirmation of a cancelled receipt as the result screen has it."""
    if not receipt.is_cancelled:
        raise NotCancelledError(f"history row {history_id}: the receipt is not cancelled")
    return ConfirmationRecord(
        history_id=history_id,
        store=store,
        tier_code=tier_code,
        merchant_uid=receipt.merchant_uid,
        apply_num=receipt.apply_num,
        issued_at=receipt.applied_at,
        amount=receipt.amount,
        vat=receipt.vat,
        receipt_type=receipt.type,
        cancelled_at=receipt.cancelled_at,
        reason=reason,
        reason_memo=reason_memo,
        operator=operator,
        receipt_url=receipt.receipt_url,
    )


def visible(text: str) -> str:
    """``text`` with every invisible or reordering character shown as ``[U+XXXX]``.

    On a document filed for an auditor, a U+202E inside an approval number would print its
    digits reversed, and a zero-width space would make two numbers look alike.
    """
    if text.isascii() and text.isprintable():
        return text
    return "".join(f"[U+{ord(ch):04X}]" if _hidden(ch) else ch for ch in text)


def _hidden(char: str) -> bool:
    if char in "\n\t":  # a memo's own lines and tabs print as such
        return False
    return (
        char in BIDI_CONTROLS
        or char in ZERO_WIDTH
        or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
