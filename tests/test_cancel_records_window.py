"""Issue 14 in the main window: the reason asked (by keyboard too), recorded, shown in the
result, and the confirmation (확인서) saved as PDF and printed from the result screen.

The real worker thread and the V1 simulator; the file and print dialogs are replaced through
their seams (``ResultConfirmation.ask_pdf_path`` / ``ask_printer``).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from iamport_desk import __version__
from iamport_desk.jobs import CancelDecision
from iamport_desk.models import CancelReason, Receipt
from iamport_desk.paths import AppPaths
from iamport_desk.simulator import Simulator
from iamport_desk.ui.confirm_dialog import CancelConfirmDialog, confirm_cancellation
from iamport_desk.ui.main_window import MainWindow
from tests.test_confirmation import pdf_text, squeeze
from tests.ui_helpers import Dialogs, cancel, look_up, open_window

pytestmark = pytest.mark.timeout(60)

UID = "ORDER-20261125-0001"
MEMO = "손님 요청: 다른 카드로 재결제"


def row(paths: AppPaths, uid: str) -> dict[str, Any]:
    with contextlib.closing(sqlite3.connect(paths.history_db)) as conn:
        conn.row_factory = sqlite3.Row
        found = conn.execute(
            "SELECT * FROM attempts WHERE merchant_uid = ? ORDER BY id DESC", (uid,)
        ).fetchone()
    assert found is not None
    return dict(found)


def cancel_with(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, uid: str, decision: CancelDecision
) -> None:
    dialogs.confirm_answer = decision
    look_up(qtbot, window, uid)
    cancel(qtbot, window)


def test_the_reason_is_recorded_and_shown_in_the_result(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        bar = window.panel.confirmation
        assert bar.isHidden()
        with qtbot.waitSignal(bar.offered, timeout=15_000):
            cancel_with(qtbot, window, dialogs, UID, CancelDecision(CancelReason.OTHER, MEMO))
        assert bar.isVisible()
        assert f"Reason: Other ({MEMO})" in bar.label.text()
        assert UID in bar.label.text()
        saved = row(app_paths, UID)
        assert (saved["outcome"], saved["reason"], saved["reason_note"]) == ("cancelled", 3, MEMO)
        # A new lookup takes the record of the last cancellation away.
        look_up(qtbot, window, "ORDER-20261125-0002")
        assert bar.isHidden()


def test_the_confirmation_is_saved_as_pdf_and_printed_from_the_result(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, tmp_path: Path
) -> None:
    asked: list[str] = []
    pdf = tmp_path / "확인서"  # no suffix: ".pdf" is added
    printed = tmp_path / "printed.pdf"

    def choose_path(_parent: QWidget, suggested: str) -> str:
        asked.append(suggested)
        return str(pdf)

    def choose_printer(_parent: QWidget) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a real printer's stand-in
        printer.setOutputFileName(str(printed))
        return printer

    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        bar = window.panel.confirmation
        bar.ask_pdf_path = choose_path
        bar.ask_printer = choose_printer
        decision = CancelDecision(CancelReason.ISSUED_IN_ERROR, "금액 오입력")
        with qtbot.waitSignal(bar.offered, timeout=15_000):
            cancel_with(qtbot, window, dialogs, UID, decision)
        with qtbot.waitSignal(bar.saved) as saved:
            qtbot.mouseClick(bar.save_button, Qt.MouseButton.LeftButton)
        assert saved.args == [str(pdf.with_name("확인서.pdf"))]
        assert "The confirmation was saved to" in window.message.text()
        with qtbot.waitSignal(bar.printed) as pages:
            qtbot.mouseClick(bar.print_button, Qt.MouseButton.LeftButton)
        assert pages.args == [1]
    entry = row(app_paths, UID)
    assert Path(asked[0]).name == f"cancellation-confirmation-{UID}.pdf"
    for document in (pdf.with_name("확인서.pdf"), printed):
        text = pdf_text(document)
        for piece in (
            UID,
            "Issued in error",
            "금액 오입력",
            f"#{entry['id']}",
            entry["operator"],
            entry["apply_num"],
            __version__,
            "33,000 won",
        ):
            assert piece in text, (document.name, piece)
        assert squeeze(entry["receipt_url"]) in squeeze(text)


def test_a_receipt_cancelled_here_before_offers_its_confirmation_at_lookup(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        bar = window.panel.confirmation
        with qtbot.waitSignal(bar.offered, timeout=15_000):
            cancel_with(qtbot, window, dialogs, UID, CancelDecision())
        look_up(qtbot, window, "ORDER-20261125-0002")  # something else in between
        assert bar.isHidden()
        with qtbot.waitSignal(bar.offered, timeout=15_000) as offered:
            look_up(qtbot, window, UID)  # PortOne says cancelled; the history knows it
        assert offered.args[0].merchant_uid == UID
        assert "Reason: Transaction cancelled" in bar.label.text()


def test_a_receipt_cancelled_elsewhere_offers_nothing(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    simulator.add_receipt("ORDER-ELSEWHERE", amount=5_000, cancelled_at=1_764_600_007)
    with open_window(qtbot, app_paths, simulator) as (window, _):
        bar = window.panel.confirmation
        look_up(qtbot, window, "ORDER-ELSEWHERE")
        assert window.receipt_view.status.text() == "Cancelled"
        qtbot.waitUntil(lambda: bar._wanted is None, timeout=10_000)  # the history answered
        assert bar.isHidden() and bar.record is None


def test_a_refused_cancellation_keeps_what_the_lookup_showed(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    uid = "ORDER-PG-FAIL"
    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        look_up(qtbot, window, uid)
        shown = window.receipt_view.amount.text()
        cancel_with(qtbot, window, dialogs, uid, CancelDecision(CancelReason.ISSUED_IN_ERROR))
        assert window.panel.confirmation.isHidden()  # nothing to confirm
    lookup = simulator.receipt(uid)
    assert lookup is not None
    failed = row(app_paths, uid)
    assert failed["outcome"] == "failed"
    assert failed["reason"] == 2
    assert failed["receipt_source"] == "lookup"
    assert (failed["amount"], failed["vat"], failed["apply_num"], failed["applied_at"]) == (
        lookup["amount"],
        lookup["vat"],
        lookup["apply_num"],
        lookup["applied_at"],
    )
    assert shown == f"{lookup['amount']:,} won"


# ---- the confirmation dialog itself, by keyboard ----------------------------------------


def receipt() -> Receipt:
    return Receipt(
        merchant_uid="00012345",
        receipt_tid="T-1",
        apply_num="012345678",
        type="person",
        amount=12_300,
        vat=1_118,
        receipt_url="https://example.com/r/1",
        applied_at=1_764_514_807,
        cancelled_at=None,
    )


def answer(qtbot: QtBot, keys: Callable[[CancelConfirmDialog], None]) -> list[str]:
    """Run ``keys`` on the real dialog once it is up; returns what went wrong, if anything."""
    problems: list[str] = []

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        # Keys reach the dialog once it is the active window (mnemonics above all).
        if not isinstance(dialog, CancelConfirmDialog) or QApplication.activeWindow() is not dialog:
            QTimer.singleShot(20, attempt)
            return
        try:
            keys(dialog)
        except AssertionError as exc:  # reported to the test, never left hanging
            problems.append(str(exc) or repr(exc))
            dialog.reject()

    QTimer.singleShot(0, attempt)
    return problems


def key(qtbot: QtBot, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, k, mod)


def test_transaction_cancelled_is_preselected_and_said(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def look(dialog: CancelConfirmDialog) -> None:
        box = dialog.reason_box
        seen["reason"] = box.reason()
        seen["hint"] = box.hint.text()
        seen["focus"] = QApplication.focusWidget()
        seen["keep"] = dialog.keep_button
        seen["enabled"] = dialog.cancel_button.isEnabled()
        key(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)

    problems = answer(qtbot, look)
    decision = confirm_cancellation(parent, receipt())
    assert not problems
    assert seen["reason"] is CancelReason.TRANSACTION_CANCELLED
    assert "Transaction cancelled is chosen" in str(seen["hint"])
    assert seen["focus"] is seen["keep"]  # the safe button has the focus
    assert seen["enabled"] is True
    assert decision == CancelDecision(CancelReason.TRANSACTION_CANCELLED, None)


def test_other_needs_a_memo_before_it_can_confirm(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def other_then_memo(dialog: CancelConfirmDialog) -> None:
        box = dialog.reason_box
        key(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # the choice's mnemonic
        qtbot.waitUntil(lambda: box.reason() is CancelReason.OTHER)  # a mnemonic animates
        seen["enabled_without_memo"] = dialog.cancel_button.isEnabled()
        seen["hint_without_memo"] = box.hint.text()
        key(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # refused: still open
        seen["open_after_alt_c"] = dialog.isVisible()
        key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # to the memo
        qtbot.waitUntil(lambda: QApplication.focusWidget() is box.memo)
        box.memo.insert("  재발급 예정  ")  # as the input method commits Hangul
        seen["enabled_with_memo"] = dialog.cancel_button.isEnabled()
        key(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)

    problems = answer(qtbot, other_then_memo)
    decision = confirm_cancellation(parent, receipt())
    assert not problems
    assert seen["enabled_without_memo"] is False
    assert "needs a short memo" in str(seen["hint_without_memo"])
    assert seen["open_after_alt_c"] is True
    assert seen["enabled_with_memo"] is True
    assert decision == CancelDecision(CancelReason.OTHER, "재발급 예정")  # the rules' form


def test_arrow_keys_choose_the_reason_and_enter_still_keeps(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def arrows(dialog: CancelConfirmDialog) -> None:
        box = dialog.reason_box
        # Shift+Tab from Keep: Cancel, the memo, then the checked reason.
        for _ in range(3):
            key(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is box.choices[CancelReason.TRANSACTION_CANCELLED]
        key(qtbot, Qt.Key.Key_Down)
        seen["after_down"] = box.reason()
        key(qtbot, Qt.Key.Key_Return)  # Enter presses the default: Keep

    problems = answer(qtbot, arrows)
    decision = confirm_cancellation(parent, receipt())
    assert not problems
    assert seen["after_down"] is CancelReason.ISSUED_IN_ERROR
    assert decision is None


def test_a_memo_with_a_control_character_cannot_confirm(qtbot: QtBot) -> None:
    dialog = CancelConfirmDialog(receipt())
    qtbot.addWidget(dialog)
    dialog.reason_box.choices[CancelReason.ISSUED_IN_ERROR].setChecked(True)
    dialog.reason_box.memo.setText("오\u202e입력")
    assert not dialog.cancel_button.isEnabled()
    assert "invisible control character" in dialog.reason_box.hint.text()
    dialog.reason_box.memo.setText("오입력")
    assert dialog.cancel_button.isEnabled()
    assert dialog.reason_box.hint.text() == ""


def test_a_lost_answer_keeps_what_the_lookup_showed(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    uid = "ORDER-LOST"
    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        cancel_with(qtbot, window, dialogs, uid, CancelDecision(CancelReason.OTHER, "중복 발급"))
        assert window.panel.confirmation.isHidden()
    lookup = simulator.receipt(uid)
    assert lookup is not None
    unknown = row(app_paths, uid)
    assert unknown["outcome"] == "unknown"
    assert (unknown["reason"], unknown["reason_note"]) == (3, "중복 발급")
    assert unknown["receipt_source"] == "lookup"
    assert (unknown["amount"], unknown["apply_num"], unknown["applied_at"]) == (
        lookup["amount"],
        lookup["apply_num"],
        lookup["applied_at"],
    )


class RealConfirmation(Dialogs):
    """The window's confirmation is the real dialog, answered by keys from a timer."""

    def __init__(self, qtbot: QtBot, keys: Callable[[CancelConfirmDialog], None]) -> None:
        super().__init__()
        self.qtbot, self.keys, self.problems = qtbot, keys, []

    def confirm(self, window: MainWindow, receipt: Receipt) -> Any:
        self.problems += answer(self.qtbot, self.keys)
        return confirm_cancellation(window, receipt)


