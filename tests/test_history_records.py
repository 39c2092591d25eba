"""Schema 4 (issues 14-16): reasons, lookup snapshots, issue rows linked to the cancellation
they correct, masked identifiers, V2's API kind, Idempotency-Key and typed errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from iamport_desk.history import History, HistoryFilter, schema
from iamport_desk.models import (
    Action,
    CancelReason,
    NoteCode,
    Outcome,
    Receipt,
    ReceiptSource,
)
from iamport_desk.rules import RuleError, mask_identifier, validate_reason_note
from tests.fakes import FakeClock

pytestmark = pytest.mark.timeout(60)

T0 = 1_767_225_600.0  # 2026-01-01 00:00 UTC


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def history(db_path: Path, clock: FakeClock) -> Iterator[History]:
    with History(db_path, clock=clock, operator="clerk") as h:
        yield h


def receipt(
    merchant_uid: str = "00012345",
    *,
    cancelled_at: int | None = None,
    amount: int = 12_000,
    apply_num: str = "012345678",
) -> Receipt:
    return Receipt(
        merchant_uid=merchant_uid,
        receipt_tid="PG-TID-9",
        apply_num=apply_num,
        type="person",
        amount=amount,
        vat=1_090,
        receipt_url="https://receipt.example/9",
        applied_at=1_767_000_000,
        cancelled_at=cancelled_at,
    )


def read_row(path: Path, entry_id: int, columns: str) -> tuple[object, ...]:
    """A row as a second connection sees it (what survives if the app dies now)."""
    other = sqlite3.connect(path)
    try:
        row = other.execute(
            f"SELECT {columns} FROM attempts WHERE id = ?",
            (entry_id,),
        ).fetchone()
    finally:
        other.close()
    assert row is not None
    return tuple(row)


def cancelled_row(history: History, uid: str = "00012345") -> int:
    entry_id = history.begin(
        profile="본점",
        tier_code=None,
        merchant_uid=uid,
        reason=CancelReason.ISSUED_IN_ERROR,
        looked_up=receipt(uid),
    )
    history.finish(entry_id, Outcome.CANCELLED, receipt=receipt(uid, cancelled_at=1_767_300_000))
    return entry_id


# -- issue 14: the reason and the lookup snapshot, in the pending row -------------------


def test_reason_and_lookup_snapshot_are_in_the_row_before_the_request(
    history: History, db_path: Path
) -> None:
    entry_id = history.begin(
        profile="본점",
        tier_code="T01",
        merchant_uid="00012345",
        reason=CancelReason.OTHER,
        reason_note="  고객 요청  ",
        looked_up=receipt(),
    )
    # Nothing has been sent yet: this is what an auditor finds if the app dies now.
    assert read_row(
        db_path,
        entry_id,
        "outcome, action, reason, reason_note, amount, vat, apply_num, receipt_type, "
        "applied_at, receipt_url, receipt_source, api",
    ) == (
        "pending",
        "cancel",
        3,
        "고객 요청",
        12_000,
        1_090,
        "012345678",
        "person",
        1_767_000_000,
        "https://receipt.example/9",
        "lookup",
        "v1",
    )
    entry = history.get(entry_id)
    assert entry.reason is CancelReason.OTHER and entry.reason_note == "고객 요청"
    assert entry.receipt_source is ReceiptSource.LOOKUP
    assert entry.applied_at == 1_767_000_000


def test_a_failed_attempt_keeps_what_the_lookup_showed(history: History) -> None:
    entry_id = history.begin(
        profile="본점",
        tier_code=None,
        merchant_uid="00012345",
        reason=CancelReason.TRANSACTION_CANCELLED,
        looked_up=receipt(),
    )
    failed = history.finish(entry_id, Outcome.FAILED, http_status=400, code=-1, message="거절")
    assert (failed.amount, failed.vat, failed.apply_num) == (12_000, 1_090, "012345678")
    assert failed.receipt_source is ReceiptSource.LOOKUP
    assert failed.reason is CancelReason.TRANSACTION_CANCELLED


def test_the_answer_replaces_the_snapshot_and_says_so(history: History) -> None:
    entry_id = history.begin(
        profile="본점", tier_code=None, merchant_uid="00012345", looked_up=receipt()
    )
    answer = receipt(cancelled_at=1_767_300_000, amount=11_000)
    done = history.finish(entry_id, Outcome.CANCELLED, receipt=answer)
    assert done.receipt_source is ReceiptSource.ANSWER
    assert (done.amount, done.cancelled_at) == (11_000, 1_767_300_000)


def test_a_lookup_of_another_order_is_not_kept(history: History) -> None:
    with pytest.raises(ValueError, match="another order"):
        history.begin(
            profile="본점", tier_code=None, merchant_uid="00012345", looked_up=receipt("9")
        )
    assert history.count() == 0


@pytest.mark.parametrize(
    ("note", "kind"),
    [
        (None, "empty"),
        ("   ", "empty"),
        ("memo\u202eevil", "control"),
        ("memo\u200bhidden", "control"),
        ("line\nbreak", "control"),
        ("가" * 101, "too_long"),
    ],
)
def test_other_needs_a_short_clean_memo_and_nothing_is_written_without(
    history: History, note: str | None, kind: str
) -> None:
    with pytest.raises(RuleError) as caught:
        history.begin(
            profile="본점",
            tier_code=None,
            merchant_uid="00012345",
            reason=CancelReason.OTHER,
            reason_note=note,
        )
    assert (caught.value.field, caught.value.kind) == ("reason_note", kind)
    assert history.count() == 0


def test_memo_rules() -> None:
    assert validate_reason_note(None, CancelReason.TRANSACTION_CANCELLED) is None
    assert validate_reason_note("", None) is None
    assert validate_reason_note(" 재결제 ", CancelReason.ISSUED_IN_ERROR) == "재결제"
    decomposed = "\u1100\u1161"  # 가 as jamo (macOS paste)
    assert validate_reason_note(decomposed, CancelReason.OTHER) == "가"
    assert validate_reason_note("가" * 100, CancelReason.OTHER) == "가" * 100


def test_reason_codes_are_the_practice_numbers() -> None:
    assert [(r.name, int(r)) for r in CancelReason] == [
        ("TRANSACTION_CANCELLED", 1),
        ("ISSUED_IN_ERROR", 2),
        ("OTHER", 3),
    ]


# -- the migration from schema 3 ---------------------------------------------------------


def make_v3(path: Path) -> None:
    """A history as the previous version wrote it: migrations 1-3, two rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        schema.register_functions(conn)
        conn.execute("BEGIN")
        for step in schema.MIGRATIONS[:3]:
            for statement in step:
                conn.execute(statement)
        schema.add_search_index(conn)
        conn.executemany(
            "INSERT INTO attempts (started_at, ended_at, profile, merchant_uid, order_key, "
            "outcome, amount, apply_num, cancelled_at, note, operator) "
            "VALUES (?, ?, '본점', ?, ?, ?, ?, ?, ?, ?, 'clerk')",
            [
                (T0, T0 + 1, "00012345", "00012345", "cancelled", 5000, "012345678", 17, None),
                (T0 + 5, T0 + 6, "OLD-2", "OLD-2", "failed", None, None, None, "network"),
            ],
        )
        conn.execute("PRAGMA user_version = 3")
        conn.execute("COMMIT")
    finally:
        conn.close()


