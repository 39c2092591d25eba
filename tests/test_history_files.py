"""The history file itself: who may read it, what a lost or newer file does, how one order
is found under either Unicode spelling, notes as codes, and reconciliation that goes on."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from iamport_desk.errors import ApiError, NetworkError
from iamport_desk.history import History, HistoryFilter, HistoryUnavailable
from iamport_desk.models import HistoryEntry, NoteCode, Outcome, Receipt
from tests.fakes import FakeClock
from tests.test_history import V2_STEPS, make_v1, receipt

T0 = 1_700_000_000.0
NFC = "주문-가나다"
NFD = unicodedata.normalize("NFD", NFC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def history(db_path: Path) -> Iterator[History]:
    with History(db_path, clock=FakeClock(T0), operator="clerk") as h:
        yield h


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- readable by the user only (issue 12.9) ---------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: the profile's ACL)")
def test_database_wal_shm_and_exports_are_private(db_path: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with History(db_path) as h:
            h.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
            files = [db_path.with_name(db_path.name + s) for s in ("", "-wal", "-shm")]
            assert all(f.exists() for f in files)
            assert [mode(f) for f in files] == [0o600] * 3
            h.export_csv(tmp_path / "out.csv")
        assert mode(tmp_path / "out.csv") == 0o600
    finally:
        os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_an_older_world_readable_file_is_made_private(db_path: Path) -> None:
    make_v1(db_path)
    db_path.chmod(0o644)
    History(db_path).close()
    assert mode(db_path) == 0o600


# -- a lost, damaged or newer file (issue 12.11) ----------------------------------------


def set_aside_files(db_path: Path, why: str) -> list[str]:
    return sorted(p.name for p in db_path.parent.iterdir() if f".{why}-" in p.name)


def test_a_history_emptied_to_zero_bytes_is_set_aside_and_reported(db_path: Path) -> None:
    with History(db_path) as h:
        h.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
    db_path.write_bytes(b"")

    with pytest.raises(HistoryUnavailable) as info:
        History(db_path)

    assert info.value.reason == "emptied"
    assert not db_path.exists()
    assert len(set_aside_files(db_path, "emptied")) == 1
    with History(db_path) as again:  # the next try begins a new history
        assert again.count() == 0


def test_a_zero_byte_file_where_no_history_was_is_a_new_history(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    with History(db_path) as h:
        assert h.count() == 0


def test_a_headerless_file_is_set_aside_as_damaged(db_path: Path) -> None:
    History(db_path).close()
    db_path.write_bytes(b"\x00" * 4096)
    with pytest.raises(HistoryUnavailable) as info:
        History(db_path)
    assert info.value.reason == "corrupt"
    assert len(set_aside_files(db_path, "damaged")) == 1


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_newer_file_is_refused_before_anything_in_it_changes(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("CREATE TABLE attempts (id INTEGER PRIMARY KEY, future TEXT)")
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()
    before = digest(db_path)

    with pytest.raises(HistoryUnavailable) as info:
        History(db_path)

    assert info.value.reason == "newer"
    assert digest(db_path) == before  # not switched to WAL, not chmod-ed into anything else
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["history.sqlite3"]


# -- one order under two Unicode spellings (issue 12.10) ----------------------------------


def test_search_and_duplicate_guard_treat_nfc_and_nfd_as_one_order(history: History) -> None:
    entry_id = history.begin(profile="p", tier_code=None, merchant_uid=NFD)
    history.finish(entry_id, Outcome.CANCELLED, receipt=receipt(NFD))

    guard = history.last_cancelled(NFC, profile="p")
    assert guard is not None and guard.id == entry_id
    assert guard.merchant_uid == NFD  # stored as typed; found by its key
    assert [e.id for e in history.query(HistoryFilter(text=NFC))] == [entry_id]
    assert history.count(HistoryFilter(text="가나")) == 1  # NFC typed, NFD stored
    assert history.count(HistoryFilter(text=unicodedata.normalize("NFD", "가나"))) == 1


def test_reconcile_accepts_the_other_spelling_of_the_same_order(history: History) -> None:
    entry_id = history.begin(profile="p", tier_code=None, merchant_uid=NFD)
    history.finish(entry_id, Outcome.UNKNOWN)
    assert history.reconcile(entry_id, receipt(NFC)).outcome is Outcome.CANCELLED


def make_v2(path: Path, rows: list[tuple[str, str, str | None, int | None]]) -> None:
    """A schema-2 file with (merchant_uid, outcome, note, http_status) rows."""
    make_v1(path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM attempts")
    for statement in V2_STEPS:
        conn.execute(statement)
    conn.executemany(
        "INSERT INTO attempts (started_at, ended_at, profile, merchant_uid, outcome, note, "
        "http_status) VALUES (?, ?, 'p', ?, ?, ?, ?)",
        [(T0 + i, T0 + i, *row) for i, row in enumerate(rows)],
    )
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


def test_migration_keys_old_rows_and_turns_notes_into_codes(db_path: Path) -> None:
    make_v2(
        db_path,
        [
            (NFD, "cancelled", None, 200),
            ("B", "failed", "interrupted; not cancelled (checked by lookup)", None),
            ("C", "cancelled", "interrupted; confirmed by lookup", 200),
            ("D", "unknown", "answer did not show a cancellation time", 200),
            ("E", "unknown", "DELETE sent, no answer | read timeout", None),
            ("F", "failed", "no answer | connection refused", None),
            ("G", "failed", "unexpected answer | HTTP 502", 502),
            ("H", "unknown", "internal error: RuntimeError", None),
        ],
    )
    with History(db_path) as h:
        assert h.last_cancelled(NFC) is not None
        notes = {e.merchant_uid: e.note for e in h.query(limit=100)}
    assert notes == {
        NFD: None,
        "B": "interrupted; not_cancelled_by_lookup",
        "C": "interrupted; confirmed_by_lookup",
        "D": "no_cancellation_time",
        "E": "answer_lost",
        "F": "network",
        "G": "unexpected_answer",
        "H": "internal_error",
    }
    assert all(set(n.split("; ")) <= set(NoteCode) for n in notes.values() if n)


# -- reconciliation goes on past a row it cannot settle (issue 12.7) -----------------------


def unknown_rows(history: History, *uids: str) -> list[int]:
    ids = []
    for uid in uids:
        entry_id = history.begin(profile="p", tier_code=None, merchant_uid=uid)
        history.finish(entry_id, Outcome.UNKNOWN, note=NoteCode.ANSWER_LOST)
        ids.append(entry_id)
    return ids


def test_reconcile_all_goes_on_past_rows_it_cannot_settle(history: History) -> None:
    other, failing, good, gone = unknown_rows(history, "ORD-1", "ORD-2", "ORD-3", "ORD-4")
    asked: list[str] = []

    def lookup(entry: HistoryEntry) -> Receipt | None:
        asked.append(entry.merchant_uid)
        if entry.merchant_uid == "ORD-1":
            return receipt("ORD-1007")  # an answer about another order
        if entry.merchant_uid == "ORD-2":
            raise ApiError("server error", status=500, code=-1, message="잠시 후 다시")
        if entry.merchant_uid == "ORD-3":
            return receipt("ORD-3")
        return None  # 404: never issued, so the DELETE did not go through

    report = history.reconcile_all(lookup)

    assert asked == ["ORD-1", "ORD-2", "ORD-3", "ORD-4"]
    assert [(e.id, e.outcome) for e in report.settled] == [
        (good, Outcome.CANCELLED),
        (gone, Outcome.FAILED),
    ]
    assert [(e.id, e.outcome, e.note) for e in report.left] == [
        (other, Outcome.UNKNOWN, "answer_lost; other_order"),
        (failing, Outcome.UNKNOWN, "answer_lost; lookup_failed"),
    ]
    assert isinstance(report.error, ApiError) and not report.stopped
    assert history.get(other).amount is None  # nothing of the other order was stored
    assert [e.id for e in history.unresolved()] == [other, failing]


def test_reconcile_all_stops_while_portone_cannot_be_reached(history: History) -> None:
    first, second = unknown_rows(history, "ORD-1", "ORD-2")

    def lookup(entry: HistoryEntry) -> Receipt | None:
        raise NetworkError("refused", kind="refused")

    report = history.reconcile_all(lookup)

    assert report.stopped and [e.id for e in report.left] == [first]
    assert history.get(second).note == "answer_lost"  # not tried: left as it was


def test_a_settled_row_drops_why_it_was_left(history: History) -> None:
    (entry_id,) = unknown_rows(history, "ORD-1")
    history.reconcile_all(lambda entry: receipt("OTHER"))
    assert history.get(entry_id).note == "answer_lost; other_order"
    report = history.reconcile_all(lambda entry: receipt("ORD-1"))
    assert report.settled[0].note == "answer_lost; confirmed_by_lookup"


def test_reconcile_all_only_takes_the_rows_it_is_given(history: History) -> None:
    mine, theirs = unknown_rows(history, "ORD-1", "ORD-2")
    report = history.reconcile_all(
        lambda entry: receipt(entry.merchant_uid), include=lambda e: e.id == mine
    )
    assert [e.id for e in report.settled] == [mine]
    assert history.get(theirs).outcome is Outcome.UNKNOWN


# -- the order-number search index (issue 18 benchmarks) --------------------------------


def traced(path: Path, statements: list[str], **kwargs: object) -> History:
    def hook(conn: sqlite3.Connection) -> None:
        conn.set_trace_callback(statements.append)

    return History(path, on_connect=hook, **kwargs)  # type: ignore[arg-type]


SEARCHES = ["ORD-00", "ord-0042", "-00", "42", "%", "D_%", "없음", "D-0", "ORD-1"]


def fill_orders(history: History) -> None:
    for i in range(60):
        entry_id = history.begin(profile="p", tier_code=None, merchant_uid=f"ORD-{i:04d}")
        history.finish(entry_id, Outcome.FAILED)
    history.begin(profile="p", tier_code=None, merchant_uid="ORD_%1")


def test_a_selective_search_goes_through_the_trigram_index(db_path: Path) -> None:
    statements: list[str] = []
    with traced(db_path, statements, clock=FakeClock(T0)) as h:
        fill_orders(h)
        statements.clear()
        assert [e.merchant_uid for e in h.query(HistoryFilter(text="ord-0042"))] == ["ORD-0042"]
        assert h.count(HistoryFilter(text="RD-004")) == 10
    assert any("FROM attempts_search WHERE" in s and "id IN" in s for s in statements)


def test_search_finds_the_same_rows_with_or_without_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with History(tmp_path / "indexed.sqlite3", clock=FakeClock(T0)) as h:
        fill_orders(h)
        indexed = {t: [e.id for e in h.query(HistoryFilter(text=t))] for t in SEARCHES}
        counts = {t: h.count(HistoryFilter(text=t)) for t in SEARCHES}
    from iamport_desk.history import schema

    # An SQLite without FTS5: the history opens all the same and searches read the table.
    monkeypatch.setattr(schema, "_SEARCH_INDEX", ("CREATE VIRTUAL TABLE x USING no_such(y)",))
    statements: list[str] = []
    with traced(tmp_path / "plain.sqlite3", statements, clock=FakeClock(T0)) as h:
        fill_orders(h)
        plain = {t: [e.id for e in h.query(HistoryFilter(text=t))] for t in SEARCHES}
        assert {t: h.count(HistoryFilter(text=t)) for t in SEARCHES} == counts
    assert plain == indexed
    assert indexed["%"] == indexed["D_%"] == [61]  # wildcards are literal text
    assert len(indexed["ORD-00"]) == 60


@pytest.mark.parametrize("ts", [0.0, -5.5, 1_700_000_000.7, 1_790_000_000.0, 4_102_444_799.999])
def test_export_times_are_seoul_wall_clock(ts: float) -> None:
    from datetime import datetime, timedelta, timezone

    from iamport_desk.history_export import format_time

    kst = timezone(timedelta(hours=9))
    expected = datetime.fromtimestamp(ts // 1, kst).strftime("%Y-%m-%d %H:%M:%S")
    assert format_time(ts) == expected
