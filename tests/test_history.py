"""The audit history: write-ahead rows, outcomes, recovery, errors, migration, search, export."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from iamport_desk.history import (
    NOTE_CONFIRMED,
    NOTE_INTERRUPTED,
    NOTE_NOT_CANCELLED,
    SORT_COLUMNS,
    History,
    HistoryFilter,
    HistoryUnavailable,
)
from iamport_desk.history.unavailable import reason_for
from iamport_desk.history_export import DEFAULT_HEADERS, write_csv
from iamport_desk.models import HistoryEntry, Outcome, Receipt, ReceiptSource
from iamport_desk.ui.words import export_words
from tests.fakes import FakeClock

T0 = 1_700_000_000.0  # 2023-11-15 07:13:20 KST


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
    merchant_uid: str = "ORD-1",
    *,
    cancelled_at: int | None = 1_700_000_100,
    amount: int = 12_000,
    type_: str = "person",
) -> Receipt:
    return Receipt(
        merchant_uid=merchant_uid,
        receipt_tid="PG-TID-9",
        apply_num="A123456",
        type=type_,
        amount=amount,
        vat=1_090,
        receipt_url="https://receipt.example/9",
        applied_at=1_699_990_000,
        cancelled_at=cancelled_at,
    )


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait(timeout=30)
    return proc.pid


# -- begin / finish / get / recent ------------------------------------------------------


def test_begin_commits_a_pending_row_that_another_connection_sees(
    history: History, db_path: Path
) -> None:
    entry_id = history.begin(profile="본점", tier_code="T1", merchant_uid="ORD-1")

    other = sqlite3.connect(db_path)
    try:
        row = other.execute(
            "SELECT outcome, merchant_uid, operator, pid FROM attempts WHERE id = ?", (entry_id,)
        ).fetchone()
    finally:
        other.close()
    assert row == ("pending", "ORD-1", "clerk", os.getpid())
    entry = history.get(entry_id)
    assert entry.outcome is Outcome.PENDING
    assert (entry.profile, entry.tier_code, entry.started_at, entry.ended_at) == (
        "본점",
        "T1",
        T0,
        None,
    )


class Connections:
    """History's ``on_connect`` hook: keeps the connections it is handed."""

    def __init__(self) -> None:
        self.seen: list[sqlite3.Connection] = []

    def __call__(self, conn: sqlite3.Connection) -> None:
        self.seen.append(conn)

    @property
    def last(self) -> sqlite3.Connection:
        return self.seen[-1]


def test_pragmas_make_commits_durable(db_path: Path) -> None:
    hook = Connections()
    History(db_path, on_connect=hook).close()
    with History(db_path, on_connect=hook):
        conn = hook.last
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert conn.execute("PRAGMA user_version").fetchone()[0] == History.SCHEMA_VERSION == 4


def test_begin_refuses_an_empty_order_number(history: History) -> None:
    with pytest.raises(ValueError):
        history.begin(profile="p", tier_code=None, merchant_uid="")
    assert history.count() == 0


def test_finish_with_receipt_stores_its_fields(history: History, clock: FakeClock) -> None:
    entry_id = history.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
    clock.now += 2.5

    entry = history.finish(entry_id, Outcome.CANCELLED, http_status=200, code=0, receipt=receipt())

    assert entry == HistoryEntry(
        id=entry_id,
        started_at=T0,
        ended_at=T0 + 2.5,
        profile="p",
        tier_code=None,
        merchant_uid="ORD-1",
        operator="clerk",
        outcome=Outcome.CANCELLED,
        http_status=200,
        code=0,
        message=None,
        amount=12_000,
        vat=1_090,
        receipt_type="person",
        apply_num="A123456",
        receipt_tid="PG-TID-9",
        receipt_url="https://receipt.example/9",
        cancelled_at=1_700_000_100,
        note=None,
        receipt_source=ReceiptSource.ANSWER,
        applied_at=1_699_990_000,
    )
    assert history.get(entry_id) == entry


def test_finish_failed_keeps_status_code_and_message(history: History) -> None:
    entry_id = history.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
    entry = history.finish(
        entry_id, Outcome.FAILED, http_status=400, code=-1, message="이미 취소됨", note="n"
    )
    assert (entry.outcome, entry.http_status, entry.code, entry.message, entry.note) == (
        Outcome.FAILED,
        400,
        -1,
        "이미 취소됨",
        "n",
    )
    assert entry.amount is None


def test_finish_refuses_pending_and_unknown_ids(history: History) -> None:
    entry_id = history.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
    with pytest.raises(ValueError):
        history.finish(entry_id, Outcome.PENDING)
    with pytest.raises(KeyError):
        history.finish(entry_id + 100, Outcome.FAILED)
    assert history.get(entry_id).outcome is Outcome.PENDING


