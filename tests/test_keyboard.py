"""The clerk's whole job with the keyboard only: keys go to whatever widget has the focus.

The cancellation runs through the real confirmation (``confirm_cancellation``), the real
worker thread and the simulator. Modal dialogs are answered from a timer that finds the active
modal widget and types into it, as a person would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from iamport_desk.credentials import ProfileStore
from iamport_desk.paths import AppPaths
from iamport_desk.service import DeskService
from iamport_desk.simulator import Simulator
from iamport_desk.ui.confirm_dialog import CancelConfirmDialog
from iamport_desk.ui.main_window import MainWindow
from iamport_desk.worker import ApiThread, ApiWorker
from tests.ui_helpers import make_profiles, mnemonic_letters

pytestmark = pytest.mark.timeout(60)

UID = "ORDER-20261125-0001"
MNEMONIC = re.compile(r"(?<!&)&[^&\s]")


@dataclass
class Recorded:
    credential_reasons: list[str | None] = field(default_factory=list)


@contextmanager
def keyboard_window(
    qtbot: QtBot, paths: AppPaths, simulator: Simulator, *, demo: bool = False
) -> Iterator[tuple[MainWindow, Recorded]]:
    """The main window with the real confirmation; only the credentials dialog is recorded."""
    recorded = Recorded()

    def open_credentials(_window: MainWindow, reason: str | None) -> bool:
        recorded.credential_reasons.append(reason)
        return False

    profiles: ProfileStore = make_profiles(paths)
    api = DeskService(ApiThread(ApiWorker(paths.history_db)))
    window = MainWindow(
        api,
        profiles,
        paths,
        open_credentials=open_credentials,
        api_base_override=simulator.base_url,
        demo_orders={UID: "practice"} if demo else None,
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    try:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        yield window, recorded
    finally:
        window.close()
        api.stop()


def back_to(qtbot: QtBot, window: QWidget) -> None:
    """After a modal dialog closes, a window manager hands activation back to the window; the
    offscreen platform has none, so do its part (focus stays the window's own business)."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def answer_modal(keys: Callable[[QWidget], None], seen: list[object], attempts: int = 200) -> None:
    """When a modal widget is up, note it and type into it.

    If the keys did not close it within two seconds, it is closed here (rejected) and noted as
    stuck, so a broken key path fails the test instead of hanging it.
    """

    def close_if_stuck(modal: QWidget) -> None:
        if modal.isVisible() and isinstance(modal, QDialog):
            seen.append(STUCK)
            modal.reject()

    def attempt(left: int) -> None:
        modal = QApplication.activeModalWidget()
        # Keys (mnemonics above all) reach a dialog once it is the active window.
        if modal is None or not modal.isVisible() or QApplication.activeWindow() is not modal:
            if left > 0:
                QTimer.singleShot(25, lambda: attempt(left - 1))
            return
        seen.append(modal)
        # Tied to the dialog: never fires once it is gone.
        QTimer.singleShot(2_000, modal, lambda: close_if_stuck(modal))
        keys(modal)

    QTimer.singleShot(0, lambda: attempt(attempts))


STUCK = "stuck: the dialog ignored the keys and was closed by force"


def in_modal(
    qtbot: QtBot,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> Callable[[QWidget], None]:
    def keys(modal: QWidget) -> None:
        target = QApplication.focusWidget()
        if target is None or target.window() is not modal:
            target = modal
        qtbot.keyClick(target, key, modifier)

    return keys


def look_up_by_keyboard(qtbot: QtBot, window: MainWindow, uid: str) -> None:
    assert focused() is window.order_edit
    type_text(qtbot, uid)
    assert window.order_edit.text() == uid
    with qtbot.waitSignal(
        window.busy_changed, timeout=10_000, check_params_cb=lambda busy: not busy
    ):
        press(qtbot, Qt.Key.Key_Return)


def test_whole_cancellation_with_the_keyboard_only(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with keyboard_window(qtbot, app_paths, simulator) as (window, _):
        # The window opens ready for typing.
        assert focused() is window.order_edit
        look_up_by_keyboard(qtbot, window, UID)
        assert window.receipt_view.merchant_uid.text() == UID
        # Focus moves to the cancel button once the receipt is shown.
        assert focused() is window.cancel_button
        simulator.reset_requests()

        # Space on the button opens the real confirmation; Enter there is the safe answer.
        boxes: list[object] = []
        answer_modal(in_modal(qtbot, Qt.Key.Key_Return), boxes)
        press(qtbot, Qt.Key.Key_Space)
        assert len(boxes) == 1 and isinstance(boxes[0], CancelConfirmDialog)
        assert not window.busy
        assert simulator.count("DELETE") == 0
        assert "Nothing was cancelled" in window.message.text()
        assert simulator.receipt(UID)["cancelled_at"] in (None, 0)
        back_to(qtbot, window)
        assert focused() is window.cancel_button

        # Escape is just as safe.
        answer_modal(in_modal(qtbot, Qt.Key.Key_Escape), boxes)
        press(qtbot, Qt.Key.Key_Space)
        assert len(boxes) == 2
        assert simulator.count("DELETE") == 0
        back_to(qtbot, window)
        assert focused() is window.cancel_button

        # Again, and this time Alt+C, the destructive button's mnemonic, confirms.
        answer_modal(in_modal(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier), boxes)
        with qtbot.waitSignal(
            window.busy_changed, timeout=15_000, check_params_cb=lambda busy: not busy
        ):
            press(qtbot, Qt.Key.Key_Space)
        assert len(boxes) == 3
        assert [r.method for r in simulator.requests] == ["DELETE"]
        assert simulator.receipt(UID)["cancelled_at"]
        assert window.receipt_view.status.text() == "Cancelled"
        assert not window.cancel_button.isEnabled()
        # Ready for the next order number.
        back_to(qtbot, window)
        assert focused() is window.order_edit


def test_tab_then_space_confirms_too(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    """From the safe default, Tab reaches the destructive button and Space presses it."""
    with keyboard_window(qtbot, app_paths, simulator) as (window, _):
        look_up_by_keyboard(qtbot, window, UID)
        simulator.reset_requests()
        seen: list[object] = []
        focus_log: list[str] = []

        def tab_to_destructive(modal: QWidget) -> None:
            assert isinstance(modal, CancelConfirmDialog)
            box = modal.buttons
            destructive = next(
                b
                for b in box.buttons()
                if box.buttonRole(b) == QDialogButtonBox.ButtonRole.DestructiveRole
            )
            for _ in range(len(box.buttons()) + 1):
                if QApplication.focusWidget() is destructive:
                    break
                qtbot.keyClick(QApplication.focusWidget() or modal, Qt.Key.Key_Tab)
            focus_log.append(QApplication.focusWidget().text())  # type: ignore[union-attr]
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)

        answer_modal(tab_to_destructive, seen)
        with qtbot.waitSignal(
            window.busy_changed, timeout=15_000, check_params_cb=lambda busy: not busy
        ):
            press(qtbot, Qt.Key.Key_Space)
        assert focus_log == ["&Cancel the receipt"]
        assert [r.method for r in simulator.requests] == ["DELETE"]
        assert window.receipt_view.status.text() == "Cancelled"


def test_confirmation_defaults_to_keeping_the_receipt(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with keyboard_window(qtbot, app_paths, simulator) as (window, _):
        look_up_by_keyboard(qtbot, window, UID)
        facts: dict[str, object] = {}

        def inspect(modal: QWidget) -> None:
            assert isinstance(modal, CancelConfirmDialog)
            box = modal.buttons
            default = [b for b in box.buttons() if b.isDefault()]  # type: ignore[attr-defined]
            facts["default_role"] = [box.buttonRole(b) for b in default]
            facts["focus_role"] = box.buttonRole(QApplication.focusWidget())  # type: ignore[arg-type]
            facts["mnemonics"] = sorted(b.text() for b in box.buttons())
            qtbot.keyClick(QApplication.focusWidget() or modal, Qt.Key.Key_Escape)
            facts["escape_result"] = modal.result()

        answer_modal(inspect, [])
        press(qtbot, Qt.Key.Key_Space)
        keep = QDialogButtonBox.ButtonRole.RejectRole
        assert facts["default_role"] == [keep]
        assert facts["escape_result"] == QDialog.DialogCode.Rejected  # Escape keeps it
        assert facts["focus_role"] == keep
        assert all(MNEMONIC.search(text) for text in facts["mnemonics"])  # type: ignore[union-attr]


def test_shortcuts(qtbot: QtBot, app_paths: AppPaths, simulator: Simulator) -> None:
    with keyboard_window(qtbot, app_paths, simulator) as (window, recorded):
        # Ctrl+L brings the focus back to the order number from anywhere.
        window.lookup_button.setFocus()
        assert focused() is window.lookup_button
        press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert focused() is window.order_edit

        # F1 opens the list of shortcuts; Escape closes it.
        dialogs: list[object] = []
        answer_modal(in_modal(qtbot, Qt.Key.Key_Escape), dialogs)
        press(qtbot, Qt.Key.Key_F1)
        from iamport_desk.ui.help_dialogs import ShortcutsDialog

        assert len(dialogs) == 1 and isinstance(dialogs[0], ShortcutsDialog)
        assert QApplication.activeModalWidget() is None
        back_to(qtbot, window)
        assert focused() is window.order_edit

        # Ctrl+K opens the store profiles and keys.
        press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        assert recorded.credential_reasons == [None]


def test_enter_closes_the_shortcuts_dialog_too(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with keyboard_window(qtbot, app_paths, simulator):
        dialogs: list[object] = []
        answer_modal(in_modal(qtbot, Qt.Key.Key_Return), dialogs)
        press(qtbot, Qt.Key.Key_F1)
        assert len(dialogs) == 1
        assert isinstance(dialogs[0], QDialog)
        assert dialogs[0].result() == QDialog.DialogCode.Rejected


def buddy_problems(root: QWidget) -> list[str]:
    """Labels that name an input must offer Alt+letter to reach it. (QFormLayout also makes
    labels the buddies of read-only value labels, as in the receipt view; those are not
    inputs and are skipped.)"""
    problems = []
    labels = [
        label
        for label in root.findChildren(QLabel)
        if label.buddy() is not None and not isinstance(label.buddy(), QLabel)
    ]
    for label in labels:
        buddy = label.buddy()
        if not MNEMONIC.search(label.text()):
            problems.append(f"{label.text()!r}: no mnemonic (&) for its buddy")
        if not buddy.focusPolicy() & Qt.FocusPolicy.TabFocus:
            problems.append(f"{label.text()!r}: buddy {type(buddy).__name__} takes no focus")
    return problems


@pytest.mark.parametrize("demo", [False, True], ids=["normal", "demo"])
def test_main_window_labels_have_mnemonics_and_focusable_buddies(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, demo: bool
) -> None:
    with keyboard_window(qtbot, app_paths, simulator, demo=demo) as (window, _):
        buddies = [label.buddy() for label in window.findChildren(QLabel)]
        assert window.order_edit in buddies and window.profile_combo in buddies
        assert buddy_problems(window) == []


def test_credentials_dialog_labels_have_mnemonics_and_focusable_buddies(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    from iamport_desk.ui.credentials_dialog import CredentialsDialog

    api = DeskService(ApiThread(ApiWorker(app_paths.history_db)))
    try:
        dialog = CredentialsDialog(make_profiles(app_paths), api)
        qtbot.addWidget(dialog)
        labelled = [
            label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None
        ]
        for widget in (
            dialog.profile_list,
            dialog.name_edit,
            dialog.key_edit,
            dialog.secret_edit,
            dialog.tier_edit,
            dialog.host_combo,
        ):
            assert widget in labelled
        assert buddy_problems(dialog) == []
        dialog.close()
    finally:
        api.stop()


def test_label_mnemonic_moves_focus_to_its_buddy(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with keyboard_window(qtbot, app_paths, simulator) as (window, _):
        window.lookup_button.setFocus()
        press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
        assert focused() is window.order_edit


def test_tab_from_the_order_number_reaches_the_lookup_button(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with keyboard_window(qtbot, app_paths, simulator) as (window, _):
        assert focused() is window.order_edit
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is window.lookup_button
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        assert focused() is window.order_edit


@pytest.mark.parametrize("demo", [False, True], ids=["normal", "demo"])
def test_main_window_mnemonics_do_not_clash(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, demo: bool
) -> None:
    with keyboard_window(qtbot, app_paths, simulator, demo=demo) as (window, _):
        letters = mnemonic_letters(window)
        assert len(letters) >= 8
        clashes = sorted({x for x in letters if letters.count(x) > 1})
        assert clashes == [], f"Alt+{clashes} would only move focus, not act"


def test_credentials_dialog_mnemonics_do_not_clash(qtbot: QtBot, app_paths: AppPaths) -> None:
    from iamport_desk.ui.credentials_dialog import CredentialsDialog

    api = DeskService(ApiThread(ApiWorker(app_paths.history_db)))
    try:
        dialog = CredentialsDialog(make_profiles(app_paths), api)
        qtbot.addWidget(dialog)
        letters = mnemonic_letters(dialog)
        assert len(letters) >= 8
        clashes = sorted({x for x in letters if letters.count(x) > 1})
        assert clashes == [], f"Alt+{clashes} would only move focus, not act"
        dialog.close()
    finally:
        api.stop()
