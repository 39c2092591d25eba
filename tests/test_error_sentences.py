"""Issue 13: every error sentence starts with the outcome, then what to do, then the details."""

from __future__ import annotations

import pytest

from iamport_desk.errors import ApiError, AuthenticationError, NetworkError, ReceiptNotFound
from iamport_desk.portone_v2.errors import (
    ReceiptAlreadyIssued,
    V2PermissionDenied,
    V2ReceiptNotIssued,
)
from iamport_desk.ui.words import describe_error
from tests.ui_helpers import LOOKUP_FAILED, NOT_CANCELLED, says_in_order

CASES = [
    pytest.param(AuthenticationError("x", status=401, code=-1), "PortOne did not accept", id="401"),
    pytest.param(ReceiptNotFound("x", status=404), "no cash receipt was issued", id="404"),
    pytest.param(ApiError("x", status=500, code=-1, message="m"), "(HTTP 500, code -1)", id="500"),
    pytest.param(ApiError("x", status=501, code=-1, message="m"), "on Hometax", id="501"),
    pytest.param(NetworkError("x", kind="refused"), "connection refused", id="refused"),
    pytest.param(V2PermissionDenied("x", status=403), "PortOne console", id="V2 403"),
    pytest.param(V2ReceiptNotIssued("x", status=404), "as not issued", id="V2 not issued"),
]


@pytest.mark.parametrize(("error", "detail"), CASES)
def test_the_outcome_comes_first_and_the_details_last(error: Exception, detail: str) -> None:
    looked_up = describe_error(error, looking_up=True).text
    assert says_in_order(looked_up, LOOKUP_FAILED, detail), looked_up
    cancelled = describe_error(error, cancelling=True).text
    assert says_in_order(cancelled, NOT_CANCELLED, detail), cancelled


def test_a_501_says_where_to_cancel_instead_and_is_final() -> None:
    message = describe_error(ApiError("x", status=501, code=-1, message="m"), cancelling=True)
    assert says_in_order(
        message.text,
        NOT_CANCELLED,
        "cannot cancel cash receipts through PortOne",
        "merchant site or on Hometax",
        "(HTTP 501, code -1)",
    )
    assert "try again" not in message.text.lower()
    assert message.final and not message.reenter_credentials
    assert not describe_error(ApiError("x", status=500, code=-1), cancelling=True).final


def test_v2s_own_refusals_have_their_own_sentences() -> None:
    denied = describe_error(V2PermissionDenied("x", status=403), cancelling=True)
    assert "Entering the same secret again will not help." in denied.text
    assert not denied.reenter_credentials  # a permission, not a wrong secret
    refused = describe_error(AuthenticationError("x", status=401), cancelling=True)
    assert refused.reenter_credentials and refused.text != denied.text
    issued = describe_error(ReceiptAlreadyIssued("x", status=409)).text
    assert says_in_order(issued, "Nothing was changed.", "already has a cash receipt", "HTTP 409")
    not_issued = describe_error(V2ReceiptNotIssued("x", status=404), cancelling=True).text
    assert "There is nothing to cancel" in not_issued
    assert not_issued != describe_error(ReceiptNotFound("x", status=404), cancelling=True).text
