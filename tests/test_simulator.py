"""The simulator answers like PortOne's spec says, over real loopback HTTP.

These tests talk to it with plain httpx (not our client) so that a bug in the client
cannot hide a bug in the simulator that every other test relies on.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

from iamport_desk.simulator import (
    DEMO_IMP_KEY,
    DEMO_IMP_SECRET,
    DEMO_ORDER_IDS,
    DEMO_ORDERS,
    DEMO_TIER,
    DEMO_TIER_NAME,
    Fault,
    Simulator,
)
from tests.fakes import FakeClock

SPEC_PATH = Path(__file__).parent / "data" / "openapi-v1-subset.json"
SHARED_SPEC = (
    Path(__file__).resolve().parents[2] / "shared" / "iamport-v1" / "openapi-v1-subset.json"
)


def load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    # Swagger 2.0 cannot say "nullable": PortOne sends "message": null on success
    # (see shared/iamport-v1/README.md), so the schema is widened for that one field.
    message = spec["definitions"]["ResponseAnnotation"]["properties"]["message"]
    message["type"] = ["string", "null"]
    return spec


SPEC = load_spec()


def validate(payload: object, definition: str) -> None:
    """Validate against ``#/definitions/<definition>``; refs resolve inside the spec."""
    assert isinstance(payload, dict), payload  # the spec's schemas omit type: object
    assert {"code", "message", "response"} <= payload.keys(), payload
    schema = {"$ref": f"#/definitions/{definition}", "definitions": SPEC["definitions"]}
    jsonschema.Draft4Validator(schema).validate(payload)


