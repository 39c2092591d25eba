"""A settings write that fails in a window is a sentence naming the file (issue 17 item 3).

Never the "unexpected error" dialog: Windows is faked (``os.replace`` refused as while an
antivirus or OneDrive holds settings.json).
"""

from __future__ import annotations

import os

import pytest
from pytestqt.qtbot import QtBot
from ui_helpers import make_profiles, open_window

from iamport_desk import atomic_files
from iamport_desk.models import Profile
from iamport_desk.paths import AppPaths
from iamport_desk.settings import load_settings
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Simulator


def _hold_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: object, dst: object) -> None:
        error = PermissionError(13, "The process cannot access the file")
        error.winerror = 32  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(atomic_files.sys, "platform", "win32")
    monkeypatch.setattr(atomic_files, "REPLACE_PATIENCE", 0.05)
    monkeypatch.setattr(atomic_files.os, "replace", refuse)


def test_store_switch_while_settings_are_held_says_which_file(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from iamport_desk import logsetup

    profiles = make_profiles(app_paths)
    profiles.save_profile(Profile("본점", DEMO_IMP_KEY), DEMO_IMP_SECRET)
    warnings: list[str] = []
    unexpected: list[BaseException] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    monkeypatch.setattr(logsetup.sys, "excepthook", lambda *exc: unexpected.append(exc[1]))
    with open_window(qtbot, app_paths, simulator, profiles=profiles) as (window, _):
        before = profiles.settings.active_profile
        index = window.profile_combo.findData("본점")
        assert index >= 0 and before != "본점"
        _hold_settings(monkeypatch)
        window.on_profile_combo_activated(index)
        # The write is queued on the API thread; its failure comes back as the sentence.
        qtbot.waitUntil(lambda: len(warnings) == 1, timeout=10_000)
        assert profiles.settings.active_profile == before  # nothing changed
        monkeypatch.undo()
    assert unexpected == []
    assert len(warnings) == 1
    assert str(app_paths.settings_file) in warnings[0] and "OneDrive" in warnings[0]
    assert load_settings(app_paths.settings_file)[0].active_profile == before
    assert os.path.exists(app_paths.settings_file)


def test_language_change_while_settings_are_held_is_not_applied(
    qtbot: QtBot, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

    from iamport_desk.ui import help_dialogs

    profiles = make_profiles(app_paths)
    parent = QWidget()
    qtbot.addWidget(parent)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    monkeypatch.setattr(
        help_dialogs.LanguageDialog, "exec", lambda self: QDialog.DialogCode.Accepted
    )
    monkeypatch.setattr(help_dialogs.LanguageDialog, "language", lambda self: "en")
    _hold_settings(monkeypatch)
    assert help_dialogs.choose_language(parent, profiles) is False
    assert profiles.settings.language == "system"
    assert len(warnings) == 1 and "settings.json" in warnings[0]


def test_credentials_save_while_settings_are_held_keeps_the_dialog_open(
    qtbot: QtBot, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from iamport_desk.service import DeskService
    from iamport_desk.ui.credentials_dialog import CredentialsDialog
    from iamport_desk.worker import ApiThread, ApiWorker

    profiles = make_profiles(app_paths)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    api = ApiThread(ApiWorker(app_paths.history_db))
    try:
        dialog = CredentialsDialog(profiles, DeskService(api))
        qtbot.addWidget(dialog)
        dialog.new_profile()
        dialog.name_edit.setText("본점")
        dialog.key_edit.setText(DEMO_IMP_KEY)
        dialog.secret_edit.setText(DEMO_IMP_SECRET)
        _hold_settings(monkeypatch)
        dialog.save()
        assert dialog.result() != dialog.DialogCode.Accepted
        assert [p.name for p in profiles.profiles()] == ["강남점"]
        assert profiles.secrets.get("본점") is None  # nothing half-saved
        # Said in the dialog itself (the save ran on the API thread), naming the file.
        shown = dialog.error_label.text()
        assert "settings.json" in shown and "OneDrive" in shown and warnings == []
        dialog.close()
    finally:
        api.stop()


def test_closing_the_window_while_settings_are_held_just_logs(
    qtbot: QtBot,
    app_paths: AppPaths,
    simulator: Simulator,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: boxes.append(text))
    with open_window(qtbot, app_paths, simulator) as (window, _):
        _hold_settings(monkeypatch)
        with caplog.at_level("WARNING"):
            window.close()
    assert boxes == []  # nobody would read a box at exit
    assert "could not write the settings (window geometry)" in caplog.text
    assert "in use by another program" in caplog.text
