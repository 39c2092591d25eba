"""CSV export of the audit history, shaped for Excel and for an auditor.

Kept apart from :mod:`iamport_desk.history` so the storage code does not grow
presentation rules. Rows are streamed (an iterable, never a list) and written to a
temporary file that replaces the destination only when complete, so a failed export
never leaves a half-written file that looks like a real one.

:func:`entry_values` is the one mapping from a row to its cells, as typed values in
the order of :data:`EXPORT_COLUMNS`, each column with a :class:`CellKind` (identifiers
as text, amounts as numbers, times as UNIX seconds): the CSV writer formats them here,
and an .xlsx writer can write the same values with a cell format per kind.
"""

from __future__ import annotations

import contextlib
import csv
import enum
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final, Protocol, TypedDict

from iamport_desk.atomic_files import replace_with_retry
from iamport_desk.formatting import KST
from iamport_desk.models import Action, ApiKind, CancelReason, Outcome, ReceiptSource

# The columns of exports before schema 4, in their order; the new ones follow them. The
# defaults are codes, not words: the words the clerk reads are chosen by ui.words (headers,
# outcomes, types, reasons, notes, in the clerk's language) and passed in; a caller that passes
# none (a script, a benchmark) gets a file another program can read by these names.
LEGACY_HEADERS: tuple[str, ...] = (
    "started_at",
    "ended_at",
    "profile",
    "tier_code",
    "merchant_uid",
    "operator",
    "outcome",
    "http_status",
    "code",
    "message",
    "amount",
    "vat",
    "receipt_type",
    "apply_num",
    "receipt_tid",
    "receipt_url",
    "cancelled_at",
    "note",
)
RECORD_HEADERS: tuple[str, ...] = (
    "id",
    "action",
    "reason",
    "reason_note",
    "linked_id",
    "receipt_source",
    "applied_at",
    "api",
    "identifier_masked",
    "error_type",
    "pg_code",
    "pg_message",
)
DEFAULT_HEADERS: tuple[str, ...] = LEGACY_HEADERS + RECORD_HEADERS


class CellKind(enum.StrEnum):
    """What a column holds, so every writer formats it the same way."""

    TEXT = "text"  # words; guarded against formula injection
    IDENTIFIER = "identifier"  # digits that are not a number: kept as text, zeros and all
    AMOUNT = "amount"  # won, an integer
    NUMBER = "number"  # a count or a code (HTTP status, row id)
    TIME = "time"  # UNIX seconds, written as Seoul time


_T, _I, _A, _N, _TM = (
    CellKind.TEXT,
    CellKind.IDENTIFIER,
    CellKind.AMOUNT,
    CellKind.NUMBER,
    CellKind.TIME,
)
# One kind per column of DEFAULT_HEADERS, in the same order.
COLUMN_KINDS: Final[tuple[CellKind, ...]] = (
    _TM, _TM, _T, _I, _I, _T, _T, _N, _N, _T, _A, _A, _T, _I, _I, _T, _TM, _T,
    _N, _T, _T, _T, _N, _T, _TM, _T, _I, _T, _I, _T,
)  # fmt: skip

DEFAULT_REASON_LABELS: Mapping[CancelReason, str] = {
    reason: reason.name.lower() for reason in CancelReason
}


@dataclass(frozen=True)
class RecordWords:
    """The words of the columns schema 4 added, in the clerk's language.

    ``ui.words.record_words()`` gives them translated; the defaults are codes, like
    :data:`DEFAULT_HEADERS`. ``issue_outcomes`` words an issue row's outcome (its
    ``CANCELLED`` is "issued"); ``not_recorded`` stands for a field that rows before
    schema 4 did not have; ``sheet_title`` names the workbook's sheet.
    """

    headers: Sequence[str] = RECORD_HEADERS
    reasons: Mapping[CancelReason, str] | None = None
    not_recorded: str = "not_recorded"
    actions: Mapping[Action, str] | None = None
    issue_outcomes: Mapping[Outcome, str] | None = None
    sources: Mapping[ReceiptSource, str] | None = None
    apis: Mapping[str, str] | None = None
    sheet_title: str = "history"


# Without words every cell holds its code (outcomes, types, actions and sources fall back to
# theirs in entry_values); only these read better spelled out.
DEFAULT_RECORD_WORDS: Final = RecordWords(
    reasons=DEFAULT_REASON_LABELS,
    issue_outcomes={
        Outcome.PENDING: "pending",
        Outcome.CANCELLED: "issued",
        Outcome.FAILED: "not_issued",
        Outcome.UNKNOWN: "unknown",
    },
    apis={"v1": "V1", "v2": "V2"},
)

# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int
# A cell before formatting: what entry_values() gives (None: empty).
Value = str | int | float | None

# Turns a row's note (codes joined by "; ") into the clerk's words; ui.words.note_text.
NoteWords = Callable[[str | None], str]


class ExportWords(TypedDict):
    """Every word an export takes, as keyword arguments of ``History.export_csv`` /
    ``export_xlsx`` (``ui.words.export_words()`` gives them in the clerk's language)."""

    headers: Sequence[str]
    outcome_labels: Mapping[Outcome, str]
    type_labels: Mapping[str, str]
    note_words: NoteWords
    record_words: RecordWords


def _codes_as_they_are(note: str | None) -> str:
    return note or ""


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_KST_OFFSET_S = int(KST.utcoffset(None).total_seconds())  # formatting.KST, the one definition
_day_names: dict[int, str] = {}


def format_time(ts: float | None) -> str:
    """UNIX seconds as Seoul wall-clock time, the way the books are kept; '' for None."""
    if ts is None:
        return ""
    # Arithmetic on a fixed offset, with the date cached per day: three times faster than
    # datetime.isoformat, which dominated large exports (a decade is ~3,650 days).
    days, secs = divmod(int(ts // 1) + _KST_OFFSET_S, 86400)
    day = _day_names.get(days)
    if day is None:
        day = _day_names[days] = date.fromordinal(_EPOCH_ORDINAL + days).isoformat()
    hours, rest = divmod(secs, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{day} {hours:02d}:{minutes:02d}:{seconds:02d}"


def guard_text(value: str | None) -> str:
    """Neutralise formula injection: a leading apostrophe makes Excel keep the cell as text."""
    if value is None:
        return ""
    if value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


class ExportRow(Protocol):
    """What a CSV row is made of: a HistoryEntry, or the store's lighter row for exports."""

    @property
    def started_at(self) -> float: ...
    @property
    def ended_at(self) -> float | None: ...
    @property
    def profile(self) -> str: ...
    @property
    def tier_code(self) -> str | None: ...
    @property
    def merchant_uid(self) -> str: ...
    @property
    def operator(self) -> str: ...
    @property
    def outcome(self) -> Outcome: ...
    @property
    def http_status(self) -> int | None: ...
    @property
    def code(self) -> int | None: ...
    @property
    def message(self) -> str | None: ...
    @property
    def amount(self) -> int | None: ...
    @property
    def vat(self) -> int | None: ...
    @property
    def receipt_type(self) -> str | None: ...
    @property
    def apply_num(self) -> str | None: ...
    @property
    def receipt_tid(self) -> str | None: ...
    @property
    def receipt_url(self) -> str | None: ...
    @property
    def cancelled_at(self) -> int | None: ...
    @property
    def note(self) -> str | None: ...
    @property
    def id(self) -> int: ...
    @property
    def action(self) -> Action: ...
    @property
    def reason(self) -> CancelReason | None: ...
    @property
    def reason_note(self) -> str | None: ...
    @property
    def receipt_source(self) -> ReceiptSource | None: ...
    @property
    def applied_at(self) -> int | None: ...
    @property
    def corrects_id(self) -> int | None: ...
    @property
    def corrected_by(self) -> int | None: ...
    @property
    def identifier_masked(self) -> str | None: ...
    @property
    def api(self) -> ApiKind: ...
    @property
    def error_type(self) -> str | None: ...
    @property
    def pg_code(self) -> str | None: ...
    @property
    def pg_message(self) -> str | None: ...


@dataclass(frozen=True)
class ExportLabels:
    """Every word an export needs, resolved once per export (not once per row)."""

    outcomes: Mapping[Outcome, str]
    types: Mapping[str, str]
    note_words: NoteWords
    record: RecordWords

    @classmethod
    def of(
        cls,
        outcome_labels: Mapping[Outcome, str] | None = None,
        type_labels: Mapping[str, str] | None = None,
        note_words: NoteWords | None = None,
        record_words: RecordWords | None = None,
    ) -> ExportLabels:
        """The caller's words, with the codes for what it leaves out."""
        record = DEFAULT_RECORD_WORDS if record_words is None else record_words
        default = DEFAULT_RECORD_WORDS
        record = RecordWords(
            headers=record.headers,
            reasons=record.reasons or default.reasons,
            not_recorded=record.not_recorded,
            actions=record.actions or default.actions,
            issue_outcomes=record.issue_outcomes or default.issue_outcomes,
            sources=record.sources or default.sources,
            apis=record.apis or default.apis,
            sheet_title=record.sheet_title,
        )
        return cls(
            outcomes=outcome_labels or {},
            types=type_labels or {},
            note_words=_codes_as_they_are if note_words is None else note_words,
            record=record,
        )


def entry_values(entry: ExportRow, labels: ExportLabels) -> list[Value]:
    """One row's cells as typed values, in the order of :data:`DEFAULT_HEADERS`.

    The one mapping every export uses; :data:`COLUMN_KINDS` says how each is written.
    Words are the labels' (an issue row's outcome has its own), a reason missing
    from a cancellation reads ``not_recorded``; a row's receipt fields without a
    source (rows before schema 4) read ``not_recorded`` as their source.
    """
    record = labels.record
    action = entry.action
    issuing = action is Action.ISSUE
    outcome = entry.outcome
    outcome_label = (
        record.issue_outcomes.get(outcome) if issuing and record.issue_outcomes else None
    ) or labels.outcomes.get(outcome, outcome.value)
    receipt_type = entry.receipt_type
    reason = entry.reason
    if reason is not None:
        reason_label: str | None = (record.reasons or {}).get(reason, str(int(reason)))
    else:
        reason_label = None if issuing else record.not_recorded
    source = entry.receipt_source
    if source is not None:
        source_label: str | None = (record.sources or {}).get(source, source.value)
    else:
        source_label = record.not_recorded if entry.amount is not None else None
    cancelled = entry.cancelled_at
    applied = entry.applied_at
    return [
        entry.started_at,
        entry.ended_at,
        entry.profile,
        entry.tier_code,
        entry.merchant_uid,
        entry.operator,
        outcome_label,
        entry.http_status,
        entry.code,
        entry.message,
        entry.amount,
        entry.vat,
        labels.types.get(receipt_type, receipt_type) if receipt_type is not None else None,
        entry.apply_num,
        entry.receipt_tid,
        entry.receipt_url,
        None if cancelled is None else float(cancelled),
        labels.note_words(entry.note),
        entry.id,
        (record.actions or {}).get(action, action.value),
        reason_label,
        entry.reason_note,
        entry.corrects_id if issuing else entry.corrected_by,
        source_label,
        None if applied is None else float(applied),
        (record.apis or {}).get(entry.api, entry.api),
        entry.identifier_masked,
        entry.error_type,
        entry.pg_code,
        entry.pg_message,
    ]


_TEXT_AT: Final = tuple(i for i, k in enumerate(COLUMN_KINDS) if k in (_T, _I))
_NUMBER_AT: Final = tuple(i for i, k in enumerate(COLUMN_KINDS) if k in (_A, _N))
_TIME_AT: Final = tuple(i for i, k in enumerate(COLUMN_KINDS) if k is _TM)


def csv_cells(values: list[Value]) -> list[Cell]:
    """entry_values() as CSV cells: times in Seoul time, text guarded, None as "".

    Written out without helper calls per cell (guard_text's rule inline): a 100,000-row
    export formats three million cells, and the calls were a third of its time.
    """
    cells: list[Value] = values.copy()
    prefixes = _FORMULA_PREFIXES
    for i in _TEXT_AT:
        text = values[i]
        if text is None:
            cells[i] = ""
        elif text.startswith(prefixes):  # type: ignore[union-attr]
            cells[i] = "'" + text  # type: ignore[operator]
    for i in _NUMBER_AT:
        number = values[i]
        if number is None:
            cells[i] = ""
        elif type(number) is not int:
            cells[i] = int(number)  # a hand-edited file; the writer must not fail on it
    for i in _TIME_AT:
        ts = values[i]
        cells[i] = "" if ts is None else format_time(ts)  # type: ignore[arg-type]
    return cells  # type: ignore[return-value]


def entry_cells(
    entry: ExportRow,
    outcome_labels: Mapping[Outcome, str],
    type_labels: Mapping[str, str],
    note_words: NoteWords = _codes_as_they_are,
) -> list[Cell]:
    """One CSV row, in the order of :data:`DEFAULT_HEADERS`."""
    labels = ExportLabels.of(outcome_labels, type_labels, note_words)
    return csv_cells(entry_values(entry, labels))


def export_headers(headers: Sequence[str] | None, record: RecordWords) -> list[str]:
    """The header row: ``headers`` of every column, or of the columns before schema 4
    (as callers from before it pass them) followed by ``record.headers``."""
    if headers is None:
        return [*LEGACY_HEADERS, *record.headers]
    row = list(headers)
    if len(row) == len(LEGACY_HEADERS):
        row.extend(record.headers)
    if len(row) != len(DEFAULT_HEADERS):
        raise ValueError(f"expected {len(DEFAULT_HEADERS)} headers, got {len(headers)}")
    return row


def _create_temp(dest: Path) -> tuple[int, Path]:
    """A new file beside ``dest`` (same folder, so ``os.replace`` is atomic).

    Readable by the user only (0600 on POSIX; on Windows the mode is ignored and the
    file inherits the folder's ACL): an export holds customers' order numbers and
    amounts, and other accounts on the PC have no business reading it.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        # os.urandom, not secrets.token_hex (the same bytes): secrets imports hashlib and
        # OpenSSL, 3.4 MiB resident before the first paint, for a temporary name.
        tmp = dest.with_name(f".{dest.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"could not create a temporary file beside {dest.name}")


def write_csv(
    dest: Path,
    entries: Iterable[ExportRow],
    *,
    headers: Sequence[str] | None = None,
    outcome_labels: Mapping[Outcome, str] | None = None,
    type_labels: Mapping[str, str] | None = None,
    note_words: NoteWords | None = None,
    record_words: RecordWords | None = None,
) -> int:
    """Write ``entries`` to ``dest`` atomically; returns the number of data rows.

    ``note_words`` words the note codes in the clerk's language (the caller's
    translator keeps this module Qt-free); without it the codes are written as stored.
    ``record_words`` words the columns schema 4 added (Korean by default); ``headers``
    may name every column or only those before schema 4 (see :func:`export_headers`).

    UTF-8 with a BOM and CRLF line ends, because that is what makes Excel on a Korean
    Windows open the file with the right encoding. Errors writing the destination are
    raised as ``OSError``; errors produced while iterating ``entries`` propagate as they
    are. In both cases ``dest`` is left untouched.
    """
    labels = ExportLabels.of(outcome_labels, type_labels, note_words, record_words)
    header_row = export_headers(headers, labels.record)

    dest = Path(dest)
    fd, tmp = _create_temp(dest)
    rows = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, dialect="excel")  # excel dialect: CRLF, minimal quoting
            writer.writerow([guard_text(h) for h in header_row])
            for entry in entries:
                writer.writerow(csv_cells(entry_values(entry, labels)))
                rows += 1
            fh.flush()
            os.fsync(fh.fileno())
        replace_with_retry(tmp, dest)  # an antivirus or OneDrive may hold it a moment
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return rows


# How each kind of column goes into a workbook (iamport_desk.xlsx_export keeps every digit).
def _xlsx_kinds() -> dict[CellKind, Any]:
    from iamport_desk.xlsx_export import Kind

    return {
        CellKind.TEXT: Kind.TEXT,
        CellKind.IDENTIFIER: Kind.IDENTIFIER,
        CellKind.AMOUNT: Kind.AMOUNT,
        CellKind.NUMBER: Kind.INTEGER,
        CellKind.TIME: Kind.KST_DATETIME,
    }


def write_xlsx_export(
    dest: Path,
    entries: Iterable[ExportRow],
    *,
    headers: Sequence[str] | None = None,
    outcome_labels: Mapping[Outcome, str] | None = None,
    type_labels: Mapping[str, str] | None = None,
    note_words: NoteWords | None = None,
    record_words: RecordWords | None = None,
) -> int:
    """The same rows and words as :func:`write_csv`, as a real .xlsx: identifiers as text
    (00012345 stays 00012345), amounts as numbers in a 원 format, times as KST date-times,
    the header frozen and filtered. Written beside ``dest`` and moved into place, 0600."""
    from iamport_desk.xlsx_export import Column, write_xlsx

    labels = ExportLabels.of(outcome_labels, type_labels, note_words, record_words)
    kinds = _xlsx_kinds()
    columns = [
        Column(title, kinds[kind])
        for title, kind in zip(export_headers(headers, labels.record), COLUMN_KINDS, strict=True)
    ]
    return write_xlsx(
        Path(dest),
        columns,
        (entry_values(entry, labels) for entry in entries),
        sheet_title=labels.record.sheet_title,
    )
