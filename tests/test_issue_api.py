"""Issuing a V1 cash receipt (issue 15) against the simulator over real loopback HTTP.

The rule under test: the issuing POST is sent at most once. Any doubt after sending is
``OutcomeUnknown``, settled by a lookup; a 400 is PortOne's refusal with its own words.
"""

from __future__ import annotations

import logging
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from iamport_desk import models
from iamport_desk.api import (
    ApiError,
    IamportClient,
    NetworkError,
    OutcomeUnknown,
    ReceiptNotFound,
)
from iamport_desk.portone_v2 import PortOneV2Client
from iamport_desk.receipt_api import ReceiptApi
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Fault, Simulator
from iamport_desk.simulator.demo import DEMO_CHANNEL_KEY
from iamport_desk.simulator.protocol import MSG_ALREADY_ISSUED
from iamport_desk.simulator_v2 import DEMO_API_SECRET, SimulatorV2
from iamport_desk.simulator_v2 import DEMO_CHANNEL_KEY as V2_CHANNEL_KEY
from tests.fakes import FakeClock

pytestmark = pytest.mark.timeout(30)

PREFIX = "/receipts/external/"
LIVE = "ORDER-20261125-0001"  # seeded, not cancelled
OTHER = "ORDER-20261125-0002"
NEW = "ISSUE-20261201-0001"  # never issued
PHONE = "01098765432"
BUSINESS = "1248100998"  # a valid 사업자등록번호 (check digit 8)


@pytest.fixture
def make_client(simulator: Simulator) -> Iterator[Callable[..., IamportClient]]:
    clients: list[IamportClient] = []

    def make(sim: Simulator | None = None, **kwargs: Any) -> IamportClient:
        kwargs.setdefault("base_url", (sim or simulator).base_url)
        client = IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, **kwargs)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., IamportClient]) -> IamportClient:
    return make_client()


def issue(client: IamportClient, uid: str = NEW, **change: Any) -> models.Receipt:
    values: dict[str, Any] = {
        "channel_key": DEMO_CHANNEL_KEY,
        "name": "정정 재발행",
        "amount": 55000,
        "identifier": BUSINESS,
        "type": "company",
    }
    values.update(change)
    return client.issue_external_receipt(uid, **values)


def posts(simulator: Simulator) -> int:
    return simulator.count("POST", PREFIX)


# ------------------------------------------------------------------ success


def test_issue_returns_every_field_and_sends_the_spec_body() -> None:
    clock = FakeClock(1_790_000_000.0)
    with (
        Simulator(clock=clock) as sim,
        IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=sim.base_url) as client,
    ):
        receipt = client.issue_external_receipt(
            NEW,
            channel_key=DEMO_CHANNEL_KEY,
            name="사무용품",
            amount=10005,
            identifier=PHONE,
            identifier_type="phone",
            type="person",
            buyer_name="김고객",
            buyer_email="buyer@example.com",
            buyer_tel="01011112222",
            tax_free=0,
            product_type="real",
        )
        truth = sim.receipt(NEW)
        assert truth is not None
        assert receipt == models.Receipt(
            merchant_uid=NEW,
            receipt_tid=truth["receipt_tid"],
            apply_num=truth["apply_num"],
            type="person",
            amount=10005,
            vat=910,  # 10005 / 11 = 909.55, rounded half up
            receipt_url=truth["receipt_url"],
            applied_at=1_790_000_000,
            cancelled_at=None,
        )
        assert receipt.receipt_tid and receipt.apply_num and receipt.receipt_url
        sent = sim.issued_params[-1]
        assert sent == {
            "tier": None,
            "merchant_uid": NEW,
            "channel_key": DEMO_CHANNEL_KEY,
            "name": "사무용품",
            "amount": 10005,
            "identifier": PHONE,
            "identifier_type": "phone",
            "type": "person",
            "buyer_name": "김고객",
            "buyer_email": "buyer@example.com",
            "buyer_tel": "01011112222",
            "tax_free": 0,
            "product_type": "real",
        }
        request = next(r for r in sim.requests if r.method == "POST" and r.path == PREFIX + NEW)
        assert request.headers["content-type"] == "application/json"
        assert client.lookup_external_receipt(NEW) == receipt