def test_migration_from_schema_3_reads_old_rows_as_not_recorded(
    db_path: Path, tmp_path: Path
) -> None:
    make_v3(db_path)
    with History(db_path, operator="clerk") as h:
        old = h.query(descending=False)
        assert [(e.merchant_uid, e.outcome) for e in old] == [
            ("00012345", Outcome.CANCELLED),
            ("OLD-2", Outcome.FAILED),
        ]
        first = old[0]
        assert (first.amount, first.apply_num, first.cancelled_at) == (5000, "012345678", 17)
        assert (first.action, first.api) == (Action.CANCEL, "v1")  # all there was before
        assert (first.reason, first.reason_note, first.receipt_source, first.applied_at) == (
            None,
            None,
            None,
            None,
        )
        assert (first.corrects_id, first.corrected_by, first.identifier_masked) == (None,) * 3
        assert (first.idempotency_key, first.error_type, first.pg_code) == (None,) * 3
        # The old rows are found by the new filters as "not recorded".
        assert h.count(HistoryFilter(reasons=frozenset({None}))) == 2
        assert h.count(HistoryFilter(actions=frozenset({Action.CANCEL}))) == 2
        assert h.query(HistoryFilter(text="0001234"))[0].id == first.id  # search index kept
        new = h.begin(
            profile="본점",
            tier_code=None,
            merchant_uid="NEW-1",
            reason=CancelReason.TRANSACTION_CANCELLED,
        )
        assert h.get(new).reason is CancelReason.TRANSACTION_CANCELLED
    assert read_row(db_path, 1, "action, api") == ("cancel", "v1")
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    finally:
        conn.close()
    fresh = tmp_path / "fresh.sqlite3"
    History(fresh).close()

    def table(path: Path) -> list[tuple[str, str]]:
        c = sqlite3.connect(path)
        try:
            return [(r[1], r[2]) for r in c.execute("PRAGMA table_info(attempts)")]
        finally:
            c.close()

    assert table(fresh) == table(db_path)  # a migrated file is a fresh file


