"""No keychain, settings or history I/O on the GUI thread, in any of the clerk's main flows.

The guard wraps the calls that touch the disk or the keychain - keyring's get/set/delete,
the SecretStore, ``sqlite3.connect`` and the settings save - and records every call made
from the main (GUI) thread while it is on. On macOS a keychain read may wait on a system
prompt, and a history or settings write waits on the disk: the window must keep answering.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import iamport_desk.credentials
import iamport_desk.settings
from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.models import Profile
from iamport_desk.paths import AppPaths
from iamport_desk.service import DeskService
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Simulator
from iamport_desk.ui.credentials_dialog import CredentialsDialog
from iamport_desk.ui.history_window import HistoryWindow
from iamport_desk.worker import ApiThread, ApiWorker
from tests.ui_helpers import PROFILE, cancel, look_up, make_profiles, open_window

pytestmark = [
    pytest.mark.timeout(60),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


class GuiThreadGuard:
    """Records every guarded call made on the GUI thread while ``on``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, keychain: type) -> None:
        self.on = False
        self.calls: list[str] = []  # guarded calls made anywhere while on
        self.violations: list[str] = []  # ... of which on the GUI thread
        targets: list[tuple[Any, str]] = [
            (keychain, "get_password"),
            (keychain, "set_password"),
            (keychain, "delete_password"),
            (SecretStore, "get"),
            (SecretStore, "set"),
            (SecretStore, "delete"),
            (SecretStore, "status"),
            (sqlite3, "connect"),
            (iamport_desk.settings, "save_settings"),
            (iamport_desk.credentials, "save_settings"),
        ]
        for owner, name in targets:
            original = getattr(owner, name, None)
            if original is not None:
                monkeypatch.setattr(owner, name, self._wrap(f"{owner.__name__}.{name}", original))

    def _wrap(self, label: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if self.on:
                self.calls.append(label)
                if threading.current_thread() is threading.main_thread():
                    self.violations.append(label)
            return original(*args, **kwargs)

        return guarded

    @contextmanager
    def watching(self) -> Iterator[None]:
        self.on = True
        try:
            yield
        finally:
            self.on = False


@pytest.fixture
def guard(monkeypatch: pytest.MonkeyPatch, memory_keyring: object) -> GuiThreadGuard:
    # The keychain of conftest's autouse fixture (an in-memory one, the only one in use).
    return GuiThreadGuard(monkeypatch, type(memory_keyring))


def test_the_guard_sees_a_call_on_the_gui_thread(
    guard: GuiThreadGuard, app_paths: AppPaths
) -> None:
    store = ProfileStore(app_paths.settings_file, SecretStore())
    with guard.watching():
        store.save_profile(Profile(PROFILE, DEMO_IMP_KEY), DEMO_IMP_SECRET)
    assert "SecretStore.set" in guard.violations
    assert any(v.endswith("save_settings") for v in guard.violations)


def test_lookup_cancel_store_switch_and_close(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, guard: GuiThreadGuard
) -> None:
    profiles = make_profiles(app_paths)
    profiles.save_profile(Profile("서초점", DEMO_IMP_KEY), DEMO_IMP_SECRET)
    # A fresh SecretStore: nothing cached, so the lookup must really read the keychain.
    profiles = ProfileStore(app_paths.settings_file, SecretStore())
    with (
        guard.watching(),
        open_window(qtbot, app_paths, simulator, profiles=profiles) as (window, _),
    ):
        look_up(qtbot, window, "ORDER-20261125-0001")
        assert window.cancel_button.isEnabled()
        cancel(qtbot, window)
        assert window.message.text().startswith("The cash receipt was cancelled at ")
        window.profile_combo.setCurrentIndex(window.profile_combo.findData("서초점"))
        window.on_profile_combo_activated(window.profile_combo.currentIndex())
        qtbot.waitUntil(
            lambda: profiles.active() is not None and profiles.active().name == "서초점"
        )
    assert "MemoryKeyring.get_password" in guard.calls  # the guard saw the real reads
    assert "sqlite3.connect" in guard.calls
    assert any(call.endswith("save_settings") for call in guard.calls)
    assert guard.violations == []


def test_credentials_dialog_open_click_test_and_save(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, guard: GuiThreadGuard
) -> None:
    make_profiles(app_paths).save_profile(Profile("서초점", DEMO_IMP_KEY), DEMO_IMP_SECRET)
    profiles = ProfileStore(app_paths.settings_file, SecretStore())
    service = DeskService(ApiThread(ApiWorker(app_paths.history_db)))
    try:
        with guard.watching():
            dialog = CredentialsDialog(profiles, service, api_base_override=simulator.base_url)
            qtbot.addWidget(dialog)
            dialog.show()
            second = dialog.profile_list.findItems("서초점", Qt.MatchFlag.MatchExactly)[0]
            dialog.profile_list.setCurrentItem(second)
            qtbot.waitUntil(
                lambda: dialog.secret_edit.placeholderText() == "(saved - leave empty to keep it)"
            )
            qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: dialog.test_result.text().startswith("Connected"))
            dialog.secret_edit.setText("a-new-secret-4711")
            dialog.save()
            assert dialog.result() == CredentialsDialog.DialogCode.Accepted
        assert profiles.active() is not None and profiles.active().name == "서초점"
        assert "MemoryKeyring.set_password" in guard.calls
        assert "MemoryKeyring.get_password" in guard.calls
        assert guard.violations == []
    finally:
        service.stop()


