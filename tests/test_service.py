"""The GUI-side service: typed results to their submitter only; a reconciliation that stops
between rows when the app closes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from iamport_desk import jobs
from iamport_desk.api import IamportClient
from iamport_desk.history import History
from iamport_desk.jobs import AppClosingError, GivenCredentials, LookupResult, ReconcileResult
from iamport_desk.models import Credentials, Outcome, Receipt
from iamport_desk.paths import AppPaths
from iamport_desk.service import DeskService
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Fault, Simulator
from iamport_desk.worker import ApiThread, ApiWorker
from tests.ui_helpers import running_service

pytestmark = pytest.mark.timeout(60)

PROFILE = "본점"


@pytest.fixture
def service(app_paths: AppPaths) -> Iterator[DeskService]:
    with running_service(app_paths) as desk:
        yield desk


def credentials(simulator: Simulator) -> GivenCredentials:
    return GivenCredentials(Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, None, simulator.base_url))


def test_each_result_goes_only_to_its_submitter(
    qtbot: QtBot, service: DeskService, simulator: Simulator
) -> None:
    simulator.add_receipt("SVC-A", amount=1_000)
    simulator.add_receipt("SVC-B", amount=2_000)
    first = service.lookup(credentials(simulator), "SVC-A")
    second = service.lookup(credentials(simulator), "SVC-B")
    test = service.test_connection(credentials(simulator))
    got: dict[str, list[object]] = {"first": [], "second": [], "test": []}
    first.done.connect(got["first"].append)
    second.done.connect(got["second"].append)
    test.done.connect(got["test"].append)
    qtbot.waitUntil(lambda: all(got.values()), timeout=10_000)
    [a], [b], [t] = got["first"], got["second"], got["test"]
    assert isinstance(a, LookupResult) and isinstance(b, LookupResult)
    assert a.receipt is not None and a.receipt.merchant_uid == "SVC-A"
    assert b.receipt is not None and b.receipt.merchant_uid == "SVC-B"
    assert isinstance(t, jobs.TestConnectionResult) and t.error is None
    assert first.result is a and second.result is b


def test_no_job_is_accepted_once_stopped(service: DeskService, simulator: Simulator) -> None:
    service.request_stop()
    with pytest.raises(AppClosingError):
        service.lookup(credentials(simulator), "SVC-A")


class Uninterruptible:
    """A real client whose connections cannot be cut (as a keychain prompt or a stuck
    system call): interrupting only sets the stop flag, the request in flight finishes."""

    def __init__(self, credentials: Credentials) -> None:
        self.client = IamportClient(
            credentials.imp_key,
            credentials.imp_secret,
            base_url=credentials.api_base,
            tier_code=credentials.tier_code,
        )
        self.closed = 0

    def lookup(self, merchant_uid: str) -> Receipt:
        return self.client.lookup(merchant_uid)

    def cancel(  # pragma: no cover - not used here
        self, merchant_uid: str, *, idempotency_key: str | None = None
    ) -> Receipt:
        return self.client.cancel(merchant_uid, idempotency_key=idempotency_key)

    def check_access(self) -> str | None:  # pragma: no cover - not used here
        return self.client.check_access()

    def close(self) -> None:
        self.closed += 1
        if self.closed > 1:  # the worker's own release at the end, not the interrupt
            self.client.close()


def test_a_reconciliation_stops_between_rows_when_the_app_closes(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    uids = [f"SVC-UNKNOWN-{n}" for n in range(4)]
    app_paths.history_db.parent.mkdir(parents=True, exist_ok=True)
    with History(app_paths.history_db) as history:
        for uid in uids:
            simulator.add_receipt(uid, amount=3_000)
            entry_id = history.begin(profile=PROFILE, tier_code=None, merchant_uid=uid)
            history.finish(entry_id, Outcome.UNKNOWN, note="no answer")
    simulator.inject("GET", "/receipts/external/", Fault(latency=0.5, times=None))
    worker = ApiWorker(app_paths.history_db, client_factory=Uninterruptible)
    desk = DeskService(ApiThread(worker))
    try:
        job = desk.reconcile(credentials(simulator), PROFILE)
        qtbot.waitUntil(lambda: simulator.count("GET", "/receipts/external/") == 1, timeout=10_000)
        worker.interrupt()
        qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    finally:
        desk.stop()
    result = job.result
    assert isinstance(result, ReconcileResult)
    assert result.stopped
    assert len(result.reconciled) == 1  # the row in flight is recorded, no other is asked
    assert simulator.count("GET", "/receipts/external/") == 1
    with History(app_paths.history_db) as history:
        assert len(history.unresolved()) == len(uids) - 1
