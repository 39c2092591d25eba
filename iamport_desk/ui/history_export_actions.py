"""The history window's export buttons ("Export to Excel...", the default, and "Export to
CSV..." for other programs): where to save, then the outcome said.

The rows are written in the background by :class:`history_exporter.HistoryExporter`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Slot
from PySide6.QtWidgets import QFileDialog

from iamport_desk.history import HistoryUnavailable
from iamport_desk.ui.history_filters import kst_today
from iamport_desk.ui.words import export_words, history_problem

if TYPE_CHECKING:
    from iamport_desk.ui.history_window import HistoryWindow


def default_export_path(suffix: str = ".csv") -> str:
    """The Documents folder (or home), and a name with today's date in Seoul."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    name = f"iamport-desk-history-{kst_today():%Y%m%d}{suffix}"
    return str(Path(folder) / name)


class HistoryExportActions(QObject):
    """Asks where to save the rows shown, starts the export, says how it ended.

    No signals of its own: the window's ``export_finished`` is emitted from here.
    """

    @property
    def _window(self) -> HistoryWindow:
        # The window is the Qt parent; no Python reference back to it (no reference cycle).
        return cast("HistoryWindow", self.parent())

    def _ask_save_path(self, default: str) -> str | None:
        kinds = (
            QCoreApplication.translate("HistoryWindow", "Excel workbooks (*.xlsx)")
            if default.endswith(".xlsx")
            else QCoreApplication.translate("HistoryWindow", "CSV files (*.csv)")
        )
        path, _filter = QFileDialog.getSaveFileName(
            self._window,
            QCoreApplication.translate("HistoryWindow", "Export the history"),
            default,
            kinds,
        )
        return path or None

    @Slot()
    def on_export_button_clicked(self) -> None:
        """CSV, for other programs."""
        self._export(".csv")

    @Slot()
    def on_xlsx_button_clicked(self) -> None:
        """An Excel workbook that keeps every digit: the default export."""
        self._export(".xlsx")

    def _export(self, suffix: str) -> None:
        window = self._window
        if window.exporter.running:
            return
        ask = window.ask_save_path or self._ask_save_path
        chosen = ask(default_export_path(suffix))
        if not chosen:
            return
        dest = Path(chosen)
        if not dest.suffix:
            dest = dest.with_suffix(suffix)
        if window.filters.search_timer.isActive():
            window.apply_filter()  # export what the search box says, not what it said 0.1 s ago
        window.exporter.start(
            dest,
            window.model.filter,
            order_by=window.model.order_by,
            descending=window.model.descending,
            xlsx=suffix == ".xlsx",
            **export_words(),
        )
        window.export_button.setEnabled(False)
        window.xlsx_button.setEnabled(False)
        window.show_message(QCoreApplication.translate("HistoryWindow", "Exporting..."))

    @Slot(object, object)
    def on_export_done(self, rows: object, detail: object) -> None:
        window = self._window
        window.export_button.setEnabled(True)
        window.xlsx_button.setEnabled(True)
        if rows == 0 and detail is None:
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow",
                    "No records to export: no file was written. No attempt matches the "
                    "search and the filters; change them, then try again.",
                )
            )
            window.export_finished.emit(0)
            return
        if isinstance(rows, int) and isinstance(detail, Path):
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow", "Exported {0} attempt(s) to {1}."
                ).format(f"{rows:,}", str(detail))
            )
            window.export_finished.emit(rows)
            return
        if isinstance(detail, HistoryUnavailable):
            text = QCoreApplication.translate("HistoryWindow", "The export failed: {0}").format(
                history_problem(detail.reason)
            )
        elif isinstance(detail, OSError):
            reason = detail.strerror or type(detail).__name__
            text = QCoreApplication.translate(
                "HistoryWindow",
                "The file could not be saved ({0}). If it is open in Excel, close it; or "
                "choose another folder.",
            ).format(reason)
        else:
            text = QCoreApplication.translate(
                "HistoryWindow",
                "The export failed unexpectedly. The details were written to the log file.",
            )
        window.show_message(text, warning=True)
        window.export_finished.emit(detail)
