"""PortOneV2Client against the V2 simulator over real loopback HTTP."""

from __future__ import annotations

import base64
import json
import logging
import socket
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest

from iamport_desk.errors import (
    ApiError,
    AuthenticationError,
    IamportError,
    InvalidMerchantUid,
    NetworkError,
    OtherOrderAnswer,
    OutcomeUnknown,
    ReceiptNotFound,
)
from iamport_desk.portone_v2 import (
    IssueRequest,
    PortOneV2Client,
    ReceiptAlreadyIssued,
    V2AnswerMismatch,
    V2ApiError,
    V2AuthenticationError,
    V2OutcomeUnknown,
    V2PermissionDenied,
    V2PgProviderError,
    V2ReceiptNotFound,
    V2ReceiptNotIssued,
    parse_rfc3339,
)
from iamport_desk.receipt_api import ReceiptApi
from iamport_desk.simulator_v2 import (
    DEMO_API_SECRET,
    DEMO_BRANCH_STORE_ID,
    DEMO_CHANNEL_KEY,
    DEMO_FORBIDDEN_SECRET,
    DEMO_STORE_ID,
    ApiAccess,
    Fault,
    SimulatorV2,
)

pytestmark = pytest.mark.timeout(30)

SECRET = "Sx9-V2LEAKCANARY-4e5f6a7b8c-secret"
HTML = "text/html; charset=utf-8"


@pytest.fixture
def sim() -> Iterator[SimulatorV2]:
    with SimulatorV2() as simulator:
        yield simulator


@pytest.fixture
def client(sim: SimulatorV2) -> Iterator[PortOneV2Client]:
    with PortOneV2Client(DEMO_API_SECRET, base_url=sim.base_url) as api:
        yield api


def issue_request(payment_id: str = "fix-0001", **change: Any) -> IssueRequest:
    values: dict[str, Any] = {
        "payment_id": payment_id,
        "channel_key": DEMO_CHANNEL_KEY,
        "receipt_type": "company",
        "order_name": "정정 발급",
        "amount": 55000,
        "identity_number": "1234567890",
        "identity_number_type": "BUSINESS",
    }
    values.update(change)
    return IssueRequest(**values)


# ------------------------------------------------------------------ lookup


def test_lookup_maps_every_field(
    sim: SimulatorV2, client: PortOneV2Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="iamport_desk.portone_v2")
    receipt = client.lookup_cash_receipt("pay-20261125-0002")
    # The receipt's own "type" (CORPORATE) is not an error type.
    ours = [r for r in caplog.records if r.name == "iamport_desk.portone_v2"]
    assert [r.getMessage().split(" -> ")[1].split(" ")[:2] for r in ours] == [["HTTP", "200"]]
    assert "type=" not in caplog.text
    truth = sim.receipt("pay-20261125-0002")
    assert truth is not None
    assert receipt.merchant_uid == "pay-20261125-0002"
    assert receipt.type == "company"  # CORPORATE
    assert (receipt.amount, receipt.vat) == (truth["amount"], truth["vatAmount"])
    assert receipt.apply_num == truth["issueNumber"]
    assert receipt.receipt_tid == truth["pgReceiptId"]
    assert receipt.receipt_url == truth["url"]
    assert receipt.applied_at == parse_rfc3339(truth["issuedAt"])
    assert receipt.cancelled_at is None and not receipt.is_cancelled
    request = sim.requests[-1]
    assert request.headers["authorization"] == f"PortOne {DEMO_API_SECRET}"
    assert request.query == {}  # no storeId when the profile names none
    assert request.idempotency_key is None  # GET needs none


def test_lookup_of_a_cancelled_receipt(client: PortOneV2Client) -> None:
    receipt = client.lookup("pay-20261120-0003")
    assert receipt.is_cancelled and receipt.cancelled_at is not None
    assert receipt.cancelled_at > receipt.applied_at
    assert receipt.type == "person"  # PERSONAL


def test_lookup_of_a_failed_issue_is_not_issued(client: PortOneV2Client) -> None:
    with pytest.raises(V2ReceiptNotIssued) as caught:
        client.lookup("pay-issue-failed")
    assert isinstance(caught.value, ReceiptNotFound)
    assert caught.value.error_type == "ISSUE_FAILED"