def test_vat_given_or_computed_from_the_taxable_part(
    simulator: Simulator, client: IamportClient
) -> None:
    assert issue(client, "VAT-1", amount=33000, tax_free=11000).vat == 2000
    assert issue(client, "VAT-2", amount=33000, vat_amount=2500).vat == 2500
    assert issue(client, "VAT-3", amount=10000).vat == 909  # 909.09 rounds down
    assert "vat_amount" not in simulator.issued_params[0]


def test_the_id_travels_as_one_percent_encoded_segment(
    simulator: Simulator, client: IamportClient
) -> None:
    uid = "A/B 2026#7?x 재발행"
    receipt = issue(client, uid)
    assert receipt.merchant_uid == uid
    request = next(
        r
        for r in simulator.requests
        if r.method == "POST" and r.tier is None and r.path.startswith(PREFIX)
    )
    assert request.raw_path == PREFIX + urllib.parse.quote(uid, safe="")
    assert request.path == PREFIX + uid


def test_leading_zeros_are_kept(simulator: Simulator, client: IamportClient) -> None:
    receipt = issue(client, "00000202611250000099")
    assert receipt.merchant_uid == "00000202611250000099"
    assert simulator.receipt("00000202611250000099") is not None


def test_the_tier_header_is_sent(simulator: Simulator, make_client: Callable[..., Any]) -> None:
    client = make_client(tier_code="DM1")
    issue(client, "TIER-NEW-1")
    assert simulator.receipt("TIER-NEW-1", tier="DM1") is not None
    assert simulator.receipt("TIER-NEW-1") is None


# ------------------------------------------------------------------ PortOne refuses


def test_already_issued_is_an_api_error_with_portones_message(
    simulator: Simulator, client: IamportClient
) -> None:
    before = simulator.receipt(LIVE)
    with pytest.raises(ApiError) as caught:
        issue(client, LIVE)
    assert not isinstance(caught.value, OutcomeUnknown | ReceiptNotFound)
    assert (caught.value.status, caught.value.code) == (400, -1)
    assert caught.value.message == MSG_ALREADY_ISSUED
    assert posts(simulator) == 1
    assert simulator.receipt(LIVE) == before


@pytest.mark.parametrize("reissue", [True, False])
def test_a_cancelled_order_number_in_both_simulator_modes(reissue: bool) -> None:
    uid = "00012345"  # the demo's practice order
    with (
        Simulator(reissue_cancelled=reissue) as sim,
        IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=sim.base_url) as client,
    ):
        wrong = client.cancel_external_receipt(uid)
        assert wrong.is_cancelled and wrong.type == "person"
        if reissue:
            right = issue(client, uid, amount=55000, identifier=BUSINESS, type="company")
            assert (right.merchant_uid, right.type, right.cancelled_at) == (uid, "company", None)
            assert right.apply_num != wrong.apply_num
            assert right.receipt_tid != wrong.receipt_tid
            assert client.lookup_external_receipt(uid) == right
        else:
            with pytest.raises(ApiError) as caught:
                issue(client, uid)
            assert (caught.value.status, caught.value.message) == (400, MSG_ALREADY_ISSUED)
            assert client.lookup_external_receipt(uid).is_cancelled
        assert sim.count("POST", PREFIX) == 1


def test_a_pg_failure_is_an_api_error(simulator: Simulator, client: IamportClient) -> None:
    simulator.inject(
        "POST",
        PREFIX,
        Fault(status=500, body={"code": -1, "message": "[PG] 발행 실패", "response": None}),
    )
    with pytest.raises(ApiError) as caught:
        issue(client)
    assert not isinstance(caught.value, OutcomeUnknown)
    assert (caught.value.status, caught.value.message) == (500, "[PG] 발행 실패")
    assert simulator.receipt(NEW) is None


