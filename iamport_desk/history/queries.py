"""The SQL the history reads with: filters, sort orders, and rows turned into entries."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from iamport_desk.models import (
    API_KINDS,
    Action,
    ApiKind,
    CancelReason,
    HistoryEntry,
    Outcome,
    Receipt,
    ReceiptSource,
)
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
    actions: frozenset[Action] | None = None  # None: any; empty: nothing
    # None: any; empty: nothing. A None inside selects rows without a reason
    # ("not recorded": rows before schema 4, and issue rows).
    reasons: frozenset[CancelReason | None] | None = None


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
    "receipt_url, cancelled_at, note, action, reason, reason_note, receipt_source, "
    "applied_at, corrects_id, corrected_by, identifier_masked, api, idempotency_key, "
    "error_type, pg_code, pg_message"
)

# The receipt's fields and where they came from (receipt_values() gives the values).
RECEIPT_SET: Final = (
    ", amount = ?, vat = ?, receipt_type = ?, apply_num = ?, receipt_tid = ?, "
    "receipt_url = ?, cancelled_at = ?, applied_at = ?, receipt_source = ?"
)
RECEIPT_COLUMNS: Final = (
    "amount, vat, receipt_type, apply_num, receipt_tid, receipt_url, cancelled_at, "
    "applied_at, receipt_source"
)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# A search that the trigram index narrows to fewer rows than this goes through it; a
# broader one (half the history contains "2026") reads the table in display order, which
# finds a page of matches at once (the index would first collect every match).
SELECTIVE_BELOW: Final = 2000
# The trigram index answers patterns of 3 characters or more, without wildcards of their own.
_MIN_INDEXED: Final = 3


def search_pattern(flt: HistoryFilter) -> str | None:
    """The trigram-index pattern for ``flt.text``, or None when the index cannot serve it."""
    key = order_key(flt.text.strip())
    if len(key) < _MIN_INDEXED or any(c in key for c in "%_\\"):
        return None
    return f"%{key}%"


# How many rows (up to the limit given) the trigram index finds for a pattern.
PROBE: Final = (
    "SELECT COUNT(*) FROM (SELECT rowid FROM attempts_search WHERE order_key LIKE ? LIMIT ?)"
)


def where(flt: HistoryFilter, *, indexed: str | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause of ``flt``; ``indexed`` (a search_pattern) narrows by the index."""
    clauses: list[str] = []
    params: list[Any] = []
    text = flt.text.strip()
    if indexed is not None:
        clauses.append("id IN (SELECT rowid FROM attempts_search WHERE order_key LIKE ?)")
        params.append(indexed)
    if text:
        # The stored key is NFC, so the typed text is too: either spelling finds both.
        clauses.append("order_key LIKE ? ESCAPE '\\'")  # the user's text is literal
        params.append(f"%{_escape_like(order_key(text))}%")
    if flt.outcomes is not None:
        _one_of(clauses, params, "outcome", sorted(Outcome(o).value for o in flt.outcomes))
    if flt.profile is not None:
        clauses.append("profile = ?")
        params.append(flt.profile)
    if flt.since is not None:
        clauses.append("started_at >= ?")
        params.append(float(flt.since))
    if flt.until is not None:
        clauses.append("started_at < ?")
        params.append(float(flt.until))
    if flt.actions is not None:
        _one_of(clauses, params, "action", sorted(Action(a).value for a in flt.actions))
    if flt.reasons is not None:
        reasons = sorted(int(CancelReason(r)) for r in flt.reasons if r is not None)
        tests = ["reason IS NULL"] if None in flt.reasons else []
        if reasons:
            tests.append(f"reason IN ({', '.join('?' for _ in reasons)})")
            params.extend(reasons)
        clauses.append(f"({' OR '.join(tests)})" if tests else "0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _one_of(clauses: list[str], params: list[Any], column: str, values: Sequence[Any]) -> None:
    """``column IN (values)``; no values select nothing. ``column`` is a constant name."""
    if not values:
        clauses.append("0")
        return
    clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
    params.extend(values)


def order(order_by: str, descending: bool) -> str:
    if order_by not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {order_by!r}; expected one of {SORT_COLUMNS}")
    direction = "DESC" if descending else "ASC"
    # Ties: newest/oldest first, then id, so paging with offset never repeats or skips a
    # row (and the (outcome|profile, started_at) indexes serve the whole ORDER BY).
    then = "" if order_by == "started_at" else f", started_at {direction}"
    return f" ORDER BY {order_by} {direction}{then}, id {direction}"


_OUTCOMES: Final[dict[object, Outcome]] = {o.value: o for o in Outcome}


def _outcome(value: object) -> Outcome:
    known = _OUTCOMES.get(value)
    if known is not None:
        return known  # a dict lookup: Outcome(value) costs more in a 100,000-row export
    try:
        return Outcome(str(value))
    except ValueError:
        # Only reachable by editing the file by hand; "needs checking" is the safe reading.
        log.warning("history row with an unrecognised outcome; shown as unknown")
        return Outcome.UNKNOWN


_ACTIONS: Final[dict[object, Action]] = {a.value: a for a in Action}
_REASONS: Final[dict[object, CancelReason]] = {int(r): r for r in CancelReason}
_SOURCES: Final[dict[object, ReceiptSource]] = {s.value: s for s in ReceiptSource}
_APIS: Final[dict[object, ApiKind]] = {kind: kind for kind in API_KINDS}


def _action(value: object) -> Action:
    known = _ACTIONS.get(value)
    if known is None:
        # A hand-edited file: a cancellation is what every row was before issue rows.
        log.warning("history row with an unrecognised action; shown as a cancellation")
        return Action.CANCEL
    return known


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
        action=_action(row[19]),
        reason=_REASONS.get(row[20]),  # NULL (or a number no version wrote): not recorded
        reason_note=row[21],
        receipt_source=_SOURCES.get(row[22]),
        applied_at=row[23],
        corrects_id=row[24],
        corrected_by=row[25],
        identifier_masked=row[26],
        api=_APIS.get(row[27], "v1"),
        idempotency_key=row[28],
        error_type=row[29],
        pg_code=row[30],
        pg_message=row[31],
    )