def test_lookup_not_found(client: PortOneV2Client) -> None:
    with pytest.raises(V2ReceiptNotFound) as caught:
        client.lookup("pay-none-9999")
    assert isinstance(caught.value, ReceiptNotFound)
    assert not isinstance(caught.value, V2ReceiptNotIssued)
    assert caught.value.status == 404 and caught.value.error_type == "CASH_RECEIPT_NOT_FOUND"
    assert caught.value.message  # PortOne's words, for the clerk


def test_an_answer_about_another_payment_is_never_believed(
    sim: SimulatorV2, client: PortOneV2Client
) -> None:
    other = sim.receipt("pay-20261125-0001")
    sim.inject("GET", "/payments/pay-lost/", Fault(status=200, body=other))
    with pytest.raises(V2AnswerMismatch) as caught:
        client.lookup("pay-lost")
    # The same case as V1's, so the window says the same sentence (ui.words.errors).
    assert isinstance(caught.value, OtherOrderAnswer)
    assert caught.value.answered_uid == "pay-20261125-0001"
    assert caught.value.status == 200


def test_an_answer_about_another_store_is_never_believed(sim: SimulatorV2) -> None:
    practice = sim.receipt("pay-lost")
    assert practice is not None and practice["storeId"] == DEMO_STORE_ID
    with PortOneV2Client(
        DEMO_API_SECRET, base_url=sim.base_url, store_id=DEMO_BRANCH_STORE_ID
    ) as branch:
        sim.inject("GET", "/payments/pay-lost/", Fault(status=200, body=practice))
        with pytest.raises(V2AnswerMismatch) as caught:
            branch.lookup("pay-lost")
    assert not isinstance(caught.value, OtherOrderAnswer)  # the right payment, the wrong store


def test_nfd_and_nfc_spellings_are_one_payment(sim: SimulatorV2, client: PortOneV2Client) -> None:
    import unicodedata

    nfc = "결제-한글-0005"
    nfd = unicodedata.normalize("NFD", nfc)
    answer = sim.receipt(nfc)
    sim.inject("GET", "/payments/", Fault(status=200, body=answer))
    assert client.lookup(nfd).merchant_uid == nfc  # the server's spelling, one order_key


# ------------------------------------------------------------------ cancel


def test_cancel_sends_one_post_with_a_key_then_looks_up(
    sim: SimulatorV2, client: PortOneV2Client
) -> None:
    receipt = client.cancel_cash_receipt("pay-20261125-0001")
    truth = sim.receipt("pay-20261125-0001")
    assert truth is not None and truth["status"] == "CANCELLED"
    assert receipt.cancelled_at == parse_rfc3339(truth["cancelledAt"])
    assert receipt.apply_num == truth["issueNumber"] and receipt.amount == 33000
    posts = [r for r in sim.requests if r.method == "POST"]
    assert len(posts) == 1
    assert posts[0].idempotency_key == client.last_idempotency_key
    assert posts[0].path == "/payments/pay-20261125-0001/cash-receipt/cancel"
    assert [r.method for r in sim.requests] == ["POST", "GET"]


def test_cancel_uses_the_callers_key(sim: SimulatorV2, client: PortOneV2Client) -> None:
    client.cancel_cash_receipt("pay-20261125-0001", idempotency_key="audit-row-17")
    assert sim.requests[0].idempotency_key == "audit-row-17"
    assert client.last_idempotency_key == "audit-row-17"


def test_every_cancel_gets_a_new_key_unless_told(sim: SimulatorV2, client: PortOneV2Client) -> None:
    client.cancel("pay-20261125-0001")
    client.cancel("pay-20261125-0002")
    keys = [r.idempotency_key for r in sim.requests if r.method == "POST"]
    assert len(set(keys)) == 2 and all(keys)


@pytest.mark.parametrize("payment_id", ["pay-20261120-0003", "pay-issue-failed"])
def test_cancel_of_nothing_issued(client: PortOneV2Client, payment_id: str) -> None:
    with pytest.raises(V2ReceiptNotIssued) as caught:
        client.cancel(payment_id)
    assert caught.value.error_type == "CASH_RECEIPT_NOT_ISSUED"


