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
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from iamport_desk.formatting import elide, format_kst_seconds, safe_link
from iamport_desk.history import (
    NO_FILTER,
    SORT_COLUMNS,
    History,
    HistoryFilter,
    HistoryUnavailable,
)
from iamport_desk.history_export import guard_text
from iamport_desk.models import HistoryEntry
from iamport_desk.ui.main_window import outcome_label
from iamport_desk.ui.receipt_view import won
from iamport_desk.ui.words import note_text

log = logging.getLogger(__name__)

_CONTEXT: Final = "HistoryTableModel"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which looks for this name) and returns it as it is.

    Defined here because PySide6's own is typed as returning ``object``.
    """
    return text


# Cells are shortened to this many characters; tooltips show up to TOOLTIP_LIMIT.
CELL_LIMIT: Final = 200
TOOLTIP_LIMIT: Final = 2000

# Unicode controls that reorder or hide text (a "Trojan source" order number could
# otherwise look like another one). C0/C1 controls are handled separately.
_BIDI_AND_INVISIBLE: Final = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)

_RIGHT: Final = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROW_FLAGS: Final = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)

# The raw value of a cell (an int for amounts and status codes), for sorting or tests.
SortRole: Final = int(Qt.ItemDataRole.UserRole) + 1

_DISPLAY: Final = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE: Final = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP: Final = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT: Final = int(Qt.ItemDataRole.TextAlignmentRole)
_ROLES: Final = frozenset({_DISPLAY, _ACCESSIBLE, _TOOLTIP, _ALIGNMENT, SortRole})


_CLEAN_TABLE: Final = {
    **{code: " " for code in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)},
    **{ord(ch): None for ch in _BIDI_AND_INVISIBLE},
}


def plain_cell(text: str | None, limit: int = CELL_LIMIT) -> str:
    """Untrusted text as one line of plain text, at most ``limit`` characters."""
    if not text:
        return ""
    # Cut first (a megabyte of server text is not worth cleaning), then clean.
    cut = len(text) > limit * 2
    cleaned = text[: limit * 2].translate(_CLEAN_TABLE).strip()
    if cut and len(cleaned) < limit:
        cleaned += "…"
    return elide(cleaned, limit)


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

(
    COL_STARTED,
    COL_PROFILE,
    COL_TIER,
    COL_ORDER,
    COL_OPERATOR,
    COL_OUTCOME,
    COL_STATUS,
    COL_CODE,
    COL_MESSAGE,
    COL_AMOUNT,
    COL_APPROVAL,
    COL_URL,
) = range(len(COLUMNS))

assert all(c.sort_key is None or c.sort_key in SORT_COLUMNS for c in COLUMNS)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


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
        "" if entry.amount is None else won(entry.amount),
        entry.apply_num or "",
        entry.receipt_url or "",
    ]


# Columns whose text comes from outside (a server, another program, the clerk).
_FOREIGN_TEXT: Final = frozenset(
    {COL_PROFILE, COL_TIER, COL_ORDER, COL_OPERATOR, COL_MESSAGE, COL_APPROVAL, COL_URL}
)


def row_text(entry: HistoryEntry) -> str:
    """A row as one line of tab-separated plain text (for the clipboard).

    Foreign text that a spreadsheet would take for a formula gets the same leading
    apostrophe as in the CSV export, since the clerk will paste this into Excel.
    """
    cells = (plain_cell(text, TOOLTIP_LIMIT) for text in full_texts(entry))
    return "\t".join(
        guard_text(cell) if column in _FOREIGN_TEXT else cell for column, cell in enumerate(cells)
    )


def _raw_values(entry: HistoryEntry) -> tuple[Any, ...]:
    return (
        entry.started_at,
        entry.profile,
        entry.tier_code,
        entry.merchant_uid,
        entry.operator,
        entry.outcome.value,
        entry.http_status,
        entry.code,
        entry.message,
        entry.amount,
        entry.apply_num,
        entry.receipt_url,
    )


class _Row:
    """One loaded attempt; its texts are made the first time the view asks for them
    (a page holds 200 rows, a screen shows about 30)."""

    __slots__ = ("_cells", "_tooltips", "entry")

    def __init__(self, entry: HistoryEntry) -> None:
        self.entry = entry
        self._cells: tuple[str, ...] | None = None
        self._tooltips: tuple[str | None, ...] = ()

    def _render(self) -> tuple[str, ...]:
        texts = full_texts(self.entry)
        cells = tuple(plain_cell(text) for text in texts)
        tooltips: list[str | None] = []
        for column, (text, cell) in enumerate(zip(texts, cells, strict=True)):
            long_text = column in (COL_MESSAGE, COL_URL, COL_ORDER) or cell != text
            tooltips.append(
                html_tooltip(plain_cell(text, TOOLTIP_LIMIT)) if text and long_text else None
            )
        self._cells, self._tooltips = cells, tuple(tooltips)
        return cells

    @property
    def cells(self) -> tuple[str, ...]:
        return self._cells if self._cells is not None else self._render()

    @property
    def tooltips(self) -> tuple[str | None, ...]:
        if self._cells is None:
            self._render()
        return self._tooltips


class HistoryTableModel(QAbstractTableModel):
    """The filtered, sorted audit history, loaded a page at a time.

    Nothing is read until :meth:`reload` is called (``set_filter`` and ``sort`` read
    again only when they change something). Errors reading the file never
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
    # A refresh keeps at most this many rows loaded (reading 100,000 again would freeze).
    KEEP_LOADED_MAX: Final = 2000

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
        self._total_known = False

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
            self._load(self.PAGE_SIZE, recount_total=False)

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.sort_key == self._order_by)

    # ---- loading -----------------------------------------------------------------

    def reload(self, *, keep_loaded: bool = False, flt: HistoryFilter | None = None) -> None:
        """Read the history again from the top (it may have changed), with ``flt`` if given.

        ``keep_loaded`` loads as many rows as are loaded now, up to
        :attr:`KEEP_LOADED_MAX` (so a refresh after a write does not throw away the
        rows the user scrolled to); it is ignored when the filter changes.
        """
        if flt is not None and flt != self._filter:
            self._filter = flt
            keep_loaded = False
        want = self.PAGE_SIZE
        if keep_loaded:
            pages = max(1, -(-len(self._rows) // self.PAGE_SIZE))
            want = min(pages * self.PAGE_SIZE, self.KEEP_LOADED_MAX)
        self._load(want, recount_total=True)

    def _load(self, want: int, *, recount_total: bool) -> None:
        error: HistoryUnavailable | None = None
        try:
            history = self._open()
            entries = history.query(
                self._filter,
                order_by=self._order_by,
                descending=self._descending,
                offset=0,
                limit=want,
            )
            # A short first page is the whole answer: no second scan to count it.
            matching = len(entries) if len(entries) < want else history.count(self._filter)
            if self._filter == NO_FILTER:
                total = matching
            elif recount_total or not self._total_known:
                total = history.count()
            else:
                total = self._total
            self._total_known = True
        except HistoryUnavailable as exc:
            error = exc
            matching, total, entries = 0, 0, []
            self._total_known = False
        self.beginResetModel()
        self._rows = [_Row(entry) for entry in entries]
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
            entries = self._open().query(
                self._filter,
                order_by=self._order_by,
                descending=self._descending,
                offset=self._next_offset,
                limit=self.PAGE_SIZE,
            )
        except HistoryUnavailable as exc:
            self._more = False
            self.failed.emit(exc)
            return
        self._more = len(entries) == self.PAGE_SIZE
        self._next_offset += len(entries)
        # Rows written since the first page shift the offsets by one or more: the raw
        # offset never skips a row, and a row seen already is not shown twice.
        new = [_Row(entry) for entry in entries if entry.id not in self._ids]
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

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Called for every role of every visible cell on each paint: unknown roles first.
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        row_number, column = index.row(), index.column()
        if not 0 <= row_number < len(self._rows):
            return None
        row = self._rows[row_number]
        if role in (_DISPLAY, _ACCESSIBLE):
            return row.cells[column]
        if role == _TOOLTIP:
            return row.tooltips[column]
        if role == _ALIGNMENT:
            return _RIGHT if COLUMNS[column].numeric else None
        return _raw_values(row.entry)[column]  # SortRole

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(column.title)
        if role == Qt.ItemDataRole.ToolTipRole and column.sort_key is None:
            return html_tooltip(
                QCoreApplication.translate("HistoryTableModel", "This column cannot be sorted.")
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return _RIGHT
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

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
        self._load(self.PAGE_SIZE, recount_total=False)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column].sort_key is not None

    def entries(self) -> Sequence[HistoryEntry]:
        """The rows loaded so far (for tests and the copy action)."""
        return [row.entry for row in self._rows]

    def link(self, row: int) -> str | None:
        """The receipt link of ``row`` if it may be opened, else None."""
        entry = self.entry(row)
        return None if entry is None else safe_link(entry.receipt_url)
