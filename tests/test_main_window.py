"""The clerk's flows through the real window, worker thread, history and simulator."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from iamport_desk.history import History
from iamport_desk.models import Outcome
from iamport_desk.paths import AppPaths
from iamport_desk.simulator import Fault, Simulator
from tests.ui_helpers import (
    LOOKUP_FAILED,
    PROFILE,
    Dialogs,
    attempts,
    cancel,
    look_up,
    make_profiles,
    open_window,
    says_in_order,
)

pytestmark = pytest.mark.timeout(60)


def history_rows(paths: AppPaths) -> list[tuple[str, str, int | None, str | None]]:
    return [
        (row["merchant_uid"], row["outcome"], row["http_status"], row["message"])
        for row in attempts(paths)
    ]


def test_happy_path_cancels_once_and_records(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    uid = "ORDER-20261125-0001"
    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        assert window.order_edit.hasFocus() or window.focusWidget() is window.order_edit
        look_up(qtbot, window, uid)
        assert window.receipt_view.amount.text() == "33,000 won"
        assert window.cancel_button.isEnabled()
        simulator.reset_requests()
        cancel(qtbot, window)
        assert len(dialogs.confirmed) == 1 and dialogs.confirmed[0].merchant_uid == uid
        # Exactly one request after the confirm click: the DELETE (token cached, kept alive).
        assert [r.method for r in simulator.requests] == ["DELETE"]
        assert simulator.receipt(uid)["cancelled_at"]
        assert "cancelled" in window.message.text()
        assert window.receipt_view.status.text() == "Cancelled"
        assert not window.cancel_button.isEnabled()
        qtbot.waitUntil(lambda: window.recent_table.rowCount() == 1)
        assert window.recent_table.item(0, 1).text() == uid
    assert history_rows(app_paths) == [(uid, "cancelled", 200, None)]


def test_declining_the_confirmation_sends_nothing(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator, dialogs=Dialogs(confirm_answer=False)) as (
        window,
        _,
    ):
        look_up(qtbot, window, "ORDER-20261125-0001")
        simulator.reset_requests()
        window.cancel_receipt()
        assert not window.busy
        assert simulator.count() == 0
        assert "Nothing was cancelled" in window.message.text()
    assert history_rows(app_paths) == []


def test_not_found_explains_and_offers_nothing(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, "ORDER-NONE-9999")
        assert says_in_order(
            window.message.text(), LOOKUP_FAILED, "no cash receipt was issued"
        ), window.message.text()
        assert not window.cancel_button.isEnabled()


def test_already_cancelled_shows_when_and_sends_no_delete(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, "ORDER-20261120-0003")
        assert "already cancelled" in window.message.text()
        assert "(KST)" in window.message.text()
        assert not window.cancel_button.isEnabled()
        window.cancel_receipt()  # the shortcut path must refuse too
        assert simulator.count("DELETE") == 0


def test_pg_failure_is_recorded_with_status_and_message(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, "ORDER-PG-FAIL")
        cancel(qtbot, window)
        text = window.message.text()
        assert "payment gateway refused" in text
        assert "원거래 없음" in text  # PortOne's own message, passed through
    [(uid, outcome, status, message)] = history_rows(app_paths)
    assert (uid, outcome, status) == ("ORDER-PG-FAIL", "failed", 500)
    assert message is not None and "원거래 없음" in message


def test_bad_credentials_reopen_the_dialog_with_the_reason(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    profiles = make_profiles(app_paths, secret="wrong-secret-123")
    with open_window(qtbot, app_paths, simulator, profiles=profiles) as (window, dialogs):
        look_up(qtbot, window, "ORDER-20261125-0001")
        assert dialogs.credential_reasons, "the credentials dialog was not reopened"
        assert "did not accept" in (dialogs.credential_reasons[-1] or "")
        assert not window.cancel_button.isEnabled()
    assert history_rows(app_paths) == []


def test_missing_credentials_open_the_dialog_first(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    profiles = make_profiles(app_paths, secret=None)
    with open_window(qtbot, app_paths, simulator, profiles=profiles) as (window, dialogs):
        window.order_edit.setText("ORDER-20261125-0001")
        window.lookup()
        assert len(dialogs.credential_reasons) == 1
        assert not window.busy
        assert simulator.count() == 0


def test_unknown_outcome_is_recorded_then_reconciled(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    uid = "ORDER-LOST"
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, uid)
        cancel(qtbot, window)
        assert "not known whether" in window.message.text()
        assert simulator.count("DELETE") == 1
        assert history_rows(app_paths)[0][1] == "unknown"
        qtbot.waitUntil(lambda: window.reconcile_button.isVisible())
        with qtbot.waitSignal(
            window.busy_changed, timeout=10_000, check_params_cb=lambda busy: not busy
        ):
            window.reconcile()
        assert simulator.count("DELETE") == 1  # checked with a GET, never a second DELETE
        assert "1 cancelled" in window.message.text()
    with History(app_paths.history_db) as history:
        [entry] = history.recent()
    assert entry.outcome == Outcome.CANCELLED
    assert entry.note and "lookup" in entry.note


def test_many_enter_presses_send_one_lookup(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    simulator.latency = 0.3
    with open_window(qtbot, app_paths, simulator) as (window, _):
        window.order_edit.setText("ORDER-20261125-0001")
        simulator.reset_requests()
        with qtbot.waitSignal(
            window.busy_changed, timeout=10_000, check_params_cb=lambda busy: not busy
        ):
            for _ in range(10):
                window.lookup()
                window.lookup_button.click()
        assert simulator.count("GET", "/receipts/external/") == 1


def test_duplicate_guard_uses_the_history(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    uid = "ORDER-20261125-0002"
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, uid)
        cancel(qtbot, window)
        # The lookup disagrees with the history (a stale answer): the history wins.
        stale = {
            "code": 0,
            "message": None,
            "response": {**simulator.receipt(uid), "cancelled_at": 0},
        }
        simulator.inject("GET", "/receipts/external/", Fault(status=200, body=stale))
        look_up(qtbot, window, uid)
        cancel(qtbot, window)
        assert "already cancelled" in window.message.text()
        assert simulator.count("DELETE") == 1


def test_unwritable_history_refuses_before_any_request(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, tmp_path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with open_window(qtbot, app_paths, simulator, history_path=blocker / "history.sqlite3") as (
        window,
        _,
    ):
        look_up(qtbot, window, "ORDER-20261125-0001")
        simulator.reset_requests()
        cancel(qtbot, window)
        assert "audit history could not be read or written" in window.message.text()
        assert "nothing was sent to PortOne" in window.message.text()
        assert simulator.count() == 0


def test_server_html_is_shown_as_plain_text(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    simulator.inject(
        "DELETE",
        "/receipts/external/",
        Fault(status=500, body={"code": -1, "message": "<b>bold</b><img src=x>", "response": None}),
    )
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, "ORDER-20261125-0001")
        cancel(qtbot, window)
        assert "<b>bold</b><img src=x>" in window.message.text()
        from PySide6.QtCore import Qt

        assert window.message.textFormat() == Qt.TextFormat.PlainText


def test_close_during_cancellation_waits_for_the_outcome(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    notices: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text: notices.append(text)
    )
    uid = "ORDER-SLOW"
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, uid)
        window.cancel_receipt()
        assert window.busy
        assert window.close() is False  # refused for now
        assert notices and "as soon as its outcome is known" in notices[0]
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=15_000)
    assert history_rows(app_paths) == [(uid, "cancelled", 200, None)]


def test_profile_switch_uses_the_new_key_and_not_the_old_token(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    from iamport_desk.models import Profile
    from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET

    simulator = Simulator(keys={DEMO_IMP_KEY: DEMO_IMP_SECRET, "second-key": "second-secret-xyz"})
    simulator.start()
    try:
        _switch_profiles(qtbot, app_paths, simulator, Profile)
    finally:
        simulator.stop()


def _switch_profiles(qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, Profile) -> None:
    profiles = make_profiles(app_paths)
    profiles.save_profile(Profile("서초점", "second-key"), "second-secret-xyz")
    with open_window(qtbot, app_paths, simulator, profiles=profiles) as (window, _):
        look_up(qtbot, window, "ORDER-20261125-0001")
        first_token = simulator.requests[-1].headers.get("Authorization")
        window.profile_combo.setCurrentIndex(window.profile_combo.findData("서초점"))
        window.on_profile_combo_activated(window.profile_combo.currentIndex())
        assert window.active_profile() == "서초점"
        # The settings file is written on the API thread, queued.
        qtbot.waitUntil(lambda: profiles.active().name == "서초점", timeout=5_000)
        simulator.reset_requests()
        look_up(qtbot, window, "ORDER-20261125-0001")
        token_calls = [r for r in simulator.requests if r.path == "/users/getToken"]
        assert len(token_calls) == 1
        assert simulator.requests[-1].headers.get("Authorization") != first_token
    assert PROFILE != "서초점"


def test_a_new_cancel_after_an_unknown_outcome_asks_portone_first(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    uid = "ORDER-LOST"
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, uid)
        cancel(qtbot, window)
        # The shown receipt may be stale after an unknown outcome: it stays shown, marked
        # unknown (issue 13), with nothing to cancel from it until it is settled.
        assert not window.cancel_button.isEnabled()
        assert window.receipt_view.merchant_uid.text() == uid
        assert window.receipt_view.marked_unknown
        # The recent attempts follow the result (the worker publishes them after it).
        def table_says_unknown() -> None:
            item = window.recent_table.item(0, 4)
            assert item is not None and "No answer came back" in item.text()

        qtbot.waitUntil(table_says_unknown, timeout=5_000)
        # The clerk looks it up again before the automatic check ran: the (stale) lookup
        # says "not cancelled", yet the worker checks the unknown attempt before any DELETE.
        stale = {
            "code": 0,
            "message": None,
            "response": {**simulator.receipt(uid), "cancelled_at": 0},
        }
        simulator.inject("GET", "/receipts/external/", Fault(status=200, body=stale))
        look_up(qtbot, window, uid)
        simulator.reset_requests()
        cancel(qtbot, window)
        assert simulator.count("DELETE") == 0
        assert simulator.count("GET", "/receipts/external/") == 1
        assert "already cancelled" in window.message.text()
    with History(app_paths.history_db) as history:
        [entry] = history.recent()
    assert entry.outcome == Outcome.CANCELLED and "lookup" in (entry.note or "")


def test_an_html_error_page_on_delete_is_an_unknown_outcome(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    simulator.inject(
        "DELETE",
        "/receipts/external/",
        Fault(
            status=500,
            body="<html><body>Internal error</body></html>",
            content_type="text/html",
            apply=True,
        ),
    )
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, "ORDER-20261125-0001")
        cancel(qtbot, window)
        assert "not known whether" in window.message.text()
    assert history_rows(app_paths) == [("ORDER-20261125-0001", "unknown", 500, None)]


def test_a_timer_firing_after_the_window_closed_sends_nothing(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        window.on_api_unresolved_changed(1)  # as if an attempt had an unknown outcome
        window.close()
        simulator.reset_requests()
        window.reconcile()  # the reconcile timer or the start-up's check, late
        window.lookup()
        assert not window.busy
    assert simulator.count() == 0