# -- issue 15: issue rows, linked, masked, settled by lookup ----------------------------


def test_an_issue_row_is_pending_before_the_post_and_linked_both_ways(
    history: History, db_path: Path
) -> None:
    cancel_id = cancelled_row(history)
    issue_id = history.begin_issue(
        profile="본점",
        tier_code=None,
        merchant_uid="00012345",
        corrects=cancel_id,
        amount=12_000,
        vat=1_090,
        receipt_type="company",
        identifier_masked=mask_identifier("1234567890"),
    )
    assert read_row(
        db_path,
        issue_id,
        "outcome, action, corrects_id, amount, vat, receipt_type, receipt_source, "
        "identifier_masked",
    ) == ("pending", "issue", cancel_id, 12_000, 1_090, "company", "request", "******7890")
    assert read_row(db_path, cancel_id, "corrected_by") == (issue_id,)
    cancel, issue = history.get_pair(cancel_id)
    assert cancel is not None and issue is not None
    assert (cancel.id, issue.id) == (cancel_id, issue_id)
    assert history.get_pair(issue_id) == (cancel, issue)
    assert issue.action is Action.ISSUE and issue.reason is None
    # The answer: done means issued for an issue row.
    issued = history.finish(
        issue_id, Outcome.CANCELLED, http_status=200, code=0, receipt=receipt(apply_num="0999")
    )
    assert issued.receipt_source is ReceiptSource.ANSWER and issued.apply_num == "0999"
    # A correction is not a cancellation: the duplicate guard still finds the cancel row.
    last = history.last_cancelled("00012345")
    assert last is not None and last.id == cancel_id


def test_a_second_issue_attempt_is_linked_too(history: History) -> None:
    cancel_id = cancelled_row(history)
    first = history.begin_issue(
        profile="본점",
        tier_code=None,
        merchant_uid="00012345",
        corrects=cancel_id,
        amount=12_000,
        vat=None,
        receipt_type="person",
        identifier_masked="01012345678",
    )
    history.finish(first, Outcome.FAILED, http_status=400, code=1, message="이미 발행")
    # A refused re-issue is no correction: the confirmation and exports must not name it.
    assert history.get(cancel_id).corrected_by is None
    assert history.get(first).corrects_id == cancel_id  # what was tried stays visible
    second = history.begin_issue(
        profile="본점",
        tier_code=None,
        merchant_uid="00012345-R1",
        corrects=cancel_id,
        amount=12_000,
        vat=None,
        receipt_type="person",
        identifier_masked="01012345678",
    )
    assert [e.id for e in history.corrections(cancel_id)] == [first, second]
    assert history.get(cancel_id).corrected_by == second  # the latest attempt
    assert history.get_pair(cancel_id)[1] == history.get(second)
    assert history.get_pair(second)[0] == history.get(cancel_id)


def test_an_unknown_re_issue_settled_as_not_issued_releases_the_link(history: History) -> None:
    cancel_id = cancelled_row(history)
    tried = history.begin_issue(
        profile="본점",
        tier_code=None,
        merchant_uid="00012345",
        corrects=cancel_id,
        amount=12_000,
        vat=None,
        receipt_type="person",
        identifier_masked="01012345678",
    )
    history.finish(tried, Outcome.UNKNOWN, note="answer_lost")
    assert history.get(cancel_id).corrected_by == tried  # it may have happened
    # The lookup finds the cancelled receipt only: the re-issue did not happen.
    history.reconcile(tried, receipt("00012345", cancelled_at=1_700_000_000))
    assert history.get(tried).outcome is Outcome.FAILED
    assert history.get(cancel_id).corrected_by is None