class ExportedRow:
    """A row read for an export: the fields of HistoryEntry, without its frozen-dataclass
    construction (ten times the cost, most of a 100,000-row export's reading time)."""

    __slots__ = (
        "action",
        "amount",
        "api",
        "applied_at",
        "apply_num",
        "cancelled_at",
        "code",
        "corrected_by",
        "corrects_id",
        "ended_at",
        "error_type",
        "http_status",
        "id",
        "idempotency_key",
        "identifier_masked",
        "merchant_uid",
        "message",
        "note",
        "operator",
        "outcome",
        "pg_code",
        "pg_message",
        "profile",
        "reason",
        "reason_note",
        "receipt_source",
        "receipt_tid",
        "receipt_type",
        "receipt_url",
        "started_at",
        "tier_code",
        "vat",
    )

    def __init__(self, row: Sequence[Any]) -> None:
        (
            self.id,
            self.started_at,
            self.ended_at,
            self.profile,
            self.tier_code,
            self.merchant_uid,
            operator,
            outcome,
            self.http_status,
            self.code,
            self.message,
            self.amount,
            self.vat,
            self.receipt_type,
            self.apply_num,
            self.receipt_tid,
            self.receipt_url,
            self.cancelled_at,
            self.note,
            action,
            reason,
            self.reason_note,
            source,
            self.applied_at,
            self.corrects_id,
            self.corrected_by,
            self.identifier_masked,
            api,
            self.idempotency_key,
            self.error_type,
            self.pg_code,
            self.pg_message,
        ) = row
        self.operator: str = operator or ""
        self.outcome: Outcome = _outcome(outcome)
        self.action: Action = _ACTIONS.get(action) or _action(action)
        self.reason: CancelReason | None = _REASONS.get(reason)
        self.receipt_source: ReceiptSource | None = _SOURCES.get(source)
        self.api: ApiKind = _APIS.get(api, "v1")


_INT64 = range(-(2**63), 2**63)


def _int_or_none(value: int | None) -> int | None:
    """SQLite integers are 64-bit; an absurd server value is dropped, not a failed write."""
    return value if value is None or value in _INT64 else None


def receipt_values(receipt: Receipt, source: ReceiptSource) -> tuple[Any, ...]:
    """The values of :data:`RECEIPT_SET` / :data:`RECEIPT_COLUMNS`, in their order."""
    return (
        _int_or_none(receipt.amount),
        _int_or_none(receipt.vat),
        receipt.type,
        receipt.apply_num,
        receipt.receipt_tid,
        receipt.receipt_url,
        _int_or_none(receipt.cancelled_at),
        _int_or_none(receipt.applied_at),
        ReceiptSource(source).value,
    )
