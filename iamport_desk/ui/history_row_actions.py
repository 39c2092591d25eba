"""What the history window does with the selected rows: copy them, open a receipt, go to the
other row of a correction pair (a cancellation and the re-issue that corrects it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from iamport_desk.models import Action, HistoryEntry
from iamport_desk.ui.history_cells import COL_PAIR
from iamport_desk.ui.history_model import row_text

if TYPE_CHECKING:
    from iamport_desk.ui.history_window import HistoryWindow


def paired_id(entry: HistoryEntry) -> int | None:
    """The other row of ``entry``'s correction pair (History.get_pair's other side)."""
    return entry.corrects_id if entry.action is Action.ISSUE else entry.corrected_by


class HistoryRowActions(QObject):
    """The row actions of the history window (its buttons, keys and context menu).

    No signals of its own: it speaks through the window's ``show_message``.
    """

    @property
    def _window(self) -> HistoryWindow:
        # The window is the Qt parent; no Python reference back to it (no reference cycle).
        return cast("HistoryWindow", self.parent())

    def selected_rows(self) -> list[int]:
        table = self._window.table
        rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
        if not rows and table.currentIndex().isValid():
            rows = [table.currentIndex().row()]
        return rows

    def selected_entries(self) -> list[HistoryEntry]:
        model = self._window.model
        return [entry for row in self.selected_rows() if (entry := model.entry(row)) is not None]

    @Slot()
    def update(self) -> None:
        window = self._window
        rows = self.selected_rows()
        window.copy_button.setEnabled(bool(rows))
        window.copy_action.setEnabled(bool(rows))
        link = window.model.link(rows[0]) if len(rows) == 1 else None
        window.open_button.setEnabled(link is not None)
        window.open_action.setEnabled(link is not None)
        entry = window.model.entry(rows[0]) if len(rows) == 1 else None
        paired = entry is not None and paired_id(entry) is not None
        window.pair_button.setEnabled(paired)
        window.pair_action.setEnabled(paired)
        window.confirmations.update()
        window.reissue.update()

    # ---- copy -----------------------------------------------------------------------

    @Slot()
    def copy(self) -> None:
        entries = self.selected_entries()
        if not entries:
            return
        QGuiApplication.clipboard().setText("\n".join(row_text(entry) for entry in entries))
        self._window.show_message(
            QCoreApplication.translate("HistoryWindow", "Copied {0} row(s).").format(len(entries))
        )

    # ---- open -----------------------------------------------------------------------

    @Slot()
    def open_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.open_row(rows[0])

    @Slot(QModelIndex)
    def on_table_doubleClicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if index.column() == COL_PAIR and self._entry_paired(index.row()):
            self.go_to_pair()  # the link's own cell leads to the other row
        else:
            self.open_row(index.row())

    @Slot()
    def on_table_open_requested(self) -> None:
        index = self._window.table.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> None:
        window = self._window
        link = window.model.link(row)
        if link is None:
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow",
                    "This attempt has no receipt link that can be opened (only http and https "
                    "links are opened).",
                )
            )
            return
        open_url = window.open_url or _open_url
        if not open_url(link):
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow", "The browser could not be started to open the receipt."
                ),
                warning=True,
            )

    # ---- the correction pair ----------------------------------------------------------

    def _entry_paired(self, row: int) -> bool:
        entry = self._window.model.entry(row)
        return entry is not None and paired_id(entry) is not None

    @Slot()
    def go_to_pair(self) -> None:
        """Select the other row of the current row's correction pair, if the view holds it."""
        window = self._window
        entries = self.selected_entries()
        other = paired_id(entries[0]) if len(entries) == 1 else None
        if other is None:
            return
        row = window.model.row_of(other)
        if row is None:
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow",
                    "Row #{0} is not among the rows shown. Clear the search and the filters "
                    "to see it.",
                ).format(other)
            )
            return
        table = window.table
        selection = table.selectionModel()
        index = window.model.index(row, COL_PAIR)
        selection.setCurrentIndex(
            index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
        )
        table.scrollTo(index)
        window.show_message(
            QCoreApplication.translate("HistoryWindow", "Row #{0} selected.").format(other)
        )


def _open_url(url: str) -> bool:
    return bool(QDesktopServices.openUrl(QUrl(url, QUrl.ParsingMode.StrictMode)))


__all__ = ["HistoryRowActions", "paired_id"]