def test_finish_does_not_overwrite_a_final_outcome(history: History) -> None:
    entry_id = history.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
    history.finish(entry_id, Outcome.CANCELLED, receipt=receipt())
    again = history.finish(entry_id, Outcome.FAILED, message="late")
    assert again.outcome is Outcome.CANCELLED
    assert again.message is None


def test_finish_supersedes_an_unknown_outcome(history: History) -> None:
    entry_id = history.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
    history.finish(entry_id, Outcome.UNKNOWN, message="timeout")
    entry = history.finish(entry_id, Outcome.CANCELLED, receipt=receipt())
    assert entry.outcome is Outcome.CANCELLED


def test_get_unknown_id_raises_key_error(history: History) -> None:
    with pytest.raises(KeyError):
        history.get(42)


def test_recent_is_newest_first_and_limited(history: History, clock: FakeClock) -> None:
    ids = []
    for i in range(5):
        clock.now = T0 + (i // 2)  # pairs share a timestamp: ties go by id
        ids.append(history.begin(profile="p", tier_code=None, merchant_uid=f"ORD-{i}"))
    assert [e.id for e in history.recent()] == ids[::-1]
    assert [e.id for e in history.recent(2)] == ids[:2:-1]


@pytest.mark.skipif(os.name != "posix", reason="the POSIX account database")
def test_default_operator_is_the_os_account_not_a_variable(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pwd

    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(name, "누군가-다른-사람")
    with History(db_path) as h:
        operator = h.get(h.begin(profile="p", tier_code=None, merchant_uid="A")).operator
    assert operator == pwd.getpwuid(os.getuid()).pw_name != "누군가-다른-사람"

    def no_user(uid: int) -> object:
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", no_user)
    with History(db_path) as h:
        assert h.get(h.begin(profile="p", tier_code=None, merchant_uid="B")).operator == "unknown"


def test_connection_belongs_to_its_thread(history: History) -> None:
    errors: list[BaseException] = []

    def use() -> None:
        try:
            history.recent()
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=use)
    worker.start()
    worker.join(10)
    assert len(errors) == 1
    assert isinstance(errors[0], sqlite3.ProgrammingError)


def test_close_is_idempotent_and_final(db_path: Path) -> None:
    h = History(db_path)
    h.close()
    h.close()
    with pytest.raises(sqlite3.ProgrammingError):
        h.recent()


# -- reconcile / unresolved / duplicate guard -------------------------------------------


def _unknown_row(history: History, merchant_uid: str = "ORD-1") -> int:
    entry_id = history.begin(profile="p", tier_code=None, merchant_uid=merchant_uid)
    history.finish(entry_id, Outcome.UNKNOWN, message="no answer")
    return entry_id


def test_reconcile_cancelled_receipt_confirms_the_cancellation(history: History) -> None:
    entry_id = _unknown_row(history)
    entry = history.reconcile(entry_id, receipt())
    assert entry.outcome is Outcome.CANCELLED
    assert entry.note == NOTE_CONFIRMED == "confirmed_by_lookup"
    assert (entry.amount, entry.cancelled_at, entry.apply_num) == (12_000, 1_700_000_100, "A123456")


def test_reconcile_uncancelled_receipt_or_404_means_failed(history: History) -> None:
    first, second = _unknown_row(history), _unknown_row(history)

    entry = history.reconcile(first, receipt(cancelled_at=None))
    assert entry.outcome is Outcome.FAILED
    assert entry.note == NOTE_NOT_CANCELLED == "not_cancelled_by_lookup"
    assert entry.amount == 12_000 and entry.cancelled_at is None

    entry = history.reconcile(second, None)
    assert (entry.outcome, entry.note, entry.amount) == (Outcome.FAILED, NOTE_NOT_CANCELLED, None)


def test_reconcile_leaves_rows_that_are_not_unknown(history: History) -> None:
    pending = history.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
    failed = history.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
    history.finish(failed, Outcome.FAILED, message="PG said no")

    assert history.reconcile(pending, receipt()).outcome is Outcome.PENDING
    after = history.reconcile(failed, receipt())
    assert (after.outcome, after.note, after.amount) == (Outcome.FAILED, None, None)


def test_reconcile_refuses_a_receipt_for_another_order(history: History) -> None:
    entry_id = _unknown_row(history, "ORD-1")
    with pytest.raises(ValueError):
        history.reconcile(entry_id, receipt("ORD-2"))
    assert history.get(entry_id).outcome is Outcome.UNKNOWN


def test_unresolved_lists_unknown_rows_oldest_first(history: History, clock: FakeClock) -> None:
    clock.now = T0 + 10
    newer = _unknown_row(history, "B")
    clock.now = T0
    older = _unknown_row(history, "A")
    history.begin(profile="p", tier_code=None, merchant_uid="C")
    assert [e.id for e in history.unresolved()] == [older, newer]
    history.reconcile(older, None)
    assert [e.id for e in history.unresolved()] == [newer]


def test_last_cancelled_is_scoped_by_profile_and_tier(history: History, clock: FakeClock) -> None:
    assert history.last_cancelled("ORD-1") is None
    failed = history.begin(profile="A", tier_code=None, merchant_uid="ORD-1")
    history.finish(failed, Outcome.FAILED)
    assert history.last_cancelled("ORD-1") is None

    a = history.begin(profile="A", tier_code="T1", merchant_uid="ORD-1")
    history.finish(a, Outcome.CANCELLED, receipt=receipt())
    clock.now += 60
    b = history.begin(profile="B", tier_code="T2", merchant_uid="ORD-1")
    history.finish(b, Outcome.CANCELLED, receipt=receipt())

    def found(**kw: str) -> int | None:
        entry = history.last_cancelled("ORD-1", **kw)
        return None if entry is None else entry.id

    assert found() == b
    assert found(profile="A") == a
    assert found(profile="B") == b
    assert found(profile="C") is None
    assert found(tier_code="T1") == a
    assert found(profile="A", tier_code="T2") is None
    assert history.last_cancelled("ORD-2") is None


# -- recovery -----------------------------------------------------------------------------


def test_recover_marks_rows_of_a_closed_copy_and_spares_live_ones(
    db_path: Path, clock: FakeClock
) -> None:
    crashed = History(db_path, clock=clock, pid=dead_pid())
    orphan = crashed.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
    with History(db_path, clock=clock) as h:
        mine = h.begin(profile="p", tier_code=None, merchant_uid="ORD-2")
        assert h.recover_interrupted() == 0  # that copy still holds its lock
        crashed.close()  # gone without finishing its attempt

        assert h.recover_interrupted() == 1

        assert (h.get(orphan).outcome, h.get(orphan).note) == (Outcome.UNKNOWN, NOTE_INTERRUPTED)
        assert h.get(mine).outcome is Outcome.PENDING
        assert [e.id for e in h.unresolved()] == [orphan]
        assert h.recover_interrupted() == 0


def test_recover_spares_another_live_copy_however_old(db_path: Path, clock: FakeClock) -> None:
    with History(db_path, clock=clock) as copy:
        entry_id = copy.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
        clock.now += 30 * 24 * 3600
        with History(db_path, clock=clock) as h:
            assert h.recover_interrupted() == 0
            assert h.unresolved() == []
            assert h.get(entry_id).outcome is Outcome.PENDING


def test_a_gone_copys_row_is_unknown_at_the_next_read(db_path: Path, clock: FakeClock) -> None:
    # No call to recover_interrupted(): the duplicate guard's own reads see the row.
    with History(db_path, clock=clock) as h:
        crashed = History(db_path, clock=clock)
        orphan = crashed.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
        assert h.unresolved() == []
        crashed.close()
        assert [e.id for e in h.unresolved()] == [orphan]
        assert h.get(orphan).note == NOTE_INTERRUPTED


def test_rows_from_before_the_instance_lock_are_interrupted(db_path: Path) -> None:
    # A pid-era row (schema 2) names no instance: nothing can vouch for it, so it is
    # checked by lookup, whatever its pid, host or age.
    make_v2_with_pending(db_path, pid=os.getpid())
    with History(db_path) as h:
        assert [(e.merchant_uid, e.note) for e in h.unresolved()] == [("OLD-P", NOTE_INTERRUPTED)]


# -- errors ---------------------------------------------------------------------------------


def test_parent_that_is_a_file_is_unavailable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(HistoryUnavailable) as info:
        History(blocker / "history.sqlite3")
    assert info.value.reason == "io"
    assert str(tmp_path) not in str(info.value)


def test_garbage_file_is_corrupt(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is certainly not an SQLite database" * 100)
    with pytest.raises(HistoryUnavailable) as info:
        History(db_path)
    assert info.value.reason == "corrupt"


def test_locked_database_at_open(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("CREATE TABLE other (x)")
        with pytest.raises(HistoryUnavailable) as info:
            History(db_path, busy_timeout_ms=50)
        assert info.value.reason == "locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with History(db_path) as h:  # usable once the other program lets go
        assert h.count() == 0


def test_locked_database_refuses_begin_and_keeps_pending_on_finish(db_path: Path) -> None:
    with History(db_path, busy_timeout_ms=50) as h:
        entry_id = h.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
        holder = sqlite3.connect(db_path, isolation_level=None)
        try:
            holder.execute("BEGIN EXCLUSIVE")
            with pytest.raises(HistoryUnavailable) as info:
                h.begin(profile="p", tier_code=None, merchant_uid="ORD-2")
            assert info.value.reason == "locked"
            with pytest.raises(HistoryUnavailable):
                h.finish(entry_id, Outcome.CANCELLED)
            with pytest.raises(HistoryUnavailable):
                h.recover_interrupted()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert [e.merchant_uid for e in h.recent()] == ["ORD-1"]
        assert h.get(entry_id).outcome is Outcome.PENDING
        assert h.finish(entry_id, Outcome.CANCELLED).outcome is Outcome.CANCELLED


def limit_pages(conn: sqlite3.Connection) -> None:
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")


def test_disk_full_refuses_begin_and_keeps_every_written_row(db_path: Path) -> None:
    History(db_path).close()
    history = History(db_path, on_connect=limit_pages)
    history.__enter__()
    written: list[int] = []
    with pytest.raises(HistoryUnavailable) as info:
        for i in range(1000):
            written.append(
                history.begin(profile="p", tier_code=None, merchant_uid=f"{i:04d}" * 100)
            )
    assert info.value.reason == "full"
    assert written, "some rows fit before the disk filled up"
    assert history.count() == len(written)
    assert all(history.get(i).outcome is Outcome.PENDING for i in written)
    history.close()


def test_read_only_database_refuses_begin(db_path: Path) -> None:
    def read_only(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA query_only = ON")

    History(db_path).close()
    with History(db_path, on_connect=read_only) as history:
        with pytest.raises(HistoryUnavailable) as info:
            history.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
        assert info.value.reason == "readonly"
        assert history.count() == 0


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="chmod does not bind root")
def test_read_only_file_and_folder(db_path: Path) -> None:
    History(db_path).close()
    folder = db_path.parent
    try:
        db_path.chmod(0o444)
        folder.chmod(0o555)
        with pytest.raises(HistoryUnavailable) as info:
            History(db_path)
        assert info.value.reason == "readonly"
        with pytest.raises(HistoryUnavailable) as info:
            History(folder / "new.sqlite3")
        assert info.value.reason == "readonly"
    finally:
        folder.chmod(0o755)
        db_path.chmod(0o644)


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("attempt to write a readonly database", "readonly"),
        ("database or disk is full", "full"),
        ("database is locked", "locked"),
        ("disk I/O error", "io"),
        ("file is not a database", "corrupt"),
        ("database disk image is malformed", "corrupt"),
    ],
)
def test_error_messages_map_to_reasons(message: str, reason: str, tmp_path: Path) -> None:
    # Without a result code (other drivers, older Pythons) the message decides.
    assert reason_for(sqlite3.OperationalError(message), tmp_path) == reason


def test_os_errors_map_to_reasons(tmp_path: Path) -> None:
    import errno

    assert reason_for(PermissionError("x"), tmp_path) == "readonly"
    assert reason_for(OSError(errno.ENOSPC, "full"), tmp_path) == "full"
    assert reason_for(OSError(errno.EIO, "io"), tmp_path) == "io"


# -- schema ---------------------------------------------------------------------------------

V1_DDL = """
CREATE TABLE attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at REAL NOT NULL,
    ended_at REAL,
    profile TEXT NOT NULL,
    merchant_uid TEXT NOT NULL,
    outcome TEXT NOT NULL,
    http_status INTEGER,
    code INTEGER,
    message TEXT,
    amount INTEGER,
    apply_num TEXT,
    receipt_url TEXT,
    cancelled_at INTEGER
)
"""


def make_v1(path: Path, *, extra: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(V1_DDL + ";" + extra)
    conn.executemany(
        "INSERT INTO attempts (started_at, ended_at, profile, merchant_uid, outcome, "
        "http_status, code, message, amount, apply_num, receipt_url, cancelled_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (T0, T0 + 1, "본점", "OLD-1", "cancelled", 200, 0, None, 5000, "A1", "https://r/1", 17),
            (T0 + 5, None, "본점", "OLD-2", "pending", None, None, None, None, None, None, None),
        ],
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def make_v2_with_pending(path: Path, *, pid: int) -> None:
    """A schema-2 file (the pid-era) holding one pending row of a live pid on this host."""
    import socket

    make_v1(path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM attempts")
    for statement in V2_STEPS:
        conn.execute(statement)
    conn.execute(
        "INSERT INTO attempts (started_at, profile, merchant_uid, outcome, pid, host, note) "
        "VALUES (?, 'p', 'OLD-P', 'pending', ?, ?, NULL)",
        (T0, pid, socket.gethostname()),
    )
    conn.execute(
        "INSERT INTO attempts (started_at, ended_at, profile, merchant_uid, outcome, note) "
        "VALUES (?, ?, 'p', 'OLD-C', 'failed', 'interrupted; not cancelled (checked by lookup)')",
        (T0, T0),
    )
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


V2_STEPS = (
    "ALTER TABLE attempts ADD COLUMN tier_code TEXT",
    "ALTER TABLE attempts ADD COLUMN operator TEXT",
    "ALTER TABLE attempts ADD COLUMN vat INTEGER",
    "ALTER TABLE attempts ADD COLUMN receipt_type TEXT",
    "ALTER TABLE attempts ADD COLUMN receipt_tid TEXT",
    "ALTER TABLE attempts ADD COLUMN note TEXT",
    "ALTER TABLE attempts ADD COLUMN pid INTEGER",
    "ALTER TABLE attempts ADD COLUMN host TEXT",
    "ALTER TABLE attempts ADD COLUMN boot_id TEXT",
    "ALTER TABLE attempts ADD COLUMN proc_start TEXT",
    "CREATE INDEX attempts_started_at ON attempts (started_at, id, merchant_uid)",
    "CREATE INDEX attempts_merchant_uid ON attempts (merchant_uid)",
    "CREATE INDEX attempts_outcome ON attempts (outcome, started_at)",
    "CREATE INDEX attempts_profile ON attempts (profile, started_at)",
)


def columns(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return [(r[1], r[2]) for r in conn.execute("PRAGMA table_info(attempts)")]
    finally:
        conn.close()


def test_migration_from_v1_keeps_rows(db_path: Path, tmp_path: Path) -> None:
    make_v1(db_path)
    with History(db_path, operator="clerk") as h:
        old = h.query(descending=False)
        # OLD-2 was pending, written before instance locks: nothing vouches for it.
        assert [(e.merchant_uid, e.outcome) for e in old] == [
            ("OLD-1", Outcome.CANCELLED),
            ("OLD-2", Outcome.UNKNOWN),
        ]
        first = old[0]
        assert (first.amount, first.apply_num, first.receipt_url, first.cancelled_at) == (
            5000,
            "A1",
            "https://r/1",
            17,
        )
        assert (first.tier_code, first.vat, first.receipt_type, first.note, first.operator) == (
            None,
            None,
            None,
            None,
            "",
        )
        new = h.begin(profile="본점", tier_code="T", merchant_uid="NEW-1")
        assert new > old[-1].id
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
        indexes = {r[1] for r in conn.execute("PRAGMA index_list(attempts)")}
    finally:
        conn.close()
    assert {"attempts_started_at", "attempts_order_key", "attempts_outcome"} <= indexes
    assert {"attempts_profile"} <= indexes
    fresh = tmp_path / "fresh.sqlite3"
    History(fresh).close()
    assert columns(fresh) == columns(db_path)  # a migrated file is a fresh file


def test_failed_migration_leaves_v1_untouched(db_path: Path) -> None:
    # An index of the same name makes step 2 fail half-way: all of it must roll back.
    make_v1(db_path, extra="CREATE INDEX attempts_profile ON attempts (merchant_uid)")
    before = columns(db_path)
    with pytest.raises(HistoryUnavailable):
        History(db_path)
    assert columns(db_path) == before
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 2
    finally:
        conn.close()


def test_newer_version_is_refused_and_left_alone(db_path: Path) -> None:
    History(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(HistoryUnavailable) as info:
        History(db_path)
    assert info.value.reason == "newer"
    assert "newer version" in str(info.value)
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    finally:
        conn.close()


def test_unversioned_file_with_a_table_of_that_name_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE attempts (x)")
    conn.close()
    with pytest.raises(HistoryUnavailable) as info:
        History(db_path)
    assert info.value.reason == "corrupt"


# -- query / count / profiles ---------------------------------------------------------------


@pytest.fixture
def filled(
    history: History, clock: FakeClock, db_path: Path, request: pytest.FixtureRequest
) -> History:
    """30 rows over 3 profiles, 4 outcomes, a spread of amounts and times."""
    outcomes = [Outcome.CANCELLED, Outcome.FAILED, Outcome.UNKNOWN, Outcome.PENDING]
    # "park" writes through the fixture's own History, so its pending rows stay pending.
    writers = [History(db_path, clock=clock, operator=n) for n in ("kim", "lee")] + [history]
    request.addfinalizer(lambda: [w.close() for w in writers[:2]])
    for i in range(30):
        clock.now = T0 + (i * 7919) % 30 * 60  # times not in id order
        writer = writers[(i // 3) % 3]
        entry_id = writer.begin(
            profile=["본점", "강남점", "온라인"][i % 3],
            tier_code=[None, "T1"][i % 2],
            merchant_uid=f"ord-{i:03d}",
        )
        outcome = outcomes[i % 4]
        if outcome is not Outcome.PENDING:
            clock.now += 1 + i
            amount = None if i % 5 == 0 else (i * 37) % 11 * 1000
            writer.finish(
                entry_id,
                outcome,
                receipt=None if amount is None else receipt(f"ord-{i:03d}", amount=amount),
            )
    return history


def ids(entries: list[HistoryEntry]) -> list[int]:
    return [e.id for e in entries]


def test_query_without_filter_returns_everything_newest_first(filled: History) -> None:
    everything = filled.query()
    assert len(everything) == filled.count() == 30
    keys = [(e.started_at, e.id) for e in everything]
    assert keys == sorted(keys, reverse=True)


def test_text_filter_is_a_case_insensitive_substring(filled: History) -> None:
    found = filled.query(HistoryFilter(text="  ORD-01 "))
    assert sorted(e.merchant_uid for e in found) == [f"ord-01{i}" for i in range(10)]
    assert filled.count(HistoryFilter(text="ORD-01")) == 10
    assert filled.count(HistoryFilter(text="zzz")) == 0


def test_text_filter_treats_wildcards_literally(history: History) -> None:
    for uid in ("A%B", "AxB", "A_B", "AyB", "A\\B"):
        history.begin(profile="p", tier_code=None, merchant_uid=uid)

    def match(text: str) -> list[str]:
        return sorted(e.merchant_uid for e in history.query(HistoryFilter(text=text)))

    assert match("%") == ["A%B"]
    assert match("_") == ["A_B"]
    assert match("A%") == ["A%B"]
    assert match("\\") == ["A\\B"]
    assert match("a") == sorted(["A%B", "AxB", "A_B", "AyB", "A\\B"])
    assert history.count(HistoryFilter(text="_")) == 1


def test_outcome_filter(filled: History) -> None:
    unknown = filled.query(HistoryFilter(outcomes=frozenset({Outcome.UNKNOWN})))
    assert {e.outcome for e in unknown} == {Outcome.UNKNOWN} and len(unknown) == 7
    both = HistoryFilter(outcomes=frozenset({Outcome.CANCELLED, Outcome.FAILED}))
    assert filled.count(both) == 16
    assert {e.outcome for e in filled.query(both)} == {Outcome.CANCELLED, Outcome.FAILED}
    assert filled.count(HistoryFilter(outcomes=frozenset())) == 0
    assert filled.query(HistoryFilter(outcomes=frozenset())) == []


def test_profile_filter_and_profiles(filled: History) -> None:
    assert filled.profiles() == sorted(["본점", "강남점", "온라인"])
    gangnam = filled.query(HistoryFilter(profile="강남점"))
    assert len(gangnam) == filled.count(HistoryFilter(profile="강남점")) == 10
    assert {e.profile for e in gangnam} == {"강남점"}
    assert filled.count(HistoryFilter(profile="없음")) == 0


def test_time_filter_is_inclusive_since_and_exclusive_until(filled: History) -> None:
    flt = HistoryFilter(since=T0 + 5 * 60, until=T0 + 10 * 60)
    found = filled.query(flt)
    assert sorted(e.started_at for e in found) == [T0 + m * 60 for m in range(5, 10)]
    assert filled.count(flt) == 5
    assert filled.count(HistoryFilter(since=T0 + 29 * 60)) == 1
    assert filled.count(HistoryFilter(until=T0)) == 0


def test_filters_combine(filled: History) -> None:
    flt = HistoryFilter(
        text="ORD-0",
        outcomes=frozenset({Outcome.CANCELLED}),
        profile="본점",
        since=T0,
        until=T0 + 3600,
    )
    expected = [
        e
        for e in filled.query(limit=1000)
        if "ord-0" in e.merchant_uid and e.outcome is Outcome.CANCELLED and e.profile == "본점"
    ]
    assert expected, "the fixture must give this filter something to find"
    assert ids(filled.query(flt)) == ids(expected)
    assert filled.count(flt) == len(expected)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", SORT_COLUMNS)
def test_sorting_by_every_column(filled: History, column: str, descending: bool) -> None:
    entries = filled.query(order_by=column, descending=descending, limit=1000)
    assert len(entries) == 30

    def key(e: HistoryEntry) -> tuple[object, ...]:
        value = getattr(e, column)
        value = value.value if isinstance(value, Outcome) else value
        # SQLite puts NULL first in ascending order; ties by started_at, then id.
        return (value is not None, value if value is not None else 0, e.started_at, e.id)

    assert ids(entries) == ids(sorted(entries, key=key, reverse=descending))
    if column not in ("started_at", "ended_at"):
        values = [getattr(e, column) for e in entries]
        assert len(set(values)) > 1, "the fixture must make this sort order visible"


def test_paging_with_offset_and_limit(filled: History) -> None:
    for column in ("started_at", "outcome", "amount"):
        whole = filled.query(order_by=column, limit=1000)
        pages = [filled.query(order_by=column, offset=o, limit=7) for o in range(0, 35, 7)]
        assert [len(p) for p in pages] == [7, 7, 7, 7, 2]
        assert [e for page in pages for e in page] == whole
    assert filled.query(offset=30) == []
    assert filled.query(limit=0) == []


def test_bad_sort_key_and_paging_are_refused(filled: History) -> None:
    with pytest.raises(ValueError):
        filled.query(order_by="amount; DROP TABLE attempts")
    with pytest.raises(ValueError):
        filled.query(offset=-1)
    with pytest.raises(ValueError):
        filled.export_csv(Path("never-written.csv"), order_by="nope")
    assert filled.count() == 30


def test_filter_is_a_hashable_value() -> None:
    a = HistoryFilter(text="x", outcomes=frozenset({Outcome.FAILED}))
    assert a == HistoryFilter(text="x", outcomes=frozenset({Outcome.FAILED}))
    assert len({a, HistoryFilter()}) == 2


def test_queries_use_the_indexes(filled: History, db_path: Path) -> None:
    conn = sqlite3.connect(db_path)

    def plan(sql: str, *params: object) -> str:
        return " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))

    assert "USING INDEX attempts_started_at" in plan(
        "SELECT * FROM attempts ORDER BY started_at DESC, id DESC LIMIT 200"
    )
    assert "attempts_order_key" in plan("SELECT * FROM attempts WHERE order_key = ?", "x")
    assert "attempts_profile" in plan(
        "SELECT * FROM attempts WHERE profile = ? ORDER BY started_at DESC", "p"
    )


# -- CSV export -----------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.usefixtures("korean")
def test_export_is_excel_friendly_korean_csv(
    history: History, clock: FakeClock, tmp_path: Path
) -> None:
    clock.now = 0.0
    entry_id = history.begin(profile="본점", tier_code="T1", merchant_uid="ORD-1")
    clock.now = 3600.5
    history.finish(entry_id, Outcome.CANCELLED, http_status=200, code=0, receipt=receipt())
    dest = tmp_path / "감사 기록.csv"

    assert history.export_csv(dest, **export_words()) == 1

    raw = dest.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")
    header, row = read_csv(dest)
    assert len(header) == len(DEFAULT_HEADERS)
    assert header[:5] == ["시작 시각 (KST)", "종료 시각 (KST)", "프로필", "Tier 코드", "주문번호"]
    cells = dict(zip(header, row, strict=True))
    assert cells["시작 시각 (KST)"] == "1970-01-01 09:00:00"
    assert cells["종료 시각 (KST)"] == "1970-01-01 10:00:00"
    assert cells["취소 시각 (KST)"] == "2023-11-15 07:15:00"
    assert cells["금액 (원)"] == "12000" and int(cells["부가세 (원)"]) == 1090
    assert (cells["HTTP 상태"], cells["응답 코드"]) == ("200", "0")
    assert cells["결과"] == "취소됨"  # the window's word, not a second copy of it
    assert cells["발행 용도"] == "소득공제(개인)"
    assert (cells["처리자"], cells["프로필"], cells["Tier 코드"]) == ("clerk", "본점", "T1")
    assert cells["영수증 URL"] == "https://receipt.example/9"
    assert cells["메시지"] == "" and cells["비고"] == ""
    assert (cells["작업"], cells["취소 사유"]) == ("발행취소", "기록 없음")


def test_without_words_an_export_holds_codes_for_other_programs(
    history: History, clock: FakeClock, tmp_path: Path
) -> None:
    """The words are the window's (ui.words); the core has none of its own to disagree with."""
    entry_id = history.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
    history.finish(entry_id, Outcome.CANCELLED, http_status=200, code=0, receipt=receipt())
    dest = tmp_path / "codes.csv"
    assert history.export_csv(dest) == 1
    header, row = read_csv(dest)
    assert header == list(DEFAULT_HEADERS)
    cells = dict(zip(header, row, strict=True))
    assert (cells["outcome"], cells["receipt_type"], cells["action"]) == (
        "cancelled",
        "person",
        "cancel",
    )
    assert cells["reason"] == "not_recorded"
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in "".join(header))  # no Korean words


@pytest.mark.usefixtures("korean")
def test_export_labels_every_outcome_and_type(history: History, tmp_path: Path) -> None:
    for outcome in (Outcome.CANCELLED, Outcome.FAILED, Outcome.UNKNOWN):
        entry_id = history.begin(profile="p", tier_code=None, merchant_uid="O")
        kind = "company" if outcome is Outcome.FAILED else "mystery"
        history.finish(entry_id, outcome, receipt=receipt("O", type_=kind))
    history.begin(profile="p", tier_code=None, merchant_uid="O")
    dest = tmp_path / "out.csv"
    history.export_csv(dest, **export_words())
    rows = read_csv(dest)[1:]
    assert sorted(r[6] for r in rows) == sorted(["취소됨", "실패", "결과 확인 필요", "진행 중"])
    assert {r[12] for r in rows} == {"지출증빙(사업자)", "mystery", ""}


def test_export_guards_against_formula_injection(history: History, tmp_path: Path) -> None:
    dangerous = ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
    for text in dangerous:
        entry_id = history.begin(profile=text, tier_code=None, merchant_uid=text)
        history.finish(
            entry_id, Outcome.FAILED, message=text, note=text, receipt=receipt(text, amount=-500)
        )
    dest = tmp_path / "out.csv"
    history.export_csv(dest, order_by="started_at", descending=False)
    rows = read_csv(dest)[1:]
    assert [r[4] for r in rows] == ["'" + t for t in dangerous]
    for row in rows:
        for index in (2, 4, 9, 17):  # profile, order number, message, note
            assert row[index].startswith("'")
        assert row[10] == "-500"  # numbers are numbers, never prefixed


def test_export_respects_filter_and_order(filled: History, tmp_path: Path) -> None:
    flt = HistoryFilter(profile="본점", outcomes=frozenset({Outcome.CANCELLED, Outcome.FAILED}))
    dest = tmp_path / "out.csv"
    written = filled.export_csv(dest, flt, order_by="merchant_uid", descending=False)
    uids = [r[4] for r in read_csv(dest)[1:]]
    expected = [
        e.merchant_uid for e in filled.query(flt, order_by="merchant_uid", descending=False)
    ]
    assert written == len(uids) == filled.count(flt) > 0
    assert uids == expected == sorted(expected)


def test_export_custom_headers_and_labels(history: History, tmp_path: Path) -> None:
    entry_id = history.begin(profile="p", tier_code=None, merchant_uid="O")
    history.finish(entry_id, Outcome.CANCELLED, receipt=receipt("O"))
    headers = [f"col{i}" for i in range(len(DEFAULT_HEADERS))]
    dest = tmp_path / "out.csv"
    history.export_csv(
        dest,
        headers=headers,
        outcome_labels={Outcome.CANCELLED: "Cancelled"},
        type_labels={"person": "Personal"},
    )
    header, row = read_csv(dest)
    assert header == headers
    assert (row[6], row[12]) == ("Cancelled", "Personal")
    with pytest.raises(ValueError):
        history.export_csv(tmp_path / "bad.csv", headers=["only one"])
    assert not (tmp_path / "bad.csv").exists()


def test_export_of_nothing_writes_only_the_header(history: History, tmp_path: Path) -> None:
    dest = tmp_path / "out.csv"
    assert history.export_csv(dest) == 0
    assert read_csv(dest) == [list(DEFAULT_HEADERS)]


def test_failed_export_leaves_no_partial_file(history: History, tmp_path: Path) -> None:
    dest = tmp_path / "out.csv"
    dest.write_text("the previous export")

    def broken() -> Iterator[HistoryEntry]:
        entry_id = history.begin(profile="p", tier_code=None, merchant_uid="O")
        yield history.get(entry_id)
        raise HistoryUnavailable("io")

    with pytest.raises(HistoryUnavailable):
        write_csv(dest, broken())
    assert dest.read_text() == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["out.csv", "data"])


def test_export_into_a_missing_folder_raises_os_error(history: History, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        history.export_csv(tmp_path / "missing" / "out.csv")


def test_export_reading_errors_are_history_unavailable(db_path: Path, tmp_path: Path) -> None:
    hook = Connections()
    dest = tmp_path / "out.csv"
    with History(db_path, on_connect=hook) as history:
        history.begin(profile="p", tier_code=None, merchant_uid="O")
        # Every read refused from now on, as an unreadable disk would.
        hook.last.set_authorizer(lambda *args: sqlite3.SQLITE_DENY)
        with pytest.raises(HistoryUnavailable) as info:
            history.export_csv(dest)
    assert info.value.reason == "io"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_reconcile_keeps_why_the_outcome_was_unknown(history: History) -> None:
    entry_id = history.begin(profile="p", tier_code=None, merchant_uid="ORD-9")
    history.finish(entry_id, Outcome.UNKNOWN, note=NOTE_INTERRUPTED)
    entry = history.reconcile(entry_id, receipt("ORD-9"))
    assert entry.outcome is Outcome.CANCELLED
    assert entry.note == f"interrupted; {NOTE_CONFIRMED}"
