"""The Excel export keeps every digit; openpyxl and LibreOffice read it back."""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from iamport_desk import xlsx_export
from iamport_desk.xlsx_export import (
    DATETIME_FORMAT,
    MAX_WIDTH,
    WON_FORMAT,
    Column,
    Kind,
    XlsxLimitError,
    display_width,
    write_xlsx,
)

KST = dt.timezone(dt.timedelta(hours=9))
# 2026-12-01 00:00:07 KST = 2026-11-30 15:00:07 UTC
T0 = int(dt.datetime(2026, 12, 1, 0, 0, 7, tzinfo=KST).timestamp())

COLUMNS = [
    Column("주문번호", Kind.IDENTIFIER),
    Column("승인번호", Kind.IDENTIFIER),
    Column("금액", Kind.AMOUNT),
    Column("취소 시각", Kind.KST_DATETIME),
    Column("메시지", Kind.TEXT),
    Column("HTTP 상태", Kind.INTEGER),
]

# The numbers a spreadsheet mangles when it opens a CSV (issue 14), and text that looks like a
# formula to one.
ROWS: list[list[object]] = [
    ["00012345", "012345678", 12300, T0, "=1+1", 200],
    ["20261201000000012345", "000000001", 1_100, T0 + 86_399.9, "@x", 500],
    ["0", "0123", 0, T0 - 1, "+82 10-1234-5678", None],
    ["강남-00001", "99999999999999999999", -5_000, None, "-2+3", 404],
    ["00000000000000000000", None, None, 0, "이미 취소된 영수증입니다. <b>HTML</b> & 'quotes'", 0],
]


def expected_kst(ts: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(ts), KST).replace(tzinfo=None)


@pytest.fixture
def book(tmp_path: Path) -> Path:
    dest = tmp_path / "처리 기록.xlsx"
    assert write_xlsx(dest, COLUMNS, iter(ROWS), sheet_title="처리 기록") == len(ROWS)
    return dest


def test_cells_have_the_type_and_format_of_their_kind(book: Path) -> None:
    sheet = openpyxl.load_workbook(book).active
    assert sheet.title == "처리 기록"
    header = [cell.value for cell in sheet[1]]
    assert header == ["주문번호", "승인번호", "금액", "취소 시각 (KST)", "메시지", "HTTP 상태"]
    for excel_row, row in zip(sheet.iter_rows(min_row=2), ROWS, strict=True):
        uid, apply_num, amount, when, text, status = excel_row
        assert (uid.value, uid.data_type, uid.number_format) == (row[0], "s", "@")
        assert apply_num.value == row[1]
        if row[1] is not None:
            assert apply_num.data_type == "s"
        if row[2] is None:
            assert amount.value is None
        else:
            assert (amount.value, amount.data_type) == (row[2], "n")
            assert amount.number_format == WON_FORMAT
        if row[3] is None:
            assert when.value is None
        else:
            assert when.is_date and when.number_format == DATETIME_FORMAT
            assert when.value == expected_kst(row[3])  # type: ignore[arg-type]
        assert (text.value, text.data_type) == (row[4], "s")
        assert status.value == row[5]
        if row[5] is not None:
            assert status.data_type == "n" and status.number_format == "General"
    assert not [c for r in sheet.iter_rows() for c in r if c.data_type == "f"]


def test_header_row_is_frozen_and_filtered(book: Path) -> None:
    sheet = openpyxl.load_workbook(book).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:F{len(ROWS) + 1}"


def test_a_kst_title_is_not_doubled() -> None:
    assert Column("취소 시각 (KST)", Kind.KST_DATETIME).header == "취소 시각 (KST)"
    assert Column("Cancelled at", Kind.KST_DATETIME).header == "Cancelled at (KST)"
    assert Column("KST", Kind.TEXT).header == "KST"


