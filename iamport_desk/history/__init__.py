"""The audit history store (no Qt), split along its seams.

- :mod:`.store`: the :class:`History` class (writing, recovery, reading, export);
- :mod:`.connection`: opening the file, the error guard, transactions;
- :mod:`.schema`: the schema, its migrations, and the checks before a file is changed;
- :mod:`.unavailable`: :class:`HistoryUnavailable` and the sqlite/OS error mapping;
- :mod:`.instances`: which copies of the app are running (an OS lock per copy);
- :mod:`.location`: whether the file is on a network drive;
- :mod:`.queries`: filters, sort orders, rows to entries;
- :mod:`.reconciliation`: settling unknown rows by lookup, going on past the unsettled;
- :mod:`.notes`: note codes; :mod:`.operator`: the OS account name.
"""

from __future__ import annotations

from iamport_desk.history.queries import NO_FILTER, SORT_COLUMNS, HistoryFilter
from iamport_desk.history.reconciliation import ReconcileReport
from iamport_desk.history.store import (
    NOTE_CONFIRMED,
    NOTE_INTERRUPTED,
    NOTE_NOT_CANCELLED,
    History,
)
from iamport_desk.history.unavailable import HistoryUnavailable, Reason

__all__ = [
    "NOTE_CONFIRMED",
    "NOTE_INTERRUPTED",
    "NOTE_NOT_CANCELLED",
    "NO_FILTER",
    "SORT_COLUMNS",
    "History",
    "HistoryFilter",
    "HistoryUnavailable",
    "Reason",
    "ReconcileReport",
]
