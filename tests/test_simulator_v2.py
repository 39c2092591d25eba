"""The V2 simulator answers like PortOne's V2 spec says, over real loopback HTTP.

Plain httpx here, not our client, so a client bug cannot hide a simulator bug that every
client test relies on. Every answer the spec describes is checked against its schema.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from iamport_desk.simulator_v2 import (
    DEMO_API_SECRET,
    DEMO_BRANCH_STORE_ID,
    DEMO_CHANNEL_KEY,
    DEMO_FORBIDDEN_SECRET,
    DEMO_PAYMENT_IDS,
    DEMO_PAYMENTS,
    DEMO_STORE_ID,
    Fault,
    SimulatorV2,
)
from tests.fakes import FakeClock
from tests.test_simulator_v2_spec import check_answer, validate

pytestmark = pytest.mark.timeout(30)

RECEIPT = "/payments/{paymentId}/cash-receipt"
CANCEL = "/payments/{paymentId}/cash-receipt/cancel"
RECEIPTS = "/cash-receipts"
AUTH = {"Authorization": f"PortOne {DEMO_API_SECRET}"}


@pytest.fixture
def sim() -> Iterator[SimulatorV2]:
    with SimulatorV2() as simulator:
        yield simulator


@pytest.fixture
def http(sim: SimulatorV2) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sim.base_url, trust_env=False, timeout=10) as client:
        yield client


def path_of(payment_id: str, cancel: bool = False) -> str:
    path = "/payments/" + urllib.parse.quote(payment_id, safe="") + "/cash-receipt"
    return path + "/cancel" if cancel else path


def cancel(http: httpx.Client, payment_id: str, key: str = "k-1", **kw: Any) -> httpx.Response:
    headers = {**AUTH, "Idempotency-Key": key}
    return http.post(path_of(payment_id, cancel=True), headers=headers, **kw)


def issue_body(payment_id: str = "issue-0001", **change: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "paymentId": payment_id,
        "channelKey": DEMO_CHANNEL_KEY,
        "type": "PERSONAL",
        "orderName": "정정 발급",
        "currency": "KRW",
        "amount": {"total": 22000},
        "customer": {"identityNumber": "01012345678", "identityNumberType": "PHONE"},
    }
    body.update(change)
    return body


# ------------------------------------------------------------------ lookups


def test_lookup_issued_cancelled_and_failed_per_spec(http: httpx.Client) -> None:
    issued = check_answer(http.get(path_of("pay-20261125-0002"), headers=AUTH), RECEIPT, "GET", 200)
    assert issued["status"] == "ISSUED"
    assert issued["type"] == "CORPORATE" and issued["amount"] == 1_250_000
    assert issued["vatAmount"] == 1_250_000 // 11 and issued["storeId"] == DEMO_STORE_ID
    cancelled = check_answer(
        http.get(path_of("pay-20261120-0003"), headers=AUTH), RECEIPT, "GET", 200
    )
    assert cancelled["status"] == "CANCELLED" and cancelled["cancelledAt"] > cancelled["issuedAt"]
    failed = check_answer(http.get(path_of("pay-issue-failed"), headers=AUTH), RECEIPT, "GET", 200)
    assert failed["status"] == "ISSUE_FAILED"
    assert "amount" not in failed and "issueNumber" not in failed


def test_lookup_of_an_unknown_payment_is_not_found(http: httpx.Client) -> None:
    answer = check_answer(http.get(path_of("pay-none-9999"), headers=AUTH), RECEIPT, "GET", 404)
    assert answer["type"] == "CASH_RECEIPT_NOT_FOUND"


def test_seeded_demo_payments(sim: SimulatorV2) -> None:
    assert len(DEMO_PAYMENT_IDS) == len(DEMO_PAYMENTS) >= 8
    assert sim.receipt("pay-none-9999") is None
    assert sim.receipt("pay-branch-0001") is None  # another store
    assert sim.receipt("pay-branch-0001", DEMO_BRANCH_STORE_ID) is not None
    statuses = {sim.receipt(pid)["status"] for pid in DEMO_PAYMENT_IDS if sim.receipt(pid)}  # type: ignore[index]
    assert statuses == {"ISSUED", "CANCELLED", "ISSUE_FAILED"}


# ------------------------------------------------------------------ authentication


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "PortOne wrong-secret",
        f"Bearer {DEMO_API_SECRET}",
        f"Basic {DEMO_API_SECRET}",
        "PortOne",
    ],
)
def test_receipt_calls_need_the_api_secret(http: httpx.Client, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    answer = check_answer(http.get(path_of("pay-lost"), headers=headers), RECEIPT, "GET", 401)
    assert answer["type"] == "UNAUTHORIZED"
    refused = http.post(path_of("pay-lost", cancel=True), headers=headers)
    check_answer(refused, CANCEL, "POST", 401)
    check_answer(http.get(RECEIPTS, headers=headers), RECEIPTS, "GET", 401)
    check_answer(http.post(RECEIPTS, headers=headers, json=issue_body()), RECEIPTS, "POST", 401)


def test_a_secret_without_permission_is_forbidden(sim: SimulatorV2, http: httpx.Client) -> None:
    headers = {"Authorization": f"PortOne {DEMO_FORBIDDEN_SECRET}", "Idempotency-Key": "k"}
    check_answer(http.get(path_of("pay-lost"), headers=headers), RECEIPT, "GET", 403)
    check_answer(http.post(path_of("pay-lost", cancel=True), headers=headers), CANCEL, "POST", 403)
    check_answer(http.get(RECEIPTS, headers=headers), RECEIPTS, "GET", 403)
    check_answer(http.post(RECEIPTS, headers=headers, json=issue_body()), RECEIPTS, "POST", 403)
    assert sim.receipt("pay-lost")["status"] == "ISSUED"  # type: ignore[index]


def test_login_token_works_as_bearer_and_refresh_rotates(http: httpx.Client) -> None:
    bad = http.post("/login/api-secret", json={"apiSecret": "nope"})
    check_answer(bad, "/login/api-secret", "POST", 401)
    tokens = check_answer(
        http.post("/login/api-secret", json={"apiSecret": DEMO_API_SECRET}),
        "/login/api-secret",
        "POST",
        200,
    )
    bearer = {"Authorization": f"Bearer {tokens['accessToken']}"}
    check_answer(http.get(path_of("pay-lost"), headers=bearer), RECEIPT, "GET", 200)
    renewed = check_answer(
        http.post("/token/refresh", json={"refreshToken": tokens["refreshToken"]}),
        "/token/refresh",
        "POST",
        200,
    )
    assert renewed["refreshToken"] != tokens["refreshToken"]
    again = http.post("/token/refresh", json={"refreshToken": tokens["refreshToken"]})
    check_answer(again, "/token/refresh", "POST", 401)  # a refresh token is used once


# ------------------------------------------------------------------ storeId


def test_store_id_scopes_receipts(http: httpx.Client) -> None:
    check_answer(http.get(path_of("pay-branch-0001"), headers=AUTH), RECEIPT, "GET", 404)
    branch = {"storeId": DEMO_BRANCH_STORE_ID}
    found = http.get(path_of("pay-branch-0001"), headers=AUTH, params=branch)
    assert check_answer(found, RECEIPT, "GET", 200)["storeId"] == DEMO_BRANCH_STORE_ID
    other = http.get(path_of("pay-lost"), headers=AUTH, params={"storeId": "store-of-someone-else"})
    assert check_answer(other, RECEIPT, "GET", 403)["type"] == "FORBIDDEN"


# ------------------------------------------------------------------ cancel


def test_cancel_answers_amount_and_time_then_lookup_is_cancelled(
    sim: SimulatorV2, http: httpx.Client
) -> None:
    answer = check_answer(cancel(http, "pay-20261125-0001"), CANCEL, "POST", 200)
    assert answer["cancelledAmount"] == 33000
    after = check_answer(http.get(path_of("pay-20261125-0001"), headers=AUTH), RECEIPT, "GET", 200)
    assert after["status"] == "CANCELLED" and after["cancelledAt"] == answer["cancelledAt"]
    again = check_answer(cancel(http, "pay-20261125-0001", key="k-2"), CANCEL, "POST", 404)
    assert again["type"] == "CASH_RECEIPT_NOT_ISSUED"


@pytest.mark.parametrize(
    ("payment_id", "kind"),
    [
        ("pay-none-9999", "CASH_RECEIPT_NOT_FOUND"),
        ("pay-issue-failed", "CASH_RECEIPT_NOT_ISSUED"),
        ("pay-20261120-0003", "CASH_RECEIPT_NOT_ISSUED"),
    ],
)
def test_cancel_of_nothing_issued(http: httpx.Client, payment_id: str, kind: str) -> None:
    assert check_answer(cancel(http, payment_id), CANCEL, "POST", 404)["type"] == kind


def test_seeded_pg_failure_keeps_pg_code_and_changes_nothing(
    sim: SimulatorV2, http: httpx.Client
) -> None:
    for key in ("k-1", "k-2"):
        answer = check_answer(cancel(http, "pay-pg-fail", key=key), CANCEL, "POST", 502)
        assert answer["type"] == "PG_PROVIDER" and answer["pgCode"] and answer["pgMessage"]
    assert sim.receipt("pay-pg-fail")["status"] == "ISSUED"  # type: ignore[index]


def test_seeded_lost_answer_cancels_and_the_same_key_replays(
    sim: SimulatorV2, http: httpx.Client
) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        cancel(http, "pay-lost", key="lost-1")
    assert sim.receipt("pay-lost")["status"] == "CANCELLED"  # type: ignore[index]
    replay = check_answer(cancel(http, "pay-lost", key="lost-1"), CANCEL, "POST", 200)
    assert replay["cancelledAmount"] == 120000
    assert replay["cancelledAt"] == sim.receipt("pay-lost")["cancelledAt"]  # type: ignore[index]
    fresh = check_answer(cancel(http, "pay-lost", key="lost-2"), CANCEL, "POST", 404)
    assert fresh["type"] == "CASH_RECEIPT_NOT_ISSUED"  # a new key is a new cancel


def test_a_key_in_progress_answers_409_then_the_first_answer(
    sim: SimulatorV2, http: httpx.Client
) -> None:
    gate = threading.Event()
    sim.add_receipt("pay-held", amount=5000, on_cancel=Fault(gate=gate))
    first: list[httpx.Response] = []
    thread = threading.Thread(target=lambda: first.append(cancel(http, "pay-held", key="held")))
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while sim.count("POST", "/payments/pay-held") == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        with httpx.Client(base_url=sim.base_url, trust_env=False, timeout=10) as other:
            conflict = cancel(other, "pay-held", key="held")
            assert conflict.status_code == 409
            assert conflict.json()["type"] == "IDEMPOTENCY_CONFLICT"  # not in the spec
    finally:
        gate.set()
        thread.join(10)
    check_answer(first[0], CANCEL, "POST", 200)
    with httpx.Client(base_url=sim.base_url, trust_env=False, timeout=10) as other:
        replay = check_answer(cancel(other, "pay-held", key="held"), CANCEL, "POST", 200)
    assert replay == first[0].json()


def test_a_key_reused_for_another_request_is_refused(http: httpx.Client) -> None:
    check_answer(cancel(http, "pay-20261125-0001", key="same"), CANCEL, "POST", 200)
    reused = check_answer(cancel(http, "pay-20261125-0002", key="same"), CANCEL, "POST", 400)
    assert reused["type"] == "INVALID_REQUEST"


# ------------------------------------------------------------------ issue


def post_issue(http: httpx.Client, body: dict[str, Any], key: str = "i-1") -> httpx.Response:
    return http.post(RECEIPTS, headers={**AUTH, "Idempotency-Key": key}, json=body)


def test_issue_then_already_issued(sim: SimulatorV2, http: httpx.Client) -> None:
    answer = check_answer(post_issue(http, issue_body()), RECEIPTS, "POST", 200)
    summary = answer["cashReceipt"]
    stored = sim.receipt("issue-0001")
    assert stored is not None
    validate(stored, "CashReceipt")
    assert stored["issueNumber"] == summary["issueNumber"] and stored["isManual"] is True
    assert stored["amount"] == 22000 and stored["vatAmount"] == 2000
    again = check_answer(post_issue(http, issue_body(), key="i-2"), RECEIPTS, "POST", 409)
    assert again["type"] == "CASH_RECEIPT_ALREADY_ISSUED"


def test_issue_with_the_same_key_answers_the_first_result(
    sim: SimulatorV2, http: httpx.Client
) -> None:
    first = check_answer(post_issue(http, issue_body()), RECEIPTS, "POST", 200)
    second = check_answer(post_issue(http, issue_body()), RECEIPTS, "POST", 200)
    assert first == second  # not 409: the same key is the same request


def test_issue_failed_receipt_may_be_issued_again(http: httpx.Client) -> None:
    check_answer(post_issue(http, issue_body("pay-issue-failed")), RECEIPTS, "POST", 200)


def test_issue_with_an_unknown_channel(http: httpx.Client) -> None:
    body = issue_body(channelKey="channel-key-nobody")
    assert (
        check_answer(post_issue(http, body), RECEIPTS, "POST", 404)["type"] == "CHANNEL_NOT_FOUND"
    )


@pytest.mark.parametrize(
    "change",
    [
        {"currency": "USD"},
        {"type": "person"},
        {"amount": {"total": "22000"}},
        {"amount": {"total": 0}},
        {"customer": {}},
        {"paidAt": "yesterday"},
        {"unknownField": 1},
    ],
)
def test_issue_refuses_bad_bodies(http: httpx.Client, change: dict[str, Any]) -> None:
    answer = check_answer(post_issue(http, issue_body(**change)), RECEIPTS, "POST", 400)
    assert answer["type"] == "INVALID_REQUEST"


def test_issue_into_a_store_the_secret_may_not_use(http: httpx.Client) -> None:
    body = issue_body(storeId="store-of-someone-else")
    check_answer(post_issue(http, body), RECEIPTS, "POST", 403)


# ------------------------------------------------------------------ list


def list_receipts(http: httpx.Client, query: dict[str, Any]) -> httpx.Response:
    return http.get(RECEIPTS, headers=AUTH, params={"requestBody": json.dumps(query)})


def test_list_pages_and_filters(http: httpx.Client) -> None:
    everything = check_answer(list_receipts(http, {}), RECEIPTS, "GET", 200)
    total = everything["page"]["totalCount"]
    assert total == len(everything["items"]) == 9  # the practice store's seeded receipts
    first = check_answer(
        list_receipts(http, {"page": {"number": 0, "size": 4}}), RECEIPTS, "GET", 200
    )
    last = check_answer(
        list_receipts(http, {"page": {"number": 2, "size": 4}}), RECEIPTS, "GET", 200
    )
    assert len(first["items"]) == 4 and len(last["items"]) == 1
    assert first["page"] == {"number": 0, "size": 4, "totalCount": total}
    failed = check_answer(
        list_receipts(http, {"filter": {"statuses": ["FAILED"]}}), RECEIPTS, "GET", 200
    )
    assert [item["paymentId"] for item in failed["items"]] == ["pay-issue-failed"]
    one = check_answer(
        list_receipts(http, {"filter": {"paymentId": "pay-lost"}}), RECEIPTS, "GET", 200
    )
    assert [item["paymentId"] for item in one["items"]] == ["pay-lost"]
    corporate = check_answer(
        list_receipts(http, {"filter": {"types": ["CORPORATE"]}}), RECEIPTS, "GET", 200
    )
    assert {item["type"] for item in corporate["items"]} == {"CORPORATE"}
    branch = check_answer(
        list_receipts(http, {"filter": {"storeId": DEMO_BRANCH_STORE_ID}}), RECEIPTS, "GET", 200
    )
    assert [item["paymentId"] for item in branch["items"]] == ["pay-branch-0001"]


def test_list_default_range_is_ninety_days() -> None:
    clock = FakeClock()
    with (
        SimulatorV2(clock=clock) as sim,
        httpx.Client(base_url=sim.base_url, trust_env=False) as http,
    ):
        clock.advance(91 * 86400)
        answer = check_answer(list_receipts(http, {}), RECEIPTS, "GET", 200)
        assert answer["page"]["totalCount"] == 0
        since = {"filter": {"from": "2000-01-01T00:00:00Z"}}
        assert (
            check_answer(list_receipts(http, since), RECEIPTS, "GET", 200)["page"]["totalCount"]
            == 9
        )


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        "[]",
        json.dumps({"page": {"size": 0}}),
        json.dumps({"filter": {"statuses": ["X"]}}),
    ],
)
def test_list_refuses_bad_queries(http: httpx.Client, raw: str) -> None:
    answer = http.get(RECEIPTS, headers=AUTH, params={"requestBody": raw})
    assert check_answer(answer, RECEIPTS, "GET", 400)["type"] == "INVALID_REQUEST"


# ------------------------------------------------------------------ paths


@pytest.mark.parametrize("payment_id", ["pay/A B#7?x%+", "결제-한글-0005"])
def test_payment_id_is_one_decoded_segment(http: httpx.Client, payment_id: str) -> None:
    answer = check_answer(http.get(path_of(payment_id), headers=AUTH), RECEIPT, "GET", 200)
    assert answer["paymentId"] == payment_id


def test_a_raw_slash_is_another_path(sim: SimulatorV2, http: httpx.Client) -> None:
    sim.add_receipt("A/B", amount=1000)
    assert http.get("/payments/A/B/cash-receipt", headers=AUTH).status_code == 404
    check_answer(http.get(path_of("A/B"), headers=AUTH), RECEIPT, "GET", 200)


def test_plus_is_not_a_space(sim: SimulatorV2, http: httpx.Client) -> None:
    sim.add_receipt("a+b", amount=1000)
    check_answer(http.get("/payments/a+b/cash-receipt", headers=AUTH), RECEIPT, "GET", 200)
    check_answer(http.get("/payments/a%20b/cash-receipt", headers=AUTH), RECEIPT, "GET", 404)


# ------------------------------------------------------------------ faults


def test_injected_html_page_comes_before_authentication(
    sim: SimulatorV2, http: httpx.Client
) -> None:
    page = "<html><body>502 Bad Gateway</body></html>"
    sim.inject("POST", "/payments/", Fault(status=502, body=page, content_type="text/html"))
    answer = http.post(path_of("pay-20261125-0001", cancel=True), headers={})
    assert answer.status_code == 502 and answer.text == page
    assert sim.receipt("pay-20261125-0001")["status"] == "ISSUED"  # type: ignore[index]
    check_answer(cancel(http, "pay-20261125-0001"), CANCEL, "POST", 200)  # times=1: used up


def test_injected_fault_with_apply_processes_then_replaces(
    sim: SimulatorV2, http: httpx.Client
) -> None:
    sim.inject("POST", "/payments/", Fault(status=504, body="timeout", apply=True))
    assert cancel(http, "pay-20261125-0001", key="gw").status_code == 504
    assert sim.receipt("pay-20261125-0001")["status"] == "CANCELLED"  # type: ignore[index]
    # PortOne finished and kept its answer: the same key gets it now.
    check_answer(cancel(http, "pay-20261125-0001", key="gw"), CANCEL, "POST", 200)


def test_dropped_before_processing_forgets_the_key(sim: SimulatorV2, http: httpx.Client) -> None:
    sim.add_receipt("pay-dropped", amount=1000, on_cancel=Fault(drop=True, apply=False))
    with pytest.raises(httpx.RemoteProtocolError):
        cancel(http, "pay-dropped", key="d")
    assert sim.receipt("pay-dropped")["status"] == "ISSUED"  # type: ignore[index]
    check_answer(cancel(http, "pay-dropped", key="d"), CANCEL, "POST", 200)


def test_faults_match_method_prefix_and_times(sim: SimulatorV2, http: httpx.Client) -> None:
    sim.inject("GET", "/payments/pay-lost", Fault(status=500, body={"x": 1}, times=2))
    assert http.get(path_of("pay-lost"), headers=AUTH).status_code == 500
    check_answer(http.get(path_of("pay-slow"), headers=AUTH), RECEIPT, "GET", 200)
    assert http.get(path_of("pay-lost"), headers=AUTH).status_code == 500
    check_answer(http.get(path_of("pay-lost"), headers=AUTH), RECEIPT, "GET", 200)


def test_per_receipt_lookup_fault(sim: SimulatorV2, http: httpx.Client) -> None:
    sim.add_receipt("pay-look", amount=1000, on_lookup=Fault(status=503, body="busy"))
    assert http.get(path_of("pay-look"), headers=AUTH).status_code == 503
    check_answer(http.get(path_of("pay-look"), headers=AUTH), RECEIPT, "GET", 200)


def test_byte_delay_trickles_a_complete_answer(sim: SimulatorV2, http: httpx.Client) -> None:
    sim.inject("GET", "/payments/", Fault(byte_delay=0.0005))
    check_answer(http.get(path_of("pay-lost"), headers=AUTH), RECEIPT, "GET", 200)


def test_latency_delays_the_answer_not_the_cancel(sim: SimulatorV2) -> None:
    gate = threading.Event()
    sim.add_receipt("pay-later", amount=1000, on_cancel=Fault(gate=gate))
    with httpx.Client(base_url=sim.base_url, trust_env=False, timeout=10) as http:
        thread = threading.Thread(target=lambda: cancel(http, "pay-later"))
        thread.start()
        try:
            deadline = time.monotonic() + 10
            while sim.receipt("pay-later")["status"] != "CANCELLED":  # type: ignore[index]
                assert time.monotonic() < deadline, "the cancel was not processed on arrival"
                time.sleep(0.01)
        finally:
            gate.set()
            thread.join(10)


def test_keep_alive_reuses_one_connection(sim: SimulatorV2, http: httpx.Client) -> None:
    for _ in range(3):
        check_answer(http.get(path_of("pay-lost"), headers=AUTH), RECEIPT, "GET", 200)
    assert sim.connections_opened == 1


def test_requests_are_recorded_without_bodies(sim: SimulatorV2, http: httpx.Client) -> None:
    http.post("/login/api-secret", json={"apiSecret": DEMO_API_SECRET})
    cancel(http, "pay-20261125-0001", key="rec")
    recorded = sim.requests[-1]
    assert recorded.path == "/payments/pay-20261125-0001/cash-receipt/cancel"
    assert recorded.idempotency_key == "rec"
    assert recorded.headers["authorization"] == AUTH["Authorization"]
    assert not hasattr(recorded, "body")
    encoded = base64.b64encode(DEMO_API_SECRET.encode()).decode()
    assert all(encoded not in repr(r) for r in sim.requests)


def test_stop_closes_idle_keep_alive_connections() -> None:
    sim = SimulatorV2()
    sim.start()
    host, port = sim.base_url.removeprefix("http://").split(":")
    conn = socket.create_connection((host, int(port)), timeout=5)
    try:
        head = f"GET /cash-receipts HTTP/1.1\r\nHost: x\r\nAuthorization: {AUTH['Authorization']}"
        conn.sendall(head.encode() + b"\r\n\r\n")
        assert conn.recv(65536).startswith(b"HTTP/1.1 200")
        sim.stop()
        conn.settimeout(5)
        rest = b""
        while chunk := conn.recv(65536):
            rest += chunk
        assert rest == b""  # closed by stop(), not by the client
    finally:
        conn.close()


@pytest.mark.slow
def test_command_line_serves_until_sigterm() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "iamport_desk.simulator_v2", "--no-seed"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:")
        with httpx.Client(base_url=base_url, trust_env=False, timeout=10) as http:
            answer = check_answer(list_receipts(http, {}), RECEIPTS, "GET", 200)
            assert answer["items"] == []
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)


def test_latency_delays_receipt_calls_not_login() -> None:
    with SimulatorV2(latency=5.0) as sim:
        with httpx.Client(base_url=sim.base_url, trust_env=False, timeout=3) as http:
            login = http.post("/login/api-secret", json={"apiSecret": DEMO_API_SECRET})
            check_answer(login, "/login/api-secret", "POST", 200)
        with (
            httpx.Client(base_url=sim.base_url, trust_env=False, timeout=0.5) as http,
            pytest.raises(httpx.ReadTimeout),
        ):
            http.get(path_of("pay-lost"), headers=AUTH)


def test_the_simulator_imports_no_client_and_no_qt() -> None:
    code = (
        "import sys, iamport_desk.simulator_v2\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'httpx')\n"
        "       or m in ('iamport_desk.api', 'iamport_desk.portone_v2')]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ------------------------------------------------------------------ from the shared framework


def test_v2_compresses_like_nginx(sim: SimulatorV2) -> None:
    """V1's nginx-like gzip, now V2's too (the V2 client asks for it since the shared wire)."""
    url = sim.base_url + path_of("pay-20261125-0001")
    with httpx.Client(trust_env=False) as plain_http:
        zipped = plain_http.get(url, headers={**AUTH, "Accept-Encoding": "gzip"})
        plain = plain_http.get(url, headers={**AUTH, "Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.headers["vary"] == "Accept-Encoding"
    assert "content-encoding" not in plain.headers
    assert zipped.json() == plain.json()
    with SimulatorV2(gzip=False) as quiet, httpx.Client(trust_env=False) as plain_http:
        answer = plain_http.get(quiet.base_url + path_of("pay-20261125-0001"), headers=AUTH)
    assert "content-encoding" not in answer.headers


def test_v2_fault_encodings_bomb_and_headers(sim: SimulatorV2, http: httpx.Client) -> None:
    """V1's encodings, bomb and extra headers, now V2's too."""
    import gzip
    import zlib

    sim.inject("GET", "/payments/", Fault(encodings=("gzip", "deflate")))
    with http.stream("GET", path_of("pay-20261125-0001"), headers=AUTH) as answer:
        raw = b"".join(answer.iter_raw())
        assert answer.headers["content-encoding"] == "gzip, deflate"
    assert json.loads(gzip.decompress(zlib.decompress(raw)))["paymentId"] == "pay-20261125-0001"
    sim.inject("GET", "/payments/", Fault(status=200, bomb=8 << 20))
    with http.stream("GET", path_of("pay-20261125-0001")) as answer:
        raw = b"".join(answer.iter_raw())
        assert answer.headers["content-encoding"] == "gzip"
    assert len(raw) < 64 << 10 and len(gzip.decompress(raw)) == 8 << 20
    sim.inject("POST", "/payments/", Fault(status=302, body="", headers={"Location": "/x"}))
    moved = cancel(http, "pay-20261125-0001")
    assert (moved.status_code, moved.headers["location"]) == (302, "/x")
    assert sim.receipt("pay-20261125-0001")["status"] == "ISSUED"  # type: ignore[index]