def test_widths_follow_the_widest_value_in_every_row_capped(tmp_path: Path) -> None:
    columns = [Column("id", Kind.IDENTIFIER), Column("ascii", Kind.TEXT), Column("한글", Kind.TEXT)]
    rows: list[list[object]] = [["1", "a", "가"] for _ in range(3_000)]
    rows.append(["0" * 30, "x" * 500, "가나다라마바사아자차"])  # the last row is the widest
    dest = tmp_path / "w.xlsx"
    write_xlsx(dest, columns, rows)
    dims = openpyxl.load_workbook(dest).active.column_dimensions
    id_width, ascii_width, hangul_width = (dims[c].width for c in "ABC")
    assert 30 <= id_width < 35
    assert ascii_width == pytest.approx(MAX_WIDTH, abs=1)
    assert 20 <= hangul_width < 25  # ten Hangul syllables count as twenty characters
    assert display_width("가나다") == 6 and display_width("abc") == 3


def test_huge_numbers_and_impossible_times_stay_exact_as_text(tmp_path: Path) -> None:
    columns = [
        Column("금액", Kind.AMOUNT),
        Column("코드", Kind.INTEGER),
        Column("t", Kind.KST_DATETIME),
    ]
    dest = tmp_path / "big.xlsx"
    write_xlsx(dest, columns, [[10**19 + 7, -(10**16) - 1, 10**13], [1, 2, -(10**12)]])
    sheet = openpyxl.load_workbook(dest).active
    amount, code, when = sheet[2]
    assert (amount.value, amount.data_type) == (str(10**19 + 7), "s")
    assert (code.value, code.data_type) == (str(-(10**16) - 1), "s")
    assert (when.value, when.data_type) == (str(10**13), "s")
    assert sheet["C3"].value == str(-(10**12))


def test_text_that_looks_like_rich_text_xml_is_escaped_not_injected(tmp_path: Path) -> None:
    # XlsxWriter passes inline text shaped "<r>...</r>" through as raw XML; a server message
    # like this one would otherwise add a formula cell or break the file.
    evil = '<r><t>x</t></r></is></c><c r="B9"><f>1+1</f></c><c><is><r><t>y & z</t></r>'
    dest = tmp_path / "evil.xlsx"
    write_xlsx(dest, [Column("메시지", Kind.TEXT)], [[evil], ["<r>a & b</r>"]])
    sheet = openpyxl.load_workbook(dest).active
    assert [sheet["A2"].value, sheet["A3"].value] == [evil, "<r>a & b</r>"]
    assert (sheet.max_row, sheet.max_column) == (3, 1)  # no injected cell


def test_control_characters_and_lone_surrogates_do_not_break_the_file(tmp_path: Path) -> None:
    dest = tmp_path / "ctl.xlsx"
    write_xlsx(dest, [Column("메시지", Kind.TEXT)], [["a\x00b\x1fc"], ["x\ud800y"]])
    sheet = openpyxl.load_workbook(dest).active  # an unreadable file raises here
    # openpyxl shows Excel's _xHHHH_ escapes as they are (LibreOffice decodes them, below).
    assert sheet["A2"].value == "a_x0000_b_x001F_c"
    assert sheet["A3"].value == "x\ufffdy"


def test_wrong_value_for_a_kind_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    dest = tmp_path / "bad.xlsx"
    for bad in (["12300"], [12.5], [True]):
        with pytest.raises(TypeError, match="금액"):
            write_xlsx(dest, [Column("금액", Kind.AMOUNT)], [[1], bad])
    with pytest.raises(ValueError, match="2 values for 1 columns"):
        write_xlsx(dest, [Column("금액", Kind.AMOUNT)], [[1, 2]])
    assert list(tmp_path.iterdir()) == []


def test_an_identifier_is_never_cut(tmp_path: Path) -> None:
    dest = tmp_path / "long.xlsx"
    with pytest.raises(XlsxLimitError):
        write_xlsx(dest, [Column("id", Kind.IDENTIFIER)], [["1" * 40_000]])
    write_xlsx(dest, [Column("memo", Kind.TEXT)], [["가" * 40_000]])
    value = openpyxl.load_workbook(dest).active["A2"].value
    assert len(value) == xlsx_export.MAX_CELL_CHARS and value.endswith("…")


