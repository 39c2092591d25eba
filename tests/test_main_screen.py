"""Issue 13, the main window's own findings (offscreen; the screen sizes are in test_screen_fit).

A fixed status box, parts that never collapse, the focus back on the order number after every
result, the unknown outcome kept shown and marked, 501 leaving nothing to press, a status line
that follows the receipt shown, the first start, the copy feedback, a saved geometry checked.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.paths import AppPaths
from iamport_desk.simulator import DEMO_ORDERS, Simulator
from iamport_desk.ui import window_placement
from tests.ui_helpers import NOT_CANCELLED, cancel, look_up, open_window, says_in_order

pytestmark = pytest.mark.timeout(60)

LONGEST = "ORDER-PG-FAIL"


def receipt_top(window: QWidget) -> int:
    scroll = window.panel.receipt_scroll  # type: ignore[attr-defined]
    return int(scroll.mapTo(window, scroll.rect().topLeft()).y())


def test_the_status_box_keeps_its_height_and_the_receipt_its_place(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        window.show_message("")
        box = window.status_area.box
        height, top = box.height(), receipt_top(window)
        assert height >= 3 * window.message.fontMetrics().lineSpacing()
        look_up(qtbot, window, LONGEST)
        cancel(qtbot, window)  # the PG's refusal: the longest sentence
        long_text = window.message.text()
        window.show_message(long_text + "\n" + long_text)  # far more than three lines
        QApplication.processEvents()
        assert (box.height(), receipt_top(window)) == (height, top)
        assert window.message.toolTip() == long_text + "\n" + long_text  # the whole text


def test_the_receipt_and_the_recent_attempts_never_collapse(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        splitter = window.panel.splitter
        assert not splitter.childrenCollapsible()
        splitter.setSizes([0, 10_000])  # dragged as far as it goes
        QApplication.processEvents()
        assert window.panel.receipt_scroll.height() >= 4 * window.fontMetrics().lineSpacing()
        splitter.setSizes([10_000, 0])
        QApplication.processEvents()
        assert window.recent.height() >= 4 * window.fontMetrics().lineSpacing()


def test_focus_returns_to_the_order_number_selected_after_a_failed_lookup(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator, demo_orders=dict(DEMO_ORDERS)) as (window, _):
        practice = window.panel.practice
        assert practice is not None
        practice.list.setCurrentRow(0)
        practice.list.setFocus()  # where the focus went on main while the field was disabled
        window.activateWindow()
        look_up(qtbot, window, "ORDER-NONE-9999")
        assert QApplication.focusWidget() is window.order_edit
        assert window.order_edit.selectedText() == "ORDER-NONE-9999"
        # The next keys replace the number; the practice list does not move.
        qtbot.keyClicks(window.order_edit, "X")
        assert (window.order_edit.text(), practice.list.currentRow()) == ("X", 0)
        # Enter on an empty field says what to do; it never loads a practice order.
        window.order_edit.clear()
        qtbot.keyClick(window.order_edit, Qt.Key.Key_Return)
        assert window.order_edit.text() == ""
        assert window.message.text() == "Enter an order number first."
        assert QApplication.focusWidget() is window.order_edit


def test_focus_returns_to_the_order_number_after_a_refused_cancel(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        window.activateWindow()
        look_up(qtbot, window, LONGEST)
        assert QApplication.focusWidget() is window.cancel_button  # a receipt to cancel
        cancel(qtbot, window)
        assert QApplication.focusWidget() is window.order_edit
        assert window.order_edit.selectedText() == LONGEST


def test_an_unknown_outcome_keeps_the_receipt_marked_with_the_next_check(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    uid = "ORDER-LOST"
    with open_window(qtbot, app_paths, simulator) as (window, _):
        window.activateWindow()
        look_up(qtbot, window, uid)
        cancel(qtbot, window)
        view = window.receipt_view
        assert view.merchant_uid.text() == uid and view.amount.text() == "120,000 won"
        assert view.marked_unknown and view.status.text().startswith("Outcome unknown")
        note = view.unknown_note.text()
        assert note.startswith("Do not cancel it again.") and "(KST)" in note
        assert "Ctrl+R" in note
        assert not window.cancel_button.isEnabled() and not window.cancel_action.isEnabled()
        window.cancel_receipt()  # the menu's way: nothing is sent either
        assert simulator.count("DELETE") == 1
        assert QApplication.focusWidget() is window.order_edit
        # Another window (the history's check) settles it: the mark and the sentence change.
        source = window.credentials_source()
        assert source is not None
        job = window.service.reconcile(source, source.profile)
        with qtbot.waitSignal(job.done, timeout=10_000):
            pass
        qtbot.waitUntil(lambda: not view.marked_unknown, timeout=10_000)
        assert window.message.text().startswith(f"Checked: the cash receipt of \u2068{uid}\u2069")
        assert view.status.text() == "Cancelled"
        assert not window.cancel_button.isEnabled()
        assert simulator.count("DELETE") == 1


def test_a_501_says_where_to_cancel_and_leaves_nothing_to_press(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, "ORDER-NOT-SUPPORTED")
        assert window.cancel_button.isEnabled()
        cancel(qtbot, window)
        text = window.message.text()
        assert says_in_order(
            text, NOT_CANCELLED, "cannot cancel cash receipts through PortOne", "Hometax"
        ), text
        assert "try again" not in text.lower()
        assert not window.cancel_button.isEnabled() and not window.cancel_action.isEnabled()
        assert window.receipt_view.merchant_uid.text() == "ORDER-NOT-SUPPORTED"


def test_the_status_line_is_cleared_when_another_order_is_typed_or_picked(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    orders = dict(DEMO_ORDERS)
    with open_window(qtbot, app_paths, simulator, demo_orders=orders) as (window, _):
        look_up(qtbot, window, "ORDER-20261125-0001")
        cancel(qtbot, window)
        assert window.message.text().startswith("The cash receipt was cancelled at ")
        qtbot.keyClicks(window.order_edit, "2")
        assert window.message.text() == ""
        look_up(qtbot, window, "ORDER-20261120-0003")
        assert "already cancelled" in window.message.text()
        practice = window.panel.practice
        assert practice is not None
        practice.on_list_itemActivated(practice.list.item(1))
        assert window.message.text() == ""
        assert window.receipt_view.merchant_uid.text() == "-"


def test_the_first_start_says_where_to_add_a_store(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    empty = ProfileStore(app_paths.settings_file, SecretStore())
    with open_window(qtbot, app_paths, simulator, profiles=empty) as (window, dialogs):
        text = window.message.text()
        assert text.startswith("No store is set up yet.") and "Ctrl+K" in text, text
        assert "--demo" in text
        window.order_edit.setText("ORDER-20261125-0001")
        window.lookup()  # the credentials dialog is refused: still no store, no job
        assert dialogs.credential_reasons
        text = window.message.text()
        assert text.startswith("Nothing was looked up") and "Ctrl+K" in text, text
        assert "Settings > Store profiles and keys" in text


def test_copying_the_link_says_so(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, "ORDER-20261125-0001")
        note = window.receipt_view.copied_note
        assert note.isHidden()
        window.receipt_view.copy_button.click()
        assert not note.isHidden() and note.text() == "Link copied."
        assert QGuiApplication.clipboard().text() == window.receipt_view.raw_url
        window.order_edit.setText("ORDER-20261125-0002")
        window.on_order_edit_textEdited("ORDER-20261125-0002")
        assert note.isHidden()  # another order: nothing was copied of it


def test_a_saved_geometry_off_every_screen_is_not_used(qtbot: QtBot) -> None:
    area = window_placement.usable_area(QGuiApplication.primaryScreen())
    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(QRect(area.right() + 500, area.bottom() + 500, 300, 200))
    saved = window.saveGeometry()
    other = QWidget()
    qtbot.addWidget(other)
    window_placement.restore_on_screen(other, saved)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(other.geometry()), other.geometry()
    # Larger than the screen (saved on a bigger one): not used, the default size instead.
    huge = QWidget()
    qtbot.addWidget(huge)
    huge.setGeometry(QRect(area.left(), area.top(), area.width() + 400, area.height() + 400))
    bigger = QWidget()
    qtbot.addWidget(bigger)
    assert not window_placement.restore_on_screen(bigger, huge.saveGeometry())
    assert area.contains(bigger.geometry()), bigger.geometry()
    on_screen = QWidget()
    qtbot.addWidget(on_screen)
    on_screen.setGeometry(QRect(area.left() + 10, area.top() + 10, 300, 200))
    again = QWidget()
    qtbot.addWidget(again)
    assert window_placement.restore_on_screen(again, on_screen.saveGeometry())
    assert (again.width(), again.height()) == (300, 200)  # the saved size, not the default
    assert not window_placement.restore_on_screen(QWidget(), QByteArray(b"not a geometry"))


def test_the_default_size_fits_the_usable_area(qtbot: QtBot) -> None:
    small = QRect(0, 0, 1366, 768 - window_placement.CHROME_ALLOWANCE)
    assert window_placement.fitted_size(small).height() <= 688
    assert window_placement.fitted_size(QRect(0, 0, 1280, 640)).height() == 640


def test_the_windows_own_check_settles_the_unknown_receipt_shown(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, "ORDER-LOST")
        cancel(qtbot, window)
        assert window.receipt_view.marked_unknown
        qtbot.waitUntil(lambda: window.reconcile_timer.isActive(), timeout=10_000)
        with qtbot.waitSignal(window.job_done, timeout=10_000):
            window.reconcile()  # what Ctrl+R and the timer do
        assert not window.receipt_view.marked_unknown
        assert window.receipt_view.status.text() == "Cancelled"
        assert "1 cancelled" in window.message.text()
        assert not window.cancel_button.isEnabled()


def test_f1_names_the_enter_key_as_the_window_does(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    from iamport_desk.ui import shortcuts
    from iamport_desk.ui.help_dialogs import ShortcutsDialog

    with open_window(qtbot, app_paths, simulator) as (window, _):
        dialog = ShortcutsDialog(window)
        qtbot.addWidget(dialog)
        keys = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
        assert keys[shortcuts.ALL.index(shortcuts.LOOKUP)] == "Enter"
        assert "Return" not in keys
        assert "Press Enter" in window.order_edit.accessibleDescription()


def test_the_practice_orders_are_described_in_the_windows_language(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    import re

    from iamport_desk.demo_stores import practice_orders

    with open_window(qtbot, app_paths, simulator, demo_orders=practice_orders()) as (window, _):
        practice = window.panel.practice
        assert practice is not None
        texts = [practice.list.item(row).text() for row in range(practice.list.count())]
        assert "ORDER-PG-FAIL  -  The PG refuses the cancellation (500, always)" in texts
        for text in texts:
            # Hangul only in order numbers and store names, never in the English words.
            words = re.sub(r"^\S+( \S+)*?  -  (\[[^]]*\] )?", "", text).replace("데모 하위상점", "")
            assert not re.search("[가-힣]", words), text


def test_the_tier_practice_order_picks_the_tier_practice_store(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    import keyring.backends.fail

    from iamport_desk.demo_stores import DEMO_TIER_PROFILE, ensure_demo_profiles, practice_orders
    from iamport_desk.models import StoreApi

    store = ProfileStore(
        app_paths.settings_file,
        SecretStore(keyring.backends.fail.Keyring()),  # type: ignore[no-untyped-call]
        session_hosts={StoreApi.V1: simulator.base_url, StoreApi.V2: simulator.base_url},
    )
    ensure_demo_profiles(store)
    orders = practice_orders()
    with open_window(
        qtbot, app_paths, simulator, profiles=store, demo_orders=orders
    ) as (window, _):
        practice = window.panel.practice
        assert practice is not None
        row = list(orders).index("TIER-0001")
        practice.on_list_itemActivated(practice.list.item(row))
        assert window.active_profile() == DEMO_TIER_PROFILE
        with qtbot.waitSignal(window.busy_changed, check_params_cb=lambda busy: not busy):
            window.lookup()
        assert window.receipt_view.merchant_uid.text() == "TIER-0001", window.message.text()
        assert window.cancel_button.isEnabled()


def test_the_file_dialog_is_wholly_korean_under_the_korean_translators(qtbot: QtBot) -> None:
    import re

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

    from iamport_desk import i18n

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale = QLocale()
    translators = i18n.install_translators(app, "ko")
    try:
        dialog = QFileDialog(None, "", "", "CSV (*.csv)")
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        texts = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
        texts += [w.text() for w in dialog.findChildren(QPushButton) if w.text()]
        assert len(texts) >= 5, texts
        english = [text for text in texts if not re.search("[가-힣]", text)]
        assert english == [], texts
    finally:
        i18n.remove_translators(app, translators)
        QLocale.setDefault(locale)


@pytest.mark.parametrize(
    ("height", "demo"),
    [
        (688, False),  # the window on a 1366x768 laptop
        # 2560x1440 at 200 % (and 1920x1080 at 150 %): 720 logical px, less the taskbar and
        # the title bar; the demo's banner and practice orders take room of their own.
        (640, True),
    ],
    ids=["1366x768", "200-percent-demo"],
)
def test_the_unknown_mark_makes_room_for_itself_on_a_small_screen(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, height: int, demo: bool
) -> None:
    from iamport_desk.demo_stores import practice_orders

    orders = practice_orders() if demo else None
    with open_window(qtbot, app_paths, simulator, demo_orders=orders) as (window, _):
        window.resize(860, height)
        look_up(qtbot, window, "ORDER-LOST")
        scroll = window.panel.receipt_scroll
        assert not scroll.verticalScrollBar().isVisible()  # the whole receipt is in sight
        cancel(qtbot, window)
        QApplication.processEvents()
        assert window.receipt_view.marked_unknown
        assert not scroll.verticalScrollBar().isVisible()  # the mark too, without scrolling
        # The recent attempts are not clipped: their table shows its header and two rows.
        recent = window.recent
        assert recent.height() >= recent.minimumSizeHint().height() > 0
        table = recent.table
        assert table.viewport().height() >= 2 * table.verticalHeader().defaultSectionSize()
        assert window.height() == height  # nothing forced the window to grow