def test_cancel_not_found(client: PortOneV2Client) -> None:
    with pytest.raises(V2ReceiptNotFound):
        client.cancel("pay-none-9999")


def test_pg_failure_keeps_pg_code_and_message(sim: SimulatorV2, client: PortOneV2Client) -> None:
    with pytest.raises(V2PgProviderError) as caught:
        client.cancel("pay-pg-fail")
    error = caught.value
    assert isinstance(error, ApiError) and error.status == 502
    assert error.error_type == "PG_PROVIDER"
    assert error.pg_code == "8117" and error.pg_message == "[8117] 원거래가 존재하지 않습니다"
    # The clerk reads PortOne's message and then the PG's own.
    assert (
        error.message
        == "PG사에서 현금영수증 취소에 실패했습니다. ([8117] 원거래가 존재하지 않습니다)"
    )
    assert sim.receipt("pay-pg-fail")["status"] == "ISSUED"  # type: ignore[index]


def test_lost_answer_is_unknown_then_settled_by_lookup(
    sim: SimulatorV2, client: PortOneV2Client
) -> None:
    with pytest.raises(V2OutcomeUnknown) as caught:
        client.cancel("pay-lost")
    assert isinstance(caught.value, OutcomeUnknown)
    assert caught.value.idempotency_key == client.last_idempotency_key
    assert client.lookup("pay-lost").is_cancelled
    assert sim.count("POST") == 1


def test_lost_answer_settled_by_resending_with_the_same_key(
    sim: SimulatorV2, client: PortOneV2Client
) -> None:
    client.lookup("pay-lost")
    with pytest.raises(V2OutcomeUnknown) as caught:
        client.cancel("pay-lost")
    key = caught.value.idempotency_key
    settled = client.cancel_cash_receipt("pay-lost", idempotency_key=key)
    assert settled.is_cancelled
    assert settled.cancelled_at == parse_rfc3339(sim.receipt("pay-lost")["cancelledAt"])  # type: ignore[index]
    keys = [r.idempotency_key for r in sim.requests if r.method == "POST"]
    assert keys == [key, key]  # never a new key
    # Why: a new key is a new cancel, and PortOne refuses it for a cancelled receipt.
    with pytest.raises(V2ReceiptNotIssued):
        client.cancel("pay-lost")


def test_a_cancel_still_in_progress_is_unknown(sim: SimulatorV2) -> None:
    import threading

    gate = threading.Event()
    sim.add_receipt("pay-held", amount=9000, on_cancel=Fault(gate=gate))
    results: list[object] = []

    def first() -> None:
        with PortOneV2Client(DEMO_API_SECRET, base_url=sim.base_url) as api:
            results.append(api.cancel_cash_receipt("pay-held", idempotency_key="held"))

    thread = threading.Thread(target=first)
    thread.start()
    try:
        with PortOneV2Client(DEMO_API_SECRET, base_url=sim.base_url) as second:
            while sim.count("POST") == 0:
                thread.join(0.01)
            with pytest.raises(V2OutcomeUnknown) as caught:
                second.cancel_cash_receipt("pay-held", idempotency_key="held")
            assert caught.value.status == 409 and caught.value.idempotency_key == "held"
    finally:
        gate.set()
        thread.join(10)
    assert len(results) == 1 and getattr(results[0], "is_cancelled", False)


def test_cancel_stands_when_the_follow_up_lookup_fails(
    sim: SimulatorV2, client: PortOneV2Client
) -> None:
    before = client.lookup("pay-20261125-0002")
    sim.inject("GET", "/payments/", Fault(status=503, body="<html>busy</html>", content_type=HTML))
    receipt = client.cancel("pay-20261125-0002")
    truth = sim.receipt("pay-20261125-0002")
    assert truth is not None and truth["status"] == "CANCELLED"
    assert receipt.cancelled_at == parse_rfc3339(truth["cancelledAt"])
    assert receipt.amount == 1_250_000
    # What the earlier lookup told us is kept.
    assert (receipt.apply_num, receipt.type, receipt.vat) == (
        before.apply_num,
        "company",
        before.vat,
    )