def test_only_a_cancellation_that_went_through_can_be_corrected(history: History) -> None:
    failed = history.begin(profile="본점", tier_code=None, merchant_uid="A")
    history.finish(failed, Outcome.FAILED, http_status=400)
    issue = {
        "profile": "본점",
        "tier_code": None,
        "merchant_uid": "A",
        "amount": 1000,
        "vat": 91,
        "receipt_type": "person",
        "identifier_masked": "01012345678",
    }
    with pytest.raises(ValueError):
        history.begin_issue(corrects=failed, **issue)  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        history.begin_issue(corrects=999, **issue)  # type: ignore[arg-type]
    alone = history.begin_issue(corrects=None, **issue)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        history.begin_issue(corrects=alone, **issue)  # type: ignore[arg-type]
    assert history.get_pair(alone) == (None, history.get(alone))
    assert history.get(failed).corrected_by is None
    assert history.count() == 2  # the refused ones wrote nothing


@pytest.mark.parametrize(
    ("amount", "vat"), [(0, None), (-5, None), (1000, 1001), (1000, -1), (True, None)]
)
def test_an_issue_of_a_bad_amount_writes_nothing(
    history: History, amount: int, vat: int | None
) -> None:
    with pytest.raises(ValueError):
        history.begin_issue(
            profile="본점",
            tier_code=None,
            merchant_uid="A",
            corrects=None,
            amount=amount,
            vat=vat,
            receipt_type="person",
            identifier_masked="01012345678",
        )
    assert history.count() == 0


def test_mask_identifier() -> None:
    assert mask_identifier("01012345678") == "*******5678"
    assert mask_identifier("010-1234-5678") == "*******5678"
    assert mask_identifier(" 123-45-67890 ") == "******7890"
    assert mask_identifier("*******5678") == "*******5678"  # idempotent
    assert mask_identifier("1234") == "****"  # too short to show any of it
    assert mask_identifier("") == ""


def test_the_identifier_never_reaches_the_file_unmasked(db_path: Path, tmp_path: Path) -> None:
    whole = "01098765432"
    with History(db_path, operator="clerk") as h:
        issue_id = h.begin_issue(
            profile="본점",
            tier_code=None,
            merchant_uid="ORD-7",
            corrects=None,
            amount=5000,
            vat=455,
            receipt_type="person",
            identifier_masked=whole,  # a caller that forgot to mask
        )
        entry = h.finish(issue_id, Outcome.UNKNOWN, note=NoteCode.ANSWER_LOST)
        assert entry.identifier_masked == "*******5432"
        assert whole not in repr(entry)
        h.export_csv(tmp_path / "out.csv")
        files = [p for p in db_path.parent.iterdir() if p.is_file()]
        assert db_path in files
        for path in files:  # the database, its -wal and -shm
            data = path.read_bytes()
            assert whole.encode() not in data and b"0109876" not in data, path.name
    assert b"*******5432" in (tmp_path / "out.csv").read_bytes()
    assert whole.encode() not in (tmp_path / "out.csv").read_bytes()


