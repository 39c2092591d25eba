"""Issue 12.7 through the app's API thread: one reconciliation lookup that answers about
another order no longer stops every later one; that row says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iamport_desk.history import History
from iamport_desk.jobs import GivenCredentials, ReconcileJob, ReconcileResult
from iamport_desk.models import Credentials, Outcome
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Fault, Simulator
from iamport_desk.worker import ApiThread, ApiWorker

pytestmark = pytest.mark.timeout(60)


def test_reconciliation_goes_on_past_an_answer_about_another_order(
    tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "history.sqlite3"
    with History(path) as h:
        ids = []
        for uid in ("ORDER-A", "ORDER-B"):  # oldest first: ORDER-A is looked up first
            entry_id = h.begin(profile="본점", tier_code=None, merchant_uid=uid)
            h.finish(entry_id, Outcome.UNKNOWN, note="answer_lost")
            ids.append(entry_id)
    with Simulator(seed=False) as simulator:
        simulator.add_receipt("ORDER-A", amount=10_000, cancelled_at=1_790_000_000)
        simulator.add_receipt("ORDER-B", amount=20_000, cancelled_at=1_790_000_100)
        simulator.add_receipt("ORDER-Z", amount=990_000)
        other = simulator.receipt("ORDER-Z")
        # The first lookup (ORDER-A) is answered with the receipt of ORDER-Z.
        simulator.inject(
            "GET",
            "/receipts/external/",
            Fault(status=200, body={"code": 0, "message": None, "response": other}),
        )
        api = ApiThread(ApiWorker(path))
        credentials = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=simulator.base_url)
        try:
            with qtbot.waitSignal(api.finished, timeout=30_000) as blocker:
                api.submit(ReconcileJob(GivenCredentials(credentials), "본점"))
        finally:
            api.stop()
        assert simulator.count("DELETE") == 0
    result = blocker.args[1]  # finished(job id, typed result)
    assert isinstance(result, ReconcileResult)
    assert [(e.merchant_uid, e.outcome) for e in result.reconciled] == [
        ("ORDER-B", Outcome.CANCELLED)
    ]
    with History(path) as h:
        left = h.get(ids[0])
    assert left.outcome is Outcome.UNKNOWN
    assert left.note is not None and left.note.split("; ")[-1] in ("other_order", "lookup_failed")
    assert left.amount is None  # nothing of ORDER-Z was stored on ORDER-A's row
