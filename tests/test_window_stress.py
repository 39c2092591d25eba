"""The window under stress: impatient clicks and keys, and closing at the worst moment.

Qt warnings already fail every test (qt_log_level_fail = WARNING in pyproject.toml);
this module also asserts explicitly that the two thread warnings the issue names never
appear, and that the API thread has really finished after the window closed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from iamport_desk.paths import AppPaths
from iamport_desk.simulator import Fault, Simulator
from tests.test_faults_window import attempts
from tests.ui_helpers import cancel, look_up, make_profiles, open_window, says_in_order

pytestmark = pytest.mark.timeout(30)

UID = "ORDER-20261125-0001"
PREFIX = "/receipts/external/"
THREAD_WARNINGS = (
    "Destroyed while thread is still running",
    "Timers cannot be started from another thread",
    "Timers cannot be stopped from another thread",
    "Cannot create children for a parent that is in a different thread",
)


@pytest.fixture(autouse=True)
def no_thread_warnings(qtlog: Any) -> Iterator[None]:
    yield
    bad = [r.message for r in qtlog.records if any(w in r.message for w in THREAD_WARNINGS)]
    assert bad == []


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The 'cancellation in progress' box, recorded instead of shown modally."""
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *_a, **_k: shown.append(text)
    )
    return shown


def assert_thread_stopped(window: Any) -> None:
    """Closing asks the thread to stop without blocking; it must end on its own, soon."""
    thread = window.service.api
    assert thread.wait(10_000), "the API thread did not end after the window closed"
    assert thread.finished_running and not thread.running


# ------------------------------------------------------------------ impatient input


