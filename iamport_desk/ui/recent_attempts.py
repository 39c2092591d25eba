"""The main window's recent attempts: how many outcomes are unknown, and the last twenty."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iamport_desk.formatting import elide, format_kst
from iamport_desk.models import HistoryEntry, Outcome
from iamport_desk.ui.receipt_view import plain_label
from iamport_desk.ui.words import note_text, outcome_text, won


class RecentAttempts(QWidget):
    """The newest attempts as a small read-only table, with the buttons about the history.

    ``reconcile_button`` and ``history_button`` are connected by the window.

    Signals: none of its own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel(self.tr("Recent attempts:"), self)
        self.unresolved_label = plain_label(self)
        self.reconcile_button = QPushButton(self.tr("Check &unknown outcomes"), self)
        self.reconcile_button.hide()
        self.history_button = QPushButton(self.tr("Full histor&y..."), self)
        row.addWidget(label)
        row.addWidget(self.unresolved_label, 1)
        row.addWidget(self.reconcile_button)
        row.addWidget(self.history_button)
        layout.addLayout(row)

        self.table = QTableWidget(0, 5, self)
        self.table.setAccessibleName(self.tr("Recent attempts"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time (KST)"),
                self.tr("Order number"),
                self.tr("Result"),
                self.tr("Amount"),
                self.tr("Details"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # Its header and two rows, in the font's own size (a fixed 140 px was more than a
        # 200 % screen could give and then clipped): the splitter keeps at least that.
        rows = 2 * self.table.verticalHeader().defaultSectionSize()
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumHeight(header.sizeHint().height() + rows + frame)
        layout.addWidget(self.table, 1)

    def show_entries(self, entries: list[HistoryEntry]) -> None:
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            details = entry.message or note_text(entry.note)
            if entry.http_status and entry.outcome != Outcome.CANCELLED:
                details = f"HTTP {entry.http_status}" + (f" - {details}" if details else "")
            values = [
                format_kst(entry.started_at),
                entry.merchant_uid,
                outcome_text(entry.outcome, entry.action),  # an issue row reads 'Issued'
                won(entry.amount),
                elide(details, 200),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)

    def show_unresolved(self, count: int) -> None:
        self.reconcile_button.setVisible(count > 0)
        self.unresolved_label.setText(
            self.tr("{0} attempt(s) with an unknown outcome").format(count) if count else ""
        )


__all__ = ["RecentAttempts"]
