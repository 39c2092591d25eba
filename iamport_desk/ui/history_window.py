"""The audit history window: search, filter, sort, open a receipt, copy, export, confirm, check.

Its parts: the filters bar (:mod:`history_filters`), the table (:mod:`history_table_view`
over :mod:`history_model`, which reads in the background) and its columns
(:mod:`history_columns`), the row actions (:mod:`history_row_actions`), the export
(:mod:`history_export_actions`, :mod:`history_exporter`), the confirmations
(:mod:`history_confirmations`) and the check of unknown outcomes (:mod:`history_reconcile`).
It asks the API thread for that reconciliation and for the settings write of its columns,
and listens to ``history_changed`` to refresh.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from iamport_desk.history import HistoryFilter, HistoryUnavailable
from iamport_desk.jobs import CredentialsSource
from iamport_desk.models import Credentials
from iamport_desk.ui.history_cells import COLUMNS
from iamport_desk.ui.history_columns import HistoryColumns
from iamport_desk.ui.history_confirmations import HistoryConfirmations
from iamport_desk.ui.history_export_actions import HistoryExportActions
from iamport_desk.ui.history_exporter import HistoryExporter
from iamport_desk.ui.history_filters import HistoryFilterBar, kst_day_start
from iamport_desk.ui.history_model import HistoryTableModel
from iamport_desk.ui.history_reconcile import HistoryReconcile
from iamport_desk.ui.history_reissue import HistoryReissue
from iamport_desk.ui.history_row_actions import HistoryRowActions
from iamport_desk.ui.history_table_view import HistoryTableView
from iamport_desk.ui.receipt_view import plain_label
from iamport_desk.ui.words import (
    WARNING_COLOUR,
    export_headers,
    history_problem,
    label_style,
)

if TYPE_CHECKING:
    from iamport_desk.credentials import ProfileStore
    from iamport_desk.service import DeskService

log = logging.getLogger(__name__)

REFRESH_DELAY_MS = 100  # coalesces the bursts of history_changed during a reconciliation


def default_size(room: QRect) -> QSize:
    """As wide as the books' columns need, within the screen's free ``room`` (a 1366x768
    laptop at 100 %, 2560x1440 at 200 %) less a title bar and a margin."""
    return QSize(min(1320, room.width() - 40), min(640, room.height() - 80))


class HistoryWindow(QWidget):
    """A top-level window over the audit history.

    Signals:
        message_shown(str): the status sentence changed (the full plain text).
        export_finished(object): an export ended: the number of rows written (``int``)
            or the exception that stopped it (``HistoryUnavailable`` or ``OSError``).
            An empty view writes nothing and ends with 0.
        reconcile_finished(object): the ``ReconcileResult`` of a check started from here.
        refreshed(): the table was reloaded from the history file.
        confirmation_saved(int): a confirmation of that many cancellations was saved as a
            PDF or sent to the printer.
    """

    message_shown = Signal(str)
    export_finished = Signal(object)
    reconcile_finished = Signal(object)
    refreshed = Signal()
    confirmation_saved = Signal(int)

    def __init__(
        self,
        history_path: Path,
        service: DeskService,
        profiles: ProfileStore,
        parent: QWidget | None = None,
        *,
        credentials_provider: Callable[[], CredentialsSource | Credentials | None] | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.history_path = Path(history_path)
        self.service = service
        self.profiles = profiles
        self.credentials_provider = credentials_provider
        # Seams for tests: where to save (None: the user cancelled) and how to open a
        # link; None means the file dialog and the desktop's browser. (Not bound methods
        # of self: a reference cycle would leave the window to the cyclic garbage
        # collector, which may run on the API thread and destroy a widget there.)
        self.ask_save_path: Callable[[str], str | None] | None = None
        self.open_url: Callable[[str], bool] | None = None
        # And the printer to print on (None: the clerk closed the dialog); a QPrinter.
        self.ask_printer: Callable[[], object] | None = None

        self.setWindowTitle(self.tr("Audit history"))
        self.setObjectName("historyWindow")
        self.resize(default_size(self.screen().availableGeometry()))

        self.model = HistoryTableModel(self.history_path, self)
        self.exporter = HistoryExporter(self.history_path, self)
        self.export_actions = HistoryExportActions(self)
        self.exporter.done.connect(self.export_actions.on_export_done)
        self.reconciler = HistoryReconcile(self)
        self.row_actions = HistoryRowActions(self)
        self.confirmations = HistoryConfirmations(self)
        self.reissue = HistoryReissue(self)
        self._build()
        self.columns = HistoryColumns(self)
        self.columns.setup()
        self.columns_action.triggered.connect(self.columns.show_chooser)
        for key in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")):
            QShortcut(key, self, self.close)  # Esc and Ctrl+W close it, as they do a dialog

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)

        self._restore: tuple[list[int], int | None, int] | None = None
        self.model.totals_changed.connect(self.on_model_totals_changed)
        self.model.profiles_loaded.connect(self.on_model_profiles_loaded)
        self.model.loaded.connect(self.on_model_loaded)
        self.model.failed.connect(self.on_model_failed)
        self.model.modelReset.connect(self.row_actions.update)
        service.history_changed.connect(self.on_api_history_changed)

    # ---- construction ---------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.filters = HistoryFilterBar(self)
        self.filters.changed.connect(self.apply_filter)
        # The controls, by the names callers know them by.
        self.search_edit = self.filters.search_edit
        self.outcome_combo = self.filters.outcome_combo
        self.profile_combo = self.filters.profile_combo
        self.any_date_check = self.filters.any_date_check
        self.since_edit = self.filters.since_edit
        self.until_edit = self.filters.until_edit
        outer.addWidget(self.filters)

        self.table = HistoryTableView(self.model, self)
        header = self.table.horizontalHeader()
        header.sortIndicatorChanged.connect(self.on_header_sortIndicatorChanged)
        actions = self.row_actions
        self.table.doubleClicked.connect(actions.on_table_doubleClicked)
        self.table.copy_requested.connect(actions.copy)
        self.table.open_requested.connect(actions.on_table_open_requested)
        self.table.selectionModel().selectionChanged.connect(actions.update)
        self.table.selectionModel().currentRowChanged.connect(actions.update)
        outer.addWidget(self.table, 1)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label = plain_label(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setAccessibleName(self.tr("Status"))
        info = QHBoxLayout()
        info.addWidget(self.count_label)
        info.addWidget(self.status_label, 1)
        outer.addLayout(info)

        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy row"), self)
        self.copy_button.setObjectName("copy_button")
        self.copy_button.setToolTip(self.tr("Copy the selected rows as text (Ctrl+C in the table)"))
        self.copy_button.clicked.connect(actions.copy)
        self.open_button = QPushButton(self.tr("Open &receipt"), self)
        self.open_button.setObjectName("open_button")
        self.open_button.setToolTip(
            self.tr("Open the receipt of the selected attempt in the browser")
        )
        self.open_button.clicked.connect(actions.open_selected)
        self.pair_button = QPushButton(self.tr("&Go to the linked row"), self)
        self.pair_button.setObjectName("pair_button")
        self.pair_button.setToolTip(
            self.tr(
                "Select the other row of a correction: the re-issue of a cancellation, or the "
                "cancellation a re-issue corrects (or double-click the Correction cell)"
            )
        )
        self.pair_button.clicked.connect(actions.go_to_pair)
        self.reconcile_button = QPushButton(self.tr("Check &unknown outcomes"), self)
        self.reconcile_button.setObjectName("reconcile_button")
        self.reconcile_button.setToolTip(
            self.tr(
                "Look up the receipts of attempts whose outcome is unknown, for the active store "
                "profile. Nothing is cancelled again."
            )
        )
        self.reconcile_button.clicked.connect(self.reconciler.on_reconcile_button_clicked)
        self.reissue_button = self.reissue.button
        for button in (self.copy_button, self.open_button, self.pair_button, self.reissue_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.reconcile_button)
        outer.addLayout(buttons)

        files = QHBoxLayout()
        self.pdf_button = self.confirmations.pdf_button
        self.print_button = self.confirmations.print_button
        self.report_button = self.confirmations.report_button
        for button in self.confirmations.buttons():
            files.addWidget(button)
        files.addStretch(1)
        self.xlsx_button = QPushButton(self.tr("E&xport to Excel..."), self)
        self.xlsx_button.setObjectName("xlsx_button")
        self.xlsx_button.setToolTip(
            self.tr(
                "Save the attempts shown (with the current filter and order) as an Excel "
                "workbook that keeps every digit of the order and approval numbers"
            )
        )
        self.xlsx_button.clicked.connect(self.export_actions.on_xlsx_button_clicked)
        self.export_button = QPushButton(self.tr("Export to CS&V..."), self)
        self.export_button.setObjectName("export_button")
        self.export_button.setToolTip(
            self.tr("Save the attempts shown as a CSV file, for programs other than Excel")
        )
        self.export_button.clicked.connect(self.export_actions.on_export_button_clicked)
        files.addWidget(self.xlsx_button)
        files.addWidget(self.export_button)
        outer.addLayout(files)

        # The same actions on the table's context menu.
        self.copy_action = QAction(self.tr("Copy row"), self.table)
        self.copy_action.triggered.connect(actions.copy)
        self.open_action = QAction(self.tr("Open receipt"), self.table)
        self.open_action.triggered.connect(actions.open_selected)
        self.pair_action = QAction(self.tr("Go to the linked row"), self.table)
        self.pair_action.triggered.connect(actions.go_to_pair)
        self.columns_action = QAction(self.tr("Columns..."), self.table)  # the keyboard's way
        for action in (self.copy_action, self.open_action, self.pair_action, self.columns_action):
            self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        actions.update()

    # ---- the filter -----------------------------------------------------------------

    def current_filter(self) -> HistoryFilter:
        """The filter the controls describe now (the search text without the delay)."""
        return self.filters.current_filter()

    @Slot()
    def apply_filter(self) -> None:
        self.filters.search_timer.stop()
        self.model.set_filter(self.current_filter())

    @Slot(list)
    def on_model_profiles_loaded(self, names: list[str]) -> None:
        self.filters.set_profiles(names)

    # ---- loading --------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Reload from the file, keeping the rows loaded, the selection and the scroll.

        The rows are read in the background; ``refreshed`` is emitted once they are shown."""
        self._refresh_timer.stop()
        if self._restore is None:  # a refresh already under way keeps what it saved
            self._restore = (
                self._selected_ids(),
                self._current_entry_id(),
                self.table.verticalScrollBar().value(),
            )
        self.filters.search_timer.stop()
        self.model.reload(keep_loaded=True, flt=self.current_filter(), with_profiles=True)

    @Slot()
    def on_model_loaded(self) -> None:
        if self._restore is None or self.model.loading:
            return
        selected, current, scroll = self._restore
        self._restore = None
        self._restore_selection(selected, current)
        self.table.verticalScrollBar().setValue(scroll)
        self.refreshed.emit()

    def _selected_ids(self) -> list[int]:
        ids = []
        for index in self.table.selectionModel().selectedRows():
            entry = self.model.entry(index.row())
            if entry is not None:
                ids.append(entry.id)
        return ids

    def _current_entry_id(self) -> int | None:
        entry = self.model.entry(self.table.currentIndex().row())
        return None if entry is None else entry.id

    def _restore_selection(self, ids: list[int], current: int | None) -> None:
        selection = self.table.selectionModel()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for entry_id in ids:
            row = self.model.row_of(entry_id)
            if row is not None:
                selection.select(self.model.index(row, 0), flags)
        if current is not None:
            row = self.model.row_of(current)
            if row is not None:
                selection.setCurrentIndex(
                    self.model.index(row, 0), selection.SelectionFlag.NoUpdate
                )
        self.row_actions.update()

    @Slot(list)
    def on_api_history_changed(self, _entries: list[object]) -> None:
        if self.isVisible():
            self._refresh_timer.start()
        # else: showEvent reads the history again anyway

    @Slot(int, int)
    def on_model_totals_changed(self, matching: int, total: int) -> None:
        if self.model.filter == HistoryFilter():
            text = self.tr("All attempts shown: {0}").format(f"{total:,}")
        else:
            text = self.tr("{0} of {1} attempts shown").format(f"{matching:,}", f"{total:,}")
        self.count_label.setText(text)

    @Slot(object)
    def on_model_failed(self, error: object) -> None:
        if isinstance(error, HistoryUnavailable):
            self.show_message(history_problem(error.reason), warning=True)

    @Slot(int, Qt.SortOrder)
    def on_header_sortIndicatorChanged(self, section: int, order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(section):
            # Keep the arrow where the order really comes from.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.sort_column(),
                Qt.SortOrder.DescendingOrder
                if self.model.descending
                else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)
            self.show_message(self.tr("This column cannot be sorted."))
            return
        self.model.sort(section, order)

    # ---- row actions (tests and older callers use these names) --------------------

    def on_copy_button_clicked(self) -> None:
        self.row_actions.copy()

    def on_table_doubleClicked(self, index: QModelIndex) -> None:
        self.row_actions.on_table_doubleClicked(index)

    # ---- export ---------------------------------------------------------------------

    def export_headers(self) -> list[str]:
        """The CSV column titles, in the order of ``history_export.DEFAULT_HEADERS``."""
        return export_headers()

    @property
    def writing_files(self) -> bool:
        """An export or a confirmation PDF is being written on a thread of its own."""
        return self.exporter.running or self.confirmations.writer.running

    # ---- messages and events --------------------------------------------------------

    def show_message(self, text: str, *, warning: bool = False) -> None:
        colour = WARNING_COLOUR if warning else "palette(window-text)"
        self.status_label.setStyleSheet(label_style("status_label", colour))
        self.status_label.setText(text)
        self.message_shown.emit(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.columns.save()
        self.filters.search_timer.stop()
        self._refresh_timer.stop()
        self.model.close()  # the read connection; reopened when the window is shown again
        self._restore = None
        super().closeEvent(event)


__all__ = ["COLUMNS", "HistoryTableView", "HistoryWindow", "kst_day_start"]
