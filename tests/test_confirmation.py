"""The cancellation confirmation (발행취소 확인서): rendered to PDF, then read back.

pdftotext (poppler-utils) gives the text, pdffonts the fonts, pdftoppm page images; zbarimg
(zbar-tools) decodes the QR code from the page image.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from iamport_desk import __version__
from iamport_desk.models import HistoryEntry, Outcome, Receipt
from iamport_desk.ui.confirmation import (
    ConfirmationRecord,
    NotCancelledError,
    field_values,
    print_records,
    qr_image,
    qr_matrix,
    record_from_entry,
    record_from_receipt,
    save_pdf,
)
from iamport_desk.ui.words import confirmation as words

T_ISSUED = 1_764_514_807  # 2025-12-01 00:00:07 KST
T_CANCELLED = 1_764_600_007  # 2025-12-01 23:40:07 KST
URL = "https://iamport.kr/receipts/external/20261201000000012345"

RECORD = ConfirmationRecord(
    history_id=4021,
    store="강남점",
    tier_code="A1B",
    merchant_uid="20261201000000012345",
    apply_num="012345678",
    issued_at=T_ISSUED,
    amount=12_300,
    vat=1_118,
    receipt_type="person",
    cancelled_at=T_CANCELLED,
    reason=3,
    reason_memo="고객 요청으로 재발급 예정",
    operator="김회계",
    receipt_url=URL,
)


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing on CI (apt-get install {package})")
        pytest.skip(f"{name} ({package}) is not installed")
    return found


def run(*args: str) -> str:
    result = subprocess.run(
        args, capture_output=True, text=True, timeout=60, check=False, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def pdf_text(pdf: Path) -> str:
    """The PDF's text with every run of whitespace made one space (wrapped lines rejoin)."""
    return " ".join(run(tool("pdftotext", "poppler-utils"), str(pdf), "-").split())


def squeeze(text: str) -> str:
    """Without any whitespace: a URL or id wrapped onto two lines reads back whole."""
    return re.sub(r"\s+", "", text)


def page_image(pdf: Path, out: Path, page: int = 1, dpi: int = 150) -> Path:
    prefix = out / f"page{page}"
    run(
        tool("pdftoppm", "poppler-utils"),
        "-r",
        str(dpi),
        "-f",
        str(page),
        "-l",
        str(page),
        "-png",
        "-singlefile",
        str(pdf),
        str(prefix),
    )
    return prefix.with_suffix(".png")


def test_the_pdf_reads_back_every_field(qapp: QApplication, tmp_path: Path) -> None:
    pdf = tmp_path / "확인서.pdf"
    assert save_pdf(pdf, [RECORD], generated_at=T_CANCELLED + 60) == 1
    text = pdf_text(pdf)
    assert "Cash receipt cancellation confirmation" in text
    assert f"Made with iamport-desk {__version__} on 2025-12-01 23:41:07 (KST)." in text
    for key, label in words.field_labels().items():
        assert label in text, key
    expected = {
        "store": "강남점",
        "tier": "A1B",  # digits inside Latin text once vanished from the PDF's text
        "order": "20261201000000012345",
        "apply_num": "012345678",
        "issued": "2025-12-01 00:00:07",
        "amount": "12,300 won",
        "vat": "1,118 won",
        "type": "Income deduction (individual)",
        "cancelled": "2025-12-01 23:40:07",
        "reason": "Other",
        "memo": "고객 요청으로 재발급 예정",
        "operator": "김회계",
        "url": URL,
        "row": "#4021",
        "version": __version__,
    }
    assert field_values(RECORD) == expected
    for key, value in expected.items():
        assert squeeze(value) in squeeze(text), key
    assert "not recorded" not in text
    assert f"iamport-desk {__version__} · History row #4021" in text and "Page 1 of 1" in text


def test_missing_values_read_not_recorded(qapp: QApplication, tmp_path: Path) -> None:
    bare = ConfirmationRecord(
        history_id=7,
        store="본점",
        tier_code=None,
        merchant_uid="00012345",
        apply_num=None,
        issued_at=None,
        amount=None,
        vat=None,
        receipt_type=None,
        cancelled_at=None,
        reason=None,
        reason_memo=None,
        operator=None,
        receipt_url=None,
    )
    pdf = tmp_path / "bare.pdf"
    save_pdf(pdf, [bare], generated_at=T_CANCELLED)
    text = pdf_text(pdf)
    assert "00012345" in text and "본점" in text
    # tier, approval no., issued, amount, VAT, type, cancelled, reason, memo, operator, URL
    assert text.count("not recorded") == 11


