"""Reconciliation: settling every unknown attempt by a lookup, going on past the ones it cannot."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from iamport_desk.models import Action, HistoryEntry, NoteCode, Outcome, Receipt
from iamport_desk.rules import order_key

if TYPE_CHECKING:
    from iamport_desk.history.store import History

log = logging.getLogger(__name__)

Lookup = Callable[[HistoryEntry], Receipt | None]


@dataclass(frozen=True)
class ReconcileReport:
    """What :meth:`History.reconcile_all` did.

    ``settled``: rows now done (cancelled, or for issue rows issued) or failed.
    ``left``: rows still ``unknown``, each with a note code saying why
    (``other_order``, ``lookup_failed``). ``error``: the last lookup failure, for the
    clerk's sentence. ``stopped``: PortOne could not be reached,
    so the rows after that one were not tried.
    """

    settled: tuple[HistoryEntry, ...] = ()
    left: tuple[HistoryEntry, ...] = ()
    error: BaseException | None = None
    stopped: bool = False


def reconcile_all(
    history: History,
    lookup: Lookup,
    *,
    include: Callable[[HistoryEntry], bool] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ReconcileReport:
    """Settle every ``unknown`` row of ``history`` (of those ``include`` accepts).

    ``lookup`` returns the receipt of the entry's order, None when there is none
    (a 404), or raises an :class:`~iamport_desk.errors.IamportError`. A row that cannot
    be settled (an answer about another order, a failed lookup) stays ``unknown``
    with a note code saying why, and the next row is tried. A NetworkError stops
    the loop: while PortOne cannot be reached every further lookup would only wait
    for its own timeout, and the rows keep their state for the next check. So does
    ``should_stop()`` turning true between rows (the app is closing).
    """
    from iamport_desk.errors import IamportError, NetworkError

    settled: list[HistoryEntry] = []
    left: list[HistoryEntry] = []
    error: BaseException | None = None
    for entry in history.unresolved():
        if include is not None and not include(entry):
            continue
        if should_stop is not None and should_stop():
            return ReconcileReport(tuple(settled), tuple(left), error, stopped=True)
        try:
            receipt = lookup(entry)
        except IamportError as exc:
            error = exc
            left.append(history.leave_unknown(entry, NoteCode.LOOKUP_FAILED))
            if isinstance(exc, NetworkError):
                return ReconcileReport(tuple(settled), tuple(left), error, stopped=True)
            continue
        if receipt is not None and order_key(receipt.merchant_uid) != order_key(entry.merchant_uid):
            log.warning("a reconciliation lookup answered about another order")
            left.append(history.leave_unknown(entry, NoteCode.OTHER_ORDER))
            continue
        settled.append(history.reconcile(entry.id, receipt))
    return ReconcileReport(tuple(settled), tuple(left), error)


def settlement(action: Action, receipt: Receipt | None) -> tuple[Outcome, NoteCode, bool]:
    """How a lookup settles an unknown row of ``action``: (outcome, note code, whether
    the receipt describes the row and replaces its receipt fields)."""
    if action is Action.ISSUE:
        # An active receipt is the one issued; a cancelled one is the receipt it
        # corrects (same order number), which says nothing of this issue.
        if receipt is not None and not receipt.is_cancelled:
            return Outcome.CANCELLED, NoteCode.CONFIRMED_BY_LOOKUP, True
        return Outcome.FAILED, NoteCode.NOT_ISSUED_BY_LOOKUP, False
    if receipt is not None and receipt.is_cancelled:
        return Outcome.CANCELLED, NoteCode.CONFIRMED_BY_LOOKUP, True
    return Outcome.FAILED, NoteCode.NOT_CANCELLED_BY_LOOKUP, True
