"""Issue 12's network cases as the clerk meets them: the real window, the real API thread, the
simulator (or a refusing proxy) on 127.0.0.1. Each is a row of docs/fault-table.md."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import httpx
import pytest
from pytestqt.qtbot import QtBot

from iamport_desk.api import IamportClient
from iamport_desk.credentials import Credentials
from iamport_desk.history import History
from iamport_desk.paths import AppPaths
from iamport_desk.simulator import Fault, Simulator
from iamport_desk.worker import ApiWorker
from tests.proxy_helpers import refusing_proxy
from tests.ui_helpers import LOOKUP_FAILED, cancel, look_up, open_window, says_in_order

pytestmark = pytest.mark.timeout(60)

UID = "ORDER-20261125-0001"
OTHER = "ORDER-20261125-0002"
PREFIX = "/receipts/external/"


def rows(paths: AppPaths) -> list[tuple[str, str, int | None]]:
    history = History(paths.history_db)
    try:
        return [(e.merchant_uid, str(e.outcome), e.http_status) for e in history.recent()]
    finally:
        history.close()


def with_deadline(seconds: float) -> Callable[[Credentials], IamportClient]:
    def factory(credentials: Credentials) -> IamportClient:
        return IamportClient(
            credentials.imp_key,
            credentials.imp_secret,
            base_url=credentials.api_base,
            tier_code=credentials.tier_code,
            timeout=httpx.Timeout(10.0),
            deadline=seconds,
        )

    return factory


def other_order_answer(simulator: Simulator, **changes: object) -> dict[str, object]:
    return {"code": 0, "message": None, "response": {**simulator.receipt(OTHER), **changes}}  # type: ignore[dict-item]


def test_a_lookup_answered_with_another_order_shows_nothing_to_cancel(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        simulator.inject("GET", PREFIX, Fault(status=200, body=other_order_answer(simulator)))
        look_up(qtbot, window, UID)
        text = window.message.text()
        assert says_in_order(
            text,
            LOOKUP_FAILED,
            "Look the order number up again",
            "PortOne answered with the receipt of another order number",
        ), text
        assert "\u2068" + OTHER + "\u2069" in text  # the other id, bidi-isolated
        assert not window.cancel_button.isEnabled()
    assert simulator.count("DELETE") == 0
    assert rows(app_paths) == []


@pytest.mark.parametrize(
    ("fault", "sentence"),
    [
        (
            Fault(status=302, body="", headers={"Location": "http://127.0.0.1:9/x"}, apply=True),
            "It is not known whether the receipt was cancelled: the cancellation was answered "
            "with a redirect",
        ),
        (
            Fault(bomb=64 << 20, apply=True),
            "It is not known whether the receipt was cancelled: the answer to the cancellation "
            "could not be read",
        ),
        (
            "other order",
            "It is not known whether the receipt was cancelled: the answer named another order",
        ),
    ],
    ids=["redirect", "bomb", "other-order"],
)
def test_cancellations_whose_answer_cannot_be_believed_are_unknown(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, fault: Fault | str, sentence: str
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        if isinstance(fault, str):
            fault = Fault(status=200, body=other_order_answer(simulator, cancelled_at=1))
        simulator.inject("DELETE", PREFIX, fault)
        cancel(qtbot, window)
        assert window.message.text().startswith(sentence), window.message.text()
    assert simulator.count("DELETE") == 1
    status = 302 if fault.status == 302 else 200
    assert rows(app_paths) == [(UID, "unknown", status)]


def test_a_trickled_lookup_ends_at_the_deadline(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    worker = ApiWorker(app_paths.history_db, client_factory=with_deadline(1.0))
    with open_window(qtbot, app_paths, simulator, worker=worker) as (window, _):
        simulator.inject("GET", PREFIX, Fault(byte_delay=0.05))
        look_up(qtbot, window, UID)
        assert window.message.text().startswith(
            "The receipt could not be looked up. PortOne did not finish answering within the "
            "time limit."
        )
    assert rows(app_paths) == []


def test_a_trickled_cancellation_cut_at_the_deadline_is_unknown(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    worker = ApiWorker(app_paths.history_db, client_factory=with_deadline(1.0))
    with open_window(qtbot, app_paths, simulator, worker=worker) as (window, _):
        look_up(qtbot, window, UID)
        simulator.inject("DELETE", PREFIX, Fault(byte_delay=0.05))
        cancel(qtbot, window)
        assert window.message.text().startswith(
            "It is not known whether the receipt was cancelled: the cancellation was sent, but "
            "its answer did not arrive within the time limit."
        )
    assert rows(app_paths) == [(UID, "unknown", None)]


@pytest.mark.parametrize(
    ("status", "sentence"),
    [
        (
            "407 Proxy Authentication Required",
            "The receipt could not be looked up. The proxy server asks for a sign-in (HTTP 407).",
        ),
        (
            "403 Forbidden",
            "The receipt could not be looked up. The proxy server refused the connection to "
            "PortOne with a page of its own (HTTP 403).",
        ),
    ],
)
def test_a_proxy_that_refuses_the_tunnel(
    qtbot: QtBot,
    app_paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    status: str,
    sentence: str,
) -> None:
    portone = SimpleNamespace(base_url="https://api.iamport.kr")
    with refusing_proxy(status) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        with open_window(qtbot, app_paths, portone) as (window, _):  # type: ignore[arg-type]
            look_up(qtbot, window, UID)
            assert window.message.text().startswith(sentence), window.message.text()
    assert proxy.request_lines == ["CONNECT api.iamport.kr:443 HTTP/1.1"]
    assert rows(app_paths) == []
