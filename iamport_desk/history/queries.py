"""The SQL the history reads with: filters, sort orders, and rows turned into entries."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from iamport_desk.models import HistoryEntry, Outcome, Receipt
from iamport_desk.rules import order_key

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HistoryFilter:
    """What the history window shows; every field narrows the result."""

    text: str = ""  # order-number search: case-insensitive, literal substring, NFC = NFD
    outcomes: frozenset[Outcome] | None = None  # None: any; empty: nothing
    profile: str | None = None
    since: float | None = None  # UNIX seconds, inclusive, on started_at
    until: float | None = None  # exclusive


NO_FILTER: Final = HistoryFilter()

# Keys accepted by query(order_by=...); whitelisted because they end up in SQL text.
SORT_COLUMNS: tuple[str, ...] = (
    "started_at",
    "ended_at",
    "profile",
    "tier_code",
    "merchant_uid",
    "operator",
    "outcome",
    "amount",
)

COLUMNS: Final = (
    "id, started_at, ended_at, profile, tier_code, merchant_uid, operator, outcome, "
    "http_status, code, message, amount, vat, receipt_type, apply_num, receipt_tid, "
    "receipt_url, cancelled_at, note"
)

RECEIPT_SET: Final = (
    ", amount = ?, vat = ?, receipt_type = ?, apply_num = ?, receipt_tid = ?, "
    "receipt_url = ?, cancelled_at = ?"
)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def where(flt: HistoryFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    text = flt.text.strip()
    if text:
        # The stored key is NFC, so the typed text is too: either spelling finds both.
        clauses.append("order_key LIKE ? ESCAPE '\\'")  # the user's text is literal
        params.append(f"%{_escape_like(order_key(text))}%")
    if flt.outcomes is not None:
        if not flt.outcomes:
            clauses.append("0")
        else:
            values = sorted(Outcome(o).value for o in flt.outcomes)
            clauses.append(f"outcome IN ({', '.join('?' for _ in values)})")
            params.extend(values)
    if flt.profile is not None:
        clauses.append("profile = ?")
        params.append(flt.profile)
    if flt.since is not None:
        clauses.append("started_at >= ?")
        params.append(float(flt.since))
    if flt.until is not None:
        clauses.append("started_at < ?")
        params.append(float(flt.until))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def order(order_by: str, descending: bool) -> str:
    if order_by not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {order_by!r}; expected one of {SORT_COLUMNS}")
    direction = "DESC" if descending else "ASC"
    # Ties: newest/oldest first, then id, so paging with offset never repeats or skips a
    # row (and the (outcome|profile, started_at) indexes serve the whole ORDER BY).
    then = "" if order_by == "started_at" else f", started_at {direction}"
    return f" ORDER BY {order_by} {direction}{then}, id {direction}"


def _outcome(value: object) -> Outcome:
    try:
        return Outcome(str(value))
    except ValueError:
        # Only reachable by editing the file by hand; "needs checking" is the safe reading.
        log.warning("history row with an unrecognised outcome; shown as unknown")
        return Outcome.UNKNOWN


def entry(row: Sequence[Any]) -> HistoryEntry:
    return HistoryEntry(
        id=int(row[0]),
        started_at=float(row[1]),
        ended_at=None if row[2] is None else float(row[2]),
        profile=str(row[3]),
        tier_code=row[4],
        merchant_uid=str(row[5]),
        operator=row[6] or "",  # rows from schema 1 did not record it
        outcome=_outcome(row[7]),
        http_status=row[8],
        code=row[9],
        message=row[10],
        amount=row[11],
        vat=row[12],
        receipt_type=row[13],
        apply_num=row[14],
        receipt_tid=row[15],
        receipt_url=row[16],
        cancelled_at=row[17],
        note=row[18],
    )


_INT64 = range(-(2**63), 2**63)


def _int_or_none(value: int | None) -> int | None:
    """SQLite integers are 64-bit; an absurd server value is dropped, not a failed write."""
    return value if value is None or value in _INT64 else None


def receipt_values(receipt: Receipt) -> tuple[Any, ...]:
    return (
        _int_or_none(receipt.amount),
        _int_or_none(receipt.vat),
        receipt.type,
        receipt.apply_num,
        receipt.receipt_tid,
        receipt.receipt_url,
        _int_or_none(receipt.cancelled_at),
    )