def test_korean_confirmation(qapp: QApplication, korean: None, tmp_path: Path) -> None:
    pdf = tmp_path / "ko.pdf"
    save_pdf(pdf, [RECORD], generated_at=T_CANCELLED + 60)
    text = pdf_text(pdf)
    for phrase in (
        "현금영수증 발행취소 확인서",
        f"iamport-desk {__version__}에서 2025-12-01 23:41:07 (KST)에 작성했습니다.",
        "상점 강남점",
        "Tier 코드 (하위상점) A1B",
        "주문번호 20261201000000012345",
        "원 승인번호 012345678",
        "발행 일시 (KST) 2025-12-01 00:00:07",
        "금액 12,300원",
        "부가세 1,118원",
        "발행 유형 소득공제(개인)",
        "취소 일시 (PortOne, KST) 2025-12-01 23:40:07",
        "취소 사유 기타",
        "메모 고객 요청으로 재발급 예정",
        "처리자 김회계",
        f"PortOne 영수증 {URL}",
        "처리 기록 번호 #4021",
        f"프로그램 버전 {__version__}",
        "1 / 1쪽",
    ):
        assert squeeze(phrase) in squeeze(text), phrase


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="names Linux's Korean font")
def test_fonts_are_embedded(qapp: QApplication, tmp_path: Path) -> None:
    pdf = tmp_path / "fonts.pdf"
    save_pdf(pdf, [RECORD], generated_at=T_CANCELLED)
    lines = run(tool("pdffonts", "poppler-utils"), str(pdf)).splitlines()[2:]
    assert lines, "no fonts at all"
    fonts = [line.split() for line in lines]
    # columns: name type... encoding emb sub uni object ID
    assert all(cols[-5] == "yes" for cols in fonts), lines
    assert any("NotoSansCJKkr" in cols[0] for cols in fonts), lines


def test_a_report_has_totals_and_every_cancellation(qapp: QApplication, tmp_path: Path) -> None:
    records = [RECORD] + [
        ConfirmationRecord(
            history_id=5000 + i,
            store="강남점",
            tier_code=None,
            merchant_uid=f"{i:08d}",
            apply_num=f"{i:09d}",
            issued_at=T_ISSUED + i,
            amount=1_100 * i,
            vat=100 * i,
            receipt_type="company",
            cancelled_at=T_CANCELLED + i,
            reason=1 + i % 2,
            reason_memo=None,
            operator="박대리",
            receipt_url=f"https://iamport.kr/r/{i:06d}",
        )
        for i in range(1, 6)
    ]
    records.append(
        ConfirmationRecord(**{**_fields(records[1]), "history_id": 6000, "amount": None})
    )
    pdf = tmp_path / "day.pdf"
    pages = save_pdf(pdf, records, scope="2025-12-01", generated_at=T_CANCELLED + 600)
    assert pages == 4  # the totals and one cancellation, then two to a page
    for page in range(1, pages + 1):
        # No cancellation is split over two pages: each page holds whole tables.
        on_page = " ".join(
            run(
                tool("pdftotext", "poppler-utils"), "-f", str(page), "-l", str(page), str(pdf), "-"
            ).split()
        )
        starts = len(re.findall(r"\d\. Order number", on_page))
        assert starts == on_page.count("App version") > 0, (page, on_page)
    text = pdf_text(pdf)
    assert "Cash receipt cancellations" in text and "Covers: 2025-12-01" in text
    assert "Cancellations 7 receipts" in text
    total = 12_300 + sum(1_100 * i for i in range(1, 6))
    vat = 1_118 + sum(100 * i for i in range(1, 6)) + 100
    assert f"Total amount {total:,} won (1 without a recorded amount, not included)" in text
    assert f"Total VAT {vat:,} won" in text
    for number, record in enumerate(records, start=1):
        assert f"{number}. Order number {record.merchant_uid}" in text
        assert f"#{record.history_id}" in text
        assert squeeze(f"{record.apply_num}") in squeeze(text)
        assert squeeze(f"{record.receipt_url}") in squeeze(text)
    assert "Transaction cancelled" in text and "Issued in error" in text
    assert f"Page {pages} of {pages}" in text


def _fields(record: ConfirmationRecord) -> dict[str, object]:
    return {name: getattr(record, name) for name in ConfirmationRecord.__slots__}


def test_long_identifiers_wrap_and_are_never_cut(qapp: QApplication, tmp_path: Path) -> None:
    long_uid = "".join(f"{i:04d}" for i in range(40))  # 160 digits, no place to break
    record = ConfirmationRecord(**{**_fields(RECORD), "merchant_uid": long_uid})
    pdf = tmp_path / "long.pdf"
    save_pdf(pdf, [record], scope="one long id", generated_at=T_CANCELLED)
    squeezed = re.sub(r"\s+", "", run(tool("pdftotext", "poppler-utils"), str(pdf), "-"))
    assert squeezed.count(long_uid) == 2  # the heading and the field, each whole
    raw_lines = run(tool("pdftotext", "poppler-utils"), str(pdf), "-").splitlines()
    assert max(len(line) for line in raw_lines) < 120  # it wrapped instead of running off


