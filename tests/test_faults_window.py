"""Faults from the network, a proxy or the server, each through the real window.

Every case goes through MainWindow, the real API thread and a real loopback server, and
checks three things: the sentence the clerk reads, the requests that reached the server
(never a second DELETE), and the row the audit history kept (outcome, http_status, code,
message). docs/fault-table.md lists the same cases as a table.
"""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from iamport_desk.api import IamportClient, NetworkError
from iamport_desk.jobs import JobResult
from iamport_desk.models import Credentials
from iamport_desk.paths import AppPaths
from iamport_desk.simulator import (
    MSG_NOT_FOUND_RECEIPT,
    MSG_NOT_SUPPORTED,
    MSG_UNAUTHORIZED,
    Fault,
    Simulator,
)
from iamport_desk.worker import ApiWorker
from tests.ui_helpers import (
    LOOKUP_FAILED,
    NOT_CANCELLED,
    attempts,
    cancel,
    look_up,
    open_window,
    says_in_order,
)

pytestmark = pytest.mark.timeout(30)

UID = "ORDER-20261125-0001"
PG_MESSAGE = "[PG] 승인 취소 실패: 카드사 응답 없음"
AUTH_FAILED = "imp_key, imp_secret 인증에 실패하였습니다."
HTML = "text/html; charset=utf-8"


def proxy_page(status: int) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{status} Proxy Error</title></head>"
        f"<body><h1>{status}</h1><p>The proxy server could not handle the request."
        "</p></body></html>"
    )


def short_timeouts(
    read: float = 0.5, connect: float = 0.5
) -> Callable[[Credentials], IamportClient]:
    def factory(credentials: Credentials) -> IamportClient:
        return IamportClient(
            credentials.imp_key,
            credentials.imp_secret,
            base_url=credentials.api_base,
            tier_code=credentials.tier_code,
            timeout=httpx.Timeout(read, connect=connect),
        )

    return factory


def results_of(window: Any) -> list[JobResult]:
    """Collect the window's job results (to read NetworkError.kind behind the sentence)."""
    seen: list[JobResult] = []
    window.job_done.connect(lambda _kind, result: seen.append(result))
    return seen


def last_error(results: list[JobResult]) -> BaseException | None:
    errors = [r.error for r in results if r.error is not None]
    return errors[-1] if errors else None


def assert_nothing_shown(window: Any) -> None:
    assert window.receipt_view.merchant_uid.text() == "-"
    assert not window.cancel_button.isEnabled()
    assert not window.cancel_action.isEnabled()