def test_the_reason_chosen_by_keyboard_reaches_the_row(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    def issued_in_error(dialog: CancelConfirmDialog) -> None:
        key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: dialog.reason_box.reason() is CancelReason.ISSUED_IN_ERROR)
        key(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)

    dialogs = RealConfirmation(qtbot, issued_in_error)
    with open_window(qtbot, app_paths, simulator, dialogs=dialogs) as (window, _):
        look_up(qtbot, window, UID)
        cancel(qtbot, window)
        assert "Reason: Issued in error" in window.panel.confirmation.label.text()
    assert not dialogs.problems
    saved = row(app_paths, UID)
    assert (saved["outcome"], saved["reason"], saved["reason_note"]) == ("cancelled", 2, None)


@pytest.mark.usefixtures("korean")
def test_the_result_says_the_reason_in_korean(qapp: QApplication) -> None:
    from iamport_desk.models import HistoryEntry, Outcome
    from iamport_desk.ui.result_confirmation import ResultConfirmation

    bar = ResultConfirmation()
    entry = HistoryEntry(
        id=7,
        started_at=1.0,
        ended_at=2.0,
        profile="강남점",
        tier_code=None,
        merchant_uid="00012345",
        operator="김회계",
        outcome=Outcome.CANCELLED,
        reason=CancelReason.OTHER,
        reason_note="손님 요청",
    )
    bar.offer(entry)
    assert "취소 사유: 기타 (손님 요청)" in bar.label.text()
    assert bar.save_button.text() == "확인서 PDF로 저장(&V)..."
    bar.deleteLater()


