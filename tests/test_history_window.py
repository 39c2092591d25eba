"""The audit history window: lazy loading, filters, sorting, copy, export, open, reconcile."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.formatting import format_kst_seconds
from iamport_desk.history import History
from iamport_desk.history_export import DEFAULT_HEADERS
from iamport_desk.models import Credentials, Outcome, Profile
from iamport_desk.paths import AppPaths
from iamport_desk.service import DeskService
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Simulator
from iamport_desk.ui.history_cells import COL_AMOUNT, COL_MESSAGE, COL_ORDER
from iamport_desk.ui.history_model import HistoryTableModel
from iamport_desk.ui.history_window import HistoryWindow, kst_day_start
from iamport_desk.ui.words import outcome_label
from tests.ui_helpers import running_service

ROWS = 1000
BASE = kst_day_start(dt.date(2026, 1, 1))  # rows are one hour apart from here
# The offscreen platform plugin says this for any top-level window with a layout.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

HOSTILE = "<b>bold</b>\tTAB\nsecond line \u202eevil"

_INSERT = (
    "INSERT INTO attempts (started_at, ended_at, profile, tier_code, merchant_uid, operator, "
    "outcome, http_status, code, message, amount, apply_num, receipt_url) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def outcome_of(i: int) -> Outcome:
    return Outcome.FAILED if i % 5 == 0 else Outcome.UNKNOWN if i % 5 == 4 else Outcome.CANCELLED


def amount_of(i: int) -> int:
    return (i * 7919) % 100_000 + 1000


def fill(path: Path, count: int, *, extra: list[tuple[object, ...]] | None = None) -> None:
    """``count`` attempts in one transaction (begin()+finish() would fsync each one)."""
    rows: list[tuple[object, ...]] = []
    for i in range(count):
        outcome = outcome_of(i)
        failed = outcome is Outcome.FAILED
        rows.append(
            (
                BASE + i * 3600,
                BASE + i * 3600 + 1,
                "main" if i % 4 else "second",
                None,
                f"order-{i:05d}",
                "tester",
                outcome.value,
                500 if failed else 200,
                -1 if failed else 0,
                "PG 실패" if failed else None,
                amount_of(i),
                f"{i:09d}",
                f"https://receipt.example.com/cash/{i}",
            )
        )
    rows.extend(extra or [])
    History(path).close()  # the schema comes from History itself
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        conn.executemany(_INSERT, rows)
        # The key searches compare (NFC, as History.begin() writes it).
        conn.execute("UPDATE attempts SET order_key = merchant_uid")
        conn.execute("COMMIT")
    finally:
        conn.close()


@pytest.fixture
def db(app_paths: AppPaths) -> Path:
    path = app_paths.history_db
    fill(path, ROWS)
    return path


@pytest.fixture
def api(app_paths: AppPaths) -> Iterator[DeskService]:
    with running_service(app_paths) as service:
        yield service


@pytest.fixture
def profiles(app_paths: AppPaths) -> ProfileStore:
    return ProfileStore(app_paths.settings_file, SecretStore())


def open_window(
    qtbot: QtBot, path: Path, api: DeskService, profiles: ProfileStore, **kwargs: object
) -> HistoryWindow:
    window = HistoryWindow(path, api, profiles, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window)
    return window


def settle(qtbot: QtBot, window: HistoryWindow) -> None:
    """Wait until the rows asked for have been read (in the background) and shown."""
    qtbot.waitUntil(lambda: not window.model.loading, timeout=10_000)


def select_row(window: HistoryWindow, row: int) -> None:
    selection = window.table.selectionModel()
    selection.setCurrentIndex(
        window.model.index(row, 0),
        selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows,
    )


def orders(model: HistoryTableModel) -> list[str]:
    return [entry.merchant_uid for entry in model.entries()]


def test_opens_lazily_and_loads_more_on_scrolling(
    qtbot: QtBot, db: Path, api: DeskService, profiles: ProfileStore
) -> None:
    window = open_window(qtbot, db, api, profiles)
    model = window.model
    assert window.windowTitle() == "Audit history"
    assert window.windowFlags() & Qt.WindowType.Window
    assert model.rowCount() == 200
    assert model.matching == ROWS and model.total == ROWS
    assert orders(model)[0] == "order-00999"  # newest first
    assert window.count_label.text() == "All attempts shown: 1,000"

    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    settle(qtbot, window)
    assert model.rowCount() == 400

    # The view asks for more when scrolled to the end.
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 400)
    settle(qtbot, window)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        settle(qtbot, window)
    assert model.rowCount() == ROWS
    assert len(set(orders(model))) == ROWS


def test_search_is_debounced_and_narrows(
    qtbot: QtBot, db: Path, api: DeskService, profiles: ProfileStore
) -> None:
    window = open_window(qtbot, db, api, profiles)
    qtbot.keyClicks(window.search_edit, "ORDER-0012")  # case-insensitive, a substring
    assert window.model.rowCount() == 200  # not yet: waits for a pause in the typing
    qtbot.waitUntil(lambda: window.model.rowCount() == 10)
    assert sorted(orders(window.model)) == [f"order-0012{d}" for d in range(10)]
    assert window.count_label.text() == "10 of 1,000 attempts shown"

    # A LIKE wildcard is searched literally.
    window.search_edit.setText("%")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    window.search_edit.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 200)


def test_outcome_profile_and_date_filters(
    qtbot: QtBot, db: Path, api: DeskService, profiles: ProfileStore
) -> None:
    window = open_window(qtbot, db, api, profiles)
    model = window.model
    assert [window.profile_combo.itemText(i) for i in range(window.profile_combo.count())] == [
        "All profiles",
        "main",
        "second",
    ]

    window.outcome_combo.setCurrentIndex(window.outcome_combo.findData(Outcome.FAILED.value))
    settle(qtbot, window)
    assert model.matching == 200
    assert {e.outcome for e in model.entries()} == {Outcome.FAILED}

    window.profile_combo.setCurrentIndex(window.profile_combo.findData("second"))
    settle(qtbot, window)
    assert model.rowCount() == model.matching == 50  # i % 20 == 0
    assert all(e.profile == "second" and e.outcome is Outcome.FAILED for e in model.entries())

    window.outcome_combo.setCurrentIndex(0)
    window.profile_combo.setCurrentIndex(0)
    settle(qtbot, window)
    assert model.matching == ROWS

    # One KST day: rows 24..47 (row 24 starts exactly at midnight; row 48 is the next day).
    assert not window.since_edit.isEnabled()
    window.any_date_check.setChecked(False)
    assert window.since_edit.isEnabled()
    window.since_edit.setDate(QDate(2026, 1, 2))
    window.until_edit.setDate(QDate(2026, 1, 2))
    settle(qtbot, window)
    assert model.rowCount() == 24
    assert sorted(orders(model)) == [f"order-{i:05d}" for i in range(24, 48)]

    # "From" after "To" moves "To" along rather than showing an empty list.
    window.since_edit.setDate(QDate(2026, 1, 3))
    assert window.until_edit.date() == QDate(2026, 1, 3)
    settle(qtbot, window)
    assert sorted(orders(model)) == [f"order-{i:05d}" for i in range(48, 72)]

    window.any_date_check.setChecked(True)
    settle(qtbot, window)
    assert model.matching == ROWS


def click_header(qtbot: QtBot, window: HistoryWindow, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    settle(qtbot, window)


def test_sorting_by_amount_and_unsortable_columns(
    qtbot: QtBot, db: Path, api: DeskService, profiles: ProfileStore
) -> None:
    window = open_window(qtbot, db, api, profiles)
    model = window.model
    header = window.table.horizontalHeader()
    window.table.horizontalScrollBar().setValue(0)
    first = orders(model)[0]

    window.table.scrollTo(model.index(0, COL_AMOUNT))
    click_header(qtbot, window, COL_AMOUNT)
    assert model.order_by == "amount"
    amounts = sorted(amount_of(i) for i in range(ROWS))
    assert orders(model)[0] != first
    assert model.entries()[0].amount == amounts[0]
    assert [e.amount for e in model.entries()] == amounts[:200]
    assert header.sortIndicatorSection() == COL_AMOUNT

    click_header(qtbot, window, COL_AMOUNT)
    assert model.descending
    assert model.entries()[0].amount == amounts[-1]

    # The message column cannot be sorted: the order and the arrow stay.
    before = orders(model)
    window.table.scrollTo(model.index(0, COL_MESSAGE))
    click_header(qtbot, window, COL_MESSAGE)
    assert orders(model) == before
    assert header.sortIndicatorSection() == COL_AMOUNT
    assert window.status_label.text() == "This column cannot be sorted."


def test_copy_row_and_hostile_text(
    qtbot: QtBot, app_paths: AppPaths, api: DeskService, profiles: ProfileStore
) -> None:
    path = app_paths.history_db
    fill(
        path,
        3,
        extra=[
            (
                BASE + 10 * 3600,
                None,
                "main",
                "T01",
                "evil-1",
                "tester",
                "failed",
                400,
                -1,
                HOSTILE * 40,
                12300,
                "000123456",
                "javascript:alert(1)",
            )
        ],
    )
    window = open_window(qtbot, path, api, profiles)
    model = window.model
    assert orders(model)[0] == "evil-1"

    cell = model.data(model.index(0, COL_MESSAGE))
    assert "\n" not in cell and "\t" not in cell and "\u202e" not in cell
    assert len(cell) <= 200 and cell.endswith("…")
    tooltip = model.data(model.index(0, COL_MESSAGE), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("<qt>&lt;b&gt;bold&lt;/b&gt;")
    assert model.data(model.index(0, COL_AMOUNT), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )

    select_row(window, 1)  # order-00002, a plain cancelled row
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    expected = "\t".join(
        [
            format_kst_seconds(BASE + 2 * 3600),
            "main",
            "",
            "order-00002",
            "tester",
            outcome_label(Outcome.CANCELLED),
            "200",
            "0",
            "",
            f"{amount_of(2):,} won",
            "000000002",
            "https://receipt.example.com/cash/2",
        ]
    )
    assert QApplication.clipboard().text() == expected

    select_row(window, 0)
    qtbot.mouseClick(window.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied.count("\t") == 11 and "\n" not in copied
    assert copied.startswith(format_kst_seconds(BASE + 10 * 3600) + "\tmain\tT01\tevil-1\t")

    # Pasted into a spreadsheet, foreign text never becomes a formula.
    fill(
        path,
        0,
        extra=[
            (
                BASE + 20 * 3600,
                None,
                "main",
                None,
                "=HYPERLINK(1)",
                "tester",
                "failed",
                400,
                -1,
                "+cmd|' /C calc'!A0",
                None,
                None,
                None,
            )
        ],
    )
    window.refresh()
    settle(qtbot, window)
    select_row(window, 0)
    window.on_copy_button_clicked()
    cells = QApplication.clipboard().text().split("\t")
    assert cells[3] == "'=HYPERLINK(1)" and cells[8] == "'+cmd|' /C calc'!A0"
    assert cells[7] == "-1"  # numbers stay numbers


def test_open_receipt_only_for_safe_links(
    qtbot: QtBot, app_paths: AppPaths, api: DeskService, profiles: ProfileStore
) -> None:
    path = app_paths.history_db
    fill(
        path,
        2,
        extra=[
            (
                BASE + 10 * 3600,
                None,
                "main",
                None,
                "evil-1",
                "tester",
                "cancelled",
                200,
                0,
                None,
                1000,
                "1",
                "javascript:alert(1)",
            )
        ],
    )
    window = open_window(qtbot, path, api, profiles)
    opened: list[str] = []

    def open_url(url: str) -> bool:
        opened.append(url)
        return True

    window.open_url = open_url

    select_row(window, 0)
    assert window.model.entry(0) is not None and window.model.entry(0).merchant_uid == "evil-1"
    assert not window.open_button.isEnabled()
    window.on_table_doubleClicked(window.model.index(0, COL_ORDER))
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert opened == []
    assert "no receipt link that can be opened" in window.status_label.text()

    select_row(window, 1)
    assert window.open_button.isEnabled()
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert opened == ["https://receipt.example.com/cash/1"] * 2


def test_export_writes_the_current_view(
    qtbot: QtBot, db: Path, api: DeskService, profiles: ProfileStore, tmp_path: Path
) -> None:
    window = open_window(qtbot, db, api, profiles)
    asked: list[str] = []
    dest = tmp_path / "out" / "history.csv"
    dest.parent.mkdir()

    def ask(default: str) -> str:
        asked.append(default)
        return str(dest)

    window.ask_save_path = ask
    window.outcome_combo.setCurrentIndex(window.outcome_combo.findData(Outcome.FAILED.value))
    window.profile_combo.setCurrentIndex(window.profile_combo.findData("second"))
    window.table.sortByColumn(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    with qtbot.waitSignal(window.export_finished, timeout=10_000) as blocker:
        qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [50]
    today = dt.datetime.now(tz=dt.timezone(dt.timedelta(hours=9)))
    assert Path(asked[0]).name == f"iamport-desk-history-{today:%Y%m%d}.csv"
    raw = dest.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 51
    # The window's 18 titles first, in their order; schema 4's columns follow (issue 14).
    assert rows[0][0] == "Started (KST)" and len(rows[0]) == len(DEFAULT_HEADERS) == 30
    assert rows[0][:18] == window.export_headers()
    amounts = [int(row[10]) for row in rows[1:]]
    assert amounts == sorted(amounts)  # the current sort
    assert {row[2] for row in rows[1:]} == {"second"}
    assert {row[6] for row in rows[1:]} == {outcome_label(Outcome.FAILED)}
    assert "Exported 50 attempt(s)" in window.status_label.text()

    # A folder that does not exist: a plain sentence, no file, the button usable again.
    window.ask_save_path = lambda _default: str(tmp_path / "missing" / "x.csv")
    with qtbot.waitSignal(window.export_finished, timeout=10_000) as blocker:
        qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert isinstance(blocker.args[0], OSError)
    assert window.status_label.text().startswith("The file could not be saved")
    assert window.export_button.isEnabled()

    # Cancelling the dialog does nothing.
    window.ask_save_path = lambda _default: None
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert window.export_button.isEnabled()


def test_reconcile_button_settles_unknown_outcomes_with_the_simulator(
    qtbot: QtBot, app_paths: AppPaths, api: DeskService, profiles: ProfileStore
) -> None:
    path = app_paths.history_db
    with Simulator() as simulator:
        simulator.add_receipt("order-gone", amount=5500, cancelled_at=int(time.time()) - 60)
        simulator.add_receipt("order-kept", amount=7700)
        with History(path) as history:
            for uid in ("order-gone", "order-kept"):
                history.finish(
                    history.begin(profile="main", tier_code=None, merchant_uid=uid),
                    Outcome.UNKNOWN,
                    message="connection dropped",
                )
        profiles.save_profile(
            Profile("main", DEMO_IMP_KEY, None, simulator.base_url), DEMO_IMP_SECRET
        )

        window = open_window(qtbot, path, api, profiles)
        assert {e.outcome for e in window.model.entries()} == {Outcome.UNKNOWN}
        with qtbot.waitSignal(window.reconcile_finished, timeout=10_000):
            qtbot.mouseClick(window.reconcile_button, Qt.MouseButton.LeftButton)
            assert not window.reconcile_button.isEnabled()
        assert window.reconcile_button.isEnabled()
        assert simulator.count("DELETE") == 0  # checked by lookup, never resent
        settle(qtbot, window)
        outcomes = {e.merchant_uid: e.outcome for e in window.model.entries()}
        assert outcomes == {"order-gone": Outcome.CANCELLED, "order-kept": Outcome.FAILED}
        assert window.status_label.text().startswith(
            "Checked 2 attempt(s) by lookup: 1 cancelled, 1 not cancelled"
        )
        gone = next(e for e in window.model.entries() if e.merchant_uid == "order-gone")
        assert "Confirmed by lookup" in window.model.data(
            window.model.index(window.model.row_of(gone.id) or 0, COL_MESSAGE)
        )


def test_reconcile_uses_the_credentials_provider_and_says_when_there_are_none(
    qtbot: QtBot, app_paths: AppPaths, api: DeskService, profiles: ProfileStore
) -> None:
    fill(app_paths.history_db, 5)
    window = open_window(
        qtbot, app_paths.history_db, api, profiles, credentials_provider=lambda: None
    )
    qtbot.mouseClick(window.reconcile_button, Qt.MouseButton.LeftButton)
    assert "No store profile" in window.status_label.text()
    assert window.reconcile_button.isEnabled()

    with Simulator() as simulator:
        profiles.save_profile(Profile("second", "wrong-key", None, "https://api.iamport.kr"), "x")
        credentials = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, None, simulator.base_url)
        window.credentials_provider = lambda: credentials
        with qtbot.waitSignal(window.reconcile_finished, timeout=10_000) as blocker:
            qtbot.mouseClick(window.reconcile_button, Qt.MouseButton.LeftButton)
        assert blocker.args[0].error is None
        # Row 4 ("second") is unknown and the simulator has no such receipt: not cancelled.
        assert window.status_label.text().startswith("Checked 1 attempt(s) by lookup: 0 cancelled")
        assert simulator.count("GET", "/receipts/external/order-00004") == 1


def test_refreshes_when_the_history_changes_and_when_shown(
    qtbot: QtBot, db: Path, api: DeskService, profiles: ProfileStore
) -> None:
    window = open_window(qtbot, db, api, profiles)
    select_row(window, 3)
    selected = window.model.entry(3)
    assert selected is not None
    with History(db) as history:
        history.begin(profile="third", tier_code=None, merchant_uid="order-new")
    api.api.worker.history_changed.emit([])  # what the worker does after every write
    qtbot.waitUntil(lambda: window.model.total == ROWS + 1)
    assert orders(window.model)[0] == "order-new"
    assert window.profile_combo.findData("third") > 0
    rows = window.table.selectionModel().selectedRows()
    assert [window.model.entry(i.row()) for i in rows] == [selected]

    window.close()
    with History(db) as history:
        history.begin(profile="third", tier_code=None, merchant_uid="order-newer")
    window.show()
    settle(qtbot, window)
    assert window.model.total == ROWS + 2