def test_enter_key_and_clicks_during_a_lookup_send_one_get(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    simulator.inject("GET", PREFIX, Fault(latency=0.4))
    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        window.order_edit.setText(UID)
        window.order_edit.setFocus()
        simulator.reset_requests()
        with qtbot.waitSignal(
            window.busy_changed, timeout=10_000, check_params_cb=lambda busy: not busy
        ):
            for _ in range(15):
                qtbot.keyClick(window.order_edit, Qt.Key.Key_Return)
                qtbot.keyClick(window.order_edit, Qt.Key.Key_Enter)
                qtbot.mouseClick(window.lookup_button, Qt.MouseButton.LeftButton)
        assert simulator.count("GET", PREFIX) == 1
        assert window.receipt_view.amount.text() == "33,000 won"
        # The result moves the focus to the cancel button; Enter pressed out of habit
        # there must not start a cancellation (no default button in the main window).
        assert window.focusWidget() is window.cancel_button
        for _ in range(5):
            qtbot.keyClick(window.cancel_button, Qt.Key.Key_Return)
            qtbot.keyClick(window.cancel_button, Qt.Key.Key_Enter)
        assert dialogs.confirmed == []
        assert simulator.count("DELETE") == 0
    assert attempts(app_paths) == []


def test_many_cancel_clicks_send_one_delete(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    simulator.inject("DELETE", PREFIX, Fault(latency=0.4))
    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        look_up(qtbot, window, UID)
        with qtbot.waitSignal(
            window.busy_changed, timeout=10_000, check_params_cb=lambda busy: not busy
        ):
            for _ in range(10):
                qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
                window.cancel_action.trigger()
                window.cancel_receipt()
        assert len(dialogs.confirmed) == 1
        assert simulator.count("DELETE") == 1
        assert window.message.text().startswith("The cash receipt was cancelled at ")
        # Once it is cancelled there is nothing left to click.
        for _ in range(5):
            qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
            window.cancel_action.trigger()
            window.cancel_receipt()
        assert len(dialogs.confirmed) == 1 and not window.busy
        assert simulator.count("DELETE") == 1
    assert [r["outcome"] for r in attempts(app_paths)] == ["cancelled"]


# ------------------------------------------------------------------ closing at the worst moment


def test_close_during_a_delete_that_then_drops_records_unknown_before_exit(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, notices: list[str]
) -> None:
    simulator.inject("DELETE", PREFIX, Fault(latency=1.0, drop=True, apply=True))
    with open_window(qtbot, app_paths, simulator) as (window, _):
        messages: list[str] = []
        window.message_shown.connect(messages.append)
        look_up(qtbot, window, UID)
        window.cancel_receipt()
        assert window.busy
        assert window.close() is False  # refused: the DELETE is in flight
        assert window.close() is False  # asking again does not stack up warnings
        window.quit_action.trigger()
        assert len(notices) == 1 and "as soon as its outcome is known" in notices[0]
        assert window.isVisible()
        # Audit first, then the DELETE: the row is 'pending' while the request is out.
        qtbot.waitUntil(
            lambda: [r["outcome"] for r in attempts(app_paths)] == ["pending"], timeout=5000
        )
        assert simulator.count("DELETE") <= 1
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
        # By the time the window is gone the outcome is on disk and the thread is done.
        assert_thread_stopped(window)
        [row] = attempts(app_paths)
        assert (row["outcome"], row["http_status"], row["code"]) == ("unknown", None, None)
        assert any(
            says_in_order(
                m,
                "It is not known whether the receipt was cancelled",
                "the cancellation was sent, but no answer came back",
            )
            for m in messages
        )
    assert simulator.count("DELETE") == 1
    assert simulator.receipt(UID)["cancelled_at"]  # it did happen; "unknown" is honest


def start_slow_lookup(qtbot: QtBot, window: Any, simulator: Simulator, latency: float) -> None:
    """Warm up (history open, token cached), then leave a GET on the wire for ``latency``."""
    look_up(qtbot, window, "ORDER-20261125-0002")
    simulator.inject("GET", PREFIX, Fault(latency=latency))
    simulator.reset_requests()
    window.order_edit.setText(UID)
    window.lookup()
    assert window.busy
    qtbot.waitUntil(lambda: simulator.count("GET", PREFIX) == 1, timeout=5000)


def test_close_during_a_lookup_just_stops(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, notices: list[str]
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        start_slow_lookup(qtbot, window, simulator, latency=1.0)
        started = time.monotonic()
        assert window.close() is True
        elapsed = time.monotonic() - started
        assert not window.isVisible()
        assert notices == []  # no warning: a lookup changes nothing
        assert_thread_stopped(window)
        # It waits at most for the request already on the wire, never for more.
        assert elapsed < 3.0, f"close() took {elapsed:.1f} s"
        qtbot.wait(200)
    assert [(r.method, r.path) for r in simulator.requests] == [("GET", PREFIX + UID)]
    assert attempts(app_paths) == []


def test_close_during_a_slow_lookup_does_not_wait_for_the_answer(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, notices: list[str]
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        start_slow_lookup(qtbot, window, simulator, latency=2.0)
        started = time.monotonic()
        window.close()
        elapsed = time.monotonic() - started
        assert not window.isVisible()
        assert elapsed < 1.0, f"close() blocked for {elapsed:.1f} s"


def test_close_during_a_lookup_releases_the_workers_resources(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, notices: list[str]
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        start_slow_lookup(qtbot, window, simulator, latency=0.5)
        window.close()
        assert_thread_stopped(window)
        worker = window.service.api.worker
        assert not worker.holds_resources


def test_reopened_window_after_close_during_cancel_shows_the_unknown_attempt(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, notices: list[str]
) -> None:
    simulator.inject("DELETE", PREFIX, Fault(latency=0.5, drop=True, apply=False))
    profiles = make_profiles(app_paths)
    with open_window(qtbot, app_paths, simulator, profiles=profiles) as (window, _):
        look_up(qtbot, window, UID)
        window.cancel_receipt()
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
        assert_thread_stopped(window)
    # Next start: the attempt is listed as unknown and checked by a GET, never a DELETE.
    simulator.reset_requests()
    with open_window(qtbot, app_paths, simulator, profiles=profiles) as (window, _):
        qtbot.waitUntil(lambda: window.recent_table.rowCount() == 1, timeout=10_000)
        qtbot.waitUntil(lambda: "1 not cancelled" in window.message.text(), timeout=10_000)
        assert simulator.count("DELETE") == 0
        assert simulator.count("GET", PREFIX) == 1
        # Not cancelled after all: the clerk may now cancel it, once.
        look_up(qtbot, window, UID)
        cancel(qtbot, window)
        assert simulator.count("DELETE") == 1
    assert [r["outcome"] for r in attempts(app_paths)] == ["failed", "cancelled"]