@pytest.mark.parametrize(
    "change",
    [
        {"channel_key": " "},
        {"name": ""},
        {"amount": 0},
        {"amount": True},
        {"identifier": "010-9876-5432"},
        {"identifier": ""},
        {"identifier_type": "resident"},
        {"type": "corporate"},
        {"product_type": "food"},
        {"tax_free": 60000},
        {"vat_amount": -1},
    ],
)
def test_bad_values_are_refused_before_sending(
    simulator: Simulator, client: IamportClient, change: dict[str, Any]
) -> None:
    with pytest.raises(ValueError) as caught:
        issue(client, **change)
    assert PHONE not in str(caught.value) and BUSINESS not in str(caught.value)
    assert posts(simulator) == 0


# ------------------------------------------------------------------ never sent twice


def test_a_dropped_answer_is_unknown_sent_once_and_settled_by_lookup(
    simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject("POST", PREFIX, Fault(drop=True, apply=True))
    with pytest.raises(OutcomeUnknown) as caught:
        issue(client)
    assert caught.value.reason == "no_answer" and caught.value.status is None
    assert posts(simulator) == 1
    assert client.lookup_external_receipt(NEW).amount == 55000  # it was issued


def test_a_request_lost_before_processing_is_unknown_too(
    simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject("POST", PREFIX, Fault(drop=True, apply=False))
    with pytest.raises(OutcomeUnknown):
        issue(client)
    assert posts(simulator) == 1
    with pytest.raises(ReceiptNotFound):  # the lookup settles it: not issued
        client.lookup_external_receipt(NEW)


def test_a_read_timeout_is_unknown_and_sent_once(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    client = make_client(timeout=httpx.Timeout(5.0, read=0.3))
    client.get_token()
    simulator.inject("POST", PREFIX, Fault(latency=1.5))
    with pytest.raises(OutcomeUnknown):
        issue(client)
    assert posts(simulator) == 1


def test_the_deadline_is_unknown_and_sent_once(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    client = make_client(deadline=1.0)
    client.get_token()
    simulator.inject("POST", PREFIX, Fault(byte_delay=0.05))
    with pytest.raises(OutcomeUnknown) as caught:
        issue(client)
    assert caught.value.reason == "deadline"
    assert posts(simulator) == 1
    assert client.lookup(NEW).amount == 55000  # processed on arrival


def test_abort_during_the_post_is_unknown(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    client = make_client()
    client.get_token()
    simulator.inject("POST", PREFIX, Fault(latency=5.0))
    errors: list[BaseException] = []

    def run() -> None:
        try:
            issue(client)
        except BaseException as exc:  # handed to the test thread
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    while posts(simulator) == 0 and thread.is_alive():
        thread.join(0.02)
    client.abort()
    thread.join(10)
    assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], OutcomeUnknown)
    assert errors[0].reason == "aborted"
    assert posts(simulator) == 1


def test_a_connection_refused_is_a_network_error() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with (
        IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=f"http://127.0.0.1:{port}") as c,
        pytest.raises(NetworkError) as caught,
    ):
        issue(c)
    assert caught.value.kind == "refused"  # nothing left the computer: safe to retry


def test_a_401_is_refreshed_and_sent_again_once(
    simulator: Simulator, client: IamportClient
) -> None:
    """401 means "not processed" (the spec's 401: no or invalid token), as for a DELETE."""
    client.get_token()
    simulator.revoke_tokens()
    receipt = issue(client)
    assert receipt.merchant_uid == NEW
    assert posts(simulator) == 2  # the first was refused unprocessed
    assert len(simulator.issued_params) == 1


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (Fault(status=302, body="", headers={"Location": "https://example.com/"}), "redirect"),
        (Fault(status=502, body="<html>Bad Gateway</html>", content_type="text/html"), None),
        (Fault(status=200, body="<html>login</html>", content_type="text/html"), None),
        (Fault(status=200, body={"code": 0, "message": None, "response": {"x": 1}}), None),
        (Fault(bomb=1 << 22), "unreadable"),
    ],
)
def test_answers_that_cannot_be_believed_are_unknown(
    simulator: Simulator, client: IamportClient, fault: Fault, reason: str | None
) -> None:
    fault.apply = True
    simulator.inject("POST", PREFIX, fault)
    with pytest.raises(OutcomeUnknown) as caught:
        issue(client)
    if reason is not None:
        assert caught.value.reason == reason
    assert posts(simulator) == 1