def free_closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class GapMeter:
    """A 5 ms timer on the GUI thread: the longest gap between ticks shows a blocked loop."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last: float | None = None
        self.max_gap = 0.0
        self.ticks = 0

    def _tick(self) -> None:
        now = time.monotonic()
        if self.last is not None:
            self.max_gap = max(self.max_gap, now - self.last)
        self.last = now
        self.ticks += 1

    def __enter__(self) -> GapMeter:
        self.last = time.monotonic()
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()
        self._tick()


# ------------------------------------------------------------------ faults on lookup

# (id, [(method, path prefix, Fault)], the parts of the sentence after "The receipt could not
# be looked up." in their order (what to do, then the details), GETs of the receipt)
LOOKUP_FAULTS: list[tuple[str, list[tuple[str, str, Fault]], tuple[str, ...], int]] = [
    (
        "getToken 401",
        [
            (
                "POST",
                "/users/getToken",
                Fault(status=401, body={"code": -1, "message": AUTH_FAILED, "response": None}),
            )
        ],
        ("Enter the REST API key and secret again", "PortOne did not accept them."),
        0,
    ),
    (
        "401 persisting after a refresh",
        [
            (
                "GET",
                "/receipts/external/",
                Fault(
                    status=401,
                    body={"code": -1, "message": MSG_UNAUTHORIZED, "response": None},
                    times=None,
                ),
            )
        ],
        ("Enter the REST API key and secret again", "PortOne did not accept them."),
        2,
    ),
    (
        "500 with a PG message",
        [
            (
                "GET",
                "/receipts/external/",
                Fault(status=500, body={"code": -1, "message": PG_MESSAGE, "response": None}),
            )
        ],
        ("Try again later", "PortOne answered with an error. (HTTP 500, code -1)"),
        1,
    ),
    (
        "501",
        [
            (
                "GET",
                "/receipts/external/",
                Fault(
                    status=501, body={"code": -1, "message": MSG_NOT_SUPPORTED, "response": None}
                ),
            )
        ],
        (
            "This store's payment gateway cannot cancel cash receipts through PortOne",
            "merchant site or on Hometax",
            "(HTTP 501",
        ),
        1,
    ),
    (
        "200 with a non-zero code",
        [
            (
                "GET",
                "/receipts/external/",
                Fault(
                    status=200,
                    body={"code": 1, "message": "조회 권한이 없습니다.", "response": None},
                ),
            )
        ],
        ("Try again later", "PortOne answered with an error. (HTTP 200, code 1)"),
        1,
    ),
    (
        "proxy HTML 502",
        [
            (
                "GET",
                "/receipts/external/",
                Fault(status=502, body=proxy_page(502), content_type=HTML),
            )
        ],
        (
            "Try again later",
            "An unexpected answer came instead of PortOne's (for example a proxy or login page). "
            "(HTTP 502)",
        ),
        1,
    ),
    (
        "proxy HTML 503",
        [
            (
                "GET",
                "/receipts/external/",
                Fault(status=503, body=proxy_page(503), content_type=HTML),
            )
        ],
        (
            "Try again later",
            "An unexpected answer came instead of PortOne's (for example a proxy or login page). "
            "(HTTP 503)",
        ),
        1,
    ),
    (
        "proxy HTML 407",
        [
            (
                "GET",
                "/receipts/external/",
                Fault(status=407, body=proxy_page(407), content_type=HTML),
            )
        ],
        (
            "Ask your IT department for the proxy settings.",
            "The proxy server asks for a login. (HTTP 407)",
        ),
        1,
    ),
    (
        "200 with a body that is not JSON",
        [
            (
                "GET",
                "/receipts/external/",
                Fault(status=200, body="<html>login</html>", content_type=HTML),
            )
        ],
        ("Try again later", "An unexpected answer came instead of PortOne's"),
        1,
    ),
    (
        "200 with an empty body",
        [("GET", "/receipts/external/", Fault(status=200, body=b""))],
        ("Try again later", "An unexpected answer came instead of PortOne's"),
        1,
    ),
    (
        "JSON of the wrong shape (a list)",
        [("GET", "/receipts/external/", Fault(status=200, body="[1, 2, 3]"))],
        ("Try again later", "An unexpected answer came instead of PortOne's"),
        1,
    ),
    (
        "envelope with code as text",
        [
            (
                "GET",
                "/receipts/external/",
                Fault(status=200, body={"code": "0", "message": None, "response": {}}),
            )
        ],
        ("Try again later", "An unexpected answer came instead of PortOne's"),
        1,
    ),
    (
        "a body over 1 MiB",
        [
            (
                "GET",
                "/receipts/external/",
                Fault(status=500, body={"code": -1, "message": "x" * (1 << 20), "response": None}),
            )
        ],
        ("Try again later", "An unexpected answer came instead of PortOne's"),
        1,
    ),
]


@pytest.mark.parametrize(
    ("faults", "sentence", "gets"), [pytest.param(f, s, g, id=i) for i, f, s, g in LOOKUP_FAULTS]
)
def test_lookup_fault_ends_in_a_sentence_and_records_nothing(
    qtbot: QtBot,
    app_paths: AppPaths,
    simulator: Simulator,
    faults: list[tuple[str, str, Fault]],
    sentence: tuple[str, ...],
    gets: int,
) -> None:
    for method, prefix, fault in faults:
        simulator.inject(method, prefix, fault)
    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        look_up(qtbot, window, UID)
        text = window.message.text()
        assert says_in_order(text, LOOKUP_FAILED, *sentence), text
        assert len(text) < 1200  # never a whole body, never a traceback
        assert "Traceback" not in text and "{" not in text
        assert_nothing_shown(window)
        assert simulator.count("GET", "/receipts/external/") == gets
        assert simulator.count("DELETE") == 0
        if "PortOne did not accept them." in sentence:
            # The key must be entered again: the dialog opened with the same sentence.
            assert dialogs.credential_reasons
            assert says_in_order(dialogs.credential_reasons[-1] or "", LOOKUP_FAILED, *sentence)
        else:
            assert dialogs.credential_reasons == []
    assert attempts(app_paths) == []  # a lookup is not an attempt


UNREADABLE_SUCCESS = {
    "fields missing": {"merchant_uid": UID},
    "wrong types": {
        "merchant_uid": UID,
        "apply_num": 123,
        "type": None,
        "amount": "33000",
        "vat": True,
        "applied_at": 1.5,
    },
}


@pytest.mark.parametrize("receipt", list(UNREADABLE_SUCCESS.values()), ids=list(UNREADABLE_SUCCESS))
def test_unreadable_success_answer_is_not_passed_off_as_portones_words(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, receipt: dict[str, Any]
) -> None:
    simulator.inject(
        "GET",
        "/receipts/external/",
        Fault(status=200, body={"code": 0, "message": None, "response": receipt}),
    )
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        assert_nothing_shown(window)
        assert simulator.count("DELETE") == 0
        text = window.message.text()
        assert says_in_order(
            text,
            LOOKUP_FAILED,
            "Try again later",
            "PortOne's answer could not be read (it is not in the documented form). (HTTP 200)",
        ), text
        # Our own diagnosis ("receipt field ... is not text") is for the log: the clerk
        # must never read it as something PortOne said (it said success, code 0).
        assert "Message from PortOne" not in text, text
        assert "receipt field" not in text and "error" not in text, text
    assert attempts(app_paths) == []


def test_lookup_shows_the_pg_message_literally(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    simulator.inject(
        "GET",
        "/receipts/external/",
        Fault(status=500, body={"code": -1, "message": PG_MESSAGE, "response": None}),
    )
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        assert window.message.text().endswith("Message from PortOne: " + PG_MESSAGE)


def test_huge_server_message_is_elided_not_flooded(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    huge = "가" * 300_000  # ~900 KB of UTF-8: under the 1 MiB cap, so it is read
    simulator.inject(
        "GET",
        "/receipts/external/",
        Fault(status=500, body={"code": -1, "message": huge, "response": None}),
    )
    simulator.inject(
        "DELETE",
        "/receipts/external/",
        Fault(status=500, body={"code": -1, "message": huge, "response": None}),
    )
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        text = window.message.text()
        assert "Message from PortOne: 가가가" in text
        assert text.endswith("…") and len(text) < 1000
        look_up(qtbot, window, UID)  # the fault was used up: now the receipt is shown
        cancel(qtbot, window)
        text = window.message.text()
        assert says_in_order(
            text, NOT_CANCELLED, "The payment gateway refused or failed the cancellation."
        ), text
        assert text.endswith("…") and len(text) < 1000
        qtbot.waitUntil(lambda: window.recent_table.rowCount() == 1)
        assert len(window.recent_table.item(0, 4).text()) <= 200
    [row] = attempts(app_paths)
    # The audit keeps the server's words whole; only the screen elides them.
    assert (row["outcome"], row["http_status"], row["code"]) == ("failed", 500, -1)
    assert row["message"] == huge


def test_huge_strings_in_a_receipt_are_elided(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    receipt = dict(simulator.receipt(UID) or {})
    receipt.update(apply_num="9" * 200_000, receipt_tid="t" * 200_000, type="z" * 200_000)
    simulator.inject(
        "GET",
        "/receipts/external/",
        Fault(status=200, body={"code": 0, "message": None, "response": receipt}),
    )
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        view = window.receipt_view
        assert view.amount.text() == "33,000 won"
        for label in (view.apply_num, view.receipt_tid, view.type):
            assert 0 < len(label.text()) <= 300 and label.text().endswith("…")
        assert window.cancel_button.isEnabled()


# ------------------------------------------------------------------ a token that stops working


def test_token_revoked_mid_session_is_refreshed_without_a_word(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        look_up(qtbot, window, UID)
        simulator.revoke_tokens()
        simulator.reset_requests()
        look_up(qtbot, window, UID)
        assert [(r.method, r.path) for r in simulator.requests] == [
            ("GET", "/receipts/external/" + UID),
            ("POST", "/users/getToken"),
            ("GET", "/receipts/external/" + UID),
        ]
        assert window.cancel_button.isEnabled()
        simulator.revoke_tokens()
        simulator.reset_requests()
        cancel(qtbot, window)
        # The first DELETE was refused with 401 (so not processed); one retry after a
        # refresh, and the clerk sees only the success.
        assert [r.method for r in simulator.requests] == ["DELETE", "POST", "DELETE"]
        assert window.message.text().startswith("The cash receipt was cancelled at ")
        assert dialogs.credential_reasons == []
    [row] = attempts(app_paths)
    assert (row["outcome"], row["http_status"], row["code"], row["message"]) == (
        "cancelled",
        200,
        0,
        None,
    )


def test_delete_401_with_the_key_now_refused_fails_after_one_delete(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        look_up(qtbot, window, UID)
        simulator.revoke_tokens()
        simulator.inject(
            "POST",
            "/users/getToken",
            Fault(status=401, body={"code": -1, "message": AUTH_FAILED, "response": None}),
        )
        simulator.reset_requests()
        cancel(qtbot, window)
        assert [r.method for r in simulator.requests] == ["DELETE", "POST"]
        assert says_in_order(window.message.text(), NOT_CANCELLED, "PortOne did not accept them.")
        assert len(dialogs.credential_reasons) == 1
    assert simulator.receipt(UID)["cancelled_at"] == 0
    [row] = attempts(app_paths)
    assert (row["outcome"], row["http_status"], row["code"], row["message"]) == (
        "failed",
        401,
        -1,
        AUTH_FAILED,
    )


# ------------------------------------------------------------------ faults on DELETE

# (id, fault, the sentence's parts in their order, outcome, http_status, code, message,
# DELETEs at the server)
DELETE_FAULTS: list[
    tuple[str, Fault, tuple[str, ...], str, int | None, int | None, str | None, int]
] = [
    (
        "404",
        Fault(status=404, body={"code": -1, "message": MSG_NOT_FOUND_RECEIPT, "response": None}),
        (NOT_CANCELLED, "no cash receipt was issued for this order number."),
        "failed",
        404,
        -1,
        MSG_NOT_FOUND_RECEIPT,
        1,
    ),
    (
        "500 with a PG message",
        Fault(status=500, body={"code": -1, "message": PG_MESSAGE, "response": None}),
        (
            NOT_CANCELLED,
            "Read PortOne's message",
            "The payment gateway refused or failed the cancellation. (HTTP 500, code -1)",
        ),
        "failed",
        500,
        -1,
        PG_MESSAGE,
        1,
    ),
    (
        "501",
        Fault(status=501, body={"code": -1, "message": MSG_NOT_SUPPORTED, "response": None}),
        (
            NOT_CANCELLED,
            "This store's payment gateway cannot cancel cash receipts through PortOne",
            "cancel the receipt in the payment gateway's merchant site or on Hometax",
            "(HTTP 501, code -1)",
        ),
        "failed",
        501,
        -1,
        MSG_NOT_SUPPORTED,
        1,
    ),
    (
        "200 with a non-zero code",
        Fault(status=200, body={"code": 7, "message": "취소 불가 상태입니다.", "response": None}),
        (
            NOT_CANCELLED,
            "Read PortOne's message",
            "PortOne answered with an error. (HTTP 200, code 7)",
        ),
        "failed",
        200,
        7,
        "취소 불가 상태입니다.",
        1,
    ),
    (
        "persisting 401",
        Fault(
            status=401, body={"code": -1, "message": MSG_UNAUTHORIZED, "response": None}, times=None
        ),
        (NOT_CANCELLED, "Enter the REST API key and secret again", "PortOne did not accept them."),
        "failed",
        401,
        -1,
        MSG_UNAUTHORIZED,
        2,
    ),
    (
        "proxy HTML 502",
        Fault(status=502, body=proxy_page(502), content_type=HTML),
        ("It is not known whether the receipt was cancelled", "no answer came back"),
        "unknown",
        502,
        None,
        None,
        1,
    ),
    (
        "proxy HTML 503",
        Fault(status=503, body=proxy_page(503), content_type=HTML),
        ("It is not known whether the receipt was cancelled", "no answer came back"),
        "unknown",
        503,
        None,
        None,
        1,
    ),
    (
        "proxy HTML 407",
        Fault(status=407, body=proxy_page(407), content_type=HTML),
        (NOT_CANCELLED, "Ask your IT department", "The proxy server asks for a login."),
        "failed",
        407,
        None,
        None,
        1,
    ),
    (
        "200 not JSON",
        Fault(status=200, body="<html>OK</html>", content_type=HTML),
        ("It is not known whether the receipt was cancelled", "no answer came back"),
        "unknown",
        200,
        None,
        None,
        1,
    ),
    (
        "200 empty",
        Fault(status=200, body=b""),
        ("It is not known whether the receipt was cancelled", "no answer came back"),
        "unknown",
        200,
        None,
        None,
        1,
    ),
    (
        "code 0 with a receipt of the wrong shape",
        Fault(status=200, body={"code": 0, "message": None, "response": {"amount": "many"}}),
        ("It is not known whether the receipt was cancelled", "no answer came back"),
        "unknown",
        200,
        0,
        None,
        1,
    ),
    (
        "envelope with code as text",
        Fault(status=200, body={"code": "0", "message": None, "response": None}),
        ("It is not known whether the receipt was cancelled", "no answer came back"),
        "unknown",
        200,
        None,
        None,
        1,
    ),
    (
        "connection dropped, not processed",
        Fault(drop=True, apply=False),
        ("It is not known whether the receipt was cancelled", "no answer came back"),
        "unknown",
        None,
        None,
        None,
        1,
    ),
    (
        "connection dropped after processing",
        Fault(drop=True, apply=True),
        ("It is not known whether the receipt was cancelled", "no answer came back"),
        "unknown",
        None,
        None,
        None,
        1,
    ),
]


@pytest.mark.parametrize(
    ("fault", "sentence", "outcome", "status", "code", "message", "deletes"),
    [pytest.param(*case[1:], id=case[0]) for case in DELETE_FAULTS],
)
def test_delete_fault_is_explained_and_recorded(
    qtbot: QtBot,
    app_paths: AppPaths,
    simulator: Simulator,
    fault: Fault,
    sentence: tuple[str, ...],
    outcome: str,
    status: int | None,
    code: int | None,
    message: str | None,
    deletes: int,
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        simulator.inject("DELETE", "/receipts/external/", fault)
        simulator.reset_requests()
        cancel(qtbot, window)
        text = window.message.text()
        assert says_in_order(text, *sentence), text
        if outcome == "unknown":
            assert "Do not cancel it again" in text
        if message is not None:
            assert text.endswith("Message from PortOne: " + message)
        # Never resent behind the clerk's back; a 401 (not processed) is retried once.
        assert simulator.count("DELETE") == deletes
        assert not window.busy
        qtbot.waitUntil(lambda: window.recent_table.rowCount() == 1)
        if outcome == "unknown":
            qtbot.waitUntil(window.reconcile_button.isVisible)
    [row] = attempts(app_paths)
    assert (
        row["merchant_uid"],
        row["outcome"],
        row["http_status"],
        row["code"],
        row["message"],
    ) == (UID, outcome, status, code, message)
    if message is None:
        # No words from PortOne: the note keeps our own diagnosis for the auditor.
        assert row["note"], row


# ------------------------------------------------------------------ timeouts


def test_read_timeout_on_lookup(qtbot: QtBot, app_paths: AppPaths, simulator: Simulator) -> None:
    simulator.inject("GET", "/receipts/external/", Fault(latency=2.0))
    worker = ApiWorker(app_paths.history_db, client_factory=short_timeouts(read=0.5))
    with open_window(qtbot, app_paths, simulator, worker=worker) as (window, _):
        results = results_of(window)
        look_up(qtbot, window, UID)  # the read timeout, not the late answer, ended it (kind)
        assert says_in_order(
            window.message.text(),
            LOOKUP_FAILED,
            "Check the network or proxy settings and try again.",
            "Details: The PortOne server did not answer in time.",
        )
        error = last_error(results)
        assert isinstance(error, NetworkError) and error.kind == "read_timeout"
        assert_nothing_shown(window)
        assert simulator.count("GET", "/receipts/external/") == 1
    assert attempts(app_paths) == []


def test_read_timeout_on_delete_is_unknown_and_never_resent(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    worker = ApiWorker(app_paths.history_db, client_factory=short_timeouts(read=0.5))
    with open_window(qtbot, app_paths, simulator, worker=worker) as (window, _):
        look_up(qtbot, window, UID)
        simulator.inject("DELETE", "/receipts/external/", Fault(latency=2.0))
        simulator.reset_requests()
        cancel(qtbot, window)
        assert says_in_order(
            window.message.text(),
            "It is not known whether the receipt was cancelled",
            "the cancellation was sent, but no answer came back",
        )
        time.sleep(2.0)  # the late answer arrives on a connection nobody reads
        assert simulator.count("DELETE") == 1
    # The server did cancel it; the history honestly says "unknown" until a lookup.
    assert simulator.receipt(UID)["cancelled_at"]
    [row] = attempts(app_paths)
    assert (row["outcome"], row["http_status"], row["code"], row["message"]) == (
        "unknown",
        None,
        None,
        None,
    )
    assert row["note"] == "answer_lost"  # a code; worded when shown (ui.words.note_text)


@contextlib.contextmanager
def full_backlog() -> Iterator[int]:
    """A loopback port whose accept queue is full: new connections hang in SYN-SENT."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = int(listener.getsockname()[1])
    fillers = []
    try:
        for _ in range(4):
            filler = socket.socket()
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", port))
            fillers.append(filler)
        time.sleep(0.05)
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