def test_unknown_issues_are_settled_by_looking_the_order_up(db_path: Path) -> None:
    from iamport_desk.api import IamportClient
    from iamport_desk.errors import ReceiptNotFound
    from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Simulator

    with History(db_path, operator="clerk") as h:
        ids = {}
        for uid in ("ISSUED", "ONLY-CANCELLED", "NOTHING"):
            entry_id = h.begin_issue(
                profile="본점",
                tier_code=None,
                merchant_uid=uid,
                corrects=None,
                amount=7000,
                vat=636,
                receipt_type="person",
                identifier_masked="01012345678",
            )
            h.finish(entry_id, Outcome.UNKNOWN, note=NoteCode.ANSWER_LOST)
            ids[uid] = entry_id
        with Simulator(seed=False) as simulator:
            simulator.add_receipt("ISSUED", amount=7000)
            simulator.add_receipt("ONLY-CANCELLED", amount=9000, cancelled_at=1_767_100_000)
            with IamportClient(
                DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=simulator.base_url
            ) as client:

                def lookup(entry: object) -> Receipt | None:
                    try:
                        return client.lookup(getattr(entry, "merchant_uid"))  # noqa: B009
                    except ReceiptNotFound:
                        return None

                report = h.reconcile_all(lookup)
            posted = simulator.count("POST", "/receipts")
        assert posted == 0  # settled by lookup, never by posting again
        assert report.left == () and len(report.settled) == 3
        issued = h.get(ids["ISSUED"])
        assert issued.outcome is Outcome.CANCELLED  # done: issued
        assert issued.note == "answer_lost; confirmed_by_lookup"
        assert issued.receipt_source is ReceiptSource.LOOKUP and issued.amount == 7000
        for uid in ("ONLY-CANCELLED", "NOTHING"):
            entry = h.get(ids[uid])
            assert entry.outcome is Outcome.FAILED, uid
            assert entry.note == "answer_lost; not_issued_by_lookup"
            # The cancelled receipt is the one being corrected: the row keeps its request.
            assert (entry.amount, entry.receipt_source) == (7000, ReceiptSource.REQUEST)
        assert h.last_cancelled("ONLY-CANCELLED") is None


def test_a_cancel_row_is_still_settled_by_the_old_rule(history: History) -> None:
    entry_id = history.begin(profile="본점", tier_code=None, merchant_uid="00012345")
    history.finish(entry_id, Outcome.UNKNOWN, note=NoteCode.ANSWER_LOST)
    settled = history.reconcile(entry_id, receipt(cancelled_at=None))
    assert settled.outcome is Outcome.FAILED
    assert settled.note == "answer_lost; not_cancelled_by_lookup"
    assert settled.receipt_source is ReceiptSource.LOOKUP


# -- issue 16: V2 rows ------------------------------------------------------------------


def test_a_v2_row_keeps_its_api_and_idempotency_key_from_the_pending_row(
    history: History, db_path: Path
) -> None:
    key = "9b2f6c1e-6a43-4a8e-9f0e-3d0c5b7a1e42"
    entry_id = history.begin(
        profile="V2 상점",
        tier_code=None,
        merchant_uid="pay-00012345",
        reason=CancelReason.TRANSACTION_CANCELLED,
        api="v2",
        idempotency_key=key,
    )
    assert read_row(db_path, entry_id, "outcome, api, idempotency_key") == ("pending", "v2", key)
    entry = history.finish(
        entry_id,
        Outcome.FAILED,
        http_status=400,
        message="PG사에서 거절했습니다.",
        error_type="PG_PROVIDER",
        pg_code="E102",
        pg_message="카드사 점검 중",
    )
    assert (entry.api, entry.idempotency_key) == ("v2", key)
    assert (entry.error_type, entry.pg_code, entry.pg_message) == (
        "PG_PROVIDER",
        "E102",
        "카드사 점검 중",
    )
    # An unknown V2 outcome keeps the key to resend with: the row has it after recovery.
    other = history.begin(
        profile="V2 상점", tier_code=None, merchant_uid="pay-2", api="v2", idempotency_key="k-2"
    )
    assert history.finish(other, Outcome.UNKNOWN).idempotency_key == "k-2"


@pytest.mark.parametrize(
    ("api", "key"), [("v3", None), ("V2", None), ("v2", ""), ("v2", "a b"), ("v2", "키")]
)
def test_bad_api_kinds_and_keys_write_nothing(history: History, api: str, key: str | None) -> None:
    with pytest.raises(ValueError):
        history.begin(
            profile="p",
            tier_code=None,
            merchant_uid="A",
            api=api,  # type: ignore[arg-type]
            idempotency_key=key,
        )
    assert history.count() == 0


# -- queries ----------------------------------------------------------------------------