def test_server_text_is_printed_as_text(qapp: QApplication, tmp_path: Path) -> None:
    record = ConfirmationRecord(
        **{
            **_fields(RECORD),
            "store": "<b>굵게</b> &amp;",
            "reason_memo": "<img src=x> 메모",
            "receipt_url": "javascript:alert(1)",
        }
    )
    pdf = tmp_path / "plain.pdf"
    save_pdf(pdf, [record], generated_at=T_CANCELLED)
    text = pdf_text(pdf)
    assert "<b>굵게</b> &amp;" in text and "<img src=x> 메모" in text
    assert "javascript:alert(1)" in text  # shown, but never offered as a QR code
    assert "No QR code: the address is not a web address that can be opened." in text
    assert qr_image("javascript:alert(1)") is None


def test_the_qr_code_on_the_page_decodes_to_the_receipt_url(
    qapp: QApplication, tmp_path: Path
) -> None:
    pdf = tmp_path / "qr.pdf"
    save_pdf(pdf, [RECORD], generated_at=T_CANCELLED)
    png = page_image(pdf, tmp_path)
    zbarimg = tool("zbarimg", "zbar-tools")
    decoded = run(zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png))
    assert decoded.strip() == URL


def test_the_qr_image_holds_segnos_matrix(qapp: QApplication) -> None:
    image = qr_image(URL)
    assert image is not None
    matrix = qr_matrix(URL)
    assert read_modules(image, len(matrix)) == matrix


def read_modules(image: QImage, size: int, border: int = 4) -> list[list[bool]]:
    """The dark/light value at the centre of each module of a QR image with a quiet zone."""
    step = image.width() / (size + 2 * border)
    return [
        [
            QImage.pixelColor(
                image, int((border + x + 0.5) * step), int((border + y + 0.5) * step)
            ).lightness()
            < 128
            for x in range(size)
        ]
        for y in range(size)
    ]


