"""The simulator's issuing POST answers as PortOne's spec says (plain httpx, not our client)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, DEMO_ORDERS, Fault, Simulator
from iamport_desk.simulator.demo import DEMO_CHANNEL_KEY
from iamport_desk.simulator.protocol import MSG_ALREADY_ISSUED
from tests.fakes import FakeClock

pytestmark = pytest.mark.timeout(30)

SPEC: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "openapi-v1-subset.json").read_text(encoding="utf-8")
)
# Swagger 2.0 cannot say "nullable": PortOne sends "message": null on success.
SPEC["definitions"]["ResponseAnnotation"]["properties"]["message"]["type"] = ["string", "null"]
PREFIX = "/receipts/external/"
NEW = "ISSUE-0001"


def check(response: httpx.Response, status: int) -> dict[str, Any]:
    """Status and envelope: ExternalReceiptResponse on 200, an error envelope otherwise."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    payload: dict[str, Any] = response.json()
    definition = "ExternalReceiptResponse" if status == 200 else "ResponseAnnotation"
    schema = {"$ref": f"#/definitions/{definition}", "definitions": SPEC["definitions"]}
    jsonschema.Draft4Validator(schema).validate(payload)
    if status == 200:
        assert payload["code"] == 0 and payload["message"] is None
    else:
        assert payload["code"] != 0 and payload["message"] and payload["response"] is None
    return payload


@pytest.fixture
def http(simulator: Simulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=simulator.base_url, trust_env=False, timeout=10) as client:
        answer = client.post(
            "/users/getToken", json={"imp_key": DEMO_IMP_KEY, "imp_secret": DEMO_IMP_SECRET}
        )
        client.headers["Authorization"] = "Bearer " + answer.json()["response"]["access_token"]
        yield client


def body(**change: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "channel_key": DEMO_CHANNEL_KEY,
        "name": "정정 재발행",
        "amount": 55000,
        "identifier": "01012345678",
    }
    values.update(change)
    return {key: value for key, value in values.items() if value is not None}


def test_the_spec_is_what_the_simulator_implements() -> None:
    post = SPEC["paths"]["/receipts/external/{merchant_uid}"]["post"]
    required = {p["name"] for p in post["parameters"] if p.get("required")}
    assert required == {"channel_key", "merchant_uid", "name", "amount", "identifier"}
    assert set(post["responses"]) >= {"200", "400", "401"}


def test_issue_answers_the_receipt_per_spec() -> None:
    clock = FakeClock(1_790_000_000.0)
    with Simulator(clock=clock) as sim, httpx.Client(base_url=sim.base_url) as http:
        token = http.post(
            "/users/getToken", json={"imp_key": DEMO_IMP_KEY, "imp_secret": DEMO_IMP_SECRET}
        ).json()["response"]["access_token"]
        answer = http.post(
            PREFIX + NEW,
            json=body(type="company", identifier="1248100998", identifier_type="business"),
            headers={"Authorization": f"Bearer {token}"},
        )
        receipt = check(answer, 200)["response"]
        assert receipt == {**sim.receipt(NEW), "cancelled_at": 0}  # type: ignore[dict-item]
        assert (receipt["merchant_uid"], receipt["type"], receipt["amount"]) == (
            NEW,
            "company",
            55000,
        )
        assert (receipt["vat"], receipt["applied_at"], receipt["cancelled_at"]) == (
            5000,
            1_790_000_000,
            0,
        )


def test_a_form_body_is_accepted_too(simulator: Simulator, http: httpx.Client) -> None:
    answer = http.post(PREFIX + NEW, data={k: str(v) for k, v in body(tax_free=5500).items()})
    assert check(answer, 200)["response"]["vat"] == 4500  # (55000 - 5500) / 11
    assert simulator.issued_params[-1]["amount"] == "55000"


@pytest.mark.parametrize("missing", ["channel_key", "name", "amount", "identifier"])
def test_a_missing_required_parameter_is_400(
    simulator: Simulator, http: httpx.Client, missing: str
) -> None:
    answer = http.post(PREFIX + NEW, json=body(**{missing: None}))
    assert check(answer, 400)["message"] == f"{missing} 파라메터가 누락되었습니다."
    assert simulator.receipt(NEW) is None


