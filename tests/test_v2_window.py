"""A PortOne V2 store through the real window, API thread, history and the V2 simulator
(loopback), beside a V1 store doing the same: cancelled, refused, failed at the PG, answer
lost and settled by lookup. Each case runs for both kinds (``store`` is parametrized); the
comparison test checks that both leave the same history rows and the same sentences (the
words differ only where V2 differs: its PG's message, its status codes)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iamport_desk.credentials import ProfileStore
from iamport_desk.history import History
from iamport_desk.models import Credentials, StoreApi
from iamport_desk.paths import AppPaths
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Simulator
from iamport_desk.simulator_v2 import (
    DEMO_API_SECRET,
    DEMO_FORBIDDEN_SECRET,
    DEMO_STORE_ID,
    Fault,
    SimulatorV2,
)
from iamport_desk.store_clients import client_for
from tests.ui_helpers import (
    LOOKUP_FAILED,
    NOT_CANCELLED,
    PROFILE,
    Dialogs,
    attempts,
    cancel,
    look_up,
    make_profiles,
    make_v2_profiles,
    open_window,
    says_in_order,
)

pytestmark = pytest.mark.timeout(60)

ORDERS = {
    StoreApi.V1: {
        "cancelled": "ORDER-20261125-0001",
        "second": "ORDER-20261125-0002",
        "not_issued": "ORDER-NONE-9999",
        "already_cancelled": "ORDER-20261120-0003",
        "pg_failure": "ORDER-PG-FAIL",
        "lost": "ORDER-LOST",
    },
    StoreApi.V2: {
        "cancelled": "pay-20261125-0001",
        "second": "pay-20261125-0002",
        "not_issued": "pay-none-9999",
        "already_cancelled": "pay-20261120-0003",
        "pg_failure": "pay-pg-fail",
        "lost": "pay-lost",
    },
}
# What each simulator's PG says when it refuses (passed through as plain text).
PG_WORDS = {StoreApi.V1: "원거래 없음", StoreApi.V2: "[8117] 원거래가 존재하지 않습니다"}


@dataclass
class Store:
    """One kind of store and its simulator: the practice orders, the profiles for the window,
    and the cancel requests that reached the server."""

    api: StoreApi
    sim: Simulator | SimulatorV2

    def order(self, case: str) -> str:
        return ORDERS[self.api][case]

    def profiles(self, paths: AppPaths, secret: str | None = None) -> ProfileStore:
        if self.api is StoreApi.V2:
            return make_v2_profiles(paths, secret=secret or DEMO_API_SECRET)
        return make_profiles(paths, secret=secret or DEMO_IMP_SECRET)

    def cancels(self) -> int:
        """V1's DELETE /receipts/external/..., V2's POST .../cash-receipt/cancel."""
        if self.api is StoreApi.V2:
            return sum(r.path.endswith("/cash-receipt/cancel") for r in self.sim.requests)
        return self.sim.count("DELETE")

    def cancel_elsewhere(self, uid: str) -> None:
        """Another computer cancels ``uid`` through PortOne, not this window."""
        if self.api is StoreApi.V2:
            credentials = Credentials(
                "", DEMO_API_SECRET, api_base=self.sim.base_url, api=StoreApi.V2,
                store_id=DEMO_STORE_ID,
            )  # fmt: skip
        else:
            credentials = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=self.sim.base_url)
        client = client_for(credentials)
        try:
            client.cancel(uid)
        finally:
            client.close()


@contextmanager
def running_store(api: StoreApi) -> Iterator[Store]:
    """A store of kind ``api`` with its own started simulator, stopped afterwards."""
    with Simulator() if api is StoreApi.V1 else SimulatorV2() as sim:
        yield Store(api, sim)


@pytest.fixture(params=[StoreApi.V1, StoreApi.V2], ids=["v1", "v2"])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    with running_store(request.param) as started:
        yield started


@pytest.fixture
def v2_store() -> Iterator[Store]:
    """For what only V2 has (ISSUE_FAILED, pgCode, the Idempotency-Key)."""
    with running_store(StoreApi.V2) as started:
        yield started


# ---- (a) cancelled ------------------------------------------------------------------------


def test_a_store_cancels_once_and_records(qtbot: QtBot, app_paths: AppPaths, store: Store) -> None:
    uid = store.order("cancelled")
    with open_window(qtbot, app_paths, store.sim, profiles=store.profiles(app_paths)) as (
        window,
        dialogs,
    ):
        # The store box says which kind the store is (the full name in its tooltip).
        assert window.profile_combo.currentText() == f"{PROFILE} [{store.api.value.upper()}]"
        tooltip = window.profile_combo.itemData(0, Qt.ItemDataRole.ToolTipRole)
        assert tooltip == f"PortOne {store.api.value.upper()} store" + (
            " (iamport)" if store.api is StoreApi.V1 else ""
        )
        look_up(qtbot, window, uid)
        assert window.receipt_view.amount.text() == "33,000 won"
        assert window.cancel_button.isEnabled()
        store.sim.reset_requests()
        cancel(qtbot, window)
        assert [r.merchant_uid for r in dialogs.confirmed] == [uid]
        assert store.cancels() == 1  # one cancellation after the confirm click
        assert window.message.text().startswith("The cash receipt was cancelled at ")
        assert window.receipt_view.status.text() == "Cancelled"
        assert not window.cancel_button.isEnabled()
        qtbot.waitUntil(lambda: window.recent_table.rowCount() == 1)
        assert window.recent_table.item(0, 1).text() == uid
    [row] = attempts(app_paths)
    assert (row["merchant_uid"], row["outcome"], row["http_status"]) == (uid, "cancelled", 200)
    with History(app_paths.history_db) as history:
        [entry] = history.recent()
    assert entry.amount == 33000 and entry.cancelled_at


def test_declining_sends_no_cancel(qtbot: QtBot, app_paths: AppPaths, store: Store) -> None:
    dialogs = Dialogs(confirm_answer=False)
    profiles = store.profiles(app_paths)
    with open_window(qtbot, app_paths, store.sim, profiles=profiles, dialogs=dialogs) as (
        window,
        _,
    ):
        look_up(qtbot, window, store.order("cancelled"))
        store.sim.reset_requests()
        window.cancel_receipt()
        assert store.sim.count() == 0
        assert "Nothing was cancelled" in window.message.text()
    assert attempts(app_paths) == []


@pytest.mark.parametrize("uid", ["결제-한글-0005", "pay/A B#7?x%+"])
def test_a_v2_payment_id_with_hangul_or_symbols_is_cancelled_as_one_path_segment(
    qtbot: QtBot, app_paths: AppPaths, v2_store: Store, uid: str
) -> None:
    store = v2_store
    with open_window(qtbot, app_paths, store.sim, profiles=store.profiles(app_paths)) as (
        window,
        _,
    ):
        look_up(qtbot, window, uid)
        assert window.receipt_view.merchant_uid.text() == uid
        store.sim.reset_requests()
        cancel(qtbot, window)
        assert window.message.text().startswith("The cash receipt was cancelled at ")
        [post] = [r for r in store.sim.requests if r.method == "POST"]
        segment = quote(uid, safe="")
        assert post.raw_path.partition("?")[0] == f"/payments/{segment}/cash-receipt/cancel"
    receipt = store.sim.receipt(uid, DEMO_STORE_ID)
    assert receipt is not None and receipt["status"] == "CANCELLED"
    assert [(r["merchant_uid"], r["outcome"]) for r in attempts(app_paths)] == [(uid, "cancelled")]


# ---- (b) refused ------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["not_issued", "already_cancelled"])
def test_nothing_to_cancel_offers_nothing(
    qtbot: QtBot, app_paths: AppPaths, store: Store, case: str
) -> None:
    with open_window(qtbot, app_paths, store.sim, profiles=store.profiles(app_paths)) as (
        window,
        _,
    ):
        look_up(qtbot, window, store.order(case))
        text = window.message.text()
        if case == "not_issued":
            assert says_in_order(text, LOOKUP_FAILED, "no cash receipt was issued for this order")
            # Read right for both kinds: the store as chosen, not V1's Tier code alone.
            assert "the store chosen above" in text and "Tier code" not in text
        else:
            assert "already cancelled" in text and "(KST)" in text
        assert not window.cancel_button.isEnabled()
        window.cancel_receipt()  # the shortcut path refuses too
        assert store.cancels() == 0
    assert attempts(app_paths) == []


def test_a_v2_receipt_whose_issue_failed_offers_nothing(
    qtbot: QtBot, app_paths: AppPaths, v2_store: Store
) -> None:
    store = v2_store
    with open_window(qtbot, app_paths, store.sim, profiles=store.profiles(app_paths)) as (
        window,
        _,
    ):
        look_up(qtbot, window, "pay-issue-failed")  # ISSUE_FAILED: no amount, no number
        assert says_in_order(window.message.text(), LOOKUP_FAILED, "nothing to cancel")
        assert not window.cancel_button.isEnabled()
        assert store.cancels() == 0
    assert attempts(app_paths) == []


def test_cancelled_elsewhere_meanwhile_is_refused_and_recorded(
    qtbot: QtBot, app_paths: AppPaths, store: Store
) -> None:
    uid = store.order("second")
    with open_window(qtbot, app_paths, store.sim, profiles=store.profiles(app_paths)) as (
        window,
        _,
    ):
        look_up(qtbot, window, uid)
        store.cancel_elsewhere(uid)  # V1 answers "already cancelled", V2 CASH_RECEIPT_NOT_ISSUED
        store.sim.reset_requests()
        cancel(qtbot, window)
        assert store.cancels() == 1
        portone_words = {StoreApi.V1: "이미 취소된", StoreApi.V2: "발급되지 않은"}[store.api]
        assert portone_words in window.message.text()
        # One lookup after the refusal: PortOne has it cancelled, so the window says so,
        # shows the receipt as it is now, and leaves nothing to press.
        lookups = [r for r in store.sim.requests if r.method == "GET"]
        assert len(lookups) == 1, [r.path for r in store.sim.requests]
        assert window.message.text().startswith("Nothing more to do: this receipt is already")
        assert window.shown_receipt is not None and window.shown_receipt.is_cancelled
        assert not window.cancel_button.isEnabled()
        assert not window.cancel_action.isEnabled()
    [row] = attempts(app_paths)
    assert (row["outcome"], row["http_status"]) == (
        "failed",
        {StoreApi.V1: 400, StoreApi.V2: 404}[store.api],
    )
    assert portone_words in row["message"]


@pytest.mark.parametrize(
    ("api", "secret"),
    [
        (StoreApi.V1, "wrong-secret-123"),
        (StoreApi.V2, "a-well-formed-wrong-secret"),  # 401 UNAUTHORIZED
    ],
    ids=["v1-wrong", "v2-wrong"],
)
def test_a_refused_secret_reopens_the_credentials_dialog(
    qtbot: QtBot, app_paths: AppPaths, api: StoreApi, secret: str
) -> None:
    with running_store(api) as store:
        profiles = store.profiles(app_paths, secret=secret)
        with open_window(qtbot, app_paths, store.sim, profiles=profiles) as (window, dialogs):
            look_up(qtbot, window, store.order("cancelled"))
            assert dialogs.credential_reasons, "the credentials dialog was not reopened"
            reason = dialogs.credential_reasons[-1]
            assert reason
            # Each kind is asked for what it has: V1 its key and secret, V2 its one secret.
            wanted = {StoreApi.V1: "REST API key and secret", StoreApi.V2: "V2 API secret"}
            assert wanted[api] in reason, reason
            assert secret not in window.message.text()
            assert not window.cancel_button.isEnabled()
            assert store.cancels() == 0
    assert attempts(app_paths) == []


def test_a_forbidden_v2_secret_says_who_can_fix_it(qtbot: QtBot, app_paths: AppPaths) -> None:
    """403 FORBIDDEN: the secret works but lacks the permission (or the store id is another's).
    Typing it again cannot help, so the dialog is not reopened; the sentence says who can."""
    with running_store(StoreApi.V2) as store:
        profiles = store.profiles(app_paths, secret=DEMO_FORBIDDEN_SECRET)
        with open_window(qtbot, app_paths, store.sim, profiles=profiles) as (window, dialogs):
            look_up(qtbot, window, store.order("cancelled"))
            text = window.message.text()
            assert says_in_order(text, LOOKUP_FAILED, "Ask whoever manages the PortOne account")
            assert dialogs.credential_reasons == []
            assert DEMO_FORBIDDEN_SECRET not in text
            assert not window.cancel_button.isEnabled()
            assert store.cancels() == 0
    assert attempts(app_paths) == []


# ---- (c) failed at the PG ---------------------------------------------------------------


def test_a_pg_refusal_keeps_the_pgs_words(qtbot: QtBot, app_paths: AppPaths, store: Store) -> None:
    uid = store.order("pg_failure")
    with open_window(qtbot, app_paths, store.sim, profiles=store.profiles(app_paths)) as (
        window,
        _,
    ):
        look_up(qtbot, window, uid)
        store.sim.reset_requests()
        cancel(qtbot, window)
        assert store.cancels() == 1
        text = window.message.text()
        assert says_in_order(text, NOT_CANCELLED, "The payment gateway refused or failed")
        assert PG_WORDS[store.api] in text
        assert window.message.textFormat() == Qt.TextFormat.PlainText
    [row] = attempts(app_paths)
    expected_status = {StoreApi.V1: 500, StoreApi.V2: 502}[store.api]
    assert (row["merchant_uid"], row["outcome"], row["http_status"]) == (
        uid,
        "failed",
        expected_status,
    )
    assert PG_WORDS[store.api] in row["message"]


def test_a_v2_pgs_message_is_shown_as_plain_text(
    qtbot: QtBot, app_paths: AppPaths, v2_store: Store
) -> None:
    pg_message = "<b>거절</b><img src=x>"
    store = v2_store
    assert isinstance(store.sim, SimulatorV2)
    refusal = {"type": "PG_PROVIDER", "message": "<i>PG</i>", "pgCode": "E<1>",
               "pgMessage": pg_message}  # fmt: skip
    store.sim.add_receipt(
        "pay-html-pg", amount=1000, store_id=DEMO_STORE_ID,
        on_cancel=Fault(status=502, body=refusal),
    )  # fmt: skip
    with open_window(qtbot, app_paths, store.sim, profiles=store.profiles(app_paths)) as (
        window,
        _,
    ):
        look_up(qtbot, window, "pay-html-pg")
        cancel(qtbot, window)
        assert pg_message in window.message.text() and "<i>PG</i>" in window.message.text()
        assert window.message.textFormat() == Qt.TextFormat.PlainText
    [row] = attempts(app_paths)
    assert row["outcome"] == "failed" and pg_message in row["message"]
    # V2's facts are kept apart for the auditor, as they came.
    with History(app_paths.history_db) as history:
        [entry] = history.query()
    assert (entry.error_type, entry.pg_code, entry.pg_message) == (
        "PG_PROVIDER",
        "E<1>",
        pg_message,
    )
    # The key the POST carried is the row's (kept before it left).
    [post] = [r for r in store.sim.requests if r.method == "POST" and r.path.endswith("/cancel")]
    assert entry.idempotency_key and post.headers["Idempotency-Key"] == entry.idempotency_key


# ---- (d) the answer is lost -------------------------------------------------------------


def test_a_lost_answer_is_unknown_and_never_resent(
    qtbot: QtBot, app_paths: AppPaths, store: Store
) -> None:
    uid = store.order("lost")  # the simulator cancels it, then drops the connection
    with open_window(qtbot, app_paths, store.sim, profiles=store.profiles(app_paths)) as (
        window,
        _,
    ):
        look_up(qtbot, window, uid)
        store.sim.reset_requests()
        cancel(qtbot, window)
        assert "not known whether" in window.message.text()
        assert store.cancels() == 1
        assert [r["outcome"] for r in attempts(app_paths)] == ["unknown"]
        # The clerk looks it up again: PortOne says it is cancelled; nothing is sent twice.
        look_up(qtbot, window, uid)
        assert "already cancelled" in window.message.text()
        assert not window.cancel_button.isEnabled()
        window.cancel_receipt()
        assert store.cancels() == 1


def test_the_history_check_settles_a_lost_answer_by_lookup(
    qtbot: QtBot, app_paths: AppPaths, store: Store
) -> None:
    uid = store.order("lost")
    with open_window(qtbot, app_paths, store.sim, profiles=store.profiles(app_paths)) as (
        window,
        _,
    ):
        look_up(qtbot, window, uid)
        cancel(qtbot, window)
        store.sim.reset_requests()
        qtbot.waitUntil(lambda: window.reconcile_button.isVisible())
        with qtbot.waitSignal(
            window.busy_changed, timeout=10_000, check_params_cb=lambda busy: not busy
        ):
            window.reconcile()
        assert store.cancels() == 0  # checked with a GET, never a second cancellation
        assert "1 cancelled" in window.message.text()
    assert [(r["outcome"], r["note"]) for r in attempts(app_paths)] == [
        ("cancelled", "answer_lost; confirmed_by_lookup")
    ]


def test_a_v2_cancel_carries_an_idempotency_key(
    qtbot: QtBot, app_paths: AppPaths, v2_store: Store
) -> None:
    store = v2_store
    with open_window(qtbot, app_paths, store.sim, profiles=store.profiles(app_paths)) as (
        window,
        _,
    ):
        look_up(qtbot, window, store.order("lost"))
        store.sim.reset_requests()
        cancel(qtbot, window)
        [post] = [r for r in store.sim.requests if r.method == "POST"]
        assert post.query == {"storeId": DEMO_STORE_ID}
        key = post.headers.get("Idempotency-Key", "")
        assert key and len(key) <= 255 and key.isascii() and " " not in key


# ---- V1 and V2 side by side -------------------------------------------------------------

CASES = ("cancelled", "not_issued", "already_cancelled", "pg_failure", "lost")


def _sentence_kind(text: str) -> str:
    """The sentence without what differs by design: PortOne's own words (second line), the
    HTTP status and V1's code, and the clock."""
    first = text.split("\n", 1)[0]
    first = re.sub(r" \(HTTP [^)]*\)", "", first)
    return re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "<time>", first)