def test_printing_goes_through_the_same_code(qapp: QApplication, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert print_records(printer, [RECORD], generated_at=T_CANCELLED) == 1
    del printer
    saved = tmp_path / "saved.pdf"
    save_pdf(saved, [RECORD], generated_at=T_CANCELLED)
    assert pdf_text(printed) == pdf_text(saved)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_pdf_is_private_and_written_whole(qapp: QApplication, tmp_path: Path) -> None:
    pdf = tmp_path / "private.pdf"
    save_pdf(pdf, [RECORD], generated_at=T_CANCELLED)
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    with pytest.raises(ValueError):
        save_pdf(tmp_path / "empty.pdf", [], generated_at=T_CANCELLED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["private.pdf"]


def entry(outcome: Outcome) -> HistoryEntry:
    return HistoryEntry(
        id=4021,
        started_at=T_CANCELLED - 2.0,
        ended_at=T_CANCELLED + 0.5,
        profile="강남점",
        tier_code="A1B",
        merchant_uid="20261201000000012345",
        operator="김회계",
        outcome=outcome,
        amount=12_300,
        vat=1_118,
        receipt_type="person",
        apply_num="012345678",
        receipt_tid="PG-00012345",
        receipt_url=URL,
        cancelled_at=T_CANCELLED,
    )


def test_record_from_a_history_row() -> None:
    record = record_from_entry(
        entry(Outcome.CANCELLED),
        issued_at=T_ISSUED,
        reason=3,
        reason_memo="고객 요청으로 재발급 예정",
    )
    assert record == RECORD
    assert (
        record_from_entry(entry(Outcome.CANCELLED), store="강남점 (본사)").store == "강남점 (본사)"
    )
    for outcome in (Outcome.FAILED, Outcome.UNKNOWN, Outcome.PENDING):
        with pytest.raises(NotCancelledError):
            record_from_entry(entry(outcome))


def test_record_from_a_schema_4_row_takes_its_reason_memo_and_issue_time() -> None:
    import dataclasses

    from iamport_desk.models import CancelReason

    row = dataclasses.replace(
        entry(Outcome.CANCELLED),
        reason=CancelReason.OTHER,
        reason_note="고객 요청으로 재발급 예정",
        applied_at=T_ISSUED,
    )
    assert record_from_entry(row) == RECORD
    # Given values still win (a caller that knows better).
    assert record_from_entry(row, reason=1, reason_memo="x").reason == 1


def test_the_confirmation_words_reasons_and_types_as_the_history_does() -> None:
    from iamport_desk.ui.words import reason_text, receipt_type_label
    from iamport_desk.ui.words import won as window_won

    for code in (1, 2, 3):
        assert words.reason(code) == reason_text(code)
    assert words.receipt_type("company") == receipt_type_label("company")
    assert words.won(12_300) == window_won(12_300)


def test_record_from_the_result_screen() -> None:
    receipt = Receipt(
        merchant_uid="20261201000000012345",
        receipt_tid="PG-00012345",
        apply_num="012345678",
        type="person",
        amount=12_300,
        vat=1_118,
        receipt_url=URL,
        applied_at=T_ISSUED,
        cancelled_at=T_CANCELLED,
    )
    record = record_from_receipt(
        receipt,
        history_id=4021,
        store="강남점",
        tier_code="A1B",
        operator="김회계",
        reason=3,
        reason_memo="고객 요청으로 재발급 예정",
    )
    assert record == RECORD
    with pytest.raises(NotCancelledError):
        record_from_receipt(
            Receipt(**{**_receipt_fields(receipt), "cancelled_at": None}),
            history_id=1,
            store="s",
            tier_code=None,
            operator=None,
        )


def _receipt_fields(receipt: Receipt) -> dict[str, object]:
    return {name: getattr(receipt, name) for name in Receipt.__slots__}


def test_reason_codes_read_as_words() -> None:
    assert [words.reason(code) for code in (1, 2, 3, None, 9)] == [
        "Transaction cancelled",
        "Issued in error",
        "Other",
        "not recorded",
        "code 9",
    ]
    assert QCoreApplication.translate("Confirmation", "{0} won").format("1") == "1 won"


def test_page_break_plan_moves_only_records_that_would_be_split() -> None:
    from iamport_desk.ui.confirmation import plan_page_breaks

    # page 100 high; a heading starts 5 below a fresh page's top
    spans = [(10, 50), (50, 90), (90, 130), (130, 160), (160, 400), (400, 420)]
    # record 2 crosses 100 -> moved to 105..145; record 3 then 145..175; record 4 is taller
    # than a page and stays; record 5 ends up 415..435, inside page 4
    assert plan_page_breaks(spans, 100, 5) == {2}
    assert plan_page_breaks([(0, 99), (99, 198)], 100, 0) == {1}
    assert plan_page_breaks([(0, 50), (50, 100)], 100, 0) == frozenset()


def test_reordering_and_invisible_characters_are_shown_not_obeyed(
    qapp: QApplication, tmp_path: Path
) -> None:
    record = ConfirmationRecord(
        **{
            **_fields(RECORD),
            "apply_num": "\u202e123456",  # would print as 654321
            "receipt_url": "https://iamport.kr/r/\u200b0001",
            "reason_memo": "첫 줄\n둘째 줄",
        }
    )
    pdf = tmp_path / "bidi.pdf"
    save_pdf(pdf, [record], generated_at=T_CANCELLED)
    text = pdf_text(pdf)
    assert "[U+202E]123456" in text
    assert squeeze("https://iamport.kr/r/[U+200B]0001") in squeeze(text)
    lines = run(tool("pdftotext", "poppler-utils"), str(pdf), "-").splitlines()
    assert "둘째 줄" in lines  # the memo's second line prints as a line of its own


def test_a_corrected_cancellation_names_its_re_issue(
    qapp: QApplication, korean: None, tmp_path: Path
) -> None:
    """Issue 15: the confirmation carries the link to the re-issue that corrects it."""
    from dataclasses import replace

    pdf = tmp_path / "corrected.pdf"
    save_pdf(pdf, [replace(RECORD, corrected_by=4022)], generated_at=T_CANCELLED + 60)
    assert squeeze("처리 기록 번호 #4021 (정정 재발행: 기록 #4022)") in squeeze(pdf_text(pdf))
    plain = tmp_path / "plain.pdf"
    save_pdf(plain, [RECORD], generated_at=T_CANCELLED + 60)
    assert "정정 재발행" not in pdf_text(plain)


def test_record_from_entry_takes_the_rows_correction_link() -> None:
    from iamport_desk.models import Action, HistoryEntry, Outcome
    from iamport_desk.ui.confirmation_record import record_from_entry

    entry = HistoryEntry(
        id=11,
        started_at=1.0,
        ended_at=2.0,
        profile="강남점",
        tier_code=None,
        merchant_uid="00012345",
        operator="clerk",
        outcome=Outcome.CANCELLED,
        action=Action.CANCEL,
        corrected_by=12,
    )
    assert record_from_entry(entry).corrected_by == 12