def test_history_window_open_search_and_export(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, guard: GuiThreadGuard, tmp_path: Path
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, "ORDER-20261125-0001")
        cancel(qtbot, window)
    service = DeskService(ApiThread(ApiWorker(app_paths.history_db)))
    dest = tmp_path / "export.csv"
    try:
        with guard.watching():
            profiles = ProfileStore(app_paths.settings_file, SecretStore())
            history = HistoryWindow(app_paths.history_db, service, profiles)
            qtbot.addWidget(history)
            history.show()
            qtbot.waitUntil(lambda: history.model.rowCount() == 1 and not history.model.loading)
            history.search_edit.setText("no-such-order")
            history.apply_filter()
            qtbot.waitUntil(lambda: history.model.rowCount() == 0 and not history.model.loading)
            history.search_edit.setText("ORDER-2026")
            history.apply_filter()
            qtbot.waitUntil(lambda: history.model.rowCount() == 1 and not history.model.loading)
            history.ask_save_path = lambda _default: str(dest)
            with qtbot.waitSignal(history.export_finished, timeout=10_000) as blocker:
                qtbot.mouseClick(history.export_button, Qt.MouseButton.LeftButton)
            history.close()
        assert blocker.args == [1]
        assert "sqlite3.connect" in guard.calls
        assert guard.violations == []
    finally:
        service.stop()


def test_network_dialog_sets_and_clears_a_proxy_off_the_gui_thread(
    qtbot: QtBot, app_paths: AppPaths, guard: GuiThreadGuard
) -> None:
    from iamport_desk.ui.network_dialog import NetworkDialog

    profiles = make_profiles(app_paths)
    service = DeskService(ApiThread(ApiWorker(app_paths.history_db)))
    try:
        with guard.watching():
            dialog = NetworkDialog(profiles, service=service)
            qtbot.addWidget(dialog)
            dialog.proxy_edit.setText("http://proxy.office.example:3128")
            dialog.save()
            assert profiles.settings.proxy == "http://proxy.office.example:3128"
            dialog.clear()
            assert profiles.settings.proxy is None
        assert any(call.endswith("save_settings") for call in guard.calls)
        assert guard.violations == []
    finally:
        service.stop()


def test_credentials_dialog_makes_and_tests_a_v2_store_off_the_gui_thread(
    qtbot: QtBot, app_paths: AppPaths, guard: GuiThreadGuard
) -> None:
    from iamport_desk.models import StoreApi
    from iamport_desk.simulator_v2 import DEMO_API_SECRET, DEMO_STORE_ID, SimulatorV2

    service = DeskService(ApiThread(ApiWorker(app_paths.history_db)))
    try:
        with SimulatorV2() as sim, guard.watching():
            profiles = ProfileStore(app_paths.settings_file, SecretStore())
            dialog = CredentialsDialog(profiles, service)
            qtbot.addWidget(dialog)
            dialog.show()
            dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(StoreApi.V2))
            dialog.kind_combo.activated.emit(dialog.kind_combo.currentIndex())
            dialog.name_edit.setText("온라인몰")
            dialog.secret_edit.setText(DEMO_API_SECRET)
            dialog.store_id_edit.setText(DEMO_STORE_ID)
            dialog.host_combo.setCurrentText(sim.base_url)
            dialog.save()
            assert dialog.result() == CredentialsDialog.DialogCode.Accepted
            # Reopened: Test connection with the saved secret, read on the API thread.
            again = CredentialsDialog(ProfileStore(app_paths.settings_file, SecretStore()), service)
            qtbot.addWidget(again)
            again.show()
            qtbot.waitUntil(
                lambda: again.secret_edit.placeholderText() == "(saved - leave empty to keep it)"
            )
            qtbot.mouseClick(again.test_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: again.test_result.text().startswith("Connected"))
            again.close()
        assert "MemoryKeyring.set_password" in guard.calls
        assert "MemoryKeyring.get_password" in guard.calls
        assert any(call.endswith("save_settings") for call in guard.calls)
        assert guard.violations == []
    finally:
        service.stop()
