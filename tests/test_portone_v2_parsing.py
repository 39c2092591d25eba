"""The V2 client's reading and writing without a network: times, JSON, masking, the issue body."""

from __future__ import annotations

import base64
import calendar
import json
import urllib.parse

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iamport_desk.portone_v2 import IssueRequest, V2ApiError, parse_cash_receipt, parse_rfc3339
from iamport_desk.portone_v2.parsing import loads_strict, parse_cancel_answer, parse_error_body
from iamport_desk.secret_mask import SecretMask
from tests.test_simulator_v2_spec import ISSUED, validate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-25T00:00:00Z", calendar.timegm((2026, 11, 25, 0, 0, 0))),
        ("2026-11-25T09:00:00+09:00", calendar.timegm((2026, 11, 25, 0, 0, 0))),
        ("2026-11-24T23:30:00-00:30", calendar.timegm((2026, 11, 25, 0, 0, 0))),
        ("2026-11-25t00:00:00.999999999z", calendar.timegm((2026, 11, 25, 0, 0, 0))),
        ("2026-11-25T00:00:00.5Z", calendar.timegm((2026, 11, 25, 0, 0, 0))),  # floored
        ("2016-12-31T23:59:60Z", calendar.timegm((2017, 1, 1, 0, 0, 0))),  # a leap second
        ("2024-02-29T12:00:00Z", calendar.timegm((2024, 2, 29, 12, 0, 0))),
    ],
)
def test_rfc3339_to_unix_seconds(text: str, expected: int) -> None:
    assert parse_rfc3339(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-25T00:00:00",  # no offset: which zone?
        "2026-11-25",
        "2026-13-01T00:00:00Z",
        "2025-02-29T00:00:00Z",
        "2026-11-25T24:00:00Z",
        "1795905992",
        "２０２６-11-25T00:00:00Z",  # full-width digits
        "2026-11-25T00:00:00Z ",
    ],
)
def test_rfc3339_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_rfc3339(text)


@given(st.integers(min_value=0, max_value=4_102_444_800))
def test_rfc3339_round_trips_what_the_simulator_writes(seconds: int) -> None:
    from iamport_desk.simulator_v2.store import rfc3339

    assert parse_rfc3339(rfc3339(seconds)) == seconds


@pytest.mark.parametrize(
    "body",
    [b'{"a": 1, "a": 2}', b'{"x": {"b": 1, "b": 1}}', b'{"a": NaN}', b'{"a": Infinity}', b"\xff{}"],
)
def test_loads_strict_refuses(body: bytes) -> None:
    with pytest.raises(ValueError):
        loads_strict(body)


def test_loads_strict_refuses_deep_nesting() -> None:
    with pytest.raises(ValueError):
        loads_strict(b"[" * 100_000 + b"]" * 100_000)


def test_receipt_types_and_unknown_values() -> None:
    corporate = parse_cash_receipt({**ISSUED, "type": "CORPORATE"}).receipt
    assert corporate is not None and corporate.type == "company"
    unknown = parse_cash_receipt({**ISSUED, "type": "FUTURE_KIND"}).receipt
    assert unknown is not None and unknown.type == "FUTURE_KIND"  # shown as it came
    bare = parse_cash_receipt(ISSUED).receipt  # type, vatAmount, url, pgReceiptId are optional
    assert bare is not None
    assert (bare.type, bare.vat, bare.receipt_url, bare.receipt_tid) == ("", 0, None, None)


@pytest.mark.parametrize(
    "change",
    [
        {"amount": True},
        {"amount": "1000"},
        {"issueNumber": None},
        {"paymentId": 7},
        {"status": "CANCELLED"},  # cancelledAt required then
        {"currency": "JPY"},
    ],
)
def test_receipt_refuses_wrong_types(change: dict[str, object]) -> None:
    with pytest.raises(V2ApiError):
        parse_cash_receipt({**ISSUED, **change})


def test_cancel_answer() -> None:
    amount, at = parse_cancel_answer({"cancelledAmount": 5, "cancelledAt": "1970-01-01T00:00:09Z"})
    assert (amount, at) == (5, 9)
    with pytest.raises(V2ApiError):
        parse_cancel_answer({"cancelledAmount": 5})


def test_error_body_must_be_portones_shape() -> None:
    parsed = parse_error_body({"type": "PG_PROVIDER", "pgCode": "1", "pgMessage": "m"})
    assert parsed is not None and (parsed.pg_code, parsed.pg_message) == ("1", "m")
    for other in ({"type": ""}, {"message": "x"}, {"type": "X", "message": 3}, [], "x"):
        assert parse_error_body(other) is None


@pytest.mark.parametrize("secret", ["s3cr3t+/=value", "plain-secret-value", "비밀-값-1234"])
def test_mask_secret_in_every_encoding(secret: str) -> None:
    raw = secret.encode()
    forms = [
        secret,
        urllib.parse.quote(secret, safe=""),
        urllib.parse.quote_plus(secret, safe=""),
        json.dumps(secret)[1:-1],
        base64.b64encode(raw).decode(),
        base64.b64encode(raw).decode().rstrip("="),
        base64.urlsafe_b64encode(raw).decode(),
    ]
    for form in forms:
        masked = SecretMask(secret).mask(f"before {form} after")
        assert form not in masked and masked == "before *** after"


def test_issue_body_matches_the_spec() -> None:
    request = IssueRequest(
        payment_id="ignored",
        channel_key="channel-key",
        receipt_type="person",
        order_name="주문",
        amount=11000,
        identity_number="01012345678",
        identity_number_type="PHONE",
        tax_free=1000,
        vat=909,
        customer_name="홍길동",
        customer_email="a@example.com",
        customer_phone="01012345678",
        product_type="PHYSICAL",
        paid_at=0,
        business_registration_number="1234567890",
        payment_method="TRANSFER",
    )
    body = request.to_body("pay-1", "store-1")
    validate(body, "IssueCashReceiptBody")
    assert body["paymentId"] == "pay-1" and body["storeId"] == "store-1"
    assert body["type"] == "PERSONAL" and body["paidAt"] == "1970-01-01T00:00:00Z"
    assert body["amount"] == {"total": 11000, "taxFree": 1000, "vat": 909}
    minimal = IssueRequest("p", "c", "company", "o", 1, "1234567890").to_body("p", None)
    validate(minimal, "IssueCashReceiptBody")
    assert "storeId" not in minimal and minimal["type"] == "CORPORATE"
    with pytest.raises(jsonschema.ValidationError):
        validate({**minimal, "currency": "WON"}, "IssueCashReceiptBody")