@pytest.mark.parametrize(
    ("change", "parameter"),
    [
        ({"identifier": "010-1234-5678"}, "identifier"),
        ({"identifier": "0101234"}, "identifier"),
        ({"identifier": "01012345678", "identifier_type": "business"}, "identifier"),
        ({"identifier": "12345678901234567890"}, "identifier"),
        ({"identifier_type": "passport"}, "identifier_type"),
        ({"amount": -1}, "amount"),
        ({"amount": "10원"}, "amount"),
        ({"tax_free": 60000}, "tax_free"),
        ({"vat_amount": 60000}, "vat_amount"),
        ({"type": "corporate"}, "type"),
        ({"product_type": "food"}, "product_type"),
    ],
)
def test_a_bad_parameter_is_400(
    simulator: Simulator, http: httpx.Client, change: dict[str, Any], parameter: str
) -> None:
    answer = http.post(PREFIX + NEW, json=body(**change))
    assert check(answer, 400)["message"].startswith(f"{parameter} 파라메터가 올바르지 않습니다")
    assert simulator.receipt(NEW) is None


def test_without_a_token_it_is_401(simulator: Simulator) -> None:
    with httpx.Client(base_url=simulator.base_url) as http:
        check(http.post(PREFIX + NEW, json=body()), 401)
    assert simulator.receipt(NEW) is None


def test_a_live_receipt_is_already_issued(simulator: Simulator, http: httpx.Client) -> None:
    before = simulator.receipt("ORDER-20261125-0001")
    answer = http.post(PREFIX + "ORDER-20261125-0001", json=body())
    assert check(answer, 400)["message"] == MSG_ALREADY_ISSUED
    assert simulator.receipt("ORDER-20261125-0001") == before


@pytest.mark.parametrize("reissue", [True, False])
def test_a_cancelled_receipt_in_both_modes(reissue: bool) -> None:
    uid = "ORDER-20261120-0003"  # seeded as cancelled
    with Simulator(reissue_cancelled=reissue) as sim, httpx.Client(base_url=sim.base_url) as http:
        token = http.post(
            "/users/getToken", json={"imp_key": DEMO_IMP_KEY, "imp_secret": DEMO_IMP_SECRET}
        ).json()["response"]["access_token"]
        before = sim.receipt(uid)
        assert before is not None and before["cancelled_at"]
        answer = http.post(
            PREFIX + uid, json=body(amount=8900), headers={"Authorization": f"Bearer {token}"}
        )
        if reissue:
            receipt = check(answer, 200)["response"]
            assert receipt["cancelled_at"] == 0
            assert receipt["apply_num"] != before["apply_num"]
            assert sim.receipt(uid) == receipt
        else:
            assert check(answer, 400)["message"] == MSG_ALREADY_ISSUED
            assert sim.receipt(uid) == before


def test_faults_apply_to_the_post(simulator: Simulator, http: httpx.Client) -> None:
    simulator.inject("POST", PREFIX, Fault(status=500))
    check(http.post(PREFIX + NEW, json=body()), 500)
    assert simulator.receipt(NEW) is None  # a replaced answer changes nothing
    simulator.inject("POST", PREFIX, Fault(drop=True, apply=True))
    with pytest.raises(httpx.RemoteProtocolError):
        http.post(PREFIX + NEW, json=body())
    assert simulator.receipt(NEW) is not None  # processed, then the answer was lost


def test_the_demo_has_practice_orders_with_leading_zeros(
    simulator: Simulator, http: httpx.Client
) -> None:
    for uid in ("00012345", "00000202611250000017"):
        assert "정정 연습" in DEMO_ORDERS[uid]
        receipt = check(http.get(PREFIX + uid), 200)["response"]
        assert receipt["merchant_uid"] == uid and receipt["cancelled_at"] == 0
        assert receipt["apply_num"].startswith("000")
    assert len("00000202611250000017") == 20
