"""The history window as a record for the books: its columns, keys, words, exports,
confirmations and the correction pairs (issues 13, 14 and 15)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

import iamport_desk.settings
from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.history import History
from iamport_desk.models import Action, CancelReason, Outcome, Receipt
from iamport_desk.paths import AppPaths
from iamport_desk.service import DeskService
from iamport_desk.settings import load_settings
from iamport_desk.ui.history_cells import (
    COL_ACTION,
    COL_AMOUNT,
    COL_APPROVAL,
    COL_CODE,
    COL_ORDER,
    COL_OUTCOME,
    COL_PAIR,
    COL_REASON,
    COL_STATUS,
    COL_URL,
    COLUMNS,
)
from iamport_desk.ui.history_table_view import displayed_text
from iamport_desk.ui.history_window import HistoryWindow, default_size
from iamport_desk.ui.words import history_problem
from tests.fakes import FakeClock
from tests.ui_helpers import running_service

pytestmark = [
    pytest.mark.timeout(60),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def api(app_paths: AppPaths) -> Iterator[DeskService]:
    with running_service(app_paths) as service:
        yield service


@pytest.fixture
def profiles(app_paths: AppPaths) -> ProfileStore:
    return ProfileStore(app_paths.settings_file, SecretStore())


@dataclass(frozen=True)
class Books:
    """The ids of the rows :func:`write_books` wrote."""

    first: int  # ORDER-20261125-0001: cancelled (issued in error), then re-issued
    second: int  # ORDER-20261125-0002: failed, the lookup's amount kept
    old: int  # 20261201000000012345: cancelled before reasons were recorded
    reissue: int  # ORDER-20261125-0001 issued again, correcting ``first``


def receipt(uid: str, apply_num: str, amount: int, *, cancelled: bool) -> Receipt:
    return Receipt(
        merchant_uid=uid,
        receipt_tid=f"tid-{apply_num}",
        apply_num=apply_num,
        type="person",
        amount=amount,
        vat=amount // 11,
        receipt_url=f"https://receipt.example.com/{apply_num}",
        applied_at=1_764_000_000,
        cancelled_at=1_764_050_000 if cancelled else None,
    )


def write_books(path: Path) -> Books:
    clock = FakeClock(1_764_060_000.0)
    with History(path, clock=clock, operator="clerk") as history:
        uid = "ORDER-20261125-0001"
        first = history.begin(
            profile="main",
            tier_code=None,
            merchant_uid=uid,
            reason=CancelReason.ISSUED_IN_ERROR,
            looked_up=receipt(uid, "012345678", 12300, cancelled=False),
        )
        history.finish(
            first, Outcome.CANCELLED, receipt=receipt(uid, "012345678", 12300, cancelled=True)
        )
        clock.advance(60)
        uid2 = "ORDER-20261125-0002"
        second = history.begin(
            profile="main",
            tier_code=None,
            merchant_uid=uid2,
            reason=CancelReason.OTHER,
            reason_note="고객 요청",
            looked_up=receipt(uid2, "000000042", 45000, cancelled=False),
        )
        history.finish(second, Outcome.FAILED, http_status=400, code=-1, message="PG 거절")
        clock.advance(60)
        uid3 = "20261201000000012345"
        old = history.begin(profile="main", tier_code=None, merchant_uid=uid3)
        history.finish(
            old, Outcome.CANCELLED, receipt=receipt(uid3, "000123456", 5000, cancelled=True)
        )
        clock.advance(60)
        reissue = history.begin_issue(
            profile="main",
            tier_code=None,
            merchant_uid=uid,
            corrects=first,
            amount=12300,
            vat=1118,
            receipt_type="company",
            identifier_masked="1234567890",
        )
        history.finish(
            reissue, Outcome.CANCELLED, receipt=receipt(uid, "099999999", 12300, cancelled=False)
        )
    return Books(first, second, old, reissue)


def row(window: HistoryWindow, entry_id: int) -> int:
    found = window.model.row_of(entry_id)
    assert found is not None
    return found


def cell(window: HistoryWindow, entry_id: int, column: int) -> str:
    return str(window.model.data(window.model.index(row(window, entry_id), column)))


def select(window: HistoryWindow, *entry_ids: int) -> None:
    selection = window.table.selectionModel()
    selection.clearSelection()
    flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
    for entry_id in entry_ids:
        selection.select(window.model.index(row(window, entry_id), 0), flags)
    selection.setCurrentIndex(
        window.model.index(row(window, entry_ids[0]), 0), selection.SelectionFlag.NoUpdate
    )


@pytest.fixture
def books(app_paths: AppPaths) -> Books:
    return write_books(app_paths.history_db)


def open_window(
    qtbot: QtBot, path: Path, api: DeskService, profiles: ProfileStore
) -> HistoryWindow:
    window = HistoryWindow(path, api, profiles)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.model.loading, timeout=10_000)
    return window


def test_a_history_it_cannot_read_is_said_in_the_words_of_the_one_place(
    qtbot: QtBot, app_paths: AppPaths, api: DeskService, profiles: ProfileStore
) -> None:
    path = app_paths.history_db
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE attempts (id INTEGER PRIMARY KEY, future TEXT)")
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()
    window = open_window(qtbot, path, api, profiles)
    qtbot.waitUntil(lambda: window.status_label.text() == history_problem("newer"))


# ---- columns for the books (issue 13) ------------------------------------------------


def visible_span(window: HistoryWindow, column: int) -> tuple[int, int]:
    header = window.table.horizontalHeader()
    left = header.sectionViewportPosition(column)
    return left, left + header.sectionSize(column)


def test_the_books_columns_come_first_and_fit_a_laptop_screen(
    qtbot: QtBot, app_paths: AppPaths, books: Books, api: DeskService, profiles: ProfileStore
) -> None:
    window = open_window(qtbot, app_paths.history_db, api, profiles)
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height() - 80
    # What it opens at on a 1366x768 laptop (less a 40 px taskbar).
    laptop = default_size(QRect(0, 0, 1366, 728))
    assert laptop.width() <= 1366 and laptop.height() <= 768 - 80
    window.resize(laptop)
    qtbot.waitUntil(lambda: window.table.viewport().width() > 1100)
    header = window.table.horizontalHeader()
    shown = [header.logicalIndex(v) for v in range(header.count())]
    shown = [c for c in shown if not header.isSectionHidden(c)]
    assert shown[:8] == [
        0,
        COL_ORDER,
        COL_OUTCOME,
        COL_AMOUNT,
        COL_APPROVAL,
        COL_REASON,
        COL_ACTION,
        COL_PAIR,
    ]
    assert all(header.isSectionHidden(i) == c.technical for i, c in enumerate(COLUMNS))
    assert header.isSectionHidden(COL_STATUS) and header.isSectionHidden(COL_CODE)
    viewport = window.table.viewport().width()
    for column in (COL_AMOUNT, COL_APPROVAL, COL_REASON, COL_PAIR, COL_URL):
        left, right = visible_span(window, column)
        assert left >= 0 and right <= viewport, (column, left, right, viewport)

    first = window.model.index(row(window, books.first), COL_ORDER)
    second = window.model.index(row(window, books.second), COL_ORDER)
    assert displayed_text(window.table, first) == "ORDER-20261125-0001"
    # Narrowed by the clerk: still two different orders, cut in the middle.
    header.resizeSection(COL_ORDER, window.table.fontMetrics().horizontalAdvance("ORDER-2026"))
    shown_first = displayed_text(window.table, first)
    shown_second = displayed_text(window.table, second)
    assert "…" in shown_first and shown_first != shown_second
    assert shown_first.endswith("01") and shown_second.endswith("02")
    tooltip = window.model.data(first, Qt.ItemDataRole.ToolTipRole)
    assert "ORDER-20261125-0001" in tooltip


def test_the_column_chooser_and_the_arrangement_kept_for_the_next_time(
    qtbot: QtBot,
    app_paths: AppPaths,
    books: Books,
    api: DeskService,
    profiles: ProfileStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved_on: list[str] = []
    original = iamport_desk.settings.save_settings

    def save(*args: Any, **kwargs: Any) -> Any:
        saved_on.append(threading.current_thread().name)
        return original(*args, **kwargs)

    monkeypatch.setattr(iamport_desk.settings, "save_settings", save)
    window = open_window(qtbot, app_paths.history_db, api, profiles)
    header = window.table.horizontalHeader()
    menu = window.columns.chooser()
    by_column = {int(a.data()): a for a in menu.actions() if a.data() is not None}
    assert not by_column[COL_STATUS].isChecked() and by_column[COL_ORDER].isChecked()
    by_column[COL_STATUS].trigger()
    assert not header.isSectionHidden(COL_STATUS)
    header.resizeSection(COL_APPROVAL, 177)
    window.table.sortByColumn(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not window.model.loading and window.model.order_by == "amount")
    window.close()
    qtbot.waitUntil(lambda: profiles.settings.history_columns is not None, timeout=10_000)
    assert saved_on and threading.main_thread().name not in saved_on

    again = ProfileStore(app_paths.settings_file, SecretStore())
    reopened = open_window(qtbot, app_paths.history_db, api, again)
    header = reopened.table.horizontalHeader()
    assert not header.isSectionHidden(COL_STATUS)
    assert header.sectionSize(COL_APPROVAL) == 177
    # The last run's order too, the arrow and the rows alike.
    assert reopened.model.order_by == "amount" and not reopened.model.descending
    assert header.sortIndicatorSection() == COL_AMOUNT
    assert [e.amount for e in reopened.model.entries()] == [5000, 12300, 12300, 45000]
    # Back to the books' arrangement from the same menu.
    reset = [a for a in reopened.columns.chooser().actions() if a.data() is None][-1]
    reset.trigger()
    assert header.isSectionHidden(COL_STATUS)
    assert header.visualIndex(COL_ORDER) == 1


def test_a_saved_arrangement_of_other_columns_is_not_applied(
    qtbot: QtBot, app_paths: AppPaths, books: Books, api: DeskService, profiles: ProfileStore
) -> None:
    profiles.set_history_columns("12:AAAA/wAAAAAAAA==")  # an older version's twelve columns
    window = open_window(qtbot, app_paths.history_db, api, profiles)
    assert window.table.horizontalHeader().isSectionHidden(COL_STATUS)


@pytest.mark.parametrize("focus", ["table", "search"])
@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_esc_and_ctrl_w_close_the_window(
    qtbot: QtBot,
    app_paths: AppPaths,
    books: Books,
    api: DeskService,
    profiles: ProfileStore,
    focus: str,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
) -> None:
    window = open_window(qtbot, app_paths.history_db, api, profiles)
    window.activateWindow()
    qtbot.waitActive(window)
    target = window.table if focus == "table" else window.search_edit
    target.setFocus()
    qtbot.keyClick(target, key, modifier)
    qtbot.waitUntil(lambda: not window.isVisible())


# ---- the record's words and the correction pair (issues 14, 15) -----------------------


def test_reasons_outcomes_and_the_lookups_figures_in_the_clerks_words(
    qtbot: QtBot, app_paths: AppPaths, books: Books, api: DeskService, profiles: ProfileStore
) -> None:
    window = open_window(qtbot, app_paths.history_db, api, profiles)
    assert cell(window, books.first, COL_REASON) == "Issued in error"
    assert cell(window, books.second, COL_REASON) == "Other: 고객 요청"
    assert cell(window, books.old, COL_REASON) == "Not recorded"  # before reasons were kept
    assert cell(window, books.reissue, COL_REASON) == ""  # a re-issue has no 취소사유
    assert cell(window, books.reissue, COL_OUTCOME) == "Issued"
    assert cell(window, books.reissue, COL_ACTION) == "Re-issue"
    assert cell(window, books.first, COL_ACTION) == "Cancellation"
    # The failed row keeps what the lookup showed, marked as such.
    assert cell(window, books.second, COL_AMOUNT) == "45,000 won (at lookup)"
    assert cell(window, books.second, COL_APPROVAL) == "000000042"
    assert cell(window, books.first, COL_AMOUNT) == "12,300 won"  # PortOne's answer
    tooltip = window.model.data(
        window.model.index(row(window, books.second), COL_AMOUNT), Qt.ItemDataRole.ToolTipRole
    )
    assert "From the lookup" in tooltip
    approval_tip = window.model.data(
        window.model.index(row(window, books.second), COL_APPROVAL), Qt.ItemDataRole.ToolTipRole
    )
    assert approval_tip == tooltip
    assert window.columns_action in window.table.actions()  # the chooser from the keyboard


def test_a_correction_links_both_rows_and_leads_from_one_to_the_other(
    qtbot: QtBot, app_paths: AppPaths, books: Books, api: DeskService, profiles: ProfileStore
) -> None:
    window = open_window(qtbot, app_paths.history_db, api, profiles)
    assert cell(window, books.first, COL_PAIR) == f"→ #{books.reissue} re-issue"
    assert cell(window, books.reissue, COL_PAIR) == f"← #{books.first} cancellation"
    assert cell(window, books.second, COL_PAIR) == ""

    select(window, books.second)
    assert not window.pair_button.isEnabled()
    select(window, books.first)
    assert window.pair_button.isEnabled()
    qtbot.mouseClick(window.pair_button, Qt.MouseButton.LeftButton)
    assert [window.model.entry(r).id for r in window.row_actions.selected_rows()] == [books.reissue]
    assert window.status_label.text() == f"Row #{books.reissue} selected."
    # Double-clicking the link's own cell goes back; elsewhere it opens the receipt.
    opened: list[str] = []
    window.open_url = lambda url: opened.append(url) is None
    window.on_table_doubleClicked(window.model.index(row(window, books.reissue), COL_PAIR))
    assert [window.model.entry(r).id for r in window.row_actions.selected_rows()] == [books.first]
    assert opened == []
    window.on_table_doubleClicked(window.model.index(row(window, books.first), COL_ORDER))
    assert opened == ["https://receipt.example.com/012345678"]

    # The other row outside the view: said, not silently nothing.
    with History(app_paths.history_db) as history:
        assert history.get_pair(books.first)[1] is not None
    window.model.set_filter(
        dataclasses.replace(
            window.current_filter(), text="-0001", actions=frozenset({Action.CANCEL})
        )
    )
    qtbot.waitUntil(lambda: not window.model.loading and window.model.rowCount() == 1)
    select(window, books.first)
    window.row_actions.go_to_pair()
    assert window.status_label.text().startswith(f"Row #{books.reissue} is not among the rows")


# ---- exports (issue 14) ------------------------------------------------------------


def test_excel_is_the_default_export_and_keeps_every_digit_and_the_link(
    qtbot: QtBot,
    app_paths: AppPaths,
    books: Books,
    api: DeskService,
    profiles: ProfileStore,
    tmp_path: Path,
) -> None:
    window = open_window(qtbot, app_paths.history_db, api, profiles)
    asked: list[str] = []
    dest = tmp_path / "books.xlsx"

    def ask(default: str) -> str:
        asked.append(default)
        return str(dest)

    window.ask_save_path = ask
    buttons = [b.objectName() for b in window.findChildren(QPushButton) if b.isVisible()]
    assert buttons.index("xlsx_button") < buttons.index("export_button")  # Excel first
    with qtbot.waitSignal(window.export_finished, timeout=10_000) as blocker:
        qtbot.mouseClick(window.xlsx_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [4]
    assert asked[0].endswith(".xlsx")
    sheet = openpyxl.load_workbook(dest).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    # The window's words, in the clerk's language (English here), not the file's codes.
    at = {title: header.index(title) for title in header if isinstance(title, str)}
    body = {row[at["Row number"]]: row for row in rows[1:]}
    assert body[books.old][at["Order number"]] == "20261201000000012345"
    assert body[books.first][at["Approval number"]] == "012345678"
    assert body[books.first][at["Amount (won)"]] == 12300
    assert body[books.first][at["Cancellation reason"]] == "Issued in error"
    assert body[books.reissue][at["Outcome"]] == "Issued"
    assert body[books.reissue][at["Linked row number"]] == books.first
    assert body[books.first][at["Linked row number"]] == books.reissue
    assert body[books.second][at["Receipt details from"]] == "From the lookup"
    assert "Exported 4 attempt(s)" in window.status_label.text()


def test_an_empty_view_writes_nothing_and_says_so(
    qtbot: QtBot,
    app_paths: AppPaths,
    books: Books,
    api: DeskService,
    profiles: ProfileStore,
    tmp_path: Path,
) -> None:
    window = open_window(qtbot, app_paths.history_db, api, profiles)
    window.search_edit.setText("no-such-order")
    window.apply_filter()
    qtbot.waitUntil(lambda: not window.model.loading and window.model.rowCount() == 0)
    for button, name in ((window.xlsx_button, "empty.xlsx"), (window.export_button, "e.csv")):
        window.ask_save_path = lambda _default, name=name: str(tmp_path / name)
        with qtbot.waitSignal(window.export_finished, timeout=10_000) as blocker:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert blocker.args == [0]
        assert not (tmp_path / name).exists()
        assert window.status_label.text().startswith("No records to export")
        assert button.isEnabled()


# ---- cancellation confirmations (issue 14) ------------------------------------------


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8")


def test_the_selected_cancellations_saved_as_one_pdf_report(
    qtbot: QtBot,
    app_paths: AppPaths,
    books: Books,
    api: DeskService,
    profiles: ProfileStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import iamport_desk.ui.confirmation

    written_on: list[str] = []
    original = iamport_desk.ui.confirmation.save_pdf

    def save_pdf(*args: Any, **kwargs: Any) -> int:
        written_on.append(threading.current_thread().name)
        return original(*args, **kwargs)

    monkeypatch.setattr(iamport_desk.ui.confirmation, "save_pdf", save_pdf)
    window = open_window(qtbot, app_paths.history_db, api, profiles)
    select(window, books.second)
    assert not window.pdf_button.isEnabled()  # a failed attempt has nothing to confirm
    select(window, books.first, books.second, books.old)
    assert window.pdf_button.isEnabled()
    dest = tmp_path / "confirmation.pdf"
    window.ask_save_path = lambda _default: str(dest)
    with qtbot.waitSignal(window.confirmation_saved, timeout=30_000) as blocker:
        qtbot.mouseClick(window.pdf_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [2]
    text = pdf_text(dest)
    assert "ORDER-20261125-0001" in text and "20261201000000012345" in text
    assert "012345678" in text and "000123456" in text
    assert "Issued in error" in text and "not recorded" in text
    assert "ORDER-20261125-0002" not in text
    assert "1 selected row(s) are not cancellations" in window.status_label.text()
    assert len(written_on) == 1 and written_on != [
        threading.main_thread().name
    ]  # off the GUI thread

    # A folder that is not there: a sentence that names the file, and the button back.
    missing = tmp_path / "gone" / "x.pdf"
    window.ask_save_path = lambda _default: str(missing)
    with qtbot.waitSignal(
        window.message_shown, timeout=30_000, check_params_cb=lambda t: "x.pdf" in t
    ):
        qtbot.mouseClick(window.pdf_button, Qt.MouseButton.LeftButton)
    assert window.status_label.text().startswith(f"The file {missing} could not be saved")
    assert window.pdf_button.isEnabled() and not missing.exists()


def test_one_cancellation_printed_through_the_printer_seam(
    qtbot: QtBot,
    app_paths: AppPaths,
    books: Books,
    api: DeskService,
    profiles: ProfileStore,
    tmp_path: Path,
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    window = open_window(qtbot, app_paths.history_db, api, profiles)
    out = tmp_path / "printed.pdf"

    def ask_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    window.ask_printer = ask_printer
    select(window, books.first)
    with qtbot.waitSignal(window.confirmation_saved, timeout=30_000):
        qtbot.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    text = pdf_text(out)
    assert "Cash receipt cancellation confirmation" in text
    assert "ORDER-20261125-0001" in text and "012345678" in text and "Issued in error" in text
    assert window.status_label.text().startswith("Sent 1 page(s) to the printer")

    window.ask_printer = lambda: None  # the clerk closed the print dialog: nothing happens
    before = window.status_label.text()
    qtbot.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    assert window.status_label.text() == before


def test_a_report_of_every_cancellation_the_filters_select(
    qtbot: QtBot,
    app_paths: AppPaths,
    books: Books,
    api: DeskService,
    profiles: ProfileStore,
    tmp_path: Path,
) -> None:
    window = open_window(qtbot, app_paths.history_db, api, profiles)
    dest = tmp_path / "report.pdf"
    window.ask_save_path = lambda _default: str(dest)
    with qtbot.waitSignal(window.confirmation_saved, timeout=30_000) as blocker:
        qtbot.mouseClick(window.report_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [2]  # the two cancellations; not the failure, not the re-issue
    text = pdf_text(dest)
    assert "Cancellations in the whole history" in text
    assert "ORDER-20261125-0001" in text and "20261201000000012345" in text
    assert "12,300 won" in text and "17,300 won" in text  # and the total

    window.search_edit.setText("ORDER-20261125-0002")  # a failure only: no report
    with qtbot.waitSignal(window.message_shown, timeout=10_000):
        qtbot.mouseClick(window.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status_label.text().startswith("No report was made"))
    assert window.report_button.isEnabled()


def test_the_columns_setting_is_kept_only_when_set(app_paths: AppPaths) -> None:
    path = app_paths.settings_file
    store = ProfileStore(path, SecretStore())
    store.set_language("ko")
    assert "history_columns" not in json.loads(path.read_text(encoding="utf-8"))
    store.set_history_columns("17:AAAA")
    assert load_settings(path)[0].history_columns == "17:AAAA"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["history_columns"] = ["not", "text"]  # a hand-edited file: ignored, not fatal
    path.write_text(json.dumps(document), encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings.history_columns is None and notice is None
    assert settings.language == "ko"


def test_a_report_that_cannot_hold_every_cancellation_is_not_made(
    qtbot: QtBot,
    app_paths: AppPaths,
    books: Books,
    api: DeskService,
    profiles: ProfileStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Totals that leave rows out would be wrong for the books: nothing is written, and the
    clerk is told to narrow the view."""
    from iamport_desk.ui import history_confirmations

    monkeypatch.setattr(history_confirmations, "REPORT_LIMIT", 1)  # the books hold two
    window = open_window(qtbot, app_paths.history_db, api, profiles)
    dest = tmp_path / "report.pdf"
    window.ask_save_path = lambda _default: str(dest)
    qtbot.mouseClick(window.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status_label.text().startswith("No report was made: more"))
    assert not dest.exists()
    assert window.report_button.isEnabled()
