"""The audit history as a lazily loaded Qt table model, read in the background.

The model reads through a :class:`~iamport_desk.ui.history_reader.HistoryReader`, a thread
with its own *read* connection (SQLite's WAL mode lets it read while the API thread
writes): opening, searching and counting never run on the GUI thread. Rows are loaded in
pages of :attr:`HistoryTableModel.PAGE_SIZE` through ``canFetchMore``/``fetchMore``, so a
history of 100,000 attempts opens as fast as one of 200. The cells' texts are made safe
by :mod:`iamport_desk.ui.history_cells`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from iamport_desk.formatting import format_kst_seconds, safe_link
from iamport_desk.history import (
    NO_FILTER,
    HistoryFilter,
)
from iamport_desk.history_export import guard_text
from iamport_desk.jobs import CallResult
from iamport_desk.models import Action, HistoryEntry, ReceiptSource
from iamport_desk.ui.history_cells import (
    COL_AMOUNT,
    COL_APPROVAL,
    COL_MESSAGE,
    COL_OPERATOR,
    COL_ORDER,
    COL_PROFILE,
    COL_REASON,
    COL_TIER,
    COL_URL,
    COLUMNS,
    COPIED_COLUMNS,
    TOOLTIP_LIMIT,
    html_tooltip,
    plain_cell,
)
from iamport_desk.ui.history_reader import HistoryReader
from iamport_desk.ui.words import (
    action_text,
    note_text,
    outcome_text,
    reason_text,
    receipt_source_text,
    won,
)
from iamport_desk.ui.words.history import from_lookup_mark, pair_text

if TYPE_CHECKING:
    from iamport_desk.history import History
    from iamport_desk.service import JobHandle

log = logging.getLogger(__name__)

_CONTEXT: Final = "HistoryTableModel"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which looks for this name) and returns it as it is.

    Defined here because PySide6's own is typed as returning ``object``.
    """
    return text


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


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def full_texts(entry: HistoryEntry) -> list[str]:
    """Every column of ``entry`` as complete text (not shortened, not yet cleaned)."""
    details = [part for part in (entry.message, note_text(entry.note)) if part]
    amount = "" if entry.amount is None else won(entry.amount)
    if amount and entry.receipt_source is ReceiptSource.LOOKUP:
        amount = f"{amount} {from_lookup_mark()}"
    return [
        format_kst_seconds(entry.started_at),
        entry.profile,
        entry.tier_code or "",
        entry.merchant_uid,
        entry.operator,
        outcome_text(entry.outcome, entry.action),
        "" if entry.http_status is None else str(entry.http_status),
        "" if entry.code is None else str(entry.code),
        " \u2014 ".join(details),
        amount,
        entry.apply_num or "",
        entry.receipt_url or "",
        _reason(entry),
        action_text(entry.action),
        _pair(entry),
        f"#{entry.id}",
        entry.api.upper(),
    ]


def _reason(entry: HistoryEntry) -> str:
    if entry.action is Action.ISSUE:
        return ""  # a re-issue has no 취소사유; its cancellation has
    text = reason_text(entry.reason)
    return f"{text}: {entry.reason_note}" if entry.reason_note else text


def _pair(entry: HistoryEntry) -> str:
    other = entry.corrects_id if entry.action is Action.ISSUE else entry.corrected_by
    return pair_text(entry.action, other)


# Columns whose text comes from outside (a server, another program, the clerk).
_FOREIGN_TEXT: Final = frozenset(
    {COL_PROFILE, COL_TIER, COL_ORDER, COL_OPERATOR, COL_MESSAGE, COL_APPROVAL, COL_URL}
)


def row_text(entry: HistoryEntry) -> str:
    """A row as one line of tab-separated plain text (for the clipboard).

    Foreign text that a spreadsheet would take for a formula gets the same leading
    apostrophe as in the CSV export, since the clerk will paste this into Excel.
    """
    cells = (plain_cell(text, TOOLTIP_LIMIT) for text in full_texts(entry)[:COPIED_COLUMNS])
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
        entry.reason,
        entry.action.value,
        entry.corrects_id if entry.action is Action.ISSUE else entry.corrected_by,
        entry.id,
        entry.api,
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
            long_text = column in (COL_MESSAGE, COL_URL, COL_ORDER, COL_REASON) or cell != text
            tooltips.append(
                html_tooltip(plain_cell(text, TOOLTIP_LIMIT)) if text and long_text else None
            )
        if self.entry.receipt_source is not None:
            # Where the amount and 승인번호 came from (the lookup before the request, or the
            # answer): a failed row's figures are the lookup's.
            source = html_tooltip(receipt_source_text(self.entry.receipt_source))
            for column in (COL_AMOUNT, COL_APPROVAL):
                if cells[column]:
                    tooltips[column] = source
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


@dataclass(frozen=True)
class _Page:
    """What one background load found."""

    entries: list[HistoryEntry]
    matching: int
    total: int
    profiles: list[str] | None


