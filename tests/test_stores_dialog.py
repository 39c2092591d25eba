"""The credentials dialog edits both kinds of store: a V2 store is created with the keyboard,
saved (settings file + keychain), reloaded and tested against the V2 simulator."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.keychain import KEYRING_SERVICE
from iamport_desk.models import Profile, StoreApi
from iamport_desk.paths import AppPaths
from iamport_desk.profile_form import CHANNEL_CONSOLE_PATH, V1_CONSOLE_PATH, V2_CONSOLE_PATH
from iamport_desk.service import DeskService
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET
from iamport_desk.simulator_v2 import (
    DEMO_API_SECRET,
    DEMO_CHANNEL_KEY,
    DEMO_FORBIDDEN_SECRET,
    DEMO_STORE_ID,
    SimulatorV2,
)
from iamport_desk.ui.credentials_dialog import CredentialsDialog
from tests.conftest import MemoryKeyring
from tests.ui_helpers import running_service

pytestmark = pytest.mark.timeout(60)

NAME = "온라인몰"


@pytest.fixture
def simulator_v2() -> Iterator[SimulatorV2]:
    with SimulatorV2() as sim:
        yield sim


@pytest.fixture
def service(app_paths: AppPaths) -> Iterator[DeskService]:
    with running_service(app_paths) as service:
        yield service


def open_dialog(qtbot: QtBot, profiles: ProfileStore, service: DeskService) -> CredentialsDialog:
    dialog = CredentialsDialog(profiles, service)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # offscreen has no window manager to do it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def type_into(qtbot: QtBot, widget: object, text: str) -> None:
    assert QApplication.focusWidget() is widget
    qtbot.keyClicks(widget, text)


def test_a_v2_store_made_with_the_keyboard_is_saved_reloaded_and_tested(
    qtbot: QtBot,
    app_paths: AppPaths,
    service: DeskService,
    simulator_v2: SimulatorV2,
    memory_keyring: MemoryKeyring,
) -> None:
    profiles = ProfileStore(app_paths.settings_file, SecretStore())
    dialog = open_dialog(qtbot, profiles, service)
    # No store yet: the form is a new V1 store, the cursor in the name.
    assert dialog.kind_combo.currentData() == StoreApi.V1 and dialog.key_edit.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # "API &version:"
    assert QApplication.focusWidget() is dialog.kind_combo
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_Down)
    assert dialog.kind_combo.currentData() == StoreApi.V2
    # The V2 rows, the V1 ones hidden; the host moved to V2's.
    assert not dialog.key_edit.isVisible() and not dialog.tier_edit.isVisible()
    assert dialog.store_id_edit.isVisible() and dialog.channel_key_edit.isVisible()
    assert dialog.host_combo.currentText() == "https://api.portone.io"
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.name_edit
    dialog.name_edit.insert(NAME)  # Hangul comes through the input method, not key presses
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
    type_into(qtbot, dialog.secret_edit, DEMO_API_SECRET)
    qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # "Store &ID:"
    type_into(qtbot, dialog.store_id_edit, DEMO_STORE_ID)
    qtbot.keyClick(dialog.store_id_edit, Qt.Key.Key_Tab)
    type_into(qtbot, dialog.channel_key_edit, DEMO_CHANNEL_KEY)
    qtbot.keyClick(dialog.channel_key_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.host_combo
    dialog.host_combo.setCurrentText(simulator_v2.base_url)

    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "Test co&nnection"
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and dialog.test_result.text() != "")
    assert dialog.test_result.text() == "Connected: PortOne accepted the V2 API secret."
    assert simulator_v2.count("GET", "/cash-receipts") == 1
    assert simulator_v2.requests[-1].headers["Authorization"] == f"PortOne {DEMO_API_SECRET}"

    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isDefault() or save.autoDefault()  # Enter saves, as for a V1 store
    qtbot.keyClick(dialog.channel_key_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == CredentialsDialog.DialogCode.Accepted)

    expected = Profile(
        NAME,
        api=StoreApi.V2,
        store_id=DEMO_STORE_ID,
        api_base=simulator_v2.base_url,
        channel_key=DEMO_CHANNEL_KEY,
    )
    text = app_paths.settings_file.read_text(encoding="utf-8")
    assert DEMO_API_SECRET not in text
    [entry] = json.loads(text)["profiles"]
    assert entry == {
        "name": NAME,
        "api": "v2",
        "store_id": DEMO_STORE_ID,
        "api_base": simulator_v2.base_url,
        "channel_key": DEMO_CHANNEL_KEY,
    }
    assert memory_keyring.store == {(KEYRING_SERVICE, NAME): DEMO_API_SECRET}

    # Reloaded as another start would: the same store, the secret kept but never shown.
    reloaded = ProfileStore(app_paths.settings_file, SecretStore())
    assert reloaded.get(NAME) == expected and reloaded.active() == expected
    again = open_dialog(qtbot, reloaded, service)
    assert again.kind_combo.currentData() == StoreApi.V2
    assert (again.store_id_edit.text(), again.channel_key_edit.text()) == (
        DEMO_STORE_ID,
        DEMO_CHANNEL_KEY,
    )
    assert again.secret_edit.text() == ""
    qtbot.waitUntil(
        lambda: again.secret_edit.placeholderText() == "(saved - leave empty to keep it)"
    )
    simulator_v2.reset_requests()
    qtbot.mouseClick(again.test_button, Qt.MouseButton.LeftButton)  # with the saved secret
    qtbot.waitUntil(lambda: again.test_result.text().startswith("Connected"))
    assert simulator_v2.requests[-1].headers["Authorization"] == f"PortOne {DEMO_API_SECRET}"
    again.close()


def test_a_refused_v2_secret_is_told_and_never_shown(
    qtbot: QtBot, app_paths: AppPaths, service: DeskService, simulator_v2: SimulatorV2
) -> None:
    profiles = ProfileStore(app_paths.settings_file, SecretStore())
    dialog = open_dialog(qtbot, profiles, service)
    dialog.kind_combo.setCurrentIndex(1)
    dialog.kind_combo.activated.emit(1)
    dialog.name_edit.setText(NAME)
    dialog.secret_edit.setText(DEMO_FORBIDDEN_SECRET)
    dialog.host_combo.setCurrentText(simulator_v2.base_url)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and dialog.test_result.text() != "")
    assert not dialog.test_result.text().startswith("Connected")
    assert DEMO_FORBIDDEN_SECRET not in dialog.test_result.text()
    assert dialog.test_result.textFormat() == Qt.TextFormat.PlainText
    dialog.close()


def test_each_kind_names_where_its_keys_are_in_the_console(
    qtbot: QtBot, app_paths: AppPaths, service: DeskService
) -> None:
    profiles = ProfileStore(app_paths.settings_file, SecretStore())
    dialog = open_dialog(qtbot, profiles, service)
    form = dialog.form

    def shown_hints() -> list[str]:
        return [hint.text() for hint in form.hints.values() if hint.isVisible()]

    v1 = shown_hints()
    assert any(V1_CONSOLE_PATH in text and "PortOne console" in text for text in v1)
    assert any(CHANNEL_CONSOLE_PATH in text for text in v1)
    assert not any(V2_CONSOLE_PATH in text for text in v1)
    dialog.kind_combo.setCurrentIndex(1)
    dialog.kind_combo.activated.emit(1)
    v2 = shown_hints()
    assert any(V2_CONSOLE_PATH in text for text in v2)
    assert any(CHANNEL_CONSOLE_PATH in text for text in v2)
    assert not any(V1_CONSOLE_PATH in text for text in v2)
    assert dialog.secret_edit.placeholderText() == "V2 API secret"
    assert V2_CONSOLE_PATH in dialog.secret_edit.accessibleDescription()
    assert dialog.secret_edit.accessibleName() == "V2 API secret"
    dialog.close()


def test_switching_kind_drops_the_typed_secret_and_keeps_the_name(
    qtbot: QtBot, app_paths: AppPaths, service: DeskService
) -> None:
    profiles = ProfileStore(app_paths.settings_file, SecretStore())
    dialog = open_dialog(qtbot, profiles, service)
    dialog.name_edit.setText(NAME)
    dialog.secret_edit.setText(DEMO_IMP_SECRET)
    dialog.channel_key_edit.setText(DEMO_CHANNEL_KEY)
    dialog.kind_combo.setCurrentIndex(1)
    dialog.kind_combo.activated.emit(1)
    assert dialog.secret_edit.text() == ""  # a V1 secret is never a V2 one
    assert (dialog.name_edit.text(), dialog.channel_key_edit.text()) == (NAME, DEMO_CHANNEL_KEY)
    dialog.save()
    assert dialog.error_label.text() == "V2 API secret is empty."
    assert QApplication.focusWidget() is dialog.secret_edit
    assert profiles.profiles() == ()
    dialog.close()


def test_a_saved_v1_store_turned_v2_needs_the_v2_secret(
    qtbot: QtBot, app_paths: AppPaths, service: DeskService, memory_keyring: MemoryKeyring
) -> None:
    profiles = ProfileStore(app_paths.settings_file, SecretStore())
    profiles.save_profile(Profile(NAME, DEMO_IMP_KEY), DEMO_IMP_SECRET)
    dialog = open_dialog(qtbot, profiles, service)
    qtbot.waitUntil(
        lambda: dialog.secret_edit.placeholderText() == "(saved - leave empty to keep it)"
    )
    dialog.kind_combo.setCurrentIndex(1)
    dialog.kind_combo.activated.emit(1)
    # The saved secret is V1's: it cannot be kept for a V2 store.
    assert dialog.secret_edit.placeholderText() == "V2 API secret"
    dialog.save()
    assert dialog.error_label.text() == "V2 API secret is empty."
    assert profiles.get(NAME) == Profile(NAME, DEMO_IMP_KEY)
    dialog.secret_edit.setText(DEMO_API_SECRET)
    dialog.save()
    assert dialog.result() == CredentialsDialog.DialogCode.Accepted
    saved = profiles.get(NAME)
    assert saved is not None and saved.api is StoreApi.V2 and saved.imp_key == ""
    assert memory_keyring.store[(KEYRING_SERVICE, NAME)] == DEMO_API_SECRET


@pytest.mark.parametrize(
    ("field", "value", "sentence"),
    [
        ("store_id_edit", "channel-key-1", "Store ID must look like store-xxxxxxxx-xxxx-..."),
        ("channel_key_edit", "store-1", "Channel key must look like channel-key-xxxxxxxx-xxxx-..."),
        ("secret_edit", "short", "V2 API secret is too short; copy all of it."),
        (
            "host_combo",
            "https://api.iamport.kr",
            "API host of a V2 store must be https://api.portone.io.",
        ),
    ],
)
def test_v2_fields_are_checked_by_the_rules(
    qtbot: QtBot,
    app_paths: AppPaths,
    service: DeskService,
    memory_keyring: MemoryKeyring,
    field: str,
    value: str,
    sentence: str,
) -> None:
    profiles = ProfileStore(app_paths.settings_file, SecretStore())
    dialog = open_dialog(qtbot, profiles, service)
    dialog.kind_combo.setCurrentIndex(1)
    dialog.kind_combo.activated.emit(1)
    dialog.name_edit.setText(NAME)
    dialog.secret_edit.setText(DEMO_API_SECRET)
    widget = getattr(dialog, field)
    if field == "host_combo":
        widget.setCurrentText(value)
    else:
        widget.setText(value)
    dialog.save()
    assert dialog.error_label.text() == sentence
    assert QApplication.focusWidget() is widget or widget.isAncestorOf(QApplication.focusWidget())
    assert profiles.profiles() == () and memory_keyring.store == {}
    dialog.close()


def test_a_saved_v2_store_renamed_keeps_its_secret_and_a_v1_store_takes_a_channel_key(
    qtbot: QtBot, app_paths: AppPaths, service: DeskService, memory_keyring: MemoryKeyring
) -> None:
    profiles = ProfileStore(app_paths.settings_file, SecretStore())
    profiles.save_profile(Profile("본점", DEMO_IMP_KEY), DEMO_IMP_SECRET)
    profiles.save_profile(Profile(NAME, api=StoreApi.V2, store_id=DEMO_STORE_ID), DEMO_API_SECRET)
    profiles.set_active(NAME)
    dialog = open_dialog(qtbot, profiles, service)
    qtbot.waitUntil(
        lambda: dialog.secret_edit.placeholderText() == "(saved - leave empty to keep it)"
    )
    dialog.name_edit.setText("온라인몰 2호점")
    dialog.save()
    assert dialog.result() == CredentialsDialog.DialogCode.Accepted
    assert profiles.get("온라인몰 2호점") == Profile(
        "온라인몰 2호점", api=StoreApi.V2, store_id=DEMO_STORE_ID
    )
    assert memory_keyring.store[(KEYRING_SERVICE, "온라인몰 2호점")] == DEMO_API_SECRET
    assert (KEYRING_SERVICE, NAME) not in memory_keyring.store

    again = open_dialog(qtbot, profiles, service)
    again.profile_list.setCurrentItem(
        again.profile_list.findItems("본점", Qt.MatchFlag.MatchExactly)[0]
    )
    assert again.kind_combo.currentData() == StoreApi.V1 and again.key_edit.text() == DEMO_IMP_KEY
    qtbot.waitUntil(
        lambda: again.secret_edit.placeholderText() == "(saved - leave empty to keep it)"
    )
    again.channel_key_edit.setText(DEMO_CHANNEL_KEY)
    again.save()
    assert again.result() == CredentialsDialog.DialogCode.Accepted
    assert profiles.get("본점") == Profile("본점", DEMO_IMP_KEY, channel_key=DEMO_CHANNEL_KEY)
    assert memory_keyring.store[(KEYRING_SERVICE, "본점")] == DEMO_IMP_SECRET