def test_connect_timeout(qtbot: QtBot, app_paths: AppPaths) -> None:
    worker = ApiWorker(app_paths.history_db, client_factory=short_timeouts(connect=0.5))
    with full_backlog() as port:
        endpoint = SimpleNamespace(base_url=f"http://127.0.0.1:{port}")
        with open_window(qtbot, app_paths, endpoint, worker=worker) as (window, _):  # type: ignore[arg-type]
            results = results_of(window)
            look_up(qtbot, window, UID)  # pytest's timeout is the bound; the kind says why
            error = last_error(results)
            assert isinstance(error, NetworkError) and error.kind == "connect_timeout"
            assert says_in_order(
                window.message.text(),
                LOOKUP_FAILED,
                "Check the network or proxy settings and try again.",
                "Details: Connecting to the PortOne server took too long.",
            )
            assert_nothing_shown(window)
    assert attempts(app_paths) == []


# ------------------------------------------------------------------ no connection at all


def test_connection_refused_on_lookup(qtbot: QtBot, app_paths: AppPaths) -> None:
    endpoint = SimpleNamespace(base_url=f"http://127.0.0.1:{free_closed_port()}")
    with open_window(qtbot, app_paths, endpoint) as (window, _):  # type: ignore[arg-type]
        results = results_of(window)
        look_up(qtbot, window, UID)
        error = last_error(results)
        assert isinstance(error, NetworkError) and error.kind == "refused"
        assert says_in_order(
            window.message.text(),
            LOOKUP_FAILED,
            "Check the network or proxy settings and try again.",
            "Details: The PortOne server could not be reached (connection refused).",
        )
        assert_nothing_shown(window)
    assert attempts(app_paths) == []