def test_filter_by_action_and_reason(history: History, clock: FakeClock) -> None:
    cancel_id = cancelled_row(history, "A")
    clock.now += 1
    other = history.begin(
        profile="본점",
        tier_code=None,
        merchant_uid="B",
        reason=CancelReason.OTHER,
        reason_note="메모",
    )
    clock.now += 1
    unrecorded = history.begin(profile="본점", tier_code=None, merchant_uid="C")
    clock.now += 1
    issue = history.begin_issue(
        profile="본점",
        tier_code=None,
        merchant_uid="A",
        corrects=cancel_id,
        amount=1000,
        vat=None,
        receipt_type="person",
        identifier_masked="01012345678",
    )

    def ids(flt: HistoryFilter) -> list[int]:
        found = [e.id for e in history.query(flt)]
        assert history.count(flt) == len(found)
        return found

    assert ids(HistoryFilter(actions=frozenset({Action.ISSUE}))) == [issue]
    assert ids(HistoryFilter(actions=frozenset({Action.CANCEL}))) == [unrecorded, other, cancel_id]
    assert ids(HistoryFilter(actions=frozenset())) == []
    assert ids(HistoryFilter(reasons=frozenset({CancelReason.OTHER}))) == [other]
    both = frozenset({CancelReason.OTHER, CancelReason.ISSUED_IN_ERROR})
    assert ids(HistoryFilter(reasons=both)) == [other, cancel_id]
    assert ids(HistoryFilter(reasons=frozenset({None}))) == [issue, unrecorded]
    assert ids(HistoryFilter(reasons=frozenset({None, CancelReason.OTHER}))) == [
        issue,
        unrecorded,
        other,
    ]
    assert ids(HistoryFilter(reasons=frozenset())) == []
    assert ids(HistoryFilter(actions=frozenset({Action.CANCEL}), reasons=frozenset({None}))) == [
        unrecorded
    ]


def test_closing_does_not_reanalyse_the_table_every_time(db_path: Path) -> None:
    # An index SQLite's optimize never finds statistics for (an empty partial index)
    # made every close() re-run ANALYZE: +300 ms per window on a million rows.
    with History(db_path, operator="clerk") as h:
        for n in range(300):
            h.finish(h.begin(profile="p", tier_code=None, merchant_uid=f"O-{n}"), Outcome.FAILED)
    conns: list[sqlite3.Connection] = []
    for _ in range(2):
        with History(db_path, on_connect=conns.append) as h:
            h.query(limit=200)
            h.count(HistoryFilter(actions=frozenset({Action.ISSUE})))
            pending = conns[-1].execute("PRAGMA optimize(-1)").fetchall()
    assert pending == []  # the first close analysed; the second has nothing left to do


def test_a_v2_pg_refusal_is_recorded_with_its_type_and_pg_words(history: History) -> None:
    from iamport_desk.errors import ApiError
    from iamport_desk.history.attempts import v2_error_fields
    from iamport_desk.portone_v2.errors import V2PgProviderError

    refused = V2PgProviderError(
        "refused",
        status=400,
        error_type="PG_PROVIDER",
        message="PG사 거절 | 한도 초과",
        pg_code="0051",
        pg_message="한도 초과",
    )
    entry_id = history.begin(profile="V2", tier_code=None, merchant_uid="pay-1", api="v2")
    entry = history.finish(
        entry_id,
        Outcome.FAILED,
        http_status=400,
        message=refused.message,
        **v2_error_fields(refused),
    )
    assert (entry.error_type, entry.pg_code, entry.pg_message) == (
        "PG_PROVIDER",
        "0051",
        "한도 초과",
    )
    assert v2_error_fields(ApiError("v1", status=400)) == dict.fromkeys(
        ("error_type", "pg_code", "pg_message")
    )


def test_an_issue_left_pending_by_a_closed_copy_needs_checking(db_path: Path) -> None:
    first = History(db_path, operator="clerk")
    issue_id = first.begin_issue(
        profile="본점",
        tier_code=None,
        merchant_uid="ORD-9",
        corrects=None,
        amount=3000,
        vat=273,
        receipt_type="person",
        identifier_masked="01012345678",
        idempotency_key="key-9",
        api="v2",
    )
    first.close()  # the copy ends while the POST is out: its lock goes with it
    with History(db_path, operator="clerk") as h:
        (entry,) = h.unresolved()
        assert (entry.id, entry.action, entry.note) == (issue_id, Action.ISSUE, "interrupted")
        assert entry.idempotency_key == "key-9"  # a V2 resend uses the same key
        settled = h.reconcile(issue_id, receipt("ORD-9"))
    assert settled.outcome is Outcome.CANCELLED
    assert settled.note == "interrupted; confirmed_by_lookup"
