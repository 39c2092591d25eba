"""The audit history as a lazily loaded Qt table model.

The model owns its own *read* connection to the history file, opened on the GUI
thread: SQLite's WAL mode lets it read while the API thread writes. Rows are loaded in
pages of :attr:`HistoryTableModel.PAGE_SIZE` through ``canFetchMore``/``fetchMore``,
so a history of 100,000 attempts opens as fast as one of 200.

Everything in a row may come from a server (messages) or from another program writing
the same file, so every cell is plain text, stripped of control and bidirectional
formatting characters and shortened to a sane length; tooltips are escaped HTML.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from iamport_desk.formatting import elide, format_kst_seconds, format_won, safe_link
from iamport_desk.history import (
    NO_FILTER,
    NOTE_CONFIRMED,
    NOTE_INTERRUPTED,
    NOTE_NOT_CANCELLED,
    SORT_COLUMNS,
    History,
    HistoryFilter,
    HistoryUnavailable,
)
from iamport_desk.models import HistoryEntry
from iamport_desk.ui.main_window import outcome_label

log = logging.getLogger(__name__)

_CONTEXT: Final = "HistoryTableModel"

# Cells are shortened to this many characters; tooltips show up to TOOLTIP_LIMIT.
CELL_LIMIT: Final = 200
TOOLTIP_LIMIT: Final = 2000

# Unicode controls that reorder or hide text (a "Trojan source" order number could
# otherwise look like another one). C0/C1 controls are handled separately.
_BIDI_AND_INVISIBLE: Final = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)

# The raw value of a cell (an int for amounts and status codes), for sorting or tests.
SortRole: Final = Qt.ItemDataRole.UserRole + 1


def plain_cell(text: str | None, limit: int = CELL_LIMIT) -> str:
    """Untrusted text as one line of plain text, at most ``limit`` characters."""
    if not text:
        return ""
    cleaned = "".join(
        " " if (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029")
        else ("" if ch in _BIDI_AND_INVISIBLE else ch)
        for ch in text
    )
    return elide(cleaned.strip(), limit)


def html_tooltip(text: str) -> str:
    """A tooltip that Qt can never render as markup from the text itself.

    QToolTip guesses rich text with ``Qt::mightBeRichText``; escaping the text and
    wrapping it in ``<qt>`` makes the guess certain and the content inert.
    """
    return "<qt>" + html.escape(text, quote=False) + "</qt>"


@dataclass(frozen=True)
class Column:
    title: str  # untranslated source text (context "HistoryTableModel")
    sort_key: str | None  # a History.SORT_COLUMNS key, or None: not sortable
    numeric: bool = False  # right-aligned


COLUMNS: Final[tuple[Column, ...]] = (
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Started (KST)"), "started_at"),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Profile"), "profile"),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Tier"), "tier_code"),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Order number"), "merchant_uid"),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Operator"), "operator"),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Outcome"), "outcome"),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "HTTP status"), None, numeric=True),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Code"), None, numeric=True),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Message"), None),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Amount"), "amount", numeric=True),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Approval number"), None),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Receipt link"), None),
)

(COL_STARTED, COL_PROFILE, COL_TIER, COL_ORDER, COL_OPERATOR, COL_OUTCOME, COL_STATUS,
 COL_CODE, COL_MESSAGE, COL_AMOUNT, COL_APPROVAL, COL_URL) = range(len(COLUMNS))

assert all(c.sort_key is None or c.sort_key in SORT_COLUMNS for c in COLUMNS)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def note_text(note: str | None) -> str:
    """The history's own notes in the user's language; anything else as it is."""
    known = {
        NOTE_INTERRUPTED: QT_TRANSLATE_NOOP(
            "HistoryTableModel", "Interrupted (the app closed or crashed)"),
        NOTE_CONFIRMED: QT_TRANSLATE_NOOP("HistoryTableModel", "Confirmed by lookup"),
        NOTE_NOT_CANCELLED: QT_TRANSLATE_NOOP(
            "HistoryTableModel", "Not cancelled (checked by lookup)"),
    }
    if not note:
        return ""
    return _tr(known[note]) if note in known else note


def full_texts(entry: HistoryEntry) -> list[str]:
    """Every column of ``entry`` as complete text (not shortened, not yet cleaned)."""
    details = [part for part in (entry.message, note_text(entry.note)) if part]
    return [
        format_kst_seconds(entry.started_at),
        entry.profile,
        entry.tier_code or "",
        entry.merchant_uid,
        entry.operator,
        outcome_label(entry.outcome),
        "" if entry.http_status is None else str(entry.http_status),
        "" if entry.code is None else str(entry.code),
        " \u2014 ".join(details),
        "" if entry.amount is None else format_won(entry.amount, _tr("won")),
        entry.apply_num or "",
        entry.receipt_url or "",
    ]


def row_text(entry: HistoryEntry) -> str:
    """A row as one line of tab-separated plain text (for the clipboard)."""
    return "\t".join(plain_cell(text, TOOLTIP_LIMIT) for text in full_texts(entry))


def _raw_values(entry: HistoryEntry) -> tuple[Any, ...]:
    return (
        entry.started_at, entry.profile, entry.tier_code, entry.merchant_uid, entry.operator,
        entry.outcome.value, entry.http_status, entry.code, entry.message, entry.amount,
        entry.apply_num, entry.receipt_url,
    )


@dataclass(frozen=True)
class _Row:
    entry: HistoryEntry
    cells: tuple[str, ...]  # what the table shows
    tooltips: tuple[str | None, ...]


def _make_row(entry: HistoryEntry) -> _Row:
    texts = full_texts(entry)
    cells = tuple(plain_cell(text) for text in texts)
    tooltips: list[str | None] = []
    for column, (text, cell) in enumerate(zip(texts, cells, strict=True)):
        long_text = column in (COL_MESSAGE, COL_URL, COL_ORDER) or cell != text
        tooltips.append(html_tooltip(plain_cell(text, TOOLTIP_LIMIT))
                        if text and long_text else None)
    return _Row(entry, cells, tuple(tooltips))


class HistoryTableModel(QAbstractTableModel):
    """The filtered, sorted audit history, loaded a page at a time.

    Nothing is read until :meth:`reload` is called. Errors reading the file never
    raise out of Qt's calls into the model: the model shows what it has and emits
    ``failed``.

    Signals:
        totals_changed(int, int): rows matching the filter, rows in the whole history;
            emitted after every (re)load.
        failed(object): the history could not be read (a ``HistoryUnavailable``).
    """

    totals_changed = Signal(int, int)
    failed = Signal(object)

    PAGE_SIZE: Final = 200

    def __init__(self, history_path: Path, parent: Any = None) -> None:
        super().__init__(parent)
        self._path = Path(history_path)
        self._history: History | None = None
        self._rows: list[_Row] = []
        self._ids: set[int] = set()
        self._next_offset = 0
        self._more = False
        self._filter: HistoryFilter = NO_FILTER
        self._order_by = "started_at"
        self._descending = True
        self._matching = 0
        self._total = 0

    # ---- the connection ----------------------------------------------------------

    def _open(self) -> History:
        if self._history is None:
            self._history = History(self._path)
        return self._history

    def close(self) -> None:
        """Release the read connection (reopened by the next :meth:`reload`)."""
        if self._history is not None:
            history, self._history = self._history, None
            try:
                history.close()
            except Exception:  # closing must never be what breaks the window
                log.exception("could not close the history's read connection")

    def profiles(self) -> list[str]:
        """Profile names found in the history (empty if it cannot be read)."""
        try:
            return self._open().profiles()
        except HistoryUnavailable as exc:
            self.failed.emit(exc)
            return []

    # ---- state -------------------------------------------------------------------

    @property
    def filter(self) -> HistoryFilter:
        return self._filter

    @property
    def order_by(self) -> str:
        return self._order_by

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def matching(self) -> int:
        """Rows that match the filter (loaded or not)."""
        return self._matching

    @property
    def total(self) -> int:
        """Rows in the whole history."""
        return self._total

    def entry(self, row: int) -> HistoryEntry | None:
        return self._rows[row].entry if 0 <= row < len(self._rows) else None

    def row_of(self, entry_id: int) -> int | None:
        if entry_id not in self._ids:
            return None
        return next(i for i, row in enumerate(self._rows) if row.entry.id == entry_id)

    def set_filter(self, flt: HistoryFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.sort_key == self._order_by)

    # ---- loading -----------------------------------------------------------------

    def reload(self, *, keep_loaded: bool = False) -> None:
        """Query again from the top.

        ``keep_loaded`` loads as many rows as are loaded now (so a refresh after a
        write does not throw away the rows the user scrolled to).
        """
        want = self.PAGE_SIZE
        if keep_loaded:
            pages = max(1, -(-len(self._rows) // self.PAGE_SIZE))
            want = pages * self.PAGE_SIZE
        error: HistoryUnavailable | None = None
        try:
            history = self._open()
            matching = history.count(self._filter)
            total = matching if self._filter == NO_FILTER else history.count()
            entries = history.query(self._filter, order_by=self._order_by,
                                    descending=self._descending, offset=0, limit=want)
        except HistoryUnavailable as exc:
            error = exc
            matching, total, entries = 0, 0, []
        self.beginResetModel()
        self._rows = [_make_row(entry) for entry in entries]
        self._ids = {row.entry.id for row in self._rows}
        self._next_offset = len(entries)
        self._more = len(entries) == want
        self._matching, self._total = matching, total
        self.endResetModel()
        self.totals_changed.emit(matching, total)
        if error is not None:
            self.failed.emit(error)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        try:
            entries = self._open().query(self._filter, order_by=self._order_by,
                                         descending=self._descending,
                                         offset=self._next_offset, limit=self.PAGE_SIZE)
        except HistoryUnavailable as exc:
            self._more = False
            self.failed.emit(exc)
            return
        self._more = len(entries) == self.PAGE_SIZE
        self._next_offset += len(entries)
        # Rows written since the first page shift the offsets by one or more: the raw
        # offset never skips a row, and a row seen already is not shown twice.
        new = [_make_row(entry) for entry in entries if entry.id not in self._ids]
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._rows.extend(new)
        self._ids.update(row.entry.id for row in new)
        self.endInsertRows()

    # ---- QAbstractTableModel -------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltips[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[column].numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.cells[column]
        if role == SortRole:
            return _raw_values(row.entry)[column]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(column.title)
        if role == Qt.ItemDataRole.ToolTipRole and column.sort_key is None:
            return html_tooltip(_tr("This column cannot be sorted."))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column the history can sort by; other columns are ignored."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._order_by, self._descending):
            return
        self._order_by, self._descending = key, descending
        self.reload()

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column].sort_key is not None

    def entries(self) -> Sequence[HistoryEntry]:
        """The rows loaded so far (for tests and the copy action)."""
        return [row.entry for row in self._rows]

    def link(self, row: int) -> str | None:
        """The receipt link of ``row`` if it may be opened, else None."""
        entry = self.entry(row)
        return None if entry is None else safe_link(entry.receipt_url)
