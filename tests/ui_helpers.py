"""Builders for window tests: a real worker thread, a real simulator, injected dialogs."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QLabel, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.models import Profile, Receipt, StoreApi
from iamport_desk.paths import AppPaths
from iamport_desk.service import DeskService
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Simulator
from iamport_desk.simulator_v2 import DEMO_API_SECRET, DEMO_STORE_ID, SimulatorV2
from iamport_desk.ui.main_dialogs import Answer
from iamport_desk.ui.main_window import MainWindow
from iamport_desk.worker import ApiThread, ApiWorker

PROFILE = "강남점"


@dataclass
class Dialogs:
    """Stand-ins for the two modal dialogs, recording what they were asked."""

    confirm_answer: Answer = True  # True: 거래취소 without a memo (see as_decision)
    confirmed: list[Receipt] = field(default_factory=list)
    credential_reasons: list[str | None] = field(default_factory=list)
    on_credentials: object = None  # callable(window) -> bool, optional

    def confirm(self, _window: MainWindow, receipt: Receipt) -> Answer:
        self.confirmed.append(receipt)
        return self.confirm_answer

    def open_credentials(self, window: MainWindow, reason: str | None) -> bool:
        self.credential_reasons.append(reason)
        if callable(self.on_credentials):
            return bool(self.on_credentials(window))
        return False


def make_profiles(
    paths: AppPaths,
    *,
    secret: str | None = DEMO_IMP_SECRET,
    key: str = DEMO_IMP_KEY,
    tier: str | None = None,
) -> ProfileStore:
    store = ProfileStore(paths.settings_file, SecretStore())
    if secret is not None:
        store.save_profile(Profile(PROFILE, key, tier), secret)
        store.set_active(PROFILE)
    return store


def make_v2_profiles(
    paths: AppPaths, *, secret: str = DEMO_API_SECRET, store_id: str | None = DEMO_STORE_ID
) -> ProfileStore:
    """Like ``make_profiles``, for a PortOne V2 store (the V2 simulator's practice store)."""
    store = ProfileStore(paths.settings_file, SecretStore())
    store.save_profile(Profile(PROFILE, api=StoreApi.V2, store_id=store_id), secret)
    store.set_active(PROFILE)
    return store


@contextmanager
def open_window(
    qtbot: QtBot,
    paths: AppPaths,
    simulator: Simulator | SimulatorV2,
    *,
    profiles: ProfileStore | None = None,
    dialogs: Dialogs | None = None,
    worker: ApiWorker | None = None,
    history_path: Path | None = None,
    demo_orders: dict[str, str] | None = None,
) -> Iterator[tuple[MainWindow, Dialogs]]:
    dialogs = dialogs or Dialogs()
    profiles = profiles or make_profiles(paths)
    api = DeskService(ApiThread(worker or ApiWorker(history_path or paths.history_db)))
    window = MainWindow(
        api,
        profiles,
        paths,
        open_credentials=dialogs.open_credentials,
        confirm=dialogs.confirm,
        api_base_override=simulator.base_url,
        demo_orders=demo_orders,
    )
    qtbot.addWidget(window)
    window.show()
    try:
        yield window, dialogs
    finally:
        window.close()
        api.stop()


def look_up(qtbot: QtBot, window: MainWindow, uid: str) -> None:
    window.order_edit.setText(uid)
    with qtbot.waitSignal(
        window.busy_changed, timeout=10_000, check_params_cb=lambda busy: not busy
    ):
        window.lookup()


def cancel(qtbot: QtBot, window: MainWindow, timeout: int = 15_000) -> None:
    with qtbot.waitSignal(
        window.busy_changed, timeout=timeout, check_params_cb=lambda busy: not busy
    ):
        window.cancel_receipt()


@contextmanager
def running_service(paths: AppPaths, worker: ApiWorker | None = None) -> Iterator[DeskService]:
    """The service over a real API thread (and its history file), stopped afterwards."""
    service = DeskService(ApiThread(worker or ApiWorker(paths.history_db)))
    try:
        yield service
    finally:
        assert service.stop(), "the API thread did not stop"


def attempts(paths: AppPaths) -> list[dict[str, Any]]:
    """Every history row, oldest first (read straight from the file, not through History)."""
    if not paths.history_db.exists():
        return []
    with contextlib.closing(sqlite3.connect(paths.history_db)) as conn:
        conn.row_factory = sqlite3.Row
        return [
            dict(row)
            for row in conn.execute(
                "SELECT merchant_uid, outcome, http_status, code, message, note "
                "FROM attempts ORDER BY id"
            )
        ]


LOOKUP_FAILED = "The receipt could not be looked up."
NOT_CANCELLED = "The receipt was not cancelled."


def says_in_order(text: str, *parts: str) -> bool:
    """True if ``text`` starts with ``parts[0]`` and holds the others after it, in order
    (issue 13: the outcome first, then what to do, then the details)."""
    if not parts or not text.startswith(parts[0]):
        return False
    at = len(parts[0])
    for part in parts[1:]:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def mnemonic_letters(window: QWidget) -> list[str]:
    """The Alt+letter of every label, button and menu title in a window, as shown."""
    texts = [w.text() for w in window.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in window.findChildren(QAbstractButton) if w.isVisibleTo(window)]
    for bar in window.findChildren(QMenuBar):
        texts += [action.text() for action in bar.actions()]
    letters = []
    for text in texts:
        match = re.search(r"&([^&])", text)
        if match:
            letters.append(match.group(1).lower())
    return letters