def test_cancel_stands_without_any_earlier_lookup(
    sim: SimulatorV2, client: PortOneV2Client
) -> None:
    sim.inject("GET", "/payments/", Fault(drop=True))
    receipt = client.cancel("pay-20261125-0001")
    assert (
        receipt.is_cancelled
        and receipt.amount == 33000
        and receipt.merchant_uid == "pay-20261125-0001"
    )


def test_follow_up_lookup_about_another_payment_is_unknown(
    sim: SimulatorV2, client: PortOneV2Client
) -> None:
    other = sim.receipt("pay-slow")
    sim.inject("GET", "/payments/", Fault(status=200, body=other))
    with pytest.raises(V2OutcomeUnknown) as caught:
        client.cancel("pay-20261125-0001")
    assert caught.value.idempotency_key == client.last_idempotency_key


@pytest.mark.parametrize(
    ("fault", "what"),
    [
        (Fault(status=502, body="<html>Bad Gateway</html>", content_type=HTML, apply=True), "html"),
        (Fault(status=500, body="", apply=True), "empty 5xx"),
        (Fault(status=200, body="<html>login</html>", content_type=HTML, apply=True), "200 html"),
        (Fault(status=200, body=b'{"cancelledAmount": 1}', apply=True), "200 half an answer"),
        (Fault(status=302, body="", apply=True), "redirect"),
        (Fault(status=500, body={"type": "INTERNAL", "message": "x"}, apply=True), "typed 5xx"),
    ],
)
def test_a_post_without_a_usable_answer_is_unknown(
    sim: SimulatorV2, client: PortOneV2Client, fault: Fault, what: str
) -> None:
    sim.inject("POST", "/payments/", fault)
    with pytest.raises(V2OutcomeUnknown):
        client.cancel("pay-20261125-0001")
    assert sim.count("POST") == 1


def test_a_4xx_page_before_portone_is_not_unknown(
    sim: SimulatorV2, client: PortOneV2Client
) -> None:
    sim.inject(
        "POST", "/payments/", Fault(status=407, body="<html>proxy</html>", content_type=HTML)
    )
    with pytest.raises(V2ApiError) as caught:
        client.cancel("pay-20261125-0001")
    assert not isinstance(caught.value, OutcomeUnknown) and caught.value.status == 407


# ------------------------------------------------------------------ authentication


def test_unauthorized_secret(sim: SimulatorV2) -> None:
    with PortOneV2Client(SECRET, base_url=sim.base_url) as api:
        with pytest.raises(V2AuthenticationError) as caught:
            api.lookup("pay-lost")
        assert isinstance(caught.value, AuthenticationError)
        assert not isinstance(caught.value, V2PermissionDenied)
        assert caught.value.error_type == "UNAUTHORIZED"
        with pytest.raises(V2AuthenticationError):
            api.check_access()
        assert SECRET not in str(caught.value) + repr(caught.value) + repr(api)


def test_forbidden_secret_and_store(sim: SimulatorV2) -> None:
    with PortOneV2Client(DEMO_FORBIDDEN_SECRET, base_url=sim.base_url) as api:
        with pytest.raises(V2PermissionDenied) as caught:
            api.cancel("pay-lost")
        assert isinstance(caught.value, AuthenticationError) and caught.value.status == 403
    with PortOneV2Client(DEMO_API_SECRET, base_url=sim.base_url, store_id="store-x") as api:
        with pytest.raises(V2PermissionDenied):
            api.lookup("pay-lost")
        with pytest.raises(V2PermissionDenied):
            api.check_access()
    assert sim.receipt("pay-lost")["status"] == "ISSUED"  # type: ignore[index]


def test_check_access(sim: SimulatorV2, client: PortOneV2Client) -> None:
    assert client.check_access() is None
    request = sim.requests[-1]
    assert request.path == "/cash-receipts" and request.method == "GET"
    assert "filter" not in json.loads(request.query["requestBody"])


# ------------------------------------------------------------------ storeId


