"""Below the window: the worker, given ``store_clients.client_for`` as its client factory, keeps
the same history rows and tells the same sentences for a V2 store as for a V1 store (cancelled,
refused, failed at the PG, answer lost and then reconciled)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iamport_desk.errors import AuthenticationError
from iamport_desk.jobs import CancelJob, GivenCredentials, Job, JobResult, ReconcileJob
from iamport_desk.jobs import (
    TestConnectionJob as ConnectionTestJob,  # not a pytest class
)
from iamport_desk.models import Credentials, HistoryEntry, Outcome, StoreApi
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Simulator
from iamport_desk.simulator_v2 import DEMO_API_SECRET, DEMO_STORE_ID, SimulatorV2
from iamport_desk.store_clients import client_for
from iamport_desk.ui.words import describe_error
from iamport_desk.worker import ApiThread, ApiWorker
from tests.ui_helpers import NOT_CANCELLED, says_in_order

pytestmark = pytest.mark.timeout(60)

CASES = ("cancelled", "refused", "pg_failure", "lost")


@dataclass
class Run:
    """What one kind of store left: a history row and a sentence per case."""

    rows: dict[str, HistoryEntry]
    sentences: dict[str, str]
    reconciled: tuple[HistoryEntry, ...]


def _run(qtbot: QtBot, path: Path, credentials: Credentials, orders: dict[str, str]) -> Run:
    # On its own thread, as in the app (shutdown() quits the loop of the thread it runs on).
    api = ApiThread(ApiWorker(path, client_factory=client_for))

    def run(job: Job) -> JobResult:
        with qtbot.waitSignal(api.finished, timeout=30_000) as blocker:
            api.submit(job)
        result = blocker.args[1]  # finished(job id, typed result)
        assert isinstance(result, JobResult)
        return result

    rows: dict[str, HistoryEntry] = {}
    sentences: dict[str, str] = {}
    try:
        for case in CASES:
            result = run(CancelJob(GivenCredentials(credentials), "상점", orders[case]))
            assert result.entry is not None, case
            rows[case] = result.entry
            sentences[case] = (
                describe_error(result.error, cancelling=True).text if result.error else ""
            )
        reconciled = run(ReconcileJob(GivenCredentials(credentials), "상점")).reconciled
    finally:
        api.stop()
    return Run(rows, sentences, reconciled)


@pytest.fixture
def runs(qtbot: QtBot, tmp_path: Path) -> Iterator[dict[StoreApi, Run]]:
    with Simulator() as sim, SimulatorV2() as sim2:
        v1 = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=sim.base_url)
        v2 = Credentials(
            "", DEMO_API_SECRET, api_base=sim2.base_url, api=StoreApi.V2, store_id=DEMO_STORE_ID
        )
        v1_orders = {
            "cancelled": "ORDER-20261125-0001",
            "refused": "ORDER-NONE-9999",
            "pg_failure": "ORDER-PG-FAIL",
            "lost": "ORDER-LOST",
        }
        v2_orders = {
            "cancelled": "pay-20261125-0001",
            "refused": "pay-none-9999",
            "pg_failure": "pay-pg-fail",
            "lost": "pay-lost",
        }
        yield {
            StoreApi.V1: _run(qtbot, tmp_path / "v1.sqlite3", v1, v1_orders),
            StoreApi.V2: _run(qtbot, tmp_path / "v2.sqlite3", v2, v2_orders),
        }


def test_the_same_outcomes_and_notes_for_both_kinds(runs: dict[StoreApi, Run]) -> None:
    v1, v2 = runs[StoreApi.V1], runs[StoreApi.V2]
    expected = {
        "cancelled": Outcome.CANCELLED,
        "refused": Outcome.FAILED,
        "pg_failure": Outcome.FAILED,
        "lost": Outcome.UNKNOWN,
    }
    for case in CASES:
        assert v1.rows[case].outcome is expected[case], case
        assert v2.rows[case].outcome is expected[case], case
        assert v1.rows[case].note == v2.rows[case].note, case
    assert v2.rows["refused"].http_status == v1.rows["refused"].http_status == 404
    assert v2.rows["pg_failure"].message and v1.rows["pg_failure"].message  # PortOne's words
    assert v2.rows["cancelled"].cancelled_at and v2.rows["cancelled"].amount == 33000


def test_the_same_sentences_for_both_kinds(runs: dict[StoreApi, Run]) -> None:
    v1, v2 = runs[StoreApi.V1], runs[StoreApi.V2]
    assert v1.sentences["cancelled"] == v2.sentences["cancelled"] == ""
    for case in ("refused", "lost"):
        assert v2.sentences[case] == v1.sentences[case], case
    # A PG refusal: the same sentence, the status details (500 and code -1 in V1, 502) aside.
    v1_pg, v2_pg = (re.sub(r" \(HTTP [^)]*\)", "", s.sentences["pg_failure"]) for s in (v1, v2))
    assert v2_pg == v1_pg
    assert says_in_order(v1_pg, NOT_CANCELLED, "The payment gateway refused or failed"), v1_pg


def test_a_lost_answer_is_settled_by_reconciliation_for_both_kinds(
    runs: dict[StoreApi, Run],
) -> None:
    for kind, run in runs.items():
        settled = [e for e in run.reconciled if e.id == run.rows["lost"].id]
        assert len(settled) == 1, kind
        assert settled[0].outcome is Outcome.CANCELLED, kind
        assert settled[0].note == f"{run.rows['lost'].note}; confirmed_by_lookup", kind


def test_test_connection_through_the_worker_for_a_v2_store(qtbot: QtBot, tmp_path: Path) -> None:
    with SimulatorV2() as sim2:
        good = Credentials("", DEMO_API_SECRET, api_base=sim2.base_url, api=StoreApi.V2)
        wrong = Credentials(
            "", "a-well-formed-wrong-secret", api_base=sim2.base_url, api=StoreApi.V2
        )
        api = ApiThread(ApiWorker(tmp_path / "history.sqlite3", client_factory=client_for))
        results: list[JobResult] = []
        try:
            for credentials in (good, wrong):
                with qtbot.waitSignal(api.finished, timeout=30_000) as blocker:
                    api.submit(ConnectionTestJob(GivenCredentials(credentials)))
                results.append(blocker.args[1])
        finally:
            api.stop()
    assert (results[0].error, results[0].tier_name) == (None, None)
    assert isinstance(results[1].error, AuthenticationError)
    assert describe_error(results[1].error).reenter_credentials