def test_the_duplicate_guard_offers_the_earlier_cancellations_confirmation(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        bar = window.panel.confirmation
        with qtbot.waitSignal(bar.offered, timeout=15_000):
            cancel_with(qtbot, window, dialogs, UID, CancelDecision(CancelReason.OTHER, MEMO))
        first = row(app_paths, UID)["id"]
        # PortOne shows the receipt issued again (say, a stale answer): the history says no.
        simulator.add_receipt(UID, amount=33_000)
        simulator.reset_requests()
        with qtbot.waitSignal(bar.offered, timeout=15_000) as offered:
            cancel_with(qtbot, window, dialogs, UID, CancelDecision())
        assert simulator.count("DELETE") == 0
        assert offered.args[0].history_id == first
        assert f"Reason: Other ({MEMO})" in bar.label.text()


def test_a_confirmation_that_cannot_be_made_is_said_not_raised(
    qtbot: QtBot,
    app_paths: AppPaths,
    simulator: Simulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from iamport_desk.ui import confirmation

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("layout failed")  # a bug in the renderer, not a file problem

    monkeypatch.setattr(confirmation, "save_pdf", broken)
    with open_window(qtbot, app_paths, simulator) as (window, dialogs):
        bar = window.panel.confirmation
        bar.ask_pdf_path = lambda _parent, _suggested: str(tmp_path / "x.pdf")
        with qtbot.waitSignal(bar.offered, timeout=15_000):
            cancel_with(qtbot, window, dialogs, UID, CancelDecision())
        qtbot.mouseClick(bar.save_button, Qt.MouseButton.LeftButton)
        assert window.message.text().startswith("The confirmation could not be made.")
    assert not (tmp_path / "x.pdf").exists()