def test_connection_refused_on_delete_fails_and_says_nothing_changed(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        simulator.stop()  # the server is gone between the lookup and the click
        cancel(qtbot, window)
        assert says_in_order(
            window.message.text(),
            NOT_CANCELLED,
            "Check the network or proxy settings and try again.",
            "Details: The PortOne server could not be reached (connection refused).",
        )
        assert simulator.count("DELETE") == 0
    [row] = attempts(app_paths)
    assert (row["outcome"], row["http_status"], row["code"], row["message"]) == (
        "failed",
        None,
        None,
        None,
    )
    assert row["note"] == "network"  # a code: nothing reached PortOne


def test_unresolvable_host_fails_fast(qtbot: QtBot, app_paths: AppPaths) -> None:
    endpoint = SimpleNamespace(base_url="https://nonexistent.invalid")
    with open_window(qtbot, app_paths, endpoint) as (window, _):  # type: ignore[arg-type]
        results = results_of(window)
        look_up(qtbot, window, UID)  # no hang: pytest's timeout is the bound
        error = last_error(results)
        assert isinstance(error, NetworkError) and error.kind == "dns", error
        assert says_in_order(
            window.message.text(),
            LOOKUP_FAILED,
            "Check the network or proxy settings and try again.",
            "Details: The PortOne server's name could not be found.",
        )
        assert_nothing_shown(window)
    assert attempts(app_paths) == []


def test_untrusted_tls_certificate_stops_before_sending(
    qtbot: QtBot, app_paths: AppPaths, tmp_path: Path
) -> None:
    import ssl

    from tests.tls_helpers import self_signed_https_server

    with self_signed_https_server(tmp_path / "tls") as server:
        # Control: the server works for a client that trusts its certificate.
        trusting = ssl.create_default_context(cafile=str(server.cert_path))
        assert httpx.get(server.base_url + "/ping", verify=trusting).status_code == 200
        assert server.requests == ["GET /ping"]
        endpoint = SimpleNamespace(base_url=server.base_url)
        with open_window(qtbot, app_paths, endpoint) as (window, dialogs):  # type: ignore[arg-type]
            results = results_of(window)
            look_up(qtbot, window, UID)
            error = last_error(results)
            assert isinstance(error, NetworkError) and error.kind == "tls", error
            assert says_in_order(
                window.message.text(),
                LOOKUP_FAILED,
                "Check the network or proxy settings and try again.",
                "Details: The server's security certificate could not be verified, so the "
                "connection was stopped.",
            )
            assert dialogs.credential_reasons == []
            assert_nothing_shown(window)
        # Not even getToken (which carries the secret) went over the unverified connection.
        assert server.requests == ["GET /ping"]
    assert attempts(app_paths) == []


# ------------------------------------------------------------------ slow, byte by byte


@pytest.mark.timeout(40)
def test_answer_trickling_byte_by_byte_keeps_the_window_responsive(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    simulator.inject("GET", "/receipts/external/", Fault(byte_delay=0.003))
    simulator.inject("DELETE", "/receipts/external/", Fault(byte_delay=0.003))
    with open_window(qtbot, app_paths, simulator) as (window, _):
        window.order_edit.setText(UID)
        started = time.monotonic()
        with (
            GapMeter() as meter,
            qtbot.waitSignal(
                window.busy_changed, timeout=20_000, check_params_cb=lambda busy: not busy
            ),
        ):
            window.lookup()
        elapsed = time.monotonic() - started
        assert elapsed > 0.5  # it really trickled (hundreds of bytes, 3 ms each)
        assert meter.ticks > 20
        # Generous: only a GUI thread blocked on the network would miss this.
        assert meter.max_gap < 0.5, f"GUI thread stalled for {meter.max_gap:.3f} s"
        assert window.receipt_view.amount.text() == "33,000 won"
        with GapMeter() as meter:
            cancel(qtbot, window, timeout=20_000)
        assert meter.max_gap < 0.5, f"GUI thread stalled for {meter.max_gap:.3f} s"
        assert window.message.text().startswith("The cash receipt was cancelled at ")
        assert simulator.count("DELETE") == 1
    [row] = attempts(app_paths)
    assert (row["outcome"], row["http_status"], row["code"]) == ("cancelled", 200, 0)
