"""Issue 14: the reason, what the lookup showed and (V2) the Idempotency-Key are in the history
row *before* the cancellation leaves, and the request carries the row's key.

The simulators are the real ones; a subclass reads the history file (its own SQLite
connection) at the moment the cancel request arrives, before the simulator answers it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from iamport_desk.jobs import CancelJob, CancelResult, GivenCredentials, Job, LookupJob
from iamport_desk.models import CancelReason, Credentials, Receipt, StoreApi
from iamport_desk.simkit.http import Headers
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Simulator
from iamport_desk.simulator_v2 import DEMO_API_SECRET, DEMO_STORE_ID, SimulatorV2
from iamport_desk.store_clients import client_for
from iamport_desk.worker import ApiThread, ApiWorker

pytestmark = pytest.mark.timeout(60)

V1_ORDER = "ORDER-20261125-0001"
V2_PAYMENT = "pay-20261125-0001"
ROW_COLUMNS = (
    "outcome, reason, reason_note, api, idempotency_key, receipt_source, amount, vat, "
    "apply_num, applied_at"
)


def rows_now(path: Path) -> list[dict[str, Any]]:
    """Every row as the file holds it right now (another connection than the worker's)."""
    if not path.exists():
        return []
    with contextlib.closing(sqlite3.connect(path, timeout=5)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(f"SELECT {ROW_COLUMNS} FROM attempts ORDER BY id")]


class RowsAtCancel:
    """Mixed into a simulator: what the history held when each cancel request arrived."""

    history_path: Path
    cancel_method: str
    seen: list[tuple[dict[str, str], list[dict[str, Any]]]]

    def watch(self, history_path: Path) -> None:
        self.history_path = history_path
        self.seen = []

    def snapshot(self, method: str, path: str, headers: Headers) -> None:
        if method == "DELETE" or (method == "POST" and path.endswith("/cancel")):
            self.seen.append((dict(headers), rows_now(self.history_path)))


class WatchedV1(Simulator, RowsAtCancel):
    def record(self, method: str, raw_path: str, path: str, query: Any, headers: Headers) -> Any:
        self.snapshot(method, path, headers)
        return super().record(method, raw_path, path, query, headers)


class WatchedV2(SimulatorV2, RowsAtCancel):
    def record(self, method: str, raw_path: str, path: str, query: Any, headers: Headers) -> Any:
        self.snapshot(method, path, headers)
        return super().record(method, raw_path, path, query, headers)


@contextlib.contextmanager
def worker(qtbot: QtBot, path: Path) -> Iterator[Any]:
    api = ApiThread(ApiWorker(path, client_factory=client_for))

    def run(job: Job) -> Any:
        with qtbot.waitSignal(api.finished, timeout=30_000) as blocker:
            api.submit(job)
        return blocker.args[1]

    try:
        yield run
    finally:
        assert api.stop()


def cancel_with_reason(
    qtbot: QtBot, path: Path, credentials: Credentials, order: str
) -> tuple[Receipt, CancelResult]:
    source = GivenCredentials(credentials)
    with worker(qtbot, path) as run:
        shown = run(LookupJob(source, order)).receipt
        assert shown is not None and not shown.is_cancelled
        result = run(
            CancelJob(
                source,
                "강남점",
                order,
                reason=CancelReason.OTHER,
                reason_note="손님이 다른 카드로 다시 결제",
                looked_up=shown,
            )
        )
    assert isinstance(result, CancelResult)
    return shown, result


def test_a_v1_row_holds_the_reason_and_the_lookup_when_the_delete_arrives(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite3"
    with WatchedV1() as sim:
        sim.watch(path)
        credentials = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=sim.base_url)
        shown, result = cancel_with_reason(qtbot, path, credentials, V1_ORDER)
        assert sim.count("DELETE") == 1
    assert result.entry is not None and result.receipt is not None
    [(_headers, rows)] = sim.seen
    [row] = rows  # the pending row, already durable
    assert row["outcome"] == "pending"
    assert (row["reason"], row["reason_note"]) == (3, "손님이 다른 카드로 다시 결제")
    assert (row["api"], row["idempotency_key"]) == ("v1", None)
    assert row["receipt_source"] == "lookup"
    assert (row["amount"], row["vat"], row["apply_num"], row["applied_at"]) == (
        shown.amount,
        shown.vat,
        shown.apply_num,
        shown.applied_at,
    )
    # The finished row keeps the reason; its receipt fields are now PortOne's answer.
    assert result.entry.reason is CancelReason.OTHER
    assert result.entry.reason_note == "손님이 다른 카드로 다시 결제"


def test_a_v2_row_holds_the_key_the_post_carries(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with WatchedV2() as sim:
        sim.watch(path)
        credentials = Credentials(
            "", DEMO_API_SECRET, api_base=sim.base_url, api=StoreApi.V2, store_id=DEMO_STORE_ID
        )
        shown, result = cancel_with_reason(qtbot, path, credentials, V2_PAYMENT)
    assert result.entry is not None and result.entry.outcome.value == "cancelled"
    [(headers, rows)] = sim.seen
    [row] = rows
    assert row["outcome"] == "pending"
    assert (row["reason"], row["api"]) == (3, "v2")
    assert row["receipt_source"] == "lookup" and row["amount"] == shown.amount
    key = headers["idempotency-key"]
    assert key and row["idempotency_key"] == key
    assert result.entry.idempotency_key == key


def test_a_v1_delete_carries_no_idempotency_key(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with WatchedV1() as sim:
        sim.watch(path)
        credentials = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=sim.base_url)
        cancel_with_reason(qtbot, path, credentials, V1_ORDER)
    [(headers, _rows)] = sim.seen
    assert "idempotency-key" not in headers


def test_a_memo_the_rules_refuse_sends_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with WatchedV1() as sim:
        sim.watch(path)
        source = GivenCredentials(Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=sim.base_url))
        with worker(qtbot, path) as run:
            result = run(CancelJob(source, "강남점", V1_ORDER, reason=CancelReason.OTHER))
        assert sim.count("DELETE") == 0
    assert isinstance(result, CancelResult) and result.error is not None
    assert rows_now(path) == []  # 기타 without a memo: no row, no DELETE


def test_a_v2_retry_after_a_lost_answer_found_not_done_reuses_its_key(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The first POST is lost before PortOne acted on it; the lookup before the second shows
    it not done. The second POST carries the first one's Idempotency-Key (PortOne would answer
    the first call's result, had it still been working on it), never a new key."""
    from iamport_desk.simulator_v2 import Fault as V2Fault

    path = tmp_path / "history.sqlite3"
    with WatchedV2() as sim:
        sim.watch(path)
        credentials = Credentials(
            "", DEMO_API_SECRET, api_base=sim.base_url, api=StoreApi.V2, store_id=DEMO_STORE_ID
        )
        source = GivenCredentials(credentials)
        with worker(qtbot, path) as run:
            shown = run(LookupJob(source, V2_PAYMENT)).receipt
            sim.inject("POST", "/payments/", V2Fault(drop=True, apply=False))
            first = run(CancelJob(source, "강남점", V2_PAYMENT, looked_up=shown))
            assert first.entry is not None and first.entry.outcome.value == "unknown"
            second = run(CancelJob(source, "강남점", V2_PAYMENT, looked_up=shown))
    assert isinstance(second, CancelResult) and second.entry is not None
    assert second.entry.outcome.value == "cancelled"
    [(first_headers, _), (second_headers, _)] = sim.seen
    key = first.entry.idempotency_key
    assert key and first_headers["idempotency-key"] == key
    assert second_headers["idempotency-key"] == key == second.entry.idempotency_key


def test_the_result_reaches_the_window_before_the_recent_attempts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Click to receipt: the clerk's result is delivered first, the table's rows after it,
    and the rows already hold the finished attempt."""
    path = tmp_path / "history.sqlite3"
    with Simulator() as sim:
        credentials = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=sim.base_url)
        source = GivenCredentials(credentials)
        api = ApiThread(ApiWorker(path, client_factory=client_for))
        seen: list[tuple[str, Any]] = []
        api.finished.connect(lambda _job_id, result: seen.append(("result", result)))
        api.history_changed.connect(lambda rows: seen.append(("rows", rows)))
        try:
            with qtbot.waitSignal(api.finished, timeout=30_000):
                api.submit(LookupJob(source, V1_ORDER))
            seen.clear()
            with qtbot.waitSignal(api.history_changed, timeout=30_000):
                api.submit(
                    CancelJob(source, "강남점", V1_ORDER, reason=CancelReason.TRANSACTION_CANCELLED)
                )
        finally:
            assert api.stop()
    assert [kind for kind, _ in seen] == ["result", "rows"]
    result, rows = seen[0][1], seen[1][1]
    assert isinstance(result, CancelResult) and result.entry is not None
    assert rows[0].id == result.entry.id and rows[0].outcome is result.entry.outcome
