"""A refused cancellation is followed by one lookup only when the refusal may mean "already
cancelled" (a 4xx about the receipt); the window then tells what PortOne has now. Real
window, API thread and V1 simulator on loopback."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from iamport_desk.errors import ApiError, AuthenticationError, NetworkError, ReceiptNotFound
from iamport_desk.paths import AppPaths
from iamport_desk.refused_cancel import worth_a_lookup
from iamport_desk.simulator import Fault, Simulator
from tests.ui_helpers import NOT_CANCELLED, attempts, cancel, look_up, open_window, says_in_order

pytestmark = pytest.mark.timeout(60)

UID = "ORDER-20261125-0001"


def gets(simulator: Simulator) -> int:
    return sum(1 for r in simulator.requests if r.method == "GET")


def test_a_refusal_of_a_receipt_still_issued_stands(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    refusal = {"code": -1, "message": "취소할 수 없는 상태입니다", "response": None}
    simulator.inject("DELETE", "/receipts/external/", Fault(status=400, body=refusal))
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        simulator.reset_requests()
        cancel(qtbot, window)
        assert gets(simulator) == 1  # looked up once: PortOne still has it issued
        assert says_in_order(window.message.text(), NOT_CANCELLED, "취소할 수 없는 상태입니다")
        assert window.shown_receipt is not None and not window.shown_receipt.is_cancelled
    [row] = attempts(app_paths)
    assert (row["outcome"], row["http_status"]) == ("failed", 400)


def test_a_pg_failure_is_not_followed_by_a_lookup(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, "ORDER-PG-FAIL")
        simulator.reset_requests()
        cancel(qtbot, window)
        assert simulator.count("DELETE") == 1
        assert gets(simulator) == 0
        assert says_in_order(window.message.text(), NOT_CANCELLED)


@pytest.mark.parametrize(
    ("error", "worth"),
    [
        (ApiError("이미 취소된 현금영수증입니다", status=400, code=1), True),
        (ApiError("conflict", status=409, code=None), True),
        (ApiError("PG", status=500, code=None), False),
        (ApiError("proxy", status=407, code=None), False),
        (AuthenticationError("bad key", status=401, code=None), False),
        (ReceiptNotFound("none", status=404, code=None), False),
        (NetworkError("refused"), False),
    ],
)
def test_which_refusals_are_worth_a_lookup(error: BaseException, worth: bool) -> None:
    assert worth_a_lookup(error) is worth
