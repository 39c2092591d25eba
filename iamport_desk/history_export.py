"""CSV export of the audit history, shaped for Excel and for an auditor.

Kept apart from :mod:`iamport_desk.history` so the storage code does not grow
presentation rules. Rows are streamed (an iterable, never a list) and written to a
temporary file that replaces the destination only when complete, so a failed export
never leaves a half-written file that looks like a real one.
"""

from __future__ import annotations

import contextlib
import csv
import os
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Protocol

from iamport_desk.atomic_files import replace_with_retry
from iamport_desk.formatting import KST
from iamport_desk.models import Outcome

DEFAULT_HEADERS: tuple[str, ...] = (
    "시작 시각",
    "종료 시각",
    "프로필",
    "Tier 코드",
    "주문번호",
    "처리자",
    "결과",
    "HTTP 상태",
    "응답 코드",
    "메시지",
    "금액",
    "부가세",
    "발행 유형",
    "승인번호",
    "PG 발행번호",
    "영수증 URL",
    "취소 시각",
    "비고",
)

DEFAULT_OUTCOME_LABELS: Mapping[Outcome, str] = {
    Outcome.PENDING: "처리 중",
    Outcome.CANCELLED: "취소 완료",
    Outcome.FAILED: "실패",
    Outcome.UNKNOWN: "확인 필요",
}

DEFAULT_TYPE_LABELS: Mapping[str, str] = {
    "person": "소득공제(개인)",
    "company": "지출증빙(사업자)",
}

# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int

# Turns a row's note (codes joined by "; ") into the clerk's words; ui.words.note_text.
NoteWords = Callable[[str | None], str]


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


def entry_cells(
    entry: ExportRow,
    outcome_labels: Mapping[Outcome, str],
    type_labels: Mapping[str, str],
    note_words: NoteWords = _codes_as_they_are,
) -> list[Cell]:
    """One CSV row, in the order of :data:`DEFAULT_HEADERS`."""
    outcome_label = outcome_labels.get(entry.outcome) or DEFAULT_OUTCOME_LABELS.get(
        entry.outcome, entry.outcome.value
    )
    receipt_type = entry.receipt_type
    type_label = type_labels.get(receipt_type, receipt_type) if receipt_type is not None else None
    cancelled = None if entry.cancelled_at is None else float(entry.cancelled_at)
    guard = guard_text  # a local name: this runs eleven times a row in a large export
    return [
        format_time(entry.started_at),
        format_time(entry.ended_at),
        guard(entry.profile),
        guard(entry.tier_code),
        guard(entry.merchant_uid),
        guard(entry.operator),
        guard(outcome_label),
        "" if entry.http_status is None else int(entry.http_status),
        "" if entry.code is None else int(entry.code),
        guard(entry.message),
        "" if entry.amount is None else int(entry.amount),
        "" if entry.vat is None else int(entry.vat),
        guard(type_label),
        guard(entry.apply_num),
        guard(entry.receipt_tid),
        guard(entry.receipt_url),
        format_time(cancelled),
        guard(note_words(entry.note)),
    ]


def _create_temp(dest: Path) -> tuple[int, Path]:
    """A new file beside ``dest`` (same folder, so ``os.replace`` is atomic).

    Readable by the user only (0600 on POSIX; on Windows the mode is ignored and the
    file inherits the folder's ACL): an export holds customers' order numbers and
    amounts, and other accounts on the PC have no business reading it.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(4)}.tmp")
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
) -> int:
    """Write ``entries`` to ``dest`` atomically; returns the number of data rows.

    ``note_words`` words the note codes in the clerk's language (the caller's
    translator keeps this module Qt-free); without it the codes are written as stored.

    UTF-8 with a BOM and CRLF line ends, because that is what makes Excel on a Korean
    Windows open the file with the right encoding. Errors writing the destination are
    raised as ``OSError``; errors produced while iterating ``entries`` propagate as they
    are. In both cases ``dest`` is left untouched.
    """
    header_row = list(DEFAULT_HEADERS if headers is None else headers)
    if len(header_row) != len(DEFAULT_HEADERS):
        raise ValueError(f"expected {len(DEFAULT_HEADERS)} headers, got {len(header_row)}")
    outcomes = DEFAULT_OUTCOME_LABELS if outcome_labels is None else outcome_labels
    types = DEFAULT_TYPE_LABELS if type_labels is None else type_labels
    words = _codes_as_they_are if note_words is None else note_words

    dest = Path(dest)
    fd, tmp = _create_temp(dest)
    rows = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, dialect="excel")  # excel dialect: CRLF, minimal quoting
            writer.writerow([guard_text(h) for h in header_row])
            for entry in entries:
                writer.writerow(entry_cells(entry, outcomes, types, words))
                rows += 1
            fh.flush()
            os.fsync(fh.fileno())
        replace_with_retry(tmp, dest)  # an antivirus or OneDrive may hold it a moment
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return rows
