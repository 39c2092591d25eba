"""The export's columns for schema 4 (issue 14): old columns keep their order, new ones
follow; one typed row mapping for every writer; the words for reasons, actions, outcomes
per action and receipt sources."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from iamport_desk.history import History
from iamport_desk.history_export import (
    COLUMN_KINDS,
    DEFAULT_HEADERS,
    LEGACY_HEADERS,
    RECORD_HEADERS,
    CellKind,
    ExportLabels,
    entry_values,
)
from iamport_desk.models import Action, CancelReason, Outcome, Receipt, ReceiptSource
from iamport_desk.ui.words import (
    action_text,
    export_words,
    outcome_text,
    reason_text,
    receipt_source_text,
    record_words,
)
from tests.fakes import FakeClock

pytestmark = pytest.mark.timeout(60)

T0 = 1_767_225_600.0  # 2026-01-01 09:00 KST
LONG_UID = "20261201000000012345"  # 20 digits: a spreadsheet would make it 2.0261201e+19


def receipt(uid: str, *, cancelled_at: int | None = None) -> Receipt:
    return Receipt(
        merchant_uid=uid,
        receipt_tid="0007",
        apply_num="012345678",
        type="person",
        amount=12_000,
        vat=1_090,
        receipt_url="https://receipt.example/9",
        applied_at=1_767_000_000,  # 2025-12-29 18:20 KST
        cancelled_at=cancelled_at,
    )


@pytest.fixture
def history(tmp_path: Path) -> Iterator[History]:
    with History(tmp_path / "h.sqlite3", clock=FakeClock(T0), operator="clerk") as h:
        yield h


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def fill(history: History) -> tuple[int, int, int]:
    """A correction (cancel + linked issue) and an unknown attempt that kept the lookup."""
    cancel = history.begin(
        profile="본점",
        tier_code=None,
        merchant_uid=LONG_UID,
        reason=CancelReason.OTHER,
        reason_note="고객 요청",
        looked_up=receipt(LONG_UID),
    )
    history.finish(cancel, Outcome.CANCELLED, receipt=receipt(LONG_UID, cancelled_at=1_767_225_700))
    issue = history.begin_issue(
        profile="본점",
        tier_code=None,
        merchant_uid=LONG_UID,
        corrects=cancel,
        amount=12_000,
        vat=1_090,
        receipt_type="company",
        identifier_masked="1234567890",
    )
    history.finish(issue, Outcome.CANCELLED, receipt=receipt(LONG_UID))
    lost = history.begin(
        profile="본점",
        tier_code=None,
        merchant_uid="00012345",
        reason=CancelReason.TRANSACTION_CANCELLED,
        looked_up=receipt("00012345"),
        api="v2",
        idempotency_key="key-1",
    )
    history.finish(lost, Outcome.UNKNOWN, note="answer_lost")
    return cancel, issue, lost


def test_every_column_has_a_kind_and_old_columns_keep_their_place() -> None:
    assert len(COLUMN_KINDS) == len(DEFAULT_HEADERS) == len(LEGACY_HEADERS) + len(RECORD_HEADERS)
    assert DEFAULT_HEADERS[: len(LEGACY_HEADERS)] == LEGACY_HEADERS
    assert LEGACY_HEADERS[0] == "started_at" and LEGACY_HEADERS[-1] == "note"
    kinds = dict(zip(DEFAULT_HEADERS, COLUMN_KINDS, strict=True))
    for title in ("merchant_uid", "apply_num", "receipt_tid", "identifier_masked"):
        assert kinds[title] is CellKind.IDENTIFIER, title
    assert kinds["amount"] is kinds["vat"] is CellKind.AMOUNT
    assert kinds["applied_at"] is kinds["cancelled_at"] is CellKind.TIME


@pytest.mark.usefixtures("korean")
def test_csv_has_the_new_columns_at_the_end(history: History, tmp_path: Path) -> None:
    cancel, issue, lost = fill(history)
    dest = tmp_path / "out.csv"
    assert history.export_csv(dest, descending=False, **export_words()) == 3
    header, *rows = read_csv(dest)
    assert len(header) == len(DEFAULT_HEADERS) and header[18] == "기록 번호"
    by_id = {int(row[18]): dict(zip(header, row, strict=True)) for row in rows}
    c, i, u = by_id[cancel], by_id[issue], by_id[lost]
    assert (c["작업"], c["취소 사유"], c["사유 메모"], c["결과"]) == (
        "발행취소",
        "기타",
        "고객 요청",
        "취소됨",
    )
    assert (c["연결된 기록 번호"], i["연결된 기록 번호"]) == (str(issue), str(cancel))
    assert (i["작업"], i["결과"], i["취소 사유"]) == ("정정 재발행", "발행됨", "")
    assert i["고객 식별번호(가림)"] == "******7890"
    assert c["영수증 정보 출처"] == "PortOne 응답" and u["영수증 정보 출처"] == "조회 결과"
    assert (u["결과"], u["금액 (원)"], u["승인번호"]) == ("결과 확인 필요", "12000", "012345678")
    assert u["API 종류"] == "V2"
    assert c["원 발행 시각 (KST)"] == "2025-12-29 18:20:00"
    assert (c["주문번호"], u["주문번호"]) == (LONG_UID, "00012345")  # every digit, as text


def test_a_caller_with_the_old_18_headers_still_exports(history: History, tmp_path: Path) -> None:
    fill(history)
    titles = [f"title {n}" for n in range(len(LEGACY_HEADERS))]
    history.export_csv(tmp_path / "a.csv", headers=titles)
    assert read_csv(tmp_path / "a.csv")[0] == [*titles, *RECORD_HEADERS]
    with pytest.raises(ValueError, match="headers"):
        history.export_csv(tmp_path / "b.csv", headers=titles[:-1])
    assert not (tmp_path / "b.csv").exists()


@pytest.mark.usefixtures("korean")
def test_rows_before_schema_4_read_not_recorded(tmp_path: Path) -> None:
    from tests.test_history_records import make_v3

    path = tmp_path / "old.sqlite3"
    make_v3(path)
    with History(path) as h:
        h.export_csv(tmp_path / "old.csv", descending=False, **export_words())
    header, with_receipt, without = read_csv(tmp_path / "old.csv")
    first = dict(zip(header, with_receipt, strict=True))
    second = dict(zip(header, without, strict=True))
    assert (first["취소 사유"], first["영수증 정보 출처"], first["작업"]) == (
        "기록 없음",
        "기록 없음",
        "발행취소",
    )
    assert (second["취소 사유"], second["영수증 정보 출처"]) == ("기록 없음", "")


def test_one_typed_mapping_serves_every_writer(history: History) -> None:
    fill(history)
    labels = ExportLabels.of()
    for entry in history.query():
        values = entry_values(entry, labels)
        assert len(values) == len(COLUMN_KINDS)
        for kind, value in zip(COLUMN_KINDS, values, strict=True):
            if value is None:
                continue
            if kind in (CellKind.TEXT, CellKind.IDENTIFIER):
                assert isinstance(value, str), (kind, value)
            elif kind in (CellKind.AMOUNT, CellKind.NUMBER):
                assert isinstance(value, int) and not isinstance(value, bool), (kind, value)
            else:
                assert isinstance(value, float), (kind, value)


@pytest.mark.usefixtures("qapp")
def test_the_clerks_words_for_records(history: History, tmp_path: Path) -> None:
    assert reason_text(None) == "Not recorded"
    assert [reason_text(r) for r in CancelReason] == [
        "Transaction cancelled",
        "Issued in error",
        "Other",
    ]
    assert reason_text(7) == "7"  # a number no version wrote is shown as it is
    assert (action_text(Action.CANCEL), action_text(Action.ISSUE)) == ("Cancellation", "Re-issue")
    assert outcome_text(Outcome.CANCELLED, Action.CANCEL) == "Cancelled"
    assert outcome_text(Outcome.CANCELLED, Action.ISSUE) == "Issued"
    assert outcome_text(Outcome.FAILED, Action.ISSUE) == "Not issued"
    sources = {receipt_source_text(s) for s in ReceiptSource}
    assert len(sources) == len(ReceiptSource) and receipt_source_text(None) == "Not recorded"
    words = record_words()
    assert len(words.headers) == len(RECORD_HEADERS)
    cancel, issue, _lost = fill(history)
    history.export_csv(tmp_path / "w.csv", record_words=words, descending=False)
    header, *rows = read_csv(tmp_path / "w.csv")
    assert header[len(LEGACY_HEADERS) :] == list(words.headers)
    first = dict(zip(header, rows[0], strict=True))
    assert (first["Action"], first["Cancellation reason"], first["Reason memo"]) == (
        "Cancellation",
        "Other",
        "고객 요청",
    )
    second = dict(zip(header, rows[1], strict=True))
    assert second["Action"] == "Re-issue" and second["outcome"] == "Issued"
    assert second["Linked row number"] == str(cancel) and int(second["Row number"]) == issue