def test_an_answer_about_another_order_is_unknown(
    simulator: Simulator, client: IamportClient
) -> None:
    other = simulator.receipt(OTHER)
    simulator.inject(
        "POST", PREFIX, Fault(status=200, body={"code": 0, "message": None, "response": other})
    )
    with pytest.raises(OutcomeUnknown) as caught:
        issue(client)
    assert caught.value.reason == "other_order"
    assert [r.path for r in simulator.requests if r.method == "POST"][-1] == PREFIX + NEW


# ------------------------------------------------------------------ personal data


def test_the_identifier_is_never_in_logs_or_errors(
    simulator: Simulator, client: IamportClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    tel = "01055556666"
    echo = f"identifier {BUSINESS} / {urllib.parse.quote(BUSINESS)} / buyer_tel {tel} 오류"
    simulator.inject(
        "POST", PREFIX, Fault(status=400, body={"code": -1, "message": echo, "response": None})
    )
    with pytest.raises(ApiError) as refused:
        issue(client, buyer_tel=tel)
    assert refused.value.message is not None and "***" in refused.value.message
    simulator.inject("POST", PREFIX, Fault(drop=True))
    with pytest.raises(OutcomeUnknown) as lost:
        issue(client, NEW + "-2", buyer_tel=tel)
    receipt = issue(client, NEW + "-3", buyer_tel=tel)
    request = models.IssueRequest(NEW, "ch", "company", "n", 1, BUSINESS, customer_phone=tel)
    texts = [
        caplog.text,
        *(f"{e!s} {e!r} {e.message}" for e in (refused.value, lost.value)),
        repr(receipt),
        repr(request),
        repr(client),
    ]
    for text in texts:
        assert BUSINESS not in text and tel not in text, text
    assert any("POST" in r.getMessage() for r in caplog.records)  # the calls were logged


# ------------------------------------------------------------------ the ReceiptApi seam


def test_receipt_api_issue_on_v1(simulator: Simulator, client: IamportClient) -> None:
    api: ReceiptApi = client
    request = models.IssueRequest(
        payment_id=NEW,
        channel_key=DEMO_CHANNEL_KEY,
        receipt_type="person",
        order_name="정정 재발행",
        amount=22000,
        identity_number="9410023376012",
        identity_number_type="CARD",
        vat=2000,
        customer_name="김고객",
    )
    receipt = api.issue(request)
    assert (receipt.merchant_uid, receipt.amount, receipt.vat) == (NEW, 22000, 2000)
    sent = simulator.issued_params[-1]
    assert (sent["identifier_type"], sent["vat_amount"], sent["buyer_name"]) == (
        "taxcard",
        2000,
        "김고객",
    )


@pytest.mark.parametrize(
    "change",
    [{"paid_at": 1}, {"payment_method": "TRANSFER"}, {"identity_number_type": "PASSPORT"}],
)
def test_receipt_api_issue_on_v1_refuses_what_v1_cannot_send(
    simulator: Simulator, client: IamportClient, change: dict[str, Any]
) -> None:
    values: dict[str, Any] = {
        "payment_id": NEW,
        "channel_key": DEMO_CHANNEL_KEY,
        "receipt_type": "company",
        "order_name": "n",
        "amount": 1000,
        "identity_number": BUSINESS,
    }
    values.update(change)
    with pytest.raises(ValueError):
        client.issue(models.IssueRequest(**values))
    assert posts(simulator) == 0


def test_receipt_api_issue_on_v2() -> None:
    with (
        SimulatorV2() as sim,
        PortOneV2Client(DEMO_API_SECRET, base_url=sim.base_url) as v2,
    ):
        api: ReceiptApi = v2
        request = models.IssueRequest(
            payment_id="fix-0099",
            channel_key=V2_CHANNEL_KEY,
            receipt_type="company",
            order_name="정정 발급",
            amount=55000,
            identity_number=BUSINESS,
            identity_number_type="BUSINESS",
        )
        receipt = api.issue(request)
        truth = sim.receipt("fix-0099")
        assert truth is not None and truth["amount"] == 55000
        assert (receipt.merchant_uid, receipt.type, receipt.apply_num) == (
            "fix-0099",
            "company",
            truth["issueNumber"],
        )
        assert v2.last_idempotency_key is not None