def _walk(qtbot: QtBot, paths: AppPaths, store: Store) -> tuple[dict[str, str], list[Any]]:
    sentences: dict[str, str] = {}
    with open_window(qtbot, paths, store.sim, profiles=store.profiles(paths)) as (window, _):
        for case in CASES:
            look_up(qtbot, window, store.order(case))
            if window.cancel_button.isEnabled():
                cancel(qtbot, window)
            sentences[case] = _sentence_kind(window.message.text())
        qtbot.waitUntil(lambda: window.reconcile_button.isVisible())
        with qtbot.waitSignal(
            window.busy_changed, timeout=10_000, check_params_cb=lambda busy: not busy
        ):
            window.reconcile()
        sentences["reconciled"] = window.message.text()
    return sentences, [(r["outcome"], r["note"]) for r in attempts(paths)]


def test_both_kinds_leave_the_same_rows_and_sentences(qtbot: QtBot, tmp_path: Any) -> None:
    runs = {}
    for api in (StoreApi.V1, StoreApi.V2):
        paths = AppPaths.under(tmp_path / api.value)
        paths.ensure()
        with running_store(api) as store:
            runs[api] = _walk(qtbot, paths, store)
    (v1_sentences, v1_rows), (v2_sentences, v2_rows) = runs[StoreApi.V1], runs[StoreApi.V2]
    assert (
        v1_rows
        == v2_rows
        == [
            ("cancelled", None),
            ("failed", None),
            ("cancelled", "answer_lost; confirmed_by_lookup"),
        ]
    )
    assert v1_sentences == v2_sentences
    assert says_in_order(v1_sentences["pg_failure"], NOT_CANCELLED, "The payment gateway refused")