def test_store_id_is_sent_and_scopes(sim: SimulatorV2, client: PortOneV2Client) -> None:
    with pytest.raises(V2ReceiptNotFound):
        client.lookup("pay-branch-0001")
    with PortOneV2Client(
        DEMO_API_SECRET, base_url=sim.base_url, store_id=f"  {DEMO_BRANCH_STORE_ID} "
    ) as branch:
        assert branch.store_id == DEMO_BRANCH_STORE_ID
        assert branch.lookup("pay-branch-0001").amount == 64000
        assert branch.cancel("pay-branch-0001").is_cancelled
        branch.check_access()
        branch.issue_cash_receipt(issue_request("branch-fix"))
    for request in sim.requests[1:]:
        if request.path == "/cash-receipts" and request.method == "GET":
            assert json.loads(request.query["requestBody"])["filter"] == {
                "storeId": DEMO_BRANCH_STORE_ID
            }
        elif request.path != "/cash-receipts":
            assert request.query == {"storeId": DEMO_BRANCH_STORE_ID}
    assert sim.receipt("branch-fix", DEMO_BRANCH_STORE_ID) is not None  # storeId in the body


# ------------------------------------------------------------------ issue


def test_issue_then_already_issued(sim: SimulatorV2, client: PortOneV2Client) -> None:
    receipt = client.issue_cash_receipt(issue_request(), idempotency_key="fix-key")
    truth = sim.receipt("fix-0001")
    assert truth is not None and truth["type"] == "CORPORATE" and truth["amount"] == 55000
    assert receipt.apply_num == truth["issueNumber"] and receipt.type == "company"
    assert receipt.vat == 5000 and receipt.applied_at == parse_rfc3339(truth["issuedAt"])
    assert sim.requests[0].idempotency_key == "fix-key"
    with pytest.raises(ReceiptAlreadyIssued) as caught:
        client.issue_cash_receipt(issue_request())
    assert caught.value.status == 409 and isinstance(caught.value, ApiError)


def test_issue_lost_answer_settled_with_the_same_key(
    sim: SimulatorV2, client: PortOneV2Client
) -> None:
    sim.inject("POST", "/cash-receipts", Fault(drop=True, apply=True))
    with pytest.raises(V2OutcomeUnknown) as caught:
        client.issue_cash_receipt(issue_request())
    key = caught.value.idempotency_key
    receipt = client.issue_cash_receipt(issue_request(), idempotency_key=key)
    assert receipt.apply_num == sim.receipt("fix-0001")["issueNumber"]  # type: ignore[index]
    assert [r.idempotency_key for r in sim.requests if r.method == "POST"] == [key, key]


def test_issue_stands_when_the_lookup_fails(sim: SimulatorV2, client: PortOneV2Client) -> None:
    sim.inject("GET", "/payments/", Fault(status=500, body="", times=None))
    receipt = client.issue_cash_receipt(issue_request(vat=4000))
    truth = sim.receipt("fix-0001")
    assert truth is not None
    assert (receipt.apply_num, receipt.receipt_tid, receipt.receipt_url) == (
        truth["issueNumber"],
        truth["pgReceiptId"],
        truth["url"],
    )
    assert (receipt.amount, receipt.vat, receipt.type) == (55000, 4000, "company")


def test_issue_with_an_unknown_channel(client: PortOneV2Client) -> None:
    with pytest.raises(V2ApiError) as caught:
        client.issue_cash_receipt(issue_request(channel_key="nobody"))
    assert caught.value.error_type == "CHANNEL_NOT_FOUND" and caught.value.status == 404


def test_issue_pg_refusal(sim: SimulatorV2, client: PortOneV2Client) -> None:
    refusal = {
        "type": "PG_PROVIDER",
        "message": "발급 실패",
        "pgCode": "E1",
        "pgMessage": "한도 초과",
    }
    sim.set_issue_fault("fix-0001", Fault(status=502, body=refusal))
    with pytest.raises(V2PgProviderError) as caught:
        client.issue_cash_receipt(issue_request())
    assert (caught.value.pg_code, caught.value.message) == ("E1", "발급 실패 (한도 초과)")
    assert sim.receipt("fix-0001") is None


