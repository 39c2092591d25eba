"""Issue 18, first frame first: the history's first read starts once the main window's first
frame is on screen, so that the API thread does not compete with the first paint."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from iamport_desk.jobs import Job, StartupJob
from iamport_desk.paths import AppPaths
from iamport_desk.service import DeskService
from iamport_desk.simulator import Simulator
from iamport_desk.ui.first_paint import FALLBACK_MS, after_first_paint
from iamport_desk.ui.main_window import MainWindow
from iamport_desk.worker import ApiThread, ApiWorker
from tests.ui_helpers import make_profiles

pytestmark = pytest.mark.timeout(60)


def window_and_jobs(
    app_paths: AppPaths, simulator: Simulator
) -> tuple[MainWindow, list[tuple[type[Job], bool]]]:
    """A main window, and every job it submits with whether its window was on screen then."""
    thread = ApiThread(ApiWorker(app_paths.history_db))
    submitted: list[tuple[type[Job], bool]] = []
    window = MainWindow(
        DeskService(thread),
        make_profiles(app_paths),
        app_paths,
        api_base_override=simulator.base_url,
    )

    def on_submitted(job: Job) -> None:
        handle = window.windowHandle()
        submitted.append((type(job), handle is not None and handle.isExposed()))

    thread.submitted.connect(on_submitted)
    return window, submitted


def test_the_startup_job_waits_for_the_first_paint(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    window, submitted = window_and_jobs(app_paths, simulator)
    qtbot.addWidget(window)
    try:
        qtbot.wait(50)
        assert submitted == []  # built, not shown: nothing yet
        with qtbot.waitSignal(
            window.job_done, timeout=10_000, check_params_cb=lambda kind, _r: kind == "startup"
        ):
            window.show()
        assert submitted == [(StartupJob, True)]  # once, with the first frame on screen
    finally:
        window.close()
        window.service.stop()


def test_a_window_never_painted_still_starts_up(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    window, submitted = window_and_jobs(app_paths, simulator)
    qtbot.addWidget(window)
    try:
        started = time.monotonic()
        qtbot.waitUntil(lambda: any(kind is StartupJob for kind, _ in submitted), timeout=5_000)
        assert time.monotonic() - started >= FALLBACK_MS / 1000 * 0.9  # the fallback
        assert submitted == [(StartupJob, False)]
    finally:
        window.close()
        window.service.stop()


def test_the_callback_runs_once_after_the_paint_and_never_again(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[bool] = []
    after_first_paint(widget, lambda: calls.append(widget.isVisible()))
    widget.show()
    qtbot.waitUntil(lambda: bool(calls), timeout=5_000)
    widget.update()
    widget.repaint()
    qtbot.wait(FALLBACK_MS + 100)  # neither a later paint nor the fallback calls again
    assert calls == [True]
