"""The worker's issue job (issue 15) against the V1 simulator over loopback HTTP.

The rule under test: the audit row first, then ONE POST, never resent; an answer that never
came is settled by looking the order number up, at the next attempt and by reconciliation.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytestqt.qtbot import QtBot

from iamport_desk.api import IamportClient
from iamport_desk.history import History
from iamport_desk.jobs import (
    CancelJob,
    CancelResult,
    GivenCredentials,
    IssueJob,
    IssueResult,
    Job,
    JobResult,
    ReconcileJob,
    ReconcileResult,
)
from iamport_desk.models import Action, Credentials, Outcome
from iamport_desk.reissue_draft import ReissueDraft
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Fault, Simulator
from iamport_desk.simulator.demo import DEMO_CHANNEL_KEY
from iamport_desk.worker import ApiThread, ApiWorker

pytestmark = pytest.mark.timeout(60)

ORDER = "00012345"  # the demo's practice order: 소득공제 to a wrong phone, should be 지출증빙
BUSINESS = "1248100998"  # a valid 사업자등록번호
PROFILE = "강남점"
PREFIX = "/receipts/external/"


def draft(uid: str = ORDER, **change: Any) -> ReissueDraft:
    values: dict[str, Any] = {
        "merchant_uid": uid,
        "receipt_type": "company",
        "order_name": "사무용품",
        "amount": 55000,
        "vat": 5000,
        "identifier": BUSINESS,
        "identifier_kind": "business",
        "corrects_uid": ORDER,
    }
    values.update(change)
    return ReissueDraft(**values)


class Desk:
    """A real worker on its own thread, and the simulator it talks to."""

    def __init__(
        self, qtbot: QtBot, path: Path, sim: Simulator, factory: Any = None, **worker: Any
    ) -> None:
        self.qtbot = qtbot
        self.path = path
        self.sim = sim
        if factory is not None:
            worker["client_factory"] = factory
        self.worker = ApiWorker(path, **worker)
        self.api = ApiThread(self.worker)
        self.credentials = Credentials(
            DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=sim.base_url, channel_key=DEMO_CHANNEL_KEY
        )

    def run(self, job: Job) -> JobResult:
        with self.qtbot.waitSignal(
            self.api.finished, timeout=30_000, check_params_cb=lambda i, _r: i == job.job_id
        ) as blocker:
            self.api.submit(job)
        result = blocker.args[1]
        assert isinstance(result, JobResult)
        return result

    def cancel(self, uid: str = ORDER) -> CancelResult:
        result = self.run(CancelJob(GivenCredentials(self.credentials), PROFILE, uid))
        assert isinstance(result, CancelResult)
        assert result.entry is not None and result.entry.outcome is Outcome.CANCELLED
        return result

    def issue(
        self, d: ReissueDraft | None = None, credentials: Credentials | None = None
    ) -> IssueResult:
        source = GivenCredentials(credentials or self.credentials)
        result = self.run(IssueJob(source, PROFILE, d or draft()))
        assert isinstance(result, IssueResult)
        return result

    def posts(self) -> int:
        return self.sim.count("POST", PREFIX)

    def history(self) -> History:
        return History(self.path)


@pytest.fixture
def desk_for(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    desks: list[Desk] = []
    sims: list[Simulator] = []

    def make(*, reissue_cancelled: bool = False, factory: Any = None) -> Desk:
        sim = Simulator(reissue_cancelled=reissue_cancelled)
        sim.start()
        sims.append(sim)
        desk = Desk(qtbot, tmp_path / "history.sqlite3", sim, factory)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        assert desk.api.stop(), "the API thread did not stop"
    for sim in sims:
        sim.stop()


def test_the_same_order_number_is_issued_again_and_the_rows_are_linked(
    desk_for: Callable[..., Desk],
) -> None:
    desk = desk_for(reissue_cancelled=True)
    cancelled = desk.cancel()
    result = desk.issue()
    assert result.error is None and result.receipt is not None
    assert not result.receipt.is_cancelled and result.receipt.type == "company"
    entry = result.entry
    assert entry is not None
    assert entry.action is Action.ISSUE and entry.outcome is Outcome.CANCELLED
    assert entry.corrects_id == cancelled.entry.id  # type: ignore[union-attr]
    assert result.corrects is not None and result.corrects.corrected_by == entry.id
    assert entry.identifier_masked == "******0998"
    assert entry.idempotency_key is None  # V1 sends none
    assert desk.posts() == 1
    # The simulator now has the corrected receipt under the sale's own number.
    assert desk.sim.receipt(ORDER)["type"] == "company"  # type: ignore[index]


def test_already_issued_offers_the_derived_number_then_issues_under_it(
    desk_for: Callable[..., Desk],
) -> None:
    desk = desk_for(reissue_cancelled=False)
    cancelled = desk.cancel()
    refused = desk.issue()
    assert refused.entry is not None and refused.entry.outcome is Outcome.FAILED
    assert refused.entry.message and "이미" in refused.entry.message
    assert refused.derived_order == "00012345-R1"
    second = desk.issue(draft().under(refused.derived_order))
    assert second.error is None and second.entry is not None
    assert second.entry.merchant_uid == "00012345-R1"
    assert second.entry.outcome is Outcome.CANCELLED
    assert second.entry.corrects_id == cancelled.entry.id  # type: ignore[union-attr]
    assert second.corrects is not None and second.corrects.corrected_by == second.entry.id
    # Two requests, each to its own order number: never the same one twice.
    paths = [r.path for r in desk.sim.requests if r.method == "POST" and r.path.startswith(PREFIX)]
    assert paths == [PREFIX + ORDER, PREFIX + "00012345-R1"]
    with desk.history() as history:
        assert [c.merchant_uid for c in history.corrections(cancelled.entry.id)] == [  # type: ignore[union-attr]
            ORDER,
            "00012345-R1",
        ]


def test_a_cancellation_already_corrected_is_not_corrected_twice(
    desk_for: Callable[..., Desk],
) -> None:
    desk = desk_for(reissue_cancelled=False)
    desk.cancel()
    refused = desk.issue()
    assert refused.derived_order is not None
    desk.issue(draft().under(refused.derived_order))
    again = desk.issue(draft().under("00012345-R2"))
    assert again.already_corrected is not None
    assert again.already_corrected.merchant_uid == "00012345-R1"
    assert desk.posts() == 2


@pytest.mark.parametrize(
    ("fault", "issued"),
    [
        (Fault(drop=True, apply=True), True),  # processed, then the connection dropped
        (Fault(drop=True, apply=False), False),  # dropped before PortOne did anything
        (
            Fault(status=502, body="<html>Bad Gateway</html>", content_type="text/html"),
            False,
        ),  # a proxy's page, not PortOne's answer
    ],
    ids=["drop-after-processing", "drop-unprocessed", "non-portone-502"],
)
def test_a_lost_answer_is_unknown_and_settled_by_lookup_at_the_next_attempt(
    desk_for: Callable[..., Desk], fault: Fault, issued: bool
) -> None:
    desk = desk_for(reissue_cancelled=True)
    desk.cancel()
    desk.sim.inject("POST", PREFIX, fault)
    lost = desk.issue()
    assert lost.entry is not None and lost.entry.outcome is Outcome.UNKNOWN
    assert desk.posts() == 1
    again = desk.issue()
    with desk.history() as history:
        settled = history.get(lost.entry.id)
    if issued:
        # The lookup found the new receipt: nothing is posted again.
        assert again.settled is not None and again.settled.id == lost.entry.id
        assert settled.outcome is Outcome.CANCELLED
        assert desk.posts() == 1
    else:
        # The lookup found only the cancelled receipt: not issued; this attempt posts.
        assert settled.outcome is Outcome.FAILED
        assert again.entry is not None and again.entry.outcome is Outcome.CANCELLED
        assert desk.posts() == 2


def test_a_read_timeout_is_unknown_sent_once_and_reconciled(
    desk_for: Callable[..., Desk],
) -> None:
    def factory(c: Credentials) -> IamportClient:
        return IamportClient(
            c.imp_key, c.imp_secret, base_url=c.api_base, timeout=httpx.Timeout(5.0, read=0.5)
        )

    desk = desk_for(reissue_cancelled=True, factory=factory)
    desk.cancel()
    gate = threading.Event()
    desk.sim.inject("POST", PREFIX, Fault(gate=gate))  # processed once the gate opens
    lost = desk.issue()
    assert lost.entry is not None and lost.entry.outcome is Outcome.UNKNOWN
    gate.set()
    # Reconciliation settles it by lookup: no POST.
    desk.qtbot.waitUntil(lambda: desk.sim.receipt(ORDER)["cancelled_at"] == 0, timeout=10_000)  # type: ignore[index]
    result = desk.run(ReconcileJob(GivenCredentials(desk.credentials), PROFILE))
    assert isinstance(result, ReconcileResult)
    assert [e.id for e in result.reconciled] == [lost.entry.id]
    assert result.reconciled[0].outcome is Outcome.CANCELLED
    assert desk.posts() == 1


def test_without_a_channel_key_nothing_is_sent_or_recorded(desk_for: Callable[..., Desk]) -> None:
    desk = desk_for(reissue_cancelled=True)
    desk.cancel()
    before = desk.sim.count()
    no_key = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=desk.sim.base_url)
    result = desk.issue(credentials=no_key)
    assert result.missing_channel_key
    assert desk.sim.count() == before
    with desk.history() as history:
        assert [e.action for e in history.recent()] == [Action.CANCEL]


def test_a_lookup_is_abandoned_but_never_an_issue_in_flight(
    desk_for: Callable[..., Desk],
) -> None:
    desk = desk_for(reissue_cancelled=True)
    desk.cancel()
    gate = threading.Event()
    desk.sim.inject("POST", PREFIX, Fault(gate=gate))
    job = IssueJob(GivenCredentials(desk.credentials), PROFILE, draft())
    with desk.qtbot.waitSignal(
        desk.api.finished, timeout=30_000, check_params_cb=lambda i, _r: i == job.job_id
    ) as blocker:
        desk.api.submit(job)
        desk.qtbot.waitUntil(lambda: desk.posts() == 1, timeout=10_000)
        assert desk.worker.abandon_lookup() is False
        gate.set()
    result = blocker.args[1]
    assert isinstance(result, IssueResult) and result.entry is not None
    assert result.entry.outcome is Outcome.CANCELLED


def test_a_receipt_issued_again_under_its_own_number_can_be_cancelled_again(
    desk_for: Callable[..., Desk],
) -> None:
    # The correction itself may be wrong: the old cancellation must not block its DELETE.
    desk = desk_for(reissue_cancelled=True)
    desk.cancel()
    issued = desk.issue()
    assert issued.entry is not None and issued.entry.outcome is Outcome.CANCELLED
    again = desk.cancel()
    assert again.already_cancelled is None
    assert desk.sim.count("DELETE", PREFIX) == 2


def test_a_v2_store_keeps_its_idempotency_key_in_the_row_and_the_post(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from iamport_desk.models import StoreApi
    from iamport_desk.simulator_v2 import DEMO_API_SECRET, DEMO_STORE_ID, SimulatorV2
    from iamport_desk.simulator_v2 import DEMO_CHANNEL_KEY as V2_CHANNEL_KEY
    from iamport_desk.store_clients import client_for

    sim = SimulatorV2()
    sim.start()
    api = ApiThread(ApiWorker(tmp_path / "history.sqlite3", client_for))
    credentials = Credentials(
        "",
        DEMO_API_SECRET,
        api_base=sim.base_url,
        api=StoreApi.V2,
        store_id=DEMO_STORE_ID,
        channel_key=V2_CHANNEL_KEY,
    )

    def run(job: Job) -> JobResult:
        with qtbot.waitSignal(
            api.finished, timeout=30_000, check_params_cb=lambda i, _r: i == job.job_id
        ) as blocker:
            api.submit(job)
        result = blocker.args[1]
        assert isinstance(result, JobResult)
        return result

    uid = "pay-20261125-0001"
    try:
        cancelled = run(CancelJob(GivenCredentials(credentials), PROFILE, uid))
        assert isinstance(cancelled, CancelResult) and cancelled.entry is not None
        assert cancelled.entry.outcome is Outcome.CANCELLED
        first = run(IssueJob(GivenCredentials(credentials), PROFILE, draft(uid, corrects_uid=uid)))
        assert isinstance(first, IssueResult) and first.entry is not None
        # V2 keeps a cancelled receipt under its paymentId: "already issued", -R1 offered.
        assert first.entry.outcome is Outcome.FAILED and first.derived_order == uid + "-R1"
        second = run(
            IssueJob(
                GivenCredentials(credentials),
                PROFILE,
                draft(uid, corrects_uid=uid).under(first.derived_order),
            )
        )
        assert isinstance(second, IssueResult) and second.entry is not None
        assert second.error is None and second.entry.outcome is Outcome.CANCELLED
        assert second.entry.api == "v2" and second.entry.corrects_id == cancelled.entry.id
        posts = [r for r in sim.requests if r.method == "POST" and r.path == "/cash-receipts"]
        assert len(posts) == 2
        keys = [r.headers.get("Idempotency-Key") for r in posts]
        assert keys == [first.entry.idempotency_key, second.entry.idempotency_key]
        assert keys[0] and keys[0] != keys[1]  # two requests, two keys: never one sent twice
    finally:
        assert api.stop()
        sim.stop()


def test_no_post_when_the_audit_row_cannot_be_written(qtbot: QtBot, tmp_path: Path) -> None:
    from iamport_desk.history import HistoryUnavailable

    class FullDisk(History):
        def begin_issue(self, **_kwargs: Any) -> int:
            raise HistoryUnavailable("full", "the disk is full")

    sim = Simulator(reissue_cancelled=True)
    sim.start()
    desk = Desk(qtbot, tmp_path / "history.sqlite3", sim, history_factory=FullDisk)
    try:
        desk.cancel()
        result = desk.issue()
        assert isinstance(result.error, HistoryUnavailable) and result.entry is None
        assert desk.posts() == 0
    finally:
        assert desk.api.stop()
        sim.stop()


def test_an_unknown_correction_under_the_derived_number_is_settled_before_another(
    desk_for: Callable[..., Desk],
) -> None:
    desk = desk_for(reissue_cancelled=False)
    desk.cancel()
    refused = desk.issue()
    assert refused.derived_order == "00012345-R1"
    desk.sim.inject("POST", PREFIX, Fault(drop=True, apply=True))
    lost = desk.issue(draft().under(refused.derived_order))
    assert lost.entry is not None and lost.entry.outcome is Outcome.UNKNOWN
    # The clerk starts over from the sale's own number: the -R1 attempt is looked up first.
    again = desk.issue()
    assert again.settled is not None and again.settled.merchant_uid == "00012345-R1"
    assert again.receipt is not None and again.receipt.merchant_uid == "00012345-R1"
    assert desk.posts() == 2  # the refused one and the lost one: nothing more


def test_no_derived_number_while_the_sales_own_receipt_is_in_effect(
    desk_for: Callable[..., Desk],
) -> None:
    """Someone issued the sale's receipt again meanwhile (another PC, PortOne's console): the
    desk's correction is refused as "already issued", and a lookup finds that receipt in
    effect. Offering "-R1" would give one sale two live receipts, so nothing is offered."""
    from iamport_desk.api import IamportClient

    desk = desk_for(reissue_cancelled=True)
    desk.cancel()
    with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=desk.sim.base_url) as other:
        other.issue_external_receipt(
            ORDER,
            channel_key=DEMO_CHANNEL_KEY,
            name="사무용품",
            amount=55000,
            identifier="01012345678",
        )
    before = desk.posts()
    result = desk.issue()
    assert desk.posts() == before + 1  # the desk's one POST, refused
    assert result.derived_order is None
    assert result.in_effect is not None and result.in_effect.merchant_uid == ORDER
    assert not result.in_effect.is_cancelled
    assert result.entry is not None and result.entry.outcome is Outcome.FAILED


def test_already_issued_offers_no_number_when_the_lookup_cannot_tell(
    desk_for: Callable[..., Desk],
) -> None:
    desk = desk_for(reissue_cancelled=False)
    desk.cancel()
    desk.sim.inject("GET", PREFIX, Fault(status=500, body={"code": -1, "message": "busy"}))
    result = desk.issue()
    assert result.error is not None and result.derived_order is None
    assert result.in_effect is None  # not known: neither offered nor claimed