def check(response: httpx.Response, status: int, definition: str | None = None) -> Any:
    """Status, content type and envelope of one answer; returns the parsed JSON."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    payload = response.json()
    if definition is not None:
        validate(payload, definition)
        assert payload["code"] == 0
        assert payload["message"] is None
    else:
        validate(payload, "ResponseAnnotation")
        assert payload["code"] != 0
        assert isinstance(payload["message"], str) and payload["message"]
        assert payload["response"] is None
    return payload


@pytest.fixture
def http(simulator: Simulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=simulator.base_url, trust_env=False, timeout=10) as client:
        yield client


def token_for(http: httpx.Client) -> str:
    answer = http.post(
        "/users/getToken", json={"imp_key": DEMO_IMP_KEY, "imp_secret": DEMO_IMP_SECRET}
    )
    token: str = check(answer, 200, "AuthResponse")["response"]["access_token"]
    return token


def auth(token: str, tier: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {token}"}
    if tier:
        headers["Tier"] = tier
    return headers


def test_bundled_spec_is_the_shared_contract() -> None:
    if not SHARED_SPEC.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert SPEC_PATH.read_bytes() == SHARED_SPEC.read_bytes()


# ------------------------------------------------------------------ getToken


def test_get_token_json_and_form_answer_per_spec(http: httpx.Client) -> None:
    body = {"imp_key": DEMO_IMP_KEY, "imp_secret": DEMO_IMP_SECRET}
    as_json = check(http.post("/users/getToken", json=body), 200, "AuthResponse")["response"]
    as_form = check(http.post("/users/getToken", data=body), 200, "AuthResponse")["response"]
    assert as_json["access_token"] == as_form["access_token"]
    assert as_json["expired_at"] - as_json["now"] == 1800
    assert all(type(as_json[name]) is int for name in ("now", "expired_at"))


@pytest.mark.parametrize(
    "body",
    [
        {"imp_key": DEMO_IMP_KEY, "imp_secret": "wrong"},
        {"imp_key": "unknown", "imp_secret": DEMO_IMP_SECRET},
        {"imp_key": DEMO_IMP_KEY},
        {},
    ],
)
def test_get_token_refuses_bad_credentials(http: httpx.Client, body: dict[str, str]) -> None:
    check(http.post("/users/getToken", json=body), 401)


def test_token_reused_extended_in_last_minute_and_renewed_after_expiry() -> None:
    clock = FakeClock()
    with Simulator(clock=clock, seed=False) as sim, httpx.Client(base_url=sim.base_url) as http:
        sim.add_receipt("R-1", amount=1100)
        first = check(
            http.post(
                "/users/getToken", json={"imp_key": DEMO_IMP_KEY, "imp_secret": DEMO_IMP_SECRET}
            ),
            200,
            "AuthResponse",
        )["response"]
        token, expires = first["access_token"], first["expired_at"]
        assert first["now"] == int(clock.now)

        clock.now += 600  # still valid: same token, same expiry
        again = http.post(
            "/users/getToken", json={"imp_key": DEMO_IMP_KEY, "imp_secret": DEMO_IMP_SECRET}
        ).json()["response"]
        assert (again["access_token"], again["expired_at"]) == (token, expires)

        clock.now = expires - 30  # last minute: extended by 5 minutes
        extended = http.post(
            "/users/getToken", json={"imp_key": DEMO_IMP_KEY, "imp_secret": DEMO_IMP_SECRET}
        ).json()["response"]
        assert extended["access_token"] == token
        assert extended["expired_at"] == expires + 300

        clock.now = expires + 10  # would have expired without the extension
        check(
            http.get("/receipts/external/R-1", headers=auth(token)), 200, "ExternalReceiptResponse"
        )

        clock.now = expires + 300  # expired: 401, and getToken issues a new token
        check(http.get("/receipts/external/R-1", headers=auth(token)), 401)
        renewed = http.post(
            "/users/getToken", json={"imp_key": DEMO_IMP_KEY, "imp_secret": DEMO_IMP_SECRET}
        ).json()["response"]
        assert renewed["access_token"] != token
        assert renewed["expired_at"] == int(clock.now) + 1800
        assert sim.issued_tokens == [token, renewed["access_token"]]


def test_receipt_calls_need_a_valid_token(simulator: Simulator, http: httpx.Client) -> None:
    path = "/receipts/external/ORDER-20261125-0001"
    check(http.get(path), 401)
    check(http.get(path, headers=auth("not-a-token")), 401)
    check(http.delete(path, headers={"Authorization": "Basic abc"}), 401)
    check(http.get("/tiers/DM1"), 401)
    token = token_for(http)
    check(http.get(path, headers=auth(token)), 200, "ExternalReceiptResponse")
    check(http.get(path, headers={"X-ImpTokenHeader": token}), 200, "ExternalReceiptResponse")
    simulator.revoke_tokens()
    check(http.get(path, headers=auth(token)), 401)
    new_token = token_for(http)
    assert new_token != token
    check(http.get(path, headers=auth(new_token)), 200, "ExternalReceiptResponse")
    assert simulator.receipt("ORDER-20261125-0001")["cancelled_at"] == 0  # type: ignore[index]
    # A 401 DELETE must not have changed anything.


# ------------------------------------------------------------------ receipts


def test_lookup_and_cancel_answer_per_spec() -> None:
    clock = FakeClock()
    with Simulator(clock=clock) as sim, httpx.Client(base_url=sim.base_url) as http:
        token = token_for(http)
        path = "/receipts/external/ORDER-20261125-0001"
        before = check(http.get(path, headers=auth(token)), 200, "ExternalReceiptResponse")
        receipt = before["response"]
        assert receipt["merchant_uid"] == "ORDER-20261125-0001"
        assert (receipt["amount"], receipt["vat"], receipt["type"]) == (33000, 3000, "person")
        assert receipt["cancelled_at"] == 0
        assert len(receipt["apply_num"]) == 9 and receipt["apply_num"].isdigit()
        assert receipt["receipt_url"].startswith("https://")

        clock.now += 42
        cancelled = check(http.delete(path, headers=auth(token)), 200, "ExternalReceiptResponse")
        assert cancelled["response"]["cancelled_at"] == int(clock.now)
        assert sim.receipt("ORDER-20261125-0001")["cancelled_at"] == int(clock.now)  # type: ignore[index]

        again = check(http.delete(path, headers=auth(token)), 400)
        assert again["message"] == "이미 취소된 현금영수증입니다"
        missing = check(http.get("/receipts/external/NOPE", headers=auth(token)), 404)
        assert "현금영수증" in missing["message"]
        check(http.delete("/receipts/external/NOPE", headers=auth(token)), 404)


def test_seeded_demo_orders(simulator: Simulator) -> None:
    assert set(DEMO_ORDER_IDS) == set(DEMO_ORDERS)
    assert all(DEMO_ORDERS[uid] for uid in DEMO_ORDER_IDS)
    assert simulator.receipt("ORDER-20261125-0002")["type"] == "company"  # type: ignore[index]
    assert simulator.receipt("ORDER-20261125-0002")["amount"] == 1_250_000  # type: ignore[index]
    assert simulator.receipt("ORDER-20261120-0003")["cancelled_at"] > 0  # type: ignore[index]
    assert simulator.receipt("주문-한글-0005") is not None
    assert simulator.receipt("A/B 2026#7?x") is not None
    assert simulator.receipt("TIER-0001") is None
    assert simulator.receipt("TIER-0001", tier=DEMO_TIER) is not None
    assert Simulator(seed=False).receipt("ORDER-20261125-0001") is None


def test_merchant_uid_is_one_decoded_segment(simulator: Simulator, http: httpx.Client) -> None:
    token = token_for(http)
    encoded = "/receipts/external/A%2FB%202026%237%3Fx"
    answer = check(http.get(encoded, headers=auth(token)), 200, "ExternalReceiptResponse")
    assert answer["response"]["merchant_uid"] == "A/B 2026#7?x"
    korean = "/receipts/external/%EC%A3%BC%EB%AC%B8-%ED%95%9C%EA%B8%80-0005"
    check(http.get(korean, headers=auth(token)), 200, "ExternalReceiptResponse")
    # A client that forgot to encode "/" addresses another resource: 404, never the receipt.
    simulator.add_receipt("A", amount=1000)
    check(http.get("/receipts/external/A/B", headers=auth(token)), 404)
    check(http.delete("/receipts/external/", headers=auth(token)), 400)
    assert simulator.requests[-2].raw_path == "/receipts/external/A/B"
    assert simulator.requests[-2].path == "/receipts/external/A/B"
    assert simulator.requests[1].raw_path == encoded
    assert simulator.requests[1].path == "/receipts/external/A/B 2026#7?x"


@pytest.mark.timeout(20)
def test_very_long_request_line_is_served(simulator: Simulator, http: httpx.Client) -> None:
    """90,000 characters on the wire: beyond http.server's usual 64 KiB line limit."""
    from urllib.parse import quote

    uid = "한" * 10_000
    simulator.add_receipt(uid, amount=1000)
    token = token_for(http)
    port = int(simulator.base_url.rsplit(":", 1)[1])
    request = (
        f"GET /receipts/external/{quote(uid, safe='')} HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    ).encode("ascii")
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(request)
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    payload = json.loads(body)
    validate(payload, "ExternalReceiptResponse")
    assert payload["response"]["merchant_uid"] == uid


def test_tier_header_scopes_receipts(simulator: Simulator, http: httpx.Client) -> None:
    token = token_for(http)
    path = "/receipts/external/TIER-0001"
    check(http.get(path, headers=auth(token)), 404)
    answer = check(http.get(path, headers=auth(token, DEMO_TIER)), 200, "ExternalReceiptResponse")
    assert answer["response"]["amount"] == 64000
    check(http.get(path, headers=auth(token, "ZZ9")), 404)
    check(http.get("/receipts/external/ORDER-20261125-0001", headers=auth(token, DEMO_TIER)), 404)
    check(http.delete(path, headers=auth(token, DEMO_TIER)), 200, "ExternalReceiptResponse")
    assert simulator.receipt("TIER-0001", tier=DEMO_TIER)["cancelled_at"] > 0  # type: ignore[index]
    assert simulator.requests[-1].tier == DEMO_TIER
    tier = check(http.get("/tiers/DM1", headers=auth(token)), 200, "TierResponse")
    assert tier["response"] == {"tier_code": DEMO_TIER, "tier_name": DEMO_TIER_NAME}
    check(http.get("/tiers/XYZ", headers=auth(token)), 404)


def test_post_issues_a_receipt(simulator: Simulator, http: httpx.Client) -> None:
    token = token_for(http)
    body = {"channel_key": "ch", "name": "커피", "amount": 11000, "identifier": "01012345678"}
    issued = check(
        http.post("/receipts/external/NEW-1", json=body, headers=auth(token)),
        200,
        "ExternalReceiptResponse",
    )
    assert issued["response"]["vat"] == 1000
    assert simulator.receipt("NEW-1") is not None
    check(http.post("/receipts/external/NEW-1", json=body, headers=auth(token)), 400)
    check(http.post("/receipts/external/NEW-2", data={"name": "x"}, headers=auth(token)), 400)
    assert simulator.receipt("NEW-2") is None


def test_unknown_paths_and_methods_answer_in_the_envelope(http: httpx.Client) -> None:
    token = token_for(http)
    check(http.get("/payments/imp_123", headers=auth(token)), 404)
    check(http.get("/users/getToken"), 405)
    check(http.put("/receipts/external/ORDER-20261125-0001", headers=auth(token)), 405)
    check(http.request("BREW", "/"), 404)


# ------------------------------------------------------------------ faults


def test_seeded_pg_failure_and_unsupported_change_nothing(
    simulator: Simulator, http: httpx.Client
) -> None:
    token = token_for(http)
    for _ in range(2):  # "every time"
        failed = check(http.delete("/receipts/external/ORDER-PG-FAIL", headers=auth(token)), 500)
        assert failed["message"] == "[PG] 취소 가능한 거래가 아닙니다 (원거래 없음)"
    check(http.delete("/receipts/external/ORDER-NOT-SUPPORTED", headers=auth(token)), 501)
    assert simulator.receipt("ORDER-PG-FAIL")["cancelled_at"] == 0  # type: ignore[index]
    assert simulator.receipt("ORDER-NOT-SUPPORTED")["cancelled_at"] == 0  # type: ignore[index]
    check(
        http.get("/receipts/external/ORDER-PG-FAIL", headers=auth(token)),
        200,
        "ExternalReceiptResponse",
    )


@pytest.mark.timeout(20)
def test_seeded_lost_answer_cancels_then_drops(simulator: Simulator, http: httpx.Client) -> None:
    token = token_for(http)
    with pytest.raises(httpx.RemoteProtocolError):
        http.delete("/receipts/external/ORDER-LOST", headers=auth(token))
    assert simulator.receipt("ORDER-LOST")["cancelled_at"] > 0  # type: ignore[index]
    assert simulator.count("DELETE") == 1
    after = check(
        http.get("/receipts/external/ORDER-LOST", headers=auth(token)),
        200,
        "ExternalReceiptResponse",
    )
    assert after["response"]["cancelled_at"] > 0


@pytest.mark.timeout(20)
def test_seeded_slow_order_cancels_on_arrival_and_answers_late(simulator: Simulator) -> None:
    with httpx.Client(base_url=simulator.base_url, timeout=httpx.Timeout(10, read=0.5)) as http:
        token = token_for(http)
        with pytest.raises(httpx.ReadTimeout):  # late, not never: pytest's timeout is the bound
            http.delete("/receipts/external/ORDER-SLOW", headers=auth(token))
    assert simulator.receipt("ORDER-SLOW")["cancelled_at"] > 0  # type: ignore[index]


def test_injected_html_gateway_page(simulator: Simulator, http: httpx.Client) -> None:
    token = token_for(http)
    simulator.inject(
        "GET",
        "/receipts/external/",
        Fault(status=502, body="<html><body>Bad Gateway</body></html>", content_type="text/html"),
    )
    page = http.get("/receipts/external/ORDER-20261125-0001", headers=auth(token))
    assert (page.status_code, page.headers["content-type"]) == (502, "text/html")
    assert page.text.startswith("<html>")
    # times=1: the next call is normal again.
    check(
        http.get("/receipts/external/ORDER-20261125-0001", headers=auth(token)),
        200,
        "ExternalReceiptResponse",
    )


def test_injected_fault_apply_semantics(simulator: Simulator, http: httpx.Client) -> None:
    token = token_for(http)
    # A replacing status does not change state by default (a PG refusal) ...
    simulator.inject("DELETE", "/receipts/external/", Fault(status=500))
    check(http.delete("/receipts/external/ORDER-20261125-0001", headers=auth(token)), 500)
    assert simulator.receipt("ORDER-20261125-0001")["cancelled_at"] == 0  # type: ignore[index]
    # ... unless asked: a gateway 504 although PortOne did cancel.
    simulator.inject("DELETE", "/receipts/external/", Fault(status=504, body=b"", apply=True))
    gateway = http.delete("/receipts/external/ORDER-20261125-0001", headers=auth(token))
    assert gateway.status_code == 504 and gateway.content == b""
    assert simulator.receipt("ORDER-20261125-0001")["cancelled_at"] > 0  # type: ignore[index]
    # apply=False with drop: nothing happens, nothing answers.
    simulator.inject("DELETE", "/receipts/external/", Fault(drop=True, apply=False))
    with pytest.raises(httpx.RemoteProtocolError):
        http.delete("/receipts/external/ORDER-20261125-0002", headers=auth(token))
    assert simulator.receipt("ORDER-20261125-0002")["cancelled_at"] == 0  # type: ignore[index]


def test_injected_faults_match_method_prefix_and_times(
    simulator: Simulator, http: httpx.Client
) -> None:
    simulator.inject("*", "/users/getToken", Fault(status=503, times=2))
    for _ in range(2):
        check(
            http.post(
                "/users/getToken", json={"imp_key": DEMO_IMP_KEY, "imp_secret": DEMO_IMP_SECRET}
            ),
            503,
        )
    token = token_for(http)
    simulator.inject("DELETE", "/receipts/", Fault(status=500, times=None))
    check(
        http.get("/receipts/external/ORDER-20261125-0001", headers=auth(token)),
        200,
        "ExternalReceiptResponse",
    )
    check(http.delete("/receipts/external/ORDER-20261125-0001", headers=auth(token)), 500)
    check(http.delete("/receipts/external/ORDER-20261125-0001", headers=auth(token)), 500)
    simulator.clear_faults()
    check(
        http.delete("/receipts/external/ORDER-20261125-0001", headers=auth(token)),
        200,
        "ExternalReceiptResponse",
    )


def test_per_receipt_lookup_fault(simulator: Simulator, http: httpx.Client) -> None:
    simulator.add_receipt(
        "FLAKY",
        amount=1000,
        on_lookup=Fault(status=200, body={"code": 1, "message": "일시 오류", "response": None}),
    )
    token = token_for(http)
    flaky = http.get("/receipts/external/FLAKY", headers=auth(token))
    assert flaky.status_code == 200 and flaky.json()["code"] == 1
    check(http.get("/receipts/external/FLAKY", headers=auth(token)), 200, "ExternalReceiptResponse")


@pytest.mark.timeout(20)
def test_byte_delay_trickles_a_complete_answer(simulator: Simulator, http: httpx.Client) -> None:
    token = token_for(http)
    simulator.inject("GET", "/receipts/", Fault(byte_delay=0.001))
    started = time.monotonic()
    answer = check(
        http.get("/receipts/external/ORDER-20261125-0001", headers=auth(token)),
        200,
        "ExternalReceiptResponse",
    )
    assert time.monotonic() - started > 0.1  # a few hundred bytes, one per millisecond
    assert answer["response"]["amount"] == 33000


@pytest.mark.timeout(30)
def test_latency_delays_receipts_not_token() -> None:
    # A latency far beyond the read timeout: the token still comes, the receipt cannot. No
    # upper bound on a duration is asserted (a busy machine would make it flaky).
    patient = httpx.Timeout(10.0, read=3.0)
    with (
        Simulator(latency=8.0) as sim,
        httpx.Client(base_url=sim.base_url, timeout=patient) as http,
    ):
        token = token_for(http)
        with pytest.raises(httpx.ReadTimeout):
            http.get("/receipts/external/ORDER-20261125-0001", headers=auth(token))
    with Simulator(latency=0.3) as sim, httpx.Client(base_url=sim.base_url) as http:
        token = token_for(http)
        started = time.monotonic()
        check(
            http.get("/receipts/external/ORDER-20261125-0001", headers=auth(token)),
            200,
            "ExternalReceiptResponse",
        )
        assert time.monotonic() - started >= 0.3  # a lower bound: the sleep guarantees it


# ------------------------------------------------------------------ plumbing


def test_keep_alive_reuses_one_connection(simulator: Simulator, http: httpx.Client) -> None:
    token = token_for(http)
    for _ in range(5):
        check(
            http.get("/receipts/external/ORDER-20261125-0001", headers=auth(token)),
            200,
            "ExternalReceiptResponse",
        )
    check(http.get("/receipts/external/NOPE", headers=auth(token)), 404)
    assert simulator.connections_opened == 1
    assert simulator.count() == 7


def test_requests_recorded_without_token_bodies(simulator: Simulator, http: httpx.Client) -> None:
    token = token_for(http)
    http.get("/receipts/external/ORDER-20261125-0001", headers=auth(token, DEMO_TIER))
    first, second = simulator.requests
    assert (first.method, first.path) == ("POST", "/users/getToken")
    assert DEMO_IMP_SECRET not in repr(first)
    assert second.headers["Authorization"] == f"Bearer {token}"
    assert second.headers["authorization"] == f"Bearer {token}"
    assert second.tier == DEMO_TIER
    assert simulator.count("get", "/receipts/") == 1
    assert simulator.count(path_prefix="/users/") == 1
    simulator.reset_requests()
    assert simulator.count() == 0


@pytest.mark.timeout(20)
def test_stop_closes_idle_keep_alive_connections() -> None:
    sim = Simulator()
    sim.start()
    with socket.create_connection(
        ("127.0.0.1", int(sim.base_url.rsplit(":", 1)[1])), timeout=5
    ) as sock:
        sock.sendall(b"GET /nope HTTP/1.1\r\nHost: x\r\n\r\n")
        assert sock.recv(65536).startswith(b"HTTP/1.1 404")
        sim.stop()
        assert sock.recv(65536) == b""  # the server side closed the idle connection
    with pytest.raises(RuntimeError):
        _ = sim.base_url


@pytest.mark.slow
@pytest.mark.timeout(30)
@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is TerminateProcess on Windows")
def test_command_line_serves_until_sigterm() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(
        [sys.executable, "-m", "iamport_desk.simulator", "--port", "0", "--latency", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[1],
    ) as proc:
        try:
            assert proc.stdout is not None
            base_url = proc.stdout.readline().strip()
            assert base_url.startswith("http://127.0.0.1:")
            with httpx.Client(base_url=base_url, trust_env=False) as http:
                token = token_for(http)
                check(
                    http.get("/receipts/external/ORDER-20261125-0001", headers=auth(token)),
                    200,
                    "ExternalReceiptResponse",
                )
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=10) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


# ------------------------------------------------------------------ encodings and extra headers


def test_fault_encodings_are_applied_and_named_in_order(
    simulator: Simulator, http: httpx.Client
) -> None:
    import gzip
    import zlib

    token = token_for(http)
    simulator.inject("GET", "/receipts/", Fault(encodings=("gzip", "deflate")))
    with http.stream(
        "GET", "/receipts/external/ORDER-20261125-0001", headers=auth(token)
    ) as answer:
        raw = b"".join(answer.iter_raw())
        assert answer.headers["content-encoding"] == "gzip, deflate"
    body = json.loads(gzip.decompress(zlib.decompress(raw)))
    assert body["response"]["merchant_uid"] == "ORDER-20261125-0001"


def test_a_bomb_is_small_on_the_wire_and_huge_decoded(
    simulator: Simulator, http: httpx.Client
) -> None:
    import zlib

    simulator.inject("GET", "/receipts/", Fault(status=200, bomb=32 << 20, encodings=("gzip",)))
    with http.stream("GET", "/receipts/external/x") as answer:
        raw = b"".join(answer.iter_raw())
        assert answer.headers["content-encoding"] == "gzip, gzip"
    assert len(raw) < 64 << 10
    inner = zlib.decompress(raw, zlib.MAX_WBITS | 16)
    decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
    size = 0
    chunk = decoder.decompress(inner, 1 << 20)
    while chunk:
        size += len(chunk)
        chunk = decoder.decompress(decoder.unconsumed_tail, 1 << 20)
    assert size == 32 << 20


def test_fault_headers_are_sent(simulator: Simulator, http: httpx.Client) -> None:
    simulator.inject(
        "DELETE", "/receipts/", Fault(status=302, body="", headers={"Location": "/elsewhere"})
    )
    answer = http.delete("/receipts/external/ORDER-20261125-0001")
    assert (answer.status_code, answer.headers["location"]) == (302, "/elsewhere")


# ------------------------------------------------------------------ from the shared framework


@pytest.mark.timeout(20)
def test_a_gate_holds_the_answer_until_it_opens(simulator: Simulator, http: httpx.Client) -> None:
    """V2's gate, now V1's too: the DELETE is processed on arrival, answered when let go."""
    import threading

    token = token_for(http)
    gate = threading.Event()
    simulator.inject("DELETE", "/receipts/", Fault(gate=gate))
    answers: list[httpx.Response] = []
    uid = "ORDER-20261125-0001"
    thread = threading.Thread(
        target=lambda: answers.append(http.delete(f"/receipts/external/{uid}", headers=auth(token)))
    )
    thread.start()
    try:
        while simulator.count("DELETE") == 0:
            threading.Event().wait(0.01)
        assert answers == []  # held: no answer yet, however long the test waits
        assert (simulator.receipt(uid) or {})["cancelled_at"] > 0  # processed on arrival
    finally:
        gate.set()
        thread.join(10)
    assert answers[0].status_code == 200
    assert answers[0].json()["response"]["cancelled_at"] > 0


def test_a_replaced_answer_without_a_body_is_v1s_envelope(
    simulator: Simulator, http: httpx.Client
) -> None:
    simulator.inject("GET", "/receipts/", Fault(status=500))
    answer = http.get("/receipts/external/x")
    assert answer.status_code == 500
    assert answer.json() == {"code": -1, "message": "요청을 처리하지 못했습니다.", "response": None}
