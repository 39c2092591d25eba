"""Correcting a wrong receipt in the window (issue 15), end to end against the V1 simulator.

Look the practice order up, cancel it, press "정정 재발행", correct the form, confirm: in both
simulator modes the history ends with the cancellation and its correction linked. A POST whose
answer never came is settled by lookup at the next attempt, with exactly one POST sent.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.history import History
from iamport_desk.models import Action, HistoryEntry, Outcome, Profile
from iamport_desk.paths import AppPaths
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Fault, Simulator
from iamport_desk.simulator.demo import DEMO_CHANNEL_KEY
from iamport_desk.ui.main_window import MainWindow
from iamport_desk.ui.reissue_dialog import CONFIRM, FORM, ReissueDialog
from iamport_desk.ui.reissue_fields import IdentifierEdit
from tests.ui_helpers import PROFILE, cancel, look_up, open_window

pytestmark = pytest.mark.timeout(60)

ORDER = "00012345"  # practice: 소득공제 to a wrong phone number; should be 지출증빙
BUSINESS = "1248100998"
POSTS = "/receipts/external/"


def profiles_with_key(paths: AppPaths, channel_key: str | None = DEMO_CHANNEL_KEY) -> ProfileStore:
    store = ProfileStore(paths.settings_file, SecretStore())
    store.save_profile(Profile(PROFILE, DEMO_IMP_KEY, channel_key=channel_key), DEMO_IMP_SECRET)
    store.set_active(PROFILE)
    return store


@pytest.fixture
def sim_for() -> Iterator[type[Simulator]]:
    started: list[Simulator] = []

    class Started(Simulator):
        def __init__(self, *, reissue_cancelled: bool) -> None:
            super().__init__(reissue_cancelled=reissue_cancelled)
            self.start()
            started.append(self)

    yield Started
    for sim in started:
        sim.stop()


def cancelled_order(qtbot: QtBot, window: MainWindow) -> None:
    look_up(qtbot, window, ORDER)
    cancel(qtbot, window)
    assert window.panel.reissue_button.isVisible()  # straight after cancelling


def open_dialog(window: MainWindow) -> ReissueDialog:
    window.panel.reissue_button.click()
    dialog = window.panel.reissue_button.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def fill_and_confirm(dialog: ReissueDialog, identifier: str = "124-81-00998") -> None:
    fields = dialog.fields
    assert fields.amount_edit.text() == "55,000"  # prefilled from the cancelled receipt
    assert fields.receipt_type() == "person"
    fields.type_combo.setCurrentIndex(1)  # 지출증빙
    assert fields.kind_combo.currentData() == "business"
    fields.identifier_edit.set_value(identifier)
    fields.name_edit.setText("사무용품")
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == CONFIRM
    assert dialog.back_button.isDefault() and not dialog.next_button.isDefault()
    summary = dialog.summary.text()
    assert "******0998" in summary and BUSINESS not in summary


def issue(qtbot: QtBot, dialog: ReissueDialog) -> None:
    with qtbot.waitSignal(dialog.job_done, timeout=30_000):
        dialog.next_button.click()


def rows(paths: AppPaths) -> list[HistoryEntry]:
    with History(paths.history_db) as history:
        return list(reversed(history.recent()))


def test_same_order_number_allowed_again(
    qtbot: QtBot, app_paths: AppPaths, sim_for: type[Simulator]
) -> None:
    sim = sim_for(reissue_cancelled=True)  # type: ignore[call-arg]
    with open_window(qtbot, app_paths, sim, profiles=profiles_with_key(app_paths)) as (window, _):
        cancelled_order(qtbot, window)
        dialog = open_dialog(window)
        fill_and_confirm(dialog)
        with qtbot.waitSignal(dialog.finished, timeout=30_000):
            dialog.next_button.click()
        message = window.message.text()
        assert "issued again" in message and "row 1" in message and "row 2" in message
        assert window.receipt_view.type.text() != "-"
        assert not window.panel.reissue_button.isVisible()  # the live receipt is shown now
    assert sim.issued_params[-1]["identifier"] == BUSINESS  # digits only were sent
    assert sim.count("POST", POSTS) == 1
    cancel_row, issue_row = rows(app_paths)
    assert (cancel_row.action, issue_row.action) == (Action.CANCEL, Action.ISSUE)
    assert issue_row.outcome is Outcome.CANCELLED and issue_row.merchant_uid == ORDER
    assert issue_row.corrects_id == cancel_row.id and cancel_row.corrected_by == issue_row.id
    assert issue_row.identifier_masked == "******0998" and issue_row.receipt_type == "company"
    # The customer's number is nowhere whole in what the app wrote (history, -wal, settings).
    written = [f for d in app_paths.all_dirs() if d.exists() for f in d.rglob("*") if f.is_file()]
    assert any(f.name.startswith(app_paths.history_db.name) for f in written)
    assert not [f for f in written if BUSINESS.encode() in f.read_bytes()]


def test_already_issued_offers_the_derived_number_and_asks_again(
    qtbot: QtBot, app_paths: AppPaths, sim_for: type[Simulator]
) -> None:
    sim = sim_for(reissue_cancelled=False)  # type: ignore[call-arg]
    with open_window(qtbot, app_paths, sim, profiles=profiles_with_key(app_paths)) as (window, _):
        cancelled_order(qtbot, window)
        dialog = open_dialog(window)
        fill_and_confirm(dialog)
        issue(qtbot, dialog)
        # Refused: the derived number is offered plainly, and nothing more is sent yet.
        assert dialog.pages.currentIndex() == CONFIRM
        assert "00012345-R1" in dialog.summary.derived_note.text()
        assert "00012345-R1" in dialog.summary.values["merchant_uid"].text()
        assert "00012345-R1" in dialog.next_button.text()
        assert dialog.back_button.isDefault()  # the safe answer, again
        assert sim.count("POST", POSTS) == 1
        with qtbot.waitSignal(dialog.finished, timeout=30_000):
            dialog.next_button.click()
        message = window.message.text()
        assert "issued again" in message and "00012345-R1" in message
    paths = [r.path for r in sim.requests if r.method == "POST" and r.path.startswith(POSTS)]
    assert paths == [POSTS + ORDER, POSTS + "00012345-R1"]
    cancel_row, refused, issued = rows(app_paths)
    assert refused.outcome is Outcome.FAILED and refused.merchant_uid == ORDER
    assert issued.outcome is Outcome.CANCELLED and issued.merchant_uid == "00012345-R1"
    assert refused.corrects_id == issued.corrects_id == cancel_row.id
    assert cancel_row.corrected_by == issued.id


def test_declining_the_derived_number_sends_nothing_more(
    qtbot: QtBot, app_paths: AppPaths, sim_for: type[Simulator]
) -> None:
    sim = sim_for(reissue_cancelled=False)  # type: ignore[call-arg]
    with open_window(qtbot, app_paths, sim, profiles=profiles_with_key(app_paths)) as (window, _):
        cancelled_order(qtbot, window)
        dialog = open_dialog(window)
        fill_and_confirm(dialog)
        issue(qtbot, dialog)
        with qtbot.waitSignal(dialog.finished, timeout=10_000):
            dialog.back_button.click()  # "Don't issue"
        assert "refused" in window.message.text()
    assert sim.count("POST", POSTS) == 1


def test_a_lost_answer_is_settled_by_lookup_with_exactly_one_post(
    qtbot: QtBot, app_paths: AppPaths, sim_for: type[Simulator]
) -> None:
    sim = sim_for(reissue_cancelled=True)  # type: ignore[call-arg]
    with open_window(qtbot, app_paths, sim, profiles=profiles_with_key(app_paths)) as (window, _):
        cancelled_order(qtbot, window)
        sim.inject("POST", POSTS, Fault(drop=True, apply=True))  # issued, then the line dropped
        dialog = open_dialog(window)
        fill_and_confirm(dialog)
        with qtbot.waitSignal(dialog.finished, timeout=30_000):
            dialog.next_button.click()
        assert "not known whether the receipt was issued" in window.message.text()
        assert sim.count("POST", POSTS) == 1
        # The clerk tries again: the lookup shows it was issued; nothing is posted again.
        dialog = open_dialog(window)
        fill_and_confirm(dialog)
        with qtbot.waitSignal(dialog.finished, timeout=30_000):
            dialog.next_button.click()
        assert "Nothing was sent again" in window.message.text()
    assert sim.count("POST", POSTS) == 1
    cancel_row, issue_row = rows(app_paths)
    assert issue_row.outcome is Outcome.CANCELLED and issue_row.corrects_id == cancel_row.id


def test_without_a_channel_key_the_clerk_is_told_where_to_set_it(
    qtbot: QtBot, app_paths: AppPaths, sim_for: type[Simulator]
) -> None:
    sim = sim_for(reissue_cancelled=True)  # type: ignore[call-arg]
    from iamport_desk.jobs import GivenCredentials
    from iamport_desk.models import Credentials
    from iamport_desk.ui.reissue_entry import open_reissue

    profiles = profiles_with_key(app_paths, channel_key=None)
    with open_window(qtbot, app_paths, sim, profiles=profiles) as (window, _):
        cancelled_order(qtbot, window)
        # The button says so at once, before the form is filled in.
        window.panel.reissue_button.click()
        assert window.panel.reissue_button.dialog is None
        message = window.message.text()
        assert "channel key" in message and "Ctrl+K" in message
        # The job checks again on the API thread, whoever opened the dialog.
        (cancel_row,) = rows(app_paths)
        keyless = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=sim.base_url)
        dialog = open_reissue(
            window, window.service, cancel_row, credentials=GivenCredentials(keyless)
        )
        assert isinstance(dialog, ReissueDialog)
        fill_and_confirm(dialog)
        with qtbot.waitSignal(dialog.finished, timeout=30_000):
            dialog.next_button.click()
        said, issued = dialog.outcome()
        assert issued is None and "channel key" in said.message.text
    assert sim.count("POST", POSTS) == 0
    assert [r.action for r in rows(app_paths)] == [Action.CANCEL]


def test_a_wrong_number_is_refused_in_the_form_before_anything_is_sent(
    qtbot: QtBot, app_paths: AppPaths, sim_for: type[Simulator]
) -> None:
    sim = sim_for(reissue_cancelled=True)  # type: ignore[call-arg]
    with open_window(qtbot, app_paths, sim, profiles=profiles_with_key(app_paths)) as (window, _):
        cancelled_order(qtbot, window)
        dialog = open_dialog(window)
        fields = dialog.fields
        fields.type_combo.setCurrentIndex(1)
        fields.identifier_edit.set_value("1248100999")  # wrong check digit
        fields.name_edit.setText("사무용품")
        dialog.next_button.click()
        assert dialog.pages.currentIndex() == FORM
        assert "not valid" in fields.problem.text() and fields.problem.isVisibleTo(dialog)
        fields.identifier_edit.set_value(BUSINESS)
        fields.amount_edit.setText("0")
        dialog.next_button.click()
        assert dialog.pages.currentIndex() == FORM and "more than 0" in fields.problem.text()
        with qtbot.waitSignal(dialog.finished, timeout=5_000):
            dialog.back_button.click()  # Cancel
        assert window.message.text() == "Nothing was issued."
    assert sim.count("POST", POSTS) == 0


def test_the_number_is_masked_except_while_edited(qtbot: QtBot) -> None:
    edit = IdentifierEdit()
    qtbot.addWidget(edit)
    edit.set_value("01012345678")
    assert edit.text() == "*******5678" and edit.value() == "01012345678"
    QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    assert edit.text() == "01012345678"
    edit.setText("01099998888")
    QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert edit.text() == "*******8888" and edit.value() == "01099998888"


def test_the_demo_practice_order_is_corrected_end_to_end(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    """The demo's practice store and order, as --demo has them (the simulator's default mode:
    a cancelled order number is "already issued", so the correction goes under "-R1")."""
    import keyring.backends.fail

    from iamport_desk.demo_stores import DEMO_PROFILE, ensure_demo_profiles
    from iamport_desk.models import StoreApi

    secrets = SecretStore(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    store = ProfileStore(
        app_paths.settings_file, secrets, session_hosts={StoreApi.V1: simulator.base_url}
    )
    ensure_demo_profiles(store)
    assert store.get(DEMO_PROFILE).channel_key == DEMO_CHANNEL_KEY  # type: ignore[union-attr]
    uid = "00000202611250000017"  # issued for 9,900 won; should have been 99,000
    with open_window(qtbot, app_paths, simulator, profiles=store) as (window, _):
        look_up(qtbot, window, uid)
        cancel(qtbot, window)
        dialog = open_dialog(window)
        fields = dialog.fields
        assert fields.amount_edit.text() == "9,900" and fields.vat_edit.text() == "900"
        fields.amount_edit.setText("99,000")
        fields.amount_edit.textEdited.emit("99,000")  # as typed: the old VAT is let go
        assert fields.vat_edit.text() == ""
        fields.identifier_edit.set_value("010-9876-5432")
        fields.name_edit.setText("음료")
        dialog.next_button.click()
        assert "99,000" in dialog.summary.text()
        issue(qtbot, dialog)
        assert "-R1" in dialog.next_button.text()
        with qtbot.waitSignal(dialog.finished, timeout=30_000):
            dialog.next_button.click()
        assert "issued again" in window.message.text()
        assert window.receipt_view.merchant_uid.text() == uid + "-R1"
        assert window.order_edit.text() == uid + "-R1"  # what Ctrl+D would cancel
        assert window.order_edit.selectedText() == uid + "-R1"  # focus back, text selected
    new = simulator.receipt(uid + "-R1")
    assert new is not None and new["amount"] == 99_000 and new["vat"] == 9_000
    cancel_row, refused, issued = rows(app_paths)
    assert cancel_row.corrected_by == issued.id and issued.corrects_id == cancel_row.id
    assert refused.outcome is Outcome.FAILED and issued.outcome is Outcome.CANCELLED


def test_the_history_window_opens_the_correction_of_a_cancel_row(
    qtbot: QtBot, app_paths: AppPaths, sim_for: type[Simulator]
) -> None:
    from iamport_desk.jobs import StoredCredentials
    from iamport_desk.models import Credentials
    from iamport_desk.ui.reissue_entry import open_reissue

    sim = sim_for(reissue_cancelled=True)  # type: ignore[call-arg]
    profiles = profiles_with_key(app_paths)
    with open_window(qtbot, app_paths, sim, profiles=profiles) as (window, _):
        cancelled_order(qtbot, window)
        (cancel_row,) = rows(app_paths)
        source = StoredCredentials(profiles, PROFILE, sim.base_url)
        dialog = open_reissue(window, window.service, cancel_row, credentials=source)
        assert isinstance(dialog, ReissueDialog)
        assert dialog.fields.amount_edit.text() == "55,000"  # from the row
        fill_and_confirm(dialog)
        with qtbot.waitSignal(dialog.finished, timeout=30_000):
            dialog.next_button.click()
        said, issued = dialog.outcome()
        assert said.success and issued is not None and issued.merchant_uid == ORDER
        # Another store's row is not corrected with this store's keys.
        other = StoredCredentials(profiles, "다른 상점", sim.base_url)
        refused = open_reissue(window, window.service, cancel_row, credentials=other)
        assert not isinstance(refused, ReissueDialog) and refused is not None
        assert PROFILE in refused.message.text
        # Nor with credentials from a provider that names no store: it cannot be checked.
        nameless = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=sim.base_url)
        window.credentials_provider = lambda: nameless  # type: ignore[attr-defined]
        unchecked = open_reissue(window, window.service, cancel_row)
        assert not isinstance(unchecked, ReissueDialog) and unchecked is not None
        assert PROFILE in unchecked.message.text
    _, issue_row = rows(app_paths)
    assert open_reissue(window, window.service, issue_row) is None  # an issue row: nothing


def test_a_v2_store_corrects_through_the_same_window(qtbot: QtBot, app_paths: AppPaths) -> None:
    from iamport_desk.models import StoreApi
    from iamport_desk.simulator_v2 import DEMO_API_SECRET, DEMO_STORE_ID, SimulatorV2
    from iamport_desk.simulator_v2 import DEMO_CHANNEL_KEY as V2_CHANNEL_KEY

    sim = SimulatorV2()
    sim.start()
    store = ProfileStore(app_paths.settings_file, SecretStore())
    profile = Profile(PROFILE, api=StoreApi.V2, store_id=DEMO_STORE_ID, channel_key=V2_CHANNEL_KEY)
    store.save_profile(profile, DEMO_API_SECRET)
    store.set_active(PROFILE)
    uid = "pay-20261125-0001"
    try:
        with open_window(qtbot, app_paths, sim, profiles=store) as (window, _):  # type: ignore[arg-type]
            look_up(qtbot, window, uid)
            cancel(qtbot, window)
            dialog = open_dialog(window)
            fields = dialog.fields
            fields.identifier_edit.set_value("01098765432")
            fields.name_edit.setText("음료")
            dialog.next_button.click()
            issue(qtbot, dialog)
            assert uid + "-R1" in dialog.next_button.text()  # V2 keeps the cancelled receipt
            with qtbot.waitSignal(dialog.finished, timeout=30_000):
                dialog.next_button.click()
            assert "issued again" in window.message.text()
        cancel_row, refused, issued = rows(app_paths)
        assert issued.api == "v2" and issued.idempotency_key
        assert cancel_row.corrected_by == issued.id and refused.outcome is Outcome.FAILED
    finally:
        sim.stop()


def test_the_form_page_has_one_mnemonic_per_key(
    qtbot: QtBot, app_paths: AppPaths, sim_for: type[Simulator]
) -> None:
    import re

    from PySide6.QtWidgets import QLabel

    sim = sim_for(reissue_cancelled=True)  # type: ignore[call-arg]
    with open_window(qtbot, app_paths, sim, profiles=profiles_with_key(app_paths)) as (window, _):
        cancelled_order(qtbot, window)
        dialog = open_dialog(window)
        texts = [label.text() for label in dialog.fields.findChildren(QLabel)]
        texts += [dialog.back_button.text(), dialog.next_button.text()]
        keys = [m.group(1).lower() for t in texts if (m := re.search(r"&(\w)", t))]
        assert len(keys) >= 7 and len(keys) == len(set(keys)), keys
        with qtbot.waitSignal(dialog.finished, timeout=5_000):
            dialog.reject()


def test_the_button_is_disabled_while_the_window_runs_a_job(
    qtbot: QtBot, app_paths: AppPaths, sim_for: type[Simulator]
) -> None:
    sim = sim_for(reissue_cancelled=True)  # type: ignore[call-arg]
    with open_window(qtbot, app_paths, sim, profiles=profiles_with_key(app_paths)) as (window, _):
        cancelled_order(qtbot, window)
        button = window.panel.reissue_button
        assert button.isEnabled()
        window.set_busy("reconcile")
        assert not button.isEnabled()
        window.set_busy(None)
        assert button.isEnabled()


def test_the_correction_reads_no_keychain_settings_or_history_on_the_gui_thread(
    qtbot: QtBot,
    app_paths: AppPaths,
    sim_for: type[Simulator],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: object,
) -> None:
    from tests.test_gui_thread_io import GuiThreadGuard

    guard = GuiThreadGuard(monkeypatch, type(memory_keyring))
    sim = sim_for(reissue_cancelled=False)  # type: ignore[call-arg]
    profiles_with_key(app_paths)
    # A fresh SecretStore: nothing cached, so the issue job must really read the keychain.
    profiles = ProfileStore(app_paths.settings_file, SecretStore())
    with (
        guard.watching(),
        open_window(qtbot, app_paths, sim, profiles=profiles) as (window, _),
    ):
        cancelled_order(qtbot, window)
        dialog = open_dialog(window)
        fill_and_confirm(dialog)
        issue(qtbot, dialog)  # "already issued": -R1 offered
        with qtbot.waitSignal(dialog.finished, timeout=30_000):
            dialog.next_button.click()
        assert "issued again" in window.message.text()
    assert "MemoryKeyring.get_password" in guard.calls and "sqlite3.connect" in guard.calls
    assert guard.violations == []


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: raise_() at open
def test_the_history_windows_button_corrects_the_selected_cancellation(
    qtbot: QtBot, app_paths: AppPaths, sim_for: type[Simulator]
) -> None:
    """From the history (Ctrl+H) as well as beside the receipt: the row's button opens the
    same correction, for the store of the main window, and the two rows come out linked."""
    sim = sim_for(reissue_cancelled=True)  # type: ignore[call-arg]
    with open_window(qtbot, app_paths, sim, profiles=profiles_with_key(app_paths)) as (window, _):
        cancelled_order(qtbot, window)
        window.open_history()
        history = window.history_window
        assert history is not None
        qtbot.waitUntil(lambda: not history.model.loading and history.model.rowCount() == 1)
        button = history.reissue_button
        assert not button.isEnabled()  # nothing selected yet
        history.table.selectRow(0)
        assert button.isEnabled()
        button.click()
        dialog = history.reissue.dialog
        assert isinstance(dialog, ReissueDialog) and dialog.isVisible()
        fill_and_confirm(dialog)
        with qtbot.waitSignal(dialog.finished, timeout=30_000):
            dialog.next_button.click()
        assert "issued again" in history.status_label.text()
        qtbot.waitUntil(lambda: history.model.rowCount() == 2, timeout=10_000)
        # The re-issue row is no cancellation: nothing to correct there.
        issue_row = history.model.row_of(rows(app_paths)[1].id)
        assert issue_row is not None
        history.table.selectRow(issue_row)
        assert not button.isEnabled()
        # The main window's recent attempts word each row by its action, newest first.
        recent = window.panel.recent.table
        qtbot.waitUntil(lambda: recent.rowCount() == 2, timeout=10_000)
        assert [recent.item(r, 2).text() for r in range(2)] == ["Issued", "Cancelled"]
    assert sim.count("POST", POSTS) == 1
    cancel_row, issued = rows(app_paths)
    assert cancel_row.corrected_by == issued.id and issued.corrects_id == cancel_row.id


def test_the_receipt_menu_offers_the_correction_with_the_button(
    qtbot: QtBot, app_paths: AppPaths, sim_for: type[Simulator]
) -> None:
    sim = sim_for(reissue_cancelled=True)  # type: ignore[call-arg]
    with open_window(qtbot, app_paths, sim, profiles=profiles_with_key(app_paths)) as (window, _):
        action = window.panel.reissue_button.action
        menu_actions = [a for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
        assert action in menu_actions
        assert not action.isEnabled()  # nothing shown yet
        look_up(qtbot, window, ORDER)
        assert not action.isEnabled()  # issued, not cancelled: nothing to correct
        cancel(qtbot, window)
        assert action.isEnabled()
        action.trigger()
        dialog = window.panel.reissue_button.dialog
        assert isinstance(dialog, ReissueDialog) and dialog.isVisible()
        with qtbot.waitSignal(dialog.finished, timeout=5_000):
            dialog.back_button.click()  # Cancel: nothing is sent
    assert sim.count("POST", POSTS) == 0


def test_the_result_rows_buttons_keep_the_window_mnemonics_apart(
    qtbot: QtBot, app_paths: AppPaths, sim_for: type[Simulator]
) -> None:
    """After a cancellation the row under the receipt holds the confirmation's two buttons and
    the correction's: each Alt+letter still acts on one thing only (Print and the correction
    once both took Alt+I)."""
    from tests.ui_helpers import mnemonic_letters

    sim = sim_for(reissue_cancelled=True)  # type: ignore[call-arg]
    with open_window(qtbot, app_paths, sim, profiles=profiles_with_key(app_paths)) as (window, _):
        cancelled_order(qtbot, window)
        assert window.panel.confirmation.isVisibleTo(window)
        letters = mnemonic_letters(window)
        clashes = sorted({x for x in letters if letters.count(x) > 1})
        assert clashes == [], f"Alt+{clashes} would only move focus, not act"
