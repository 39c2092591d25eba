"""A real Excel workbook (.xlsx) from a header and rows, keeping every digit (no Qt).

Why XlsxWriter (not openpyxl): it only writes, which is all an export needs; it is pure
Python with no dependencies (about 2 MB installed, roughly half of openpyxl + et_xmlfile),
actively maintained and byte-compatible with what Excel itself writes. Its ``constant_memory``
mode streams rows to a temporary file, so 100,000 rows take the same memory as 100, and,
unlike openpyxl's write-only mode, it still accepts column widths after the last row, so
widths can follow the whole content rather than a sample.

Every column has a :class:`Kind`; each value is written with the one explicit cell type of
its kind. Text is never parsed: ``=1+1``, ``@x`` or ``+82`` stay text, and ``00012345`` keeps
its zeros (a spreadsheet opening a CSV turns it into 12345 and 20 digits into 2.0e+19).

The workbook is written to a temporary file beside ``dest``, readable by the user only, and
moved over ``dest`` only when complete: a crash or an error never leaves half a workbook.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]

from iamport_desk.formatting import KST

#: Excel's number format for amounts: 12300 shows as 12,300원 and stays a summable number.
WON_FORMAT = '#,##0"원";-#,##0"원"'
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
KST_SUFFIX = " (KST)"

# Excel's hard limits: longer text is cut by Excel, more rows are silently dropped by the writer.
MAX_CELL_CHARS = 32_767
MAX_ROWS = 1_048_576
# Excel keeps 15 significant digits; a larger number would be rounded, so it goes in as text.
_EXACT_LIMIT = 10**15
# Widths in Excel "characters"; Hangul and other wide characters count double.
MIN_WIDTH, MAX_WIDTH = 6, 60
_DATETIME_WIDTH = len("2026-12-01 00:00:00")
_KST_OFFSET = 9 * 3600
_UNIX_EPOCH_SERIAL = 25_569  # 1970-01-01 in Excel's 1900 date system
_FIRST_SAFE = int(dt.datetime(1900, 3, 1, tzinfo=KST).timestamp())
_LAST_SAFE = int(dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=KST).timestamp())


class Kind(enum.Enum):
    """How a column's values are written."""

    IDENTIFIER = "identifier"  # text, every character kept (order, approval, PG numbers)
    AMOUNT = "amount"  # an integer in 원, a real number with the 원 format
    KST_DATETIME = "kst_datetime"  # UNIX seconds, shown as Seoul wall-clock time
    TEXT = "text"  # plain text, never a formula
    INTEGER = "integer"  # a plain whole number (HTTP status, response code, row id)


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its header text and the kind of its values."""

    title: str
    kind: Kind = Kind.TEXT

    @property
    def header(self) -> str:
        """The header cell; a KST column always says so (Excel cells have no time zone)."""
        if self.kind is Kind.KST_DATETIME and "KST" not in self.title:
            return self.title + KST_SUFFIX
        return self.title


class XlsxLimitError(ValueError):
    """The data does not fit a worksheet (too many rows, an identifier too long to keep)."""


def write_xlsx(
    dest: Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    *,
    sheet_title: str = "Sheet1",
) -> int:
    """Write ``rows`` under a header of ``columns`` to ``dest``; returns the rows written.

    ``rows`` is consumed once, as it comes (a generator over 100,000 history rows is fine).
    A value of None is an empty cell. Raises :class:`XlsxLimitError`, :class:`TypeError` for
    a value that does not match its column's kind, or :class:`OSError`; ``dest`` is then
    left as it was.
    """
    if not columns:
        raise ValueError("an export needs at least one column")
    dest = Path(dest)
    fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=".xlsx.tmp", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            with contextlib.suppress(OSError):  # not supported everywhere (Windows: no-op)
                os.fchmod(handle.fileno(), 0o600)
            count = _write_workbook(handle, dest.parent, columns, rows, sheet_title)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_folder(dest.parent)
    return count


def _write_workbook(
    handle: Any,
    tmpdir: Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    sheet_title: str,
) -> int:
    # tmpdir: the rows' scratch file stays next to the export, not in a shared /tmp.
    book = xlsxwriter.Workbook(handle, {"constant_memory": True, "tmpdir": str(tmpdir)})
    try:
        sheet = book.add_worksheet(sheet_title)
        writer = _RowWriter(book, sheet, columns)
        count = 0
        for row in rows:
            if count + 1 >= MAX_ROWS:
                raise XlsxLimitError(f"more than {MAX_ROWS - 1:,} rows do not fit one worksheet")
            writer.write(count + 1, row)
            count += 1
        writer.finish(count)
    except BaseException:
        # close() also removes the scratch file; the half-written temp file is deleted above.
        with contextlib.suppress(Exception):
            book.close()
        raise
    book.close()
    return count


class _RowWriter:
    """Writes cells by kind and tracks each column's widest content."""

    def __init__(self, book: Any, sheet: Any, columns: Sequence[Column]) -> None:
        self._sheet = sheet
        self._columns = tuple(columns)
        header = book.add_format({"bold": True, "bottom": 1, "text_wrap": False})
        self._text = book.add_format({"num_format": "@"})  # typing into it keeps text too
        self._won = book.add_format({"num_format": WON_FORMAT})
        self._when = book.add_format({"num_format": DATETIME_FORMAT})
        self._widths = [display_width(column.header) + 2 for column in self._columns]
        for col, column in enumerate(self._columns):
            sheet.write_string(0, col, excel_text(column.header), header)

    def write(self, row: int, values: Sequence[object]) -> None:
        if len(values) != len(self._columns):
            raise ValueError(f"row {row} has {len(values)} values for {len(self._columns)} columns")
        for col, (column, value) in enumerate(zip(self._columns, values, strict=True)):
            if value is None:
                continue
            width = self._write_cell(row, col, column, value)
            if width > self._widths[col]:
                self._widths[col] = width

    def _write_cell(self, row: int, col: int, column: Column, value: object) -> int:
        kind = column.kind
        if kind is Kind.IDENTIFIER or kind is Kind.TEXT:
            if isinstance(value, bool) or not isinstance(value, str | int):
                raise TypeError(f"{column.title}: expected text, got {type(value).__name__}")
            text = str(value)
            if len(text) > MAX_CELL_CHARS:
                if kind is Kind.IDENTIFIER:
                    # An identifier is never cut: a shortened one is a different one.
                    raise XlsxLimitError(f"{column.title}: an identifier longer than a cell")
                text = text[: MAX_CELL_CHARS - 1] + "…"
            if text:
                self._write_text(row, col, excel_text(text))
            return display_width(text)
        if kind is Kind.AMOUNT or kind is Kind.INTEGER:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{column.title}: expected an integer, got {type(value).__name__}")
            if abs(value) >= _EXACT_LIMIT:
                # Too many digits for a spreadsheet number: kept exactly, as text.
                self._sheet.write_string(row, col, str(value), self._text)
                return len(str(value))
            if kind is Kind.AMOUNT:
                self._sheet.write_number(row, col, value, self._won)
                return len(f"{value:,}") + 2  # the 원 is a wide character
            self._sheet.write_number(row, col, value)
            return len(str(value))
        return self._write_time(row, col, column, value)

    def _write_text(self, row: int, col: int, text: str) -> None:
        if text.startswith("<r>") and text.endswith("</r>"):
            # XlsxWriter's inline strings pass text shaped like this through as raw rich-text
            # XML (unescaped: a server message could inject cells or formulas). Written as a
            # rich string of three runs instead (the fewest it takes), it is escaped like any
            # text and reads back the same.
            self._sheet.write_rich_string(row, col, text[:1], text[1:2], text[2:], self._text)
        else:
            self._sheet.write_string(row, col, text, self._text)

    def _write_time(self, row: int, col: int, column: Column, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"{column.title}: expected UNIX seconds, got {type(value).__name__}")
        serial = excel_serial_kst(value)
        if serial is None:
            # Outside what a spreadsheet date can hold: the raw number, as text, not a guess.
            raw = str(value)
            self._sheet.write_string(row, col, raw, self._text)
            return len(raw)
        # A date cell is a number with a date format; computing it here is the same value
        # XlsxWriter's write_datetime would store, without a datetime object per cell.
        self._sheet.write_number(row, col, serial, self._when)
        return _DATETIME_WIDTH

    def finish(self, count: int) -> None:
        last = len(self._columns) - 1
        for col, width in enumerate(self._widths):
            self._sheet.set_column(col, col, min(max(width, MIN_WIDTH), MAX_WIDTH))
        self._sheet.freeze_panes(1, 0)
        self._sheet.autofilter(0, 0, count, last)
        # Identifiers made of digits are text on purpose: no green "number stored as text" marks.
        self._sheet.ignore_errors({"number_stored_as_text": f"A1:XFD{MAX_ROWS}"})


def excel_serial_kst(timestamp: float) -> float | None:
    """UNIX seconds as the spreadsheet date serial of Seoul wall-clock time, whole seconds.

    A cell has no time zone, so the cell holds the KST wall clock (the header says KST).
    None when the moment is outside what a spreadsheet date holds (before 1900-03-01, where
    Excel's calendar is wrong, or after 9999).
    """
    try:
        seconds = int(timestamp)
    except (OverflowError, ValueError):  # inf, nan
        return None
    if not _FIRST_SAFE <= seconds <= _LAST_SAFE:
        return None
    days, rest = divmod(seconds + _KST_OFFSET, 86_400)
    return _UNIX_EPOCH_SERIAL + days + rest / 86_400


def display_width(text: str) -> int:
    """Width in Excel character cells: Hangul and other wide (East Asian) characters count 2."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def excel_text(text: str) -> str:
    """``text`` as a cell can hold it: lone surrogates (not text at all) become U+FFFD.

    Control characters need nothing here: XlsxWriter writes them Excel's way (_xHHHH_).
    """
    return _SURROGATE.sub("\ufffd", text)


def _fsync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder is flushed (POSIX; Windows cannot).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
