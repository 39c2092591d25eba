"""Issue 12: after a few seconds the window says it is still waiting; a lookup can be
abandoned with Esc, a cancellation cannot (it is left to its answer or its deadline)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iamport_desk.paths import AppPaths
from iamport_desk.simulator import Fault, Simulator
from iamport_desk.ui.waiting import WaitingNotice
from tests.ui_helpers import cancel, look_up, open_window

pytestmark = pytest.mark.timeout(60)

PREFIX = "/receipts/external/"
ORDER = "ORDER-20261125-0001"


@pytest.fixture(autouse=True)
def impatient(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WaitingNotice, "STILL_WAITING_MS", 200)


def test_a_slow_lookup_says_it_waits_and_esc_stops_waiting(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    simulator.inject("GET", PREFIX, Fault(latency=30.0))
    with open_window(qtbot, app_paths, simulator) as (window, _):
        window.order_edit.setText(ORDER)
        window.lookup()
        qtbot.waitUntil(lambda: "Still waiting" in window.message.text(), timeout=10_000)
        qtbot.waitUntil(lambda: simulator.count("GET", PREFIX) == 1, timeout=10_000)  # sent
        assert window.busy
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not window.busy, timeout=5_000)
        assert window.message.text().startswith("Stopped waiting for the lookup. Nothing was")
        assert window.order_edit.hasFocus() or window.order_edit.isEnabled()
        # The API thread is free again at once: the next lookup answers (no fault left).
        look_up(qtbot, window, ORDER)
        assert window.cancel_button.isEnabled()
    assert simulator.count("GET", PREFIX) == 2
    assert simulator.count("DELETE") == 0


def test_esc_does_not_stop_a_cancellation_that_was_sent(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, ORDER)
        simulator.inject("DELETE", PREFIX, Fault(latency=1.5, apply=True))
        seen: list[str] = []
        window.message_shown.connect(seen.append)
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # idle: nothing to stop, nothing happens
        cancel(qtbot, window, timeout=20_000)
        assert any("cannot be stopped" in text for text in seen)
        assert window.message.text().startswith("The cash receipt was cancelled at ")
    assert simulator.count("DELETE") == 1


def test_esc_while_a_cancellation_runs_leaves_it_running(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, ORDER)
        simulator.inject("DELETE", PREFIX, Fault(latency=1.5, apply=True))
        window.cancel_receipt()
        qtbot.waitUntil(lambda: "cannot be stopped" in window.message.text(), timeout=10_000)
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        assert window.busy  # still waiting for the answer
        qtbot.waitUntil(lambda: not window.busy, timeout=20_000)
        assert window.message.text().startswith("The cash receipt was cancelled at ")
    assert simulator.count("DELETE") == 1