def test_issue_request_hides_the_customer() -> None:
    request = issue_request(identity_number="01099998888", customer_email="a@example.com")
    assert "01099998888" not in repr(request) and "a@example.com" not in repr(request)
    with pytest.raises(ValueError):
        issue_request(receipt_type="PERSONAL")
    with pytest.raises(ValueError):
        issue_request(amount=0)


# ------------------------------------------------------------------ ids


HOSTILE = [
    "pay/A B#7?x%+",
    "a/../b",
    "50%",
    "x?storeId=evil",
    "#frag",
    "a+b",
    "  sp ace ",
    "결제/한글 #1",
]


@pytest.mark.parametrize("payment_id", HOSTILE)
def test_hostile_ids_travel_as_one_segment(
    sim: SimulatorV2, client: PortOneV2Client, payment_id: str
) -> None:
    stripped = payment_id.strip()
    sim.add_receipt(stripped, amount=1000)
    assert client.lookup(payment_id).merchant_uid == stripped
    assert client.cancel(payment_id).is_cancelled
    for request in sim.requests:
        segment = urllib.parse.quote(stripped, safe="")
        assert request.raw_path.startswith(f"/payments/{segment}/cash-receipt")
        assert request.query == {}  # "?" in the id never became a query


@pytest.mark.parametrize("payment_id", ["", "   ", "a\nb", "\x00", ".", ".."])
def test_unsendable_ids_are_refused_before_sending(
    sim: SimulatorV2, client: PortOneV2Client, payment_id: str
) -> None:
    with pytest.raises(InvalidMerchantUid):
        client.lookup(payment_id)
    with pytest.raises(InvalidMerchantUid):
        client.cancel(payment_id)
    assert sim.requests == []


# ------------------------------------------------------------------ secrets


def echoes(secret: str) -> str:
    encoded = base64.b64encode(secret.encode()).decode()
    return (
        f"bad {secret} / {urllib.parse.quote(secret, safe='')} / {encoded} / {json.dumps(secret)}"
    )


def test_secret_never_in_errors_or_logs_even_when_echoed(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    access = {SECRET: ApiAccess("m", (DEMO_STORE_ID,))}
    with SimulatorV2(access=access) as sim, PortOneV2Client(SECRET, base_url=sim.base_url) as api:
        sim.inject(
            "GET",
            "/payments/",
            Fault(status=400, body={"type": "INVALID_REQUEST", "message": echoes(SECRET)}),
        )
        pg = {
            "type": "PG_PROVIDER",
            "message": echoes(SECRET),
            "pgCode": SECRET,
            "pgMessage": echoes(SECRET),
        }
        sim.inject("POST", "/payments/", Fault(status=502, body=pg))
        errors: list[BaseException] = []
        for call in (api.lookup, api.cancel):
            with pytest.raises(ApiError) as caught:
                call("pay-lost")
            errors.append(caught.value)
        api.lookup("pay-20261125-0001")
        api.cancel("pay-20261125-0001")
    encoded = base64.b64encode(SECRET.encode()).decode()
    for error in errors:
        text = " ".join([str(error), repr(error), str(vars(error))])
        for needle in (SECRET, encoded, encoded.rstrip("="), urllib.parse.quote(SECRET, safe="")):
            assert needle not in text
        assert "***" in (error.message or "")
    for needle in (SECRET, encoded):
        assert needle not in caplog.text
    assert SECRET not in repr(api)


def test_secret_not_in_network_errors() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        PortOneV2Client(SECRET, base_url=f"http://127.0.0.1:{port}") as api,
        pytest.raises(NetworkError) as caught,
    ):
        api.cancel("pay-lost")  # nothing was sent: a NetworkError, not an unknown outcome
    assert caught.value.kind == "refused"
    assert SECRET not in repr(caught.value) + str(caught.value.detail)


# ------------------------------------------------------------------ reading


def test_duplicate_keys_are_unreadable(sim: SimulatorV2, client: PortOneV2Client) -> None:
    truth = json.dumps(sim.receipt("pay-lost"), ensure_ascii=False)
    doubled = truth[:-1] + ', "paymentId": "pay-20261125-0001"}'
    sim.inject("GET", "/payments/", Fault(status=200, body=doubled))
    with pytest.raises(V2ApiError):
        client.lookup("pay-lost")
    sim.inject(
        "POST",
        "/payments/",
        Fault(
            status=200,
            body=b'{"cancelledAmount": 1, "cancelledAmount": 2, '
            b'"cancelledAt": "2026-01-01T00:00:00Z"}',
            apply=True,
        ),
    )
    with pytest.raises(V2OutcomeUnknown):
        client.cancel("pay-20261125-0001")