def test_more_rows_than_a_sheet_holds_fail_instead_of_being_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_export, "MAX_ROWS", 4)  # Excel's 1,048,576 would take minutes
    dest = tmp_path / "many.xlsx"
    assert write_xlsx(dest, [Column("n", Kind.INTEGER)], [[i] for i in range(3)]) == 3
    with pytest.raises(XlsxLimitError):
        write_xlsx(dest, [Column("n", Kind.INTEGER)], [[i] for i in range(4)])
    assert openpyxl.load_workbook(dest).active.max_row == 4  # the earlier file, untouched


def test_a_failure_mid_stream_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    dest = tmp_path / "export.xlsx"
    dest.write_bytes(b"the previous export")

    def rows() -> Iterator[list[object]]:
        yield ["00012345"]
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_xlsx(dest, [Column("id", Kind.IDENTIFIER)], rows())
    assert dest.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.xlsx"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_file_is_readable_by_the_user_only(book: Path) -> None:
    assert stat.S_IMODE(book.stat().st_mode) == 0o600
    assert sorted(p.name for p in book.parent.iterdir()) == [book.name]


def test_rows_are_streamed_not_collected(tmp_path: Path) -> None:
    seen: list[int] = []

    def rows() -> Iterator[list[object]]:
        for i in range(1_000):
            seen.append(i)
            yield [f"{i:08d}"]

    assert write_xlsx(tmp_path / "s.xlsx", [Column("id", Kind.IDENTIFIER)], rows()) == 1_000
    assert seen == list(range(1_000))


# --- LibreOffice: a real spreadsheet opens the workbook and shows what was written -----------


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is missing on CI (apt-get install libreoffice-calc-nogui)")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def read_with_libreoffice(book: Path, work: Path) -> list[list[str]]:
    """The workbook as LibreOffice Calc shows it, through its CSV export (UTF-8)."""
    out = work / "lo-out"
    out.mkdir()
    profile = (work / "lo-profile").as_uri()  # a fresh profile: no dialogs, no shared state
    result = subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",  # comma, quote, UTF-8, from line 1
            "--outdir",
            str(out),
            str(book),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    converted = out / (book.stem + ".csv")
    assert converted.exists(), f"soffice failed ({result.returncode}): {result.stderr[-2000:]}"
    with converted.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_libreoffice_reads_back_every_identifier_amount_and_time(tmp_path: Path) -> None:
    _soffice()
    columns = [*COLUMNS, Column("PG 발행번호", Kind.IDENTIFIER)]
    # A day's worth of generated rows on top of the hand-picked ones: every id zero-padded.
    rows: list[list[object]] = [[*row, f"{i:020d}"] for i, row in enumerate(ROWS)]
    for i in range(1, 2_001):
        rows.append(
            [f"2026120100{i:010d}", f"{i:09d}", i * 1_100, T0 + i * 37, f"={i}", 200, f"{i:08d}"]
        )
    rows.append(["<r>a & b</r>", "_x0041_", 1, T0, "tab\there, ctl\x01", 200, "x"])
    book = tmp_path / "books.xlsx"
    write_xlsx(book, columns, rows, sheet_title="처리 기록")

    shown = read_with_libreoffice(book, tmp_path)

    assert shown[0] == [column.header for column in columns]
    assert len(shown) == len(rows) + 1
    for line, row in zip(shown[1:], rows, strict=True):
        uid, apply_num, amount, when, text, status, tid = row
        assert line[0] == uid and line[6] == tid
        assert line[1] == ("" if apply_num is None else apply_num)
        assert line[2] == ("" if amount is None else f"{amount:,}원")
        assert line[3] == ("" if when is None else f"{expected_kst(when):%Y-%m-%d %H:%M:%S}")  # type: ignore[arg-type]
        assert line[4] == text
        assert line[5] == ("" if status is None else str(status))
