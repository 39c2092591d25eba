"""Checking answers against PortOne's V2 spec, and checks that the checking itself bites.

OpenAPI 3.0 is not JSON Schema: ``discriminator`` picks one of ``oneOf`` by a property, which
plain ``oneOf`` cannot (every V2 error object matches every error schema). ``schema_for``
rewrites each discriminated ``oneOf`` as if/then on the discriminator, forbids properties a
schema does not list (so a misspelt field fails here) and checks ``date-time`` strings.
``check_answer`` also checks that an error's ``type`` belongs to the status it came with.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

SPEC_PATH = Path(__file__).parent / "data" / "openapi-v2-cash-receipts.json"
# shared/ sits beside the main checkout (/work/main) and two levels above a worktree's.
SHARED_SPECS = [
    parent / "shared" / "portone-v2" / "openapi-v2-cash-receipts.json"
    for parent in Path(__file__).resolve().parents[2:4]
]
SPEC: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]

_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
FORMATS = jsonschema.FormatChecker(formats=())


@FORMATS.checks("date-time")
def _is_date_time(value: object) -> bool:
    return not isinstance(value, str) or _DATE_TIME.fullmatch(value) is not None


def _convert(node: Any) -> Any:
    if isinstance(node, list):
        return [_convert(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "oneOf" in node and "discriminator" in node:
        name = node["discriminator"]["propertyName"]
        mapping: dict[str, str] = node["discriminator"]["mapping"]
        return {
            "type": "object",
            "required": [name],
            "properties": {name: {"enum": sorted(mapping)}},
            "allOf": [
                {"if": {"properties": {name: {"const": value}}}, "then": {"$ref": ref}}
                for value, ref in mapping.items()
            ],
        }
    result = {
        key: _convert(value)
        for key, value in node.items()
        if not key.startswith("x-") and key not in ("description", "title", "example")
    }
    if result.get("type") == "object" and "properties" in result:
        result["additionalProperties"] = False
    return result


CONVERTED = {name: _convert(schema) for name, schema in SCHEMAS.items()}


def schema_for(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}", "components": {"schemas": CONVERTED}}


def validate(payload: object, name: str) -> None:
    """Validate ``payload`` against ``#/components/schemas/<name>`` (strictly, see above)."""
    jsonschema.Draft202012Validator(schema_for(name), format_checker=FORMATS).validate(payload)


def _response_schema(path: str, method: str, status: int) -> str:
    responses = SPEC["paths"][path][method.lower()]["responses"]
    assert str(status) in responses, f"{method} {path} has no {status} answer in the spec"
    ref: str = responses[str(status)]["content"]["application/json"]["schema"]["$ref"]
    return ref.rsplit("/", 1)[-1]


def check_answer(response: httpx.Response, path: str, method: str, status: int) -> Any:
    """Status, content type and shape of one answer per the spec; returns the parsed JSON.

    ``path`` is the spec's template (e.g. "/payments/{paymentId}/cash-receipt").
    """
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    payload = response.json()
    name = _response_schema(path, method, status)
    validate(payload, name)
    if status != 200:
        mapping = SCHEMAS[name]["discriminator"]["mapping"]
        chosen = mapping[payload["type"]].rsplit("/", 1)[-1]
        assert SCHEMAS[chosen]["x-portone-status-code"] == status, (payload, status)
        assert isinstance(payload.get("message"), str) and payload["message"]
    return payload


# ------------------------------------------------------------------ the helper bites

ISSUED = {
    "status": "ISSUED",
    "merchantId": "m",
    "storeId": "s",
    "paymentId": "p",
    "channel": {"type": "TEST", "pgProvider": "KCP_V2", "pgMerchantId": "x"},
    "amount": 1000,
    "currency": "KRW",
    "orderName": "o",
    "isManual": False,
    "issueNumber": "1",
    "issuedAt": "2026-11-25T01:02:03.000Z",
}


def test_bundled_spec_is_the_shared_contract() -> None:
    shared = [path for path in SHARED_SPECS if path.exists()]
    if not shared:
        pytest.skip("shared/ is not beside this checkout")
    assert SPEC_PATH.read_bytes() == shared[0].read_bytes()


def test_a_valid_receipt_passes() -> None:
    validate(ISSUED, "CashReceipt")
    validate(
        {**ISSUED, "status": "CANCELLED", "cancelledAt": "2026-11-26T00:00:00Z"}, "CashReceipt"
    )


@pytest.mark.parametrize(
    "change",
    [
        {"status": "CANCELLED"},  # cancelledAt missing for this status
        {"status": "PAID"},  # not a status
        {"amount": "1000"},
        {"issuedAt": "25 Nov 2026"},
        {"type": "PERSON"},  # V1's word, not V2's
        {"vat": 100},  # misspelt vatAmount
        {"channel": {"type": "TEST", "pgProvider": "NOT_A_PG", "pgMerchantId": "x"}},
    ],
)
def test_wrong_receipts_fail(change: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate({**ISSUED, **change}, "CashReceipt")


def test_error_type_must_belong_to_the_operation_and_status() -> None:
    validate({"type": "PG_PROVIDER", "pgCode": "1", "pgMessage": "m"}, "CancelCashReceiptError")
    with pytest.raises(jsonschema.ValidationError):
        validate({"type": "PG_PROVIDER"}, "CancelCashReceiptError")  # pgCode, pgMessage required
    with pytest.raises(jsonschema.ValidationError):
        validate({"type": "CHANNEL_NOT_FOUND", "message": "m"}, "CancelCashReceiptError")
    wrong_status = httpx.Response(
        404,
        json={"type": "UNAUTHORIZED", "message": "m"},
        headers={"content-type": "application/json; charset=utf-8"},
    )
    with pytest.raises(AssertionError):
        check_answer(wrong_status, "/payments/{paymentId}/cash-receipt", "GET", 404)