def test_a_body_over_one_mebibyte_is_not_read_as_an_answer(
    sim: SimulatorV2, client: PortOneV2Client
) -> None:
    huge = {**(sim.receipt("pay-lost") or {}), "orderName": "x" * (1 << 20)}
    sim.inject("GET", "/payments/", Fault(status=200, body=huge))
    with pytest.raises(V2ApiError) as caught:
        client.lookup("pay-lost")
    assert caught.value.status == 200


@pytest.mark.parametrize(
    "change",
    [{"currency": "USD"}, {"issuedAt": "2026-11-25 01:02"}, {"amount": 1.5}, {"status": "PAID"}],
)
def test_unreadable_receipts(
    sim: SimulatorV2, client: PortOneV2Client, change: dict[str, Any]
) -> None:
    sim.inject(
        "GET", "/payments/", Fault(status=200, body={**(sim.receipt("pay-lost") or {}), **change})
    )
    with pytest.raises(V2ApiError):
        client.lookup("pay-lost")


# ------------------------------------------------------------------ deadline


@pytest.mark.timeout(20)
def test_a_trickled_answer_hits_the_overall_deadline(sim: SimulatorV2) -> None:
    # Each byte comes well within any read timeout, yet the head alone takes a minute.
    sim.inject("*", "/payments/", Fault(byte_delay=0.5, times=None))
    with PortOneV2Client(DEMO_API_SECRET, base_url=sim.base_url, deadline=1.0) as api:
        with pytest.raises(NetworkError) as caught:
            api.lookup("pay-lost")
        # The same kind as V1's: the overall deadline, not one read's timeout, ended it.
        assert caught.value.kind == "deadline"
        with pytest.raises(V2OutcomeUnknown) as unknown:
            api.cancel("pay-20261125-0001")
        assert unknown.value.reason == "deadline"
        assert unknown.value.idempotency_key == api.last_idempotency_key


def test_a_slow_answer_hits_the_deadline(sim: SimulatorV2) -> None:
    sim.inject("*", "/payments/", Fault(latency=5.0, times=None))
    with PortOneV2Client(DEMO_API_SECRET, base_url=sim.base_url, deadline=0.5) as api:
        with pytest.raises(NetworkError):
            api.lookup("pay-lost")
        with pytest.raises(V2OutcomeUnknown):
            api.cancel("pay-20261125-0001")


# ------------------------------------------------------------------ construction and seam


def test_the_client_is_a_receipt_api(sim: SimulatorV2) -> None:
    api: ReceiptApi = PortOneV2Client(DEMO_API_SECRET, base_url=sim.base_url)
    try:
        assert api.lookup("pay-20261125-0001").amount == 33000
        assert api.cancel("pay-20261125-0001").is_cancelled
        assert api.check_access() is None
    finally:
        api.close()


@pytest.mark.parametrize(
    ("secret", "base_url"),
    [
        ("", "https://api.portone.io"),
        ("   ", "https://api.portone.io"),
        ("한글비밀", "https://api.portone.io"),
        ("two words", "https://api.portone.io"),
        (DEMO_API_SECRET, "http://api.portone.io"),  # plain http only to this computer
        (DEMO_API_SECRET, "ftp://api.portone.io"),
    ],
)
def test_constructor_refuses(secret: str, base_url: str) -> None:
    with pytest.raises(ValueError) as caught:
        PortOneV2Client(secret, base_url=base_url)
    assert not secret.strip() or secret not in str(caught.value)


def test_default_base_url() -> None:
    with PortOneV2Client(DEMO_API_SECRET) as api:
        assert api.base_url == "https://api.portone.io"
        assert "***" in repr(api) and DEMO_API_SECRET not in repr(api)


