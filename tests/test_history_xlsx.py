"""History.export_xlsx: the history window's rows as a real workbook that keeps every digit
(issue 14), read back by openpyxl and by a real spreadsheet (LibreOffice headless)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from iamport_desk.history import History
from iamport_desk.history_export import DEFAULT_HEADERS
from iamport_desk.models import Outcome, Receipt
from iamport_desk.ui.words import export_words
from tests.test_xlsx_export import read_with_libreoffice

# The ids a spreadsheet loves to "fix": leading zeros, and more digits than a double holds.
ORDERS = ("00012345", "20261201000000012345", "ORDER-20261125-0001")
APPROVAL = "012345678"


def _history(path: Path) -> History:
    history = History(path)
    for number, uid in enumerate(ORDERS):
        entry_id = history.begin(profile="강남점", tier_code=None, merchant_uid=uid)
        receipt = Receipt(
            merchant_uid=uid,
            receipt_tid=f"00{number}77",
            apply_num=APPROVAL,
            type="person",
            amount=33_000 + number,
            vat=3_000,
            receipt_url=None,
            applied_at=1_790_000_000,
            cancelled_at=1_790_000_600,
        )
        history.finish(entry_id, Outcome.CANCELLED, http_status=200, code=0, receipt=receipt)
    return history


@pytest.fixture
def workbook(tmp_path: Path, korean: None) -> Path:
    """The history window's Korean export: its words, in the clerk's language."""
    dest = tmp_path / "처리기록.xlsx"
    with _history(tmp_path / "history.sqlite3") as history:
        assert history.export_xlsx(dest, **export_words()) == len(ORDERS)
    return dest


def test_identifiers_are_text_and_amounts_are_numbers(workbook: Path) -> None:
    sheet = openpyxl.load_workbook(workbook).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(header) == len(DEFAULT_HEADERS)
    order_at = next(i for i, title in enumerate(header) if title == "주문번호")
    approval_at = next(i for i, title in enumerate(header) if title == "승인번호")
    amount_at = next(i for i, title in enumerate(header) if title == "금액 (원)")
    assert sorted(row[order_at] for row in body) == sorted(ORDERS)
    assert {row[approval_at] for row in body} == {APPROVAL}
    assert sorted(row[amount_at] for row in body) == [33_000, 33_001, 33_002]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet.title == "처리 기록"  # the sheet is named in the clerk's language too


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_a_real_spreadsheet_reads_back_every_identifier(workbook: Path, tmp_path: Path) -> None:
    rows = read_with_libreoffice(workbook, tmp_path)
    order_at = rows[0].index("주문번호")
    approval_at = rows[0].index("승인번호")
    assert sorted(row[order_at] for row in rows[1:]) == sorted(ORDERS)
    assert {row[approval_at] for row in rows[1:]} == {APPROVAL}