class HistoryTableModel(QAbstractTableModel):
    """The filtered, sorted audit history, loaded a page at a time in the background.

    Nothing is read until :meth:`reload` is called (``set_filter`` and ``sort`` read
    again only when they change something). A load runs on the reader thread; until it
    has come back the model keeps showing what it had (``loading`` is True), and a newer
    load makes an older one's answer moot. Errors reading the file never raise out of
    Qt's calls into the model: the model shows what it has and emits ``failed``.

    Signals:
        totals_changed(int, int): rows matching the filter, rows in the whole history;
            emitted after every (re)load.
        failed(object): the history could not be read (a ``HistoryUnavailable``).
        loaded(): a (re)load or a further page has been applied; ``loading`` may now be
            False.
        profiles_loaded(list): the profile names found in the history (``list[str]``),
            after a reload that asked for them.
    """

    totals_changed = Signal(int, int)
    failed = Signal(object)
    loaded = Signal()
    profiles_loaded = Signal(list)

    PAGE_SIZE: Final = 200
    # A refresh keeps at most this many rows loaded (reading 100,000 again would take long).
    KEEP_LOADED_MAX: Final = 2000

    def __init__(
        self, history_path: Path, parent: Any = None, *, reader: HistoryReader | None = None
    ) -> None:
        super().__init__(parent)
        self._path = Path(history_path)
        self._reader = reader if reader is not None else HistoryReader(self._path, self)
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
        self._load_seq = 0  # the newest load; older answers are dropped
        self._loads_in_flight = 0
        self._fetching = False

    # ---- the connection ----------------------------------------------------------

    def close(self) -> None:
        """Release the read connection (reopened by the next :meth:`reload`)."""
        self._reader.close()
        self._load_seq += 1  # whatever was in flight is dropped
        self._loads_in_flight = 0
        self._fetching = False

    # ---- state -------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """True while a load or a further page is being read."""
        return self._loads_in_flight > 0 or self._fetching

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

    def reload(
        self,
        *,
        keep_loaded: bool = False,
        flt: HistoryFilter | None = None,
        with_profiles: bool = False,
    ) -> None:
        """Read the history again from the top (it may have changed), with ``flt`` if given.

        ``keep_loaded`` loads as many rows as are loaded now, up to
        :attr:`KEEP_LOADED_MAX` (so a refresh after a write does not throw away the
        rows the user scrolled to); it is ignored when the filter changes.
        ``with_profiles`` also reads the profile names (``profiles_loaded``).
        """
        if flt is not None and flt != self._filter:
            self._filter = flt
            keep_loaded = False
        want = self.PAGE_SIZE
        if keep_loaded:
            pages = max(1, -(-len(self._rows) // self.PAGE_SIZE))
            want = min(pages * self.PAGE_SIZE, self.KEEP_LOADED_MAX)
        self._load(want, recount_total=True, with_profiles=with_profiles)

    def _load(self, want: int, *, recount_total: bool, with_profiles: bool = False) -> None:
        self._load_seq += 1
        seq = self._load_seq
        self._fetching = False  # a page asked for before this load is moot
        flt, order_by, descending = self._filter, self._order_by, self._descending
        known_total = self._total if self._total_known and not recount_total else None

        def read(history: History) -> _Page:
            entries = history.query(
                flt, order_by=order_by, descending=descending, offset=0, limit=want
            )
            # A short first page is the whole answer: no second scan to count it.
            matching = len(entries) if len(entries) < want else history.count(flt)
            if flt == NO_FILTER:
                total = matching
            elif known_total is None:
                total = history.count()
            else:
                total = known_total
            names = history.profiles() if with_profiles else None
            return _Page(entries, matching, total, names)

        self._loads_in_flight += 1
        handle = self._reader.read("history page", read)
        handle.done.connect(lambda result: self._on_loaded(seq, want, result))

    def _on_loaded(self, seq: int, want: int, result: CallResult) -> None:
        self._loads_in_flight = max(0, self._loads_in_flight - 1)
        if seq != self._load_seq:
            return  # a newer load is on its way
        page = result.value if isinstance(result.value, _Page) else None
        if page is None:
            self._total_known = False
            page = _Page([], 0, 0, None)
        else:
            self._total_known = True
        self.beginResetModel()
        self._rows = [_Row(entry) for entry in page.entries]
        self._ids = {row.entry.id for row in self._rows}
        self._next_offset = len(page.entries)
        self._more = len(page.entries) == want
        self._matching, self._total = page.matching, page.total
        self.endResetModel()
        if page.profiles is not None:
            self.profiles_loaded.emit(page.profiles)
        self.totals_changed.emit(page.matching, page.total)
        if result.error is not None:
            self.failed.emit(result.error)
        self.loaded.emit()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self.loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self.loading:
            return
        seq = self._load_seq
        flt, order_by, descending = self._filter, self._order_by, self._descending
        offset, limit = self._next_offset, self.PAGE_SIZE

        def read(history: History) -> list[HistoryEntry]:
            return history.query(
                flt, order_by=order_by, descending=descending, offset=offset, limit=limit
            )

        self._fetching = True
        handle = self._reader.read("history page", read)
        handle.done.connect(lambda result: self._on_fetched(seq, result))

    def _on_fetched(self, seq: int, result: CallResult) -> None:
        if seq != self._load_seq or not self._fetching:
            return  # the table was loaded anew meanwhile
        self._fetching = False
        if not isinstance(result.value, list):
            self._more = False
            if result.error is not None:
                self.failed.emit(result.error)
            self.loaded.emit()
            return
        entries: list[HistoryEntry] = result.value
        self._more = len(entries) == self.PAGE_SIZE
        self._next_offset += len(entries)
        # Rows written since the first page shift the offsets by one or more: the raw
        # offset never skips a row, and a row seen already is not shown twice.
        new = [_Row(entry) for entry in entries if entry.id not in self._ids]
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self._ids.update(row.entry.id for row in new)
            self.endInsertRows()
        self.loaded.emit()

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

    def read(self, what: str, read: Callable[[History], object]) -> JobHandle:
        """Run ``read(history)`` on the model's reader thread (a report's rows, say)."""
        return self._reader.read(what, read)

    def entries(self) -> Sequence[HistoryEntry]:
        """The rows loaded so far (for tests and the copy action)."""
        return [row.entry for row in self._rows]

    def link(self, row: int) -> str | None:
        """The receipt link of ``row`` if it may be opened, else None."""
        entry = self.entry(row)
        return None if entry is None else safe_link(entry.receipt_url)