def test_the_client_imports_no_qt_and_no_simulator() -> None:
    import subprocess
    import sys

    code = (
        "import sys, iamport_desk.portone_v2\n"
        "print([m for m in sys.modules if m.split('.')[0] == 'PySide6'"
        " or m.startswith('iamport_desk.simulator')])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.timeout(20)
def test_a_call_after_an_abandoned_one_is_not_held_up(sim: SimulatorV2) -> None:
    sim.inject("GET", "/payments/", Fault(byte_delay=0.5))  # this one answer takes a minute
    with PortOneV2Client(DEMO_API_SECRET, base_url=sim.base_url, deadline=1.0) as api:
        with pytest.raises(NetworkError):
            api.lookup("pay-lost")
        assert api.lookup("pay-slow").amount == 47000  # not queued behind the stuck read


def test_a_call_runs_on_the_callers_thread_and_leaves_no_thread_behind(
    sim: SimulatorV2,
) -> None:
    """The deadline is the guarded transport's (as V1's): no helper thread to leak or retire."""
    import gc
    import threading

    before = set(threading.enumerate())
    api = PortOneV2Client(DEMO_API_SECRET, base_url=sim.base_url)
    api.lookup("pay-lost")
    started = {t for t in set(threading.enumerate()) - before if not t.name.startswith("Thread-")}
    assert [t.name for t in started] == []  # the simulator's per-connection threads aside
    del api
    gc.collect()
    assert not [t for t in threading.enumerate() if t.name == "portone-v2-request"]


def test_an_error_type_or_status_echoing_the_secret_never_reaches_an_error(
    sim: SimulatorV2, client: PortOneV2Client, caplog: pytest.LogCaptureFixture
) -> None:
    """The review's leak: ``type`` was kept and logged raw, ``status`` cut to 40 characters."""
    caplog.set_level(logging.INFO)
    shapes = (
        {"type": DEMO_API_SECRET, "message": "refused"},
        {"type": DEMO_API_SECRET.upper(), "message": "refused"},
    )
    for body in shapes:
        sim.inject("GET", "/payments/", Fault(status=400, body=body))
        with pytest.raises(IamportError) as caught:
            client.lookup_cash_receipt("pay-20261125-0001")
        for text in (str(caught.value), repr(caught.value), caplog.text):
            assert DEMO_API_SECRET.lower()[:20] not in text.lower()
    good = sim.receipt("pay-20261125-0001")
    assert good is not None
    sim.inject("GET", "/payments/", Fault(status=200, body={**good, "status": DEMO_API_SECRET}))
    with pytest.raises(IamportError) as unreadable:
        client.lookup_cash_receipt("pay-20261125-0001")
    assert DEMO_API_SECRET[:20] not in str(unreadable.value) + repr(unreadable.value)


def test_a_refusal_echoing_the_customers_identifier_is_masked(
    sim: SimulatorV2, client: PortOneV2Client
) -> None:
    from iamport_desk.models import IssueRequest

    number = "01098765432"
    echo = {"type": "INVALID_REQUEST", "message": f"customer.identityNumber {number} is invalid"}
    sim.inject("POST", "/cash-receipts", Fault(status=400, body=echo))
    request = IssueRequest(
        payment_id="pay-echo-0001",
        channel_key="channel-key-demo",
        receipt_type="person",
        order_name="x",
        amount=1000,
        identity_number=number,
        identity_number_type="PHONE",
    )
    with pytest.raises(ApiError) as refused:
        client.issue(request)
    for text in (str(refused.value), repr(refused.value), refused.value.message or ""):
        assert number not in text
    assert "identityNumber" in (refused.value.message or "")  # the rest of PortOne's words stay


def test_an_unknown_channel_key_is_its_own_refusal(
    sim: SimulatorV2, client: PortOneV2Client
) -> None:
    """404 CHANNEL_NOT_FOUND: the store profile's channel key is wrong (the fix is there)."""
    from iamport_desk.portone_v2 import V2ChannelNotFound

    with pytest.raises(V2ChannelNotFound) as caught:
        client.issue_cash_receipt(issue_request(channel_key="channel-key-nobody-knows"))
    assert caught.value.status == 404 and caught.value.error_type == "CHANNEL_NOT_FOUND"
    assert caught.value.message
