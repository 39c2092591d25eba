"""Answers the client must not believe: another order's receipt, duplicate keys, redirects."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator

import pytest

from iamport_desk.api import (
    ApiError,
    IamportClient,
    OtherOrderAnswer,
    OutcomeUnknown,
)
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Fault, Simulator

ASKED = "ORDER-20261125-0001"
OTHER = "ORDER-20261125-0002"
PREFIX = "/receipts/external/"


@pytest.fixture
def client(simulator: Simulator) -> Iterator[IamportClient]:
    with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=simulator.base_url) as made:
        yield made


def _answer_about(simulator: Simulator, uid: str, **changes: object) -> dict[str, object]:
    receipt = simulator.receipt(uid)
    assert receipt is not None
    return {"code": 0, "message": None, "response": {**receipt, **changes}}


def test_a_lookup_answered_with_another_order_is_never_a_success(
    simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject("GET", PREFIX, Fault(status=200, body=_answer_about(simulator, OTHER)))
    with pytest.raises(OtherOrderAnswer) as caught:
        client.lookup(ASKED)
    assert caught.value.answered_uid == OTHER
    assert isinstance(caught.value, ApiError)
    assert OTHER not in str(caught.value)  # the summary is ours; the id is an attribute
    assert simulator.count("DELETE") == 0


def test_a_cancellation_answered_for_another_order_is_unknown(
    simulator: Simulator, client: IamportClient
) -> None:
    """The DELETE went to the asked order; the answer names another: only a lookup can tell."""
    simulator.inject(
        "DELETE",
        PREFIX,
        Fault(status=200, body=_answer_about(simulator, OTHER, cancelled_at=1_790_000_000)),
    )
    with pytest.raises(OutcomeUnknown) as caught:
        client.cancel(ASKED)
    assert "another order" in str(caught.value)
    assert [r.path for r in simulator.requests if r.method == "DELETE"] == [PREFIX + ASKED]
    assert simulator.receipt(OTHER)["cancelled_at"] == 0  # type: ignore[index]


def test_nfc_and_nfd_spellings_are_the_same_order(
    simulator: Simulator, client: IamportClient
) -> None:
    nfc = unicodedata.normalize("NFC", "주문-한글-0005")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    simulator.inject("GET", PREFIX, Fault(status=200, body=_answer_about(simulator, nfc)))
    assert client.lookup(nfd).merchant_uid == nfc


def _duplicated(receipt_body: dict[str, object]) -> bytes:
    text = json.dumps(receipt_body, ensure_ascii=False)
    return text.replace('"code": 0', '"code": 1, "code": 0', 1).encode("utf-8")


def test_duplicate_keys_make_a_lookup_answer_unreadable(
    simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject(
        "GET", PREFIX, Fault(status=200, body=_duplicated(_answer_about(simulator, ASKED)))
    )
    with pytest.raises(ApiError) as caught:
        client.lookup(ASKED)
    assert not isinstance(caught.value, OtherOrderAnswer)
    assert caught.value.message is None and caught.value.code is None


def test_duplicate_keys_inside_the_receipt_count_too(
    simulator: Simulator, client: IamportClient
) -> None:
    body = json.dumps(_answer_about(simulator, ASKED)).replace(
        '"amount": 33000', '"amount": 33000, "amount": 990000'
    )
    simulator.inject("GET", PREFIX, Fault(status=200, body=body.encode()))
    with pytest.raises(ApiError):
        client.lookup(ASKED)


def test_duplicate_keys_in_a_delete_answer_are_unknown(
    simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject(
        "DELETE",
        PREFIX,
        Fault(status=200, body=_duplicated(_answer_about(simulator, ASKED)), apply=True),
    )
    with pytest.raises(OutcomeUnknown):
        client.cancel(ASKED)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_a_delete_is_unknown_and_not_followed(
    simulator: Simulator, client: IamportClient, status: int
) -> None:
    location = {"Location": simulator.base_url + PREFIX + OTHER}
    simulator.inject(
        "DELETE",
        PREFIX,
        Fault(status=status, body="<html>moved</html>", content_type="text/html", headers=location),
    )
    with pytest.raises(OutcomeUnknown) as caught:
        client.cancel(ASKED)
    assert caught.value.status == status
    assert simulator.count("DELETE") == 1
    assert simulator.count("GET") == 0


def test_a_redirect_to_a_lookup_is_not_followed(
    simulator: Simulator, client: IamportClient
) -> None:
    location = {"Location": simulator.base_url + PREFIX + OTHER}
    simulator.inject("GET", PREFIX, Fault(status=302, body="", headers=location))
    with pytest.raises(ApiError) as caught:
        client.lookup(ASKED)
    assert caught.value.status == 302
    assert simulator.count("GET") == 1


@pytest.mark.parametrize("method", ["DELETE", "POST"])
def test_a_401_that_is_not_portones_is_never_answered_by_sending_again(
    simulator: Simulator, client: IamportClient, method: str
) -> None:
    """A front end's 401 page says nothing of whether PortOne got the call: resending a DELETE
    (or an issuing POST) on it cancelled the receipt, then read "already cancelled" as failed."""
    simulator.inject(
        method,
        PREFIX,
        Fault(status=401, body="<html>sign in</html>", content_type="text/html", apply=True),
    )
    with pytest.raises(OutcomeUnknown) as caught:
        if method == "DELETE":
            client.cancel(ASKED)
        else:
            client.issue_external_receipt(
                ASKED, channel_key="channel-key", name="x", amount=1000, identifier="01012345678"
            )
    assert caught.value.status == 401
    assert simulator.count(method, PREFIX) == 1  # getToken is a POST too


def test_portones_own_401_on_a_delete_is_retried_once_after_a_refresh(
    simulator: Simulator, client: IamportClient
) -> None:
    # PortOne's 401 means the token was refused and nothing was processed: safe to resend.
    simulator.inject(
        "DELETE", PREFIX, Fault(status=401, body={"code": -1, "message": "Unauthorized"})
    )
    receipt = client.cancel(ASKED)
    assert receipt.is_cancelled
    assert simulator.count("DELETE") == 2
